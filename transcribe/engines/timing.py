"""Word timings from a window's token alignment: openai-whisper's rules (whisper.timing), shared by every
engine so that words come out alike whichever engine aligned the tokens."""

from __future__ import annotations

import numpy as np
from whisper.audio import TOKENS_PER_SECOND
from whisper.timing import WordTiming, merge_punctuations
from whisper.tokenizer import Tokenizer

from transcribe.engines.base import Alignment

PREPEND_PUNCTUATION = "\"'“¿([{-"  # joined to the word after it
APPEND_PUNCTUATION = "\"'.。,，!！?？:：”)]}、"  # joined to the word before it
SENTENCE_END = ".。!！?？"


def word_timings(alignment: Alignment, text_tokens: list[int], tokenizer: Tokenizer) -> list[WordTiming]:
    """Each word's start and end (seconds into the window) and mean token probability."""
    words, word_tokens = tokenizer.split_to_word_tokens(text_tokens + [tokenizer.eot])
    if len(word_tokens) <= 1:
        return []
    boundaries = np.pad(np.cumsum([len(t) for t in word_tokens[:-1]]), (1, 0))
    jumps = np.pad(np.diff(alignment.text_indices), (1, 0), constant_values=1).astype(bool)
    jump_times = np.asarray(alignment.time_indices)[jumps] / TOKENS_PER_SECOND
    starts, ends = jump_times[boundaries[:-1]], jump_times[boundaries[1:]]
    probabilities = [np.mean(alignment.token_probs[i:j]) for i, j in zip(boundaries[:-1], boundaries[1:])]
    return [
        WordTiming(word, tokens, float(start), float(end), float(probability))
        for word, tokens, start, end, probability in zip(words, word_tokens, starts, ends, probabilities)
    ]


def _limit_sentence_edges(timings: list[WordTiming]) -> tuple[float, float]:
    """Words at sentence ends may not be longer than twice the median word; returns (median, maximum)."""
    durations = np.array([t.end - t.start for t in timings])
    durations = durations[durations.nonzero()]
    median = min(0.7, float(np.median(durations))) if len(durations) else 0.0
    longest = median * 2
    if len(durations):
        for i in range(1, len(timings)):
            if timings[i].end - timings[i].start > longest:
                if timings[i].word in SENTENCE_END:
                    timings[i].end = timings[i].start + longest
                elif timings[i - 1].word in SENTENCE_END:
                    timings[i].start = timings[i].end - longest
    return median, longest


def _fit_segment_edges(segment: dict, words: list[dict], median: float, longest: float, last_speech: float) -> None:
    """whisper's fixes at a segment's edges: a first word after a pause is not stretched over the pause, and
    the segment's own timestamps win over a first or last word that runs far past them."""
    if words[0]["end"] - last_speech > median * 4 and (
        words[0]["end"] - words[0]["start"] > longest
        or (len(words) > 1 and words[1]["end"] - words[0]["start"] > longest * 2)
    ):
        if len(words) > 1 and words[1]["end"] - words[1]["start"] > longest:
            boundary = max(words[1]["end"] / 2, words[1]["end"] - longest)
            words[0]["end"] = words[1]["start"] = boundary
        words[0]["start"] = max(0, words[0]["end"] - longest)
    if segment["start"] < words[0]["end"] and segment["start"] - 0.5 > words[0]["start"]:
        words[0]["start"] = max(0, min(words[0]["end"] - median, segment["start"]))
    else:
        segment["start"] = words[0]["start"]
    if segment["end"] > words[-1]["start"] and segment["end"] + 0.5 < words[-1]["end"]:
        words[-1]["end"] = max(words[-1]["start"] + median, segment["end"])
    else:
        segment["end"] = words[-1]["end"]


def add_word_timestamps(segments: list[dict], timings: list[WordTiming], tokenizer: Tokenizer) -> None:
    """Give each of a window's segments (dicts with start, end, tokens) its `words`, from the window's word
    timings, as whisper.timing.add_word_timestamps does (times local to the window)."""
    median, longest = _limit_sentence_edges(timings)
    merge_punctuations(timings, PREPEND_PUNCTUATION, APPEND_PUNCTUATION)
    index, last_speech = 0, 0.0
    for segment in segments:
        text_tokens = [token for token in segment["tokens"] if token < tokenizer.eot]
        saved, words = 0, []
        while index < len(timings) and saved < len(text_tokens):
            timing = timings[index]
            if timing.word:
                words.append(
                    {
                        "word": timing.word,
                        "start": round(timing.start, 2),
                        "end": round(timing.end, 2),
                        "probability": timing.probability,
                    }
                )
            saved += len(timing.tokens)
            index += 1
        if words:
            _fit_segment_edges(segment, words, median, longest, last_speech)
            last_speech = segment["end"]
        segment["words"] = words
