"""Benchmark: this tool against its peers, same recording, same weights, one run, one after the other.

Builds a long recording from ../shared/data (scripts/longaudio.py) and runs, each as a child process:
this tool (one row per --tool-args, default options first), faster-whisper 1.2.1 sequential
(`WhisperModel.transcribe`, int8, beam 5, VAD, word timestamps) and batched (`BatchedInferencePipeline`,
batch 8, int8, word timestamps) on the CTranslate2 files the tool's offline model came from, and the plain
`whisper` command. Reports wall time, × real time, peak memory (RSS of the child), WER after Whisper's
English normaliser, the longest run of a repeated phrase, and each row's speed as a ratio to the tool's
first row. Timings on a shared machine are noisy: compare the ratios of one run. Last line: JSON.

    python scripts/bench_transcribe.py --minutes 10 --model base
    python scripts/bench_transcribe.py --minutes 10 --tool-args "" --tool-args "--engine whisper"
    python scripts/bench_transcribe.py --minutes 60 --no-peers --short-files
        # one hour: peak memory, and the long recording's WER beside its clips' one by one
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
from transcribe.device import cpu_threads
from transcribe.engines.ct2_models import ct2_folder
from transcribe.repetition import longest_repeat

ROOT = Path(__file__).resolve().parents[1]
PEERS = ("faster-whisper", "faster-whisper-batched", "whisper-cli")


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


def faster_whisper_run(mode: str, model_dir: str, audio: str, output: str) -> None:
    """The peer, in its child process: faster-whisper on the same CTranslate2 files, int8, word timestamps."""
    from faster_whisper import BatchedInferencePipeline, WhisperModel

    model = WhisperModel(model_dir, device="cpu", compute_type="int8", cpu_threads=os.cpu_count() or 0)
    if mode == "faster-whisper-batched":
        segments, _ = BatchedInferencePipeline(model).transcribe(
            audio, language="en", batch_size=8, word_timestamps=True
        )
    else:
        segments, _ = model.transcribe(audio, language="en", beam_size=5, vad_filter=True, word_timestamps=True)
    Path(output).write_text(json.dumps({"text": "".join(segment.text for segment in segments)}))


def peer_row(peer: str, audio: Path, checkpoint: str, model_name: str, env: dict, out: Path) -> tuple:
    """Run one peer; returns (wall, rss, its text)."""
    if peer == "whisper-cli":
        cmd = [shutil.which("whisper", path=env["PATH"]), str(audio), *same_model_options(checkpoint)]
        cmd += ["--fp16", "False", "--output_format", "json", "--output_dir", str(out / "whisper")]
        wall, rss = timed(cmd, env)
        return wall, rss, json.loads((out / "whisper" / f"{audio.stem}.json").read_text())["text"]
    result = out / f"{peer}.json"
    model_dir = str(ct2_folder(resolve_model(model_name)))
    cmd = [sys.executable, __file__, "--faster-whisper-child", peer, model_dir, str(audio), str(result)]
    wall, rss = timed(cmd, env)
    return wall, rss, json.loads(result.read_text())["text"]


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


def machine() -> str:
    cores = cpu_threads()
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if "model name" in line), "")
    return f"{platform.machine()}, {cores} cores, {model or platform.processor() or 'cpu'}"


def print_rows(rows: dict, duration: float) -> None:
    first = next(iter(rows.values()))["wall_s"]
    for name, row in rows.items():
        pace = f"{row['files']} files" if "files" in row else f"{duration / row['wall_s']:5.1f}x real time"
        click.echo(
            f"{name:<34} wall {row['wall_s']:7.1f} s ({pace}, {row['wall_s'] / first:4.2f}x the first row's time)  "
            f"peak RSS {row['peak_rss_mib']:6.0f} MiB  WER {row['wer']:.3f}  longest repeat {row['max_repeat']}"
        )


@click.command()
@click.option("--minutes", default=10.0, show_default=True, help="Length of the built recording.")
@click.option("--model", "model_name", default="base", show_default=True)
@click.option("--tool-args", multiple=True, help="Options for one row of the tool (repeat for several rows).")
@click.option("--peers/--no-peers", default=True, help="Also run faster-whisper and the plain whisper command.")
@click.option("--whisper-cli/--no-whisper-cli", default=True, help="Among the peers, the plain whisper command.")
@click.option("--workdir", type=click.Path(path_type=Path), default=ROOT / ".bench", show_default=True)
@click.option("--short-files", is_flag=True, help="Also run the tool on the clips one by one (their WER).")
@click.option("--faster-whisper-child", nargs=4, hidden=True, default=None)
def main(
    minutes: float,
    model_name: str,
    tool_args: tuple[str, ...],
    peers: bool,
    whisper_cli: bool,
    workdir: Path,
    short_files: bool,
    faster_whisper_child: tuple[str, str, str, str] | None,
) -> None:
    if faster_whisper_child:
        faster_whisper_run(*faster_whisper_child)
        return
    audio = workdir / f"long_{minutes:g}min.wav"
    reference = build_long_recording(audio, minutes)
    checkpoint = str(resolve_model(model_name).path)
    env = dict(os.environ)
    bindir = Path(tempfile.mkdtemp())
    (bindir / "ffmpeg").symlink_to(ffmpeg_exe())  # the whisper command calls `ffmpeg` from PATH
    env["PATH"] = f"{bindir}{os.pathsep}{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"
    rows = {}
    out = Path(tempfile.mkdtemp())
    for n, args in enumerate(tool_args or ("",)):
        wall, rss = timed(tool_command([audio], out / f"tool{n}", checkpoint, args), env)
        tool = json.loads((out / f"tool{n}" / "identified" / f"{audio.stem}.json").read_text())
        rows[f"tool {args or '(defaults)'}"] = result_row(wall, rss, reference, tool["text"])
        click.echo(f"done: tool {args}", err=True)
    if short_files:
        rows["tool, clips one by one"] = short_files_row(checkpoint, (tool_args or ("",))[0], env, out)
    for peer in PEERS if peers else ():
        if peer != "whisper-cli" or whisper_cli:
            wall, rss, text = peer_row(peer, audio, checkpoint, model_name, env, out)
            rows[peer] = result_row(wall, rss, reference, text)
            click.echo(f"done: {peer}", err=True)
    duration = (audio.stat().st_size - 44) / 2 / 16000
    click.echo(f"recording: {audio.name}, {duration / 60:.1f} min; model {model_name}; machine {machine()}")
    print_rows(rows, duration)
    click.echo(json.dumps({"audio_s": duration, "model": model_name, "machine": machine(), **rows}))


if __name__ == "__main__":
    main()
