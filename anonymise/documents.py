"""Reading transcripts to anonymise (canonical JSON or the hand-editable text) and building the
anonymised copies; speakers, timestamps and word timings are kept, only identifying words change."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from pathlib import Path

from anonymise.engine import AnonymisedDocument, Replacement
from transcribe.errors import TranscriptFormatError
from transcribe.study.textformat import TextTurn, format_turns, parse_text
from transcribe.study.transcript import Transcript, Word, load_transcript, options_for_coders


@dataclass
class SourceDocument:
    path: Path
    stem: str  # private name of the recording (the file's stem)
    turns: list[TextTurn]  # what is anonymised: JSON segments or text turns
    transcript: Transcript | None  # set for JSON input


def _segment_text(words: list[Word]) -> str:
    return "".join(w.word for w in words)


def read_document(path: Path) -> SourceDocument:
    """A transcript file as turns to anonymise; a broken file raises an error naming file and line."""
    path = Path(path)
    if path.suffix.lower() == ".json":
        transcript = load_transcript(path)
        if transcript.anonymised:
            raise TranscriptFormatError(f"{path}: already anonymised")
        turns = [
            TextTurn(s.start, s.speaker, (_segment_text(s.words) if s.words else s.text).strip())
            for s in transcript.segments
        ]
        return SourceDocument(path, path.stem, turns, transcript)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise TranscriptFormatError(f"{path}: cannot read as UTF-8 text ({exc})") from exc
    return SourceDocument(path, path.stem, parse_text(text, str(path)), None)


def anonymised_text(source: SourceDocument, result: AnonymisedDocument, speaker_map: dict[str, str]) -> str:
    """The text format again: same timestamps and lines, identifying words and labels replaced."""
    turns = [
        TextTurn(t.start, speaker_map.get(t.speaker, t.speaker) if t.speaker else None, text)
        for t, text in zip(source.turns, result.turns)
    ]
    return format_turns(turns)


def _anonymise_words(words: list[Word], replacements: list[Replacement]) -> list[Word]:
    """Replace the words a span covers by one word holding the pseudonym, timed from first to last."""
    text = _segment_text(words)
    lead = len(text) - len(text.lstrip())
    bounds, position = [], 0
    for word in words:
        bounds.append((position - lead, position + len(word.word) - lead))
        position += len(word.word)
    out: list[Word] = []
    consumed = -1
    for index, word in enumerate(words):
        if index <= consumed:
            continue
        start, end = bounds[index]
        hit = next((r for r in replacements if r.start < end and start < r.end), None)
        if hit is None:
            out.append(copy.copy(word))
            continue
        last = index
        while last + 1 < len(words) and bounds[last + 1][0] < hit.end:
            last += 1
        prefix = word.word[: max(0, hit.start - start)]
        suffix = words[last].word[max(0, hit.end - bounds[last][0]) :]
        consumed = last
        text = f"{prefix}{hit.pseudonym}{suffix}"
        if not text.strip():
            continue  # the rest of a name that began in the previous segment
        out.append(
            Word(
                word=text,
                start=word.start,
                end=words[last].end,
                probability=min(w.probability for w in words[index : last + 1]),
                speaker=word.speaker,
            )
        )
    return out


def anonymised_transcript(
    source: SourceDocument, result: AnonymisedDocument, recording_id: str, speaker_map: dict[str, str]
) -> Transcript:
    """The canonical JSON transcript for coders: anonymised text and words, no paths that identify."""
    transcript = copy.deepcopy(source.transcript)
    for index, (segment, text) in enumerate(zip(transcript.segments, result.turns)):
        mine = [r for r in result.replacements if r.turn == index]
        if segment.words and mine:
            segment.words = _anonymise_words(segment.words, mine)
        segment.text = " " + text
        if segment.speaker:
            segment.speaker = speaker_map.get(segment.speaker, segment.speaker)
            for word in segment.words:
                word.speaker = speaker_map.get(word.speaker, word.speaker) if word.speaker else None
    transcript.anonymised = True
    transcript.source.path = recording_id
    transcript.model.path = None
    transcript.options = options_for_coders(transcript.options)
    return transcript
