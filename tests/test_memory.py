"""The heap trimmer that keeps a long run's memory near what it uses."""

import sys

import numpy as np
import pytest

from transcribe import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim and /proc are Linux's")
def test_the_heap_is_trimmed_only_once_the_process_grew_by_the_slack(monkeypatch):
    monkeypatch.setattr(memory, "_floor_mb", [0.0])
    assert memory.trim_if_grown() is False  # the first call sets the floor
    assert memory.trim_if_grown() is False  # no growth since
    held = np.ones(int((memory.SLACK_MB + 50) * 2**20) // 8)  # touched, so resident
    assert memory.resident_mb() - memory._floor_mb[0] >= memory.SLACK_MB
    assert memory.trim_if_grown() is True
    assert memory.trim_if_grown() is False  # the floor moved up to what is in use now
    del held
