"""openai-whisper's beam search step and timestamp rules, computed for the whole batch at once.

whisper's BeamSearchDecoder.update and ApplyTimestampRules.apply go sequence by sequence, and each sequence
asks the GPU for a few numbers (`.item()`, `.tolist()`, a slice assignment): at 54 windows and beam 5, some
2,000 round trips a token, so a GPU decodes turbo and large-v3 equally slowly (scripts/bench_gpu.py, turbo
51 s per audio hour, GPU a quarter busy). These subclasses take the same decisions from one copy of the
batch's numbers on the CPU and one masked fill on the GPU; the results are the same (tests/test_engines.py
compares them with whisper's on the same inputs).
"""

from __future__ import annotations

import numpy as np
import torch
import torch.nn.functional as F
from torch import Tensor
from whisper.decoding import ApplyTimestampRules, BeamSearchDecoder


class BatchedBeamSearch(BeamSearchDecoder):
    """whisper's beam search, its candidates read from the GPU once per step."""

    def update(self, tokens: Tensor, logits: Tensor, sum_logprobs: Tensor) -> tuple[Tensor, bool]:
        if tokens.shape[0] % self.beam_size != 0:
            raise ValueError(f"{tokens.shape}[0] % {self.beam_size} != 0")
        n_audio = tokens.shape[0] // self.beam_size
        if self.finished_sequences is None:
            self.finished_sequences = [{} for _ in range(n_audio)]
        top_logprobs, top_tokens = F.log_softmax(logits.float(), dim=-1).topk(self.beam_size + 1)
        candidate_scores = (sum_logprobs[:, None] + top_logprobs).tolist()  # float32 sums, as whisper's
        prefixes, top_tokens = tokens.tolist(), top_tokens.tolist()
        next_tokens, source_indices, next_scores, finished_sequences = [], [], [], []
        for i in range(n_audio):
            scores, sources = {}, {}
            for idx in range(i * self.beam_size, (i + 1) * self.beam_size):
                for score, token in zip(candidate_scores[idx], top_tokens[idx]):
                    sequence = tuple(prefixes[idx] + [token])
                    scores[sequence], sources[sequence] = score, idx
            finished_sequences.append(self._keep_best(scores, sources, next_tokens, source_indices, next_scores))
        sum_logprobs[: len(next_scores)] = torch.tensor(next_scores, dtype=sum_logprobs.dtype)
        tokens = torch.tensor(next_tokens, device=tokens.device)
        self.inference.rearrange_kv_cache(source_indices)
        for previously_finished, newly_finished in zip(self.finished_sequences, finished_sequences):
            for sequence in sorted(newly_finished, key=newly_finished.get, reverse=True):
                if len(previously_finished) >= self.max_candidates:
                    break
                previously_finished[sequence] = newly_finished[sequence]
        completed = all(len(sequences) >= self.max_candidates for sequences in self.finished_sequences)
        return tokens, completed

    def _keep_best(self, scores: dict, sources: dict, next_tokens: list, source_indices: list, next_scores: list):
        """One window's best beam_size unfinished candidates, appended; returns its finished ones."""
        finished, saved = {}, 0
        for sequence in sorted(scores, key=scores.get, reverse=True):
            if sequence[-1] == self.eot:
                finished[sequence] = scores[sequence]
                continue
            next_scores.append(scores[sequence])
            next_tokens.append(sequence)
            source_indices.append(sources[sequence])
            saved += 1
            if saved == self.beam_size:
                break
        return finished


class BatchedTimestampRules(ApplyTimestampRules):
    """whisper's timestamp rules, each sequence's decision taken on the CPU and applied in one mask."""

    def apply(self, logits: Tensor, tokens: Tensor) -> None:
        tokenizer, begin = self.tokenizer, self.tokenizer.timestamp_begin
        if tokenizer.no_timestamps is not None:
            logits[:, tokenizer.no_timestamps] = -np.inf
        no_more_timestamps, no_text, timestamps_below = [], [], []
        for seq in tokens[:, self.sample_begin :].tolist():
            last = len(seq) >= 1 and seq[-1] >= begin
            penultimate = len(seq) < 2 or seq[-2] >= begin
            no_more_timestamps.append(last and penultimate)  # a pair is complete: text must follow
            no_text.append(last and not penultimate)  # a pair is open: its second timestamp must follow
            stamps = [t for t in seq if t >= begin]
            timestamps_below.append((stamps[-1] if no_text[-1] else stamps[-1] + 1) if stamps else begin)
        columns = torch.arange(logits.shape[-1], device=logits.device)[None]
        rows = (no_more_timestamps, no_text, timestamps_below)
        no_more, text_banned, below = (torch.tensor(values, device=logits.device)[:, None] for values in rows)
        banned = (no_more & (columns >= begin)) | (text_banned & (columns < tokenizer.eot))
        banned |= (columns >= begin) & (columns < below)
        logits.masked_fill_(banned, -np.inf)
        if tokens.shape[1] == self.sample_begin:
            logits[:, :begin] = -np.inf
            if self.max_initial_timestamp_index is not None:
                logits[:, begin + self.max_initial_timestamp_index + 1 :] = -np.inf
        logprobs = F.log_softmax(logits.float(), dim=-1)
        timestamp_wins = logprobs[:, begin:].logsumexp(dim=-1) > logprobs[:, :begin].max(dim=-1).values
        logits[:, :begin].masked_fill_(timestamp_wins[:, None], -np.inf)
