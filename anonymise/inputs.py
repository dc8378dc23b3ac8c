"""Which files of a study are transcripts to anonymise: one per recording, the hand-edited text when there is one.

The tool's own bookkeeping is never an input: hidden files and folders (the manifest), logs, reports, the
key, state files, the files written for coders, and machine transcripts set beside an edited one (.new.).
"""

from __future__ import annotations

import json
from pathlib import Path

from transcribe.fileio import sha256_file

KEY_FILE = "reidentification-key.json"
NOT_INPUT_FOLDERS = {"logs", "reports", "for-coders"}
LEDGER = ".written.json"


def was_edited(path: Path) -> bool:
    """Whether a transcript differs from what the transcriber wrote (its ledger says what that was)."""
    try:
        ledger = json.loads((path.parent / LEDGER).read_text())
    except (OSError, ValueError):
        return True
    return ledger.get(path.name) != sha256_file(path)


def _is_transcript(path: Path, root: Path) -> bool:
    inside = path.relative_to(root).parts
    return (
        path.suffix in (".json", ".txt")
        and path.is_file()
        and not any(part.startswith(".") for part in inside)
        and not any(part in NOT_INPUT_FOLDERS for part in inside[:-1])
        and ".new." not in path.name
        and path.name != KEY_FILE
    )


def resolve_inputs(inputs: list[Path]) -> list[Path]:
    """One transcript per recording: the hand-edited text when there is one, else the JSON."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files += [p for p in sorted(item.rglob("*")) if _is_transcript(p, item)]
        else:
            files.append(item)
    by_stem: dict[tuple[Path, str], list[Path]] = {}
    for path in files:
        by_stem.setdefault((path.parent, path.stem), []).append(path)
    chosen = []
    for paths in by_stem.values():
        texts = [p for p in paths if p.suffix == ".txt"]
        jsons = [p for p in paths if p.suffix == ".json"]
        if texts and jsons:
            chosen.append(texts[0] if was_edited(texts[0]) else jsons[0])
        else:
            chosen.extend(paths)
    return chosen
