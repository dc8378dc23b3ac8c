"""The `anonymise` command: transcripts in, anonymised copies for coders out."""

from __future__ import annotations

from pathlib import Path

import click

from anonymise.config import load_config
from transcribe import __version__
from transcribe.cli_shared import (
    click_error,
    finish,
    force_option,
    formats_option,
    output_dir_option,
    quiet_option,
    setup_logging,
)
from transcribe.errors import ScribeError
from transcribe.study.fileio import unwritable_reason
from transcribe.study.layout import FOR_CODERS, IDENTIFIED

_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="anonymise")
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@output_dir_option("Study output folder: for-coders/ gets the anonymised files, identified/ the key and reports.")
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
@formats_option
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
@force_option("Anonymise again even when the input is unchanged.")
@quiet_option
def main(
    inputs: tuple[Path, ...],
    output_dir: Path,
    config_path: Path | None,
    allow_lists: tuple[Path, ...],
    deny_lists: tuple[Path, ...],
    formats: tuple[str, ...] | None,
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
    setup_logging(0, quiet)
    reason = unwritable_reason(output_dir)
    if reason:  # nothing is started: a usage error (exit 2)
        raise click.UsageError(reason)
    from anonymise.batch import anonymise_paths  # Presidio and spaCy load here, not for --help

    try:
        config = load_config(config_path, allow_lists, deny_lists)
        if formats:
            config.formats = list(formats)
        if language:
            config.language = language.strip().lower()
        if patterns_only:
            config.unsupported_language = "patterns-only"
        outcome = anonymise_paths(list(inputs), output_dir, config, force=force)
    except ScribeError as exc:
        raise click_error(exc) from exc
    finish(
        f"anonymised {len(outcome.done)}, unchanged {len(outcome.skipped)}, failed {len(outcome.failed)}"
        f"  (for coders: {output_dir / FOR_CODERS}; key and reports: {output_dir / IDENTIFIED})",
        outcome.failed,
    )


if __name__ == "__main__":
    main()
