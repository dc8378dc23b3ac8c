"""16-bit PCM WAV files at 16 kHz are read without ffmpeg (the GPU machine has none), sample for sample as
ffmpeg decodes them."""

from __future__ import annotations

import numpy as np
import pytest

import transcribe.audio as audio
from transcribe.audio import _ffmpeg_decode, load_audio


@pytest.mark.parametrize(
    "clip, channels",
    [("pyannote_sample/sample.wav", 1), ("faster_whisper_stereo/stereo_diarization.wav", 2)],
)
def test_wav_read_without_ffmpeg_equals_ffmpeg(data_dir, monkeypatch, clip, channels):
    expected = _ffmpeg_decode(data_dir / clip, 16000, channels)

    def no_ffmpeg():
        raise AssertionError("ffmpeg was called")

    monkeypatch.setattr(audio, "ffmpeg_exe", no_ffmpeg)
    samples = load_audio(data_dir / clip, channels=channels)
    assert samples.shape == expected.shape and np.array_equal(samples, expected)


def test_other_wav_files_go_through_ffmpeg(data_dir):
    samples = load_audio(data_dir / "coqui_ljspeech" / "LJ001-0001.wav")  # 22.05 kHz
    assert abs(len(samples) / 16000 - 9.655) < 0.05
