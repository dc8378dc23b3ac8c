"""The canonical transcript JSON: the diarisation record, and transcripts written by earlier versions."""

import json

import pytest

from transcribe.study.transcript import Diarisation, ModelInfo, Source, Transcript, transcript_json


def transcript_dict(**extra) -> dict:
    data = Transcript(Source("a.wav", "0" * 64, 3.0), ModelInfo("base", None, None), {}, []).to_dict()
    del data["diarisation"]
    return {**data, **extra}


def test_diarisation_round_trips():
    record = Diarisation("campplus", "enrolment", 0.91, ["Interviewer", "Participant"], {"similarity": [[0.9]]})
    transcript = Transcript.from_dict(transcript_dict(diarisation=record.__dict__))
    assert transcript.diarisation == record
    assert Transcript.from_dict(json.loads(transcript_json(transcript))) == transcript
    assert Transcript.from_dict(transcript_dict(diarisation=None)).diarisation is None


@pytest.mark.parametrize(
    "speakers, expected",
    [
        ({}, None),  # --no-diarise
        ({"method": "none"}, None),  # no words
        (
            {"method": "channels", "confidence": 1.0, "roles": ["Interviewer", "Participant"], "details": {}},
            Diarisation("channels", "channels", 1.0, ["Interviewer", "Participant"]),
        ),
        (
            {
                "diariser": "resemblyzer",
                "method": "heuristic",
                "confidence": 0.4,
                "roles": ["Participant"],
                "details": {"first_speaker": 0},
            },
            Diarisation("resemblyzer", "heuristic", 0.4, ["Participant"], {"first_speaker": 0}),
        ),
        (
            {"method": "single speaker", "confidence": 1.0, "roles": ["Participant"], "details": {}},
            Diarisation("unknown", "single speaker", 1.0, ["Participant"]),
        ),
    ],
)
def test_transcripts_of_earlier_versions_are_read(speakers, expected):
    """Before the record had a type, transcripts kept it under "speakers" in one of three shapes."""
    assert Transcript.from_dict(transcript_dict(speakers=speakers)).diarisation == expected
