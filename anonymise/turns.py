"""A name cut in two by a change of speaker ("…my partner's name Brodie" / "Walker said…").

Turns are analysed one by one, so nothing runs from one speaker's words into the next's; this is the one
place where two turns meet: where one turn ends inside a name (no sentence end before the cut) and the next
begins with the rest of it, both sides being name words, the two parts are one name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from anonymise.detect import Detection
from anonymise.names import is_common_word
from anonymise.terms import NAME_TYPES

MAX_CONTINUATION = 2  # words of a name that can fall into the next turn
CUT_RULE = "name cut by a turn change"
TURN_OPENER_ZIPF = 5.0  # "Please", "Well", "Okay" are commoner than this; surnames such as "Walker" are not


@dataclass(frozen=True)
class CutName:
    first: Detection  # the part ending one turn
    rest: Detection  # the part starting the next

    @property
    def whole(self) -> str:
        return f"{self.first.text} {self.rest.text}"


def _name_words(doc, indices: range, zipf: float, language: str) -> bool:
    return all(
        doc[i].is_alpha and doc[i].text[0].isupper() and not is_common_word(doc[i].text, zipf, language)
        for i in indices
    )


def _ending(doc, detections: list[Detection], turn: int) -> Detection | None:
    """The name detection that ends this turn's text, if the turn ends inside a sentence."""
    text = doc.text.rstrip()
    if not text or text[-1] in '.?!…:;"”':
        return None
    return next((d for d in detections if d.turn == turn and d.end >= len(text) and d.entity_type in NAME_TYPES), None)


def _beginning(doc, detections: list[Detection], turn: int) -> Detection | None:
    start = len(doc.text) - len(doc.text.lstrip())
    return next((d for d in detections if d.turn == turn and d.start <= start and d.entity_type in NAME_TYPES), None)


def _continuation(doc, turn: int, like: Detection, zipf: float, language: str) -> Detection | None:
    """Up to two capitalised rare words opening the turn, as a detection of `like`'s type."""
    for count in range(min(MAX_CONTINUATION, len(doc)), 0, -1):
        if _name_words(doc, range(count), zipf, language):
            start, end = doc[0].idx, doc[count - 1].idx + len(doc[count - 1].text)
            return Detection(turn, start, end, like.entity_type, like.score, CUT_RULE, doc.text[start:end])
    return None


def _may_continue(held_back: Detection, language: str) -> bool:
    """A capitalised word the model tagged, not one of the words turns start with ("Please", "Well", "Yes")."""
    return held_back.text[:1].isupper() and not is_common_word(held_back.text.split()[0], TURN_OPENER_ZIPF, language)


def find_cut_names(
    docs: list, detections: list[Detection], doubtful: list[Detection], zipf: float, language: str = "en"
) -> list[CutName]:
    """Names that run from the end of one turn into the start of the next. The next turn's start may be one
    the model tagged but that was held back as doubtful alone ("Walker" starting a turn): after a name
    cut off mid-sentence it is the rest of that name."""
    cuts = []
    for turn in range(len(docs) - 1):
        first = _ending(docs[turn], detections, turn)
        if first is None or not len(docs[turn + 1]):
            continue
        rest = _beginning(docs[turn + 1], detections, turn + 1)
        held_back = _beginning(docs[turn + 1], doubtful, turn + 1)
        if rest is not None and rest.entity_type != first.entity_type:
            rest = None
        elif rest is None and held_back is not None and _may_continue(held_back, language):
            rest = replace(held_back, entity_type=first.entity_type, rule=CUT_RULE)
        elif rest is None:
            rest = _continuation(docs[turn + 1], turn + 1, first, zipf, language)
        if rest is not None:
            cuts.append(CutName(first, rest))
    return cuts
