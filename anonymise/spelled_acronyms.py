"""Acronyms written letter by letter ("u c u balloted", "the U.C.U.", "n-s-g-e-u"): speech recognisers and
transcribers write an acronym said letter by letter that way, and the model tags none of them.

Each is read as the acronym written whole: its turn is parsed again with the letters joined ("UCU balloted"),
so that all the acronym's uses in the transcript, whole or spelled, decide together what it is
(`anonymise.acronyms`: "we're mostly UCU" is undecided alone, but "u c u balloted" acts), and what is found
maps back onto the letters. Three to six letters: fewer are initials or grades, more a name or an e-mail
spelled out, which their own recognizers find; letters something else already took, and letters that are
plainly something else (`_not_an_acronym`), are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from anonymise.acronyms import AcronymUse, may_name_an_organisation
from anonymise.detect import Detection, overlaps
from anonymise.terms import CONTACT_TYPES, AllowList

# letters joined by spaces, hyphens or full stops; the last letter's full stop only in the dotted style ("U.C.U.")
SPELLED = re.compile(r"(?<![\w.'’-])[A-Za-z](?:(?:\. ?| |-)[A-Za-z]){2,5}(?:(?<=\.[A-Za-z])\.)?(?![\w'’-])")


@dataclass(frozen=True)
class SpelledAcronym:
    """Letters in a turn (`start`, `end`) read as `acronym`, at `at` of the turn rewritten with it whole."""

    turn: int
    start: int
    end: int
    acronym: str
    at: int


def spelled_acronyms(texts: list[str], taken: list[Detection]) -> list[SpelledAcronym]:
    """The letter runs of each turn that no detection covers."""
    found = []
    for turn, text in enumerate(texts):
        shift = 0  # how much shorter the turn rewritten so far is before this run
        taken_here = [d for d in taken if d.turn == turn]
        for match in SPELLED.finditer(text):
            if overlaps(turn, match.start(), match.end(), taken_here):
                continue
            acronym = "".join(c for c in match.group() if c.isalpha()).upper()
            if _not_an_acronym(match.group(), acronym, text, turn, taken_here):
                continue
            found.append(SpelledAcronym(turn, match.start(), match.end(), acronym, match.start() - shift))
            shift += len(match.group()) - len(acronym)
    return found


def _not_an_acronym(written: str, acronym: str, text: str, turn: int, taken_here: list[Detection]) -> bool:
    """Letters that are something else: a lower-case abbreviation with full stops ("i.i.d.", "a.k.a."); the
    alphabet recited ("the a b c of it"); a word of the turn spelled out ("direk en créole, d-i-r-e-k"); or
    the same letters as in a contact found in the turn ("point b z h. Oui, b z h, c'est l'extension")."""
    if "." in written and written.islower():
        return True
    if all(ord(b) - ord(a) == 1 for a, b in zip(acronym, acronym[1:])):
        return True
    words = re.finditer(rf"(?<![\w-]){acronym}(?![\w-])", text, re.IGNORECASE)
    if any(not word.group().isupper() for word in words):  # the word itself, not the acronym written whole
        return True
    contacts = [d for d in taken_here if d.entity_type in CONTACT_TYPES]
    said = re.finditer(r"\W*".join(acronym), text, re.IGNORECASE)
    return any(overlaps(turn, m.start(), m.end(), contacts) for m in said)


def rewritten_turns(texts: list[str], spelled: list[SpelledAcronym]) -> dict[int, str]:
    """Each turn holding spelled acronyms, with their letters joined."""
    out: dict[int, str] = {}
    for item in sorted(spelled, key=lambda s: (s.turn, -s.start)):
        text = out.get(item.turn, texts[item.turn])
        out[item.turn] = text[: item.start] + item.acronym + text[item.end :]
    return out


def spelled_uses(
    texts: list[str],
    taken: list[Detection],
    allow: AllowList,
    language: str,
    parse: Callable[[list[str]], list],
    first_turn: int,
) -> tuple[list, list[AcronymUse], Callable[[list[Detection]], list[Detection]]]:
    """The rewritten turns' parses (numbered from `first_turn` on, after the transcript's own), the acronym
    uses in them, and a function that maps detections on those uses back onto the letters."""
    spelled = [s for s in spelled_acronyms(texts, taken) if may_name_an_organisation(s.acronym, allow, language)]
    rewritten = rewritten_turns(texts, spelled)
    order = sorted(rewritten)
    docs = parse([rewritten[turn] for turn in order]) if order else []
    number = {turn: first_turn + k for k, turn in enumerate(order)}
    uses, origin = [], {}
    for item in spelled:
        use = AcronymUse(number[item.turn], item.at, item.at + len(item.acronym), item.acronym, item.acronym)
        uses.append(use)
        origin[(use.turn, use.start)] = item

    def back(detections: list[Detection]) -> list[Detection]:
        mapped = []
        for d in detections:
            item = origin.get((d.turn, d.start))
            if item is not None:
                mapped.append(
                    replace(
                        d, turn=item.turn, start=item.start, end=item.end, text=texts[item.turn][item.start : item.end]
                    )
                )
        return mapped

    return docs, uses, back
