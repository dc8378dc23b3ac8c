"""Batched Whisper decoding of speech windows, with fallback, loop repair and word timestamps."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass

import numpy as np
import torch
import whisper
from whisper.audio import HOP_LENGTH, N_FRAMES
from whisper.decoding import DecodingResult, DecodingTask
from whisper.timing import add_word_timestamps
from whisper.tokenizer import Tokenizer, get_tokenizer

from transcribe.audio import SAMPLE_RATE
from transcribe.repetition import collapse_repeats, collapse_word_repeats, is_looping
from transcribe.transcript import Segment, Word
from transcribe.windows import Window

logger = logging.getLogger(__name__)

ProgressHook = Callable[[str, float, float], None]
TIME_PRECISION = 0.02  # seconds per Whisper timestamp token
MIN_TAIL_SPEECH = 0.5  # seconds of speech left undecoded at a window's end that are decoded again
MAX_RESUMES = 2  # how often one stretch of audio is resumed after Whisper stopped early


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
    fp16: bool = False  # half precision (CUDA only)

    def as_record(self) -> dict:
        data = asdict(self)
        data["temperatures"] = list(self.temperatures)
        return data


def _mel_batch(model: whisper.Whisper, audios: list[np.ndarray]) -> torch.Tensor:
    mels = [whisper.log_mel_spectrogram(whisper.pad_or_trim(torch.from_numpy(a)), model.dims.n_mels) for a in audios]
    dtype = torch.float16 if next(model.parameters()).dtype == torch.float16 else torch.float32
    return torch.stack(mels).to(model.device, dtype=dtype)


def detect_language(model: whisper.Whisper, mels: torch.Tensor) -> str:
    """The most probable language over a few windows (Whisper detects per 30 s window)."""
    _, probs = model.detect_language(mels)
    votes = Counter(max(p, key=p.get) for p in probs)
    return votes.most_common(1)[0][0]


def _needs_retry(result: DecodingResult, options: AsrOptions) -> bool:
    if result.no_speech_prob > options.no_speech_threshold and result.avg_logprob < options.logprob_threshold:
        return False  # silence: nothing to retry
    return (
        result.compression_ratio > options.compression_ratio_threshold
        or result.avg_logprob < options.logprob_threshold
        or is_looping(result.tokens, options.max_repeats)
    )


class GroupedDecodingTask(DecodingTask):
    """whisper's DecodingTask with the audio features repeated for each beam or sample, so that beam search
    and best-of-n sampling work on a batch: openai-whisper 20250625 repeats only the tokens (openai/whisper
    PRs #2197, #2389)."""

    def _get_audio_features(self, mel: torch.Tensor) -> torch.Tensor:
        return super()._get_audio_features(mel).repeat_interleave(self.n_group, dim=0)

    def _detect_language(self, audio_features: torch.Tensor, tokens: torch.Tensor):
        return super()._detect_language(audio_features[:: self.n_group], tokens)


def _decode(model: whisper.Whisper, mels: torch.Tensor, decoding: whisper.DecodingOptions) -> list[DecodingResult]:
    """whisper.decode on a batch; with beams or samples through GroupedDecodingTask, and window by window
    should a later openai-whisper make that fix clash with its own."""
    group = max(decoding.beam_size or 1, decoding.best_of or 1)
    if group <= 1 or len(mels) == 1:
        return whisper.decode(model, mels, decoding)
    with torch.no_grad():
        try:
            return GroupedDecodingTask(model, decoding).run(mels)
        except RuntimeError as exc:
            logger.debug("batched beam search failed (%s); decoding window by window", exc)
            features = model.embed_audio(mels)
            return [whisper.decode(model, features[i : i + 1], decoding)[0] for i in range(len(features))]


def decode_with_fallback(
    model: whisper.Whisper, mels: torch.Tensor, language: str | None, options: AsrOptions
) -> list[DecodingResult]:
    """Decode a batch; windows whose output fails the checks are decoded again, together, hotter."""
    results: list[DecodingResult | None] = [None] * len(mels)
    pending = list(range(len(mels)))
    for temperature in options.temperatures:
        decoding = whisper.DecodingOptions(
            task=options.task,
            language=language,
            temperature=temperature,
            beam_size=options.beam_size if temperature == 0 and (options.beam_size or 1) > 1 else None,
            best_of=options.best_of if temperature > 0 else None,
            prompt=options.initial_prompt,
            fp16=options.fp16,
        )
        decoded = _decode(model, mels[pending], decoding)
        for index, result in zip(pending, decoded):
            results[index] = result
        pending = [i for i in pending if _needs_retry(results[i], options)]
        if not pending:
            break
        logger.debug("retrying %d window(s) above temperature %.1f", len(pending), temperature)
    return results


def _is_silence(result: DecodingResult, options: AsrOptions) -> bool:
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
        segment["seek"] = 0
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


def _window_segments(
    model: whisper.Whisper, tokenizer: Tokenizer, window: Window, mel: torch.Tensor, tokens: list[int]
) -> list[Segment]:
    local = split_segments(tokens, tokenizer, window.duration)
    if not local:
        return []
    num_frames = min(N_FRAMES, int(round(window.duration * SAMPLE_RATE / HOP_LENGTH)))
    add_word_timestamps(
        segments=local, model=model, tokenizer=tokenizer, mel=mel, num_frames=num_frames, last_speech_timestamp=0.0
    )
    segments = []
    for seg in local:
        words = [
            Word(
                word=w["word"],
                start=window.to_recording_time(w["start"]),
                end=window.to_recording_time(w["end"]),
                probability=round(float(w["probability"]), 4),
            )
            for w in seg.get("words", [])
        ]
        if not words:
            continue
        segments.append(Segment(start=words[0].start, end=max(w.end for w in words), text=seg["text"], words=words))
    return segments


def transcribe_windows(
    model: whisper.Whisper,
    samples: np.ndarray,
    windows: list[Window],
    options: AsrOptions,
    hook: ProgressHook | None = None,
) -> tuple[list[Segment], str]:
    """Transcribe the windows of one recording in batches; returns segments on its timeline and the language."""
    language = options.language
    if language is None and not model.is_multilingual:
        language = "en"
    total = sum(w.duration for w in windows)
    done = 0.0
    segments: list[Segment] = []
    tokenizer = None
    queue = [(window, 0) for window in windows]  # (window, how often its stretch was resumed)
    for first in range(0, len(windows) + MAX_RESUMES * len(windows), options.batch_size):
        batch = queue[first : first + options.batch_size]
        if not batch:
            break
        mels = _mel_batch(model, [w.audio(samples, SAMPLE_RATE) for w, _ in batch])
        if language is None:
            language = detect_language(model, mels[:4])
            logger.info("detected language: %s", language)
        if tokenizer is None:
            tokenizer = get_tokenizer(
                model.is_multilingual, num_languages=model.num_languages, language=language, task=options.task
            )
        for (window, resumed), mel, result in zip(batch, mels, decode_with_fallback(model, mels, language, options)):
            if not _is_silence(result, options):
                tokens = collapse_repeats(result.tokens, options.max_repeats)
                segments.extend(_window_segments(model, tokenizer, window, mel, tokens))
                tail = unfinished_tail(window, tokens, tokenizer) if resumed < MAX_RESUMES else None
                if tail is not None:  # decoded with the next batch
                    queue.append((tail, resumed + 1))
            if not resumed:
                done += window.duration
                if hook:
                    hook("transcribe", done, total)
    segments.sort(key=lambda segment: segment.start)
    return collapse_word_repeats(segments, options.max_repeats), language or "en"
