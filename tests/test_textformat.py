import pytest

from transcribe.errors import TranscriptFormatError
from transcribe.study.textformat import TextTurn, format_timestamp, format_turns, parse_text


@pytest.mark.parametrize(
    "seconds, text", [(0, "00:00:00"), (59.9, "00:00:59"), (61, "00:01:01"), (3600 * 2 + 5, "02:00:05")]
)
def test_format_timestamp(seconds, text):
    assert format_timestamp(seconds) == text


def test_round_trip_with_and_without_speakers():
    turns = [
        TextTurn(0, "Interviewer", "So, where: did you grow up?"),
        TextTurn(4, "Participant 2", "In Leeds."),
        TextTurn(3661, None, "No speaker yet."),
    ]
    assert parse_text(format_turns(turns)) == turns


def test_broken_line_is_named():
    text = "[00:00:01] Interviewer: hello\nthis line lost its timestamp\n"
    with pytest.raises(TranscriptFormatError, match=r"edited\.txt, line 2"):
        parse_text(text, "edited.txt")
