"""A study's whole way, in one call: recordings → transcripts → anonymised files for coders.

    options = StudyOptions(model="tiny.en")
    plan = plan_study(["recordings/"], "study-output", options)   # checked before any model loads
    result = run_study(plan, "study-output", options)             # transcribed, skipped, failed…

The `transcribe` command is these two calls with progress bars; a script or notebook gets the same run,
anonymisation included, and every recording's manifest reaches "done".
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

from transcribe.asr import ProgressHook
from transcribe.audio import load_audio
from transcribe.batch import plan_jobs, run_batch
from transcribe.checkpoints import ResolvedModel, resolve_model
from transcribe.device import default_batch_size, pick_device, share_python_quickly
from transcribe.diarise import DiariseOptions
from transcribe.discover import find_recordings
from transcribe.encoders import voice_encoder
from transcribe.errors import OptionError, ScribeError
from transcribe.memory import keep_freed_buffers
from transcribe.pyannote_backend import pipeline_config
from transcribe.study.fileio import unwritable_reason
from transcribe.study.layout import StudyFolder
from transcribe.study.manifest import Manifest, in_shard
from transcribe.study.writers import check_formats
from transcribe.transcriber import Job, TranscribeOptions, Transcriber, load_model

logger = logging.getLogger(__name__)


@dataclass
class StudyOptions:
    transcription: TranscribeOptions = field(default_factory=TranscribeOptions)  # what shapes each transcript
    model: str | None = None  # Whisper name, checkpoint file or folder; None: the best model installed offline
    device: str = "auto"  # "auto" (a CUDA GPU when there is one), "cpu" or "cuda"
    batch_size: int | None = None  # windows decoded together; None: 8 on CPU, sized to free memory on GPU
    interviewer_voices: list[Path] = field(default_factory=list)  # voice samples, or folders of them
    shard: tuple[int, int] | None = None  # only shard K of N of the recordings
    force: bool = False  # transcribe again what is done
    anonymise: bool = True  # write anonymised files for coders after transcribing
    formats: tuple[str, ...] | None = None  # files for coders; None: the anonymisation config's


@dataclass
class StudyPlan:
    """What a run will do, checked before any model loads (what a dry run shows)."""

    jobs: list[Job]  # the recordings to transcribe (of this shard)
    problems: list[tuple[Path, str]]  # recordings that cannot be read: reported, never started
    model: ResolvedModel
    device: str  # where the models run: "cpu" or "cuda"


@dataclass
class StudyResult:
    transcribed: list[Path]  # recordings transcribed by this run
    skipped: list[Path]  # transcribed before from the same bytes, model and options
    elsewhere: list[Path]  # being transcribed by another run
    anonymised: list[Path]  # transcripts whose files for coders are written (or were up to date)
    failed: list[tuple[Path, str]]  # every failure: unreadable recordings, then transcription, anonymisation


def plan_study(inputs: list[Path], output_dir: Path, options: StudyOptions) -> StudyPlan:
    """Find and checksum the recordings, resolve the model and the device, and check the options."""
    recordings = find_recordings(inputs, exclude=[output_dir])
    if not recordings:
        raise OptionError("inputs", "no recordings found in the inputs given")
    jobs, problems = plan_jobs(recordings)
    if options.formats is not None:
        check_formats(options.formats)
    diarise = options.transcription.diarise
    if diarise and diarise.pyannote:
        pipeline_config(diarise.pyannote)  # a wrong path fails here, not once per recording
    jobs = [job for job in jobs if in_shard(job.stem, options.shard)]
    return StudyPlan(jobs, problems, resolve_model(options.model), pick_device(options.device))


def run_study(
    plan: StudyPlan,
    output_dir: Path,
    options: StudyOptions,
    on_file: Callable[[Job, str], None] | None = None,
    hook: ProgressHook | None = None,
) -> StudyResult:
    """Transcribe the plan's recordings into OUTPUT/identified/, then anonymise them into OUTPUT/for-coders/.

    Finished recordings are skipped (unless forced) and failures reported in the result, not raised;
    the run's log goes to OUTPUT/identified/logs/. `on_file` and `hook` report progress (see run_batch).
    Ctrl-C stops the run, its claims released (KeyboardInterrupt goes on up)."""
    folder = StudyFolder(output_dir)
    reason = unwritable_reason(folder.root)
    if reason:
        raise OptionError("output_dir", reason)
    folder.prepare()
    with run_log(folder.logs):
        transcriber = _transcriber(plan, options)
        batch = run_batch(transcriber, plan.jobs, folder.root, force=options.force, on_file=on_file, hook=hook)
        failed = plan.problems + batch.failed
        anonymised: list[Path] = []
        if options.anonymise and batch.transcripts:
            anonymised, failures = anonymise_transcripts(batch.transcripts, folder, options.formats)
            failed += failures
    return StudyResult(batch.done, batch.skipped, batch.elsewhere, anonymised, failed)


def _transcriber(plan: StudyPlan, options: StudyOptions) -> Transcriber:
    """The model loaded on the plan's device, the batch size for it, and the interviewers' voices."""
    if plan.device == "cpu":
        keep_freed_buffers()  # measured on a CPU only (transcribe.memory)
    share_python_quickly(plan.device)
    voice_files = [f for item in options.interviewer_voices for f in _voice_files(Path(item))]
    voices = _enrolled_voices(voice_files, (options.transcription.diarise or DiariseOptions()).encoder, plan.device)
    model = load_model(plan.model, plan.device, options.transcription.asr.engine)
    asr = options.transcription.asr
    batch_size = options.batch_size or default_batch_size(plan.device, model.engine.dims.n_text_state, asr.beam_size)
    asr = replace(asr, batch_size=batch_size)
    return Transcriber(model, replace(options.transcription, asr=asr), voices, [str(p) for p in voice_files])


def _voice_files(item: Path) -> list[Path]:
    return find_recordings([item]) if item.is_dir() else [item]


def _enrolled_voices(files: list[Path], encoder: str, device: str) -> list[np.ndarray]:
    """Each interviewer's voice from a sample of them speaking alone (the speaker model loads only for them)."""
    try:
        return [voice_encoder(encoder, device).embed_voice(load_audio(path)) for path in files]
    except ScribeError as exc:
        raise OptionError("interviewer_voices", str(exc)) from exc


def anonymise_transcripts(
    transcripts: list[Path], folder: StudyFolder, formats: tuple[str, ...] | None
) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Anonymise fresh transcripts with the built-in config into the study's for-coders/; the recordings
    whose files for coders are written are done. Returns those transcripts, and the failures."""
    from anonymise.batch import anonymise_paths  # the one place where transcribe calls anonymise
    from anonymise.config import load_config

    try:
        config = load_config(None)
        if formats:
            config.formats = list(formats)
        outcome = anonymise_paths(transcripts, folder.root, config)
    except ScribeError as exc:
        return [], [(folder.root, f"anonymisation: {exc}")]
    manifest = Manifest(folder.identified)
    for path in outcome.done + outcome.skipped:
        manifest.anonymised(path.stem)
    return outcome.done + outcome.skipped, outcome.failed


@contextmanager
def run_log(folder: Path) -> Iterator[Path]:
    """A log file for this run in the study's logs/, private (recording names and timings, never transcript
    text)."""
    path = folder / f"run-{time.strftime('%Y%m%d-%H%M%S')}-{socket.gethostname()}-{os.getpid()}.log"
    path.touch(mode=0o600)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(min(level, logging.INFO))
    try:
        yield path
    finally:
        logger.debug("log written to %s", path)
        root.removeHandler(handler)
        handler.close()
        root.setLevel(level)
