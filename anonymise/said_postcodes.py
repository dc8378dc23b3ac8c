"""Postcodes said in words a little after their name, or as the answer to a question about them.

"el código postal no lo puso, pero será el veintisiete cero cero dos", "the postcode, it's oh two one one
nine", "¿Y el código postal? / El veintiocho cero treinta y ocho.": a number of two or more words said in the
same sentence as the word for a postcode, after it (and before any postcode in digits), or opening the turn
that answers a question about one, is that postcode. A number with a noun after it ("dos años") is a count.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymise.addresses import POSTCODE_WORDS
from anonymise.detect import Detection
from anonymise.spoken import number_word_pattern

MAX_WORDS_BETWEEN = 10  # from the postcode word to its number, in one sentence
_SENTENCE_END = re.compile(r"[.?!](?:\s|$)")
_OPENERS = r"(?:(?:sí|si|yes|oui|es|el|le|the|it's|c'est|pues|eh|um|uh|bueno|ben)[\s,]+)*"


@lru_cache(maxsize=8)
def said_number(language: str) -> re.Pattern:
    """A number said in words that no noun follows ("veintiocho cero doce, eso"; not "dos mil pesos")."""
    number = number_word_pattern(language)
    # two words or more, then no word but a capitalised town or a link ("veintisiete ochocientos Vilalba, y…")
    return re.compile(rf"(?i:{number})(?=\s*(?:[,.;:?!\"”»)]|$|(?-i:[A-ZÀ-Ý])|(?:y|and|et|que|pero|but)\b))")


_POSTCODE_WORD = re.compile(rf"(?i)(?<![\w-]){POSTCODE_WORDS}(?![\w-])")


def said_postcodes(texts: list[str], language: str) -> list[Detection]:
    """Numbers said in words that give a postcode named just before them, in the turn or the question before."""
    found = []
    for turn, text in enumerate(texts):
        asked = turn > 0 and _asks_for_a_postcode(texts[turn - 1])
        for match in said_number(language).finditer(text):
            if len(match.group().split()) < 2:
                continue
            if _named_before(text, match.start()) or (asked and _opens_the_answer(text, match.start())):
                found.append(Detection(turn, *match.span(), "STREET_ADDRESS", 0.7, "postcode said", match.group()))
    return found


def _named_before(text: str, start: int) -> bool:
    """A postcode word earlier in the same sentence, at most MAX_WORDS_BETWEEN words before `start`."""
    sentence = text[:start]
    ends = [m.end() for m in _SENTENCE_END.finditer(sentence)]
    sentence = sentence[ends[-1] :] if ends else sentence
    words = sentence.split()
    window = " ".join(words[-(MAX_WORDS_BETWEEN + 3) :])
    named = list(_POSTCODE_WORD.finditer(window))
    return bool(named) and not re.search(r"\d", window[named[-1].end() :])  # not once it was given in digits


def _asks_for_a_postcode(previous: str) -> bool:
    """The previous turn ends with a question about a postcode ("¿Y el código postal?")."""
    question = previous.rstrip()
    if not question.endswith("?"):
        return False
    ends = [m.end() for m in _SENTENCE_END.finditer(question[:-1])]
    return _POSTCODE_WORD.search(question[ends[-1] if ends else 0 :]) is not None


def _opens_the_answer(text: str, start: int) -> bool:
    """Only a word such as "sí", "el", "the" comes before the number in the turn."""
    return re.fullmatch(rf"(?i)\s*{_OPENERS}", text[:start]) is not None
