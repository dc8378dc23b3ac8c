"""Detections of the NER model that are more often wrong than right, moved to the review list.

A function word tagged as a name ("Je", "la") is dropped. A single ordinary word tagged as a name only where
it starts a sentence ("Drift, …") or said alone ("Expiry."), an acronym the transcript uses as a term ("an
EHCP", "my AHT": `anonymise.acronyms`), a country or continent, which identifies nobody, and a word the
model calls a people or a language elsewhere in the transcript ("the Welsh way", "first-language Welsh").
A holiday taken for a name by the model or a rule is listed for review too (`is_a_holiday`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import takewhile

from anonymise.acronyms import is_a_term
from anonymise.detect import MODEL_RECOGNIZERS, Detection
from anonymise.grammar import CAPITALS_MARK_NAMES, after_an_honorific, sentence_initial
from anonymise.holiday_names import holiday_around, is_holiday_name
from anonymise.lexicon import is_unlisted_word
from anonymise.names import (
    fold,
    follows_a_title,
    given_names,
    is_acronym,
    is_common_word,
    is_function_word,
    is_verb_with_pronouns,
    word_zipf,
)
from anonymise.peoples import countries_and_continents
from anonymise.terms import NAME_TYPES

PEOPLES_AND_LANGUAGES = {"NORP", "LANGUAGE"}  # what the English model calls "Welsh", "Tamil", "Fante"
PEOPLE_ZIPF = 3.0
# a capitalised word inside a sentence, maybe joined by "of" ("Oceans Canada", "Bank of Ireland", "Banco de Chile")
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]*\s+(?:(?:of|of the|de|del|du|de la|des)\s+)?$")
_NAME_AFTER = re.compile(r"\s+[A-Z][\w'’-]*")


def is_a_country(d: Detection, text: str, language: str) -> bool:
    """A place or body whose name is a country's or a continent's ("de France", "Estados Unidos", "Asia"),
    standing alone (not a piece of a longer name: "Oceans Canada", "Canada Post"), and no one's given name
    ("Jordan", "Georgia", "India" may be people). A body named by letters ("UK" for the University of
    Kentucky) is left to the acronym rules. In English, only a place the model found and named exactly as
    the country ("a UK number"): capitals there do not make rules find countries as they do in French and
    Spanish ("la Suisse" tagged a body, "travaille en Suisse" taken for an employer)."""
    if language not in CAPITALS_MARK_NAMES:  # English: a place the model found, named exactly
        return d.entity_type == "LOCATION" and d.text.casefold() in countries_and_continents(language)
    name = _named(d.text, language).casefold()
    if d.entity_type != "LOCATION" and (d.entity_type != "ORGANIZATION" or is_acronym(d.text)):
        return False
    return _stands_alone(d, text) and name in countries_and_continents(language) and name not in given_names()


def _stands_alone(d: Detection, text: str) -> bool:
    """Not a piece of a longer name: no capitalised word right before or after ("Oceans Canada")."""
    return _NAME_BEFORE.search(text[: d.start]) is None and _NAME_AFTER.match(text[d.end :]) is None


def is_a_holiday(d: Detection, text: str, language: str) -> bool:
    """A feast or public holiday taken for a name, or a piece of one ("for Diwali", "à la Toussaint",
    "Muertos" of "el Día de Muertos"), after no title ("M. Toussaint" is a man) and not inside a longer name
    ("Diwali Sweets" is a shop)."""
    if follows_a_title(text, d.start):
        return False
    if is_holiday_name(_named(d.text, language)):
        return _stands_alone(d, text)
    around = holiday_around(text, d.start, d.end)
    return around is not None and _stands_alone(replace(d, start=around[0], end=around[1]), text)


def _named(text: str, language: str) -> str:
    """The name without the function words the model took in before it ("de France" -> "France")."""
    words = text.split()
    while len(words) > 1 and words[0].islower() and is_function_word(words[0], language):
        words = words[1:]
    return " ".join(words)


def _a_given_name_only(word: str, zipf: float, language: str) -> bool:
    """A given name that the language's lexicon does not know as a word and that is not everyday talk ("Carole",
    "Carine", "Jim"; not "Rose", "Will", nor "Ben", a French filler the lexicon lacks, and no name as common as
    that outside English): a capital at a sentence's start does not make it doubtful."""
    everyday = language != "en" and word_zipf(word, language) >= zipf  # English has no filler named so
    return fold(word) in given_names() and is_unlisted_word(word.lower(), language) and not everyday


def _one_word_sentence(doc, index: int, d: Detection, language: str) -> bool:
    """A dictionary word said alone ("Expiry. That's the big one."), not a given name: a topic, not a person."""
    after = doc[index + 1] if index + 1 < len(doc) else None
    alone = sentence_initial(doc, index) and (after is None or after.text in {".", "?", "!"})
    return alone and " " not in d.text and word_zipf(d.text, language) >= 2.5 and fold(d.text) not in given_names()


def split_doubtful(
    docs: list, detections: list[Detection], acronyms: dict[str, str], zipf: float, language: str = "en"
) -> tuple[list[Detection], list[Detection]]:
    """(kept, doubtful) among the model's detections; `acronyms` says which of the transcript's acronyms are
    terms rather than organisations (`anonymise.acronyms`)."""
    kept, doubtful = [], []
    peoples = {  # "Welsh", "Tamil"; not a rare name the model took for a people ("Pryce's Bakery")
        t.text.casefold()
        for doc in docs
        for t in doc
        if t.ent_type_ in PEOPLES_AND_LANGUAGES and is_common_word(t.text, PEOPLE_ZIPF, language)
    }
    for d in detections:
        doc = docs[d.turn]
        index = next((i for i, t in enumerate(doc) if t.idx == d.start), None)
        honoured = index is not None and after_an_honorific(doc, index)  # "don Segundo"
        if d.rule in MODEL_RECOGNIZERS and " " not in d.text and is_function_word(d.text, language) and not honoured:
            continue  # "Je" after "Marc-A.": a pronoun is nobody's name
        from_model = d.rule in MODEL_RECOGNIZERS and d.entity_type in NAME_TYPES and index is not None
        if is_a_country(d, doc.text, language):
            doubtful.append(d)  # "a UK number", "the office in Asia", "la France et la Suisse" (tagged a body)
            continue
        shaky = from_model and (
            (
                " " not in d.text
                and sentence_initial(doc, index)
                and is_common_word(d.text, zipf - 0.5, language)
                and not is_acronym(d.text)
                and not _a_given_name_only(d.text, zipf, language)
            )
            or (is_acronym(d.text) and is_a_term(acronyms.get(d.text.rstrip("s"), acronyms.get(d.text))))
            or _one_word_sentence(doc, index, d, language)
            or (d.entity_type == "PERSON" and d.text.casefold() in peoples)  # "the Welsh way": not a person
            or _a_time_named(doc, index, d)
            or is_verb_with_pronouns(d.text, language)  # "Imagínese", "Mándelo"
            or _a_clause(doc, index, d)
        )
        (doubtful if shaky else kept).append(d)
    return kept, doubtful


def _a_clause(doc, index: int, d: Detection) -> bool:
    """A span (its first token at `index`) with a verb in lower case is a clause, not a name: "Everything's
    de-identified before"."""
    words = list(takewhile(lambda token: token.idx < d.end, doc[index:]))
    return len(words) > 1 and any(t.pos_ in {"VERB", "AUX"} and t.text.islower() and t.is_alpha for t in words[1:])


DURING = {"during", "throughout", "durante", "pendant"}  # what lasts a while: "during Covid", "pendant le Ramadan"


def _a_time_named(doc, index: int | None, d: Detection) -> bool:
    """One word after "during" is a time or an event, not a person or a place: "came home during Covid"."""
    return " " not in d.text and bool(index) and doc[index - 1].lower_ in DURING
