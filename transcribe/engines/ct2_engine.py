"""The CTranslate2 engine (the library under faster-whisper): int8 on a CPU, float16 on a GPU.

It decodes the same log-mel features as openai-whisper, batches of our own windows, and aligns words
from the same encoder output (ctranslate2 takes encoder output in generate, align and detect_language).
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from whisper.utils import compression_ratio

from transcribe.device import cpu_threads
from transcribe.engines.base import (
    MAX_INITIAL_TIMESTAMP,
    SAMPLE_LEN,
    SAMPLING_SEED,
    Alignment,
    Decoded,
    DecodeSettings,
    language_vote,
    log_mel,
    prompt_tokens,
    tokenizer_for,
)

MEDIAN_FILTER_WIDTH = 7  # frames, as whisper's find_alignment
# Windows encoded together on a CPU: the encoder's attention scores take ~72 MB per window and layer. Two at a
# time encode as fast as eight; one hour (65.9 min, base, with the decoder copy below) peaked at 1,930 MiB
# against 2,038 MiB with four at a time, 143.8 s against 148.6 s (scripts/bench_transcribe.py --minutes 60)
CPU_ENCODE_BATCH = 2
# On a CPU of two cores or more, beam search and word alignment run in a second copy of a small model whose
# workers each take a part of the batch on their share of the cores: one decoding step is too small to keep
# two threads busy, while the encoder's large products are not (two one-thread encoders side by side were
# slower than one of two threads). 2 cores, base, 12-minute bench recording: 28.3-29.9 s against 31.1-32.5 s,
# the same words; 180 MB more there, 240 MB more over an hour.
DECODE_WORKERS = 2
DECODER_COPY_MAX_STATE = 768  # tiny, base, small: larger weights would cost more memory than the copy saves time


class CTranslate2Engine:
    """A ctranslate2.models.Whisper behind the engine interface (transcribe.engines.base.Engine)."""

    name = "ctranslate2"
    leaves_cores = True  # measured: the speaker model beside it on 2 cores, 74-76 s against 85-94 s one after the other

    def __init__(self, model_dir: Path, dims: Any, device: str, compute_type: str) -> None:
        import ctranslate2

        self.device = device
        self.compute_type = compute_type
        ctranslate2.set_random_seed(SAMPLING_SEED)  # each of its threads draws from this seed from its first draw
        self.model = ctranslate2.models.Whisper(
            str(model_dir), device=device, compute_type=compute_type, intra_threads=cpu_threads()
        )
        self.decoder, self._workers = self.model, None  # what decodes and aligns, and its workers if several
        if device != "cuda" and cpu_threads() >= DECODE_WORKERS and dims.n_text_state <= DECODER_COPY_MAX_STATE:
            self.decoder = ctranslate2.models.Whisper(
                str(model_dir),
                device=device,
                compute_type=compute_type,
                inter_threads=DECODE_WORKERS,
                intra_threads=cpu_threads() // DECODE_WORKERS,
            )
            self._workers = ThreadPoolExecutor(DECODE_WORKERS, thread_name_prefix="decoder")
        self.dims = dims
        self.is_multilingual = self.model.is_multilingual
        self.num_languages = self.model.num_languages

    def encode(self, audios: list[np.ndarray]) -> Any:
        features = log_mel(audios, self.model.n_mels).numpy()
        if self.device == "cuda":
            return self.model.encode(self._storage(features), to_cpu=False)
        step = CPU_ENCODE_BATCH  # the windows' attention scores need not all be held at once
        parts = [self.model.encode(self._storage(features[i : i + step])) for i in range(0, len(features), step)]
        return np.concatenate([np.asarray(part) for part in parts])

    def _in_parts(self, function: Callable[..., list], *columns: list) -> list:
        """function over the batch (its columns: windows, their tokens...), cut in one contiguous part per
        decoder worker where there are several; the parts' results joined in order."""
        if self._workers is None or len(columns[0]) < 2:
            return function(*columns)
        size = -(-len(columns[0]) // DECODE_WORKERS)
        parts = [[column[i : i + size] for column in columns] for i in range(0, len(columns[0]), size)]
        return [result for part in self._workers.map(lambda part: function(*part), parts) for result in part]

    def _storage(self, array: Any) -> Any:
        import ctranslate2

        return ctranslate2.StorageView.from_array(array)

    def _select(self, encoded: Any, indices: list[int]) -> tuple[Any, Any]:
        """The encoder output of some windows, as a StorageView and the array that holds its memory."""
        if self.device == "cuda":
            import torch

            array = torch.as_tensor(encoded, device="cuda")[indices].contiguous()
        else:
            array = np.ascontiguousarray(np.asarray(encoded)[indices])
        return self._storage(array), array

    def detect_language(self, encoded: Any, count: int) -> str:
        view, _keep = self._select(encoded, list(range(min(count, encoded.shape[0]))))
        return language_vote([ranked[0][0].strip("<|>") for ranked in self.model.detect_language(view)])

    def decode(self, encoded: Any, indices: list[int], settings: DecodeSettings) -> list[Decoded]:
        tokenizer = tokenizer_for(self, settings.language, settings.task)
        prompt = prompt_tokens(tokenizer, settings.prompt)
        sampled = settings.temperature > 0
        if sampled:
            search = {
                "beam_size": 1,
                "num_hypotheses": settings.best_of,
                "sampling_topk": 0,
                "sampling_temperature": settings.temperature,
            }
        else:
            search = {"beam_size": settings.beam_size}

        # sampling runs on the model of one thread: with several, which thread's random draws a window gets
        # would change from run to run
        decoder = self.model if sampled else self.decoder

        def generate(part: list[int]) -> list:
            view, _keep = self._select(encoded, part)
            return decoder.generate(
                view,
                [prompt] * len(part),
                max_length=min(len(prompt) + SAMPLE_LEN, self.dims.n_text_ctx),
                return_scores=True,
                return_no_speech_prob=True,
                max_initial_timestamp_index=MAX_INITIAL_TIMESTAMP,
                **search,
            )

        out = []
        for result in generate(indices) if sampled else self._in_parts(generate, indices):
            best = int(np.argmax(result.scores))
            tokens = list(result.sequences_ids[best])
            text = tokenizer.decode(tokens).strip()
            out.append(
                Decoded(
                    tokens=tokens,
                    # ctranslate2's score is the log probability divided by the length; whisper's average counts
                    # the end of text too
                    avg_logprob=result.scores[best] * len(tokens) / (len(tokens) + 1),
                    no_speech_prob=result.no_speech_prob,
                    temperature=settings.temperature,
                    text=text,
                    compression_ratio=compression_ratio(text),
                )
            )
        return out

    def align(
        self, encoded: Any, indices: list[int], start: list[int], text_tokens: list[list[int]], num_frames: list[int]
    ) -> list[Alignment]:

        def align(part: list[int], tokens: list[list[int]], frames: list[int]) -> list:
            view, _keep = self._select(encoded, part)
            return self.decoder.align(view, start, tokens, frames, median_filter_width=MEDIAN_FILTER_WIDTH)

        results = self._in_parts(align, indices, text_tokens, num_frames)
        return [
            Alignment(
                np.array([pair[0] for pair in result.alignments], dtype=int),
                np.array([pair[1] for pair in result.alignments], dtype=int),
                list(result.text_token_probs),
            )
            for result in results
        ]
