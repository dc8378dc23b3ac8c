"""Evaluate diarisation and roles on ../shared/data, with words from the default (base) and tiny.en models.

    python scripts/eval_diarisation.py                 # all cases, both models, about 10 minutes on 2 CPU cores
    python scripts/eval_diarisation.py --model base    # one model

- DER with pyannote.metrics (collar=0.25 s, overlap scored) on pyannote_sample and the AMI dev00/dev01
  excerpts, and on synthetic two-speaker interviews (scripts/synthetic_interviews.py) with exact truth:
  `der` scores who speaks when as diarisation hears it (the voice timeline over the speech regions),
  `der_words` the timeline that the transcript's words and their speakers give;
- word diarisation error rate (WDER): the share of words given the wrong speaker, by time on the
  synthetic interviews, by text alignment on the 1949 interview (its reference has speakers, no times);
- roles: whether the interviewer got the Interviewer label, with and without an enrolment sample;
- one-speaker recordings: how many speakers were found.
The last line is one line of JSON.
"""

from __future__ import annotations

import difflib
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path

import click
from pyannote.core import Annotation, Timeline
from pyannote.core import Segment as Span
from pyannote.metrics.diarization import DiarizationErrorRate
from pydub import AudioSegment
from whisper.normalizers import EnglishTextNormalizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from longaudio import DATA, to_segment
from synthetic_interviews import PAIRS, build_interview, clips_by_speaker

from transcribe.asr import AsrOptions
from transcribe.audio import load_audio
from transcribe.batch import plan_jobs
from transcribe.checkpoints import resolve_model
from transcribe.diarise import DiariseOptions, diarise, map_voices, speaker_timeline
from transcribe.encoders import ENCODERS, voice_encoder
from transcribe.pyannote_backend import pyannote_turns
from transcribe.speech import speech_regions
from transcribe.transcriber import TranscribeOptions, Transcriber, load_model

normalise = EnglishTextNormalizer()


def word_hypothesis(samples, segments) -> Annotation:
    """The timeline the words' speakers give over the VAD's speech regions (transcribe.diarise.speaker_timeline)."""
    return _annotation(speaker_timeline(speech_regions(samples), segments))


def voice_hypothesis(samples, options: DiariseOptions) -> Annotation:
    """Who speaks when as diarisation hears it: the voice map's timeline over the speech regions, or the
    pyannote.audio pipeline's turns when one is given."""
    if options.pyannote:
        bounds = (options.speakers, options.min_speakers, options.max_speakers)
        return _annotation(pyannote_turns(samples, options.pyannote, *bounds))
    regions = speech_regions(samples)
    return _annotation(map_voices(samples, regions, options).timeline(regions, options.word_context))


def _annotation(runs) -> Annotation:
    annotation = Annotation()
    for start, end, speaker in runs:
        if end > start:
            annotation[Span(start, end)] = str(speaker)
    return annotation


def rttm(path: Path, uri: str) -> Annotation:
    annotation = Annotation(uri=uri)
    for line in path.read_text().splitlines():
        parts = line.split()
        if parts and parts[1] == uri:
            start, duration = float(parts[3]), float(parts[4])
            annotation[Span(start, start + duration)] = parts[7]
    return annotation


def der(reference: Annotation, hypothesis: Annotation, uem: Timeline | None = None) -> float:
    metric = DiarizationErrorRate(collar=0.25, skip_overlap=False)
    return round(float(metric(reference, hypothesis, uem=uem)), 4)


def wder_by_time(turns, segments) -> tuple[float, bool]:
    """Words whose speaker differs from the truth at their midpoint (best label mapping), and the role check."""
    pairs = []
    for s in segments:
        for w in s.words:
            mid = (w.start + w.end) / 2
            truth = min(
                turns, key=lambda t: 0 if t.start <= mid <= t.end else min(abs(mid - t.start), abs(mid - t.end))
            )
            pairs.append((truth.speaker, w.speaker))
    return _wder(pairs, {"interviewer": "Interviewer", "participant": "Participant"})


def _wder(pairs, roles: dict[str, str]) -> tuple[float, bool]:
    counts = Counter(pairs)
    truths = sorted({t for t, _ in pairs})
    hyps = sorted({h for _, h in pairs})
    best = 0
    from itertools import permutations

    for perm in permutations(hyps, min(len(hyps), len(truths))):
        best = max(best, sum(counts[(t, h)] for t, h in zip(truths, perm)))
    role_hits = sum(counts[(t, roles[t])] for t in truths if t in roles)
    interviewer = next(t for t in truths if roles.get(t) == "Interviewer")
    said_by_interviewer = Counter(h for t, h in pairs if t == interviewer).most_common(1)[0][0]
    return round(1 - best / len(pairs), 4), said_by_interviewer == "Interviewer" and role_hits >= best * 0.9


def wder_1949(segments) -> tuple[float, bool]:
    entry = json.loads(
        (DATA / "loc_fountain_hughes_interview_1949" / "manifest_entry.jsonl").read_text().splitlines()[0]
    )
    ref = [(normalise(w["text"]).strip(), w["speaker"]) for w in entry["reference_words"]]
    ref = [(t, s) for t, s in ref if t]
    hyp = [(normalise(w.word).strip(), w.speaker) for s in segments for w in s.words]
    hyp = [(t, s) for t, s in hyp if t]
    matcher = difflib.SequenceMatcher(a=[t for t, _ in ref], b=[t for t, _ in hyp], autojunk=False)
    pairs = [
        (ref[block.a + k][1], hyp[block.b + k][1]) for block in matcher.get_matching_blocks() for k in range(block.size)
    ]
    return _wder(pairs, {"Hermond": "Interviewer", "Fountain": "Participant"})


def single_speaker_recording(folder: Path) -> Path:
    audio = AudioSegment.silent(duration=300, frame_rate=16000)
    for path in clips_by_speaker()["ljspeech_linda_johnson"]:
        audio += to_segment(load_audio(path)) + AudioSegment.silent(duration=500, frame_rate=16000)
    target = folder / "one_speaker_ljspeech.wav"
    audio.export(target, format="wav")
    return target


def evaluate(model: str, minutes: float, work: Path, encoder: str, pyannote: str | None) -> dict:
    """Every case with words from one Whisper model."""
    transcriber = Transcriber(
        load_model(resolve_model(model), "cpu"), TranscribeOptions(asr=AsrOptions(language="en"), diarise=None)
    )
    options = DiariseOptions(encoder=encoder, pyannote=pyannote)

    def asr(path: Path):
        job = plan_jobs([path])[0][0]
        speech = transcriber.prepare(job)
        return speech.audio[0], speech.regions[0], transcriber.transcribe_job(job, prepared=speech).segments

    results: dict = {"der": {}, "der_words": {}, "wder": {}, "role_correct": {}, "roles_by": {}, "speakers_found": {}}

    def score_der(label: str, reference: Annotation, samples, turns, uem: Timeline | None = None) -> None:
        results["der"][label] = der(reference, voice_hypothesis(samples, options), uem)
        results["der_words"][label] = der(reference, word_hypothesis(samples, turns), uem)

    samples, regions, segments = asr(DATA / "pyannote_sample" / "sample.wav")
    turns = diarise(samples, regions, segments, options).turns
    score_der("pyannote_sample", rttm(DATA / "pyannote_sample" / "sample.rttm", "sample"), samples, turns)
    for uri in ("dev00", "dev01"):
        samples, regions, segments = asr(DATA / "pyannote_debug_ami" / f"{uri}.wav")
        turns = diarise(samples, regions, segments, options).turns
        reference = rttm(DATA / "pyannote_debug_ami" / "debug.development.rttm", uri)
        score_der(f"ami_{uri}", reference, samples, turns, Timeline([Span(0.0, 30.0)]))
    samples, regions, segments = asr(
        DATA / "loc_fountain_hughes_interview_1949" / "real-world-fountain-hughes-interview.mp3"
    )
    turns = diarise(samples, regions, segments, options).turns
    results["wder"]["interview_1949"], results["role_correct"]["interview_1949"] = wder_1949(turns)
    for seed, (interviewer, participant) in enumerate(PAIRS):
        case = build_interview(work, interviewer, participant, minutes, seed)
        name = case.audio.stem
        samples, regions, segments = asr(case.audio)
        truth = Annotation()
        for t in case.turns:
            truth[Span(t.start, t.end)] = t.speaker
        for enrolled in (False, True):
            voices = [voice_encoder(encoder).embed_voice(load_audio(case.enrolment))] if enrolled else []
            out = diarise(samples, regions, segments, options, voices)
            turns = out.turns
            label = f"{name}{'+enrolment' if enrolled else ''}"
            results["roles_by"][label] = out.diarisation.roles_by
            if not enrolled:  # enrolment names the roles; it does not change who speaks when
                score_der(label, truth, samples, turns)
            results["wder"][label], results["role_correct"][label] = wder_by_time(case.turns, turns)
    for path in (single_speaker_recording(work), DATA / "whisper_jfk" / "jfk.flac"):
        samples, regions, segments = asr(path)
        turns = diarise(samples, regions, segments, options).turns
        results["speakers_found"][path.stem] = len({s.speaker for s in turns})
    return results


@click.command()
@click.option("--model", "models", multiple=True, default=("base", "tiny.en"), show_default=True)
@click.option("--minutes", default=3.0, show_default=True, help="Length of each synthetic interview.")
@click.option("--voice-encoder", "encoder", type=click.Choice(ENCODERS), default="campplus", show_default=True)
@click.option("--pyannote", default=None, metavar="PATH", help="Score a local pyannote.audio pipeline instead.")
def main(models: tuple[str, ...], minutes: float, encoder: str, pyannote: str | None) -> None:
    work = Path(tempfile.mkdtemp())
    everything = {}
    for model in models:
        everything[model] = results = evaluate(model, minutes, work, encoder, pyannote)
        for kind, values in results.items():
            for case, value in values.items():
                click.echo(f"{model:<8} {kind:<15} {case:<70} {value}")
    click.echo(json.dumps(everything))


if __name__ == "__main__":
    main()
