"""Benchmark: this tool's transcription vs the plain `whisper` command, same file, same model, one run.

Builds a long recording from ../shared/data (scripts/longaudio.py), runs both as child processes one
after the other, and reports wall time, peak memory (RSS of the child), WER after Whisper's English
normaliser, and the longest run of a repeated phrase in each output. Last line: one line of JSON.

    python scripts/bench_transcribe.py --minutes 20 --model base
    python scripts/bench_transcribe.py --minutes 60 --model base --no-peer --short-files
        # long-audio robustness: the long recording's WER beside the WER on its clips one by one
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click
import jiwer
from whisper.normalizers import EnglishTextNormalizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from longaudio import build_long_recording, reference_clips

from transcribe.audio import ffmpeg_exe
from transcribe.checkpoints import resolve_model
from transcribe.repetition import longest_repeat

ROOT = Path(__file__).resolve().parents[1]


def timed(cmd: list[str], env: dict) -> tuple[float, float]:
    """Run a command; return (wall seconds, peak RSS in MiB of the child and its children)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{cmd[0]} failed: {proc.stderr.read().decode()[-2000:]}")
    return wall, usage.ru_maxrss / 1024


def same_model_options(checkpoint: str) -> list[str]:
    """Options both commands take alike: the same checkpoint, English, on the CPU."""
    return ["--model", checkpoint, "--language", "en", "--device", "cpu"]


def tool_command(inputs: list[Path], output_dir: Path, checkpoint: str, tool_args: str) -> list[str]:
    """The tool's command line as the benchmark runs it: English, CPU, no anonymisation."""
    return [
        sys.executable,
        "-m",
        "transcribe.cli",
        *map(str, inputs),
        "-o",
        str(output_dir),
        *same_model_options(checkpoint),
        "--no-anonymise",
        "-q",
        *tool_args.split(),
    ]


def short_files_row(checkpoint: str, tool_args: str, env: dict, out: Path) -> dict:
    """The tool run once over every clip the long recording is built from, each clip its own recording."""
    clips_dir = out / "clips"
    clips_dir.mkdir()
    clips = reference_clips()
    for index, (path, _) in enumerate(clips):
        (clips_dir / f"clip_{index:03d}{path.suffix}").symlink_to(path.resolve())
    wall, rss = timed(tool_command([clips_dir], out / "short", checkpoint, tool_args), env)
    hypotheses = [
        json.loads((out / "short" / "identified" / f"clip_{index:03d}.json").read_text())["text"]
        for index in range(len(clips))
    ]
    return {**result_row(wall, rss, " ".join(text for _, text in clips), " ".join(hypotheses)), "files": len(clips)}


def result_row(wall: float, rss: float, reference: str, hypothesis: str) -> dict:
    """One line of the results: time, memory, WER and the longest repeated phrase."""
    wer, repeat = score(reference, hypothesis)
    return {"wall_s": wall, "peak_rss_mib": rss, "wer": wer, "max_repeat": repeat}


def score(reference: str, hypothesis: str) -> tuple[float, int]:
    normalise = EnglishTextNormalizer()
    ref, hyp = normalise(reference), normalise(hypothesis)
    return jiwer.wer(ref, hyp), longest_repeat(hyp.split())[0]


@click.command()
@click.option("--minutes", default=20.0, show_default=True, help="Length of the built recording.")
@click.option("--model", "model_name", default="base", show_default=True)
@click.option("--peer/--no-peer", default=True, help="Also run the plain whisper command.")
@click.option("--workdir", type=click.Path(path_type=Path), default=ROOT / ".bench", show_default=True)
@click.option("--tool-args", default="", help="Extra options for the tool, e.g. '--beam-size 1 --no-diarise'.")
@click.option("--short-files", is_flag=True, help="Also run the tool on the clips one by one (their WER).")
def main(minutes: float, model_name: str, peer: bool, workdir: Path, tool_args: str, short_files: bool) -> None:
    audio = workdir / f"long_{minutes:g}min.wav"
    reference = build_long_recording(audio, minutes)
    checkpoint = str(resolve_model(model_name).path)
    env = dict(os.environ)
    bindir = Path(tempfile.mkdtemp())
    (bindir / "ffmpeg").symlink_to(ffmpeg_exe())  # the whisper command calls `ffmpeg` from PATH
    env["PATH"] = f"{bindir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    rows = {}
    out = Path(tempfile.mkdtemp())
    wall, rss = timed(tool_command([audio], out / "tool", checkpoint, tool_args), env)
    tool = json.loads((out / "tool" / "identified" / f"{audio.stem}.json").read_text())
    rows["tool"] = result_row(wall, rss, reference, tool["text"])
    if short_files:
        rows["tool_short_files"] = short_files_row(checkpoint, tool_args, env, out)
    if peer:
        wall, rss = timed(
            [
                shutil.which("whisper", path=env["PATH"]),
                str(audio),
                *same_model_options(checkpoint),
                "--fp16",
                "False",
                "--output_format",
                "json",
                "--output_dir",
                str(out / "whisper"),
            ],
            env,
        )
        plain = json.loads((out / "whisper" / f"{audio.stem}.json").read_text())
        rows["whisper_cli"] = result_row(wall, rss, reference, plain["text"])
    duration = len(reference) and (audio.stat().st_size - 44) / 2 / 16000
    machine = f"{platform.machine()}, {os.cpu_count()} cores, {platform.processor() or 'cpu'}"
    click.echo(
        f"recording: {audio.name}, {duration / 60:.1f} min; model {model_name}; machine {machine}; "
        f"tool options: {tool_args or 'defaults'}"
    )
    for name, row in rows.items():
        pace = f"{row['files']} files" if "files" in row else f"{duration / row['wall_s']:5.1f}x real time"
        click.echo(
            f"{name:<16} wall {row['wall_s']:8.1f} s  ({pace})  "
            f"peak RSS {row['peak_rss_mib']:7.0f} MiB  WER {row['wer']:.3f}  longest repeat {row['max_repeat']}"
        )
    summary = {"audio_s": duration, "model": model_name, "machine": machine, "tool_args": tool_args, **rows}
    if peer:
        summary["speedup_vs_whisper_cli"] = rows["whisper_cli"]["wall_s"] / rows["tool"]["wall_s"]
        click.echo(f"speed-up vs plain whisper: {summary['speedup_vs_whisper_cli']:.2f}x")
    click.echo(json.dumps(summary))


if __name__ == "__main__":
    main()
