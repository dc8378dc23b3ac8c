"""The names a transcript is checked against: its own detections, the study key, the deny-list.

Indexed so that any word can be looked up at once: the same word in any case, a spelling variant, a
sound-alike, a nickname or a short form of a person's name word (`anonymise.names`), an acronym of a longer
organisation name or a person's initials.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anonymise.detect import Detection
from anonymise.names import (
    FAMILIAR_PREFIXES,
    NICKNAME,
    SAME,
    TITLES,
    abbreviates,
    first_sound,
    fold,
    is_common_word,
    name_relation,
    nicknames,
)
from anonymise.spoken import is_spelled_out
from anonymise.terms import NAME_TYPES

ABBREVIATION = "abbreviation"
PART_ZIPF = 3.5  # a word of an organisation's longer name names it alone below this ("Helixtide", not "Pharmacy")


@dataclass(frozen=True)
class NameForm:
    text: str  # one word of a known name ("Priya"), or a whole multi-word organisation or place
    entity_type: str
    score: float


def name_parts(entity_type: str, surface: str, zipf: float, language: str = "en") -> list[str]:
    """The words of a name that name its bearer alone: every word of a person's name but titles ("Priya",
    "Rao"); an organisation's or place's single word, or the uncommon capitalised words of a longer name
    ("Helixtide" of "Helixtide Bio", "Mellon" of "Carnegie Mellon"; not "Health", "Pharmacy" or "Old").
    A name spelled out letter by letter has no such words: its letters ("ele", "ene") are not names."""
    if is_spelled_out(surface, language):
        return []
    words = [re.sub(r"['’]s$", "", w.strip(".,;:'’\"")) for w in surface.split()]  # "Nkechi's" names Nkechi
    words = [w for w in words if len(w) >= 2 and any(c.isalpha() for c in w)]
    single = len(words) == 1
    words = [w for w in words if fold(w) not in TITLES and w not in FAMILIAR_PREFIXES]  # "Auntie", "Ah" alone
    if entity_type == "PERSON" or single:
        return words
    return [w for w in words if w[:1].isupper() and len(w) >= 3 and not is_common_word(w, PART_ZIPF, language)]


NAME_JOINERS = {"and", "&", "y", "et", "e", "und"}  # "Clydebrae and Kelvinhaugh", "Buchan & Strachan"


def joined_short_forms(entity_type: str, surface: str) -> list[str]:
    """The short form of an organisation named by two names joined ("Clydebrae and Kelvinhaugh" of "Clydebrae
    and Kelvinhaugh Housing Association", "Cardiff and Vale" of "Cardiff and Vale University Health Board"):
    its words up to the name after the first joiner, when more follows."""
    if entity_type != "ORGANIZATION":
        return []
    words = surface.split()
    for k, word in enumerate(words[1:-2], start=1):
        if word.lower() in NAME_JOINERS and words[k - 1][:1].isupper() and words[k + 1][:1].isupper():
            return [" ".join(words[: k + 2])]
    return []


def person_initials(name: str) -> str:
    """ "Jean-Baptiste" -> "JB", "Mary Kate Olsen" -> "MKO" (titles left out)."""
    return "".join(w[0].upper() for w in re.split(r"[\s-]+", name.strip()) if w and fold(w) not in TITLES)


class KnownNames:
    """The names known so far (this transcript's detections, the study key, the deny-list), indexed for
    looking up any word of a transcript."""

    def __init__(
        self,
        seeds: list[Detection],
        max_edits: int,
        zipf: float,
        language: str = "en",
        kinds: frozenset[str] = frozenset(),
    ):
        """`kinds`: acronyms the transcript uses for a kind of thing ("SACCO" of "how SACCOs use it"), which are
        no name alone though a name ends with one ("Dunga Boda Boda SACCO")."""
        self.max_edits, self.zipf, self.language, self.kinds = max_edits, zipf, language, kinds
        self.words: dict[str, NameForm] = {}
        self.phrases: dict[str, NameForm] = {}
        self.people: list[NameForm] = []  # whole names of people, for their initials
        for seed in seeds:
            if seed.entity_type in NAME_TYPES:
                self._add(seed)
        self._by_initial: dict[str, list[NameForm]] = {}
        self._nicknames: dict[str, NameForm] = {}
        for form in self.words.values():
            self._by_initial.setdefault(first_sound(form.text), []).append(form)
            if form.entity_type == "PERSON":
                for nickname in nicknames(form.text):
                    self._nicknames.setdefault(nickname, form)
        self._cache: dict[str, tuple[NameForm, str] | None] = {}

    def _add(self, seed: Detection) -> None:
        words = seed.text.split()
        if seed.entity_type == "PERSON" and len(re.split(r"[\s-]+", seed.text.strip())) > 1:
            self.people.append(NameForm(seed.text, seed.entity_type, seed.score))
        if seed.entity_type != "PERSON" and len(words) > 1:
            for phrase in [seed.text, *joined_short_forms(seed.entity_type, seed.text)]:
                self.phrases.setdefault(fold(phrase), NameForm(phrase, seed.entity_type, seed.score))
        for word in name_parts(seed.entity_type, seed.text, self.zipf, self.language):
            if len(words) > 1 and word in self.kinds:
                continue
            known = self.words.get(fold(word))
            if known is None or (seed.entity_type == "PERSON" and known.entity_type != "PERSON"):
                self.words[fold(word)] = NameForm(word, seed.entity_type, seed.score)  # a person's name stays one

    def lookup(self, word: str, variants: bool = True) -> tuple[NameForm, str] | None:
        """The known name this word is a form of, and how (names.SAME, a variant…), or None. Without
        `variants`, only the same word in any case."""
        key = fold(word)
        if not variants:
            form = self.words.get(key)
            return (form, SAME) if form else None
        if key not in self._cache:
            self._cache[key] = self._find(key)
        return self._cache[key]

    def abbreviation(self, acronym: str) -> tuple[NameForm, str] | None:
        """The organisation or place this acronym abbreviates ("UBC", "SFU"), or the person whose initials
        it is ("JB" for "Jean-Baptiste"), or None."""
        form = next((f for f in self.phrases.values() if abbreviates(acronym, f.text)), None)
        if form is None:
            form = next((f for f in self.people if person_initials(f.text) == acronym), None)
        return (form, ABBREVIATION) if form else None

    def _find(self, key: str) -> tuple[NameForm, str] | None:
        if key in self.words:
            return self.words[key], SAME
        if len(key) < 3 or not key.isalpha():
            return None
        if key in self._nicknames:
            return self._nicknames[key], NICKNAME
        for form in self._by_initial.get(first_sound(key), []):
            relation = name_relation(key, form.text, self.max_edits, form.entity_type == "PERSON")
            if relation:
                return form, relation
        return None
