import pytest

from transcribe.repetition import collapse_repeats, collapse_word_repeats, is_looping, longest_repeat
from transcribe.study.transcript import Segment, Word


@pytest.mark.parametrize(
    "tokens, expected",
    [
        ([], (1, 0, 0)),
        ([1, 2, 3], (1, 0, 0)),
        ([7, 7, 7, 7, 7], (5, 1, 0)),
        ([1, 2, 3, 2, 3, 2, 3, 2, 3, 4], (4, 2, 1)),
    ],
)
def test_longest_repeat(tokens, expected):
    assert longest_repeat(tokens) == expected


def test_collapse_keeps_three_copies():
    loop = [9] + [1, 2] * 10 + [5]
    assert is_looping(loop)
    collapsed = collapse_repeats(loop, max_times=3)
    assert collapsed == [9, 1, 2, 1, 2, 1, 2, 5]
    assert not is_looping(collapsed)


def test_ordinary_text_is_not_a_loop():
    assert not is_looping([1, 2, 3, 1, 2, 3, 4, 5, 6])


def _segment(text: str, start: float) -> Segment:
    words = [Word(f" {w}", start + i * 0.3, start + i * 0.3 + 0.25, 0.9) for i, w in enumerate(text.split())]
    return Segment(words[0].start, words[-1].end, "".join(w.word for w in words), words=words)


def test_a_loop_straddling_two_segments_is_cut_to_three_copies():
    # seen with tiny.en on the 1949 interview: a window's loop went on in its resumed tail
    phrase = "the boy is living quite different now, but"
    first = _segment(f"{phrase} {phrase} the boy is", 100.0)
    second = _segment(f"living quite different now, but {phrase} {phrase} true.", 110.0)
    assert max(longest_repeat(s.text.lower().replace(",", "").split())[0] for s in (first, second)) <= 3
    out = collapse_word_repeats([_segment("so tell me", 90.0), first, second], max_times=3)
    words = [w.word.strip(" ,.").lower() for s in out for w in s.words]
    assert longest_repeat(words)[0] == 3
    assert words[:3] == ["so", "tell", "me"] and words[-1] == "true"
    assert all(s.text == "".join(w.word for w in s.words) and s.start == s.words[0].start for s in out)


def test_segments_without_a_loop_come_back_unchanged():
    segments = [_segment("yes yes yes I agree", 0.0), _segment("yes I agree", 5.0)]
    assert collapse_word_repeats(segments) is segments


def test_a_loop_whose_copies_drift_by_a_word_is_cut_to_three_copies():
    """Sampled at a raised temperature, a loop's copies may differ in one word ("has never" / "as never"): still
    a loop. A phrase said twice with one word changed, or short phrases that differ, are no loop."""
    copies = ["it", "has", "never", "been", "the", "same"] * 5
    copies[13] = "as"  # the third copy: "it as never been the same"
    words = ["and"] + copies + ["really"]
    times, n, _ = longest_repeat(words)
    assert (times, n) == (5, 6)
    assert collapse_repeats(words) == ["and"] + copies[:18] + ["really"]
    assert not is_looping("we went there and we went back and we came there and we came back".split())
    assert not is_looping("i said no no i said yes yes".split())
