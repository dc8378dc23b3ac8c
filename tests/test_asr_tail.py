"""Resuming a window where Whisper stopped early (pure logic; the real-audio effect is in test_transcribe_audio)."""

from __future__ import annotations

import pytest
from whisper.tokenizer import get_tokenizer

from transcribe.asr import Pending, decoded_until, pack_tails, unfinished_tail
from transcribe.windows import Piece, Window

TOKENIZER = get_tokenizer(True, num_languages=99, language="en", task="transcribe")


def stamp(seconds: float) -> int:
    return TOKENIZER.timestamp_begin + round(seconds / 0.02)


def text(words: str) -> list[int]:
    return TOKENIZER.encode(words)


WINDOW = Window([Piece(0, 500, 12), Piece(13, 520, 9)])  # 22 s long, 21 s of speech


def test_output_ending_in_two_timestamps_stopped_early():
    tokens = [stamp(0), *text(" In 1813."), stamp(12.4), stamp(12.4)]
    assert decoded_until(tokens, TOKENIZER, WINDOW.duration) == pytest.approx(12.4)
    tail = unfinished_tail(WINDOW, tokens, TOKENIZER)
    assert tail.pieces[0].start == pytest.approx(520.0) and tail.speech == pytest.approx(9.0)


def test_output_ending_in_one_timestamp_covers_the_window():
    tokens = [stamp(0), *text(" In 1813."), stamp(12.4), *text(" Unless to be rather"), stamp(21.9)]
    assert decoded_until(tokens, TOKENIZER, WINDOW.duration) == WINDOW.duration
    assert unfinished_tail(WINDOW, tokens, TOKENIZER) is None


def test_a_breath_left_over_is_not_decoded_again():
    tokens = [stamp(0), *text(" words"), stamp(21.7), stamp(21.7)]
    assert unfinished_tail(WINDOW, tokens, TOKENIZER) is None  # 0.3 s left: VAD padding, not speech


def test_tails_are_packed_into_as_few_windows_as_fit():
    tails = [Pending(Window([Piece(0, 100, 3)]), 1), Pending(Window([Piece(0, 200, 5)]), 2)]
    packed = pack_tails([*tails, Pending(Window([Piece(0, 300, 25)]), 1)])
    assert [p.resumed for p in packed] == [2, 1]
    assert packed[0].cuts == (4.0,) and packed[1].cuts == ()
    first = packed[0].window
    assert first.duration == pytest.approx(3 + 1 + 5)
    assert first.to_recording_time(1.0) == pytest.approx(101.0)
    assert first.to_recording_time(6.0) == pytest.approx(202.0)


def test_a_segment_across_two_packed_tails_is_cut_in_two():
    from transcribe.asr import _on_timeline

    pending = pack_tails([Pending(Window([Piece(0, 100, 3)]), 1), Pending(Window([Piece(0, 200, 5)]), 1)])[0]
    words = [{"word": " one", "start": 1.0, "end": 1.5, "probability": 0.9}]
    words += [{"word": " two", "start": 5.0, "end": 5.5, "probability": 0.9}]
    segments = _on_timeline(pending, [{"start": 0.0, "end": 6.0, "text": " one two", "words": words}])
    assert [(s.text, s.start) for s in segments] == [(" one", 101.0), (" two", 201.0)]
