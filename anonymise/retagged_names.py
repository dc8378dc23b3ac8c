"""A known person's name written in lower case where the tagger misread it for want of a capital: "penny
pretends she doesn't know" (a plural noun to the tagger), "will rang them" (a modal and a bare verb). Read
once more with the capital, the sentence shows the grammar that names people elsewhere
(`grammar.named_by_grammar`: a verb the person does, a possessive); "we will ring", "mark your card", "i hope
she's okay" show none with a capital either, and stay words.

Only lower-case words of people's names known in the transcript (`KnownNames.words`) that propagation left (a
common word whose lower-case grammar named nobody, after no determiner) are read again, one sentence each.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from anonymise.detect import Detection
from anonymise.grammar import after_a_determiner, named_by_grammar
from anonymise.known_names import KnownNames, NameForm
from anonymise.name_spans import covered

_SENTENCE_END = re.compile(r"[.!?…]+(?:\s+|$)")
MIN_LETTERS = 3  # "al", "jo": too short to judge by a capital


def names_read_with_a_capital(
    docs: list, found: list[Detection], known: KnownNames, parse: Callable[[list[str]], list]
) -> list[Detection]:
    """PERSON detections for lower-case known names that the sentence, parsed again with the name capitalised
    (`parse`: texts -> spaCy docs), uses as a name."""
    taken = covered(found)
    candidates = [
        (turn, i, form)
        for turn, doc in enumerate(docs)
        for i in range(len(doc))
        if (turn, doc[i].idx) not in taken and (form := _a_lower_case_name_left(doc, i, known)) is not None
    ]
    if not candidates:
        return []
    offsets, sentences = zip(*(_sentence_with_a_capital(docs[turn], i) for turn, i, _ in candidates))
    detections = []
    for (turn, i, form), offset, again in zip(candidates, offsets, parse(list(sentences))):
        token = docs[turn][i]
        k = next((t.i for t in again if t.idx == token.idx - offset), None)
        if k is not None and named_by_grammar(again, k) and not after_a_determiner(again, k):
            end = token.idx + len(token.text)
            detections.append(Detection(turn, token.idx, end, "PERSON", form.score, "read with a capital", token.text))
    return detections


def _a_lower_case_name_left(doc, i: int, known: KnownNames) -> NameForm | None:
    """The known person's name that lower-case word i is, where neither grammar nor a determiner judged it."""
    word = doc[i].text
    if not (word.isalpha() and word.islower() and len(word) >= MIN_LETTERS):
        return None
    hit = known.lookup(word, variants=False)  # the same word in any case, or None
    if hit is None or hit[0].entity_type != "PERSON" or named_by_grammar(doc, i) or after_a_determiner(doc, i):
        return None
    return hit[0]


def _sentence_with_a_capital(doc, i: int) -> tuple[int, str]:
    """(where it starts in the turn, the sentence around token i with that token capitalised)."""
    text, token = doc.text, doc[i]
    starts = [m.end() for m in _SENTENCE_END.finditer(text, 0, token.idx)]
    start = starts[-1] if starts else 0
    after = _SENTENCE_END.search(text, token.idx + len(token.text))
    end = after.end() if after else len(text)
    word = token.text[0].upper() + token.text[1:]
    return start, text[start : token.idx] + word + text[token.idx + len(token.text) : end]
