"""Phone numbers read out in words, found by how many digits they say.

People read a number in single digits ("oh seven seven double oh…"), in pairs ("zéro six, trente-neuf,
quatre-vingt-dix-huit"), in hundreds ("seiscientos sesenta y nueve, quinientos cincuenta y cinco"), with
repeats ("triple cinco", "trois fois cinq"), half in digits ("974 cincuenta y cinco, cincuenta, doce"), and
with words between the groups ("et puis", "no, perdona"). A run of three groups or more is a phone number
when it has six numbers in a row, or a pair and four more, or says at least seven digits in words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import Pattern

from anonymise.regex_recognizer import RegexRecognizer
from anonymise.spoken import HESITATIONS, SINGLE_DIGITS, alternatives, spoken_words

MIN_SAID_DIGITS = 7  # as many digits as the shortest phone numbers written (contacts.MIN_PHONE_DIGITS)
MIN_ROW_DIGITS = 5  # numbers in a row say five digits at least; a price says four ("quarante-neuf quatre-vingt-quinze")
MAX_WORDS_BETWEEN = 2  # "non, attendez", "no, perdona" between two groups
SINGLE_DIGIT_WORDS = {word for table in SINGLE_DIGITS.values() for word in table}  # any language
# tens that join the word after them with a hyphen into one number ("soixante-quinze", "quatre-vingt-dix-huit"),
# not "cinq-cinq-cinq", which is three digits
TENS = {"vingt", "trente", "quarante", "cinquante", "soixante", "septante", "huitante", "octante", "nonante",
        "quatre-vingt", "soixante-dix", "quatre-vingt-dix", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
        "eighty", "ninety"}  # fmt: skip
_REPEATS = {"double": 2, "doble": 2, "deux fois": 2, "triple": 3, "trois fois": 3}


@lru_cache(maxsize=16)
def _group(language: str, capture: bool = False) -> str:
    """One group said: a repeat word (optional), then a number word or up to four digits."""
    words = spoken_words(language)
    open_ = "(" if capture else "(?:"
    return rf"(?:{open_}{alternatives(words.repeats)})\s+)?{open_}{alternatives(words.digits)}|\d{{1,4}})"


def spoken_phone_pattern(language: str) -> str:
    """Three groups of digits or more, said or written, with pauses, hesitations or words between them."""
    words = spoken_words(language)
    plus = rf"(?:{alternatives(words.plus)}\s+)?"
    between = alternatives([*HESITATIONS, *words.between])
    pause = r"(?:[\s,;…-]|\.(?!\s+(?-i:[A-ZÀ-Ý¿¡])))+"  # not across a sentence end
    gap = rf"{pause}(?:{between}{pause}){{0,{MAX_WORDS_BETWEEN}}}"
    group = _group(language)
    return rf"(?i)(?<![\w'’-]){plus}{group}(?:{gap}{group}){{2,}}(?![\w-])"


@lru_cache(maxsize=8)
def _numbers_in_a_row(language: str) -> re.Pattern:
    """Six numbers in a row, or a number of two digits and four more, counting each part of a hyphenated
    number ("cinquante-cinq, quarante-quatre, dix-huit" is six): how numbers read out were found before digits
    were counted, kept so that none found then is lost."""
    words = spoken_words(language)
    number = _group(language)
    pair = alternatives([w for w in words.digits if w not in SINGLE_DIGIT_WORDS])
    gap = rf"[\s,;.…-]+(?:{alternatives(HESITATIONS)}[\s,;.…-]+)?"
    return re.compile(rf"(?i)(?<![\w'’-])(?:{number}(?:{gap}{number}){{5,}}|{pair}(?:{gap}{number}){{4}})(?![\w-])")


@lru_cache(maxsize=8)
def _groups_said(language: str) -> re.Pattern:
    """Each group on its own, its repeat word and its number captured."""
    return re.compile(rf"(?i)(?<![\w'’]){_group(language, capture=True)}(?![\w'’])")


def _is_hundred(word: str) -> bool:
    return word in ("hundred", "cien", "ciento") or word.endswith(("ientos", "cent"))  # "quinientos", "deux cent"


def said_groups(text: str, language: str) -> list[tuple[int, bool, bool]]:
    """Each group's digits, whether it is a single digit, and whether it is said in words, in order ("ciento
    veinte" is one group of three; "triple cinco" three digits); none when every group is a round hundred."""
    groups: list[tuple[int, bool, bool]] = []
    hundred_open, last_end = False, 0
    round_hundreds, previous = [], ""
    for match in _groups_said(language).finditer(text):
        repeat, said = (match.group(1) or "").lower(), match.group(2).lower()
        hyphen = match.start() - last_end == 1 and text[last_end] == "-"
        paused = bool(re.search(r"[,;.…]", text[last_end : match.start()]))
        last_end = match.end()
        if hyphen and previous in TENS and not said.isdigit():
            continue  # "soixante-quinze", "quatre-vingt-dix-huit": one number the word list has in parts
        previous = said
        if _is_hundred(said):
            single_before = said == "hundred" and groups and groups[-1][1] and not paused
            digits = 2 if single_before else 3  # "five hundred": the five was counted
            hundred_open = True
            round_hundreds.append(True)
        elif hundred_open and not paused:
            hundred_open = False
            round_hundreds[-1] = False
            continue  # "ciento veinte", "deux cent douze": part of the hundred
        else:
            hundred_open = False
            digits = len(said) if said.isdigit() else 1 if said in SINGLE_DIGIT_WORDS else 2
        single = digits == 1 and not repeat
        groups.append((digits * _REPEATS.get(" ".join(repeat.split()), 1), single, not said.isdigit()))
    if len(round_hundreds) > 1 and all(round_hundreds):
        return []  # "doscientos, trescientos, cuatrocientos": amounts, not a number read out
    return groups


def is_said_phone(text: str, language: str) -> bool:
    """Whether a run of groups is a phone number: six numbers in a row ("two one five, five five five", "33 6
    39 98 30 62"), a pair and four more, or, with a group said in words, seven digits (digit groups alone are
    `contacts.PhoneNumberRecognizer`'s, which knows account numbers and amounts)."""
    groups = said_groups(text, language)
    digits = sum(count for count, _, _ in groups)
    if _numbers_in_a_row(language).search(text) and digits >= MIN_ROW_DIGITS:
        return True  # not "quarante-neuf quatre-vingt-quinze": the parts of two numbers are no six numbers
    in_words = any(worded for _, _, worded in groups)
    return in_words and digits >= MIN_SAID_DIGITS


class SpokenPhoneRecognizer(RegexRecognizer):
    """Phone numbers read out in words, digits or both."""

    def __init__(self, language: str) -> None:
        self.language = language
        patterns = [Pattern("spoken digits", spoken_phone_pattern(language), 0.75)]
        super().__init__("PHONE_NUMBER", "SpokenPhoneRecognizer", patterns, language)

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if is_said_phone(pattern_text, self.language) else False
