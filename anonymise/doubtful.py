"""Detections of the NER model that are more often wrong than right, moved to the review list.

A single ordinary word tagged as a name only where it starts a sentence ("Drift, …"), and an acronym tagged
as an organisation with nothing saying it is one: technical and medical acronyms (GLM, ETA, ICU) look like
organisations to the model. An acronym stays an organisation when it is the initials of an organisation
or place named in the study, when it is known (study key, deny-list), or when it is where an employer or
a school stands in a sentence ("I work at UCL", "she joined the DWP", "UBC's campus").
"""

from __future__ import annotations

from functools import lru_cache

from faker import Faker

from anonymise.detect import Detection
from anonymise.grammar import sentence_initial
from anonymise.names import abbreviates, fold, given_names, is_acronym, is_common_word, word_zipf
from anonymise.terms import NAME_TYPES

AFFILIATION = {"at", "from", "joined", "join", "left", "leaving", "chez", "desde"}
WORK_VERBS = {"work", "works", "worked", "working", "volunteer", "volunteers", "volunteered", "trabajo", "trabaja",
              "trabajaba", "travaille", "travaillais", "travaillait"}  # fmt: skip
MODEL_RULES = {"SpacyRecognizer", "SecondModelRecognizer"}  # detections of the NER models


COUNTRY_ALIASES = {"UK", "U.K.", "US", "U.S.", "USA", "America", "Britain", "Great Britain", "England", "Scotland",
                   "Wales", "Northern Ireland", "the Middle East"}  # fmt: skip


@lru_cache(maxsize=1)
def countries_and_continents() -> frozenset[str]:
    """Names of countries and continents (Faker's country table), which identify nobody in an interview."""
    names = set(COUNTRY_ALIASES)
    for provider in Faker("en_US").providers:
        for country in getattr(provider, "countries", ()) or ():
            if hasattr(country, "continent"):
                names |= {country.name, country.continent, country.alpha_3_code}
    return frozenset(n.casefold() for n in names)


def _acronym_is_organisation(doc, index: int, names: list[str]) -> bool:
    """Known to the study, the initials of a name around, or standing where an employer or a school does:
    "at UCL", "joined the DWP", "worked for the NHS"."""
    acronym = doc[index].text
    if acronym in names or any(" " in n and abbreviates(acronym, n) for n in names):
        return True
    before = [t.lower_ for t in doc[max(0, index - 3) : index]]
    if before and before[-1] in {"the", "la", "le", "el", "l'"}:
        before = before[:-1]
    if before and before[-1] in AFFILIATION:
        return True
    return (
        len(before) >= 2 and before[-1] in {"for", "with", "para", "con", "pour", "avec"} and before[-2] in WORK_VERBS
    )


def _one_word_sentence(doc, index: int, d: Detection, language: str) -> bool:
    """A dictionary word said alone ("Expiry. That's the big one."), not a given name: a topic, not a person."""
    after = doc[index + 1] if index + 1 < len(doc) else None
    alone = sentence_initial(doc, index) and (after is None or after.text in {".", "?", "!"})
    return alone and " " not in d.text and word_zipf(d.text, language) >= 2.5 and fold(d.text) not in given_names()


def split_doubtful(
    docs: list, detections: list[Detection], study_names: list[str], zipf: float, language: str = "en"
) -> tuple[list[Detection], list[Detection]]:
    """(kept, doubtful) among the model's detections; `study_names` are the names the study knows (key and
    deny-list): they, and the initials of theirs and of this transcript's longer names, are organisations."""
    longer = [d.text for d in detections if d.entity_type in NAME_TYPES and " " in d.text]
    known = study_names + longer
    kept, doubtful = [], []
    for d in detections:
        doc = docs[d.turn]
        index = next((i for i, t in enumerate(doc) if t.idx == d.start), None)
        from_model = d.rule in MODEL_RULES and d.entity_type in NAME_TYPES and index is not None
        if d.entity_type == "LOCATION" and d.text.casefold() in countries_and_continents():
            doubtful.append(d)  # "a UK number", "the office in Asia"
            continue
        shaky = from_model and (
            (
                " " not in d.text
                and sentence_initial(doc, index)
                and is_common_word(d.text, zipf - 0.5, language)
                and not is_acronym(d.text)
            )
            or (is_acronym(d.text) and not _acronym_is_organisation(doc, index, known))
            or _one_word_sentence(doc, index, d, language)
        )
        (doubtful if shaky else kept).append(d)
    return kept, doubtful
