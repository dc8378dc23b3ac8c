"""Which language a transcript is in, and whether the anonymiser has a name model for it.

The language comes from the study config when it names one, else from the transcript (the JSON records
what Whisper detected), else it is detected from the text (langdetect; in a text too short for it, by which
supported language's common words it uses). A language without a spaCy model
in the config stops that transcript with a one-line error, unless the study asked for patterns only.
"""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from langdetect import DetectorFactory, LangDetectException, detect_langs

from anonymise.config import AnonymiseConfig
from anonymise.lexicon import stop_words
from transcribe.errors import ScribeError

DetectorFactory.seed = 0  # langdetect samples: the same text must always give the same language
AUTO = "auto"
PATTERNS_ONLY = "patterns-only"


class UnsupportedLanguage(ScribeError):
    """The transcript's language has no NER model, and patterns only were not asked for."""


@dataclass(frozen=True)
class LanguageChoice:
    code: str  # ISO 639-1 code the anonymiser works in
    found_by: str  # "study config", "transcript", "detected from the text"
    patterns_only: bool  # no name model: only known names (deny-list, study key), contacts and addresses


def language_name(code: str) -> str:
    """English name of a language code ("de" -> "German"), from spaCy's language classes."""
    try:
        return spacy.util.get_lang_class(code).__name__
    except (ImportError, KeyError, ValueError):
        return code


MIN_WORDS, MIN_PROBABILITY = 20, 0.9  # below either, langdetect guesses
MIN_COMMON_WORDS, COMMON_WORD_MARGIN = 3, 2  # a short text's common words must say one language this clearly
# voted on as well, so a short text in one of them is not taken for a language with a model ("obrigado" is no
# Spanish): it then stops with the unsupported-language error
NEIGHBOUR_LANGUAGES = frozenset({"de", "nl", "it", "pt"})


def detect_language(text: str, candidates: set[str] = frozenset()) -> tuple[str, str] | None:
    """The text's language and how it was found: langdetect where it is sure (enough words, one clear
    winner); in a shorter text, the one of `candidates` whose common words ("je", "avec", "the") it uses
    most, where they clearly outnumber the others'; else None."""
    if len(text.split()) < MIN_WORDS:
        voted = _by_common_words(text, candidates)
        return (voted, "detected from its common words (a short text)") if voted else None
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return None  # no letters to go by
    return (best.lang, "detected from the text") if best.prob >= MIN_PROBABILITY else None


def _by_common_words(text: str, candidates: set[str]) -> str | None:
    """The candidate language whose stop words (spaCy's lists) the text uses most, if at least
    MIN_COMMON_WORDS of them and COMMON_WORD_MARGIN times the next language's count."""
    words = [w.strip(".,;:!?¿¡\"'«»()").lower() for w in text.replace("’", "'").split()]
    words = [part for w in words for part in w.split("'") if part]  # "d'être" -> "d", "être"
    counts = sorted(((sum(w in stop_words(c) for w in words), c) for c in candidates), reverse=True)
    if not counts or counts[0][0] < MIN_COMMON_WORDS:
        return None
    runner_up = counts[1][0] if len(counts) > 1 else 0
    return counts[0][1] if counts[0][0] >= COMMON_WORD_MARGIN * runner_up else None


def model_languages(config: AnonymiseConfig) -> set[str]:
    return {m["lang_code"] for m in config.nlp_engine.get("models", [])}


def _first_language(config: AnonymiseConfig) -> str:
    models = config.nlp_engine.get("models", [])
    return models[0]["lang_code"] if models else "en"


def choose_language(config: AnonymiseConfig, declared: str | None, text: str, where: str) -> LanguageChoice:
    """The language to anonymise a transcript in; `declared` is what the transcript itself records."""
    if config.language != AUTO:
        code, found_by = config.language, "study config"
    elif declared:
        code, found_by = declared, "transcript"
    elif detected := detect_language(text, model_languages(config) | NEIGHBOUR_LANGUAGES):
        code, found_by = detected
    else:
        code, found_by = _first_language(config), "too little text to tell: the study's first language"
    if code in model_languages(config):
        return LanguageChoice(code, found_by, False)
    if config.unsupported_language == PATTERNS_ONLY:
        return LanguageChoice(code, found_by, True)
    raise UnsupportedLanguage(
        f"{where}: the transcript is in {language_name(code)} ({code}, {found_by}), for which no name model is "
        f"set up; install a spaCy model for it (README: Languages) or run with --patterns-only to replace only "
        f"listed and known names, contacts and addresses"
    )


def patterns_only_notice(language: LanguageChoice) -> str:
    """The first line of the review report when no name model was used."""
    return (
        f"NO NAME MODEL for {language_name(language.code)} ({language.code}): only names on the deny-list or "
        "already in the study key, contacts and addresses were replaced. Other names are still in the text: "
        "read every line before handing it over."
    )
