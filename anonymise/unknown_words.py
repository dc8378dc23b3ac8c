"""Lower-case words that no word list of the language knows, listed for review ("all have revolut", "a loan
from tala", "my cousin hibaaq"): ASR and typists write brands and names in lower case, and a word nobody
lists may be one. They are not replaced: the lists lack loan words, dialect and compounds ("matatu", "nae",
"mailroom"), and frequency does not separate those from brands (`anonymise.brands`). A person decides, and
adds the names to the study's deny-list.
"""

from __future__ import annotations

from anonymise.detect import Detection
from anonymise.lexicon import is_unlisted_word
from anonymise.names import word_zipf
from anonymise.terms import AllowList

MIN_LETTERS = 4  # shorter unknown words are mostly interjections and dialect ("ehn", "och", "nae")
WRITTEN_ZIPF = 2.0  # written at least this often in the language or in English: a word after all ("webinar")
NOUNS = {"NOUN", "PROPN"}


def unknown_words_to_review(docs: list, allow: AllowList, language: str) -> list[Detection]:
    """Review candidates: lower-case nouns no lexicon of the language lists and hardly ever written."""
    candidates = []
    for turn, doc in enumerate(docs):
        for token in doc:
            if _unknown_noun(token, allow, language):
                kind = "PERSON" if token.ent_type_ == "PERSON" else "ORGANIZATION"
                candidates.append(
                    Detection(turn, token.idx, token.idx + len(token.text), kind, 0.3, "unknown word", token.text)
                )
    return candidates


def _unknown_noun(token, allow: AllowList, language: str) -> bool:
    word = token.text
    if not (word.isalpha() and word.islower() and len(word) >= MIN_LETTERS and token.pos_ in NOUNS):
        return False
    if not is_unlisted_word(word, language) or allow.covers(word, partial=False):  # the lexicon has stop words
        return False
    return all(word_zipf(word, lang) < WRITTEN_ZIPF for lang in {language, "en"})
