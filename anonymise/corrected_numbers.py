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
from anonymise.spoken import number_word

MAX_ASIDE_WORDS = 5  # "ça c'est mon ancien", "that's my old one"
_CORRECTION = (
    r"(?:(?:non|no)(?:\s*,?\s*(?:pardon|perdón|perdon|perdona|sorry|attendez|attends|espera|wait))?"
    r"|pardon|perdón|perdona|sorry|attendez|espera|wait)"
)


@lru_cache(maxsize=8)
def _corrected_start(language: str) -> re.Pattern:
    """Numbers, a pause, a correction and a short aside, at the end of the text before a phone number."""
    word = rf"(?>(?:{number_word(language)}|\d+)(?!\w))"  # one word or group at a time, never taken back
    aside = rf"(?:[\s,]+[\w'’]+){{0,{MAX_ASIDE_WORDS}}}?"
    return re.compile(
        rf"(?i)(?<![\w-])(?:\+\s*)?{word}(?:[\s,-]+(?:(?:y|et|and)\s+)?{word})*+\s*(?:\.{{3}}|…|,)\s*{_CORRECTION}"
        rf"(?![\w-]){aside}\s*[,:]?\s*$"
    )


def phones_with_their_corrections(texts: list[str], detections: list[Detection], language: str) -> list[Detection]:
    """The detections, each phone number grown back over a start the speaker corrected right before it."""
    grown = []
    for d in detections:
        if d.entity_type == "PHONE_NUMBER":
            text = texts[d.turn]
            before = _corrected_start(language).search(text[max(0, d.start - 200) : d.start])
            if before is not None:
                start = max(0, d.start - 200) + before.start()
                d = replace(d, start=start, text=text[start : d.end])
        grown.append(d)
    return grown
