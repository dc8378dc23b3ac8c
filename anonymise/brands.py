"""Organisations named by one ordinary word, which French and Spanish show by a capital: they capitalise no
common noun, month or weekday, so "y Claro donó las tabletas" or "el Bienestar no tiene sucursal" names
something. The model often tags no entity there (it read "Claro" as an adverb). English capitalises months,
weekdays, titles and peoples too, so there a capital counts only where the tagger reads a proper noun that it
does not call a place, people or date ("from Wits", "Pick n Pay"; measured on the English tuning halves:
7 missed words found, 1 word replaced wrongly).

Such a word is an organisation only where it stands as one: the strong evidence acronyms take
(`acronyms.acts_as_an_organisation`: it acts, is contacted, owns an account, is listed with an institution,
employs someone). A capital at a sentence's start says nothing, and nor does a title ("Doña").

Tried and dropped (measured on the tuning halves): lower-case words that no word list knows ("ring
screwfix", "froiz compra"). The lists lack loan words ("la app"), dialect ("nae", "hoose") and compounds
("mailroom"), and frequency does not separate them from brands: precision fell up to 4 points for a few words.
"""

from __future__ import annotations

from anonymise.acronyms import acts_as_an_organisation, place_starts
from anonymise.detect import Detection
from anonymise.grammar import CAPITALS_MARK_NAMES, sentence_initial
from anonymise.lexicon import lexicon
from anonymise.name_spans import covered
from anonymise.names import ENGLISH_CALENDAR, is_title
from anonymise.peoples import is_people_or_language
from anonymise.terms import AllowList

NOT_ORGANISATIONS = {"GPE", "LOC", "NORP", "DATE", "TIME", "LANGUAGE", "EVENT"}  # spaCy's English labels


def _an_english_proper_noun(token) -> bool:
    """English capitalises months, weekdays, peoples and a sentence's first word: a capital says something only
    where the tagger reads a proper noun that names no place, people or date."""
    return token.pos_ == "PROPN" and not token.like_num and token.ent_type_ not in NOT_ORGANISATIONS


def brand_words(docs: list, known: list[Detection], allow: AllowList, language: str) -> list[Detection]:
    """Detections for capitalised ordinary words that act as organisations and that nothing covers."""
    if language not in CAPITALS_MARK_NAMES | {"en"}:
        return []
    taken, places = covered(known), place_starts(known)
    found = []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            if (turn, token.idx) in taken or not _capitalised_word(doc, i, language) or allow.covers(token.text):
                continue
            if acts_as_an_organisation(doc, i, language, places.get(turn, frozenset())):
                found.append(
                    Detection(turn, token.idx, token.idx + len(token), "ORGANIZATION", 0.5, "brand word", token.text)
                )
    return found


def _capitalised_word(doc, i: int, language: str) -> bool:
    """An ordinary word of the language with a capital inside a sentence ("Claro"; not "Doña", not "ANSES", not
    a people named like its language: "des Turcs")."""
    word = doc[i].text
    if not doc[i].is_alpha or len(word) < 3 or not word[0].isupper() or not word[1:].islower():
        return False
    words = lexicon(language)
    if language == "en" and (word.lower() in ENGLISH_CALENDAR or not _an_english_proper_noun(doc[i])):
        return False
    if words is None or word.lower() not in words or is_title(word) or sentence_initial(doc, i):
        return False
    return not is_people_or_language(word, language)  # "Italiens, Espagnols, Turcs": peoples
