"""What the `transcribe` and `anonymise` commands share: options declared once, logging set up once, and
library errors shown under the command's own flags. Imports no model code (anonymise uses it too)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from transcribe.errors import OptionError, ScribeError
from transcribe.study.writers import WRITERS, parse_formats

FLAGS = {"encoder": "--voice-encoder", "interviewer_voices": "--interviewer-voice", "inputs": "INPUT"}


def output_dir_option(help: str):
    """-o/--output-dir: the study's output folder."""
    return click.option(
        "-o", "--output-dir", required=True, type=click.Path(file_okay=False, path_type=Path), help=help
    )


def _formats(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[str, ...] | None:
    try:
        return parse_formats(value) if value else None
    except OptionError as exc:
        raise click_error(exc) from exc


formats_option = click.option(
    "--formats",
    default=None,
    metavar="LIST",
    callback=_formats,
    help=f"Files for coders, comma-separated: {', '.join(WRITERS)} (default docx,txt,json).",
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors.")


def force_option(help: str):
    """--force/--no-force: do again what is done."""
    return click.option("--force/--no-force", default=False, help=help)


def setup_logging(verbose: int, quiet: bool) -> None:
    """Log lines to stderr, message only; -q: warnings and errors, -v: everything."""
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


def finish(summary: str, failed: list[tuple[Path, str]]) -> None:
    """The last lines of a run on stderr, the summary and every failure; exit 1 when anything failed."""
    click.echo(summary, err=True)
    for _path, message in failed:
        click.echo(f"  failed: {message}", err=True)
    if failed:
        sys.exit(1)


def flag_of(option: str) -> str:
    """The command-line flag of a library option (a field name such as `min_speakers`)."""
    return FLAGS.get(option, "--" + option.replace("_", "-"))


def click_error(exc: ScribeError, usage: tuple[str, ...] = ()) -> click.ClickException:
    """A library error as Click shows it (`Error: …`, exit 1): an option's problem under its flag, and a
    usage error (exit 2) for the options named in `usage`."""
    if not isinstance(exc, OptionError):
        return click.ClickException(str(exc))
    message = f"{flag_of(exc.option)}: {exc.problem}"
    return click.UsageError(message) if exc.option in usage else click.ClickException(message)
