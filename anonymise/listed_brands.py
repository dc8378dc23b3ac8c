"""Shops, banks, telecoms and other brands written in lower case ("ring screwfix", "la recarga de tigo", "chez
colruyt"): ASR writes many brands that way and the model tags none of them.

Frequency alone cannot tell such words from loan words and dialect (see brands.py), but a list of brands
can (`brand_list`). A lower-case word or phrase is a brand where the list names it and one of its words is
neither in the language's lexicon nor an everyday word of the language or of English ("best", "chance" in
Spanish talk): "coordinadora" or "postie" stay, "hortons" makes "tim hortons" a brand. Two-letter words are
too ambiguous to take from a list ("ja").
"""

from __future__ import annotations

from anonymise.brand_list import is_listed_brand
from anonymise.detect import Detection
from anonymise.lexicon import lexicon
from anonymise.name_spans import covered
from anonymise.names import is_common_word
from anonymise.terms import AllowList

MAX_WORDS = 3
MIN_LETTERS = 3
ENGLISH_ZIPF = 3.5  # English words said in any language: a brand list's "best" or "office" is no brand there


def listed_brands(docs: list, known: list[Detection], allow: AllowList, language: str, zipf: float) -> list[Detection]:
    """Organisation detections for lower-case words and phrases the brand list names and nothing covers."""
    taken = covered(known)
    found = []
    for turn, doc in enumerate(docs):
        i = 0
        while i < len(doc):
            size = _brand_at(doc, i, language, zipf)
            if size and not any((turn, t.idx) in taken for t in doc[i : i + size]):
                span = doc[i : i + size]
                if not allow.covers(span.text):
                    end = span.start_char + len(span.text)
                    found.append(Detection(turn, span.start_char, end, "ORGANIZATION", 0.5, "brand list", span.text))
            i += size or 1
    return found


def _brand_at(doc, i: int, language: str, zipf: float) -> int:
    """How many tokens from i name a brand written in lower case (longest first), or 0."""
    for size in range(min(MAX_WORDS, len(doc) - i), 0, -1):
        words = [t.text for t in doc[i : i + size]]
        if _lower_case_words(words) and is_listed_brand(" ".join(words)) and _unusual(words, language, zipf):
            return size
    return 0


def _lower_case_words(words: list[str]) -> bool:
    """Words in lower case, of letters, digits, hyphens and apostrophes; one alone is not a two-letter word."""
    if not all(w.islower() and w.replace("-", "").replace("'", "").isalnum() for w in words):
        return False
    return len(words) > 1 or len(words[0]) >= MIN_LETTERS


def _unusual(words: list[str], language: str, zipf: float) -> bool:
    """One of the words unknown to the lexicon and everyday neither in the language nor in English."""
    words_of_language = lexicon(language) or frozenset()
    return any(
        w not in words_of_language
        and not is_common_word(w, zipf, language)
        and not is_common_word(w, ENGLISH_ZIPF, "en")
        for w in words
    )
