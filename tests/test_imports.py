"""The study's file format and the anonymiser start without the speech stack (torch, whisper)."""

import subprocess
import sys

import pytest

SPEECH_STACK = ("torch", "whisper", "silero_vad", "numpy")


def modules_after_import(module: str) -> set[str]:
    code = f"import sys, {module}; print(' '.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


@pytest.mark.parametrize(
    "module",
    [
        "transcribe.study.transcript",
        "transcribe.study.textformat",
        "transcribe.study.writers",
        "transcribe.study.layout",
        "transcribe.study.manifest",
        "transcribe.study.fileio",
    ],
)
def test_the_study_format_imports_no_model_code(module):
    assert not modules_after_import(module) & set(SPEECH_STACK)


def test_the_anonymise_command_imports_neither_torch_nor_whisper():
    loaded = modules_after_import("anonymise.cli")
    assert "torch" not in loaded and "whisper" not in loaded


def test_anonymising_needs_no_speech_code():
    """spaCy's thinc takes torch when it is installed; whisper and this tool's speech modules stay out."""
    loaded = modules_after_import("anonymise.batch")
    assert "whisper" not in loaded
    assert not {m for m in loaded if m.startswith("transcribe.")} - {
        "transcribe.errors",
        *(f"transcribe.study.{m}" for m in ("transcript", "textformat", "writers", "layout", "fileio")),
        "transcribe.study",
    }
