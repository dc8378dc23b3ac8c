import pytest

from transcribe.repetition import collapse_repeats, is_looping, longest_repeat


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
