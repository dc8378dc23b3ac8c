"""Decoding recordings (any format ffmpeg reads) into 16 kHz float32 audio."""

from __future__ import annotations

import subprocess
import wave
from functools import lru_cache
from pathlib import Path

import numpy as np

from transcribe.errors import AudioError

SAMPLE_RATE = 16000

AUDIO_EXTENSIONS = frozenset(
    [
        ".wav",
        ".mp3",
        ".m4a",
        ".aac",
        ".flac",
        ".ogg",
        ".oga",
        ".opus",
        ".wma",
        ".aif",
        ".aiff",
        ".amr",
        ".webm",
        ".mp4",
        ".m4v",
        ".mov",
        ".mkv",
        ".avi",
        ".3gp",
    ]
)


@lru_cache(maxsize=1)
def ffmpeg_exe() -> str:
    """The ffmpeg binary: $IMAGEIO_FFMPEG_EXE, else the one shipped in the imageio-ffmpeg wheel."""
    import imageio_ffmpeg

    try:
        return imageio_ffmpeg.get_ffmpeg_exe()
    except RuntimeError as exc:
        raise AudioError(f"ffmpeg not found ({exc}); reinstall imageio-ffmpeg or set IMAGEIO_FFMPEG_EXE") from exc


def _ffmpeg_reason(stderr: bytes) -> str:
    """The line of ffmpeg's stderr that says what went wrong, without the banner."""
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    for line in reversed(lines):
        lowered = line.lower()
        if any(
            k in lowered
            for k in (
                "invalid",
                "error",
                "does not contain",
                "no such",
                "denied",
                "not found",
                "unknown",
                "could not",
                "failed",
                "truncat",
            )
        ):
            return line.split("] ", 1)[-1]
    return lines[-1] if lines else "ffmpeg failed"


def read_pcm_wav(path: Path, sample_rate: int, channels: int) -> np.ndarray | None:
    """The samples of a 16-bit PCM WAV file already at this rate and channel count, read without ffmpeg
    (the same samples ffmpeg gives); None for any other file."""
    try:
        with wave.open(str(path), "rb") as handle:
            if (handle.getsampwidth(), handle.getframerate(), handle.getnchannels()) != (2, sample_rate, channels):
                return None
            data = handle.readframes(handle.getnframes())
    except (wave.Error, EOFError, OSError):
        return None
    samples = _to_float(np.frombuffer(data, "<i2"))
    del data
    return samples.reshape(-1, channels).T.copy() if channels > 1 else samples


def _to_float(pcm: np.ndarray) -> np.ndarray:
    """16-bit PCM as float32 in [-1, 1], scaled in place (an hour is 230 MB; no second copy)."""
    samples = pcm.astype(np.float32)
    samples *= 1 / 32768.0
    return samples


def load_audio(path: Path, sample_rate: int = SAMPLE_RATE, channels: int = 1) -> np.ndarray:
    """Decode a recording to float32 in [-1, 1]: shape (samples,) for mono, (channels, samples) otherwise.
    A 16-bit PCM WAV at the rate and channel count asked for is read directly, anything else with ffmpeg.

    Raises AudioError naming the file when it is empty, unreadable, not audio, or has no audio track.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise AudioError(f"{path}: cannot read ({exc.strerror})") from exc
    if size == 0:
        raise AudioError(f"{path}: empty file (0 bytes)")
    samples = read_pcm_wav(path, sample_rate, channels) if path.suffix.lower() == ".wav" else None
    if samples is None:
        return _ffmpeg_decode(path, sample_rate, channels)
    return _checked(path, samples, sample_rate, channels)


def _checked(path: Path, samples: np.ndarray, sample_rate: int, channels: int) -> np.ndarray:
    if samples.size < sample_rate // 10 * channels:
        raise AudioError(f"{path}: no audio (decoded {samples.size / channels / sample_rate:.2f} s)")
    return samples


def _ffmpeg_decode(path: Path, sample_rate: int, channels: int) -> np.ndarray:
    cmd = [
        ffmpeg_exe(),
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-threads",
        "0",
        "-i",
        str(path),
        "-map",
        "0:a:0",
        "-f",
        "s16le",
        "-ac",
        str(channels),
        "-acodec",
        "pcm_s16le",
        "-ar",
        str(sample_rate),
        "-",
    ]
    try:
        proc = subprocess.run(cmd, capture_output=True, check=False)
    except OSError as exc:
        raise AudioError(f"{path}: cannot run ffmpeg ({exc})") from exc
    if proc.returncode != 0:
        reason = "no audio track" if b"matches no streams" in proc.stderr else _ffmpeg_reason(proc.stderr)
        raise AudioError(f"{path}: cannot decode audio: {reason}")
    pcm = proc.stdout
    del proc
    samples = _checked(path, _to_float(np.frombuffer(pcm, np.int16)), sample_rate, channels)
    return samples.reshape(-1, channels).T.copy() if channels > 1 else samples


def is_probably_recording(path: Path) -> bool:
    """Whether a file found in a folder should be treated as a recording (by its extension)."""
    return path.suffix.lower() in AUDIO_EXTENSIONS
