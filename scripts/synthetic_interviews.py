"""Synthetic two-speaker interviews with exact ground truth, built from ../shared/data clips.

Two real speakers from utterances_exact_refs.tsv alternate: the interviewer speaks one clip, the
participant one to three; pauses between turns are 0.15–1.2 s, and now and then the interviewer puts
in a short turn (their shortest clip, as a back-channel). One clip of the interviewer is held out as
the enrolment sample. Truth: who spoke when (exact, from the placement).
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from longaudio import DATA, to_segment
from pydub import AudioSegment

from transcribe.audio import SAMPLE_RATE, load_audio

PAIRS = [
    ("librivox_sense_sensibility_reader", "ljspeech_linda_johnson"),
    ("speechbrain_spk2", "ljspeech_linda_johnson"),
    ("ljspeech_linda_johnson", "librivox_sense_sensibility_reader"),
]


@dataclass
class Turn:
    start: float
    end: float
    speaker: str  # "interviewer" or "participant"


@dataclass
class SyntheticInterview:
    audio: Path
    enrolment: Path
    turns: list[Turn]


def clips_by_speaker() -> dict[str, list[Path]]:
    clips: dict[str, list[Path]] = {}
    with open(DATA / "utterances_exact_refs.tsv", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            clips.setdefault(row["speaker_id"], []).append(DATA / row["path"])
    return clips


def build_interview(
    folder: Path, interviewer: str, participant: str, minutes: float = 3.0, seed: int = 0
) -> SyntheticInterview:
    rng = random.Random(seed)
    clips = clips_by_speaker()
    asks = [to_segment(load_audio(p)) for p in clips[interviewer]]
    enrolment_clip, asks = asks[0], asks[1:]
    answers = [to_segment(load_audio(p)) for p in clips[participant]]
    backchannel = min(asks, key=len)
    audio = AudioSegment.silent(duration=300, frame_rate=SAMPLE_RATE)
    turns: list[Turn] = []

    def say(segment: AudioSegment, who: str) -> None:
        nonlocal audio
        start = audio.duration_seconds
        audio += segment
        turns.append(Turn(start, audio.duration_seconds, who))

    def pause(lo: int = 150, hi: int = 1200) -> None:
        nonlocal audio
        audio += AudioSegment.silent(duration=rng.randint(lo, hi), frame_rate=SAMPLE_RATE)

    while audio.duration_seconds < minutes * 60:
        say(rng.choice(asks), "interviewer")
        pause()
        for index in range(rng.randint(1, 3)):
            if index and rng.random() < 0.3:
                pause(100, 300)
                say(backchannel, "interviewer")
                pause(100, 300)
            say(rng.choice(answers), "participant")
            pause(200, 600)
        pause()
    folder.mkdir(parents=True, exist_ok=True)
    name = f"synthetic_{interviewer}_{participant}_{seed}"
    target, voice = folder / f"{name}.wav", folder / f"{name}.enrolment.wav"
    audio.export(target, format="wav")
    enrolment_clip.export(voice, format="wav")
    return SyntheticInterview(target, voice, turns)
