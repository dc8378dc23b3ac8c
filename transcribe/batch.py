"""Many recordings → their transcripts in the study's identified/ folder.

The batch contract: check inputs, skip recordings already transcribed with the same input checksum,
model and options (unless forced), go on past a failed file, report every failure, write atomically,
and never overwrite a file a person has edited.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
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
    in a worker thread. Ctrl-C releases the claims and stops (KeyboardInterrupt goes on up).

    `on_file(job, status)` hears of each recording as it is settled: "done", "skipped" (done before),
    "elsewhere" (another run has it) or "failed"; `hook(step, done, total)` of the progress inside one."""
    return _Batch(transcriber, output_dir, force, on_file, hook, claims).run(jobs)


class _Batch:
    """One run over the jobs: the claims and manifest it keeps, and what it has settled so far."""

    def __init__(self, transcriber: Transcriber, output_dir: Path, force: bool, on_file, hook, claims):
        StudyFolder(output_dir).prepare()
        private = StudyFolder(output_dir).identified
        self.transcriber, self.output_dir, self.force = transcriber, output_dir, force
        self.on_file, self.hook = on_file, hook
        self.claims = claims or Claims(private)
        self.manifest = Manifest(private)
        self.result = BatchResult()
        self.identity = (transcriber.model_info.sha256, transcriber.options_record)

    def run(self, jobs: list[Job]) -> BatchResult:
        queue = iter(jobs)
        with ThreadPoolExecutor(max_workers=1) as pool:
            current, upcoming = self._claim_next(queue, pool), None
            try:
                while current:
                    upcoming = self._claim_next(queue, pool)
                    job, prepared = current
                    status = self._process(job, prepared)
                    self.claims.release(job.stem)
                    self._settled(job, status)
                    current, upcoming = upcoming, None
            except KeyboardInterrupt:
                for job, _prepared in filter(None, (current, upcoming)):
                    self.claims.release(job.stem)
                    self.manifest.interrupted(job.stem)
                raise
        return self.result

    def _claim_next(self, queue, pool) -> tuple[Job, Future] | None:
        """The next job to transcribe, claimed, its audio being prepared; None when none is left."""
        for job in queue:
            if self._done_before(job):
                continue
            if not self.claims.acquire(job.stem):
                self.result.elsewhere.append(job.recording)
                self._settled(job, "elsewhere")
                continue
            if self._done_before(job):  # finished by another run while we looked
                self.claims.release(job.stem)
                continue
            return job, pool.submit(self.transcriber.prepare, job)
        return None

    def _done_before(self, job: Job) -> bool:
        """Whether it was transcribed from the same bytes, model and options (then it is skipped)."""
        if self.force or not is_done(job, self.output_dir, *self.identity):
            return False
        self.manifest.found_transcribed(job.stem)
        self.claims.drop_stale(job.stem)
        self.result.skipped.append(job.recording)
        self.result.transcripts.append(job.json_path(self.output_dir))
        self._settled(job, "skipped")
        return True

    def _process(self, job: Job, prepared: Future) -> str:
        state = self.manifest.start(job.stem, job.recording, job.checksum, self.transcriber.model_info.name)
        error = None
        try:
            clock = time.perf_counter()
            speech = prepared.result()
            state.timings["decode_and_vad"] = round(time.perf_counter() - clock, 2)
            clock = time.perf_counter()
            transcript = self.transcriber.transcribe_job(job, self.hook, speech)
            state.timings["transcribe_and_diarise"] = round(time.perf_counter() - clock, 2)
            if not transcript.segments:
                raise ScribeError(f"{job.recording}: no speech found")
            self.result.transcripts.append(write_identified(transcript, job, self.output_dir))
            self.result.done.append(job.recording)
        except ScribeError as exc:
            error = str(exc)
        except Exception as exc:
            logger.debug("unexpected error", exc_info=True)
            error = f"{job.recording}: unexpected error: {type(exc).__name__}: {exc}"
        if error:
            self.result.failed.append((job.recording, error))
        self.manifest.finish(job.stem, state, error)
        return "failed" if error else "done"

    def _settled(self, job: Job, status: str) -> None:
        """Log how a recording was settled (the run's log holds one line each) and tell on_file."""
        if status == "failed":
            logger.error("failed: %s", self.result.failed[-1][1])
        else:
            logger.info("%s: %s", {"elsewhere": "taken by another run"}.get(status, status), job.stem)
        if self.on_file:
            self.on_file(job, status)
