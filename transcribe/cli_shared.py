"""What the `transcribe` and `anonymise` commands share: options declared once, logging set up once, and
library errors shown under the command's own flags. Imports no model code (anonymise uses it too)."""

from __future__ import annotations

import click

from transcribe.errors import OptionError, ScribeError

FLAGS = {"encoder": "--voice-encoder", "interviewer_voices": "--interviewer-voice"}  # where not --the-name


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
