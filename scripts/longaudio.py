"""Build a long test recording from ../shared/data, with its reference text, for benchmarks.

Clips with exact references (utterances_exact_refs.tsv, the 1949 interview, the pyannote call) are
concatenated with natural pauses (0.4–3 s) and, once per cycle, a long silence (45 s) where Whisper
tends to hallucinate. Cycles repeat in shuffled order until the wanted length is reached.
"""

from __future__ import annotations

import csv
import json
import random
import warnings
from pathlib import Path

import numpy as np

with warnings.catch_warnings():  # pydub warns when ffmpeg is not on PATH; it is not needed for WAV
    warnings.simplefilter("ignore", RuntimeWarning)
    from pydub import AudioSegment

from transcribe.audio import SAMPLE_RATE, load_audio

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
# speechbrain references with known typos (see its SOURCE.txt) are left out
BAD_REFERENCES = {"spk1_snt2", "spk2_snt1", "spk2_snt3", "spk2_snt5"}


def reference_clips(data: Path = DATA) -> list[tuple[Path, str]]:
    """(audio file, exact reference text) for every clip usable in a WER measurement."""
    clips = []
    with open(data / "utterances_exact_refs.tsv", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if Path(row["path"]).stem not in BAD_REFERENCES:
                clips.append((data / row["path"], row["reference_text"]))
    interview = data / "loc_fountain_hughes_interview_1949"
    entry = json.loads((interview / "manifest_entry.jsonl").read_text().splitlines()[0])
    clips.append((interview / entry["audio_path"], entry["reference_text"]))
    stm = (data / "pyannote_sample" / "sample.stm").read_text().splitlines()
    clips.append((data / "pyannote_sample" / "sample.wav", " ".join(line.split(" ", 5)[5] for line in stm)))
    return clips


def to_segment(samples: np.ndarray) -> AudioSegment:
    pcm = (np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes()
    return AudioSegment(data=pcm, sample_width=2, frame_rate=SAMPLE_RATE, channels=1)


def build_long_recording(target: Path, minutes: float, seed: int = 0) -> str:
    """Write a WAV of at least `minutes` to target (cached) and return its reference text."""
    reference_path = target.with_suffix(".ref.txt")
    if target.exists() and reference_path.exists():
        return reference_path.read_text()
    rng = random.Random(seed)
    clips = [(to_segment(load_audio(path)), text) for path, text in reference_clips()]
    audio, texts = AudioSegment.silent(duration=500, frame_rate=SAMPLE_RATE), []
    while audio.duration_seconds < minutes * 60:
        order = clips[:]
        rng.shuffle(order)
        for index, (clip, text) in enumerate(order):
            audio += clip + AudioSegment.silent(duration=rng.randint(400, 3000), frame_rate=SAMPLE_RATE)
            texts.append(text)
            if index == len(order) // 2:
                audio += AudioSegment.silent(duration=45_000, frame_rate=SAMPLE_RATE)
    target.parent.mkdir(parents=True, exist_ok=True)
    audio.export(target, format="wav")
    reference = " ".join(texts)
    reference_path.write_text(reference)
    return reference
