"""What every decoding engine gives the pipeline: per-window tokens, scores, no-speech probability and
token alignments, from the same log-mel features. The pipeline (transcribe.asr) does the rest alike for
all engines: window packing, the fallback ladder, loop repair, tail resume, words on the timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
import torch
import whisper
from whisper.tokenizer import Tokenizer, get_tokenizer

SAMPLE_LEN = 224  # most tokens decoded per window, as openai-whisper (half the text context)
# the random draws of the fallback ladder's sampling start from this seed, so that a recording transcribed
# again gives the same transcript (a run two days later, a resumed job, the test suite)
SAMPLING_SEED = 0
MAX_INITIAL_TIMESTAMP = 50  # first timestamp at most 1.0 s into the window, as openai-whisper


@dataclass
class DecodeSettings:
    """One decoding pass over some windows (one rung of the fallback ladder)."""

    language: str  # ISO code
    task: str  # "transcribe" or "translate"
    temperature: float  # 0: beam search (or greedy); above: sampling
    beam_size: int  # beams at temperature 0; 1: greedy
    best_of: int  # samples drawn at a temperature above 0, the likeliest kept
    prompt: str | None = None  # text given as previous context to every window


@dataclass
class Decoded:
    """One window's decoding."""

    tokens: list[int]  # text and timestamp tokens, without the prompt and the end of text
    avg_logprob: float  # log probability of the tokens per token (the end of text counted)
    no_speech_prob: float  # probability of the no-speech token at the start
    temperature: float  # at which it was decoded
    text: str  # the tokens' text
    compression_ratio: float  # of the text, by zlib: high means repetitive


@dataclass
class Alignment:
    """Where each text token of a window sits in its audio (dynamic time warping over cross-attention)."""

    text_indices: np.ndarray  # path: the text token at each step
    time_indices: np.ndarray  # path: the 20 ms audio frame at each step
    token_probs: list[float]  # probability of each text token given the ones before


class Engine(Protocol):
    """A loaded Whisper model that decodes batches of 30-second windows."""

    name: str  # "whisper" or "ctranslate2"
    compute_type: str  # numeric precision it computes in ("float32", "float16", "int8"…)
    dims: Any  # whisper.model.ModelDimensions of the model
    is_multilingual: bool
    num_languages: int
    leaves_cores: bool  # other work (the speaker model) can run beside its decoding without slowing it badly

    def encode(self, audios: list[np.ndarray]) -> Any:
        """Run the encoder once on windows of 16 kHz audio (each at most 30 s); the result is handed back."""

    def detect_language(self, encoded: Any, count: int) -> str:
        """The most probable language over the first `count` encoded windows."""

    def decode(self, encoded: Any, indices: list[int], settings: DecodeSettings) -> list[Decoded]:
        """Decode the encoded windows at these indices, together."""

    def align(
        self, encoded: Any, indices: list[int], start: list[int], text_tokens: list[list[int]], num_frames: list[int]
    ) -> list[Alignment]:
        """Align each window's text tokens (one list per index, decoded after the `start` sequence) with its
        first num_frames mel frames."""


def log_mel(audios: list[np.ndarray], n_mels: int) -> torch.Tensor:
    """Whisper's log-mel features of windows padded to 30 s, shape (windows, n_mels, 3000), float32 on the CPU.
    Both engines decode exactly these features."""
    return torch.stack(
        [whisper.log_mel_spectrogram(whisper.pad_or_trim(torch.from_numpy(audio)), n_mels) for audio in audios]
    )


def prompt_tokens(tokenizer: Tokenizer, prompt: str | None) -> list[int]:
    """The decoder's start: previous-context text (when given), then start of transcript, language, task."""
    if not prompt:
        return list(tokenizer.sot_sequence)
    context = tokenizer.encode(" " + prompt.strip())[-(SAMPLE_LEN - 1) :]
    return [tokenizer.sot_prev, *context, *tokenizer.sot_sequence]


def tokenizer_for(engine: Engine, language: str, task: str) -> Tokenizer:
    """Whisper's tokenizer for this model, language and task (the same token ids in both engines)."""
    return get_tokenizer(engine.is_multilingual, num_languages=engine.num_languages, language=language, task=task)


def language_vote(best: list[str]) -> str:
    """The language most windows were detected as."""
    return max(set(best), key=best.count)
