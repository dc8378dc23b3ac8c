"""A phone number the speaker starts, stops and says again: "cinquante... non pardon, c'est cinq, cinquante-cinq,
cinquante", "Vingt-deux, cinq cent cinquante-cinq... non pardon, c'est le vieux, vingt-cinq, …", "four three
eight... no, sorry, that's my old one, five one four, …". The abandoned start and the words of the correction
belong to the number: the coder copy should not keep "non pardon, c'est le vieux" around a placeholder, nor the
start of an old number.

The start must be digits or numbers said in words, then a pause, a word of correction ("non", "pardon",
"sorry", "attendez", "perdón") and at most a few words, right before the number found.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from anonymise.detect import Detection
from anonymise.spoken import SELF_CORRECTIONS, alternatives, number_word

MAX_ASIDE_WORDS = 5  # "ça c'est mon ancien", "that's my old one"
_CORRECTION = rf"(?:(?:non|no)(?:\s*,?\s*{alternatives(SELF_CORRECTIONS)})?|{alternatives(SELF_CORRECTIONS)})"


_ASIDE = rf"(?:[\s,]+[\w'’]+){{0,{MAX_ASIDE_WORDS}}}?"
# a pause, a correction and a short aside, at the end of the text before a phone number
_CORRECTION_AT_THE_END = re.compile(rf"(?i)\s*(?:\.{{3}}|…|,)\s*{_CORRECTION}(?![\w-]){_ASIDE}\s*[,:]?\s*$")
_SEPARATORS_AT_THE_END = re.compile(r"(?i)(?:[\s,+-]|\b(?:y|et|and)\b)*$")  # between two words of a number


@lru_cache(maxsize=8)
def _number_word_at_the_end(language: str) -> re.Pattern:
    """One number word or group of digits at the end of a text, right after a separator or at its start."""
    return re.compile(rf"(?i)(?:^|(?<=[\s,+-]))(?:{number_word(language)}|\d+)$")


def _corrected_start(before: str, language: str) -> int | None:
    """Where the numbers a correction abandoned start, at the end of `before`; None if there are none. The
    words are read one at a time from the end: a pattern repeating a repeated number takes exponential time."""
    correction = _CORRECTION_AT_THE_END.search(before)
    if correction is None:
        return None
    head, start = before[: correction.start()], None
    while word := _number_word_at_the_end(language).search(head):
        start = word.start()
        head = _SEPARATORS_AT_THE_END.sub("", head[:start])
    return start


def phones_with_their_corrections(texts: list[str], detections: list[Detection], language: str) -> list[Detection]:
    """The detections, each phone number grown back over a start the speaker corrected right before it."""
    grown = []
    for d in detections:
        if d.entity_type == "PHONE_NUMBER":
            text = texts[d.turn]
            window = max(0, d.start - 200)
            start = _corrected_start(text[window : d.start], language)
            if start is not None:
                d = replace(d, start=window + start, text=text[window + start : d.end])
        grown.append(d)
    return grown
