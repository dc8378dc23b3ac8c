"""Batched Whisper decoding of speech windows, with fallback, loop repair and word timestamps, the same
whatever the engine (transcribe.engines) that encodes, decodes and aligns the windows."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass

import numpy as np
from whisper.audio import HOP_LENGTH, N_FRAMES
from whisper.tokenizer import Tokenizer

from transcribe.audio import SAMPLE_RATE
from transcribe.engines.base import Decoded, DecodeSettings, Engine, tokenizer_for
from transcribe.engines.timing import add_word_timestamps, word_timings
from transcribe.memory import trim_if_grown
from transcribe.repetition import collapse_repeats, collapse_word_repeats, is_looping
from transcribe.study.transcript import Segment, Word
from transcribe.windows import Piece, Window

logger = logging.getLogger(__name__)

ProgressHook = Callable[[str, float, float], None]
TIME_PRECISION = 0.02  # seconds per Whisper timestamp token
MIN_TAIL_SPEECH = 0.5  # seconds of speech left undecoded at a window's end that are decoded again
MAX_RESUMES = 2  # how often one stretch of audio is resumed after Whisper stopped early
TAIL_GAP = 1.0  # seconds of silence between two unfinished tails packed into one window


@dataclass
class AsrOptions:
    language: str | None = None  # ISO code, or None to detect once per recording
    task: str = "transcribe"  # or "translate" (into English)
    batch_size: int = 8  # windows decoded together
    beam_size: int | None = 5  # beam search width at temperature 0 (whisper's CLI default); None or 1: greedy
    best_of: int | None = 5  # samples drawn when a window is retried at a higher temperature
    temperatures: tuple[float, ...] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)  # fallback ladder
    compression_ratio_threshold: float = 2.4  # above: output too repetitive, retry hotter
    logprob_threshold: float = -1.0  # below: output unlikely, retry hotter
    no_speech_threshold: float = 0.6  # above (with low logprob): the window is silence
    max_repeats: int = 3  # a phrase repeated more often in a row is a loop: retry, then collapse
    initial_prompt: str | None = None  # vocabulary hint given to every window (names, jargon)
    engine: str = "auto"  # decoding engine: auto, whisper or ctranslate2; once loaded, the one used
    compute_type: str | None = None  # the engine's precision (float32, float16, int8); set when it is loaded

    def as_record(self) -> dict:
        data = asdict(self)
        data["temperatures"] = list(self.temperatures)
        return data


def _needs_retry(result: Decoded, options: AsrOptions) -> bool:
    if _is_silence(result, options):
        return False  # silence: nothing to retry
    return (
        result.compression_ratio > options.compression_ratio_threshold
        or result.avg_logprob < options.logprob_threshold
        or is_looping(result.tokens, options.max_repeats)
    )


def decode_with_fallback(
    engine: Engine, encoded: object, count: int, language: str, options: AsrOptions
) -> list[Decoded]:
    """Decode a batch of encoded windows; those whose output fails the checks are decoded again, together,
    hotter."""
    results: list[Decoded | None] = [None] * count
    pending = list(range(count))
    for temperature in options.temperatures:
        settings = DecodeSettings(
            language=language,
            task=options.task,
            temperature=temperature,
            beam_size=options.beam_size or 1,
            best_of=options.best_of or 1,
            prompt=options.initial_prompt,
        )
        for index, result in zip(pending, engine.decode(encoded, pending, settings)):
            results[index] = result
        pending = [i for i in pending if _needs_retry(results[i], options)]
        if not pending:
            break
        logger.debug("retrying %d window(s) above temperature %.1f", len(pending), temperature)
    return results


def _is_silence(result: Decoded, options: AsrOptions) -> bool:
    return result.no_speech_prob > options.no_speech_threshold and result.avg_logprob < options.logprob_threshold


def split_segments(tokens: list[int], tokenizer: Tokenizer, window_duration: float) -> list[dict]:
    """Cut a window's tokens into segments at Whisper's timestamp pairs (times local to the window)."""
    begin = tokenizer.timestamp_begin
    segments: list[dict] = []
    current: list[int] = []
    start = None
    for token in tokens:
        if token >= begin:
            stamp = (token - begin) * TIME_PRECISION
            if start is None:
                start = stamp
            elif current:
                segments.append({"start": start, "end": stamp, "tokens": current})
                current, start = [], None
            else:
                start = stamp
        else:
            current.append(token)
            start = 0.0 if start is None else start
    if current:
        segments.append({"start": start or 0.0, "end": window_duration, "tokens": current})
    for segment in segments:
        segment["end"] = min(max(segment["end"], segment["start"]), window_duration)
        segment["text"] = tokenizer.decode(segment["tokens"])
    return [s for s in segments if s["text"].strip()]


def decoded_until(tokens: list[int], tokenizer: Tokenizer, window_duration: float) -> float:
    """How far into its window Whisper's output reaches. Output ending in two timestamps (a segment's end
    and the next one's start) means Whisper stopped before the audio did: openai-whisper's transcribe then
    seeks there and decodes the rest, and so do we (else the window's last sentence is lost)."""
    begin = tokenizer.timestamp_begin
    if len(tokens) >= 2 and tokens[-1] >= begin and tokens[-2] >= begin:
        return min((tokens[-1] - begin) * TIME_PRECISION, window_duration)
    return window_duration


def unfinished_tail(window: Window, tokens: list[int], tokenizer: Tokenizer) -> Window | None:
    """The speech after where Whisper stopped, as a window to decode again; None when nothing is left."""
    tail = window.tail(decoded_until(tokens, tokenizer, window.duration))
    return tail if tail is not None and tail.speech >= MIN_TAIL_SPEECH else None


@dataclass
class Pending:
    """A window waiting to be decoded."""

    window: Window  # its audio
    resumed: int = 0  # how often its stretch was resumed after Whisper stopped early
    cuts: tuple[float, ...] = ()  # window times where a packed tail starts: no segment runs across one


def pack_tails(tails: list[Pending], max_duration: float = 30.0) -> list[Pending]:
    """Unfinished tails packed in order into as few windows as fit: a tail is short (the speech after where
    Whisper stopped), and every window costs a whole 30-second encoder pass."""
    packed: list[Pending] = []
    for tail in tails:
        last = packed[-1] if packed else None
        if last and last.window.duration + TAIL_GAP + tail.window.duration <= max_duration:
            shift = last.window.duration + TAIL_GAP
            pieces = [*last.window.pieces, *(Piece(p.offset + shift, p.start, p.duration) for p in tail.window.pieces)]
            packed[-1] = Pending(Window(pieces), max(last.resumed, tail.resumed), (*last.cuts, shift))
        else:
            packed.append(tail)
    return packed


def _words(window: Window, segment: dict) -> list[Word]:
    words = []
    for w in segment.get("words", []):
        start, end = window.span_to_recording(w["start"], w["end"])
        words.append(Word(word=w["word"], start=start, end=end, probability=round(float(w["probability"]), 4)))
    return words


def _on_timeline(pending: Pending, local: list[dict]) -> list[Segment]:
    """A window's segments with their words moved onto the recording's timeline; a segment that runs across
    two packed tails (far apart in the recording) is cut in two."""
    segments = []
    for seg in local:
        words = _words(pending.window, seg)
        runs = np.searchsorted(pending.cuts, [w["start"] for w in seg.get("words", [])], side="right")
        if len(set(runs.tolist())) > 1:
            segments += [Segment.of_words([w for w, r in zip(words, runs) if r == run]) for run in sorted(set(runs))]
        elif words:
            segments.append(Segment(start=words[0].start, end=max(w.end for w in words), text=seg["text"], words=words))
    return segments


def batch_segments(
    engine: Engine, tokenizer: Tokenizer, encoded: object, decoded: list[tuple[int, Pending, list[int]]]
) -> list[Segment]:
    """Segments with timed words for decoded windows, given as (index in the batch, window, tokens): the
    windows' text tokens are aligned together, from the encoder output that decoding used."""
    local = [split_segments(tokens, tokenizer, pending.window.duration) for _, pending, tokens in decoded]
    todo = [k for k, segments in enumerate(local) if segments]
    if not todo:
        return []
    texts = [[t for segment in local[k] for t in segment["tokens"] if t < tokenizer.eot] for k in todo]
    frames = [min(N_FRAMES, int(round(decoded[k][1].window.duration * SAMPLE_RATE / HOP_LENGTH))) for k in todo]
    indices = [decoded[k][0] for k in todo]
    alignments = engine.align(encoded, indices, list(tokenizer.sot_sequence), texts, frames)
    segments = []
    for k, alignment, text in zip(todo, alignments, texts):
        add_word_timestamps(local[k], word_timings(alignment, text, tokenizer), tokenizer)
        segments.extend(_on_timeline(decoded[k][1], local[k]))
    return segments


def transcribe_windows(
    engine: Engine,
    samples: np.ndarray,
    windows: list[Window],
    options: AsrOptions,
    hook: ProgressHook | None = None,
) -> tuple[list[Segment], str]:
    """Transcribe the windows of one recording in batches; returns segments on its timeline and the language.
    Each batch is encoded once; its encoder output serves decoding, fallback and word alignment."""
    language = options.language or (None if engine.is_multilingual else "en")
    total = sum(w.duration for w in windows)
    done = 0.0
    segments: list[Segment] = []
    queue = [Pending(window) for window in windows]
    position = 0
    while position < len(queue):
        batch = queue[position : position + options.batch_size]
        position += len(batch)
        encoded = engine.encode([pending.window.audio(samples, SAMPLE_RATE) for pending in batch])
        if language is None:
            language = engine.detect_language(encoded, 4)
            logger.info("detected language: %s", language)
        tokenizer = tokenizer_for(engine, language, options.task)
        decoded, tails = [], []
        for index, (pending, result) in enumerate(
            zip(batch, decode_with_fallback(engine, encoded, len(batch), language, options))
        ):
            if not _is_silence(result, options):
                tokens = collapse_repeats(result.tokens, options.max_repeats)
                decoded.append((index, pending, tokens))
                tail = unfinished_tail(pending.window, tokens, tokenizer) if pending.resumed < MAX_RESUMES else None
                if tail is not None:
                    tails.append(Pending(tail, pending.resumed + 1))
            if not pending.resumed:
                done += pending.window.duration
        queue.extend(pack_tails(tails))  # decoded with the next batch
        segments.extend(batch_segments(engine, tokenizer, encoded, decoded))
        del encoded
        trim_if_grown()
        if hook:
            hook("transcribe", done, total)
    segments.sort(key=lambda segment: segment.start)
    return collapse_word_repeats(segments, options.max_repeats), language or "en"
