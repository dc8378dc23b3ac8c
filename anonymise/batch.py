"""Anonymising many transcripts of a study: inputs resolved, unchanged ones skipped, one key for all."""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from anonymise.config import AnonymiseConfig
from anonymise.documents import anonymised_text, anonymised_transcript, read_document
from anonymise.engine import Anonymiser
from anonymise.guard import PrivacyLeak, find_leaks, guarded_terms
from anonymise.pseudonyms import StudyKey
from anonymise.report import report_csv, report_html, report_rows
from transcribe.errors import ScribeError
from transcribe.study.fileio import atomic_write_bytes, atomic_write_text, sha256_file
from transcribe.study.layout import FOR_CODERS, REPORTS, EditLedger, StudyFolder
from transcribe.study.textformat import parse_text, transcript_from_turns
from transcribe.study.transcript import ModelInfo, Source
from transcribe.study.writers import WRITERS

logger = logging.getLogger(__name__)

STATE_FILE = ".anonymise-state.json"
ROLE_LABEL = re.compile(
    r"^(?:Interviewer|Participant|Researcher|Respondent|Moderator|Speaker|Unknown)(?: \d+)?$", re.IGNORECASE
)


@dataclass
class AnonymiseOutcome:
    done: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)


def resolve_inputs(inputs: list[Path]) -> list[Path]:
    """One transcript per recording: the hand-edited text when there is one, else the JSON."""
    files: list[Path] = []
    for item in inputs:
        if item.is_dir():
            files += [
                p
                for p in sorted(item.rglob("*"))
                if p.suffix in (".json", ".txt")
                and p.is_file()
                and not p.name.startswith(".")
                and ".new." not in p.name
                and REPORTS not in p.parts
                and p.name != "reidentification-key.json"
            ]
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


@contextmanager
def study_lock(folder: Path) -> Iterator[None]:
    """One anonymiser at a time per study folder: the key must not be written by two processes."""
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".anonymise.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def config_fingerprint(config: AnonymiseConfig) -> str:
    return hashlib.sha256(json.dumps(asdict(config), sort_keys=True).encode()).hexdigest()


def speaker_map(key: StudyKey, speakers: set[str]) -> dict[str, str]:
    """Role labels stay; any other label (a person's name typed in by hand) gets a pseudonym."""
    return {s: s if ROLE_LABEL.match(s) else key.pseudonym("PERSON", s) for s in speakers if s}


def anonymise_paths(
    inputs: list[Path],
    output_dir: Path,
    config: AnonymiseConfig,
    force: bool = False,
    anonymiser: Anonymiser | None = None,
) -> AnonymiseOutcome:
    """Anonymise transcripts into OUTPUT/for-coders/, with reports and the key in OUTPUT/identified/."""
    folder = StudyFolder(output_dir)
    private, coders = folder.identified, folder.for_coders
    outcome = AnonymiseOutcome()
    with study_lock(private):
        key = StudyKey.load(
            private,
            config.pseudonym_format,
            config.labels,
            config.max_spelling_edits,
            config.substitute_locale,
            [entry.partition(":")[2] or entry for entry in config.deny_list],
        )
        state_path = private / STATE_FILE
        try:
            state = json.loads(state_path.read_text())
        except (OSError, ValueError):
            state = {}
        fingerprint = config_fingerprint(config)
        engine = anonymiser
        for path in resolve_inputs([Path(p) for p in inputs]):
            try:
                checksum = sha256_file(path)
                previous = state.get(path.stem, {})
                recording_id = key.recording_id(path.stem)
                outputs = [coders / f"{recording_id}{WRITERS[f][0]}" for f in config.formats]
                if (
                    not force
                    and previous.get("input_sha256") == checksum
                    and previous.get("config") == fingerprint
                    and all(p.exists() for p in outputs)
                ):
                    outcome.skipped.append(path)
                    continue
                source = read_document(path)
                engine = engine or Anonymiser(config, key)
                engine.key = key
                key.forget_occurrences(path.stem)
                result = engine.anonymise_turns([t.text for t in source.turns], path.stem)
                speakers = speaker_map(key, {t.speaker for t in source.turns if t.speaker})
                if source.transcript is not None:
                    coder_transcript = anonymised_transcript(source, result, recording_id, speakers)
                else:
                    duration = source.turns[-1].start if source.turns else 0.0
                    coder_transcript = transcript_from_turns(
                        parse_text(anonymised_text(source, result, speakers)),
                        Source(recording_id, checksum, float(duration)),
                        ModelInfo("edited by hand", None, None),
                        True,
                    )
                files = {f"{recording_id}{WRITERS[f][0]}": WRITERS[f][1](coder_transcript) for f in config.formats}
                reports = folder.reports
                leaks = find_leaks(
                    files,
                    guarded_terms(
                        key.all_surfaces() + [t.partition(":")[2] or t for t in config.deny_list],
                        config.common_word_zipf,
                    ),
                )
                if leaks:
                    listing = "\n".join(f"{name}\t{term}" for name, term in leaks)
                    atomic_write_text(reports / f"{path.stem}.leaks.tsv", listing + "\n", mode=0o600)
                    raise PrivacyLeak(
                        f"{path.name}: privacy guard found {len(leaks)} identifying term(s) in the "
                        f"files for coders; nothing written. Details (private): "
                        f"{reports / (path.stem + '.leaks.tsv')}"
                    )
                for name, data in files.items():
                    atomic_write_bytes(coders / name, data)
                rows = report_rows(source.turns, result)
                atomic_write_text(
                    reports / f"{path.stem}.anonymisation.html", report_html(path.name, rows, config.source), mode=0o600
                )
                atomic_write_text(reports / f"{path.stem}.anonymisation.csv", report_csv(rows), mode=0o600)
                key.save(private)
                state[path.stem] = {
                    "input": path.name,
                    "input_sha256": checksum,
                    "config": fingerprint,
                    "recording_id": recording_id,
                }
                atomic_write_text(state_path, json.dumps(state, indent=1), mode=0o600)
                outcome.done.append(path)
                logger.info(
                    "anonymised %s -> %s (%d replacements, %d to review)",
                    recording_id,
                    FOR_CODERS,
                    len(result.replacements),
                    len(result.review),
                )
            except ScribeError as exc:
                outcome.failed.append((path, str(exc)))
        key.save(private)
    return outcome
