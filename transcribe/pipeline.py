"""One recording → canonical transcript, and the batch over many recordings.

The batch contract: check inputs, skip recordings already transcribed with the same input checksum,
model and options (unless forced), go on past a failed file, report every failure, write atomically,
and never overwrite a file a person has edited.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from transcribe import __version__
from transcribe.asr import AsrOptions, ProgressHook, transcribe_windows
from transcribe.checkpoints import ResolvedModel, checkpoint_path_for, checksum_of, load_whisper
from transcribe.diarise import DiariseOptions, by_channels, diarise
from transcribe.errors import ScribeError
from transcribe.speech import Speech, VadOptions, find_speech
from transcribe.study.fileio import sha256_file
from transcribe.study.layout import EditLedger, StudyFolder
from transcribe.study.manifest import Claims, Manifest
from transcribe.study.textformat import format_turns, transcript_turns
from transcribe.study.transcript import (
    Diarisation,
    ModelInfo,
    Segment,
    Source,
    Transcript,
    load_transcript,
    transcript_json,
)
from transcribe.windows import Region, pack_windows

logger = logging.getLogger(__name__)


RUN_ONLY = ("batch_size",)  # decoding options that change how a run executes, not what it writes


def output_identity(record: dict) -> dict:
    """A transcription record without how the run executed: what must match for a transcript to be done
    (older transcripts recorded the batch size there too)."""
    return {**record, "asr": {k: v for k, v in record.get("asr", {}).items() if k not in RUN_ONLY}}


@dataclass
class TranscribeOptions:
    asr: AsrOptions = field(default_factory=AsrOptions)  # decoding
    vad: VadOptions = field(default_factory=VadOptions)  # speech detection
    max_gap: float = 1.0  # longest pause kept inside a decoding window, seconds
    diarise: DiariseOptions | None = field(default_factory=DiariseOptions)  # None: no speakers

    def as_record(self) -> dict:
        """What shapes the output, as transcripts record it (and compare it to find a recording done)."""
        record = {
            "asr": self.asr.as_record(),
            "vad": asdict(self.vad),
            "max_gap": self.max_gap,
            "diarise": asdict(self.diarise) if self.diarise else None,
        }
        return output_identity(record)

    @property
    def channels(self) -> tuple[str, ...]:
        """The role of each channel transcribed on its own (diarising by channels); empty: one mono mix."""
        return self.diarise.channels if self.diarise else ()


def transcribe_audio(
    model, samples: np.ndarray, regions: list[Region], options: TranscribeOptions, hook: ProgressHook | None = None
) -> tuple[list[Segment], str]:
    """Speech regions → windows → batched Whisper → segments on the recording's timeline."""
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
        return StudyFolder(output_dir).transcript_json(self.stem)


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
    return (
        previous.source.sha256 == job.checksum
        and previous.model.sha256 == model_sha
        and output_identity(previous.options.get("transcription") or {}) == options_record
    )


@dataclass
class BatchResult:
    done: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    elsewhere: list[Path] = field(default_factory=list)  # claimed by another running process
    failed: list[tuple[Path, str]] = field(default_factory=list)
    transcripts: list[Path] = field(default_factory=list)  # JSON written or already up to date


class Transcriber:
    """Holds the loaded model and writes each recording's transcript under DIR/identified/."""

    def __init__(
        self,
        resolved: ResolvedModel,
        device: str,
        options: TranscribeOptions,
        voices: list | None = None,
        voice_files: list[str] | None = None,
    ):
        self.options = options
        self.voices = voices or []  # enrolled interviewer voice embeddings
        self.voice_files = voice_files or []
        self.device = device
        self.model = load_whisper(resolved, device)
        path = checkpoint_path_for(resolved)
        self.model_info = ModelInfo(
            name=resolved.name, path=str(path) if path else None, sha256=checksum_of(path) if path else None
        )

    @property
    def options_record(self) -> dict:
        """The options as they read back from the transcript's JSON (tuples become lists)."""
        return json.loads(json.dumps({**self.options.as_record(), "interviewer_voices": self.voice_files}))

    def prepare(self, job: Job) -> Speech:
        """The CPU part before Whisper: decode the recording once, in the run's channel layout, and find the
        speech in each channel (run ahead in a worker)."""
        return find_speech(job.recording, len(self.options.channels) or 1, self.options.vad)

    def transcribe_job(self, job: Job, hook: ProgressHook | None = None, prepared: Speech | None = None) -> Transcript:
        """Speech → words → speakers → the recording's transcript."""
        speech = prepared or self.prepare(job)
        transcribe = self._by_channels if self.options.channels else self._mono
        segments, language, diarisation = transcribe(speech, hook)
        return Transcript(
            source=Source(path=str(job.recording), sha256=job.checksum, duration=round(speech.duration, 3)),
            model=self.model_info,
            options={
                "transcription": self.options_record,
                "device": self.device,
                "batch_size": self.options.asr.batch_size,
            },
            segments=segments,
            language=language,
            tool_version=__version__,
            diarisation=diarisation,
        )

    def _mono(self, speech: Speech, hook: ProgressHook | None) -> tuple[list[Segment], str, Diarisation | None]:
        samples, regions = speech.audio[0], speech.regions[0]
        segments, language = transcribe_audio(self.model, samples, regions, self.options, hook)
        if self.options.diarise is None or not segments:
            return segments, language, None
        out = diarise(samples, regions, segments, self.options.diarise, self.voices, self.device)
        return out.turns, language, out.diarisation

    def _by_channels(self, speech: Speech, hook: ProgressHook | None) -> tuple[list[Segment], str, Diarisation]:
        """Each channel transcribed on its own, its words given the channel's role."""
        per_channel, language = [], None
        for channel, regions in zip(speech.audio, speech.regions):
            segments, language = transcribe_audio(self.model, channel, regions, self.options, hook)
            per_channel.append(segments)
        out = by_channels(per_channel, speech.audio, self.options.diarise)
        return out.turns, language, out.diarisation


def write_identified(transcript: Transcript, job: Job, output_dir: Path) -> Path:
    """Write the canonical JSON and the readable text transcript; returns the JSON path."""
    folder = StudyFolder(output_dir)
    ledger = EditLedger(folder.identified)
    json_path = ledger.write(folder.transcript_json(job.stem), transcript_json(transcript))
    ledger.write(folder.transcript_text(job.stem), format_turns(transcript_turns(transcript)))
    return json_path


def _process(
    transcriber: Transcriber, job: Job, prepared, output_dir: Path, hook, result: BatchResult, manifest: Manifest
) -> str:
    state = manifest.start(job.stem, job.recording, job.checksum, transcriber.model_info.name)
    error = None
    try:
        clock = time.perf_counter()
        speech = prepared.result()
        state.timings["decode_and_vad"] = round(time.perf_counter() - clock, 2)
        clock = time.perf_counter()
        transcript = transcriber.transcribe_job(job, hook, speech)
        state.timings["transcribe_and_diarise"] = round(time.perf_counter() - clock, 2)
        if not transcript.segments:
            raise ScribeError(f"{job.recording}: no speech found")
        result.transcripts.append(write_identified(transcript, job, output_dir))
        result.done.append(job.recording)
    except ScribeError as exc:
        error = str(exc)
    except Exception as exc:
        logger.debug("unexpected error", exc_info=True)
        error = f"{job.recording}: unexpected error: {type(exc).__name__}: {exc}"
    if error:
        result.failed.append((job.recording, error))
    manifest.finish(job.stem, state, error)
    return "failed" if error else "done"


def run_batch(
    transcriber: Transcriber,
    jobs: list[Job],
    output_dir: Path,
    force: bool = False,
    on_file: Callable[[Job, str], None] | None = None,
    hook: ProgressHook | None = None,
    claims: Claims | None = None,
) -> BatchResult:
    """Transcribe every job not already done and not claimed by another process; a failure is recorded
    and the batch goes on. While one recording is transcribed, the next is decoded and its speech found
    in a worker thread. Ctrl-C releases the claims and stops (KeyboardInterrupt goes on up)."""
    StudyFolder(output_dir).prepare()
    private = StudyFolder(output_dir).identified
    claims = claims or Claims(private)
    manifest = Manifest(private)
    result = BatchResult()
    model_sha, record = transcriber.model_info.sha256, transcriber.options_record

    def finished_already(job: Job) -> bool:
        if force or not is_done(job, output_dir, model_sha, record):
            return False
        result.skipped.append(job.recording)
        result.transcripts.append(job.json_path(output_dir))
        if on_file:
            on_file(job, "skipped")
        return True

    def claim_next(queue, pool):
        for job in queue:
            if finished_already(job):
                continue
            if not claims.acquire(job.stem):
                result.elsewhere.append(job.recording)
                if on_file:
                    on_file(job, "elsewhere")
                continue
            if not force and is_done(job, output_dir, model_sha, record):  # finished while we looked
                claims.release(job.stem)
                finished_already(job)
                continue
            return job, pool.submit(transcriber.prepare, job)
        return None

    queue = iter(jobs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        current = claim_next(queue, pool)
        upcoming = None
        try:
            while current:
                upcoming = claim_next(queue, pool)
                job, prepared = current
                status = _process(transcriber, job, prepared, output_dir, hook, result, manifest)
                claims.release(job.stem)
                if on_file:
                    on_file(job, status)
                current, upcoming = upcoming, None
        except KeyboardInterrupt:
            for held in (current, upcoming):
                if held:
                    claims.release(held[0].stem)
                    manifest.interrupted(held[0].stem)
            raise
    return result
