"""Audio → speech: where a recording holds speech, found with silero-vad (its model ships inside the
silero-vad wheel: no download), once per channel transcribed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import torch

from transcribe.audio import SAMPLE_RATE, load_audio
from transcribe.windows import Region


@dataclass
class VadOptions:
    threshold: float = 0.5  # speech probability above which a frame is speech
    min_speech_ms: int = 250  # shorter bursts are dropped
    min_silence_ms: int = 300  # a pause must last this long to end a region
    speech_pad_ms: int = 200  # padding kept around each region so word edges are not clipped
    max_region_s: float = 29.0  # longer regions are cut at their longest inner pause


@lru_cache(maxsize=1)
def _silero_model():
    from silero_vad import load_silero_vad

    return load_silero_vad()


def speech_regions(samples: np.ndarray, options: VadOptions | None = None) -> list[Region]:
    """The stretches of a 16 kHz mono recording that hold speech, in seconds."""
    from silero_vad import get_speech_timestamps

    options = options or VadOptions()
    stamps = get_speech_timestamps(
        torch.from_numpy(samples),
        _silero_model(),
        threshold=options.threshold,
        sampling_rate=SAMPLE_RATE,
        min_speech_duration_ms=options.min_speech_ms,
        min_silence_duration_ms=options.min_silence_ms,
        speech_pad_ms=options.speech_pad_ms,
        max_speech_duration_s=options.max_region_s,
    )
    return [Region(s["start"] / SAMPLE_RATE, s["end"] / SAMPLE_RATE) for s in stamps]


@dataclass
class Speech:
    """A recording decoded once, in the channel layout of the run, and where each channel holds speech."""

    audio: np.ndarray  # (channels, samples), 16 kHz float32; one row for a mono mix
    regions: list[list[Region]]  # each channel's speech, found with the run's VAD options

    @property
    def duration(self) -> float:
        """The recording's length in seconds."""
        return self.audio.shape[1] / SAMPLE_RATE


def find_speech(path: Path, channels: int, options: VadOptions) -> Speech:
    """Decode a recording into `channels` channels (1: a mono mix) and find the speech in each."""
    audio = load_audio(path, channels=channels)
    audio = audio[None] if audio.ndim == 1 else audio
    return Speech(audio, [speech_regions(channel, options) for channel in audio])
