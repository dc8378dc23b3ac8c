"""Where a study's files go, and the ledger that tells files a person edited from files the tool wrote.

OUTPUT/identified/         private: transcripts, key, reports, logs, the run's state
OUTPUT/for-coders/         anonymised files for coders
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from transcribe.study.fileio import (
    PRIVATE_FILE,
    atomic_write_text,
    make_private_folder,
    remove_dead_writers_leftovers,
    sha256_file,
)

logger = logging.getLogger(__name__)

IDENTIFIED = "identified"
FOR_CODERS = "for-coders"
REPORTS = "reports"  # inside identified/
LOGS = "logs"  # inside identified/
LEDGER_FILE = ".written.json"  # in every folder the tool writes transcripts to
MANIFEST_DIR, CLAIMS_DIR = ".manifest", ".claims"  # inside identified/: the runs' bookkeeping


@dataclass(frozen=True)
class StudyFolder:
    """A study's output folder and the folders inside it."""

    root: Path

    @property
    def identified(self) -> Path:
        """Private: transcripts that name people, the re-identification key, reports, logs."""
        return Path(self.root) / IDENTIFIED

    @property
    def for_coders(self) -> Path:
        """What is handed to coders: anonymised files only."""
        return Path(self.root) / FOR_CODERS

    @property
    def reports(self) -> Path:
        return self.identified / REPORTS

    @property
    def logs(self) -> Path:
        return self.identified / LOGS

    def prepare(self) -> None:
        """Create the folders; identified/ and everything in it is for its owner alone (0700), whatever
        the umask: on a shared server nobody else may read an identified transcript. A killed run's temporary
        files are removed here (`fileio.remove_dead_writers_leftovers`)."""
        for folder in (self.identified, self.reports, self.logs):
            make_private_folder(folder)
        self.for_coders.mkdir(parents=True, exist_ok=True)
        bookkeeping = [self.identified / name for name in (MANIFEST_DIR, CLAIMS_DIR)]
        remove_dead_writers_leftovers([self.identified, self.reports, self.logs, self.for_coders, *bookkeeping])

    def transcript_json(self, stem: str) -> Path:
        """The canonical transcript of the recording whose outputs are named `stem`."""
        return self.identified / f"{stem}.json"

    def transcript_text(self, stem: str) -> Path:
        """The readable (and hand-editable) text transcript."""
        return self.identified / f"{stem}.txt"


class EditLedger:
    """The checksum of every file the tool wrote in a folder (`.written.json`): a file whose bytes no longer
    match was changed by a person, and is read as the better version and never overwritten."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / LEDGER_FILE
        try:
            self.known: dict[str, str] = json.loads(self.path.read_text())
        except (OSError, ValueError):
            self.known = {}

    def as_written(self, path: Path) -> bool:
        """Whether the file holds exactly what the tool wrote there (False for a file it never wrote)."""
        return self.known.get(Path(path).name) == sha256_file(path)

    def edited(self, path: Path) -> bool:
        """Whether a file the tool wrote has been changed since (a file it never wrote is not edited)."""
        return Path(path).name in self.known and not self.as_written(path)

    def write(self, path: Path, text: str) -> Path:
        """Write text to path, or beside it (`name.new.ext`) when the existing file was edited by hand."""
        if path.exists() and self.edited(path):
            kept = path.with_name(f"{path.stem}.new{path.suffix}")
            logger.warning("%s was edited by hand; kept it and wrote %s", path.name, kept.name)
            path = kept
        atomic_write_text(path, text, mode=PRIVATE_FILE)
        self.known[path.name] = sha256_file(path)
        atomic_write_text(self.path, json.dumps(self.known, indent=1, sort_keys=True), mode=PRIVATE_FILE)
        return path
