"""Diarisation on real recordings with the offline models."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import jiwer
import numpy as np
import pytest
from whisper.normalizers import EnglishTextNormalizer

from transcribe.audio import load_audio
from transcribe.batch import plan_jobs
from transcribe.diarise import DiariseOptions, diarise
from transcribe.encoders import voice_encoder

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
normalise = EnglishTextNormalizer()


def asr(transcriber, path: Path):
    """The recording's audio, its speech regions and its words (with the run's options)."""
    job = plan_jobs([path])[0][0]
    speech = transcriber.prepare(job)
    return speech.audio[0], speech.regions[0], transcriber.transcribe_job(job, prepared=speech).segments


def text_of(turns, speaker):
    return normalise(" ".join(t.text for t in turns if t.speaker == speaker))


def test_stereo_channels_give_two_speakers_with_their_words(data_dir):
    from transcribe.asr import AsrOptions
    from transcribe.checkpoints import resolve_model
    from transcribe.transcriber import TranscribeOptions, Transcriber, load_model

    path = data_dir / "faster_whisper_stereo" / "stereo_diarization.wav"
    transcriber = Transcriber(
        load_model(resolve_model("tiny.en"), "cpu"),
        TranscribeOptions(
            asr=AsrOptions(language="en"), diarise=DiariseOptions(channels=("interviewer", "participant"))
        ),
    )
    transcript = transcriber.transcribe_job(plan_jobs([path])[0][0])
    turns = transcript.segments
    assert (transcript.diarisation.diariser, transcript.diarisation.roles_by) == ("channels", "channels")
    left = "He began a confused complaint against the wizard, who had vanished behind the curtain on the left."
    right = "The horizon seems extremely distant."
    assert jiwer.wer(normalise(left), text_of(turns, "Interviewer")) < 0.25
    assert jiwer.wer(normalise(right), text_of(turns, "Participant")) < 0.25


def test_one_voice_gives_one_speaker(tiny_transcriber, data_dir, tmp_path):
    from eval_diarisation import single_speaker_recording

    path = single_speaker_recording(tmp_path)
    samples, regions, segments = asr(tiny_transcriber, path)
    turns = diarise(samples, regions, segments, DiariseOptions()).turns
    assert {t.speaker for t in turns} == {"Participant"}


@pytest.fixture(scope="module")
def interview(tiny_transcriber, data_dir, tmp_path_factory):
    from synthetic_interviews import PAIRS, build_interview

    case = build_interview(tmp_path_factory.mktemp("synthetic"), *PAIRS[0], minutes=1.5, seed=3)
    samples, regions, segments = asr(tiny_transcriber, case.audio)
    return case, samples, regions, segments


def _speaker_at(case, t):
    return min(
        case.turns, key=lambda turn: 0 if turn.start <= t <= turn.end else min(abs(t - turn.start), abs(t - turn.end))
    ).speaker


@pytest.mark.parametrize("encoder", ["campplus", "resemblyzer"])
def test_enrolment_picks_the_interviewer(interview, encoder):
    case, samples, regions, segments = interview
    voices = [voice_encoder(encoder).embed_voice(load_audio(case.enrolment))]
    out = diarise(samples, regions, segments, DiariseOptions(encoder=encoder), voices)
    assert out.diarisation.roles_by == "enrolment"
    turns = out.turns
    pairs = [(_speaker_at(case, (w.start + w.end) / 2), w.speaker) for t in turns for w in t.words]
    counts = Counter(pairs)
    right = counts[("interviewer", "Interviewer")] + counts[("participant", "Participant")]
    assert right / len(pairs) >= 0.95  # word diarisation error rate at most 5 % on this 90 s interview
    for turn in turns:  # every turn is one speaker's: the words of a turn share its label
        assert {w.speaker for w in turn.words} == {turn.speaker}


def test_enrolment_of_someone_absent_matches_nobody(interview):
    from synthetic_interviews import clips_by_speaker

    case, samples, regions, segments = interview  # librivox reader and LJSpeech; this voice speaks in neither
    absent = load_audio(clips_by_speaker()["speechbrain_spk2"][0])
    out = diarise(samples, regions, segments, DiariseOptions(), [voice_encoder().embed_voice(absent)])
    assert out.diarisation.roles_by == "heuristic"


def test_real_interview_with_the_default_model_gets_words_and_roles_right(data_dir):
    """The 1949 interview (degraded disc, the interviewer speaks about a tenth of it) with base's words:
    base runs sentences of both speakers together and times words loosely; turns must still be right."""
    from eval_diarisation import wder_1949

    from transcribe.asr import AsrOptions
    from transcribe.checkpoints import resolve_model
    from transcribe.transcriber import TranscribeOptions, Transcriber, load_model

    transcriber = Transcriber(
        load_model(resolve_model("base"), "cpu"),
        TranscribeOptions(asr=AsrOptions(language="en"), diarise=DiariseOptions()),
    )
    path = data_dir / "loc_fountain_hughes_interview_1949" / "real-world-fountain-hughes-interview.mp3"
    transcript = transcriber.transcribe_job(plan_jobs([path])[0][0])
    wrong_speaker_share, interviewer_right = wder_1949(transcript.segments)
    assert interviewer_right
    assert wrong_speaker_share <= 0.05  # 1.6 % measured; the unit-based method before gave 25 % and swapped roles


class TruthPipeline:
    """Stands in for a pyannote.audio pipeline (none can be downloaded here): answers with the true turns."""

    def __init__(self, case):
        self.case, self.calls = case, []

    def __call__(self, audio, **bounds):
        from pyannote.core import Annotation
        from pyannote.core import Segment as Span

        self.calls.append((audio["sample_rate"], tuple(audio["waveform"].shape), bounds))
        annotation = Annotation()
        for turn in self.case.turns:
            annotation[Span(turn.start, turn.end)] = {"interviewer": "SPEAKER_01", "participant": "SPEAKER_00"}[
                turn.speaker
            ]
        return annotation


def test_pyannote_backend_turns_words_and_enrolment(interview, tmp_path, monkeypatch):
    import types

    from transcribe import pyannote_backend

    case, samples, regions, segments = interview
    pipeline = TruthPipeline(case)
    loaded = []
    fake = types.ModuleType("pyannote.audio")
    fake.Pipeline = types.SimpleNamespace(from_pretrained=lambda config: loaded.append(config) or pipeline)
    monkeypatch.setitem(sys.modules, "pyannote.audio", fake)
    monkeypatch.delenv("PYANNOTE_METRICS_ENABLED", raising=False)
    pyannote_backend._pipeline.cache_clear()
    (tmp_path / "config.yaml").write_text("pipeline: {}\n")
    voices = [voice_encoder().embed_voice(load_audio(case.enrolment))]
    try:
        out = diarise(samples, regions, segments, DiariseOptions(pyannote=str(tmp_path), speakers=2), voices)
    finally:
        pyannote_backend._pipeline.cache_clear()
    assert loaded == [str(tmp_path / "config.yaml")]
    assert pipeline.calls == [(16000, (1, len(samples)), {"num_speakers": 2})]
    assert os.environ["PYANNOTE_METRICS_ENABLED"] == "0"
    assert (out.diarisation.diariser, out.diarisation.roles_by) == ("pyannote", "enrolment")
    turns = out.turns
    pairs = [(_speaker_at(case, (w.start + w.end) / 2), w.speaker) for t in turns for w in t.words]
    right = sum(
        1 for truth, said in pairs if said == {"interviewer": "Interviewer", "participant": "Participant"}[truth]
    )
    assert right / len(pairs) >= 0.98  # the true turns, given to words by overlap


def test_pyannote_backend_missing_is_a_clear_error(tmp_path, monkeypatch):
    from transcribe import pyannote_backend
    from transcribe.errors import ModelError, OptionError

    monkeypatch.setitem(sys.modules, "pyannote.audio", None)  # import fails as when not installed
    pyannote_backend._pipeline.cache_clear()
    (tmp_path / "config.yaml").write_text("pipeline: {}\n")
    with pytest.raises(ModelError, match="pip install pyannote.audio"):
        pyannote_backend.pyannote_turns(np.zeros(16000, dtype=np.float32), str(tmp_path), 2, 1, 2)
    with pytest.raises(OptionError, match="^pyannote: .* not found"):
        pyannote_backend.pyannote_turns(np.zeros(16000, dtype=np.float32), str(tmp_path / "nowhere"), 2, 1, 2)


def test_campplus_batched_over_stretches_gives_the_windows_of_each_stretch_alone(interview):
    """The GPU path (stretches of unequal length padded into one batch) on real speech, run on the CPU: the
    same windows and embeddings as one stretch at a time."""
    from transcribe.encoders import CamPlusPlus, embed_windows

    _, samples, regions, _ = interview
    encoder = CamPlusPlus("cpu")
    alone_centres, alone = embed_windows(encoder, samples, regions, 2.0)
    encoder.batch_samples = 10**9  # every stretch in one padded batch
    batched_centres, batched = embed_windows(encoder, samples, regions, 2.0)
    assert len({round(r.end - r.start, 1) for r in regions}) > 3  # stretches of unequal length
    assert np.array_equal(alone_centres, batched_centres)
    assert np.abs(alone - batched).max() < 1e-4
    assert len(alone) > 50


def test_filterbanks_in_threads_are_those_of_each_stretch_alone(interview):
    """The GPU machine computes a batch's filterbanks in threads: the same features, in order, as one by one."""
    from transcribe.encoders import CamPlusPlus, filterbanks_of

    _, samples, regions, _ = interview
    stretches = [samples[int(r.start * 16000) : int(r.end * 16000)] for r in regions]
    threaded = filterbanks_of(stretches, workers=3)
    assert len(stretches) > 5
    for stretch, feats in zip(stretches, threaded, strict=True):
        assert np.array_equal(feats, CamPlusPlus.filterbanks(stretch))


def _campplus_feats(samples, regions):
    from transcribe.encoders import CamPlusPlus

    region = max(regions, key=lambda r: r.end - r.start)
    feats = CamPlusPlus.filterbanks(samples[int(region.start * 16000) : int(region.end * 16000)])
    return feats - feats.mean(axis=0)


def test_campplus_in_onnx_runtime_gives_pytorchs_frames_once_exported(interview, tmp_path, monkeypatch):
    """On a CPU CAM++ runs in ONNX Runtime: exported once into the models folder, the same frames as PyTorch
    on real speech, and the export reused by the next run."""
    import torch

    from transcribe.campplus_batch import frame_network
    from transcribe.encoders import CamPlusPlus

    monkeypatch.setenv("INTERVIEW_SCRIBE_MODELS", str(tmp_path))
    _, samples, regions, _ = interview
    feats = _campplus_feats(samples, regions)
    encoder = CamPlusPlus("cpu")
    in_onnx = encoder._frames(feats)
    exported = list((tmp_path / "campplus").iterdir())
    assert [p.suffix for p in exported] == [".onnx"] and encoder._onnx_frames is not None
    in_torch = frame_network(encoder.model, torch.from_numpy(feats)[None])[0]
    assert in_onnx.shape == in_torch.shape and len(feats) > 300
    assert (in_onnx - in_torch).abs().max() < 1e-3 * in_torch.abs().max()
    made = exported[0].stat().st_mtime_ns
    assert CamPlusPlus("cpu")._onnx_frames is not None and exported[0].stat().st_mtime_ns == made


def test_campplus_stays_in_pytorch_where_it_cannot_be_exported(interview, tmp_path, monkeypatch):
    from transcribe.encoders import CamPlusPlus

    monkeypatch.setenv("INTERVIEW_SCRIBE_MODELS", str(tmp_path))
    monkeypatch.setitem(sys.modules, "onnx", None)  # the exporter's import fails, as without the package
    _, samples, regions, _ = interview
    encoder = CamPlusPlus("cpu")
    frames = encoder._frames(_campplus_feats(samples, regions))
    assert encoder._onnx_frames is None and frames.shape[0] == 512
    assert not any((tmp_path / "campplus").iterdir())  # no half-written export left behind
