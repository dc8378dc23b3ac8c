"""End-to-end transcription on real recordings with the offline tiny.en model."""

from __future__ import annotations

import json
import subprocess

import jiwer
import pytest
from click.testing import CliRunner
from whisper.normalizers import EnglishTextNormalizer

from transcribe.audio import ffmpeg_exe, load_audio
from transcribe.batch import plan_jobs
from transcribe.cli import main
from transcribe.errors import AudioError

pytestmark = pytest.mark.slow
normalise = EnglishTextNormalizer()


def wer(reference: str, hypothesis: str) -> float:
    return jiwer.wer(normalise(reference), normalise(hypothesis))


def transcribe_file(transcriber, path):
    job = plan_jobs([path])[0][0]
    return transcriber.transcribe_job(job)


def test_jfk_words_and_timings(tiny_transcriber, data_dir):
    transcript = transcribe_file(tiny_transcriber, data_dir / "whisper_jfk" / "jfk.flac")
    reference = (data_dir / "whisper_jfk" / "reference.txt").read_text()
    assert wer(reference, transcript.text) < 0.1
    words = [w for s in transcript.segments for w in s.words]
    americans = next(w for w in words if "Americans" in w.word)
    assert americans.start <= 1.8 <= americans.end  # openai/whisper's own test of word timing
    assert all(w.start <= w.end for w in words)
    assert all(0 <= w.probability <= 1 for w in words)


def test_word_starts_match_reference_turns(tiny_transcriber, data_dir):
    """The first word of each timed reference utterance of the pyannote call (found near it) starts close
    to the annotated time: median within 0.3 s."""
    transcript = transcribe_file(tiny_transcriber, data_dir / "pyannote_sample" / "sample.wav")
    words = [w for s in transcript.segments for w in s.words]
    errors = []
    for line in (data_dir / "pyannote_sample" / "sample.stm").read_text().splitlines():
        _, _, _, start, end, text = line.split(" ", 5)
        first = normalise(text).split()[0]
        near = [w for w in words if float(start) - 1 <= w.start <= float(end) and normalise(w.word).strip() == first]
        if near:
            errors.append(min(abs(w.start - float(start)) for w in near))
    assert len(errors) >= 9
    assert sorted(errors)[len(errors) // 2] < 0.3


@pytest.mark.parametrize(
    "recording, reference, bound",
    [
        ("pyannote_sample/sample.wav", "stm", 0.30),
        ("loc_fountain_hughes_interview_1949/real-world-fountain-hughes-interview.mp3", "manifest", 0.60),
    ],
)
def test_word_error_rate(tiny_transcriber, data_dir, recording, reference, bound):
    path = data_dir / recording
    if reference == "stm":
        lines = (path.parent / "sample.stm").read_text().splitlines()
        text = " ".join(line.split(" ", 5)[5] for line in lines)
    else:
        text = json.loads((path.parent / "manifest_entry.jsonl").read_text().splitlines()[0])["reference_text"]
    transcript = transcribe_file(tiny_transcriber, path)
    assert wer(text, transcript.text) < bound


@pytest.mark.parametrize(
    "extension, codec",
    [
        ("mp3", "libmp3lame"),
        ("m4a", "aac"),
        ("ogg", "libvorbis"),
        ("opus", "libopus"),
        ("webm", "libopus"),
        ("mp4", "aac"),
        ("wav", "pcm_s16le"),
        ("flac", "flac"),
    ],
)
def test_formats_decode(tmp_path, data_dir, extension, codec):
    target = tmp_path / f"jfk.{extension}"
    subprocess.run(
        [
            ffmpeg_exe(),
            "-loglevel",
            "error",
            "-i",
            str(data_dir / "whisper_jfk" / "jfk.flac"),
            "-c:a",
            codec,
            str(target),
        ],
        check=True,
    )
    samples = load_audio(target)
    assert abs(len(samples) / 16000 - 11.0) < 0.1


def test_video_without_audio_is_rejected(tmp_path):
    video = tmp_path / "screen.mp4"
    subprocess.run(
        [ffmpeg_exe(), "-loglevel", "error", "-f", "lavfi", "-i", "color=c=black:s=64x64:d=1", str(video)], check=True
    )
    with pytest.raises(AudioError, match=r"screen\.mp4: .*no audio"):
        load_audio(video)


def test_batch_goes_on_past_bad_files(tmp_path, data_dir):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "notes.mp3").write_text("this is a text file, not audio\n")
    (inputs / "empty.wav").write_bytes(b"")
    truncated = (data_dir / "whisper_jfk" / "jfk.flac").read_bytes()[:2000]
    (inputs / "truncated.flac").write_bytes(truncated)
    (inputs / "jfk speech é.flac").write_bytes((data_dir / "whisper_jfk" / "jfk.flac").read_bytes())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [str(inputs), "-o", str(out), "--model", "tiny.en", "--no-anonymise", "-q"])
    assert result.exit_code == 1, result.output
    assert "notes.mp3: cannot decode audio" in result.output
    assert "empty.wav: empty file" in result.output
    assert "truncated.flac" in result.output
    assert "transcribed 1, already done 0, failed 3" in result.output
    done = json.loads((out / "identified" / "jfk speech é.json").read_text())
    assert done["anonymised"] is False and done["model"]["name"] == "tiny.en"
    assert len(done["model"]["sha256"]) == 64
    assert done["segments"][0]["words"][0].keys() >= {"word", "start", "end", "probability", "speaker"}
    text = (out / "identified" / "jfk speech é.txt").read_text()
    assert text.startswith("[00:00:00] Participant: And so")  # one voice: one speaker
    assert "fellow Americans" in text and text.count("\n") == 1


def test_rerun_skips_force_redoes_and_edits_are_kept(tmp_path, data_dir):
    out = tmp_path / "out"
    recording = data_dir / "whisper_jfk" / "jfk.flac"
    args = [str(recording), "-o", str(out), "--model", "tiny.en", "--no-anonymise", "-q"]
    runner = CliRunner()
    assert runner.invoke(main, args).exit_code == 0
    second = runner.invoke(main, args)
    assert "transcribed 0, already done 1, failed 0" in second.output
    edited = out / "identified" / "jfk.txt"
    edited.write_text("[00:00:00] Interviewer: corrected by hand\n")
    third = runner.invoke(main, [*args, "--force"])
    assert "transcribed 1, already done 0" in third.output
    assert edited.read_text() == "[00:00:00] Interviewer: corrected by hand\n"
    assert (out / "identified" / "jfk.new.txt").read_text().startswith("[00:00:00] Participant: And so")


def test_dry_run_writes_nothing(tmp_path, data_dir):
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, [str(data_dir / "whisper_jfk"), "-o", str(out), "--model", "tiny.en", "--dry-run"]
    )
    assert result.exit_code == 0
    assert "would transcribe" in result.output and "jfk.flac" in result.output
    assert not out.exists()


def test_spoken_names_are_gone_end_to_end(tmp_path, data_dir):
    """The pyannote call's speakers say their names and home states; coders must not see them."""
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, [str(data_dir / "pyannote_sample" / "sample.wav"), "-o", str(out), "--model", "tiny.en", "-q"]
    )
    assert result.exit_code == 0, result.output
    identified = (out / "identified" / "sample.txt").read_text()
    assert "Diane" in identified and "Sheila" in identified  # the model heard them
    coders = list((out / "for-coders").iterdir())
    assert sorted(p.name for p in coders) == ["INT-001.docx", "INT-001.json", "INT-001.txt"]
    from anonymise.guard import readable_text

    for path in coders:
        text = readable_text(path.name, path.read_bytes())
        for identity in ("Diane", "Sheila", "New Jersey", "Texas", "Chicago", "sample.wav"):
            assert identity not in text, f"{identity} leaked into {path.name}"
    anonymised = json.loads((out / "for-coders" / "INT-001.json").read_text())
    assert anonymised["anonymised"] is True
    words = [w["word"] for s in anonymised["segments"] for w in s["words"]]
    assert any("[PERSON" in w for w in words)


def test_another_batch_size_finds_everything_done(tmp_path, data_dir):
    out = tmp_path / "out"
    args = [str(data_dir / "whisper_jfk" / "jfk.flac"), "-o", str(out), "--model", "tiny.en", "--no-anonymise", "-q"]
    assert CliRunner().invoke(main, [*args, "--batch-size", "2"]).exit_code == 0
    again = CliRunner().invoke(main, [*args, "--batch-size", "5"])
    assert "transcribed 0, already done 1, failed 0" in again.output
    assert json.loads((out / "identified" / "jfk.json").read_text())["options"]["batch_size"] == 2


@pytest.mark.parametrize("channels, vad_runs", [((), 1), (("interviewer", "participant"), 2)])
def test_one_decode_per_channel_layout(data_dir, monkeypatch, channels, vad_runs):
    """A recording is decoded once, in the run's channel layout, and its speech found once per channel with
    the run's VAD options; diarisation reuses those regions (with --channels it was 2 decodes, 3 VAD runs)."""
    import silero_vad.utils_vad

    from transcribe import speech
    from transcribe.asr import AsrOptions
    from transcribe.checkpoints import resolve_model
    from transcribe.diarise import DiariseOptions
    from transcribe.speech import VadOptions
    from transcribe.transcriber import TranscribeOptions, Transcriber, load_model

    options = TranscribeOptions(
        asr=AsrOptions(language="en"), vad=VadOptions(threshold=0.45), diarise=DiariseOptions(channels=channels)
    )
    transcriber = Transcriber(load_model(resolve_model("tiny.en"), "cpu"), options)
    decodes, vad_thresholds = [], []
    decode, find_speech = speech.load_audio, silero_vad.utils_vad.get_speech_timestamps_from_probs

    def counted_decode(path, *args, **kwargs):
        decodes.append(kwargs.get("channels", 1))
        return decode(path, *args, **kwargs)

    def counted_vad(*args, **kwargs):
        vad_thresholds.append(kwargs["threshold"])
        return find_speech(*args, **kwargs)

    monkeypatch.setattr(speech, "load_audio", counted_decode)
    monkeypatch.setattr(silero_vad.utils_vad, "get_speech_timestamps_from_probs", counted_vad)
    job = plan_jobs([data_dir / "faster_whisper_stereo" / "stereo_diarization.wav"])[0][0]
    transcript = transcriber.transcribe_job(job)
    assert decodes == [len(channels) or 1]
    assert vad_thresholds == [0.45] * vad_runs
    speakers = {s.speaker for s in transcript.segments}
    assert speakers == ({"Interviewer", "Participant"} if channels else {"Participant"})  # 5 s: one voice heard
    assert transcript.source.duration == pytest.approx(5.0, abs=0.5)


def test_device_cpu_keeps_every_model_on_the_cpu(tmp_path, data_dir, monkeypatch):
    """On a GPU node, --device cpu runs Whisper, the speaker models (enrolment included) and VAD on the CPU:
    the speaker encoders took the GPU whenever one was visible."""
    import torch

    from transcribe.encoders import voice_encoder

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    voice_encoder.cache_clear()
    jfk = data_dir / "whisper_jfk" / "jfk.flac"
    args = [str(jfk), "-o", str(tmp_path / "out"), "--model", "tiny.en", "--device", "cpu", "--no-anonymise", "-q"]
    try:
        result = CliRunner().invoke(main, [*args, "--interviewer-voice", str(jfk)])
    finally:
        voice_encoder.cache_clear()
    assert result.exit_code == 0, result.output
    assert "transcribed 1, already done 0, failed 0" in result.output


@pytest.mark.parametrize("engine", ["ctranslate2", "whisper"])
def test_a_recording_transcribed_again_gives_the_same_transcript(tmp_path, data_dir, engine):
    """The pyannote call has a window that fails the checks and is sampled hotter (the fallback ladder): the
    sampling draws start from a fixed seed, so a second run writes the very same transcript."""
    texts = []
    for run in ("first", "second"):
        out = tmp_path / run
        args = [str(data_dir / "pyannote_sample" / "sample.wav"), "-o", str(out), "--model", "tiny.en"]
        result = CliRunner().invoke(main, [*args, "--engine", engine, "--no-anonymise", "--no-diarise", "-q"])
        assert result.exit_code == 0, result.output
        texts.append((out / "identified" / "sample.txt").read_text())
    assert texts[0] == texts[1]
