"""Choosing where Whisper runs and how many windows it decodes at once."""

from __future__ import annotations

import os
import sys

import torch

from transcribe.errors import OptionError


def pick_device(requested: str = "auto") -> str:
    """`auto` takes CUDA when a GPU is visible, else the CPU; asking for CUDA without one is an error."""
    if requested == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if requested == "cuda" and not torch.cuda.is_available():
        raise OptionError("device", "cuda: no CUDA GPU is visible to torch")
    return requested


# On a GPU the decoding thread launches thousands of small kernels, each of which lets go of Python's lock
# and must take it back, while the speaker model and the next recording's speech detection run beside it in
# Python threads; with Python's default 5 ms hand-over it waits for them. One H200, turbo (random weights,
# scripts/bench_gpu.py), the same hour decoded four times in turn after a warm-up: 12.6 and 11.8 s with
# 5 ms, 10.4 and 10.6 s with 0.1 ms; 20 us was no better (11.6 s). On a CPU it changed nothing (2 cores, the
# 12-minute bench recording: 33.7 and 30.0 s with 5 ms, 33.1 and 31.1 s with 0.1 ms), so a CPU run keeps it.
GPU_THREAD_SWITCH_S = 1e-4


def share_python_quickly(device: str) -> None:
    """On a GPU, threads hand Python's lock over within GPU_THREAD_SWITCH_S (process-wide); a CPU run keeps
    Python's default."""
    if device == "cuda":
        sys.setswitchinterval(GPU_THREAD_SWITCH_S)


def cpu_threads() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def default_batch_size(device: str, n_text_state: int, beam_size: int = 1) -> int:
    """Windows per decoding batch: bounded by GPU memory on CUDA; on a CPU four per core, 4 to 8 (2 cores,
    base, CTranslate2, 12-minute bench recording, three runs each: batch 8 39.1 s, batch 4 40.3 s, 7 % less CPU
    time, same words; an hour peaked at 1,775 MiB against 1,441). Each beam keeps its own key/value cache, so
    wider beams fit fewer windows."""
    if device != "cuda":
        return max(4, min(8, 4 * cpu_threads()))
    free, _total = torch.cuda.mem_get_info()
    # rough estimate (encoder activations + a KV cache per beam); on an H200 it gave 63-64 (bench_gpu.py)
    per_window = 60e6 * max(1.0, n_text_state / 512) ** 2 * (1 + 0.5 * (max(1, beam_size) - 1))
    return int(max(4, min(64, free * 0.5 // per_window)))
