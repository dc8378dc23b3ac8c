"""Detections of the NER model that are more often wrong than right, moved to the review list.

A single ordinary word tagged as a name only where it starts a sentence ("Drift, …"), and an acronym tagged
as an organisation with nothing saying it is one: technical and medical acronyms (GLM, ETA, ICU) look like
organisations to the model. An acronym stays an organisation when it is the initials of an organisation
or place named in the study, when it is known (study key, deny-list), or when it is where an employer or
a school stands in a sentence ("I work at UCL", "she joined the DWP", "UBC's campus").
"""

from __future__ import annotations

import re

from anonymise.detect import Detection
from anonymise.propagate import is_common_word, sentence_initial
from anonymise.terms import NAME_TYPES

_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,5}$")
_FUNCTION_WORDS = {"of", "the", "and", "for", "de", "la", "le", "du", "des", "del", "y", "et", "&", "at", "in"}
AFFILIATION = {"at", "from", "joined", "join", "for", "left", "leaving", "chez", "pour", "para", "desde"}
ORG_NOUNS = {"campus", "headquarters", "HQ"}


def initials(name: str, with_function_words: bool = False) -> str:
    """ "University of British Columbia" -> "UBC" (and "UOBC" with its small words)."""
    words = re.findall(r"[\w'’]+", name)
    return "".join(w[0].upper() for w in words if with_function_words or w.casefold() not in _FUNCTION_WORDS)


def known_initials(names: list[str]) -> set[str]:
    return {i for n in names if len(n.split()) > 1 for i in (initials(n), initials(n, True))}


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.match(text))


def _acronym_is_organisation(doc, index: int, known: set[str]) -> bool:
    token = doc[index]
    if token.text in known:
        return True
    j = index - 1
    if j >= 0 and doc[j].lower_ in {"the", "la", "le", "el", "l'"}:
        j -= 1
    if j >= 0 and doc[j].lower_ in AFFILIATION:
        return True
    after = doc[index + 1] if index + 1 < len(doc) else None
    return after is not None and (
        after.text in {"'s", "’s"} or after.lower_ in ORG_NOUNS or after.tag_ in {"VBD", "VBZ"}
    )


def split_doubtful(
    docs: list, detections: list[Detection], known_names: list[str], zipf: float, language: str = "en"
) -> tuple[list[Detection], list[Detection]]:
    """(kept, doubtful) among the model's detections; `known_names` are the study's organisations, places
    and people so far (their initials and the names themselves make an acronym an organisation)."""
    known = known_initials(known_names) | {n for n in known_names if is_acronym(n)}
    kept, doubtful = [], []
    for d in detections:
        doc = docs[d.turn]
        index = next((i for i, t in enumerate(doc) if t.idx == d.start), None)
        from_model = d.rule == "SpacyRecognizer" and d.entity_type in NAME_TYPES and index is not None
        shaky = from_model and (
            (
                " " not in d.text
                and sentence_initial(doc, index)
                and is_common_word(d.text, zipf - 0.5, language)
                and not is_acronym(d.text)
            )
            or (is_acronym(d.text) and not _acronym_is_organisation(doc, index, known))
        )
        (doubtful if shaky else kept).append(d)
    return kept, doubtful
