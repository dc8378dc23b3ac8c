import numpy as np
import pytest

from transcribe.windows import Piece, Region, Window, pack_windows, split_long_regions


@pytest.mark.parametrize(
    "regions, expected_windows",
    [
        ([], 0),
        ([Region(0, 5)], 1),
        ([Region(0, 10), Region(12, 20), Region(21, 29)], 1),  # 10 + 1 + 8 + 1 + 8 = 28 s with capped gaps
        ([Region(0, 20), Region(100, 115)], 2),  # 20 + 1 + 15 = 36 s > 30 s
        ([Region(0, 75)], 3),  # one long region is cut into three
    ],
)
def test_pack_windows_counts(regions, expected_windows):
    windows = pack_windows(regions, max_window=30.0, max_gap=1.0)
    assert len(windows) == expected_windows
    assert all(w.duration <= 30.0 + 1e-6 for w in windows)


def test_long_gaps_are_shortened_and_map_back():
    window = pack_windows([Region(10, 14), Region(60, 65)], max_gap=1.0)[0]
    assert window.duration == pytest.approx(10.0)
    assert window.to_recording_time(0.0) == pytest.approx(10.0)
    assert window.to_recording_time(3.5) == pytest.approx(13.5)
    assert window.to_recording_time(5.0) == pytest.approx(60.0)  # the first second of the second piece
    assert window.to_recording_time(7.5) == pytest.approx(62.5)
    assert window.to_recording_time(4.5) == pytest.approx(14.0)  # inside the shortened gap: snaps to an edge


def test_a_word_over_a_shortened_gap_stays_in_the_piece_it_is_mostly_in():
    window = pack_windows([Region(10, 14), Region(60, 65)], max_gap=1.0)[0]  # pieces at 0-4 and 5-10 s
    assert window.span_to_recording(3.5, 5.2) == pytest.approx((13.5, 14.0))  # mostly before the gap
    assert window.span_to_recording(4.8, 5.6) == pytest.approx((60.0, 60.6))  # mostly after it
    assert window.span_to_recording(6.0, 6.5) == pytest.approx((61.0, 61.5))  # inside one piece: unchanged
    assert window.span_to_recording(4.2, 4.6) == pytest.approx((14.0, 14.0))  # inside the gap: an edge


def test_window_audio_places_pieces():
    samples = np.arange(100, dtype=np.float32)
    window = Window([Piece(offset=0, start=1, duration=2), Piece(offset=3, start=6, duration=1)])
    audio = window.audio(samples, sample_rate=10)
    assert audio.shape == (40,)
    assert audio[0] == 10 and audio[19] == 29
    assert np.all(audio[20:30] == 0)
    assert audio[30] == 60


def test_split_long_regions_equal_parts():
    parts = split_long_regions([Region(0, 61)], 30)
    assert len(parts) == 3
    assert parts[0].start == 0 and parts[-1].end == pytest.approx(61)


def test_tail_of_a_window_keeps_its_timeline():
    window = Window([Piece(0, 100, 4), Piece(5, 110, 3), Piece(9, 120, 2)])
    inside = window.tail(2.0)  # inside the first piece
    assert [(p.offset, p.start, p.duration) for p in inside.pieces] == [(0, 102, 2), (3, 110, 3), (7, 120, 2)]
    assert inside.to_recording_time(3.5) == pytest.approx(110.5)
    in_gap = window.tail(4.5)  # in a gap: no leading silence
    assert [(p.offset, p.start) for p in in_gap.pieces] == [(0, 110), (4, 120)]
    assert in_gap.speech == pytest.approx(5.0)
    assert window.tail(11.0) is None
