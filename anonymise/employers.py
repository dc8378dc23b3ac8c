"""Where someone works is an organisation: "she worked for Anglo", "trabaja en Claro", "il bosse chez Orange";
a one-word "person" the model found there ("Trabajo en Mercadona") is retyped, so coders read [ORG n].

The capitalised words right after a verb of working and the preposition that leads to an employer name the
employer, even where each is an ordinary word ("Claro", "Anglo") and the model tagged nothing. A place the
model found there ("trabaja en Lima") stays a place; a country taken for one ("travaille en Suisse") is dropped
with every other country the rules find (`doubtful.is_a_country`).
"""

from __future__ import annotations

from dataclasses import replace

from anonymise.acronyms import WORK_VERBS
from anonymise.detect import Detection
from anonymise.grammar import DEFINITE, sentence_initial
from anonymise.name_spans import covered, token_at
from anonymise.names import TITLES, fold, given_names
from anonymise.terms import AllowList

WORKING = {"work", "volunteer", "trabajar", "laborar", "chambear", "travailler", "bosser", "bénévoler"}
EMPLOYER_PREPOSITIONS = {"at", "for", "en", "para", "chez", "pour"}


def employers(docs: list, known: list[Detection], allow: AllowList) -> list[Detection]:
    """Detections for capitalised words after "works at", "trabaja en", "travaille chez" that nothing covers."""
    taken = covered(known)
    found = []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            if not _employer_starts(doc, i) or (turn, token.idx) in taken:
                continue
            end = i
            while end < len(doc) and _capitalised(doc[end]) and (turn, doc[end].idx) not in taken:
                end += 1
            span = doc[i:end]
            if not allow.covers(span.text):
                found.append(
                    Detection(turn, span.start_char, span.end_char, "ORGANIZATION", 0.6, "employer", span.text)
                )
    return found


def _employer_starts(doc, i: int) -> bool:
    """Token i is capitalised inside a sentence and follows a verb of working and its preposition (and maybe
    an article: "works at the Co-op")."""
    if not _capitalised(doc[i]) or sentence_initial(doc, i) or fold(doc[i].text) in TITLES:
        return False
    j = i - 1
    if j >= 0 and doc[j].lower_ in DEFINITE:
        j -= 1
    worked = j >= 1 and (doc[j - 1].lemma_.lower() in WORKING or doc[j - 1].lower_ in WORK_VERBS)  # "Trabajo" a noun
    return worked and doc[j].lower_ in EMPLOYER_PREPOSITIONS


def _capitalised(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha


def employers_typed(docs: list, detections: list[Detection]) -> list[Detection]:
    """A one-word "person" the model found where an employer stands ("trabajo en Mercadona") is the employer,
    unless the word is a given name ("works for Grace" may be a person): coders read [ORG n] there."""
    out = []
    for d in detections:
        doc = docs[d.turn]
        i = token_at(doc, d.start)
        if (
            d.entity_type == "PERSON"
            and i is not None
            and " " not in d.text
            and fold(d.text) not in given_names()
            and _employer_starts(doc, i)
        ):
            d = replace(d, entity_type="ORGANIZATION")
        out.append(d)
    return out
