"""Recall beyond the model: once a name is found, find it everywhere, with its parts and variants.

"Priya Rao" found once makes every "Priya", "Rao", "Priya's" and the ASR variant "Pria" a detection.
Names that are also ordinary words ("Will", "Mark", "Shell") are replaced only where capitalisation
and grammar say they are names: "Will said", "ask Will", "Will?", but not "we will" or "bash shell".
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from anonymise.detect import NAME_TYPES, AllowList, Detection

_BOUNDARY = {".", "?", "!", ":", '"', "“", "”", "\n", "-", "—"}
_NAME_FOLLOWERS = {"VBD", "VBZ", "POS"}  # "Will said", "Mark thinks", "Will's"


@dataclass(frozen=True)
class NameForm:
    text: str  # one word of a known name ("Priya") or a whole multi-word name
    entity_type: str
    score: float


RARE_ZIPF = 3.0  # below this a word is rare enough in English to be a name wherever it stands


def is_common_word(word: str, zipf: float) -> bool:
    return zipf_frequency(word.lower(), "en") >= zipf


def sentence_initial(doc, i: int) -> bool:
    """Whether token i starts a sentence or a turn (where capitals say nothing about names)."""
    j = i - 1
    while j >= 0 and doc[j].is_space and "\n" not in doc[j].text:
        j -= 1
    return j < 0 or "\n" in doc[j].text or doc[j].text in _BOUNDARY


def name_forms(seeds: list[Detection]) -> list[NameForm]:
    """Words that identify someone: people's whole names and each part; organisations/places whole."""
    forms: dict[tuple[str, str], NameForm] = {}
    for seed in seeds:
        if seed.entity_type not in NAME_TYPES:
            continue
        words = seed.text.split()
        candidates = words if seed.entity_type == "PERSON" else [seed.text] if len(words) == 1 else []
        for word in candidates:
            word = word.strip(".,'’\"")
            if len(word) >= 2 and any(c.isalpha() for c in word):
                forms.setdefault((word.casefold(), seed.entity_type), NameForm(word, seed.entity_type, seed.score))
    return list(forms.values())


def _next(doc, i: int):
    return doc[i + 1] if i + 1 < len(doc) else None


def is_name_here(doc, i: int, common: bool) -> bool:
    """Whether token i, which spells a known name, is used as a name at this place."""
    token = doc[i]
    after = _next(doc, i)
    if after is not None and after.tag_ == "RB":  # "Grace just said", "Will also thinks"
        after = _next(doc, i + 1) or after
    named_by_grammar = after is not None and (after.tag_ in _NAME_FOLLOWERS or after.text in {"'s", "’s"})
    if token.text[0].isupper():
        if not common or not sentence_initial(doc, i):
            return True
        return named_by_grammar or after is None or after.is_punct
    if not common:
        return True
    before = doc[i - 1] if i > 0 else None
    return named_by_grammar and not (before is not None and before.tag_ in {"DT", "PRP$", "JJ"})


def _spelled_alike(word: str, form: str, max_edits: int) -> bool:
    if word.casefold() == form.casefold():
        return True
    if len(form) < 4 or len(word) < 4 or word[0].casefold() != form[0].casefold() or max_edits == 0:
        return False
    return Levenshtein.distance(word.casefold(), form.casefold(), score_cutoff=max_edits) <= max_edits


def propagate(doc, seeds: list[Detection], allow: AllowList, zipf: float, max_edits: int) -> list[Detection]:
    """Every other place where a seed's name (or a part, or a spelling variant) is used as a name."""
    forms = name_forms(seeds)
    found: list[Detection] = []
    multi = [f for f in forms if " " in f.text]
    text = doc.text
    for form in multi:  # whole multi-word organisation/place names, as written
        start = text.find(form.text)
        while start != -1:
            found.append(
                Detection(start, start + len(form.text), form.entity_type, form.score, "propagation", form.text)
            )
            start = text.find(form.text, start + 1)
    single = [f for f in forms if " " not in f.text]
    for i, token in enumerate(doc):
        word = token.text
        if not word[:1].isalpha() or allow.covers(word):
            continue
        for form in single:
            exact = word.casefold() == form.text.casefold()
            if not exact and not (
                word[0].isupper()
                and not is_common_word(word, zipf + 0.5)
                and _spelled_alike(word, form.text, max_edits)
            ):
                continue
            if exact and form.entity_type != "PERSON" and word[0].islower() and is_common_word(word, RARE_ZIPF):
                continue  # "compass", "shell", "drift": organisations and places are capitalised
            if is_name_here(doc, i, is_common_word(form.text, zipf)):
                rule = "propagation" if exact else "spelling-variant"
                found.append(Detection(token.idx, token.idx + len(word), form.entity_type, form.score, rule, word))
                break
    return found


def extend_person_names(doc, detections: list[Detection], allow: AllowList, zipf: float) -> list[Detection]:
    """Join an unknown capitalised word next to a person's name to it ("Shoo Ming" when "Ming" is known)."""
    people = {(d.start, d.end) for d in detections if d.entity_type == "PERSON"}
    extra = []
    for token in doc:
        if (
            not token.text[:1].isupper()
            or not token.is_alpha
            or allow.covers(token.text)
            or is_common_word(token.text, zipf)
            or (token.idx, token.idx + len(token.text)) in people
        ):
            continue
        end = token.idx + len(token.text)
        for start_, end_ in people:
            if start_ == end + 1 or token.idx == end_ + 1:
                extra.append(Detection(token.idx, end, "PERSON", 0.6, "name-neighbour", token.text))
                break
    return extra


def rare_proper_nouns(doc, known: list[Detection], allow: AllowList) -> list[Detection]:
    """Capitalised words so rare in English that they are most likely names the model did not tag."""
    taken = [(d.start, d.end) for d in known]
    found = []
    for i, token in enumerate(doc):
        word = token.text
        if not (token.is_alpha and word[0].isupper() and not word.isupper() and len(word) >= 3):
            continue
        if allow.covers(word) or is_common_word(word, RARE_ZIPF - 0.5) or any(s <= token.idx < e for s, e in taken):
            continue
        before = doc[i - 1].text.lower() if i > 0 else ""
        kind = "ORGANIZATION" if before in {"at", "from", "with", "for", "joined"} else "PERSON"
        found.append(Detection(token.idx, token.idx + len(word), kind, 0.5, "rare-proper-noun", word))
    return found


def merge_detections(detections: list[Detection]) -> list[Detection]:
    """Overlapping detections become one, typed by the longest (then highest-scoring) of them."""
    merged: list[Detection] = []
    for d in sorted(detections, key=lambda d: (d.start, -(d.end - d.start), -d.score)):
        if merged and d.start < merged[-1].end:
            last = merged[-1]
            if d.end > last.end:
                merged[-1] = Detection(
                    last.start,
                    d.end,
                    last.entity_type,
                    max(last.score, d.score),
                    last.rule,
                    last.text + d.text[last.end - d.start :],
                )
            continue
        merged.append(d)
    return merged
