"""The study's workflow as a script or notebook calls it: one call, anonymisation included."""

from __future__ import annotations

import json

import pytest

from transcribe.asr import AsrOptions
from transcribe.errors import OptionError
from transcribe.transcriber import TranscribeOptions
from transcribe.workflow import StudyOptions, plan_study, run_study


def test_plan_checks_before_any_model_loads(tmp_path, data_dir):
    options = StudyOptions(model="tiny.en", device="cpu", shard=(0, 1))
    plan = plan_study([data_dir / "whisper_jfk", tmp_path / "gone.m4a"], tmp_path / "out", options)
    assert [job.stem for job in plan.jobs] == ["jfk"] and plan.device == "cpu" and plan.model.name == "tiny.en"
    assert plan.problems[0][1].endswith("gone.m4a: cannot read (No such file or directory)")
    with pytest.raises(OptionError, match="^inputs: no recordings found"):
        plan_study([tmp_path], tmp_path / "out", options)
    with pytest.raises(OptionError, match="^formats: unknown format"):
        plan_study([data_dir / "whisper_jfk"], tmp_path / "out", StudyOptions(formats=("pdf",)))
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
def test_a_script_gets_the_whole_way_to_done(tmp_path, data_dir, monkeypatch):
    from transcribe import workflow

    monkeypatch.setattr(workflow, "voice_encoder", None)  # no voice samples, no diarisation: no speaker model
    out = tmp_path / "out"
    options = StudyOptions(
        transcription=TranscribeOptions(asr=AsrOptions(language="en"), diarise=None),
        model="tiny.en",
        device="cpu",
        formats=("txt",),
    )
    result = run_study(plan_study([data_dir / "whisper_jfk" / "jfk.flac"], out, options), out, options)
    assert result.transcribed == [data_dir / "whisper_jfk" / "jfk.flac"] and result.failed == []
    assert result.anonymised == [out / "identified" / "jfk.json"]
    assert json.loads((out / "identified" / ".manifest" / "jfk.json").read_text())["stage"] == "done"
    assert "fellow Americans" in (out / "for-coders" / "INT-001.txt").read_text()
    assert [p.suffix for p in (out / "identified" / "logs").iterdir()] == [".log"]
    again = run_study(plan_study([data_dir / "whisper_jfk"], out, options), out, options)
    assert again.skipped == [data_dir / "whisper_jfk" / "jfk.flac"] and again.transcribed == []
