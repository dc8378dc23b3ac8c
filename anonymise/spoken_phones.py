"""Phone numbers read out in words, found by how many digits they say.

People read a number in single digits ("oh seven seven double oh…"), in pairs ("zéro six, trente-neuf,
quatre-vingt-dix-huit"), in hundreds ("seiscientos sesenta y nueve, quinientos cincuenta y cinco"), with
repeats ("triple cinco", "trois fois cinq"), half in digits ("974 cincuenta y cinco, cincuenta, doce"), and
with words between the groups ("et puis", "no, perdona"). A run of three groups or more is a phone number
when it says at least seven digits, or six single digits, or a pair and four more.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.regex_recognizer import CASE_SENSITIVE
from anonymise.spoken import HESITATIONS, SINGLE_DIGITS, spoken_words

MIN_SAID_DIGITS = 7  # as many digits as the shortest phone numbers written (contacts.MIN_PHONE_DIGITS)
MIN_SINGLE_DIGITS = 6  # "two one five, five five five": six digits one by one are a number read out
MIN_GROUPS_AFTER_A_PAIR = 4  # "cincuenta y cinco, cincuenta y cinco, cero uno, veintitrés"
MAX_WORDS_BETWEEN = 2  # "non, attendez", "no, perdona" between two groups
SINGLE_DIGIT_WORDS = {word for table in SINGLE_DIGITS.values() for word in table}  # any language
_REPEATS = {"double": 2, "doble": 2, "deux fois": 2, "triple": 3, "trois fois": 3}


def _alternatives(words: list[str] | tuple[str, ...]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


@lru_cache(maxsize=16)
def _group(language: str, capture: bool = False) -> str:
    """One group said: a repeat word (optional), then a number word or up to four digits."""
    words = spoken_words(language)
    open_ = "(" if capture else "(?:"
    return rf"(?:{open_}{_alternatives(words.repeats)})\s+)?{open_}{_alternatives(words.digits)}|\d{{1,4}})"


def spoken_phone_pattern(language: str) -> str:
    """Three groups of digits or more, said or written, with pauses, hesitations or words between them."""
    words = spoken_words(language)
    plus = rf"(?:{_alternatives(words.plus)}\s+)?"
    between = _alternatives([*HESITATIONS, *words.between])
    pause = r"(?:[\s,;…-]|\.(?!\s+(?-i:[A-ZÀ-Ý¿¡])))+"  # not across a sentence end
    gap = rf"{pause}(?:{between}{pause}){{0,{MAX_WORDS_BETWEEN}}}"
    group = _group(language)
    return rf"(?i)(?<![\w'’-]){plus}{group}(?:{gap}{group}){{2,}}(?![\w-])"


def _is_hundred(word: str) -> bool:
    return word in ("hundred", "cien", "ciento") or word.endswith(("ientos", "cent"))  # "quinientos", "deux cent"


def said_groups(text: str, language: str) -> list[tuple[int, bool]]:
    """Each group's digits, and whether it is a single digit word or digit, in order ("ciento veinte" is one
    group of three; "triple cinco" three digits); none when every group is a round hundred."""
    groups: list[tuple[int, bool]] = []
    hundred_open, last_end = False, 0
    round_hundreds = []
    for match in re.finditer(rf"(?i)(?<![\w'’-]){_group(language, capture=True)}(?![\w'’-])", text):
        repeat, said = (match.group(1) or "").lower(), match.group(2).lower()
        paused = bool(re.search(r"[,;.…]", text[last_end : match.start()]))
        last_end = match.end()
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
        groups.append((digits * _REPEATS.get(" ".join(repeat.split()), 1), single))
    if len(round_hundreds) > 1 and all(round_hundreds):
        return []  # "doscientos, trescientos, cuatrocientos": amounts, not a number read out
    return groups


def is_said_phone(text: str, language: str) -> bool:
    """Whether a run of groups says a phone number: seven digits or more, six single digits, or a pair and
    four groups after it; with a group said in words (written numbers are `contacts.PhoneNumberRecognizer`'s,
    which knows account numbers and amounts)."""
    groups = said_groups(text, language)
    if not re.search(r"[^\W\d_]", text):
        return False
    if sum(digits for digits, _ in groups) >= MIN_SAID_DIGITS:
        return True
    singles = sum(single for _, single in groups)
    return singles >= MIN_SINGLE_DIGITS or (len(groups) > MIN_GROUPS_AFTER_A_PAIR and groups[0][0] == 2)


class SpokenPhoneRecognizer(PatternRecognizer):
    """Phone numbers read out in words, digits or both."""

    def __init__(self, language: str) -> None:
        self.language = language
        super().__init__(
            supported_entity="PHONE_NUMBER",
            name="SpokenPhoneRecognizer",
            patterns=[Pattern("spoken digits", spoken_phone_pattern(language), 0.75)],
            supported_language=language,
            global_regex_flags=CASE_SENSITIVE,
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if is_said_phone(pattern_text, self.language) else False
