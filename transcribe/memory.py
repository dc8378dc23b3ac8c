"""Giving freed memory back to the system during a long run.

The buffers of CAM++ and the decoder (megabytes each, of every size as speech regions and batches vary)
fragment glibc's heap, which keeps what was freed: an hour-long recording's voice windows alone kept about
700 MB, and the run peaked at 2.4 GB (base, 2-core CPU, stages one after another). Trimming the heap each
time the process has grown by `SLACK_MB` since the last trim keeps the peak near what is really in use: 1.67 GB
for that hour stage by stage, 1.45 GB end to end (`scripts/bench_transcribe.py --minutes 60 --no-peers`).
CAM++ over 10 minutes took 23.8 s with it against 20.8 s without (one run each, a shared machine); trimming
after every region took 29.1 s, and a fixed mmap threshold 35.5 s.

The encoder's attention buffers are the opposite case: hundreds of megabytes (batch x heads x 1500 x 1500
floats), allocated and freed for every layer of every batch. glibc maps such blocks afresh each time, and the
kernel then zeroes every page on first touch: 6.9 million page faults and 15 s of system time for the
12-minute bench recording. `keep_freed_buffers` has them served from one heap that keeps freed memory (still
trimmed by `trim_if_grown`): 0.7 million faults, 3 s of system time, 29.5 s against 38 s for the whole run,
same words, peak memory 1.77 GB against 1.59 GB.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import threading
from functools import lru_cache

SLACK_MB = 200  # growth of the resident set since the last trim that triggers the next one
M_TRIM_THRESHOLD, M_MMAP_MAX, M_ARENA_MAX = -1, -4, -8  # mallopt's parameters (glibc's malloc.h)
_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20 if hasattr(os, "sysconf") else 0.0
_lock = threading.Lock()
_floor_mb = [0.0]


def resident_mb() -> float:
    """This process's resident memory in MiB (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * _PAGE_MB
    except OSError:
        return 0.0


@lru_cache(maxsize=4)
def _glibc(function: str):
    """One of glibc's malloc functions; None on other systems and C libraries."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return getattr(ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6"), function)
    except (OSError, AttributeError):  # musl and other C libraries have no malloc_trim or mallopt
        return None


def keep_freed_buffers() -> bool:
    """Serve large blocks from one heap that keeps what is freed, instead of fresh pages each time (call it
    before the models start their threads); whether glibc took the settings."""
    mallopt = _glibc("mallopt")
    if mallopt is None:
        return False
    settings = ((M_ARENA_MAX, 1), (M_MMAP_MAX, 0), (M_TRIM_THRESHOLD, 2**31 - 1))
    return all(mallopt(option, value) == 1 for option, value in settings)


def trim_if_grown() -> bool:
    """Return the heap's free pages to the system when the process grew by SLACK_MB since the last trim;
    whether it trimmed. Cheap to call after every region or batch."""
    trim = _glibc("malloc_trim")
    if trim is None:
        return False
    with _lock:
        now = resident_mb()
        if not _floor_mb[0] or now - _floor_mb[0] < SLACK_MB:  # the first call sets the floor
            _floor_mb[0] = min(_floor_mb[0], now) if _floor_mb[0] else now
            return False
        trim(0)
        _floor_mb[0] = resident_mb()
        return True
