"""Local places whose names are ordinary words ("Market Yard", "the West Side", "Eight Mile", "Back of the
Yards"): two or three capitalised words after a preposition of place (maybe joined by "of the"), the last a
word for a part of a town. The model knows
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
            end = _end_of_the_name(doc, i)
            span = doc[i:end]
            if end - i < 2 or not _a_part_of_a_town(span[-1]) or (end < len(doc) and capitalised_word(doc[end])):
                continue
            if any((turn, t.idx) in taken for t in span) or allow.covers(span.text):
                continue
            found.append(Detection(turn, span.start_char, span.end_char, "LOCATION", 0.6, "local place", span.text))
    return found


def _end_of_the_name(doc, i: int) -> int:
    """Where the capitalised words from i end, with an "of" or "of the" between two of them ("Back of the
    Yards")."""
    end, words = i, 0
    while end < len(doc) and words < MAX_WORDS:
        if capitalised_word(doc[end]):
            end, words = end + 1, words + 1
            continue
        joiner = 2 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else 1
        if words and doc[end].lower_ == "of" and end + joiner < len(doc) and capitalised_word(doc[end + joiner]):
            end += joiner
            continue
        break
    return end


def _a_part_of_a_town(token) -> bool:
    word = token.lower_
    return word in PARTS_OF_A_TOWN or (word.endswith("s") and word[:-1] in PARTS_OF_A_TOWN)  # "the Yards"


def _after_a_place_preposition(doc, i: int) -> bool:
    j = i - 1
    if doc[j].lower_ in DEFINITE:
        j -= 1
    return j >= 0 and doc[j].lower_ in ENGLISH_PLACE_PREPOSITIONS and capitalised_word(doc[i])
