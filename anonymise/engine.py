"""Anonymising a document (a list of turn texts): detect, propagate, pseudonymise with presidio-anonymizer."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from anonymise.config import AnonymiseConfig
from anonymise.detect import NAME_TYPES, Detection, Detector
from anonymise.propagate import (
    extend_person_names,
    is_common_word,
    merge_detections,
    propagate,
    rare_proper_nouns,
    sentence_initial,
)
from anonymise.pseudonyms import StudyKey, normalise


@dataclass
class Replacement:
    turn: int  # index of the turn the span is in
    start: int  # character offsets inside that turn's text
    end: int
    entity_type: str
    score: float
    rule: str  # which recognizer or rule found it
    original: str
    pseudonym: str | None  # None for a candidate left for review


@dataclass
class AnonymisedDocument:
    turns: list[str]  # anonymised turn texts, one per input turn
    replacements: list[Replacement] = field(default_factory=list)
    review: list[Replacement] = field(default_factory=list)  # low-confidence candidates not replaced


def _turn_of(offsets: list[int], position: int) -> int:
    turn = 0
    while turn + 1 < len(offsets) and offsets[turn + 1] <= position:
        turn += 1
    return turn


class Anonymiser:
    """Holds the loaded models and the study key; anonymises one document at a time."""

    def __init__(self, config: AnonymiseConfig, key: StudyKey):
        self.config = config
        self.key = key
        self.detector = Detector(config)
        self.anonymizer = AnonymizerEngine()

    def _study_seeds(self) -> list[Detection]:
        """Names already known from other transcripts of the study (or the deny-list) seed propagation."""
        seeds = [
            Detection(0, 0, e.entity_type, 1.0, "study-key", s)
            for e in self.key.entities
            if e.entity_type in NAME_TYPES
            for s in e.surfaces
        ]
        for entry in self.config.deny_list:
            kind, sep, term = entry.partition(":")
            typed = sep and kind.strip().upper() in NAME_TYPES
            seeds.append(
                Detection(
                    0,
                    0,
                    kind.strip().upper() if typed else "PERSON",
                    1.0,
                    "deny-list",
                    term.strip() if typed else entry.strip(),
                )
            )
        return seeds

    def detect(self, text: str) -> tuple[list[Detection], list[Detection]]:
        """What to replace in a text (after propagation and merging), and what to list for review."""
        artifacts = self.detector.nlp(text)
        keep, review = self.detector.detect(text, artifacts)
        doc = artifacts.tokens
        allow = self.detector.allow
        keep, doubtful = self._demote_sentence_initial_words(doc, keep)
        review += doubtful
        keep += rare_proper_nouns(doc, keep, allow)
        found = keep + propagate(
            doc, keep + self._study_seeds(), allow, self.config.common_word_zipf, self.config.max_spelling_edits
        )
        found += extend_person_names(doc, found, allow, self.config.common_word_zipf)
        allowed = allow.spans(text)
        merged = [
            d
            for d in merge_detections(found)
            if d.entity_type not in NAME_TYPES or not any(s < d.end and d.start < e for s, e in allowed)
        ]
        merged = self._people_stay_people(merged, keep)
        review = [r for r in review if not any(r.start < d.end and d.start < r.end for d in merged)]
        return merged, review

    def _people_stay_people(self, detections: list[Detection], seeds: list[Detection]) -> list[Detection]:
        """A word that names a person elsewhere is a person here too, whatever the model said ("Priya's")."""
        people = {
            normalise(w) for d in seeds + self._study_seeds() if d.entity_type == "PERSON" for w in d.text.split()
        }
        return [
            replace(d, entity_type="PERSON")
            if d.entity_type in NAME_TYPES
            and d.entity_type != "PERSON"
            and " " not in d.text.strip()
            and normalise(d.text) in people
            else d
            for d in detections
        ]

    def _demote_sentence_initial_words(self, doc, seeds: list[Detection]) -> tuple[list[Detection], list[Detection]]:
        """A single ordinary word tagged as a name only where it starts a sentence ("Drift, …") is doubtful."""
        starts = {t.idx: i for i, t in enumerate(doc)}
        keep, doubtful = [], []
        for seed in seeds:
            index = starts.get(seed.start)
            shaky = (
                seed.entity_type in NAME_TYPES
                and seed.rule == "SpacyRecognizer"
                and " " not in seed.text
                and index is not None
                and sentence_initial(doc, index)
                and is_common_word(seed.text, self.config.common_word_zipf - 0.5)
            )
            (doubtful if shaky else keep).append(seed)
        return keep, doubtful

    def anonymise_turns(self, texts: list[str], recording: str) -> AnonymisedDocument:
        """Anonymise turns as one document (a name split over two turns is still one name); each
        detection becomes its pseudonym in the turn where it starts, and its continuation in the
        next turn, if any, is removed."""
        texts = [" ".join(t.split("\n")) for t in texts]
        document = " ".join(texts)
        offsets, position = [], 0
        for text in texts:
            offsets.append(position)
            position += len(text) + 1
        detections, review = self.detect(document)
        for d in sorted(detections, key=lambda d: (-len(d.text.split()), d.start)):
            self.key.pseudonym(d.entity_type, d.text)  # whole names first, so their parts link to them

        per_turn: dict[int, list[RecognizerResult]] = {}
        operators: dict[str, OperatorConfig] = {}
        replacements: list[Replacement] = []
        for index, d in enumerate(detections):
            pseudonym = self.key.pseudonym(d.entity_type, d.text, recording, f"turn {_turn_of(offsets, d.start) + 1}")
            first = _turn_of(offsets, d.start)
            for turn in range(first, _turn_of(offsets, max(d.start, d.end - 1)) + 1):
                lo, hi = max(d.start, offsets[turn]), min(d.end, offsets[turn] + len(texts[turn]))
                if hi <= lo:
                    continue
                tag = f"DETECTION_{index}_{turn}"
                operators[tag] = OperatorConfig("replace", {"new_value": pseudonym if turn == first else ""})
                per_turn.setdefault(turn, []).append(
                    RecognizerResult(tag, lo - offsets[turn], hi - offsets[turn], d.score)
                )
                replacements.append(
                    Replacement(
                        turn,
                        lo - offsets[turn],
                        hi - offsets[turn],
                        d.entity_type,
                        d.score,
                        d.rule if turn == first else f"{d.rule} (continued)",
                        document[lo:hi],
                        pseudonym if turn == first else "",
                    )
                )
        anonymised = []
        for turn, text in enumerate(texts):
            results = per_turn.get(turn)
            out = self.anonymizer.anonymize(text, results, operators).text if results else text
            anonymised.append(" ".join(out.split()) if results else out)

        def located(d: Detection) -> Replacement:
            turn = _turn_of(offsets, d.start)
            return Replacement(
                turn, d.start - offsets[turn], d.end - offsets[turn], d.entity_type, d.score, d.rule, d.text, None
            )

        return AnonymisedDocument(anonymised, replacements, [located(r) for r in review])
