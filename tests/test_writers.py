"""Every writer's output opened back and checked against the transcript."""

import csv
import io
import json
import re

import pytest
from docx import Document

from anonymise.guard import find_leaks, guarded_terms, readable_text
from transcribe.study.textformat import transcript_turns
from transcribe.study.transcript import ModelInfo, Segment, Source, Transcript, Word
from transcribe.study.writers import WRITERS, parse_formats, precise_timestamp


@pytest.fixture()
def transcript():
    def seg(start, end, speaker, text):
        return Segment(start, end, " " + text, speaker, [Word(" " + text, start, end, 0.9, speaker)])

    return Transcript(
        source=Source("INT-007", "0" * 64, 3725.0),
        model=ModelInfo("base", None, None),
        options={},
        segments=[
            seg(1.0, 4.2, "Interviewer", "So, where did you grow up?"),
            seg(5.0, 9.5, "Participant", "In a small town."),
            seg(9.6, 12.0, "Participant", "Near the coast, honestly."),
            seg(3661.0, 3664.5, "Interviewer", "Thank you."),
        ],
        anonymised=True,
    )


def test_turns_join_a_speakers_segments(transcript):
    turns = transcript_turns(transcript)
    assert [(t.speaker, t.text) for t in turns] == [
        ("Interviewer", "So, where did you grow up?"),
        ("Participant", "In a small town. Near the coast, honestly."),
        ("Interviewer", "Thank you."),
    ]
    assert turns[1].end == 12.0


def test_docx(transcript):
    document = Document(io.BytesIO(WRITERS["docx"][1](transcript)))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "Interview INT-007"
    assert "Duration 62 min" in texts[1] and "model base" in texts[1]
    assert texts[2:] == [
        "[00:00:01] Interviewer: So, where did you grow up?",
        "[00:00:05] Participant: In a small town. Near the coast, honestly.",
        "[01:01:01] Interviewer: Thank you.",
    ]
    assert [r.text for r in document.paragraphs[3].runs if r.bold] == ["Participant: "]
    assert document.core_properties.author == "" and document.core_properties.last_modified_by == ""
    assert "lnNumType" in document.sections[0]._sectPr.xml


def test_srt_and_vtt(transcript):
    srt = WRITERS["srt"][1](transcript).decode()
    assert re.findall(r"(\d\d:\d\d:\d\d,\d{3}) --> (\d\d:\d\d:\d\d,\d{3})\n(.+)", srt)[1] == (
        "00:00:05,000",
        "00:00:12,000",
        "Participant: In a small town. Near the coast, honestly.",
    )
    vtt = WRITERS["vtt"][1](transcript).decode()
    assert vtt.startswith("WEBVTT")
    assert "01:01:01.000 --> 01:01:04.500\nInterviewer: Thank you." in vtt


def test_csv_nvivo_maxqda(transcript):
    rows = list(csv.DictReader(io.StringIO(WRITERS["csv"][1](transcript).decode("utf-8-sig"))))
    assert rows[0] == {
        "recording": "INT-007",
        "start": "1.00",
        "end": "4.20",
        "speaker": "Interviewer",
        "text": "So, where did you grow up?",
    }
    nvivo = list(csv.reader(io.StringIO(WRITERS["nvivo"][1](transcript).decode()), delimiter="\t"))
    assert nvivo[0] == ["Timespan", "Speaker", "Content"]
    assert nvivo[3] == ["01:01:01.0-01:01:04.5", "Interviewer", "Thank you."]
    maxqda = WRITERS["maxqda"][1](transcript).decode().split("\n\n")
    assert maxqda[1] == "00:00:05.0Participant: In a small town. Near the coast, honestly."


def test_json_round_trips(transcript):
    data = json.loads(WRITERS["json"][1](transcript))
    assert Transcript.from_dict(data) == transcript
    assert data["anonymised"] is True


@pytest.mark.parametrize("seconds, text", [(0, "00:00:00.0"), (5.04, "00:00:05.0"), (3661.96, "01:01:02.0")])
def test_precise_timestamp(seconds, text):
    assert precise_timestamp(seconds) == text


def test_parse_formats():
    assert parse_formats("docx, TXT,docx") == ("docx", "txt")
    with pytest.raises(ValueError, match="unknown format"):
        parse_formats("pdf")


def test_guard_finds_names_in_text_and_docx_properties(transcript):
    docx_bytes = WRITERS["docx"][1](transcript)
    document = Document(io.BytesIO(docx_bytes))
    document.core_properties.author = "Priya Rao"
    planted = io.BytesIO()
    document.save(planted)
    terms = guarded_terms([("PERSON", "Priya Rao"), ("PERSON", "Will"), ("PERSON", "Ana Moss")], zipf=4.0)
    # "Will": left to detection; "moss" is a word, so only "Moss" is searched; no word list has "rao"
    assert terms == [("Priya Rao", False), ("Ana Moss", False), ("Priya", False), ("Moss", True), ("Rao", False),
                     ("Ana", True)]  # fmt: skip
    files = {
        "INT-007.docx": planted.getvalue(),
        "INT-007.txt": b"[00:00:01] Participant: as Rao said",
        "INT-008.txt": b"[00:00:01] Participant: we will see the moss",
    }
    assert find_leaks(files, terms) == [("INT-007.docx", "Priya Rao"), ("INT-007.txt", "Rao")]
    assert "Priya Rao" in readable_text("x.docx", planted.getvalue())
