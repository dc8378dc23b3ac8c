"""The study folder's layout and the ledger of files the tool wrote (no model needed)."""

from transcribe.study.layout import EditLedger, StudyFolder


def test_folders_of_a_study(tmp_path):
    folder = StudyFolder(tmp_path)
    assert folder.identified == tmp_path / "identified" and folder.for_coders == tmp_path / "for-coders"
    assert folder.reports == tmp_path / "identified" / "reports"
    assert folder.transcript_json("Interview 1") == tmp_path / "identified" / "Interview 1.json"


def test_ledger_keeps_a_hand_edited_file(tmp_path):
    path = tmp_path / "interview.txt"
    assert EditLedger(tmp_path).write(path, "[00:00:00] Participant: machine\n") == path
    ledger = EditLedger(tmp_path)  # read back from .written.json
    assert ledger.as_written(path) and not ledger.edited(path)
    path.write_text("[00:00:00] Participant: corrected\n")
    assert ledger.edited(path) and not ledger.as_written(path)
    kept = ledger.write(path, "[00:00:00] Participant: machine again\n")
    assert kept == tmp_path / "interview.new.txt"
    assert path.read_text() == "[00:00:00] Participant: corrected\n"


def test_a_file_the_tool_never_wrote(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("typed by a person\n")
    ledger = EditLedger(tmp_path)
    assert not ledger.as_written(path)  # anonymise prefers it to the JSON
    assert not ledger.edited(path)  # and transcribe may replace it: it was never its own
