"""The transcript records (words, segments, how speakers were decided, transcript) and their canonical JSON.

The JSON is shaped like openai-whisper's result plus speakers and provenance, and round-trips exactly.
"""

from __future__ import annotations

import copy
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from transcribe.errors import TranscriptFormatError


@dataclass
class Word:
    word: str  # as whisper writes it, with its leading space
    start: float  # seconds on the recording's timeline
    end: float
    probability: float
    speaker: str | None = None


@dataclass
class Segment:
    start: float
    end: float
    text: str
    speaker: str | None = None
    words: list[Word] = field(default_factory=list)

    @classmethod
    def of_words(cls, words: list[Word]) -> Segment:
        """The segment spanning these words, its text theirs, its speaker the first word's."""
        return cls(
            start=words[0].start,
            end=words[-1].end,
            text="".join(w.word for w in words),
            speaker=words[0].speaker,
            words=words,
        )


@dataclass
class Source:
    path: str  # the recording as given on the command line
    sha256: str  # checksum of the recording's bytes
    duration: float  # seconds


@dataclass
class ModelInfo:
    name: str  # whisper name ("base", "tiny.en") or the checkpoint file's stem
    path: str | None  # checkpoint file used
    sha256: str | None  # checksum of that file


@dataclass
class Diarisation:
    """How the speakers and their roles were decided, kept in the transcript for a person to check."""

    diariser: str  # what told the voices apart: "campplus", "resemblyzer", "pyannote" or "channels"
    roles_by: str  # how the roles were given: "enrolment", "channels", "heuristic" or "single speaker"
    confidence: float  # 0..1, how sure the role assignment is
    roles: list[str]  # the speaker labels in the transcript
    details: dict[str, Any] = field(default_factory=dict)  # the evidence: similarities, shares of questions…

    @classmethod
    def from_transcript_dict(cls, data: dict[str, Any]) -> Diarisation | None:
        """The record of a transcript's JSON. Transcripts written before it had a type kept a dict under
        "speakers" instead: empty or {"method": "none"} when nothing was decided, else with "method" for
        roles_by and, from stereo channels, no "diariser"."""
        if "diarisation" in data:
            return cls(**data["diarisation"]) if data["diarisation"] else None
        old = data.get("speakers") or {}
        method = old.get("method", "none")
        if method == "none":
            return None
        diariser = old.get("diariser", "channels" if method == "channels" else "unknown")
        return cls(diariser, method, old.get("confidence", 0.0), old.get("roles", []), old.get("details", {}))


@dataclass
class Transcript:
    source: Source
    model: ModelInfo
    options: dict[str, Any]  # every option that shaped the output, and the device and batch size of the run
    segments: list[Segment]
    language: str | None = None
    anonymised: bool = False
    tool_version: str = ""
    diarisation: Diarisation | None = None  # how speakers were decided; None: not diarised

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments).strip()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["text"] = self.text
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        try:
            segments = [
                Segment(
                    start=s["start"],
                    end=s["end"],
                    text=s["text"],
                    speaker=s.get("speaker"),
                    words=[Word(**w) for w in s.get("words", [])],
                )
                for s in data["segments"]
            ]
            return cls(
                source=Source(**data["source"]),
                model=ModelInfo(**data["model"]),
                options=data.get("options", {}),
                segments=segments,
                language=data.get("language"),
                anonymised=data.get("anonymised", False),
                tool_version=data.get("tool_version", ""),
                diarisation=Diarisation.from_transcript_dict(data),
            )
        except (KeyError, TypeError) as exc:
            raise TranscriptFormatError(f"not a transcript JSON: missing or wrong field {exc}") from exc


def options_for_coders(options: dict[str, Any]) -> dict[str, Any]:
    """The options a transcript records, without the file paths among them (a voice sample's or a
    pipeline's path can carry a person's name): a count of voice samples, and whether a pipeline was used."""
    options = copy.deepcopy(options)
    transcription = options.get("transcription", {})
    if transcription.get("interviewer_voices"):
        transcription["interviewer_voices"] = f"{len(transcription['interviewer_voices'])} voice sample(s)"
    diarise = transcription.get("diarise") or {}
    if diarise.get("pyannote"):
        diarise["pyannote"] = "a local pyannote.audio pipeline"
    return options


def load_transcript(path: Path) -> Transcript:
    """Read a canonical JSON transcript, naming the file on any error."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return Transcript.from_dict(data)
    except (OSError, json.JSONDecodeError, TranscriptFormatError) as exc:
        raise TranscriptFormatError(f"{path}: {exc}") from exc


def transcript_json(transcript: Transcript) -> str:
    """The canonical JSON text of a transcript."""
    return json.dumps(transcript.to_dict(), ensure_ascii=False, indent=1) + "\n"
