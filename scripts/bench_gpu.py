"""Benchmark the batch path on one GPU: audio hours per wall-clock hour, end to end, for a batch of long
recordings, side by side with plain `whisper` on the same GPU and the first file; GPU busy share sampled
with nvidia-smi. Also runs on the CPU (--device cpu) to check the script itself.

    python scripts/bench_gpu.py --model turbo --recordings 20 --minutes 60      # on a GPU machine
    python scripts/bench_gpu.py --model tiny.en --recordings 2 --minutes 6 --device cpu --no-peer

The recordings are built from ../shared/data (scripts/longaudio.py), each in a different order.
Last line: one line of JSON.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))
from longaudio import build_long_recording

from transcribe.audio import ffmpeg_exe

ROOT = Path(__file__).resolve().parents[1]


class GpuSampler:
    """GPU utilisation every half second from nvidia-smi, while a command runs."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                out = subprocess.run(
                    ["nvidia-smi", "--query-gpu=utilization.gpu", "--format=csv,noheader,nounits"],
                    capture_output=True,
                    text=True,
                    timeout=5,
                ).stdout
                self.samples.append(float(out.split()[0]))
            except (OSError, ValueError, IndexError, subprocess.TimeoutExpired):
                return
            self._stop.wait(0.5)

    def __enter__(self):
        if shutil.which("nvidia-smi"):
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()

    @property
    def busy_share(self) -> float | None:
        return sum(s > 0 for s in self.samples) / len(self.samples) if self.samples else None

    @property
    def mean_utilisation(self) -> float | None:
        return sum(self.samples) / len(self.samples) if self.samples else None


def run(cmd: list[str], env: dict) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


@click.command()
@click.option("--model", default="turbo", show_default=True, help="Whisper name or checkpoint path.")
@click.option("--recordings", default=20, show_default=True)
@click.option("--minutes", default=60.0, show_default=True, help="Length of each recording.")
@click.option("--device", default="cuda", show_default=True)
@click.option("--batch-size", default=None, type=int)
@click.option("--peer/--no-peer", default=True, help="Also time plain whisper on the first recording.")
@click.option("--workdir", type=click.Path(path_type=Path), default=ROOT / ".bench", show_default=True)
def main(
    model: str, recordings: int, minutes: float, device: str, batch_size: int | None, peer: bool, workdir: Path
) -> None:
    files = []
    for seed in range(recordings):
        path = workdir / "gpu" / f"interview_{minutes:g}min_{seed:02d}.wav"
        build_long_recording(path, minutes, seed=seed)
        files.append(path)
    audio_hours = sum((p.stat().st_size - 44) / 2 / 16000 for p in files) / 3600
    env = dict(os.environ)
    bindir = Path(tempfile.mkdtemp())
    (bindir / "ffmpeg").symlink_to(ffmpeg_exe())
    env["PATH"] = f"{bindir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    out = Path(tempfile.mkdtemp())
    cmd = [
        sys.executable,
        "-m",
        "transcribe.cli",
        *map(str, files),
        "-o",
        str(out / "tool"),
        "--model",
        model,
        "--device",
        device,
        "--language",
        "en",
        "-q",
    ]
    if batch_size:
        cmd += ["--batch-size", str(batch_size)]
    with GpuSampler() as sampler:
        wall = run(cmd, env)
    summary = {
        "model": model,
        "device": device,
        "recordings": recordings,
        "audio_hours": round(audio_hours, 3),
        "tool_wall_s": round(wall, 1),
        "tool_audio_hours_per_hour": round(audio_hours * 3600 / wall, 1),
        "gpu_busy_share": sampler.busy_share,
        "gpu_mean_utilisation": sampler.mean_utilisation,
        "machine": subprocess.run(["nvidia-smi", "-L"], capture_output=True, text=True).stdout.strip()
        if shutil.which("nvidia-smi")
        else f"CPU, {os.cpu_count()} cores",
    }
    if peer:
        one_hour = (files[0].stat().st_size - 44) / 2 / 16000 / 3600
        peer_wall = run(
            [
                shutil.which("whisper", path=env["PATH"]),
                str(files[0]),
                "--model",
                model,
                "--device",
                device,
                "--language",
                "en",
                "--output_format",
                "json",
                "--output_dir",
                str(out / "whisper"),
            ],
            env,
        )
        summary.update(
            {
                "whisper_first_file_wall_s": round(peer_wall, 1),
                "whisper_audio_hours_per_hour": round(one_hour * 3600 / peer_wall, 1),
            }
        )
    for key, value in summary.items():
        click.echo(f"{key:<28} {value}")
    click.echo(json.dumps(summary))


if __name__ == "__main__":
    main()
