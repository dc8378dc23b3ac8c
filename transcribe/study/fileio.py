"""Small file helpers: atomic writes and checksums."""

from __future__ import annotations

import hashlib
import os
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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
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
