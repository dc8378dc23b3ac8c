"""Convert a CTranslate2 Whisper model (model.bin, float16) into an openai-whisper checkpoint, exactly.

CTranslate2 fuses the attention projections (query/key/value into one matrix, key/value in
cross-attention) and stores a zero key bias that openai-whisper does not have; everything else maps
one to one. The result is the dict `whisper.load_model(path)` reads: {"dims": ..., "model_state_dict": ...}.
"""

from __future__ import annotations

import re
import struct
from typing import Any

import numpy as np
import torch

from transcribe.errors import ModelError

_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}


def read_ct2_variables(blob: bytes) -> dict[str, np.ndarray]:
    """Parse CTranslate2's model.bin (binary version 6) into named arrays, aliases resolved."""
    offset = 0

    def take(fmt: str) -> int:
        nonlocal offset
        (value,) = struct.unpack_from(fmt, blob, offset)
        offset += struct.calcsize(fmt)
        return value

    def take_string() -> str:
        nonlocal offset
        length = take("H")
        text = blob[offset : offset + length - 1].decode("utf-8")
        offset += length
        return text

    version = take("I")
    if version != 6:
        raise ModelError(f"unsupported CTranslate2 model.bin version {version} (expected 6)")
    spec = take_string()
    if spec != "WhisperSpec":
        raise ModelError(f"model.bin holds a {spec}, not a Whisper model")
    take("I")  # spec revision
    variables: dict[str, np.ndarray] = {}
    for _ in range(take("I")):
        name = take_string()
        shape = [take("I") for _ in range(take("B"))]
        dtype = _DTYPES.get(take("B"))
        nbytes = take("I")
        if dtype is None:
            raise ModelError(f"unsupported dtype for {name} in model.bin")
        variables[name] = np.frombuffer(
            blob, dtype=dtype, count=nbytes // np.dtype(dtype).itemsize, offset=offset
        ).reshape(shape)
        offset += nbytes
    for _ in range(take("I")):
        alias, target = take_string(), take_string()
        variables[alias] = variables[target]
    return variables


def _tensor(array: np.ndarray) -> torch.Tensor:
    return torch.from_numpy(np.array(array, dtype=np.float16))


def _linear(sd: dict, prefix: str, variables: dict, ct2: str, bias: bool = True) -> None:
    sd[f"{prefix}.weight"] = _tensor(variables[f"{ct2}/weight"])
    if bias:
        sd[f"{prefix}.bias"] = _tensor(variables[f"{ct2}/bias"])


def _layer_norm(sd: dict, prefix: str, variables: dict, ct2: str) -> None:
    sd[f"{prefix}.weight"] = _tensor(variables[f"{ct2}/gamma"])
    sd[f"{prefix}.bias"] = _tensor(variables[f"{ct2}/beta"])


def _split_projection(sd: dict, prefix: str, names: list[str], weight: np.ndarray, bias: np.ndarray) -> None:
    """Split a fused projection into whisper's separate ones; the key has no bias in whisper."""
    for name, w, b in zip(names, np.split(weight, len(names)), np.split(bias, len(names))):
        sd[f"{prefix}.{name}.weight"] = _tensor(w)
        if name == "key":
            if np.any(b != 0):
                raise ModelError("fused key bias is not zero; cannot convert exactly")
        else:
            sd[f"{prefix}.{name}.bias"] = _tensor(b)


def _count_layers(variables: dict, side: str) -> int:
    pattern = re.compile(rf"^{side}/layer_(\d+)/")
    return len({m.group(1) for k in variables if (m := pattern.match(k))})


def convert_ct2_whisper(blob: bytes) -> dict[str, Any]:
    """Return an openai-whisper checkpoint dict built from a CTranslate2 model.bin's bytes."""
    v = read_ct2_variables(blob)
    sd: dict[str, torch.Tensor] = {}
    for conv in ("conv1", "conv2"):
        _linear(sd, f"encoder.{conv}", v, f"encoder/{conv}")
    sd["encoder.positional_embedding"] = torch.from_numpy(
        np.array(v["encoder/position_encodings/encodings"], dtype=np.float32)
    )
    n_audio_layer = _count_layers(v, "encoder")
    for i in range(n_audio_layer):
        src, dst = f"encoder/layer_{i}", f"encoder.blocks.{i}"
        att = f"{src}/self_attention"
        _split_projection(
            sd, f"{dst}.attn", ["query", "key", "value"], v[f"{att}/linear_0/weight"], v[f"{att}/linear_0/bias"]
        )
        _linear(sd, f"{dst}.attn.out", v, f"{att}/linear_1")
        _layer_norm(sd, f"{dst}.attn_ln", v, f"{att}/layer_norm")
        _linear(sd, f"{dst}.mlp.0", v, f"{src}/ffn/linear_0")
        _linear(sd, f"{dst}.mlp.2", v, f"{src}/ffn/linear_1")
        _layer_norm(sd, f"{dst}.mlp_ln", v, f"{src}/ffn/layer_norm")
    _layer_norm(sd, "encoder.ln_post", v, "encoder/layer_norm")

    sd["decoder.token_embedding.weight"] = _tensor(v["decoder/embeddings/weight"])
    sd["decoder.positional_embedding"] = _tensor(v["decoder/position_encodings/encodings"])
    n_text_layer = _count_layers(v, "decoder")
    for i in range(n_text_layer):
        src, dst = f"decoder/layer_{i}", f"decoder.blocks.{i}"
        att = f"{src}/self_attention"
        _split_projection(
            sd, f"{dst}.attn", ["query", "key", "value"], v[f"{att}/linear_0/weight"], v[f"{att}/linear_0/bias"]
        )
        _linear(sd, f"{dst}.attn.out", v, f"{att}/linear_1")
        _layer_norm(sd, f"{dst}.attn_ln", v, f"{att}/layer_norm")
        cross = f"{src}/attention"
        _linear(sd, f"{dst}.cross_attn.query", v, f"{cross}/linear_0")
        _split_projection(
            sd, f"{dst}.cross_attn", ["key", "value"], v[f"{cross}/linear_1/weight"], v[f"{cross}/linear_1/bias"]
        )
        _linear(sd, f"{dst}.cross_attn.out", v, f"{cross}/linear_2")
        _layer_norm(sd, f"{dst}.cross_attn_ln", v, f"{cross}/layer_norm")
        _linear(sd, f"{dst}.mlp.0", v, f"{src}/ffn/linear_0")
        _linear(sd, f"{dst}.mlp.2", v, f"{src}/ffn/linear_1")
        _layer_norm(sd, f"{dst}.mlp_ln", v, f"{src}/ffn/layer_norm")
    _layer_norm(sd, "decoder.ln", v, "decoder/layer_norm")

    conv1 = v["encoder/conv1/weight"]
    dims = {
        "n_mels": int(conv1.shape[1]),
        "n_audio_ctx": int(v["encoder/position_encodings/encodings"].shape[0]),
        "n_audio_state": int(conv1.shape[0]),
        "n_audio_head": int(v["encoder/num_heads"]),
        "n_audio_layer": n_audio_layer,
        "n_vocab": int(v["decoder/embeddings/weight"].shape[0]),
        "n_text_ctx": int(v["decoder/position_encodings/encodings"].shape[0]),
        "n_text_state": int(v["decoder/embeddings/weight"].shape[1]),
        "n_text_head": int(v["decoder/num_heads"]),
        "n_text_layer": n_text_layer,
    }
    return {"dims": dims, "model_state_dict": sd}
