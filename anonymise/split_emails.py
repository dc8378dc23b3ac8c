"""An e-mail said over two turns: the mailbox in one, the rest after the other speaker's prompt.

"Su correo es yasna, con i griega, punto poblete, noventa y uno..." / "¿Arroba qué?" / "Arroba hotmail punto
com.": the recognizers find the second part, which starts with the word for "@", and nothing of the first,
which has no "@" of its own. Where a found e-mail starts its turn with "at" (a short answer may come first: "Sí,
arroba…") and the speaker's dictation ended a turn or two before it, with only short prompts between, the end of
that dictation is the mailbox."""

from __future__ import annotations

import re

from anonymise.detect import Detection
from anonymise.dictation import (
    ASIDE,
    DIGIT,
    INTRODUCERS,
    JOINER,
    LETTER,
    LINK,
    MAX_PROMPT_WORDS,
    Unit,
    dictation_units,
)
from anonymise.spoken import alternatives, spoken_words
from anonymise.terms import CONTACT_TYPES

EMAIL, URL = "EMAIL_ADDRESS", "URL"
MAX_TURNS_BACK = 2  # the mailbox's turn, then at most one prompt between it and the rest
DICTATION_ENDS = {LETTER, DIGIT, JOINER, ASIDE}  # the units a mailbox's dictation ends with
MAX_MAILBOX_UNITS = 24  # units of a mailbox dictated with its asides and corrections


def mailboxes_before_an_at(texts: list[str], detections: list[Detection], language: str) -> list[Detection]:
    """E-mail detections for the mailbox said a turn or two before the "@" of its e-mail."""
    contacts = [(d.turn, d.start, d.end) for d in detections if d.entity_type in CONTACT_TYPES]
    mailboxes = []
    for d in detections:
        at = _at_opening(texts[d.turn], d, language)
        if at is None:
            continue
        for turn in range(d.turn - 1, max(-1, d.turn - 1 - MAX_TURNS_BACK), -1):
            prompt = len(re.findall(r"\w+", texts[turn])) <= MAX_PROMPT_WORDS
            if prompt and texts[turn].rstrip().endswith("?"):
                continue  # the other speaker's prompt ("¿Hotmail punto com?"): the mailbox is before it
            mailbox = _mailbox(texts, turn, language)
            if mailbox and not any(t == turn and s < mailbox.end and mailbox.start < e for t, s, e in contacts):
                mailboxes.append(mailbox)
                if at < d.start:  # "Arroba hotmail punto com", the "@" word tagged a name or left out: the e-mail's
                    rest = texts[d.turn][at : d.end]
                    mailboxes.append(Detection(d.turn, at, d.end, EMAIL, 0.6, "e-mail over two turns", rest))
            if mailbox is not None or not prompt:
                break  # found, or a longer turn between them: the e-mail was said whole there, or not at all
    return mailboxes


def _at_opening(text: str, d: Detection, language: str) -> int | None:
    """Where the "@" word starts that the e-mail or web host found holds or follows, as its turn's first, with
    only a short answer before it ("Sí, arroba hotmail punto com"; "Arroba" tagged a name and "hotmail punto
    com" a host), where a "dot" comes after it: the rest of an e-mail, not a handle ("arobase ehfs underscore
    officiel"). None otherwise."""
    if d.entity_type not in (EMAIL, URL):
        return None
    words = spoken_words(language)
    at = re.search(rf"(?i)(?<![\w'’-]){alternatives(words.ats)}(?![\w'’-])", text[: d.end])
    if at is None or (at.start() < d.start and text[at.end() : d.start].strip()):
        return None
    rest = text[max(at.end(), d.start) : d.end]
    dotted = "." in rest or re.search(rf"(?i)\b{alternatives(words.dots)}\b", rest) is not None
    return at.start() if dotted and len(re.findall(r"\w+", text[: at.start()])) <= MAX_PROMPT_WORDS else None


def _mailbox(texts: list[str], turn: int, language: str) -> Detection | None:
    """The dictation that closes this turn: from the word after its last "is" ("Su correo es", "my email is",
    "c'est") to its last letter, digit, "dot" (and the word after it) or aside on the spelling, where it says no
    "@", dictates (a "dot", or two letters) and is no longer than a mailbox: None otherwise."""
    text = texts[turn]
    units = _last_sentence(dictation_units(text, language))
    said = [k for k, u in enumerate(units) if text[u.start : u.end].lower() in INTRODUCERS]
    if not said or any(u.kind == LINK for u in units):
        return None
    run = units[said[-1] + 1 :]
    ends = [k for k, u in enumerate(run) if u.kind in DICTATION_ENDS]
    if not ends:
        return None
    last = ends[-1] + (1 if run[ends[-1]].kind == JOINER and ends[-1] + 1 < len(run) else 0)  # "dot mckay"
    run = run[: last + 1]
    letters = sum(1 for u in run if u.kind == LETTER)
    if len(run) > MAX_MAILBOX_UNITS or not (letters >= 2 or any(u.kind == JOINER for u in run)):
        return None
    start, end = run[0].start, run[-1].end
    return Detection(turn, start, end, EMAIL, 0.6, "e-mail over two turns", text[start:end])


def _last_sentence(units: list[Unit]) -> list[Unit]:
    """The units after the last sentence end but the turn's own (the turn may end in "…" or "." alike)."""
    start = next((k + 1 for k in range(len(units) - 2, -1, -1) if units[k].stop_after), 0)
    return units[start:]
