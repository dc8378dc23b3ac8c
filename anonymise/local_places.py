"""Local places whose names are ordinary words ("Market Yard", "the West Side", "Eight Mile"): two or three
capitalised words after a preposition of place, the last a word for a part of a town. The model knows
cities; neighbourhoods, estates and yards named with everyday words it often misses."""

from __future__ import annotations

from anonymise.detect import Detection
from anonymise.grammar import DEFINITE
from anonymise.name_spans import capitalised_word, covered
from anonymise.terms import AllowList

ENGLISH_PLACE_PREPOSITIONS = {"in", "on", "at", "near", "around", "off", "from", "to"}
PARTS_OF_A_TOWN = {"yard", "side", "end", "town", "village", "estate", "heights", "quarter", "district", "valley",
                   "bay", "junction", "gate", "green", "common", "mile", "hill", "market", "cross", "bridge",
                   "corner", "park", "fields", "flats", "grove", "terrace", "square"}  # fmt: skip
MAX_WORDS = 3


def local_places(docs: list, known: list[Detection], allow: AllowList, language: str) -> list[Detection]:
    """English: places named by ordinary capitalised words after "in", "on", "at"… that nothing covers."""
    if language != "en":
        return []
    taken, found = covered(known), []
    for turn, doc in enumerate(docs):
        for i in range(1, len(doc)):
            if not _after_a_place_preposition(doc, i):
                continue
            end = i
            while end < len(doc) and end - i < MAX_WORDS and capitalised_word(doc[end]):
                end += 1
            span = doc[i:end]
            if end - i < 2 or span[-1].lower_ not in PARTS_OF_A_TOWN or (end < len(doc) and capitalised_word(doc[end])):
                continue
            if any((turn, t.idx) in taken for t in span) or allow.covers(span.text):
                continue
            found.append(Detection(turn, span.start_char, span.end_char, "LOCATION", 0.6, "local place", span.text))
    return found


def _after_a_place_preposition(doc, i: int) -> bool:
    j = i - 1
    if doc[j].lower_ in DEFINITE:
        j -= 1
    return j >= 0 and doc[j].lower_ in ENGLISH_PLACE_PREPOSITIONS and capitalised_word(doc[i])
