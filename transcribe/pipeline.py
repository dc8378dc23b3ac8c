"""One recording → canonical transcript, and the batch over many recordings.

The batch contract: check inputs, skip recordings already transcribed with the same input checksum,
model and options (unless forced), go on past a failed file, report every failure, write atomically,
and never overwrite a file a person has edited.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

from transcribe import __version__
from transcribe.asr import AsrOptions, ProgressHook, transcribe_windows
from transcribe.audio import load_audio
from transcribe.diarise import DiariseOptions, diarise, merge_channels
from transcribe.checkpoints import ResolvedModel, checkpoint_path_for, checksum_of, load_whisper
from transcribe.errors import ScribeError
from transcribe.fileio import atomic_write_text, sha256_file
from transcribe.textformat import format_turns, transcript_turns
from transcribe.transcript import ModelInfo, Source, Transcript, load_transcript, transcript_json
from transcribe.vad import VadOptions, speech_regions
from transcribe.windows import pack_windows

logger = logging.getLogger(__name__)

IDENTIFIED = "identified"
FOR_CODERS = "for-coders"


@dataclass
class TranscribeOptions:
    asr: AsrOptions = field(default_factory=AsrOptions)  # decoding
    vad: VadOptions = field(default_factory=VadOptions)  # speech detection
    max_gap: float = 1.0  # longest pause kept inside a decoding window, seconds
    diarise: DiariseOptions | None = field(default_factory=DiariseOptions)  # None: no speakers

    def as_record(self) -> dict:
        return {"asr": self.asr.as_record(), "vad": asdict(self.vad), "max_gap": self.max_gap,
                "diarise": asdict(self.diarise) if self.diarise else None}


def transcribe_audio(model, samples, options: TranscribeOptions,
                     hook: ProgressHook | None = None) -> tuple[list, str]:
    """Speech regions → windows → batched Whisper → segments on the recording's timeline."""
    regions = speech_regions(samples, options.vad)
    windows = pack_windows(regions, max_gap=options.max_gap)
    if not windows:
        return [], options.asr.language or "en"
    return transcribe_windows(model, samples, windows, options.asr, hook)


@dataclass
class Job:
    recording: Path
    stem: str  # file names of its outputs under identified/
    checksum: str

    def json_path(self, output_dir: Path) -> Path:
        return output_dir / IDENTIFIED / f"{self.stem}.json"

    def text_path(self, output_dir: Path) -> Path:
        return output_dir / IDENTIFIED / f"{self.stem}.txt"


def plan_jobs(recordings: list[Path]) -> tuple[list[Job], list[tuple[Path, str]]]:
    """Checksum every recording up front; unreadable ones are reported at once, not mid-batch."""
    jobs, problems = [], []
    stems: dict[str, int] = {}
    for path in recordings:
        try:
            checksum = sha256_file(path)
        except OSError as exc:
            problems.append((path, f"{path}: cannot read ({exc.strerror or exc})"))
            continue
        stem = path.stem
        stems[stem] = stems.get(stem, 0) + 1
        if stems[stem] > 1:
            stem = f"{stem}-{checksum[:8]}"
        jobs.append(Job(path, stem, checksum))
    return jobs, problems


def is_done(job: Job, output_dir: Path, model_sha: str | None, options_record: dict) -> bool:
    """Whether this recording was already transcribed from the same bytes, model and options."""
    path = job.json_path(output_dir)
    if not path.exists():
        return False
    try:
        previous = load_transcript(path)
    except ScribeError:
        return False
    return (previous.source.sha256 == job.checksum and previous.model.sha256 == model_sha
            and previous.options.get("transcription") == options_record)


class EditedFileGuard:
    """Remembers the checksum of every file we write, so a file changed by a person is never overwritten."""

    def __init__(self, folder: Path):
        self.ledger = folder / ".written.json"
        try:
            self.known: dict[str, str] = json.loads(self.ledger.read_text())
        except (OSError, ValueError):
            self.known = {}

    def write(self, path: Path, text: str) -> Path:
        """Write text to path, or beside it (`name.new.ext`) when the existing file was edited by hand."""
        if path.exists():
            current = sha256_file(path)
            if self.known.get(path.name) not in (None, current):
                kept = path.with_name(f"{path.stem}.new{path.suffix}")
                logger.warning("%s was edited by hand; kept it and wrote %s", path.name, kept.name)
                path = kept
        atomic_write_text(path, text)
        self.known[path.name] = sha256_file(path)
        atomic_write_text(self.ledger, json.dumps(self.known, indent=1, sort_keys=True))
        return path


@dataclass
class BatchResult:
    done: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    transcripts: list[Path] = field(default_factory=list)  # JSON written or already up to date


class Transcriber:
    """Holds the loaded model and writes each recording's transcript under DIR/identified/."""

    def __init__(self, resolved: ResolvedModel, device: str, options: TranscribeOptions,
                 voices: list | None = None, voice_files: list[str] | None = None):
        self.options = options
        self.voices = voices or []  # enrolled interviewer voice embeddings
        self.voice_files = voice_files or []
        self.device = device
        self.model = load_whisper(resolved, device)
        path = checkpoint_path_for(resolved)
        self.model_info = ModelInfo(name=resolved.name, path=str(path) if path else None,
                                    sha256=checksum_of(path) if path else None)

    @property
    def options_record(self) -> dict:
        return {**self.options.as_record(), "interviewer_voices": self.voice_files}

    def transcribe_job(self, job: Job, hook: ProgressHook | None = None) -> Transcript:
        samples = load_audio(job.recording)
        speakers: dict = {}
        diarising = self.options.diarise
        if diarising is not None and diarising.channels:
            stereo = load_audio(job.recording, channels=len(diarising.channels))
            per_channel = []
            for channel in stereo:
                channel_segments, language = transcribe_audio(self.model, channel, self.options, hook)
                per_channel.append(channel_segments)
            segments, speakers = merge_channels(per_channel, stereo, diarising)
        else:
            segments, language = transcribe_audio(self.model, samples, self.options, hook)
            if diarising is not None and segments:
                segments, speakers = diarise(samples, segments, diarising, self.voices)
        return Transcript(
            source=Source(path=str(job.recording), sha256=job.checksum, duration=round(len(samples) / 16000, 3)),
            model=self.model_info,
            options={"transcription": self.options_record, "device": self.device},
            segments=segments, language=language, tool_version=__version__, speakers=speakers)


def write_identified(transcript: Transcript, job: Job, output_dir: Path) -> Path:
    """Write the canonical JSON and the readable text transcript; returns the JSON path."""
    guard = EditedFileGuard(output_dir / IDENTIFIED)
    json_path = guard.write(job.json_path(output_dir), transcript_json(transcript))
    guard.write(job.text_path(output_dir), format_turns(transcript_turns(transcript)))
    return json_path


def run_batch(transcriber: Transcriber, jobs: list[Job], output_dir: Path,
              force: bool = False, on_file: Callable[[Job, str], None] | None = None,
              hook: ProgressHook | None = None) -> BatchResult:
    """Transcribe every job not already done; a failure is recorded and the batch goes on."""
    result = BatchResult()
    for job in jobs:
        try:
            if not force and is_done(job, output_dir, transcriber.model_info.sha256, transcriber.options_record):
                result.skipped.append(job.recording)
                result.transcripts.append(job.json_path(output_dir))
                if on_file:
                    on_file(job, "skipped")
                continue
            transcript = transcriber.transcribe_job(job, hook)
            if not transcript.segments:
                raise ScribeError(f"{job.recording}: no speech found")
            result.transcripts.append(write_identified(transcript, job, output_dir))
            result.done.append(job.recording)
            if on_file:
                on_file(job, "done")
        except ScribeError as exc:
            result.failed.append((job.recording, str(exc)))
            if on_file:
                on_file(job, "failed")
        except Exception as exc:  # noqa: BLE001 - one bad recording must not stop the night's batch
            logger.debug("unexpected error", exc_info=True)
            result.failed.append((job.recording, f"{job.recording}: unexpected error: {type(exc).__name__}: {exc}"))
            if on_file:
                on_file(job, "failed")
    return result
