"""One way to build the tool's regular-expression recognizers: named, per language, case-sensitive."""

from __future__ import annotations

import re

from presidio_analyzer import Pattern, PatternRecognizer

CASE_SENSITIVE = re.DOTALL | re.MULTILINE  # Presidio ignores case by default; names and postcodes need it


class RegexRecognizer(PatternRecognizer):
    """A Presidio PatternRecognizer for one entity type, case-sensitive; `name` is what the review report says
    found it. Subclasses add a `validate_result`; `options` go to Presidio as they are (`context`)."""

    def __init__(self, entity_type: str, name: str, patterns: list[Pattern], language: str, **options) -> None:
        super().__init__(
            supported_entity=entity_type,
            name=name,
            patterns=patterns,
            supported_language=language,
            global_regex_flags=CASE_SENSITIVE,
            **options,
        )


def regex_recognizer(entity_type: str, name: str, patterns: list[Pattern], language: str) -> PatternRecognizer:
    """A Presidio PatternRecognizer for one entity type; `name` is what the review report says found it."""
    return RegexRecognizer(entity_type, name, patterns, language)
