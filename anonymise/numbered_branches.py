"""An organisation's numbered branch is that organisation: "UAW Local 600", "SEIU Local 1199", "Local 3388",
"Unite's Region 6", "Branch 42 of the CWU".

Unions and federations name their branches by a word and a number, and the number is what identifies the
branch (and so the people in it). The model often stops at the word ("UAW Local") or finds nothing. An
organisation found right before a branch word and a number takes them in; "Local" with a number is a union
local wherever it stands, with the acronym before it ("SEIU Local 1199"). Other branch words alone stay
("District 9", "Ward 4", "Region 13": a place, a ward of a hospital, a service area).
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymise.detect import Detection

BRANCH_WORDS = ("Local", "Branch", "Chapter", "Lodge", "Post", "District", "Region", "Division", "Section", "Council")
_NUMBER = r"\d{1,5}(?![\w-])"
_BRANCH_AFTER = re.compile(rf"(?:'s|’s)?\s+(?:(?P<word>{'|'.join(BRANCH_WORDS)})\s+)?{_NUMBER}")
_UNION_LOCAL = re.compile(rf"(?<![\w-])(?:[A-Z]{{2,6}}\s+)?Local\s+{_NUMBER}")


def numbered_branches(texts: list[str], detections: list[Detection]) -> list[Detection]:
    """The detections with each organisation grown over the branch and number after it, and union locals
    nothing found ("Local 3388") added."""
    grown = [_with_its_branch(texts[d.turn], d) for d in detections]
    for turn, text in enumerate(texts):
        for match in _UNION_LOCAL.finditer(text):
            if not any(d.turn == turn and d.start <= match.start() and match.end() <= d.end for d in grown):
                grown.append(
                    Detection(turn, match.start(), match.end(), "ORGANIZATION", 0.8, "union local", match.group())
                )
    return grown


def _with_its_branch(text: str, d: Detection) -> Detection:
    """An organisation grown over "Local 600" after it, or the number after its branch word ("UAW Local")."""
    if d.entity_type != "ORGANIZATION":
        return d
    branch = _BRANCH_AFTER.match(text, d.end)
    ends_with_a_branch = d.text.split()[-1] in BRANCH_WORDS
    if branch is None or not (ends_with_a_branch or branch.group("word")):
        return d
    return replace(d, end=branch.end(), text=text[d.start : branch.end()])
