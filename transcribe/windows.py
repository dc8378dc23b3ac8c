"""Packing speech regions into decoding windows of at most 30 s, and mapping times back.

Silence longer than `max_gap` between regions is shortened to `max_gap` inside a window, so a window
holds as much speech as possible; each window keeps the pieces it was cut from so that any time inside
it maps back onto the recording's own timeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Region:
    start: float  # seconds on the recording
    end: float


@dataclass(frozen=True)
class Piece:
    offset: float  # where the piece starts inside the window, seconds
    start: float  # where it starts on the recording, seconds
    duration: float


@dataclass
class Window:
    pieces: list[Piece] = field(default_factory=list)

    @property
    def duration(self) -> float:
        return self.pieces[-1].offset + self.pieces[-1].duration if self.pieces else 0.0

    @property
    def start(self) -> float:
        return self.pieces[0].start

    @property
    def end(self) -> float:
        last = self.pieces[-1]
        return last.start + last.duration

    def to_recording_time(self, t: float) -> float:
        """Map a time inside the window to the recording's timeline (gaps snap to the nearer edge)."""
        best = self.pieces[0]
        for piece in self.pieces:
            if piece.offset <= t:
                best = piece
        local = min(max(t - best.offset, 0.0), best.duration)
        return round(float(best.start + local), 3)

    def span_to_recording(self, start: float, end: float) -> tuple[float, float]:
        """Map a word's span inside the window to the recording's timeline, kept inside the one piece it
        overlaps most: a word that runs over a shortened gap would otherwise span the whole silence (a word
        said before a 45-s pause and aligned a little into it lasted 73 s)."""
        overlaps = [min(end, p.offset + p.duration) - max(start, p.offset) for p in self.pieces]
        best = max(range(len(self.pieces)), key=overlaps.__getitem__)
        if overlaps[best] > 0:
            piece = self.pieces[best]
            start, end = max(start, piece.offset), min(end, piece.offset + piece.duration)
        return self.to_recording_time(start), self.to_recording_time(end)

    @property
    def speech(self) -> float:
        """Seconds of speech in the window (its pieces, without the gaps between them)."""
        return sum(piece.duration for piece in self.pieces)

    def tail(self, t: float) -> Window | None:
        """The part of the window after time t (window time), as a window of its own; None when empty."""
        kept = [
            Piece(max(p.offset - t, 0.0), p.start + max(t - p.offset, 0.0), p.duration - max(t - p.offset, 0.0))
            for p in self.pieces
            if p.offset + p.duration > t
        ]
        if not kept:
            return None
        shift = kept[0].offset  # no leading silence
        return Window([Piece(p.offset - shift, p.start, p.duration) for p in kept])

    def audio(self, samples: np.ndarray, sample_rate: int) -> np.ndarray:
        """The window's audio: its pieces, cut from the recording, with shortened gaps kept as silence."""
        out = np.zeros(int(round(self.duration * sample_rate)), dtype=np.float32)
        for piece in self.pieces:
            src = samples[int(piece.start * sample_rate) : int((piece.start + piece.duration) * sample_rate)]
            at = int(round(piece.offset * sample_rate))
            out[at : at + len(src)] = src[: len(out) - at]
        return out


def split_long_regions(regions: list[Region], max_length: float) -> list[Region]:
    """Cut any region longer than max_length into equal parts (the VAD already cut at pauses when it could)."""
    out: list[Region] = []
    for region in regions:
        length = region.end - region.start
        parts = max(1, int(np.ceil(length / max_length - 1e-9)))
        step = length / parts
        out.extend(Region(region.start + i * step, region.start + (i + 1) * step) for i in range(parts))
    return out


def pack_windows(regions: list[Region], max_window: float = 30.0, max_gap: float = 1.0) -> list[Window]:
    """Group consecutive speech regions into windows no longer than max_window seconds."""
    windows: list[Window] = []
    current = Window()
    previous_end = None
    for region in split_long_regions(regions, max_window):
        length = region.end - region.start
        gap = 0.0 if previous_end is None else min(region.start - previous_end, max_gap)
        if current.pieces and current.duration + gap + length > max_window:
            windows.append(current)
            current, gap = Window(), 0.0
        current.pieces.append(
            Piece(offset=current.duration + gap if current.pieces else 0.0, start=region.start, duration=length)
        )
        previous_end = region.end
    if current.pieces:
        windows.append(current)
    return windows
