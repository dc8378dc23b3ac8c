"""Which files of a study are transcripts to anonymise: one per recording, the hand-edited text when there is one.

The tool's own bookkeeping is never an input: hidden files and folders (the manifest), logs, reports, the
key, state files, the files written for coders, and machine transcripts set beside an edited one (.new.).
"""

from __future__ import annotations

from pathlib import Path

from anonymise.pseudonyms import KEY_FILE
from transcribe.study.layout import FOR_CODERS, LOGS, REPORTS, EditLedger

NOT_INPUT_FOLDERS = {LOGS, REPORTS, FOR_CODERS}


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
            chosen.append(jsons[0] if EditLedger(texts[0].parent).as_written(texts[0]) else texts[0])
        else:
            chosen.extend(paths)
    return chosen
