"""A name is never cut inside a hyphenated name.

spaCy splits "Bright-Path" into three tokens, so a rule may find "Bright" of "I work for Bright-Path Tutoring"
(after "work for") or "Tutoring" alone, and the coder copy would read "[ORG 1]-Path Tutoring". A name found
inside a hyphenated word whose other end is capitalised takes the whole word, as does one found up to a hyphen
("Hakatere Rural Co-" of "Co-operative"; an affix stays outside: "a credit
union-run scheme", "London-based"); an organisation or place takes the capitalised hyphenated word said right
before it inside a sentence ("Clear-View Cleaning", "Tay-Forth Logistics").
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymise.detect import Detection
from anonymise.terms import NAME_TYPES

_REST_OF_THE_WORD = re.compile(r"(?:-[^\W\d_][\w'’]*)+")  # "-Path" after "Bright"
_START_OF_THE_WORD = re.compile(r"(?<![\w'’-])(?:[^\W\d_][\w'’]*-)+$")  # "Bright-" before "Path"
_WORD_AFTER_A_HYPHEN = re.compile(r"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*")  # "operative" after "Co-"
_CAPITALISED_COMPOUND = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’]*(?:-[A-ZÀ-Ý][\w'’]*)+ $")  # "Bright-Path "


def whole_hyphenated_words(texts: list[str], detections: list[Detection]) -> list[Detection]:
    """The detections, each name grown to the whole hyphenated words at its edges."""
    return [_whole(texts[d.turn], d) if d.entity_type in NAME_TYPES else d for d in detections]


def _whole(text: str, d: Detection) -> Detection:
    """`d` over the whole hyphenated word at each edge where the word's far end is a name's ("Bright-Path",
    "Gulshan-e-Iqbal"), not an affix ("union-run", "London-based", "anti-Macron": the name stays the one found)."""
    start, end = d.start, d.end
    if text[end - 1 : end] == "-" and (cut := _WORD_AFTER_A_HYPHEN.match(text, end)):
        end = cut.end()  # found up to the hyphen: "Hakatere Rural Co-" of "Co-operative"
    if text[end : end + 1] == "-" and text[end - 1 : end].isalpha() and (rest := _REST_OF_THE_WORD.match(text, end)):
        end = rest.end() if rest.group().split("-")[-1][:1].isupper() else end
    if text[start - 1 : start] == "-" and text[start : start + 1].isalpha():
        if head := _START_OF_THE_WORD.search(text, 0, start):
            start = head.start() if head.group()[:1].isupper() else start
    if d.entity_type != "PERSON" and (before := _CAPITALISED_COMPOUND.search(text, 0, start)):
        inside_a_sentence = text[: before.start()].rstrip()[-1:] not in ("", ".", "?", "!", ":")
        start = before.start() if inside_a_sentence else start
    return d if (start, end) == (d.start, d.end) else replace(d, start=start, end=end, text=text[start:end])
