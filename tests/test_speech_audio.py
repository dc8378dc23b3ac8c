"""Speech detection on real audio: a recording cut into streams run side by side finds the regions one
stream finds."""

from __future__ import annotations

import transcribe.speech as speech
from transcribe.audio import load_audio


def test_streams_side_by_side_find_the_regions_of_one_stream(data_dir, monkeypatch):
    interview = load_audio(data_dir / "loc_fountain_hughes_interview_1949" / "real-world-fountain-hughes-interview.mp3")
    monkeypatch.setitem(speech.STREAM_SECONDS, "cpu", speech.STREAM_SECONDS["cuda"])  # as on a GPU, on the CPU
    assert len(interview) > 1.5 * speech.STREAM_SECONDS["cpu"] * 16000  # at least two streams
    streamed = speech.speech_regions(interview)
    monkeypatch.setitem(speech.STREAM_SECONDS, "cpu", 10_000.0)
    whole = speech.speech_regions(interview)
    assert len(streamed) == len(whole) > 10
    for a, b in zip(streamed, whole):
        assert abs(a.start - b.start) <= 0.1 and abs(a.end - b.end) <= 0.1
