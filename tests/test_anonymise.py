"""Anonymisation on real text with the offline spaCy model and Presidio."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from anonymise.cli import main as anonymise_main

ROOT = Path(__file__).resolve().parents[1]


def replaced(anonymiser, *texts, key=None):
    from anonymise.pseudonyms import StudyKey

    key = key or StudyKey("[{label} {number}]", anonymiser.config.labels)
    return anonymiser.anonymise_turns(list(texts), "test", key).turns


def test_name_seen_once_is_replaced_everywhere(anonymiser):
    turns = replaced(
        anonymiser,
        "I work with Priya Rao on the forecasting team.",
        "Priya's checklist is great, and priya said it took a week.",
        "Rao is her surname, and Pria is how the captions spell her.",
    )
    joined = " ".join(turns)
    for leak in ("Priya", "priya", "Rao", "Pria"):
        assert leak not in joined.replace("[PERSON", "")
    assert turns[0] == "I work with [PERSON 1] on the forecasting team."
    assert turns[1].startswith("[PERSON 1]'s checklist")
    assert "[PERSON 1] said" in turns[1]


def test_ordinary_words_that_are_names_elsewhere(anonymiser):
    turns = replaced(
        anonymiser,
        "My manager Will pushed for it. We will never hand-tune that many models.",
        "Will? Not really. And will said fine. It's leaking the target, like in May.",
        "I'm a data scientist at Target. We had a frank conversation about the bash shell script.",
    )
    assert turns[0] == "My manager [PERSON 1] pushed for it. We will never hand-tune that many models."
    assert turns[1] == "[PERSON 1]? Not really. And [PERSON 1] said fine. It's leaking the target, like in May."
    assert turns[2] == ("I'm a data scientist at [ORG 1]. We had a frank conversation about the bash shell script.")


def test_spoken_contacts_and_address(anonymiser):
    turns = replaced(
        anonymiser,
        "It's r dot fernandes at gmail dot com, and my cell is three one two, five five five, oh one three four.",
        "Sure, it's 88 Larchmont Terrace, Apartment 2B, Somerville, Mass, 02144.",
    )
    assert turns[0] == "It's [EMAIL 1], and my cell is [PHONE 1]."
    assert turns[1] == "Sure, it's [ADDRESS 1]."


def write_transcript(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def study(tmp_path):
    folder = tmp_path / "transcripts"
    folder.mkdir()
    write_transcript(
        folder / "Interview_Priya.txt",
        [
            "[00:00:01] Interviewer: Thanks for joining, Priya Rao.",
            "[00:00:05] Participant: Happy to. I'm at Helixtide Bio, with Gene Kowalczyk.",
            "[00:00:12] Interviewer: And Gene runs the lab?",
        ],
    )
    write_transcript(
        folder / "Interview_Gene.txt",
        [
            "[00:00:02] Interviewer: You work with Priya, right?",
            "[00:00:06] Participant: Yes, Priya and I both use DataRobot at Helixtide Bio.",
        ],
    )
    return folder


def run_cli(*args):
    return CliRunner().invoke(anonymise_main, [str(a) for a in args])


def test_study_run_consistent_private_and_rerun_keeps_edits(study, tmp_path):
    out = tmp_path / "out"
    allow = write_transcript(tmp_path / "allow.txt", ["DataRobot"])
    result = run_cli(study, "-o", out, "--allow-list", allow)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (out / "for-coders").iterdir()) == [
        f"INT-00{n}.{ext}" for n in (1, 2) for ext in ("docx", "json", "txt")
    ]  # no names in file names
    coders = sorted((out / "for-coders").glob("*.txt"))
    gene, priya = (p.read_text() for p in coders)  # INT-001 is Interview_Gene (sorted order)
    assert "Priya" not in gene + priya and "Gene" not in gene + priya and "Helixtide" not in gene + priya
    assert "DataRobot" in gene  # allow-listed
    # same person, same pseudonym, across transcripts of the study
    assert "You work with [PERSON 1], right?" in gene
    assert "Thanks for joining, [PERSON 1]." in priya
    # lines, timestamps and labels kept
    assert gene.splitlines()[1] == "[00:00:06] Participant: Yes, [PERSON 1] and I both use DataRobot at [ORG 1]."
    assert priya.splitlines()[1] == "[00:00:05] Participant: Happy to. I'm at [ORG 1], with [PERSON 2]."
    key = out / "identified" / "reidentification-key.json"
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert not list((out / "for-coders").glob("*key*"))
    assert json.loads(key.read_text())["recordings"] == {"Interview_Gene": "INT-001", "Interview_Priya": "INT-002"}
    reports = out / "identified" / "reports"
    assert "Priya" in (reports / "Interview_Gene.anonymisation.csv").read_text()

    # the researcher corrects a transcript by hand and runs again
    edited = study / "Interview_Gene.txt"
    edited_text = (
        edited.read_text().replace("use DataRobot", "use DataRobot daily")
        + "[00:00:10] Interviewer: And Siddharth joined later?\n"
    )
    edited.write_text(edited_text)
    again = run_cli(study, "-o", out, "--allow-list", allow)
    assert again.exit_code == 0
    assert "anonymised 1, unchanged 1" in again.output
    assert edited.read_text() == edited_text  # the edited transcript is never touched
    redone = (out / "for-coders" / "INT-001.txt").read_text()
    assert "use DataRobot daily" in redone and "[PERSON 1]" in redone and "Siddharth" not in redone


def test_realistic_substitute_names_end_to_end(study, tmp_path):
    config = write_transcript(
        tmp_path / "study.yaml", ['pseudonym_format: "{substitute}*"', "substitute_locale: de_DE"]
    )
    out = tmp_path / "out"
    result = run_cli(study, "-o", out, "--config", config)
    assert result.exit_code == 0, result.output  # the privacy guard found no real name
    priya = (out / "for-coders" / "INT-002.txt").read_text().splitlines()
    entities = json.loads((out / "identified" / "reidentification-key.json").read_text())["entities"]
    person = next(e for e in entities if "Priya Rao" in e["surfaces"])
    assert priya[0] == f"[00:00:01] Interviewer: Thanks for joining, {person['substitute']}*."
    gene = next(e for e in entities if "Gene Kowalczyk" in e["surfaces"])
    assert priya[2] == f"[00:00:12] Interviewer: And {gene['substitute'].split()[0]}* runs the lab?"
    assert "Helixtide" not in "\n".join(priya)


def test_deny_list_catches_misspelt_name(tmp_path):
    source = write_transcript(tmp_path / "t.txt", ["[00:00:01] Participant: I asked oluwasegun adeyemi about it."])
    deny = write_transcript(tmp_path / "deny.txt", ["Oluwaseun Adeyemi"])
    result = run_cli(source, "-o", tmp_path / "out", "--deny-list", deny)
    assert result.exit_code == 0, result.output
    assert (
        tmp_path / "out" / "for-coders" / "INT-001.txt"
    ).read_text() == "[00:00:01] Participant: I asked [PERSON 1] about it.\n"


def test_broken_hand_edit_names_the_line(tmp_path):
    source = write_transcript(tmp_path / "t.txt", ["[00:00:01] Participant: fine", "a line without its timestamp"])
    result = run_cli(source, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "t.txt, line 2: expected `[hh:mm:ss] Speaker: text`" in result.output


def test_bad_config_fails_loudly(tmp_path):
    config = tmp_path / "study.yaml"
    config.write_text("score_treshold: 0.3\n")
    source = write_transcript(tmp_path / "t.txt", ["[00:00:01] Participant: fine"])
    result = run_cli(source, "-o", tmp_path / "out", "--config", config)
    assert result.exit_code == 1
    assert "unknown key(s) score_treshold" in result.output


@pytest.mark.slow
def test_annotated_transcripts_meet_targets(data_dir):
    """The evaluation script on ../shared/data/pii: recall and precision targets, no decoy, allow-list kept."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_anonymise import main as eval_main

    result = CliRunner().invoke(eval_main, [str(data_dir / "pii"), "--no-show-errors"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])["results"][0]["tool"]
    assert summary["recall"]["PERSON"] >= 0.99 and summary["recall"]["ORG"] >= 0.99
    assert all(v >= 0.95 for v in summary["recall"].values())
    assert summary["precision_overall"] >= 0.90
    assert summary["decoys_replaced"] == 0 and summary["allow_listed_replaced"] == 0
    assert summary["guard_hits"] == 0


@pytest.mark.slow
@pytest.mark.parametrize(
    "language, half, person_org",
    [("en", "dev", 0.96), ("fr", "dev", 0.95), ("es", "dev", 0.93), ("en", "dev4", 0.95), ("fr", "dev4", 0.95),
     ("es", "dev4", 0.95)],
)  # fmt: skip
def test_the_tuning_halves_hold_their_scores(language, half, person_org):
    """The tuning (dev) halves of this project's own annotated material: what was reached stays reached, and
    the privacy guard finds nothing the anonymiser left (it would withhold the coders' files). The held-out
    halves (tests/data/anonymise/*/test*) are never asserted on: they are for reporting only."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from eval_anonymise import main as eval_main

    folder = ROOT / "tests" / "data" / "anonymise" / language / half
    result = CliRunner().invoke(eval_main, [str(folder), "--no-show-errors"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])["results"][0]["tool"]
    assert summary["person_org"] >= person_org and summary["contacts"] >= 0.99
    assert summary["recall_overall"] >= 0.95 and summary["precision_overall"] >= 0.92
    assert summary["guard_hits"] == 0


def test_written_email_needs_no_network(tmp_path):
    """Presidio's e-mail check (tldextract) must not try to download the Public Suffix List: offline that
    printed pages of tracebacks, and a tool for confidential interviews must not call out at all."""
    import subprocess

    source = write_transcript(tmp_path / "t.txt", ["[00:00:01] Participant: Mail me at priya.rao@helixtide.com."])
    env = {**os.environ, "TLDEXTRACT_CACHE": str(tmp_path / "empty-cache"), "https_proxy": "http://127.0.0.1:9"}
    done = subprocess.run(
        [sys.executable, "-m", "anonymise.cli", str(source), "-o", str(tmp_path / "out")],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "Public Suffix" not in done.stderr and "Traceback" not in done.stderr
    assert (tmp_path / "out" / "for-coders" / "INT-001.txt").read_text().endswith("Mail me at [EMAIL 1].\n")


def test_unwritable_output_folder_is_a_usage_error(tmp_path):
    transcript = tmp_path / "interview.txt"
    transcript.write_text("[00:00:01] Interviewer: Hello.\n")
    blocker = tmp_path / "a-file"  # a folder cannot be made inside a file, even by root
    blocker.write_text("")
    result = CliRunner().invoke(anonymise_main, [str(transcript), "-o", str(blocker / "out")])
    assert result.exit_code == 2
    assert "output folder is not writable" in result.output and "Traceback" not in result.output


def test_options_for_coders_drop_paths_that_can_name_people():
    from transcribe.study.transcript import options_for_coders

    recorded = {
        "transcription": {
            "interviewer_voices": ["/home/alice.brown/voices/Alice_Brown.wav"],
            "diarise": {"pyannote": "/home/alice.brown/pyannote/config.yaml", "speakers": 2},
        },
        "device": "cpu",
    }
    for_coders = options_for_coders(recorded)
    assert "alice" not in json.dumps(for_coders).lower()
    assert for_coders["transcription"]["interviewer_voices"] == "1 voice sample(s)"
    assert for_coders["transcription"]["diarise"]["speakers"] == 2
    assert recorded["transcription"]["interviewer_voices"] == ["/home/alice.brown/voices/Alice_Brown.wav"]


def test_a_killed_anonymise_runs_temporary_file_is_removed_by_the_next_run(tmp_path):
    """A killed `anonymise` run can leave `.INT-001.txt.w<pid>@<host>.xxxx.part` in for-coders/: the next run
    removes it (its writer is gone), so nothing half-written lies beside the coders' files."""
    import socket
    import subprocess

    source = write_transcript(tmp_path / "t.txt", ["[00:00:01] Participant: I work with Priya Rao."])
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    coders = tmp_path / "out" / "for-coders"
    coders.mkdir(parents=True)
    leftover = coders / f".INT-001.txt.w{gone.stdout.strip()}@{socket.gethostname()}.abc123.part"
    leftover.write_text("[00:00:01] Participant: I work with Pri")
    result = run_cli(source, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert not leftover.exists() and (coders / "INT-001.txt").exists()
