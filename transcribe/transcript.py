"""The word and segment records, for transcribe/asr.py, which imports them from here; they live in
transcribe.study.transcript. This file goes once asr.py imports them from there."""

from transcribe.study.transcript import Segment, Word

__all__ = ["Segment", "Word"]
