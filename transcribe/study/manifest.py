"""The run manifest and claims: what each recording's state is, and who is working on it.

A recording's stage only changes here: pending → running (start) → transcribed or failed (finish);
running → pending when a run is stopped (interrupted); transcribed → done once its files for coders are
written (anonymised).

One small JSON file per recording (written atomically) rather than a database: clusters keep the output
folder on a network filesystem, where SQLite's locking is unreliable. A claim is a file created with
O_EXCL, which NFS honours, so two processes (two terminals, two array tasks) never take the same
recording; a claim left by a killed process is taken over when its process is gone (same machine) or
when it is older than the claim timeout.
"""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from transcribe.errors import OptionError
from transcribe.study.fileio import atomic_write_text, process_alive
from transcribe.study.layout import CLAIMS_DIR, MANIFEST_DIR

STAGES = ("pending", "running", "transcribed", "done", "failed")


@dataclass
class RecordingState:
    recording: str  # path as given
    checksum: str
    stage: str = "pending"  # one of STAGES
    model: str | None = None
    started: float | None = None  # unix time
    finished: float | None = None
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step
    error: str | None = None
    host: str | None = None
    pid: int | None = None
    attempts: int = 0


class Manifest:
    """Per-recording state files under identified/.manifest/."""

    def __init__(self, private_dir: Path):
        self.folder = Path(private_dir) / MANIFEST_DIR

    def path(self, stem: str) -> Path:
        return self.folder / f"{stem}.json"

    def load(self, stem: str) -> RecordingState | None:
        known = {f.name for f in fields(RecordingState)}
        try:
            data = json.loads(self.path(stem).read_text())
            return RecordingState(**{k: v for k, v in data.items() if k in known})  # older files had more keys
        except (OSError, ValueError, TypeError, AttributeError):
            return None

    def save(self, stem: str, state: RecordingState) -> None:
        atomic_write_text(self.path(stem), json.dumps(asdict(state), indent=1), mode=0o600)

    def start(self, stem: str, recording: Path, checksum: str, model: str) -> RecordingState:
        """This process transcribes the recording now: running, one attempt more."""
        state = self.load(stem) or RecordingState(str(recording), checksum)
        state.recording, state.checksum, state.model = str(recording), checksum, model
        state.stage, state.error, state.attempts = "running", None, state.attempts + 1
        state.started, state.host, state.pid = time.time(), socket.gethostname(), os.getpid()
        self.save(stem, state)
        return state

    def finish(self, stem: str, state: RecordingState, error: str | None = None) -> None:
        """Its transcript is written (transcribed), or it failed with `error`."""
        state.stage, state.error, state.finished = "failed" if error else "transcribed", error, time.time()
        self.save(stem, state)

    def found_transcribed(self, stem: str) -> None:
        """Its transcript is there, complete, but the state says otherwise: a run was killed between writing
        the transcript and saying so. Transcribed."""
        state = self.load(stem)
        if state is not None and state.stage in ("pending", "running"):
            state.stage, state.error, state.finished = "transcribed", None, state.finished or time.time()
            self.save(stem, state)

    def interrupted(self, stem: str) -> None:
        """A run stopped while transcribing it: pending again."""
        state = self.load(stem)
        if state is not None and state.stage == "running":
            state.stage, state.error = "pending", "interrupted"
            self.save(stem, state)

    def anonymised(self, stem: str) -> None:
        """Its anonymised files for coders are written: a transcribed recording is done."""
        state = self.load(stem)
        if state is not None and state.stage == "transcribed":
            state.stage = "done"
            self.save(stem, state)

    def all(self) -> dict[str, RecordingState]:
        states = {}
        for path in sorted(self.folder.glob("*.json")):
            state = self.load(path.stem)
            if state is not None:
                states[path.stem] = state
        return states


class Claims:
    """Exclusive claims on recordings, one file each under identified/.claims/."""

    def __init__(self, private_dir: Path, timeout_s: float = 6 * 3600):
        self.folder = Path(private_dir) / CLAIMS_DIR
        self.timeout_s = timeout_s
        self.host = socket.gethostname()
        self.pid = os.getpid()
        self.token = uuid.uuid4().hex

    def _path(self, stem: str) -> Path:
        return self.folder / f"{stem}.claim"

    def _stale(self, path: Path) -> bool:
        try:
            holder = json.loads(path.read_text())
            age = time.time() - path.stat().st_mtime
        except (OSError, ValueError):
            return True  # half-written by a killed process
        if holder.get("host") == self.host and not process_alive(int(holder.get("pid", 0))):
            return True
        return age > self.timeout_s

    def acquire(self, stem: str) -> bool:
        """Take the claim; False when another live process holds it."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(stem)
        for _ in range(2):
            if self._create(path):
                return True
            if not self._stale(path) or not self._remove_stale(path):
                return False
        return False

    def drop_stale(self, stem: str) -> None:
        """Remove the claim a killed run left on a recording that is done (it would lie there for ever)."""
        path = self._path(stem)
        if path.exists() and self._stale(path):
            self._remove_stale(path)

    def _remove_stale(self, path: Path) -> bool:
        """Remove a stale claim; only one of several processes wins the rename, the others get False."""
        aside = path.with_name(f"{path.name}.stale-{self.token}")
        try:
            os.rename(path, aside)
            aside.unlink()
            return True
        except OSError:
            return False

    def _create(self, path: Path) -> bool:
        """Create the claim file whole, or not at all when it exists: written aside, then linked into place
        (a claim created empty and written after could be read half-written by another run and taken as a
        killed run's)."""
        holder = {
            "host": self.host,
            "pid": self.pid,
            "token": self.token,
            "since": time.time(),
            "slurm_job": os.environ.get("SLURM_JOB_ID"),
        }
        aside = path.with_name(f"{path.name}.new-{self.token}")
        atomic_write_text(aside, json.dumps(holder), mode=0o600)
        try:
            os.link(aside, path)
            return True
        except FileExistsError:
            return False
        except OSError:  # a file system without hard links: create exclusively, then write
            return self._create_in_place(path, holder)
        finally:
            aside.unlink(missing_ok=True)

    @staticmethod
    def _create_in_place(path: Path, holder: dict) -> bool:
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            return False
        with os.fdopen(fd, "w") as handle:
            json.dump(holder, handle)
        return True

    def release(self, stem: str) -> None:
        path = self._path(stem)
        try:
            if json.loads(path.read_text()).get("token") == self.token:
                path.unlink()
        except (OSError, ValueError):
            pass


def in_shard(name: str, shard: tuple[int, int] | None) -> bool:
    """Whether a recording belongs to shard K of N (stable: by a hash of its name, not its position)."""
    if shard is None:
        return True
    import hashlib

    index, count = shard
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % count == index


def parse_shard(text: str | None, environ: dict | None = None) -> tuple[int, int] | None:
    """`K/N` (K from 0), else SLURM_ARRAY_TASK_ID / SLURM_ARRAY_TASK_COUNT (relative to SLURM_ARRAY_TASK_MIN)."""
    environ = os.environ if environ is None else environ
    if text:
        try:
            index, count = (int(x) for x in text.split("/"))
        except ValueError as exc:
            raise OptionError("shard", f"{text}: expected K/N, e.g. 0/4") from exc
    elif "SLURM_ARRAY_TASK_ID" in environ and "SLURM_ARRAY_TASK_COUNT" in environ:
        index = int(environ["SLURM_ARRAY_TASK_ID"]) - int(environ.get("SLURM_ARRAY_TASK_MIN", 0))
        count = int(environ["SLURM_ARRAY_TASK_COUNT"])
    else:
        return None
    if not 0 <= index < count:
        raise OptionError("shard", f"{index}/{count}: K must be between 0 and N-1")
    return index, count
