"""Output formats, from one registry: each writer takes a transcript and writes one file.

Formats for coders' software: docx (Word; NVivo, ATLAS.ti, MAXQDA and Dedoose open it), maxqda (text
with MAXQDA's timestamp-speaker paragraphs), nvivo (tab-separated Timespan/Speaker/Content rows for
NVivo's transcript import), srt and vtt (subtitles, as whisper writes them), csv (a row per turn),
txt (this tool's editable text) and json (the canonical transcript).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date

from transcribe.errors import OptionError
from transcribe.study.textformat import format_timestamp, format_turns, transcript_turns
from transcribe.study.transcript import Transcript, transcript_json


def precise_timestamp(seconds: float) -> str:
    """hh:mm:ss.s, to the tenth of a second (what NVivo and MAXQDA read)."""
    tenths = max(0, int(round(seconds * 10)))
    return f"{format_timestamp(tenths // 10)}.{tenths % 10}"


def subtitle_timestamp(seconds: float, always_include_hours: bool, decimal_marker: str) -> str:
    """[hh:]mm:ss.mmm, to the millisecond, as whisper's subtitle writers format it."""
    hours, milliseconds = divmod(round(seconds * 1000.0), 3_600_000)
    minutes, milliseconds = divmod(milliseconds, 60_000)
    whole, milliseconds = divmod(milliseconds, 1_000)
    hours_marker = f"{hours:02d}:" if always_include_hours or hours > 0 else ""
    return f"{hours_marker}{minutes:02d}:{whole:02d}{decimal_marker}{milliseconds:03d}"


def write_txt(transcript: Transcript) -> bytes:
    return format_turns(transcript_turns(transcript)).encode("utf-8")


def write_json(transcript: Transcript) -> bytes:
    return transcript_json(transcript).encode("utf-8")


def write_maxqda(transcript: Transcript) -> bytes:
    """MAXQDA transcript import: a paragraph per turn starting `hh:mm:ss.sSpeaker: `, blank line between."""
    paragraphs = [
        f"{precise_timestamp(t.start)}{t.speaker + ': ' if t.speaker else ''}{t.text}"
        for t in transcript_turns(transcript)
    ]
    return ("\n\n".join(paragraphs) + "\n").encode("utf-8")


def write_nvivo(transcript: Transcript) -> bytes:
    """NVivo transcript rows: tab-separated Timespan, Speaker, Content, with a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\r\n")
    writer.writerow(["Timespan", "Speaker", "Content"])
    for t in transcript_turns(transcript):
        writer.writerow(
            [f"{precise_timestamp(t.start)}-{precise_timestamp(t.end)}", t.speaker or "", t.text.replace("\t", " ")]
        )
    return buffer.getvalue().encode("utf-8")


def write_csv(transcript: Transcript) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["recording", "start", "end", "speaker", "text"])
    for t in transcript_turns(transcript):
        writer.writerow([transcript.source.path, f"{t.start:.2f}", f"{t.end:.2f}", t.speaker or "", t.text])
    return buffer.getvalue().encode("utf-8-sig")  # the BOM lets Excel read UTF-8


def _subtitles(transcript: Transcript, always_include_hours: bool, decimal_marker: str):
    """(start, end, text) of each turn's cue, the speaker before the text."""
    for turn in transcript_turns(transcript):
        text = f"{turn.speaker}: {turn.text}" if turn.speaker else turn.text
        yield (
            subtitle_timestamp(turn.start, always_include_hours, decimal_marker),
            subtitle_timestamp(turn.end, always_include_hours, decimal_marker),
            text.strip().replace("-->", "->"),
        )


def write_srt(transcript: Transcript) -> bytes:
    cues = _subtitles(transcript, always_include_hours=True, decimal_marker=",")
    return "".join(f"{i}\n{start} --> {end}\n{text}\n\n" for i, (start, end, text) in enumerate(cues, 1)).encode()


def write_vtt(transcript: Transcript) -> bytes:
    cues = _subtitles(transcript, always_include_hours=False, decimal_marker=".")
    return ("WEBVTT\n\n" + "".join(f"{start} --> {end}\n{text}\n\n" for start, end, text in cues)).encode()


def write_docx(transcript: Transcript, line_numbers: bool = True) -> bytes:
    """Word document: header with recording id, duration, date, model; a paragraph per turn with a bold
    speaker label; document properties emptied so no author or path identifies anyone."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = Document()
    properties = document.core_properties
    for name in (
        "author",
        "last_modified_by",
        "comments",
        "keywords",
        "subject",
        "category",
        "identifier",
        "content_status",
        "language",
        "version",
    ):
        setattr(properties, name, "")
    properties.title = transcript.source.path if transcript.anonymised else ""
    properties.revision = 1
    recording = transcript.source.path if transcript.anonymised else "transcript"
    document.add_heading(f"Interview {recording}", level=1)
    minutes = transcript.source.duration / 60
    document.add_paragraph(
        f"Duration {minutes:.0f} min · processed {date.today().isoformat()} · "
        f"model {transcript.model.name}" + (" · anonymised" if transcript.anonymised else "")
    )
    for turn in transcript_turns(transcript):
        paragraph = document.add_paragraph()
        paragraph.add_run(f"[{format_timestamp(turn.start)}] ")
        if turn.speaker:
            paragraph.add_run(f"{turn.speaker}: ").bold = True
        paragraph.add_run(turn.text)
        paragraph.paragraph_format.space_after = Pt(6)
    if line_numbers:
        numbering = OxmlElement("w:lnNumType")
        numbering.set(qn("w:countBy"), "1")
        numbering.set(qn("w:restart"), "continuous")
        document.sections[0]._sectPr.append(numbering)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


WRITERS: dict[str, tuple[str, Callable[[Transcript], bytes]]] = {
    "docx": (".docx", write_docx),
    "txt": (".txt", write_txt),
    "maxqda": (".maxqda.txt", write_maxqda),
    "nvivo": (".nvivo.txt", write_nvivo),
    "srt": (".srt", write_srt),
    "vtt": (".vtt", write_vtt),
    "csv": (".csv", write_csv),
    "json": (".json", write_json),
}


def parse_formats(text: str) -> tuple[str, ...]:
    """`docx,txt` → ("docx", "txt"); unknown names are an error naming the known ones."""
    return check_formats(tuple(dict.fromkeys(n.strip().lower() for n in text.split(",") if n.strip())))


def check_formats(names: tuple[str, ...]) -> tuple[str, ...]:
    """The names, when each is a known format (and there is one at least)."""
    unknown = [n for n in names if n not in WRITERS]
    if unknown or not names:
        raise OptionError("formats", f"unknown format(s) {', '.join(unknown) or '(none)'}; known: {', '.join(WRITERS)}")
    return names
