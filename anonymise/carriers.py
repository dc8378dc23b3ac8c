"""Telephone and internet operators named in lower case, as speech recognition often writes brands ("el
internet es de tigo", "if the customer is on telecel"). The names come from the operator data that ships with
`phonenumbers` (Google's libphonenumber: the carrier of every number range, about 1,300 operators worldwide),
not from a list of our own. A name that is also a word of the language ("claro", "personal", "three") is left
to the model and the capitals: in lower case it is most often the word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymise.detect import Detection
from anonymise.lexicon import lexicon
from anonymise.name_spans import covered
from anonymise.names import is_common_word
from anonymise.terms import AllowList

OPERATOR_WORD_ZIPF = 4.0  # an operator's name at least this frequent in the language is a word there too


@lru_cache(maxsize=1)
def operator_names() -> frozenset[str]:
    """The one-word operator names of libphonenumber's carrier data, lower case ("tigo", "entel", "airtel")."""
    from phonenumbers.carrierdata import CARRIER_DATA

    names = {name for by_language in CARRIER_DATA.values() for name in by_language.values()}
    return frozenset(n.lower() for n in names if re.fullmatch(r"[A-Za-z][A-Za-z-]{2,}", n))


def phone_operators(docs: list, known: list[Detection], allow: AllowList, language: str) -> list[Detection]:
    """Detections for operators' names written in lower case or with a capital, that nothing covers."""
    taken, found = covered(known), []
    for turn, doc in enumerate(docs):
        for token in doc:
            text, word = token.text, token.text.lower()
            if (turn, token.idx) in taken or word not in operator_names() or text.isupper() or allow.covers(text):
                continue
            if _a_word(word, language) or is_common_word(word, OPERATOR_WORD_ZIPF, language):
                continue
            found.append(Detection(turn, token.idx, token.idx + len(text), "ORGANIZATION", 0.6, "operator", text))
    return found


def _a_word(word: str, language: str) -> bool:
    """A word of the language's word list, or of English's (loan words: "three", "orange")."""
    return any(word in (lexicon(code) or ()) for code in (language, "en"))
