"""Telephone and internet operators named in lower case, as speech recognition often writes brands ("el
internet es de tigo", "if the customer is on telecel"). The names come from the operator data that ships with
`phonenumbers` (Google's libphonenumber: the carrier of every number range, about 1,300 operators worldwide),
not from a list of our own. A name that is also a word of the language ("claro", "personal", "three") is left
to the model and the capitals, as in lower case it is most often the word, unless what an operator sells comes
right before it ("la señal de claro").
"""

from __future__ import annotations

import re
from functools import lru_cache

from anonymise.detect import Detection
from anonymise.lexicon import in_no_lexicon
from anonymise.name_spans import covered
from anonymise.names import is_common_word
from anonymise.terms import AllowList

OPERATOR_SERVICES = {"señal", "chip", "recarga", "recargas", "plan", "línea", "cobertura", "saldo", "réseau",
                     "puce", "forfait", "couverture", "recharge", "box"}  # fmt: skip
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
            a_word = not in_no_lexicon(word, language) or is_common_word(word, OPERATOR_WORD_ZIPF, language)
            if a_word and not _what_an_operator_gives_before(doc, token.i):
                continue
            found.append(Detection(turn, token.idx, token.idx + len(text), "ORGANIZATION", 0.6, "operator", text))
    return found


def _what_an_operator_gives_before(doc, i: int) -> bool:
    """French and Spanish: a signal, a chip or a top-up of it comes right before ("la señal de claro", "el chip
    de personal", "le réseau de free"): the word names the operator."""
    before = [t.lower_ for t in doc[max(0, i - 2) : i]]
    return len(before) == 2 and before[1] in {"de", "del", "du"} and before[0] in OPERATOR_SERVICES
