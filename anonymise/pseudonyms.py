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

from anonymise.names import (
    NICKNAME,
    SAME,
    SHORT,
    SOUND,
    SPELLING,
    SURNAME_PARTICLES,
    TITLES,
    given_names,
    name_relation,
    spelled_alike,
)
from anonymise.substitutes import realistic_substitute, words_of
from anonymise.terms import NAME_TYPES
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


LINKING_ORDER = (SAME, SPELLING, NICKNAME, SOUND, SHORT)  # closer relations first: "Roy" is not "Rao" if Roy is known


def normalise(surface: str) -> str:
    surface = re.sub(r"['’]s$", "", surface.strip())
    return " ".join(surface.casefold().split())


def person_words(surface: str) -> list[str]:
    """The words of a person's name without titles and particles: "Dr. Okonkwo" -> ["okonkwo"], "la señora
    de la Barra" -> ["barra"]."""
    words = [w.strip(".") for w in normalise(surface).split()]
    return [w for w in words if w and w not in TITLES and w not in SURNAME_PARTICLES] or words


def _short_form_of(word: str, name: str) -> bool:
    """Whether one word stands for a longer name: one of its capitalised words ("Brightwater", 3 letters or
    more) or, in capitals, the initials of its capitalised words ("BHP")."""
    capitalised = [w for w in re.findall(r"[\w’'-]+", name) if w[:1].isupper()]
    if len(name.split()) < 2 or not capitalised:
        return False
    if word.isupper() and len(capitalised) >= 2 and word == "".join(w[0] for w in capitalised).upper():
        return True
    return len(word) >= 3 and normalise(word) in {normalise(w) for w in capitalised}  # "NHS" of "NHS Grampian" too


def _leading_words_of(words: str, name: str) -> bool:
    """Whether several words are the first words of a longer name ("Soon Huat" of "Soon Huat Poultry Trading")."""
    return normalise(name).startswith(normalise(words) + " ")


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
    def find(self, entity_type: str | None, surface: str) -> Entity | None:
        """The known entity this surface names: the same name, then a person sharing a name word with it
        (the same word, a spelling variant, a nickname, a sound-alike, a short form: `anonymise.names`),
        then a spelling variant of a whole name."""
        key = normalise(surface)
        exact = [e for e in self._surface_index().get(key, []) if entity_type in (None, e.entity_type)]
        if exact:
            return exact[0]
        candidates = [e for e in self.entities if entity_type in (None, e.entity_type)]
        if entity_type in (None, "PERSON"):
            people = [e for e in candidates if e.entity_type == "PERSON"]
            words = person_words(key)
            for relation in LINKING_ORDER:
                for entity in people:
                    if any(self._shares_name(words, person_words(s), relation) for s in entity.surfaces):
                        return entity
        if entity_type in (None, "ORGANIZATION") and (whole := self._organisation_of_short_form(surface)):
            return whole
        for entity in candidates:
            if any(spelled_alike(key, normalise(s), self.max_edits) for s in entity.surfaces):
                return entity
        return None

    def _organisation_of_short_form(self, surface: str) -> Entity | None:
        """The one known organisation a capitalised word of its name or its initials stand for ("Brightwater"
        or "BHP" of "Brightwater Health Partnership", "la Junta" of "la Junta de Andalucía"); None when no
        organisation or several fit."""
        word = surface.strip()
        if len(word) < 2 or not word[:1].isupper():
            return None
        short_form = _leading_words_of if " " in word else _short_form_of
        fits = [
            e for e in self.entities if e.entity_type == "ORGANIZATION" and any(short_form(word, s) for s in e.surfaces)
        ]
        return fits[0] if len(fits) == 1 else None

    def _surface_index(self) -> dict[str, list[Entity]]:
        """Entities by their normalised surfaces, rebuilt when a surface or an entity was added."""
        version = (len(self.entities), sum(len(e.surfaces) for e in self.entities))
        if getattr(self, "_index_version", None) != version:
            index: dict[str, list[Entity]] = {}
            for entity in self.entities:
                for s in entity.surfaces:
                    index.setdefault(normalise(s), []).append(entity)
            self._index, self._index_version = index, version
        return self._index

    def _shares_name(self, words: list[str], known: list[str], relation: str) -> bool:
        """One side is a single word that is `relation` to a word of the other ("Priya" / "Priya Rao")."""
        if len(words) == 1:
            pairs = [(words[0], k) for k in known]
        elif len(known) == 1:
            pairs = [(w, known[0]) for w in words]
        else:
            return False
        return any(
            name_relation(w, k, self.max_edits) == relation and not (relation == SOUND and w in given_names())
            for w, k in pairs
        )  # "Anna" sounds like "Ann" but is a name of its own: linked only when it is not a given name

    def pseudonym(self, entity_type: str, surface: str, recording: str | None = None, at: str | None = None) -> str:
        """The pseudonym for this surface, creating an entity the first time it is seen."""
        entity = self.find(entity_type, surface) or self._same_name_other_type(entity_type, surface)
        if entity is None:
            entity = self._new_entity(entity_type, surface)
        if surface.strip() not in entity.surfaces:
            entity.surfaces.append(surface.strip())
        if recording is not None:
            entity.occurrences.append({"recording": recording, "at": at})
        return self._render_part(entity, surface)

    def _same_name_other_type(self, entity_type: str, surface: str) -> Entity | None:
        """The entity already named by exactly this surface under another name type: the models call one
        town a place here and an organisation there ("Tewkesbury", "Tewkesbury's"), and the coders should
        read one pseudonym for it."""
        if entity_type not in NAME_TYPES:
            return None
        same = self._surface_index().get(normalise(surface), [])
        return next((e for e in same if e.entity_type in NAME_TYPES), None)

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
        alike = any(spelled_alike(word, n, self.max_edits) for n in last_names)
        part = parts[-1] if len(parts) > 1 and alike else parts[0]
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
