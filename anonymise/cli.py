"""The `anonymise` command: transcripts in, anonymised copies for coders out."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from anonymise.config import load_config
from transcribe import __version__
from transcribe.cli_shared import click_error
from transcribe.errors import ScribeError
from transcribe.study.fileio import unwritable_reason
from transcribe.study.layout import FOR_CODERS, IDENTIFIED
from transcribe.study.writers import parse_formats

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="anonymise")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option(
    "-o",
    "--output-dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Study output folder: for-coders/ gets the anonymised files, identified/ the key and reports.",
)
@click.option("--config", "config_path", type=_FILE, default=None, help="Study YAML overriding configs/anonymise.yaml.")
@click.option(
    "--allow-list",
    "allow_lists",
    type=_FILE,
    multiple=True,
    help="Terms never replaced (the study's topics, products), one per line. Repeatable.",
)
@click.option(
    "--deny-list",
    "deny_lists",
    type=_FILE,
    multiple=True,
    help="Names always replaced, one per line (`ORGANIZATION: Acme` for a type). Repeatable.",
)
@click.option(
    "--formats",
    default=None,
    metavar="LIST",
    help="Files for coders, comma-separated: docx, txt, maxqda, nvivo, srt, vtt, csv, json "
    "(default from the config: docx,txt,json).",
)
@click.option(
    "--language",
    default=None,
    metavar="CODE",
    help="The transcripts' language (en, fr, es…). Default: what each transcript records, else detected from its text.",
)
@click.option(
    "--patterns-only",
    is_flag=True,
    help="For a language with no name model: replace only listed and known names, contacts and addresses "
    "(each report says so on its first line). Without it such a transcript fails with an error.",
)
@click.option("--force/--no-force", default=False, help="Anonymise again even when the input is unchanged.")
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors.")
def main(
    inputs: tuple[Path, ...],
    output_dir: Path,
    config_path: Path | None,
    allow_lists: tuple[Path, ...],
    deny_lists: tuple[Path, ...],
    formats: str | None,
    language: str | None,
    patterns_only: bool,
    force: bool,
    quiet: bool,
) -> None:
    """Anonymise transcripts (canonical JSON or `[hh:mm:ss] Speaker: text` files, or folders of them).

    Names, organisations, places, contacts and addresses become consistent pseudonyms across the study.
    The re-identification key and review reports stay in OUTPUT_DIR/identified/; only OUTPUT_DIR/for-coders/
    is for coders. Edited transcripts are read, never overwritten.
    """
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, format="%(message)s", stream=sys.stderr)
    for noisy in ("presidio-analyzer", "presidio-anonymizer"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    reason = unwritable_reason(output_dir)
    if reason:  # nothing is started: a usage error (exit 2)
        raise click.UsageError(reason)
    from anonymise.batch import anonymise_paths  # Presidio and spaCy load here, not for --help

    try:
        config = load_config(config_path, allow_lists, deny_lists)
        if formats:
            config.formats = list(parse_formats(formats))
        if language:
            config.language = language.strip().lower()
        if patterns_only:
            config.unsupported_language = "patterns-only"
        outcome = anonymise_paths(list(inputs), output_dir, config, force=force)
    except ScribeError as exc:
        raise click_error(exc) from exc
    click.echo(
        f"anonymised {len(outcome.done)}, unchanged {len(outcome.skipped)}, failed {len(outcome.failed)}"
        f"  (for coders: {output_dir / FOR_CODERS}; key and reports: {output_dir / IDENTIFIED})",
        err=True,
    )
    for _path, message in outcome.failed:
        click.echo(f"  failed: {message}", err=True)
    if outcome.failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
