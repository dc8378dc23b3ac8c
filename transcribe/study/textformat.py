"""The readable text transcript: one turn per line, `[hh:mm:ss] Speaker: text`, and its parser.

Researchers correct this file by hand, so it must parse back: timestamps and speaker labels are read
again, and a line that breaks the format is reported with its number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transcribe.errors import TranscriptFormatError
from transcribe.study.transcript import ModelInfo, Segment, Source, Transcript

_LINE = re.compile(r"^\[(\d{1,2}):([0-5]\d):([0-5]\d)\]\s*(?:([^:\[\]]{1,40}?):\s)?(.*)$")


@dataclass
class TextTurn:
    start: float  # seconds
    speaker: str | None
    text: str
    end: float | None = None  # seconds; unknown for turns read back from text


def format_timestamp(seconds: float) -> str:
    """`hh:mm:ss`, the timestamp every text-like output shares."""
    whole = max(0, int(seconds))
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def transcript_turns(transcript: Transcript) -> list[TextTurn]:
    """Consecutive segments of one speaker joined into turns; without speakers, one turn per segment."""
    turns: list[TextTurn] = []
    for segment in transcript.segments:
        text = segment.text.strip()
        if not text:
            continue
        if turns and segment.speaker is not None and turns[-1].speaker == segment.speaker:
            turns[-1].text += " " + text
            turns[-1].end = max(turns[-1].end or segment.end, segment.end)
        else:
            turns.append(TextTurn(segment.start, segment.speaker, text, segment.end))
    return turns


def transcript_from_turns(turns: list[TextTurn], source: Source, model: ModelInfo, anonymised: bool) -> Transcript:
    """A transcript without word timings, from text turns (a hand-edited text transcript)."""
    segments = []
    for i, turn in enumerate(turns):
        end = turns[i + 1].start if i + 1 < len(turns) else turn.start
        segments.append(
            Segment(
                start=float(turn.start), end=float(max(end, turn.start)), text=" " + turn.text, speaker=turn.speaker
            )
        )
    return Transcript(source=source, model=model, options={}, segments=segments, anonymised=anonymised)


def format_turns(turns: list[TextTurn]) -> str:
    lines = []
    for turn in turns:
        label = f"{turn.speaker}: " if turn.speaker else ""
        lines.append(f"[{format_timestamp(turn.start)}] {label}{turn.text}")
    return "\n".join(lines) + "\n"


def parse_text(text: str, name: str = "transcript") -> list[TextTurn]:
    """Read a text transcript back; blank lines are ignored, anything else must be a turn line."""
    turns = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _LINE.match(line.strip())
        if not match:
            raise TranscriptFormatError(
                f"{name}, line {number}: expected `[hh:mm:ss] Speaker: text`, got {line[:40]!r}"
            )
        hours, minutes, seconds, speaker, body = match.groups()
        turns.append(
            TextTurn(
                int(hours) * 3600 + int(minutes) * 60 + int(seconds), speaker.strip() if speaker else None, body.strip()
            )
        )
    return turns
