"""Study-wide pseudonyms and the private re-identification key.

The same person gets the same pseudonym in every transcript of a study: a name is linked to a known
entity when it is the same name, a part of it ("Priya" of "Priya Rao"), or a spelling variant of it.
The key (pseudonym → original surfaces and where they occurred, recording → coder-side id) is written
0600 in the private identified/ folder only.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from anonymise.substitutes import realistic_substitute, words_of
from transcribe.errors import ConfigError
from transcribe.study.fileio import atomic_write_text

KEY_FILE = "reidentification-key.json"


@dataclass
class Entity:
    pseudonym: str
    entity_type: str
    surfaces: list[str] = field(default_factory=list)  # every spelling seen
    occurrences: list[dict] = field(default_factory=list)  # {"recording", "at"} where it was replaced
    number: int = 0  # its number among entities of its type
    substitute: str | None = None  # the realistic stand-in, when the format asks for {substitute}


def normalise(surface: str) -> str:
    surface = re.sub(r"['’]s$", "", surface.strip())
    return " ".join(surface.casefold().split())


class StudyKey:
    """Pseudonym registry and recording ids for a whole study, persisted as the re-identification key."""

    def __init__(
        self,
        pseudonym_format: str,
        labels: dict[str, str],
        max_edits: int = 1,
        locale: str = "en_US",
        avoid: list[str] = (),
    ):
        self.format = pseudonym_format
        self.labels = labels
        self.max_edits = max_edits
        self.locale = locale  # Faker locale of realistic substitutes
        self.avoid = list(avoid)  # names (the deny-list) no substitute may share a word with
        self.entities: list[Entity] = []
        self.recordings: dict[str, str] = {}  # private stem -> coder-side id

    # --- recordings -------------------------------------------------------------------------
    def recording_id(self, stem: str) -> str:
        """A stable coder-side id (INT-001, …) that carries nothing of the file's name."""
        if stem not in self.recordings:
            self.recordings[stem] = f"INT-{len(self.recordings) + 1:03d}"
        return self.recordings[stem]

    # --- entities ---------------------------------------------------------------------------
    def _alike(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if min(len(a), len(b)) < 4 or a[0] != b[0]:
            return False
        return Levenshtein.distance(a, b, score_cutoff=self.max_edits) <= self.max_edits

    def find(self, entity_type: str | None, surface: str) -> Entity | None:
        """The known entity this surface names: same name, then a shared part, then a spelling variant."""
        key = normalise(surface)
        candidates = [e for e in self.entities if entity_type in (None, e.entity_type)]
        for entity in candidates:
            if key in (normalise(s) for s in entity.surfaces):
                return entity
        if entity_type in (None, "PERSON"):
            words = key.split()
            for entity in candidates:
                if entity.entity_type != "PERSON":
                    continue
                for known in entity.surfaces:
                    parts = normalise(known).split()
                    if (len(words) == 1 and any(self._alike(words[0], p) for p in parts)) or (
                        len(parts) == 1 and any(self._alike(parts[0], w) for w in words)
                    ):
                        return entity
        for entity in candidates:
            if any(self._alike(key, normalise(s)) for s in entity.surfaces):
                return entity
        return None

    def pseudonym(self, entity_type: str, surface: str, recording: str | None = None, at: str | None = None) -> str:
        """The pseudonym for this surface, creating an entity the first time it is seen."""
        entity = self.find(entity_type, surface)
        if entity is None:
            entity = self._new_entity(entity_type, surface)
        if surface.strip() not in entity.surfaces:
            entity.surfaces.append(surface.strip())
        if recording is not None:
            entity.occurrences.append({"recording": recording, "at": at})
        return self._render_part(entity, surface)

    def _new_entity(self, entity_type: str, surface: str) -> Entity:
        number = 1 + sum(e.entity_type == entity_type for e in self.entities)
        label = self.labels.get(entity_type, entity_type)
        substitute = None
        if "{substitute}" in self.format:
            taken = [*self.all_surfaces(), surface, *self.avoid, *(e.substitute or "" for e in self.entities)]
            substitute = realistic_substitute(entity_type, number, self.locale, words_of(taken))
        entity = Entity(
            self.format.format(label=label, number=number, substitute=substitute or f"{label} {number}"),
            entity_type,
            number=number,
            substitute=substitute,
        )
        self.entities.append(entity)
        return entity

    def _render_part(self, entity: Entity, surface: str) -> str:
        """A realistic person's pseudonym follows the surface: "Priya" of "Priya Rao" becomes the
        substitute's first name, "Rao" its last name; labels ("[PERSON 1]") stay whole."""
        substitute = entity.substitute
        if entity.entity_type != "PERSON" or not substitute or len(surface.split()) != 1:
            return entity.pseudonym
        parts = substitute.split()
        word = normalise(surface)
        last_names = {normalise(s).split()[-1] for s in entity.surfaces if len(s.split()) > 1}
        part = parts[-1] if len(parts) > 1 and any(self._alike(word, n) for n in last_names) else parts[0]
        label = self.labels.get(entity.entity_type, entity.entity_type)
        return self.format.format(label=label, number=entity.number, substitute=part)

    def all_surfaces(self) -> list[str]:
        return [s for e in self.entities for s in e.surfaces]

    # --- persistence ------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "warning": "PRIVATE: re-identifies every participant. Never share with coders.",
            "recordings": self.recordings,
            "entities": [asdict(e) for e in self.entities],
        }

    def save(self, folder: Path) -> Path:
        path = Path(folder) / KEY_FILE
        atomic_write_text(path, json.dumps(self.to_dict(), ensure_ascii=False, indent=1), mode=0o600)
        return path

    @classmethod
    def load(
        cls,
        folder: Path,
        pseudonym_format: str,
        labels: dict[str, str],
        max_edits: int = 1,
        locale: str = "en_US",
        avoid: list[str] = (),
    ) -> StudyKey:
        key = cls(pseudonym_format, labels, max_edits, locale, avoid)
        path = Path(folder) / KEY_FILE
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                key.recordings = dict(data["recordings"])
                key.entities = [Entity(**e) for e in data["entities"]]
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise ConfigError(
                    f"{path}: re-identification key is unreadable ({exc}); restore it from backup"
                ) from exc
        return key

    def forget_occurrences(self, recording: str) -> None:
        """Drop one recording's occurrence records before it is anonymised again."""
        for entity in self.entities:
            entity.occurrences = [o for o in entity.occurrences if o["recording"] != recording]
