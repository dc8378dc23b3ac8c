"""The openai-whisper engine: the reference, and the GPU path.

Two savings over whisper.decode and whisper.timing as they are. The encoder runs once per window, and
its output serves decoding, every rung of the fallback ladder and word alignment (whisper's
find_alignment runs the model on the mel again). In beam search and best-of-n sampling over a batch,
a window's beams share one copy of its audio features: the decoder's cross-attention takes the queries
of all its beams at once against the window's keys and values (cross-attention has no mask, so this is
the same computation), where openai-whisper needs the features repeated per beam (at beam 5 and batch
8, 40 copies of the cross-attention cache).
"""

from __future__ import annotations

import types

import numpy as np
import torch
import whisper
from torch import Tensor
from whisper.decoding import ApplyTimestampRules, BeamSearchDecoder, DecodingTask
from whisper.model import MultiHeadAttention, disable_sdpa
from whisper.timing import dtw, median_filter
from whisper.tokenizer import get_tokenizer
from whisper.utils import compression_ratio

from transcribe.engines.base import SAMPLING_SEED, Alignment, Decoded, DecodeSettings, language_vote, log_mel
from transcribe.engines.batched_steps import BatchedBeamSearch, BatchedTimestampRules

ALIGN_BATCH = 8  # windows aligned in one decoder pass (its logits take ~30 MB per window)
MEDIAN_FILTER_WIDTH = 7  # frames, as whisper's find_alignment


def _shared_cross_attention(self: MultiHeadAttention, q: Tensor, k: Tensor, v: Tensor, mask: Tensor | None = None):
    """Cross-attention of n_group beams per window against one copy of the window's keys and values."""
    windows = k.shape[0]
    if q.shape[0] == windows:
        return MultiHeadAttention.qkv_attention(self, q, k, v, mask)
    group, steps = q.shape[0] // windows, q.shape[1]
    out, qk = MultiHeadAttention.qkv_attention(self, q.reshape(windows, group * steps, q.shape[2]), k, v, mask)
    if qk is not None:  # (windows, heads, group * steps, frames) -> (windows * group, heads, steps, frames)
        qk = qk.unflatten(2, (group, steps)).transpose(1, 2).flatten(0, 1)
    return out.reshape(q.shape), qk


def share_cross_attention(model: whisper.Whisper) -> None:
    """Let the beams of a window share its audio features in every decoder block's cross-attention."""
    for block in model.decoder.blocks:
        block.cross_attn.qkv_attention = types.MethodType(_shared_cross_attention, block.cross_attn)


def half_weights(model: whisper.Whisper) -> whisper.Whisper:
    """Linear, convolution and embedding weights in float16 (whisper casts them to the activations' type at
    every call otherwise); layer norms stay in float32, as whisper computes them."""
    for module in model.modules():
        if isinstance(module, (torch.nn.Linear, torch.nn.Conv1d, torch.nn.Embedding)):
            module.half()
    return model


class SharedFeaturesTask(DecodingTask):
    """whisper's DecodingTask on encoder output, its beam search and timestamp rules taken for the whole batch
    at once (transcribe.engines.batched_steps), with one copy of each window's features for all its beams
    or samples (openai-whisper 20250625 repeats only the tokens, so its batched beam search fails; openai/whisper
    PRs #2197, #2389 repeat the features instead)."""

    def __init__(self, model: whisper.Whisper, options: whisper.DecodingOptions) -> None:
        super().__init__(model, options)
        if isinstance(self.decoder, BeamSearchDecoder):  # whisper's, sequence by sequence: the batch at once
            self.decoder = BatchedBeamSearch(options.beam_size, self.tokenizer.eot, self.inference, options.patience)
        self.logit_filters = [
            BatchedTimestampRules(f.tokenizer, f.sample_begin, f.max_initial_timestamp_index)
            if isinstance(f, ApplyTimestampRules)
            else f
            for f in self.logit_filters
        ]

    def run_features(self, features: Tensor) -> list[Decoded]:
        self.decoder.reset()
        n_audio, group, eot = features.shape[0], self.n_group, self.tokenizer.eot
        tokens = torch.tensor([self.initial_tokens]).repeat(n_audio * group, 1).to(features.device)
        tokens, sum_logprobs, no_speech_probs = self._main_loop(features, tokens)
        tokens, sum_logprobs = self.decoder.finalize(
            tokens.reshape(n_audio, group, -1), sum_logprobs.reshape(n_audio, group)
        )
        candidates = [[t[self.sample_begin : (t == eot).nonzero()[0, 0]] for t in s] for s in tokens]
        selected = self.sequence_ranker.rank(candidates, sum_logprobs)
        results = []
        for n, choice in enumerate(selected):
            best = candidates[n][choice].tolist()
            text = self.tokenizer.decode(best).strip()
            results.append(
                Decoded(
                    tokens=best,
                    avg_logprob=sum_logprobs[n][choice] / (len(best) + 1),
                    no_speech_prob=no_speech_probs[n * group],
                    temperature=self.options.temperature,
                    text=text,
                    compression_ratio=compression_ratio(text),
                )
            )
        return results


class WhisperEngine:
    """openai-whisper's PyTorch model behind the engine interface (transcribe.engines.base.Engine)."""

    name = "whisper"

    def __init__(self, model: whisper.Whisper, fp16: bool = False) -> None:
        self.model = half_weights(model) if fp16 else model
        self.dims = model.dims
        self.is_multilingual = model.is_multilingual
        self.num_languages = model.num_languages
        self.fp16 = fp16
        # on a CPU PyTorch's threads wait for each other at every layer: a thread beside them stalls them all
        self.leaves_cores = next(model.parameters()).device.type != "cpu"
        self.compute_type = "float16" if self.fp16 else "float32"
        self.tokenizer = get_tokenizer(self.is_multilingual, num_languages=self.num_languages)  # special tokens
        share_cross_attention(model)

    def encode(self, audios: list[np.ndarray]) -> Tensor:
        mels = log_mel(audios, self.dims.n_mels)
        with torch.no_grad():
            return self.model.embed_audio(mels.to(self.model.device, torch.float16 if self.fp16 else torch.float32))

    def detect_language(self, encoded: Tensor, count: int) -> str:
        _, probs = self.model.detect_language(encoded[:count])
        return language_vote([max(p, key=p.get) for p in probs])

    def decode(self, encoded: Tensor, indices: list[int], settings: DecodeSettings) -> list[Decoded]:
        if settings.temperature > 0:
            torch.manual_seed(SAMPLING_SEED)  # the same draws each time these windows are sampled
        with torch.no_grad():
            return SharedFeaturesTask(self.model, self.decoding_options(settings)).run_features(encoded[indices])

    def decoding_options(self, settings: DecodeSettings) -> whisper.DecodingOptions:
        """whisper's options for one decoding pass."""
        return whisper.DecodingOptions(
            task=settings.task,
            language=settings.language,
            temperature=settings.temperature,
            beam_size=settings.beam_size if settings.temperature == 0 and settings.beam_size > 1 else None,
            best_of=settings.best_of if settings.temperature > 0 else None,
            prompt=settings.prompt,
            fp16=self.fp16,
        )

    def align(
        self, encoded: Tensor, indices: list[int], start: list[int], text_tokens: list[list[int]], num_frames: list[int]
    ) -> list[Alignment]:
        out: list[Alignment] = []
        for first in range(0, len(indices), ALIGN_BATCH):
            chunk = slice(first, first + ALIGN_BATCH)
            out += self._align_batch(encoded[indices[chunk]], start, text_tokens[chunk], num_frames[chunk])
        return out

    def _align_batch(
        self, features: Tensor, start: list[int], text_tokens: list[list[int]], num_frames: list[int]
    ) -> list[Alignment]:
        """whisper.timing.find_alignment for several windows in one decoder pass over their encoder output
        (sequences padded at the end: causal self-attention keeps the padding out of earlier positions)."""
        eot, no_timestamps = self.tokenizer.eot, self.tokenizer.no_timestamps
        sequences = [[*start, no_timestamps, *tokens, eot] for tokens in text_tokens]
        longest = max(len(s) for s in sequences)
        batch = torch.tensor([s + [eot] * (longest - len(s)) for s in sequences], device=features.device)
        weights, logits = self._cross_attention_weights(features, batch)
        out = []
        for n, tokens in enumerate(text_tokens):
            probs = logits[n, len(start) : len(start) + len(tokens), :eot].float().softmax(dim=-1)
            token_probs = probs[np.arange(len(tokens)), tokens].tolist()
            matrix = weights[:, n, : len(sequences[n]), : num_frames[n] // 2].float().softmax(dim=-1)
            std, mean = torch.std_mean(matrix, dim=-2, keepdim=True, unbiased=False)
            matrix = median_filter((matrix - mean) / std, MEDIAN_FILTER_WIDTH).mean(dim=0)
            text_indices, time_indices = dtw(-matrix[len(start) : -1])
            out.append(Alignment(text_indices, time_indices, token_probs))
        return out

    def _cross_attention_weights(self, features: Tensor, tokens: Tensor) -> tuple[Tensor, Tensor]:
        """The alignment heads' cross-attention (heads, windows, tokens, frames) and the decoder's logits."""
        heads = self.model.alignment_heads.indices().T.tolist()
        kept: dict[int, Tensor] = {}
        layers = sorted({layer for layer, _ in heads})
        hooks = [
            self.model.decoder.blocks[layer].cross_attn.register_forward_hook(
                lambda _, ins, outs, layer=layer: kept.__setitem__(
                    layer, outs[-1][:, [h for lay, h in heads if lay == layer]]
                )
            )
            for layer in layers
        ]
        try:
            with torch.no_grad(), disable_sdpa():
                logits = self.model.decoder(tokens, features)
        finally:
            for hook in hooks:
                hook.remove()
        weights = torch.cat([kept[layer] for layer in layers], dim=1).transpose(0, 1)
        return weights, logits
