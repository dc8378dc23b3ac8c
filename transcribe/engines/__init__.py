"""Decoding engines behind one interface (transcribe.engines.base.Engine): openai-whisper, the reference
and the GPU path, and CTranslate2, the faster one on a CPU. `auto` picks per device, by measurement
(README, "Accuracy and speed"): CTranslate2 in int8 on a CPU, openai-whisper in float16 on a GPU."""

from __future__ import annotations

import importlib.util
import logging

import torch

from transcribe.checkpoints import ResolvedModel, load_whisper
from transcribe.engines.base import Engine
from transcribe.errors import ModelError

logger = logging.getLogger(__name__)

ENGINES = ("auto", "whisper", "ctranslate2")
CT2_COMPUTE_TYPES = {"cpu": "int8", "cuda": "float16"}  # CTranslate2's precision per device


def ct2_available() -> bool:
    """Whether the ctranslate2 package is installed."""
    return importlib.util.find_spec("ctranslate2") is not None


def pick_engine(requested: str, device: str) -> str:
    """`auto`: CTranslate2 on a CPU when installed, openai-whisper on a GPU; others as asked."""
    if requested not in ENGINES:
        raise ValueError(f"engine {requested!r} is not one of {', '.join(ENGINES)}")
    if requested != "auto":
        return requested
    return "ctranslate2" if device == "cpu" and ct2_available() else "whisper"


def model_dims(resolved: ResolvedModel) -> dict:
    """The checkpoint's dimensions, read without loading its weights."""
    return torch.load(resolved.path, map_location="cpu", mmap=True, weights_only=True)["dims"]


def load_engine(resolved: ResolvedModel, device: str, requested: str = "auto") -> Engine:
    """Load the model into the engine asked for (or picked by `auto` for the device)."""
    name = pick_engine(requested, device)
    if name == "ctranslate2":
        if not ct2_available():
            raise ModelError("the ctranslate2 engine needs the ctranslate2 package: pip install ctranslate2")
        if resolved.path is None and requested == "auto":
            name = "whisper"  # a whisper model by name: downloaded by whisper's loader, not converted yet
        else:
            return _load_ct2(resolved, device)
    from transcribe.engines.whisper_engine import WhisperEngine

    return WhisperEngine(load_whisper(resolved, device), fp16=device == "cuda")


def _load_ct2(resolved: ResolvedModel, device: str) -> Engine:
    from whisper.model import ModelDimensions

    from transcribe.engines.ct2_engine import CTranslate2Engine
    from transcribe.engines.ct2_models import ct2_folder

    folder = ct2_folder(resolved)
    try:
        return CTranslate2Engine(folder, ModelDimensions(**model_dims(resolved)), device, CT2_COMPUTE_TYPES[device])
    except (RuntimeError, ValueError) as exc:
        raise ModelError(f"cannot load {folder} with ctranslate2: {str(exc).splitlines()[0]}") from exc
