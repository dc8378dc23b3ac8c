"""Many recordings → their transcripts in the study's identified/ folder.

The batch contract: check inputs, skip recordings already transcribed with the same input checksum,
model and options (unless forced), go on past a failed file, report every failure, write atomically,
and never overwrite a file a person has edited.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from transcribe.asr import ProgressHook
from transcribe.errors import ScribeError
from transcribe.study.fileio import sha256_file
from transcribe.study.layout import EditLedger, StudyFolder
from transcribe.study.manifest import Claims, Manifest
from transcribe.study.textformat import format_turns, transcript_turns
from transcribe.study.transcript import Transcript, load_transcript, transcript_json
from transcribe.transcriber import Job, Transcriber, output_identity

logger = logging.getLogger(__name__)


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
