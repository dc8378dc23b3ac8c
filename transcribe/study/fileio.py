"""Small file helpers: atomic writes and checksums."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import tempfile
from pathlib import Path

PRIVATE_FILE, PRIVATE_FOLDER = 0o600, 0o700  # the owner alone, whatever the umask


def make_private_folder(folder: Path) -> Path:
    """Create a folder (and its parents) that only its owner can open, or make an existing one so."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, PRIVATE_FOLDER)
    return folder


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write to a temporary name in the same folder, fsync, then rename: no partial file ever looks done.

    mode defaults to what a plain open() would give (0666 less the umask); pass 0o600 for private files.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = f"w{os.getpid()}@{socket.gethostname()}"  # so a later run can tell a killed writer's leftover
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{writer}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _default_mode() if mode is None else mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


_WRITER = re.compile(r"\.w(?P<pid>\d+)@(?P<host>.+)\.[A-Za-z0-9_]+\.part$")


def remove_dead_writers_leftovers(folders: list[Path]) -> int:
    """Delete the temporary files that a killed run left in these folders (a SIGKILL skips the clean-up of
    `atomic_write_bytes`): only those written on this host by a process that is gone, so the files of runs
    still writing here or on other hosts (SLURM array tasks sharing the folder) stay. Returns how many."""
    host, removed = socket.gethostname(), 0
    for folder in folders:
        for leftover in Path(folder).glob(".*.part"):
            writer = _WRITER.search(leftover.name)
            if writer and writer["host"] == host and not process_alive(int(writer["pid"])):
                leftover.unlink(missing_ok=True)
                removed += 1
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id runs on this host (one we may not signal counts as running)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def atomic_write_text(path: Path, text: str, mode: int | None = None) -> None:
    atomic_write_bytes(path, text.encode("utf-8"), mode)


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def unwritable_reason(folder: Path) -> str | None:
    """Why files cannot be written in folder (creating it if needed), or None when they can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # a probe of its own: array tasks starting together must not remove each other's
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-test-"):
            pass
    except OSError as exc:
        return f"{folder}: output folder is not writable ({exc.strerror or exc})"
    return None
