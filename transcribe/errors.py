"""One exception hierarchy for the whole tool; messages say which file, what is wrong, what to do."""


class ScribeError(Exception):
    """Base class for errors the user can act on (shown as one line, no traceback)."""


class AudioError(ScribeError):
    """A recording cannot be read or holds no usable audio."""


class ModelError(ScribeError):
    """A model cannot be found, installed or loaded."""


class ConfigError(ScribeError):
    """A configuration file or option is invalid."""


class OptionError(ConfigError, ValueError):
    """An option's value cannot be used. `option` names it as the library's options do (a field name), so
    that each command can name its own flag for it."""

    def __init__(self, option: str, problem: str):
        super().__init__(f"{option}: {problem}")
        self.option = option
        self.problem = problem


class TranscriptFormatError(ScribeError):
    """A transcript file (JSON or text) does not follow the expected format."""
