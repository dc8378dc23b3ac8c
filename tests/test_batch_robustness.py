"""The overnight batch: killed and resumed, run twice at once, fed bad files; nothing lost or done twice."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from transcribe.cli import main

pytestmark = pytest.mark.slow
CLIPS = [
    "whisper_jfk/jfk.flac",
    "deepspeech_ldc93s1/LDC93S1.wav",
    "pocketsphinx_librivox/sense_and_sensibility_01_austen_64kb-0870.wav",
    "pocketsphinx_librivox/sense_and_sensibility_01_austen_64kb-0920.wav",
]
FAST = ["--model", "tiny.en", "--language", "en", "--no-diarise", "--no-anonymise", "-q"]


@pytest.fixture()
def recordings(tmp_path, data_dir):
    folder = tmp_path / "recordings"
    folder.mkdir()
    for clip in CLIPS:
        shutil.copy(data_dir / clip, folder / Path(clip).name)
    return folder


def command(*args) -> list[str]:
    return [sys.executable, "-m", "transcribe.cli", *map(str, args)]


def transcripts(out: Path) -> list[Path]:
    return [p for p in (out / "identified").glob("*.json") if not p.name.startswith(".")]


def states(out: Path) -> dict:
    return {p.stem: json.loads(p.read_text()) for p in (out / "identified" / ".manifest").glob("*.json")}


def assert_complete(out: Path) -> None:
    finished = states(out)
    assert len(finished) == len(CLIPS) and all(s["stage"] == "transcribed" for s in finished.values())
    for stem in finished:
        json.loads((out / "identified" / f"{stem}.json").read_text())  # complete, valid JSON
    leftovers = [p for p in out.rglob("*") if p.name.endswith(".part")]
    assert leftovers == []
    assert list((out / "identified" / ".claims").glob("*.claim")) == []


def test_kill_then_resume(recordings, tmp_path):
    out = tmp_path / "out"
    process = subprocess.Popen(
        command(recordings, "-o", out, *FAST), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 300
    while time.time() < deadline and len(transcripts(out)) < 1:
        time.sleep(0.2)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    done_before = len(transcripts(out))
    assert 1 <= done_before < len(CLIPS)
    resumed = subprocess.run(command(recordings, "-o", out, *FAST), capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"already done {done_before}" in resumed.stderr
    assert_complete(out)
    attempts = [s["attempts"] for s in states(out).values()]
    assert sum(attempts) <= len(CLIPS) + 1  # at most the interrupted one was started twice


def test_a_run_killed_after_writing_a_transcript_but_before_saying_so_is_settled_on_resume(recordings, tmp_path):
    """Killed between writing a transcript and marking it transcribed: the next run finds the transcript
    complete, skips it and puts the state right (it stayed "running" for ever, its claim lay there for ever)."""
    out = tmp_path / "out"
    assert subprocess.run(command(recordings, "-o", out, *FAST), capture_output=True).returncode == 0
    state_file = out / "identified" / ".manifest" / "jfk.json"
    state = json.loads(state_file.read_text())
    state_file.write_text(json.dumps({**state, "stage": "running"}))  # as the kill leaves it
    dead_run = {"host": socket.gethostname(), "pid": 999999999, "token": "killed"}
    (out / "identified" / ".claims" / "jfk.claim").write_text(json.dumps(dead_run))
    resumed = subprocess.run(command(recordings, "-o", out, *FAST), capture_output=True, text=True)
    assert resumed.returncode == 0 and f"already done {len(CLIPS)}" in resumed.stderr, resumed.stderr
    assert_complete(out)


def test_two_runs_at_once_share_the_work(recordings, tmp_path):
    out = tmp_path / "out"
    runs = [
        subprocess.Popen(
            command(recordings, "-o", out, *FAST), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    outputs = [run.communicate(timeout=600)[1] for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    assert_complete(out)
    assert [s["attempts"] for s in states(out).values()] == [1] * len(CLIPS)  # each transcribed exactly once
    transcribed = sum(int(o.split("transcribed ")[1].split(",")[0]) for o in outputs)
    assert transcribed == len(CLIPS)


def test_silent_and_speechless_recordings(tmp_path):
    import wave

    folder = tmp_path / "in"
    folder.mkdir()
    rng = np.random.default_rng(0)
    for name, samples in (
        ("silence.wav", np.zeros(16000 * 5)),
        ("hum.wav", 0.05 * np.sin(np.arange(16000 * 5) / 8)),
        ("noise.wav", 0.01 * rng.standard_normal(16000 * 5)),
    ):
        with wave.open(str(folder / name), "wb") as handle:
            handle.setnchannels(1)
            handle.setsampwidth(2)
            handle.setframerate(16000)
            handle.writeframes((samples * 32767).astype("<i2").tobytes())
    result = CliRunner().invoke(main, [str(folder), "-o", str(tmp_path / "out"), *FAST])
    assert result.exit_code == 1
    for name in ("silence.wav", "hum.wav", "noise.wav"):
        assert f"{name}: no speech found" in result.output


def test_unwritable_output_folder_stops_early(tmp_path, data_dir):
    blocker = tmp_path / "a-file"  # a folder cannot be made inside a file, even by root
    blocker.write_text("")
    result = CliRunner().invoke(main, [str(data_dir / "whisper_jfk"), "-o", str(blocker / "out"), *FAST])
    assert result.exit_code == 2
    assert "output folder is not writable" in result.output
