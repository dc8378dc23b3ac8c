"""Detecting and collapsing loops, Whisper's known failure on long audio ("thank you thank you ...")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from transcribe.study.transcript import Segment

FUZZY_NGRAM = 4  # copies of a phrase this long may differ in one place ("it has never" / "it as never")


def _copy_of(tokens: Sequence, at: int, start: int, n: int) -> bool:
    """Whether the n tokens at `at` repeat the n at `start`: the same, or for a phrase of FUZZY_NGRAM or more,
    all but one (a loop's copies drift: sampling at a raised temperature changes a word now and then)."""
    copy, phrase = tokens[at : at + n], tokens[start : start + n]
    if copy == phrase:
        return True
    return n >= FUZZY_NGRAM and sum(a != b for a, b in zip(copy, phrase)) <= 1


def longest_repeat(tokens: Sequence, max_ngram: int = 12) -> tuple[int, int, int]:
    """The longest run of one n-gram repeated back to back (copies of a long one may differ in one place):
    (times, n, start index); (1, 0, 0) if none."""
    best = (1, 0, 0)
    size = len(tokens)
    for n in range(1, min(max_ngram, size // 2) + 1):
        i = 0
        while i + 2 * n <= size:
            times = 1
            while i + (times + 1) * n <= size and _copy_of(tokens, i + times * n, i, n):
                times += 1
            if times > best[0]:
                best = (times, n, i)
            i += n * times if times > 1 and n < FUZZY_NGRAM else 1  # a drifting copy may hide where a run starts
    return best


def is_looping(tokens: Sequence[int], max_times: int = 3) -> bool:
    """Whether some phrase repeats more than max_times in a row."""
    return longest_repeat(tokens)[0] > max_times


def collapse_repeats(tokens: Sequence, max_times: int = 3) -> list:
    """Drop the copies beyond max_times of every run of a repeated n-gram."""
    return [tokens[k] for k in _kept_positions(tokens, max_times)]


def _word_key(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())


def collapse_word_repeats(segments: list[Segment], max_times: int = 3) -> list[Segment]:
    """Drop the words beyond max_times copies of a phrase repeated back to back across segments.

    A loop can straddle two windows (or a window and its resumed tail), where the per-window check
    does not see it; this looks at the recording's words in order, ignoring case and punctuation.
    """
    words = [(index, word) for index, segment in enumerate(segments) for word in segment.words]
    keys = [_word_key(word.word) for _, word in words]
    kept = _kept_positions(keys, max_times)
    if len(kept) == len(words):
        return segments
    by_segment: dict[int, list] = {}
    for position in kept:
        index, word = words[position]
        by_segment.setdefault(index, []).append(word)
    out = []
    for index, segment in enumerate(segments):
        remaining = by_segment.get(index, [])
        if len(remaining) == len(segment.words):
            out.append(segment)
        elif remaining:
            out.append(Segment.of_words(remaining))
    return out


def _kept_positions(keys: Sequence, max_times: int) -> list[int]:
    """Positions of the keys that remain once every run beyond max_times copies is cut."""
    kept = list(range(len(keys)))
    while True:
        times, n, start = longest_repeat([keys[k] for k in kept])
        if times <= max_times:
            return kept
        del kept[start + max_times * n : start + times * n]
