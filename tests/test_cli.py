"""Command-line behaviour that needs no model: help, usage errors, model listing."""

import click
import pytest
from click.testing import CliRunner

from transcribe.cli import main


def _all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path, command", list(_all_commands(main)))
def test_every_command_has_help(path, command):
    assert command.help and command.help.strip()
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0


def test_missing_input_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, [str(tmp_path / "nope.m4a"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_dangling_link_in_a_folder_is_reported_not_skipped(tmp_path, data_dir):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "moved away.m4a").symlink_to(tmp_path / "elsewhere" / "moved away.m4a")
    (inputs / "jfk.flac").symlink_to(data_dir / "whisper_jfk" / "jfk.flac")
    result = CliRunner().invoke(main, [str(inputs), "-o", str(tmp_path / "out"), "--model", "tiny.en", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "would fail: " in result.output
    assert "moved away.m4a: cannot read (No such file or directory)" in result.output
    assert "1 recording(s)" in result.output


def test_folder_without_recordings(tmp_path):
    (tmp_path / "readme.txt").write_text("no audio here")
    result = CliRunner().invoke(main, [str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no recordings found" in result.output


def test_unknown_model_is_a_clear_error(tmp_path):
    (tmp_path / "a.wav").write_bytes(b"RIFF")
    result = CliRunner().invoke(main, [str(tmp_path / "a.wav"), "-o", str(tmp_path / "out"), "--model", "huge-v9"])
    assert result.exit_code == 1
    assert "Error: --model: huge-v9 is not a file, a folder, nor one of whisper's models" in result.output


def test_missing_pyannote_pipeline_stops_before_any_recording(tmp_path):
    (tmp_path / "a.wav").write_bytes(b"RIFF")
    args = [str(tmp_path / "a.wav"), "-o", str(tmp_path / "out"), "--model", "tiny.en"]
    result = CliRunner().invoke(main, [*args, "--pyannote", str(tmp_path / "no-pipeline")])
    assert result.exit_code == 1
    assert "--pyannote:" in result.output and "not found" in result.output
    assert not (tmp_path / "out").exists()


def test_models_list_shows_folder():
    result = CliRunner().invoke(main, ["models", "list"])
    assert result.exit_code == 0
    assert "models folder:" in result.output


def test_readme_documents_every_option():
    """The README's command sections name every option the commands accept."""
    from pathlib import Path

    from anonymise.cli import main as anonymise_main

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for command in (main.commands["run"], anonymise_main):
        for param in command.params:
            for option in getattr(param, "opts", []):
                if option.startswith("--") and option not in ("--help", "--version"):
                    assert option in readme, f"{option} missing from README.md"


@pytest.mark.parametrize(
    "args, exit_code, line",
    [
        (["--shard", "first"], 2, "Error: --shard: first: expected K/N, e.g. 0/4"),
        (["--role-names", "Solo"], 1, "Error: --role-names: takes two names separated by a comma"),
        (["--formats", "pdf"], 1, "Error: --formats: unknown format(s) pdf; known: docx, txt"),
    ],
)
def test_library_errors_are_shown_under_their_flags(tmp_path, args, exit_code, line):
    (tmp_path / "a.wav").write_bytes(b"RIFF")
    result = CliRunner().invoke(
        main, [str(tmp_path / "a.wav"), "-o", str(tmp_path / "out"), "--model", "tiny.en", *args]
    )
    assert result.exit_code == exit_code
    assert line in result.output
    assert not (tmp_path / "out").exists()


def test_anonymise_shows_library_errors_under_its_flags(tmp_path):
    from anonymise.cli import main as anonymise_main

    (tmp_path / "t.txt").write_text("[00:00:01] Participant: fine\n")
    result = CliRunner().invoke(
        anonymise_main, [str(tmp_path / "t.txt"), "-o", str(tmp_path / "out"), "--formats", "pdf"]
    )
    assert result.exit_code == 1
    assert "Error: --formats: unknown format(s) pdf" in result.output
