"""An address said as a chain of parts is one address.

People give an address as parts set off by commas: "14 rue du Long-Pot, résidence Les Tisserands, bâtiment D,
escalier 2, appartement 32, 59800 Lille", "Corrientes 1633, piso 3, depto. B, código postal 2000, Rosario".
The recognizers find some parts (a street, a building, a town) and leave the others between them: a unit, a
postcode, a house number. Each street address found is grown here, part by part, over the parts around it
that are themselves found names, units, postcodes or a street with its number, up to the end of the sentence.
"""

from __future__ import annotations

import re

from anonymise.addresses import UNIT
from anonymise.detect import Detection
from anonymise.name_spans import STREET_WORDS

PLACE_TYPES = {"STREET_ADDRESS", "LOCATION", "ORGANIZATION"}
MAX_PART_WORDS = 6
_BUILDING_WORDS = r"(?:résidence|immeuble|cité|lotissement|zona|colonia|barrio|urbanización|edificio|conjunto)"
_PART = re.compile(
    rf"(?:{UNIT}(?:\s+\w+)?"  # "escalier 2", "depto. B"
    r"|\d{1,2}\.?\s*[ºª°]\.?(?:\s+\w+\.?)?|\d{1,2}e\s+étage"  # "3.º", "5.º izda.", "2e étage"
    rf"|{_BUILDING_WORDS}\s+(?:[A-ZÀ-Ý][\w'’-]*\s*)+"  # "résidence Les Tisserands", "zona Centro"
    r"|(?:[A-Z]{1,2}-?)?\d{4,5}(?:\s+[A-ZÀ-Ý][\w'’-]*)*"  # "59800 Lille", "CH-1012 Lausanne", "46011"
    r"|(?:\d{2}\s+)?BP\s+\d+(?:\s+[A-ZÀ-Ý][\w'’-]*(?:\s+\d{2})?)?"  # "01 BP 7724 Abidjan 01"
    r"|(?:código postal|code postal|CP|C\.P\.)\s+\d{4,5}"
    r"|[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}\s+\d{1,5}"  # "Corrientes 1633", a street and its number
    r"|entre\s+[A-ZÀ-Ý][\w'’-]*\s+y\s+[A-ZÀ-Ý][\w'’-]*)$"  # "entre Gutiérrez y Rosario"
)
_SENTENCE_END = re.compile(r"[.;:?!](?=\s+[A-ZÀ-Ý¿¡][\w'’]|\s*$)")


def join_address_parts(texts: list[str], detections: list[Detection]) -> list[Detection]:
    """The detections, with each street address grown over the comma-separated parts around it."""
    grown = []
    for d in detections:
        if d.entity_type == "STREET_ADDRESS":
            start, end = _chain(texts[d.turn], d, [o for o in detections if o.turn == d.turn])
            if (start, end) != (d.start, d.end):
                d = Detection(d.turn, start, end, d.entity_type, d.score, d.rule, texts[d.turn][start:end])
        grown.append(d)
    return grown


def _chain(text: str, d: Detection, others: list[Detection]) -> tuple[int, int]:
    start, end = d.start, d.end
    while match := re.match(r"\s*,\s*([^,]+?)(?=\s*,|\s*$|[.;:?!](?:\s|$))", text[end:]):
        part_start, part_end = end + match.start(1), end + match.end(1)
        if _SENTENCE_END.search(text[end:part_start]) or not _is_part(text, part_start, part_end, others):
            break
        end = part_end
    while (part := _part_before(text, start)) and _is_part(text, *part, others):
        start = part[0]
    return start, end


def _part_before(text: str, start: int) -> tuple[int, int] | None:
    """The comma-separated part just before `start`, back to the previous comma, colon or sentence end."""
    before = text[:start].rstrip()
    if not before.endswith(","):
        return None
    body = before[:-1]
    ends = [body.rfind(","), body.rfind(":"), *(m.end() - 1 for m in _SENTENCE_END.finditer(body))]
    part_start = max(ends) + 1
    part_start += len(body[part_start:]) - len(body[part_start:].lstrip())
    return (part_start, len(body)) if part_start < len(body) else None


def _is_part(text: str, start: int, end: int, others: list[Detection]) -> bool:
    """A part of an address: found as a place or an address itself, or shaped like a unit, a postcode or a
    street with its number."""
    part = text[start:end].strip()
    if not part or len(part.split()) > MAX_PART_WORDS:
        return False
    first = part.split()[0]
    if first.lower() in STREET_WORDS:  # "boulevard Nangui Abrogoua": the street word, then the name found
        start += text[start:end].index(first) + len(first) + 1
    whole = any(o.entity_type in PLACE_TYPES and o.start <= start and end <= o.end for o in others)
    return whole or bool(_PART.match(part))  # not "O en la gestoría", not "Ann Roy at Roy Logistics"
