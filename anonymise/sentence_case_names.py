"""Organisations named in sentence case, as French and Spanish write them.

French and Spanish give an organisation's name one capital, on its head noun: "l'Union des commerçants
solidaires de Bafoussam", "la Asociación de vendedores del mercado San Isidro", "la Coopérative des femmes
transformatrices de karité". Inside a sentence, a capitalised head noun that names an institution, followed by
"de", "des", "del"… and the lower-case words of its name, is one organisation's name, up to a pause, a verb or a
clause; `capitalised_runs` finds those written with a capital on every word.
"""

from __future__ import annotations

from anonymise.detect import Detection
from anonymise.grammar import CAPITALS_MARK_NAMES, sentence_initial
from anonymise.name_spans import INSTITUTION_HEADS, PURPOSE_LINKS, ROMANCE_LINKS, capitalised_word
from anonymise.terms import AllowList

MAX_NAME_TOKENS = 10
_LINKS = ROMANCE_LINKS | PURPOSE_LINKS
_NAME_WORDS = {"NOUN", "ADJ", "PROPN", "NUM"}


def institutions_in_sentence_case(docs: list, allow: AllowList, language: str) -> list[Detection]:
    """Each institution named with a capital on its head noun only ("l'Union des commerçants solidaires de
    Bafoussam"), as an organisation; not one sentence-initial, nor one with no lower-case word in its name."""
    if language not in CAPITALS_MARK_NAMES:
        return []
    found = []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            if token.lower_ not in INSTITUTION_HEADS or not capitalised_word(token) or sentence_initial(doc, i):
                continue
            span = doc[i : _name_end(doc, i)]
            named_in_sentence_case = any(t.is_lower and t.pos_ in ("NOUN", "ADJ") for t in span[1:])
            if named_in_sentence_case and not allow.covers(span.text):
                found.append(
                    Detection(turn, span.start_char, span.end_char, "ORGANIZATION", 0.5, "sentence case", span.text)
                )
    return found


def _name_end(doc, head: int) -> int:
    """Where the name that `head` starts ends: "de", "des"… then lower-case nouns, adjectives and numbers, linked
    so, and the place or name that closes it ("… de Bafoussam"), up to anything else (a pause, a verb, a clause,
    a lower-case word after the capitals: "… de la Pointe-de-l'Île pour l'aide", "… Económico de la alcaldía")."""
    end = head + 1
    if end >= len(doc) or doc[end].lower_ not in _LINKS:
        return end
    capitals = False
    for j in range(end, min(len(doc), head + MAX_NAME_TOKENS)):
        token = doc[j]
        if token.lower_ in _LINKS:
            continue
        if token.pos_ not in _NAME_WORDS or (capitals and not token.text[:1].isupper()):
            break
        capitals = capitals or token.text[:1].isupper()  # "Pointe-de-l'Île" too
        end = j + 1
    return end
