"""The SLURM array script on a real (single-node) SLURM: every recording done exactly once, also when a
second, overlapping array runs over the same folder (a retried or resubmitted job).

CI starts a throw-away cluster with scripts/slurm/single-node.sh; elsewhere this runs where `sinfo`
reaches a cluster and is skipped otherwise.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
CLIPS = [
    "whisper_jfk/jfk.flac",
    "pyannote_sample/sample.wav",
    "faster_whisper_stereo/stereo_diarization.wav",
    "deepspeech_ldc93s1/LDC93S1.wav",
]
CPU_TASK = ["--gres=none", "--cpus-per-task=1", "--mem=3G", "--time=20"]


def slurm_reachable() -> bool:
    if not shutil.which("sbatch") or not shutil.which("sinfo"):
        return False
    return subprocess.run(["sinfo", "-h"], capture_output=True, timeout=30).returncode == 0


def submit_array(array: str, recordings: Path, out: Path, logs: Path) -> None:
    """sbatch the project's array script and wait for every task; fail with the task logs if one failed."""
    done = subprocess.run(
        [
            "sbatch",
            "--wait",
            f"--array={array}",
            *CPU_TASK,
            f"--output={logs}/%A_%a.out",
            "scripts/slurm/transcribe-array.sbatch",
            str(recordings),
            str(out),
            "--model",
            "tiny.en",
            "--language",
            "en",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1500,
    )
    task_logs = "\n".join(f"--- {p.name}\n{p.read_text()[-1500:]}" for p in sorted(logs.glob("*.out")))
    assert done.returncode == 0, f"{done.stdout}{done.stderr}\n{task_logs}"


@pytest.mark.skipif(not slurm_reachable(), reason="no SLURM cluster reachable (CI starts one: .ci/run)")
def test_array_job_processes_each_recording_exactly_once(tmp_path, data_dir):
    recordings, out, logs = tmp_path / "recordings", tmp_path / "out", tmp_path / "slurm-logs"
    recordings.mkdir()
    logs.mkdir()
    for clip in CLIPS:
        shutil.copy(data_dir / clip, recordings / Path(clip).name)

    submit_array("0-2", recordings, out, logs)
    submit_array("0-1", recordings, out, logs)  # resubmitted with other shards: nothing is done again

    manifest = {p.stem: json.loads(p.read_text()) for p in (out / "identified" / ".manifest").glob("*.json")}
    assert sorted(manifest) == sorted(Path(c).stem for c in CLIPS)
    assert {s["stage"] for s in manifest.values()} == {"done"}
    assert [s["attempts"] for s in manifest.values()] == [1] * len(CLIPS)
    hosts = {s["host"] for s in manifest.values()}
    assert hosts  # every recording records the node it ran on
    run_logs = "".join(p.read_text() for p in (out / "identified" / "logs").glob("*.log"))
    for clip in CLIPS:
        assert run_logs.count(f"done: {Path(clip).stem}\n") == 1
    assert len(list((out / "for-coders").glob("INT-*.txt"))) == len(CLIPS)
    assert list((out / "identified" / ".claims").glob("*.claim")) == []
    assert [p for p in out.rglob("*") if p.name.endswith(".part")] == []
