"""Speaker labels ("Interviewer", "Intervieweuse", "Host", "Participant 2") are never text to anonymise.

A label is only replaced when it is a person's name, as when a researcher typed "Jane:" over
"Participant:": a name of the study key or the deny-list, or a given name (Faker's first-name lists for
many locales, and the `nicknames` table).
"""

from __future__ import annotations

import re

from anonymise.names import fold, given_names
from anonymise.pseudonyms import StudyKey, person_words
from anonymise.terms import Term


def names_a_person(label: str, key: StudyKey, deny: list[Term]) -> bool:
    """Whether a speaker label is a person's name rather than a role."""
    words = [w for w in person_words(label) if not re.fullmatch(r"\d+", w)]
    if not words:
        return False
    denied = {fold(w) for t in deny if t.entity_type == "PERSON" for w in t.text.split()}
    known = {w for e in key.entities if e.entity_type == "PERSON" for s in e.surfaces for w in person_words(s)}
    return any(w in denied or w in known or w in given_names() for w in words)


def speaker_map(key: StudyKey, labels: set[str], deny: list[Term]) -> dict[str, str]:
    """Label -> what coders see: the label itself, or the person's pseudonym when the label is a name."""
    return {s: key.pseudonym("PERSON", s) if names_a_person(s, key, deny) else s for s in labels if s}
