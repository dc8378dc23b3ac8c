"""One recording → its transcript: audio → speech → words → speakers, with a loaded Whisper model.

What shapes a transcript (the options' record) is also what decides whether a recording is done.
"""

from __future__ import annotations

import json
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import numpy as np

from transcribe import __version__
from transcribe.asr import AsrOptions, ProgressHook, transcribe_windows
from transcribe.checkpoints import ResolvedModel, checkpoint_path_for, checksum_of
from transcribe.diarise import DiariseOptions, by_channels, diarise, voice_windows
from transcribe.engines import Engine, load_engine
from transcribe.speech import Speech, VadOptions, find_speech
from transcribe.study.layout import StudyFolder
from transcribe.study.transcript import Diarisation, ModelInfo, Segment, Source, Transcript
from transcribe.windows import Region, pack_windows

RUN_ONLY = ("batch_size",)  # decoding options that change how a run executes, not what it writes


def output_identity(record: dict) -> dict:
    """A transcription record without how the run executed: what must match for a transcript to be done
    (older transcripts recorded the batch size there too)."""
    return {**record, "asr": {k: v for k, v in record.get("asr", {}).items() if k not in RUN_ONLY}}


@dataclass
class TranscribeOptions:
    asr: AsrOptions = field(default_factory=AsrOptions)  # decoding
    vad: VadOptions = field(default_factory=VadOptions)  # speech detection
    max_gap: float = 1.0  # longest pause kept inside a decoding window, seconds
    diarise: DiariseOptions | None = field(default_factory=DiariseOptions)  # None: no speakers

    def as_record(self) -> dict:
        """What shapes the output, as transcripts record it (and compare it to find a recording done)."""
        record = {
            "asr": self.asr.as_record(),
            "vad": asdict(self.vad),
            "max_gap": self.max_gap,
            "diarise": asdict(self.diarise) if self.diarise else None,
        }
        return output_identity(record)

    @property
    def channels(self) -> tuple[str, ...]:
        """The role of each channel transcribed on its own (diarising by channels); empty: one mono mix."""
        return self.diarise.channels if self.diarise else ()


def transcribe_audio(
    model, samples: np.ndarray, regions: list[Region], options: TranscribeOptions, hook: ProgressHook | None = None
) -> tuple[list[Segment], str]:
    """Speech regions → windows → batched Whisper → segments on the recording's timeline."""
    windows = pack_windows(regions, max_gap=options.max_gap)
    if not windows:
        return [], options.asr.language or "en"
    return transcribe_windows(model, samples, windows, options.asr, hook)


@dataclass
class Job:
    """A recording to transcribe."""

    recording: Path
    stem: str  # file names of its outputs under identified/
    checksum: str

    def json_path(self, output_dir: Path) -> Path:
        return StudyFolder(output_dir).transcript_json(self.stem)


@dataclass
class LoadedModel:
    """A Whisper model loaded into its decoding engine on the run's device, and what transcripts record of it."""

    engine: Engine  # openai-whisper or CTranslate2 (transcribe.engines)
    info: ModelInfo
    device: str  # "cpu" or "cuda"


def load_model(resolved: ResolvedModel, device: str, engine: str = "auto") -> LoadedModel:
    """Load a resolved checkpoint into the engine asked for (`auto`: picked for the device); its checksum goes
    into every transcript."""
    path = checkpoint_path_for(resolved)
    info = ModelInfo(name=resolved.name, path=str(path) if path else None, sha256=checksum_of(path) if path else None)
    return LoadedModel(load_engine(resolved, device, engine), info, device)


class Transcriber:
    """A loaded model and the run's options: one recording's audio → speech → words → speakers → transcript."""

    def __init__(
        self,
        model: LoadedModel,
        options: TranscribeOptions,
        voices: list[np.ndarray] | None = None,
        voice_files: list[str] | None = None,
    ):
        engine = model.engine  # the transcripts record the engine that decoded, and its precision
        self.options = replace(options, asr=replace(options.asr, engine=engine.name, compute_type=engine.compute_type))
        self.voices = voices or []  # enrolled interviewer voice embeddings
        self.voice_files = voice_files or []  # where they came from, as the transcripts record it
        self.model, self.model_info, self.device = engine, model.info, model.device
        self._voices_worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="voices")

    @property
    def options_record(self) -> dict:
        """The options as they read back from the transcript's JSON (tuples become lists)."""
        return json.loads(json.dumps({**self.options.as_record(), "interviewer_voices": self.voice_files}))

    def prepare(self, job: Job) -> Speech:
        """The CPU part before Whisper: decode the recording once, in the run's channel layout, and find the
        speech in each channel (run ahead in a worker)."""
        return find_speech(job.recording, len(self.options.channels) or 1, self.options.vad, self.device)

    def transcribe_job(self, job: Job, hook: ProgressHook | None = None, prepared: Speech | None = None) -> Transcript:
        """Speech → words → speakers → the recording's transcript."""
        speech = prepared or self.prepare(job)
        transcribe = self._by_channels if self.options.channels else self._mono
        segments, language, diarisation = transcribe(speech, hook)
        return Transcript(
            source=Source(path=str(job.recording), sha256=job.checksum, duration=round(speech.duration, 3)),
            model=self.model_info,
            options={
                "transcription": self.options_record,
                "device": self.device,
                "batch_size": self.options.asr.batch_size,
            },
            segments=segments,
            language=language,
            tool_version=__version__,
            diarisation=diarisation,
        )

    def _mono(self, speech: Speech, hook: ProgressHook | None) -> tuple[list[Segment], str, Diarisation | None]:
        samples, regions = speech.audio[0], speech.regions[0]
        windows = self._embed_beside_decoding(samples, regions)
        segments, language = transcribe_audio(self.model, samples, regions, self.options, hook)
        if self.options.diarise is None or not segments:
            return segments, language, None
        embedded = windows.result() if windows else None
        out = diarise(samples, regions, segments, self.options.diarise, self.voices, self.device, embedded)
        return out.turns, language, out.diarisation

    def _embed_beside_decoding(self, samples: np.ndarray, regions: list[Region]) -> Future | None:
        """Start embedding the voice windows in a worker while Whisper decodes (they need the audio, not the
        words), where the engine leaves cores to it: beside openai-whisper on a CPU, PyTorch's threads stall
        (tiny, 2 minutes: 91 s instead of about 12)."""
        diarising = self.options.diarise
        if diarising is None or diarising.pyannote or not self.model.leaves_cores:
            return None
        return self._voices_worker.submit(voice_windows, samples, regions, diarising, self.device)

    def _by_channels(self, speech: Speech, hook: ProgressHook | None) -> tuple[list[Segment], str, Diarisation]:
        """Each channel transcribed on its own, its words given the channel's role."""
        per_channel, language = [], None
        for channel, regions in zip(speech.audio, speech.regions):
            segments, language = transcribe_audio(self.model, channel, regions, self.options, hook)
            per_channel.append(segments)
        out = by_channels(per_channel, speech.audio, self.options.diarise)
        return out.turns, language, out.diarisation
