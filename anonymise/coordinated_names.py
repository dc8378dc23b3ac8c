"""A capitalised word joined by "and" to a name found is a name of the same kind, even an everyday word: the
firm "Loudon and Grieve" after "Loudon", "Blessing and Precious", "Makro and Game". Two names joined so are
two people, two shops or one firm named after two people (`name_spans.names_joined_by_and` then decides which).

Only a proper noun to the tagger, inside a sentence, counts; not one of the most common words ("by the grace of
God and Grace"), a people, a language, a date or a holiday the model tags ("Tesco and Christmas"), a title or
family word ("Priya and Mum"), or a term the study keeps.
"""

from __future__ import annotations

from anonymise.detect import Detection
from anonymise.grammar import COORDINATORS, sentence_initial
from anonymise.name_spans import covered, of_letters
from anonymise.names import is_common_word, is_function_word, is_title
from anonymise.terms import NAME_TYPES, AllowList

MOST_COMMON_ZIPF = 5.0  # "God", "Game", "Church": said every day as words, too often to be taken from "and" alone
NOT_NAMES = {"NORP", "LANGUAGE", "DATE", "TIME", "EVENT", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY",
             "LAW", "MISC"}  # fmt: skip


def names_joined_to_a_name(docs: list, known: list[Detection], allow: AllowList, language: str) -> list[Detection]:
    """Detections, of the neighbour's type, for capitalised proper nouns joined by "and" to a name found."""
    taken = covered(known)
    ends = {(d.turn, d.end): d.entity_type for d in known if d.entity_type in NAME_TYPES}
    starts = {(d.turn, d.start): d.entity_type for d in known if d.entity_type in NAME_TYPES}
    found = []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            if (turn, token.idx) in taken or not _a_proper_noun(doc, i, allow, language):
                continue
            kind = _joined_name_kind(doc, i, turn, ends, starts)
            if kind is not None:
                end = token.idx + len(token.text)
                found.append(Detection(turn, token.idx, end, kind, 0.6, "joined to a name", token.text))
    return found


def _joined_name_kind(doc, i: int, turn: int, ends: dict, starts: dict) -> str | None:
    """The type of the name found on the other side of "and" ("Loudon and" before, "and Thandi" after)."""
    if i >= 2 and doc[i - 1].lower_ in COORDINATORS:
        before = doc[i - 2]
        kind = ends.get((turn, before.idx + len(before.text)))
        if kind is not None:
            return kind
    if i + 2 < len(doc) and doc[i + 1].lower_ in COORDINATORS:
        return starts.get((turn, doc[i + 2].idx))
    return None


def _a_proper_noun(doc, i: int, allow: AllowList, language: str) -> bool:
    token = doc[i]
    word = token.text
    if not (word[:1].isupper() and word[1:].islower() and of_letters(token)) or sentence_initial(doc, i):
        return False
    if token.pos_ != "PROPN" or token.ent_type_ in NOT_NAMES:
        return False
    if is_common_word(word, MOST_COMMON_ZIPF, language):
        return False
    return not (is_title(word) or is_function_word(word, language) or allow.covers(word))
