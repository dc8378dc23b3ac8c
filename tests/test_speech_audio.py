"""Speech detection on real audio: the CPU's sequence model and the GPU's streams run side by side find
the regions of the frame-by-frame model over the whole recording."""

from __future__ import annotations

import numpy as np

import transcribe.speech as speech
from transcribe.audio import load_audio


def test_sequence_model_gives_the_frame_by_frame_probabilities(data_dir):
    interview = load_audio(data_dir / "loc_fountain_hughes_interview_1949" / "real-world-fountain-hughes-interview.mp3")
    minute = interview[: 60 * 16000]
    sequence = np.array(speech.speech_probabilities(minute, "cpu"))
    frame_by_frame = speech._silero_model().audio_forward(speech.torch.from_numpy(minute)[None], 16000)[0].numpy()
    assert len(sequence) == len(frame_by_frame) == -(-len(minute) // speech.FRAME)
    assert np.abs(sequence - frame_by_frame).max() < 1e-3


def test_streams_side_by_side_find_the_regions_of_one_stream(data_dir, monkeypatch):
    interview = load_audio(data_dir / "loc_fountain_hughes_interview_1949" / "real-world-fountain-hughes-interview.mp3")
    assert len(interview) > 1.5 * speech.GPU_STREAM_SECONDS * 16000  # at least two streams
    whole = speech.speech_regions(interview)
    monkeypatch.setattr(
        speech, "speech_probabilities", lambda samples, device: speech._streamed_probabilities(samples, "cpu")
    )
    streamed = speech.speech_regions(interview)  # as on a GPU, on the CPU
    assert len(streamed) == len(whole) > 10
    for a, b in zip(streamed, whole):
        assert abs(a.start - b.start) <= 0.1 and abs(a.end - b.end) <= 0.1
