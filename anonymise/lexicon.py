"""Whether a lower-case word is an ordinary word of its language, by a lexicon rather than by frequency.

wordfreq counts names as words: "julián", "maite", "ramona" or "céline" are as frequent as many ordinary
words, so frequency alone cannot tell "eso lo hizo ramona" from "una rosa". spaCy's lookup tables
(`spacy-lookups-data`: the inflected forms of a language's words and their lemmas, lower case, no proper
names) can: "ramona" is not in them, "rosa", "pilar", "dolores" and "will" are. Function words, which the
tables leave out, come from spaCy's stop-word lists ("del").
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

_TABLES = ("lemma_lookup", "lemma_index", "lemma_exc")


def _words_of(table: dict) -> set[str]:
    """Every word form in a lookup table, whatever its shape (form -> lemma, lemma -> forms, POS -> ...)."""
    words: set[str] = set()
    for key, value in table.items():
        if isinstance(value, dict):
            words |= _words_of(value)
            continue
        words.add(key)
        words |= {value} if isinstance(value, str) else {v for v in value if isinstance(v, str)}
    return words


@lru_cache(maxsize=16)
def stop_words(language: str) -> frozenset[str]:
    """The language's function words as spaCy lists them ("de", "del", "the"), empty if spaCy has no list."""
    from spacy.util import get_lang_class

    try:
        return frozenset(get_lang_class(language).Defaults.stop_words)
    except (ImportError, KeyError, ValueError):
        return frozenset()


@lru_cache(maxsize=8)
def lexicon(language: str) -> frozenset[str] | None:
    """The language's word forms, or None where no table is installed for it."""
    try:
        data = resources.files("spacy_lookups_data") / "data"
    except ModuleNotFoundError:
        return None
    words: set[str] = set()
    for table in _TABLES:
        path = data / f"{language}_{table}.json.gz"
        if path.is_file():
            with gzip.open(str(path), "rt", encoding="utf-8") as handle:
                words |= _words_of(json.load(handle))
    return frozenset(w for w in words | stop_words(language) if w.islower()) if words else None


def is_unlisted_word(word: str, language: str) -> bool:
    """A lower-case word that the language's lexicon does not know: a name, not a word ("ramona").
    False where there is no lexicon for the language, so frequency decides there as before."""
    words = lexicon(language)
    return words is not None and word.islower() and word not in words


def in_no_lexicon(word: str, language: str) -> bool:
    """A lower-case word that neither the language's lexicon nor English's lists ("td", "rajesh"; not "booking",
    "app"): English loan words are everywhere."""
    return all(word not in (lexicon(code) or frozenset()) for code in {language, "en"})
