"""The study's term lists: the deny-list ("TYPE: term" or a person's name) and the allow-list.

One parser for both, used everywhere a list is read: the detector, propagation, the study key's
substitute collisions and the privacy guard all see the same terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NAME_TYPES = ("PERSON", "ORGANIZATION", "LOCATION")
CONTACT_TYPES = ("EMAIL_ADDRESS", "URL", "PHONE_NUMBER")
TYPE_ALIASES = {"ORG": "ORGANIZATION", "PLACE": "LOCATION", "ADDRESS": "STREET_ADDRESS", "EMAIL": "EMAIL_ADDRESS"}


@dataclass(frozen=True)
class Term:
    entity_type: str  # Presidio entity type, PERSON when the entry names none
    text: str  # the term as written, trimmed


def parse_term(entry: str, entity_types: tuple[str, ...] | list[str] = ()) -> Term:
    """One deny-list entry: "ORGANIZATION: Acme Robotics" (or ORG:, PLACE:) is typed; anything else is a person."""
    kind, sep, rest = entry.partition(":")
    kind = TYPE_ALIASES.get(kind.strip().upper(), kind.strip().upper())
    if sep and rest.strip() and (kind in entity_types or kind in NAME_TYPES):
        return Term(kind, " ".join(rest.split()))
    return Term("PERSON", " ".join(entry.split()))


def parse_terms(entries: list[str], entity_types: tuple[str, ...] | list[str] = ()) -> list[Term]:
    return [parse_term(e, entity_types) for e in entries if e.strip()]


class AllowList:
    """Terms never replaced: a detection that is, or contains, one of them is dropped."""

    def __init__(self, terms: list[str]):
        self.exact = {t.casefold() for t in terms}
        words = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
            if words
            else None
        )

    def covers(self, surface: str, partial: bool = True) -> bool:
        """Whether the surface is an allowed term, or (partial) contains one: "Some Azure ML"."""
        if surface.casefold() in self.exact:
            return True
        return partial and bool(self.pattern and self.pattern.search(surface))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where allowed terms occur in a text."""
        return [m.span() for m in self.pattern.finditer(text)] if self.pattern else []
