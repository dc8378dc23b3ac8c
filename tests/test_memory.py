"""The heap trimmer that keeps a long run's memory near what it uses."""

import os
import subprocess
import sys

import numpy as np
import pytest

from transcribe import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim and /proc are Linux's")
def test_the_heap_is_trimmed_only_once_the_process_grew_by_the_slack(monkeypatch):
    monkeypatch.setattr(memory, "_floor_mb", [0.0])
    memory._glibc("malloc_trim")(0)  # a run in this process may have kept freed memory (keep_freed_buffers)
    assert memory.trim_if_grown() is False  # the first call sets the floor
    assert memory.trim_if_grown() is False  # no growth since
    held = np.ones(int((memory.SLACK_MB + 50) * 2**20) // 8)  # touched, so resident
    assert memory.resident_mb() - memory._floor_mb[0] >= memory.SLACK_MB
    assert memory.trim_if_grown() is True
    assert memory.trim_if_grown() is False  # the floor moved up to what is in use now
    del held


FAULTS_OF_A_REUSED_BLOCK = """
import ctypes, resource, sys
from transcribe import memory
if sys.argv[1] == "keep":
    assert memory.keep_freed_buffers()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
size = 256 * 2**20  # an encoder batch's attention scores are of this order
faults = []
for _ in range(3):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    block = libc.malloc(size)
    ctypes.memset(block, 1, size)
    libc.free(ctypes.c_void_p(block))
    faults.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
print(faults[-1])
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's mallopt is Linux's")
@pytest.mark.parametrize("setting", ["keep", "default"])
def test_a_large_block_freed_and_taken_again_is_not_mapped_afresh(setting):
    run = subprocess.run(
        [sys.executable, "-c", FAULTS_OF_A_REUSED_BLOCK, setting], capture_output=True, text=True, check=True
    )
    pages = 256 * 2**20 // os.sysconf("SC_PAGE_SIZE")
    faults = int(run.stdout)
    if setting == "keep":
        assert faults < pages // 100  # served again from the heap that kept it
    else:
        assert faults > pages // 2  # glibc's default: mapped and zeroed again each time
