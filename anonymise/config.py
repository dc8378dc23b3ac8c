"""Anonymisation settings: YAML, validated, with command line > study file > built-in defaults."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from transcribe.errors import ConfigError

DEFAULT_CONFIG = Path(__file__).with_name("default_config.yaml")
KNOWN_KEYS = {
    "formats",
    "nlp_engine",
    "language",
    "entities",
    "score_threshold",
    "review_threshold",
    "pseudonym_format",
    "substitute_locale",
    "labels",
    "common_word_zipf",
    "max_spelling_edits",
    "allow_list",
    "deny_list",
    "phone_regions",
    "phone_regions_by_language",
    "second_ner_models",
    "unsupported_language",
}


@dataclass
class AnonymiseConfig:
    nlp_engine: dict[str, Any]  # Presidio NlpEngineProvider configuration
    language: str  # "auto" (the transcript's own, else detected from its text) or a code: en, fr, es
    entities: list[str]  # entity types replaced
    score_threshold: float  # replace at or above
    review_threshold: float  # list for review at or above (and below score_threshold)
    pseudonym_format: str  # "[{label} {number}]", or "{substitute}" for realistic names
    labels: dict[str, str]  # entity type -> label used in pseudonyms
    common_word_zipf: float  # wordfreq Zipf frequency from which a word counts as ordinary English
    max_spelling_edits: int  # edits allowed between a known name and an ASR variant of it
    formats: list[str] = field(default_factory=lambda: ["docx", "txt", "json"])  # files written for coders
    substitute_locale: str = "en_US"  # Faker locale of realistic substitute names
    phone_regions: list[str] = field(default_factory=lambda: ["US", "GB"])  # where numbers without +code are from
    phone_regions_by_language: dict[str, list[str]] = field(default_factory=dict)  # added for that language
    second_ner_models: dict[str, str] = field(default_factory=dict)  # language -> a spaCy model added to the first
    unsupported_language: str = "error"  # a language without a model: "error", or "patterns-only"

    def regions_for(self, language: str) -> list[str]:
        """Phone regions for a transcript in this language: the study's, then its language's countries."""
        return list(dict.fromkeys([*self.phone_regions, *self.phone_regions_by_language.get(language, [])]))

    allow_list: list[str] = field(default_factory=list)  # never replaced
    deny_list: list[str] = field(default_factory=list)  # always replaced (fuzzy); "TYPE: term" or "term"
    source: str = "built-in defaults"  # which files made this config, for reports


def _merge(base: dict, override: dict) -> dict:
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _read_yaml(path: Path) -> dict:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: config must be a mapping of keys to values")
    unknown = set(data) - KNOWN_KEYS
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(sorted(unknown))}; known: {', '.join(sorted(KNOWN_KEYS))}"
        )
    return data


def read_term_list(path: Path) -> list[str]:
    """One term per line; blank lines and lines starting with # are ignored."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read list ({exc.strerror})") from exc
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def load_config(
    path: Path | None, allow_lists: tuple[Path, ...] = (), deny_lists: tuple[Path, ...] = ()
) -> AnonymiseConfig:
    """Built-in defaults, overridden by a study config file, extended by allow/deny list files."""
    data = _read_yaml(DEFAULT_CONFIG)
    source = "built-in defaults"
    if path is not None:
        data = _merge(data, _read_yaml(path))
        source = str(path)
    data["allow_list"] = [*data.get("allow_list", []), *(t for p in allow_lists for t in read_term_list(p))]
    data["deny_list"] = [*data.get("deny_list", []), *(t for p in deny_lists for t in read_term_list(p))]
    try:
        config = AnonymiseConfig(**data, source=source)
    except TypeError as exc:
        raise ConfigError(f"{path or DEFAULT_CONFIG}: {exc}") from exc
    _validate(config, path or DEFAULT_CONFIG)
    return config


def _validate(config: AnonymiseConfig, path: Path) -> None:
    if not 0 <= config.review_threshold <= config.score_threshold <= 1:
        raise ConfigError(f"{path}: need 0 <= review_threshold <= score_threshold <= 1")
    missing = [e for e in config.entities if e not in config.labels]
    if missing:
        raise ConfigError(f"{path}: labels: no label for entity type(s) {', '.join(missing)}")
    try:
        config.pseudonym_format.format(label="X", number=1, substitute="Y")
    except (KeyError, IndexError, ValueError) as exc:
        raise ConfigError(
            f"{path}: pseudonym_format: only {{label}}, {{number}} and {{substitute}} may be used ({exc})"
        ) from exc
    if "{substitute}" in config.pseudonym_format:
        from anonymise.substitutes import check_locale

        check_locale(config.substitute_locale, path)
    from transcribe.study.writers import WRITERS

    unknown = [f for f in config.formats if f not in WRITERS]
    if unknown or not config.formats:
        raise ConfigError(
            f"{path}: formats: unknown {', '.join(unknown) or '(none given)'}; known: {', '.join(WRITERS)}"
        )
    import phonenumbers

    regions = [*config.phone_regions, *(r for rs in config.phone_regions_by_language.values() for r in rs)]
    unknown = [r for r in regions if str(r).upper() not in phonenumbers.SUPPORTED_REGIONS]
    if unknown:
        raise ConfigError(
            f"{path}: phone_regions: unknown region code(s) {', '.join(map(str, unknown))} (use GB, US, FR…)"
        )
    if config.unsupported_language not in ("error", "patterns-only"):
        raise ConfigError(f"{path}: unsupported_language: must be error or patterns-only")
    if config.language != "auto" and not (isinstance(config.language, str) and len(config.language) in (2, 3)):
        raise ConfigError(f"{path}: language: auto, or a language code such as en, fr, es")
    for key in ("allow_list", "deny_list", "entities", "phone_regions"):
        if not all(isinstance(t, str) for t in getattr(config, key)):
            raise ConfigError(f"{path}: {key}: every entry must be text")
