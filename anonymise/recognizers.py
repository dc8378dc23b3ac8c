"""Presidio recognizers for what interviews contain and Presidio's defaults miss.

Spoken contacts ("r dot fernandes at gmail dot com", "three one two, five five five…"), street
addresses, organisation names by their shape ("University of X", "X Health", "X & Y"), people named
after a role word ("my manager Will"), and the study's deny-list, matched fuzzily.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult
from rapidfuzz.distance import Levenshtein

_DIGIT = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double\s+\w+|triple\s+\w+)"
_STREET = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Terrace|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Boulevard|Blvd|Way|"
    r"Close|Crescent|Square|Gardens|Grove|Row|Parkway|Highway|Hwy)"
)
_ORG_SUFFIX = (
    r"(?:University|College|Hospital|Institute|Health|Healthcare|Bio|Biotech|Labs?|Inc|Corp|"
    r"Corporation|LLC|Ltd|Limited|GmbH|Regional|Clinic|Foundation|Capital|Partners|Group|Systems|"
    r"Technologies|Analytics|Consulting|Pharma|Therapeutics|Medical|Bank|Trust|School|Academy)"
)
_CAP = r"[A-Z][\w'-]*[a-z][\w'-]*"


_CASE_SENSITIVE = re.DOTALL | re.MULTILINE  # Presidio ignores case by default; names need it


def pattern_recognizers() -> list[EntityRecognizer]:
    """Regex recognizers, each named so the review report can say which rule fired."""
    return [
        PatternRecognizer(
            supported_entity="EMAIL_ADDRESS",
            name="SpokenEmailRecognizer",
            patterns=[
                Pattern(
                    "spoken e-mail",
                    r"(?i)\b[a-z][\w]*(?: dot [a-z]\w*)*(?:,? (?:[A-Z]-){2,}[A-Z],?)? at (?:[a-z]+ dot )+"
                    r"(?:com|org|net|edu|io|gov|uk|ac|co)\b",
                    0.85,
                )
            ],
            global_regex_flags=_CASE_SENSITIVE,
        ),
        PatternRecognizer(
            supported_entity="PHONE_NUMBER",
            name="SpokenPhoneRecognizer",
            patterns=[Pattern("spoken digits", rf"(?i)\b(?:{_DIGIT}[\s,.-]+){{6,}}{_DIGIT}\b", 0.75)],
            global_regex_flags=_CASE_SENSITIVE,
        ),
        PatternRecognizer(
            supported_entity="STREET_ADDRESS",
            name="StreetAddressRecognizer",
            patterns=[
                Pattern(
                    "number street",
                    rf"\b\d{{1,5}}[A-Za-z]?(?: {_CAP}){{1,3}} {_STREET}\b\.?"
                    rf"(?:,? (?:(?:Apartment|Apt|Unit|Suite|Flat)\.? )?[0-9][0-9A-Za-z]*)?"
                    rf"(?:, (?:{_CAP})(?: {_CAP})?)*"
                    rf"(?:,? \d{{5}}(?:-\d{{4}})?|,? [A-Z]{{1,2}}\d[\dA-Z]? \d[A-Z]{{2}})?",
                    0.85,
                )
            ],
            global_regex_flags=_CASE_SENSITIVE,
        ),
        PatternRecognizer(
            supported_entity="ORGANIZATION",
            name="OrganisationShapeRecognizer",
            patterns=[
                Pattern(
                    "university of", rf"\b(?:University|College|Institute|School) of(?: the)?(?: {_CAP}){{1,3}}", 0.85
                ),
                Pattern("name + org word", rf"\b{_CAP}(?: {_CAP})? {_ORG_SUFFIX}\b", 0.7),
                Pattern(
                    "x & y",
                    rf"\b{_CAP} (?:&|and) {_CAP}(?= (?:LLP|LLC|Inc|Ltd|Partners|Associates)\b|,? (?:we|they|is|are)\b)",
                    0.6,
                ),
                Pattern("x & y (ampersand)", rf"\b{_CAP} & {_CAP}\b", 0.7),
            ],
            global_regex_flags=_CASE_SENSITIVE,
        ),
    ]


_ROLE = (
    r"(?:manager|boss|colleague|advisor|adviser|supervisor|mentor|intern|lead|director|teammate|co-?worker|"
    r"co-?founder|friend|partner|husband|wife|son|daughter|PI|postdoc|named|called|call me|Dr\.?|Professor|"
    r"Prof\.?|Mr\.?|Mrs\.?|Ms\.?|Uncle|Aunt|Auntie)"
)


class RoleContextRecognizer(EntityRecognizer):
    """A capitalised name right after a role or address word: "my manager Will", "call me Seun"."""

    PATTERN = re.compile(
        rf"\b{_ROLE},? (?:(?:Dr\.?|Professor|Prof\.?|Mr\.?|Mrs\.?|Ms\.?) )?"
        r"((?:[A-Z][a-z'-]+)(?: [A-Z][a-z'-]+)?)"
    )

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], name="RoleContextRecognizer", supported_language="en")

    def load(self) -> None:  # no model to load
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        return [RecognizerResult("PERSON", m.start(1), m.end(1), 0.6) for m in self.PATTERN.finditer(text)]


class DenyListRecognizer(EntityRecognizer):
    """The study's known names, always replaced, matched with up to `max_edits` spelling differences.

    Entries are "term" (a person) or "TYPE: term" with TYPE one of the entity types.
    """

    def __init__(self, terms: list[str], max_edits: int = 1, entity_types: tuple[str, ...] = ()) -> None:
        self.terms: list[tuple[str, list[str]]] = []
        for entry in terms:
            kind, sep, term = entry.partition(":")
            if sep and kind.strip().upper() in entity_types:
                self.terms.append((kind.strip().upper(), term.split()))
            else:
                self.terms.append(("PERSON", entry.split()))
        self.max_edits = max_edits
        super().__init__(
            supported_entities=list(entity_types or ["PERSON"]), name="DenyListRecognizer", supported_language="en"
        )

    def load(self) -> None:
        pass

    def _close(self, word: str, term: str) -> bool:
        word, term = word.lower(), term.lower()
        allowed = self.max_edits if len(term) >= 4 else 0
        return Levenshtein.distance(word, term, score_cutoff=allowed) <= allowed

    def analyze(self, text, entities, nlp_artifacts=None):
        tokens = [(m.start(), m.end(), m.group()) for m in re.finditer(r"[\w'-]+", text)]
        words = [re.sub(r"'s$", "", t[2]) for t in tokens]
        results = []
        for kind, parts in self.terms:
            if kind not in entities or not parts:
                continue
            for i in range(len(tokens) - len(parts) + 1):
                if all(self._close(words[i + k], part) for k, part in enumerate(parts)):
                    results.append(RecognizerResult(kind, tokens[i][0], tokens[i + len(parts) - 1][1], 1.0))
            # a single part of a multi-word name ("Priya" of "Priya Rao") is caught by name propagation
        return results
