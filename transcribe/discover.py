"""Finding the recordings named on the command line (files and folders, recursively)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from transcribe.audio import is_probably_recording


def find_recordings(inputs: Iterable[Path], exclude: Iterable[Path] = ()) -> list[Path]:
    """Files given directly are always taken; folders are searched for audio/video by extension.

    Hidden files and anything under an excluded folder (the output folder) are skipped. The result is
    sorted and free of duplicates, so every run and every shard sees the same order.
    """
    excluded = [Path(e).resolve() for e in exclude]
    found: dict[Path, None] = {}
    for item in inputs:
        item = Path(item)
        if item.is_dir():
            for path in sorted(item.rglob("*")):
                resolved = path.resolve()
                if any(resolved.is_relative_to(e) for e in excluded):
                    continue
                file_or_dangling_link = path.is_file() or (path.is_symlink() and not path.exists())
                if path.name.startswith(".") or not file_or_dangling_link or not is_probably_recording(path):
                    continue  # a dangling link to a recording is kept: it is reported as unreadable
                found.setdefault(path, None)
        else:
            found.setdefault(item, None)
    return list(found)
