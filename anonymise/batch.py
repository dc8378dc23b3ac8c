"""Anonymising the transcripts of a study: one key for all, unchanged ones skipped, and every transcript
anonymised again when a name found later in the study occurs in it (pseudonyms stay)."""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

from anonymise.config import AnonymiseConfig
from anonymise.documents import read_document
from anonymise.engine import Anonymiser
from anonymise.guard import find_leaks, guarded_terms
from anonymise.handoff import PRIVATE, build_handoff, check_and_write, coder_transcript
from anonymise.inputs import resolve_inputs
from anonymise.labels import speaker_map
from anonymise.language import choose_language, patterns_only_notice
from anonymise.pseudonyms import StudyKey, normalise
from anonymise.terms import parse_terms
from transcribe.errors import ScribeError
from transcribe.study.fileio import atomic_write_text, make_private_folder, sha256_file
from transcribe.study.layout import StudyFolder
from transcribe.study.writers import WRITERS

logger = logging.getLogger(__name__)

STATE_FILE = ".anonymise-state.json"
MAX_CATCH_UP_ROUNDS = 3  # re-anonymising can find names that send another transcript round again


@dataclass
class AnonymiseOutcome:
    done: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)
    redone: list[Path] = field(default_factory=list)  # done earlier, again for names found later


@contextmanager
def study_lock(folder: Path) -> Iterator[None]:
    """One anonymiser at a time per study folder: the key must not be written by two processes."""
    make_private_folder(folder)
    with open(os.open(folder / ".anonymise.lock", os.O_CREAT | os.O_WRONLY, 0o600), "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def config_fingerprint(config: AnonymiseConfig) -> str:
    return hashlib.sha256(json.dumps(asdict(config), sort_keys=True).encode()).hexdigest()


def load_key(private: Path, config: AnonymiseConfig) -> StudyKey:
    deny = [t.text for t in parse_terms(config.deny_list, config.entities)]
    return StudyKey.load(
        private, config.pseudonym_format, config.labels, config.max_spelling_edits, config.substitute_locale, deny
    )


def known_names(key: StudyKey, config: AnonymiseConfig) -> list[tuple[str, str]]:
    """(entity type, surface) of every name the study knows: the key's and the deny-list's."""
    names = [(e.entity_type, s) for e in key.entities for s in e.surfaces]
    return names + [(t.entity_type, t.text) for t in parse_terms(config.deny_list, config.entities)]


class Study:
    """One study folder: its key, its state (what was anonymised from which input, knowing which names)."""

    def __init__(self, output_dir: Path, config: AnonymiseConfig, anonymiser: Anonymiser | None = None):
        self.folder = StudyFolder(output_dir)
        self.folder.prepare()
        self.private, self.coders = self.folder.identified, self.folder.for_coders
        self.config = config
        self.key = load_key(self.private, config)
        self.fingerprint = config_fingerprint(config)
        self._anonymiser = anonymiser
        try:
            self.state = json.loads((self.private / STATE_FILE).read_text())
        except (OSError, ValueError):
            self.state = {}

    @property
    def anonymiser(self) -> Anonymiser:
        """Loaded on first use: a run where everything is unchanged loads no model."""
        if self._anonymiser is None:
            self._anonymiser = Anonymiser(self.config)
        return self._anonymiser

    def names_now(self) -> list[str]:
        return sorted({normalise(s) for _, s in known_names(self.key, self.config)})

    def unchanged(self, path: Path) -> bool:
        """Same input, same settings, files in place, and no name found since that occurs in it."""
        previous = self.state.get(path.stem, {})
        outputs = [self.coders / f"{previous.get('recording_id')}{WRITERS[f][0]}" for f in self.config.formats]
        return (
            previous.get("input_sha256") == sha256_file(path)
            and previous.get("config") == self.fingerprint
            and all(p.exists() for p in outputs)
            and not self.has_new_names(path)
        )

    def has_new_names(self, path: Path) -> bool:
        """Whether a name the study learnt after this transcript was done occurs in it."""
        previous = self.state.get(path.stem, {})
        then = set(previous.get("names", []))
        new = [(t, s) for t, s in known_names(self.key, self.config) if normalise(s) not in then]
        if not new:
            return False
        text = "\n".join(t.text for t in read_document(path).turns)
        language = previous.get("language", "en")
        terms = guarded_terms(new, self.config.common_word_zipf, language, tuple(self.config.allow_list))
        return bool(find_leaks({"": text.encode()}, terms))

    def anonymise(self, path: Path) -> None:
        """One transcript: anonymised, checked by the guard, written; the key and state saved."""
        source = read_document(path)
        self.key.forget_occurrences(path.stem)
        recording_id = self.key.recording_id(path.stem)
        texts = [t.text for t in source.turns]
        declared = source.transcript.language if source.transcript is not None else None
        language = choose_language(self.config, declared, "\n".join(texts), path.name)
        result = self.anonymiser.anonymise_turns(texts, path.stem, self.key, language)
        labels = {t.speaker for t in source.turns if t.speaker}
        speakers = speaker_map(self.key, labels, parse_terms(self.config.deny_list, self.config.entities))
        transcript = coder_transcript(source, result, recording_id, speakers, sha256_file(path))
        handoff = build_handoff(source, result, transcript, self.config)
        check_and_write(handoff, source, known_names(self.key, self.config), self.config, self.folder, language.code)
        self.key.save(self.private)
        self.record(path, recording_id, language.code)
        if language.patterns_only:
            logger.warning("%s: %s", recording_id, patterns_only_notice(language))
        logger.info(
            "anonymised %s -> %s (%d replacements, %d to review)",
            recording_id,
            self.coders.name,
            len(result.replacements),
            len(result.review),
        )

    def record(self, path: Path, recording_id: str, language: str) -> None:
        self.state[path.stem] = {
            "input": str(path.resolve()),
            "input_sha256": sha256_file(path),
            "config": self.fingerprint,
            "recording_id": recording_id,
            "language": language,
            "names": self.names_now(),
        }
        atomic_write_text(self.private / STATE_FILE, json.dumps(self.state, indent=1), mode=PRIVATE)

    def earlier_inputs(self) -> list[Path]:
        """Transcripts this study anonymised before, that still exist."""
        paths = [Path(s["input"]) for s in self.state.values() if "input" in s and Path(s["input"]).is_absolute()]
        return [p for p in paths if p.is_file()]


def _try(study: Study, path: Path, outcome: AnonymiseOutcome, done: list[Path]) -> None:
    try:
        study.anonymise(path)
        done.append(path)
    except ScribeError as exc:
        outcome.failed.append((path, str(exc)))


def anonymise_paths(
    inputs: list[Path],
    output_dir: Path,
    config: AnonymiseConfig,
    force: bool = False,
    anonymiser: Anonymiser | None = None,
) -> AnonymiseOutcome:
    """Anonymise transcripts into OUTPUT/for-coders/, with reports and the key in OUTPUT/identified/; then
    anonymise again any transcript of the study in which a name found later occurs."""
    outcome = AnonymiseOutcome()
    with study_lock(StudyFolder(output_dir).identified):
        study = Study(output_dir, config, anonymiser)
        for path in resolve_inputs([Path(p) for p in inputs]):
            try:
                if not force and study.unchanged(path):
                    outcome.skipped.append(path)
                    continue
            except ScribeError as exc:
                outcome.failed.append((path, str(exc)))
                continue
            _try(study, path, outcome, outcome.done)
        _catch_up(study, outcome)
        study.key.save(study.private)
    return outcome


def _catch_up(study: Study, outcome: AnonymiseOutcome) -> None:
    """Transcripts done before a name was found, that contain it, are anonymised again."""
    failed = {p.resolve() for p, _ in outcome.failed}
    for _ in range(MAX_CATCH_UP_ROUNDS):
        stale = [p for p in study.earlier_inputs() if p.resolve() not in failed and study.has_new_names(p)]
        if not stale:
            return
        for path in stale:
            logger.info("anonymising %s again: a name found later occurs in it", study.key.recording_id(path.stem))
            _try(study, path, outcome, outcome.redone)
            if path in outcome.skipped:
                outcome.skipped.remove(path)
