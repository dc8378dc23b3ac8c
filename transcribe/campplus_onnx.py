"""CAM++'s frame network in ONNX Runtime, for the CPU.

On a CPU each stretch of speech goes through CAM++ alone, one thread; ONNX Runtime (already installed for
silero's sequence model) runs the same network in two thirds of PyTorch's time: the 494 s of speech in the
12-minute bench recording took 6.8 s against 10.0 s, frames equal to 1e-5. The network is exported once per
weights file into the models folder (`onnx` package, 2 s) and loaded from there afterwards; where it cannot be
exported or loaded, PyTorch runs it as before.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from transcribe.checkpoints import models_dir

logger = logging.getLogger(__name__)

EXPORT_FORMAT = 1  # bump when the exported graph changes, so that older exports are not reused
FramesFunction = Callable[[np.ndarray], np.ndarray]


def exported_path(weights: Path) -> Path:
    """Where the network exported from these weights lives (named by their checksum)."""
    digest = hashlib.sha256(weights.read_bytes()).hexdigest()[:16]
    return models_dir() / "campplus" / f"frames-{digest}-v{EXPORT_FORMAT}.onnx"


def _frame_module(model):
    """CAM++ up to its pooling as a module of its own: (1, frames, 80) -> (1, channels, frames / 2)."""
    import torch

    from transcribe.campplus_batch import frame_network

    class FrameNetwork(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, feats):
            return frame_network(self.model, feats)

    return FrameNetwork().eval()


def export(model, target: Path) -> None:
    """Export the frame network (any number of frames) to `target`, atomically: runs that start together
    (a SLURM array) each write their own file and the last rename wins."""
    import warnings

    import torch

    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=".onnx")
    os.close(handle)
    try:
        with warnings.catch_warnings(), torch.inference_mode(False), torch.no_grad():
            warnings.simplefilter("ignore")  # the exporter's notes on tracing are not the user's concern
            torch.onnx.export(
                _frame_module(model),
                (torch.zeros(1, 200, 80),),
                temporary,
                input_names=["feats"],
                output_names=["frames"],
                dynamic_axes={"feats": {1: "frames_in"}, "frames": {2: "frames_out"}},
                opset_version=17,
                dynamo=False,
            )
        os.chmod(temporary, 0o644)  # a model, not a private file: others sharing the models folder read it too
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)


def _session(path: Path) -> FramesFunction:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = options.inter_op_num_threads = 1  # as CAM++ in PyTorch (transcribe.encoders)
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
    return lambda feats: session.run(None, {"feats": np.ascontiguousarray(feats[None], dtype=np.float32)})[0][0]


def onnx_frames(model, weights: Path) -> FramesFunction | None:
    """A function from one stretch's filterbanks (frames, 80) to the network's frames (channels, frames / 2),
    run by ONNX Runtime; None where the network cannot be exported or loaded (PyTorch then runs it)."""
    try:
        path = exported_path(weights)
        if not path.exists():
            export(model, path)
        return _session(path)
    except Exception as exc:  # no onnx package, a read-only models folder, an exporter change
        logger.debug("CAM++ stays in PyTorch: %s", exc)
        return None
