"""Optional diarisation backend: a pyannote.audio pipeline that the user has installed and downloaded.

Never required. Used with `--pyannote PATH` (the pipeline's config.yaml, or the folder holding it, with
the model files it names on local disk). Telemetry is switched off and the Hugging Face hub is not
contacted. The pipeline decides who speaks when; words are then given to the speaker whose turn they
overlap most, and roles are decided as with the built-in diarisation.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from transcribe.audio import SAMPLE_RATE
from transcribe.errors import ModelError, OptionError
from transcribe.study.transcript import Word

SpeakerTurn = tuple[float, float, str]  # start, end (seconds), the pipeline's speaker label


@lru_cache(maxsize=1)
def _pipeline(config: str, device: str):
    os.environ.setdefault("PYANNOTE_METRICS_ENABLED", "0")  # no telemetry
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # local files only
    try:
        from pyannote.audio import Pipeline
    except ImportError as exc:
        raise ModelError(
            "pyannote: pyannote.audio is not installed (pip install pyannote.audio); "
            "or diarise with the built-in speaker models"
        ) from exc
    import torch

    pipeline = Pipeline.from_pretrained(config)
    if pipeline is None:
        raise ModelError(f"pyannote: {config} could not be loaded as a pyannote.audio pipeline")
    if device != "cpu":
        pipeline.to(torch.device(device))
    return pipeline


def pipeline_config(path: str) -> str:
    """The pipeline's config.yaml: `path` itself, or the config.yaml inside the folder `path`."""
    candidate = Path(path).expanduser()
    if candidate.is_dir():
        candidate = candidate / "config.yaml"
    if not candidate.is_file():
        raise OptionError("pyannote", f"{candidate} not found; give a local pipeline's config.yaml or its folder")
    return str(candidate)


def pyannote_turns(
    samples: np.ndarray,
    config: str,
    speakers: int | None,
    min_speakers: int,
    max_speakers: int,
    device: str = "cpu",
) -> list[SpeakerTurn]:
    """Who speaks when, by the pyannote.audio pipeline at `config` on `device` (one speaker at a time where
    it says so)."""
    import torch

    pipeline = _pipeline(pipeline_config(config), device)
    bounds = {"num_speakers": speakers} if speakers else {"min_speakers": min_speakers, "max_speakers": max_speakers}
    output = pipeline({"waveform": torch.from_numpy(samples)[None], "sample_rate": SAMPLE_RATE}, **bounds)
    # pyannote.audio 4 returns an object with an exclusive (no overlap) diarisation; 3.x an Annotation
    annotation = getattr(output, "exclusive_speaker_diarization", None) or getattr(
        output, "speaker_diarization", output
    )
    return [(float(s.start), float(s.end), str(label)) for s, _, label in annotation.itertracks(yield_label=True)]


def speakers_of_words(words: list[Word], turns: list[SpeakerTurn]) -> tuple[list[int], list[str]]:
    """Each word's speaker (an index into the returned labels, in order of first appearance): the turn it
    overlaps most, or the nearest turn when it overlaps none."""
    labels = list(dict.fromkeys(label for _, _, label in sorted(turns)))
    if not turns:
        return [0] * len(words), ["0"]
    starts = np.array([t[0] for t in turns])
    ends = np.array([t[1] for t in turns])
    index = {label: i for i, label in enumerate(labels)}
    out = []
    for word in words:
        overlap = np.minimum(ends, word.end) - np.maximum(starts, word.start)
        if overlap.max() > 0:
            best = int(np.argmax(overlap))
        else:
            best = int(np.argmin(np.minimum(np.abs(starts - word.end), np.abs(ends - word.start))))
        out.append(index[turns[best][2]])
    return out, labels
