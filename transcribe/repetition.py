"""Detecting and collapsing loops, Whisper's known failure on long audio ("thank you thank you ...")."""

from __future__ import annotations

from collections.abc import Sequence


def longest_repeat(tokens: Sequence[int], max_ngram: int = 12) -> tuple[int, int, int]:
    """The longest run of one n-gram repeated back to back: (times, n, start index); (1, 0, 0) if none."""
    best = (1, 0, 0)
    size = len(tokens)
    for n in range(1, min(max_ngram, size // 2) + 1):
        i = 0
        while i + 2 * n <= size:
            times = 1
            while i + (times + 1) * n <= size and tokens[i + times * n : i + (times + 1) * n] == tokens[i : i + n]:
                times += 1
            if times > best[0]:
                best = (times, n, i)
            i += n * times if times > 1 else 1
    return best


def is_looping(tokens: Sequence[int], max_times: int = 3) -> bool:
    """Whether some phrase repeats more than max_times in a row."""
    return longest_repeat(tokens)[0] > max_times


def collapse_repeats(tokens: Sequence[int], max_times: int = 3) -> list[int]:
    """Drop the copies beyond max_times of every run of a repeated n-gram."""
    out = list(tokens)
    while True:
        times, n, start = longest_repeat(out)
        if times <= max_times:
            return out
        del out[start + max_times * n : start + times * n]
