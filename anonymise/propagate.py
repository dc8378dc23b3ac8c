"""Recall beyond the model: once a name is known, find it everywhere, with its parts and variants.

"Priya Rao" found once (or in the study key, or on the deny-list) makes every "Priya", "Rao", "Priya's",
"priya" and the variants of `anonymise.names` ("Pria", a nickname, a sound-alike) detections, in every
turn. Names that are also ordinary words ("Will", "Mark", "May") are replaced only where capitals and
grammar say they are names: "Will said", "ask Will", "Will?", but not "we will" or "last May".
Contacts and postcodes found once are found again wherever the same string is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from anonymise.addresses import postcodes_in
from anonymise.detect import Detection
from anonymise.names import (
    NICKNAME,
    SAME,
    SHORT,
    TITLES,
    abbreviates,
    fold,
    given_names,
    is_acronym,
    is_common_word,
    name_relation,
    nicknames,
)
from anonymise.terms import NAME_TYPES, AllowList

_BOUNDARY = {".", "?", "!", ":", '"', "“", "”", "\n", "-", "—", "…", "¿", "¡", "«", "»", "("}
_NAME_FOLLOWERS = {"VBD", "VBZ", "POS", "MD"}  # "Will said", "Mark thinks", "Will's", "May will"
_TIME_BEFORE = {
    "in", "on", "by", "since", "until", "till", "last", "next", "this", "that", "every", "early", "late", "mid",
    "during", "before", "after", "from", "through", "of", "each", "a", "the", "since", "around", "till", "into",
}  # fmt: skip
ABBREVIATION = "abbreviation"
_PLACE_BEFORE = {"at", "to", "from", "in", "outside", "near", "into", "round", "behind", "the"}
NAME_POS = {"PROPN", "NOUN", "X"}  # what a tagger may call a name; never a pronoun
RARE_ZIPF = 3.0  # below this a word is rare enough in a language to be a name wherever it stands
PART_ZIPF = 3.5  # a word of an organisation's longer name names it alone below this ("Helixtide", not "Pharmacy")


@dataclass(frozen=True)
class NameForm:
    text: str  # one word of a known name ("Priya"), or a whole multi-word organisation or place
    entity_type: str
    score: float


def sentence_initial(doc, i: int) -> bool:
    """Whether token i starts a sentence or the turn (where capitals say nothing about names)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j < 0 or doc[j].text in _BOUNDARY


def _next(doc, i: int):
    return doc[i + 1] if i + 1 < len(doc) else None


def named_by_grammar(doc, i: int) -> bool:
    """Whether what follows token i makes it a name: a finite verb ("Will said", "Pilar es", "Mark
    thinks"), a possessive, a modal ("May will"). The verb's form is read from its morphology, whatever
    language; "rang" after "will" counts even where the tagger read "will rang" as auxiliary and verb."""
    after = _next(doc, i)
    if after is not None and after.pos_ == "ADV":  # "Grace just said", "Will also thinks"
        after = _next(doc, i + 1) or after
    if after is None:
        return False
    finite = after.pos_ in {"VERB", "AUX"} and "Fin" in after.morph.get("VerbForm")
    if after.text == "," and i + 3 < len(doc) and "Yes" in doc[i + 2].morph.get("Poss") and doc[i + 3].pos_ == "NOUN":
        return True  # "ravi, my batchmate, …": a name and who it is
    inflected = after.pos_ == "VERB" and bool(after.lemma_) and after.lower_ != after.lemma_.lower()
    return finite or inflected or after.tag_ in _NAME_FOLLOWERS or after.text in {"'s", "’s"}


def _said_as_time(doc, i: int) -> bool:
    """ "in May", "last May", "May 2019", "May the fifth": the word is a date here."""
    before = doc[i - 1].lower_ if i > 0 else ""
    after = _next(doc, i)
    return before in _TIME_BEFORE or (after is not None and (after.like_num or after.lower_ in {"of", "the"}))


def is_name_here(doc, i: int, common: bool) -> bool:
    """Whether token i, which spells a known name, is used as a name at this place. A month or a weekday
    ("May") is capitalised anyway, so there only grammar counts, as for any word at a sentence's start."""
    token = doc[i]
    grammar = named_by_grammar(doc, i)
    if token.ent_type_ in {"DATE", "TIME"}:
        return grammar or (token.text[0].isupper() and not sentence_initial(doc, i) and not _said_as_time(doc, i))
    if token.text[0].isupper():
        if not common or not sentence_initial(doc, i):
            return True
        after = _next(doc, i)
        return grammar or after is None or after.is_punct
    if not common:
        return True
    before = doc[i - 1] if i > 0 else None
    return grammar and not (before is not None and (before.pos_ in {"DET", "ADJ"} or before.tag_ in {"DT", "PRP$"}))


def name_parts(entity_type: str, surface: str, zipf: float, language: str = "en") -> list[str]:
    """The words of a name that name its bearer alone: every word of a person's name but titles ("Priya",
    "Rao"); an organisation's or place's single word, or the uncommon capitalised words of a longer name
    ("Helixtide" of "Helixtide Bio", "Mellon" of "Carnegie Mellon"; not "Health", "Pharmacy" or "Old")."""
    words = [w.strip(".,;:'’\"") for w in surface.split()]
    words = [w for w in words if len(w) >= 2 and any(c.isalpha() for c in w)]
    if entity_type == "PERSON":
        return [w for w in words if fold(w) not in TITLES]
    if len(words) == 1:
        return words
    return [w for w in words if w[:1].isupper() and len(w) >= 3 and not is_common_word(w, PART_ZIPF, language)]


class KnownNames:
    """The names known so far (this transcript's detections, the study key, the deny-list), indexed for
    looking up any word of a transcript."""

    def __init__(self, seeds: list[Detection], max_edits: int, zipf: float, language: str = "en"):
        self.max_edits, self.zipf, self.language = max_edits, zipf, language
        self.words: dict[str, NameForm] = {}
        self.phrases: dict[str, NameForm] = {}
        self.people: list[NameForm] = []  # whole names of people, for their initials
        for seed in seeds:
            if seed.entity_type in NAME_TYPES:
                self._add(seed)
        self._by_initial: dict[str, list[NameForm]] = {}
        self._nicknames: dict[str, NameForm] = {}
        for form in self.words.values():
            self._by_initial.setdefault(fold(form.text)[:1], []).append(form)
            if form.entity_type == "PERSON":
                for nickname in nicknames(form.text):
                    self._nicknames.setdefault(nickname, form)
        self._cache: dict[str, tuple[NameForm, str] | None] = {}

    def _add(self, seed: Detection) -> None:
        words = seed.text.split()
        if seed.entity_type == "PERSON" and len(re.split(r"[\s-]+", seed.text.strip())) > 1:
            self.people.append(NameForm(seed.text, seed.entity_type, seed.score))
        if seed.entity_type != "PERSON" and len(words) > 1:
            self.phrases.setdefault(fold(seed.text), NameForm(seed.text, seed.entity_type, seed.score))
        for word in name_parts(seed.entity_type, seed.text, self.zipf, self.language):
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
        for form in self._by_initial.get(key[:1], []):
            relation = name_relation(key, form.text, self.max_edits, form.entity_type == "PERSON")
            if relation:
                return form, relation
        return None


def _word_detection(doc, i: int, turn: int, known: KnownNames, allow: AllowList) -> Detection | None:
    token = doc[i]
    word = token.text
    if not word[:1].isalpha() or allow.covers(word):
        return None
    rare = not is_common_word(word, RARE_ZIPF, known.language)
    hit = known.lookup(word, variants=word[0].isupper() or rare)  # not "rob" the verb for "Rob"
    if hit is None and is_acronym(word):
        hit = known.abbreviation(word)
    if hit is None:
        return None
    form, relation = hit
    common = is_common_word(word, known.zipf if word[0].isupper() else RARE_ZIPF, known.language)
    if _compound_given_name(word.title()):
        common = False  # "jean-pierre": wordfreq counts its parts
    if (
        relation != SAME
        and common
        and (relation == SHORT or fold(word) not in given_names() or token.pos_ not in NAME_POS)
    ):
        return None  # "She", "See", "Since" sound like names; "Will", "Rob", "May" are names as well as words
    if form.entity_type != "PERSON" and word[0].islower() and is_common_word(word, RARE_ZIPF, known.language):
        return None  # "compass", "shell", "drift": organisations and places are capitalised
    if not is_name_here(doc, i, common):
        return None
    rule = "propagation" if relation == SAME else relation
    return Detection(turn, token.idx, token.idx + len(word), form.entity_type, form.score, rule, word)


def _phrase_detections(text: str, turn: int, known: KnownNames) -> list[Detection]:
    found = []
    for form in known.phrases.values():
        words = [re.escape(w) for w in form.text.split()]
        for match in re.finditer(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", text, re.IGNORECASE):
            surface = match.group()
            if surface.islower() and all(is_common_word(w, known.zipf, known.language) for w in surface.split()):
                continue  # "square one", "general electric" as words
            found.append(
                Detection(turn, match.start(), match.end(), form.entity_type, form.score, "propagation", surface)
            )
    return found


_SPELLED = re.compile(r"(?<![\w-])(?:[A-Za-z]-){2,}[A-Za-z](?![\w-])")


def _spelled_detections(text: str, turn: int, known: KnownNames) -> list[Detection]:
    """A known name spelled out letter by letter: "Dr Ngozi Eze. E-Z-E."."""
    found = []
    for match in _SPELLED.finditer(text):
        hit = known.lookup(match.group(), variants=False)
        if hit is not None:
            form = hit[0]
            found.append(Detection(turn, *match.span(), form.entity_type, form.score, "spelled out", match.group()))
    return found


def propagate(docs: list, known: KnownNames, allow: AllowList) -> list[Detection]:
    """Every place in the turns where a known name (or a part, or a variant of it) is used as a name."""
    found: list[Detection] = []
    for turn, doc in enumerate(docs):
        found += _phrase_detections(doc.text, turn, known) + _spelled_detections(doc.text, turn, known)
        for i in range(len(doc)):
            detection = _word_detection(doc, i, turn, known, allow)
            if detection is not None:
                found.append(detection)
    return found


def identifier_surfaces(detections: list[Detection]) -> dict[str, str]:
    """Contacts, addresses and the postcodes inside addresses found anywhere: surface -> entity type."""
    surfaces: dict[str, str] = {}
    for d in detections:
        if d.entity_type in NAME_TYPES:
            continue
        surfaces.setdefault(d.text, d.entity_type)
        if d.entity_type == "STREET_ADDRESS":
            for postcode in postcodes_in(d.text):
                surfaces.setdefault(postcode, d.entity_type)
    return surfaces


def repeat_identifiers(texts: list[str], surfaces: dict[str, str]) -> list[Detection]:
    """Each contact or postcode again, wherever the same string is written."""
    found = []
    for surface, entity_type in surfaces.items():
        pattern = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", re.IGNORECASE)
        for turn, text in enumerate(texts):
            for match in pattern.finditer(text):
                found.append(Detection(turn, match.start(), match.end(), entity_type, 1.0, "repeated", match.group()))
    return found


def extend_person_names(
    docs: list, detections: list[Detection], allow: AllowList, zipf: float, language: str = "en"
) -> list[Detection]:
    """Join an unknown capitalised word next to a person's name to it ("Shoo Ming" when "Ming" is known)."""
    people = {(d.turn, d.start, d.end) for d in detections if d.entity_type == "PERSON"}
    extra = []
    for turn, doc in enumerate(docs):
        spans = [(s, e) for t, s, e in people if t == turn]
        for token in doc:
            end = token.idx + len(token.text)
            if (
                not token.text[:1].isupper()
                or not token.is_alpha
                or allow.covers(token.text)
                or fold(token.text) in TITLES
                or is_common_word(token.text, zipf, language)
                or (token.idx, end) in spans
            ):
                continue
            if any(s == end + 1 or token.idx == e + 1 for s, e in spans):
                extra.append(Detection(turn, token.idx, end, "PERSON", 0.6, "name-neighbour", token.text))
    return extra


def person_initials(name: str) -> str:
    """ "Jean-Baptiste" -> "JB", "Mary Kate Olsen" -> "MKO" (titles left out)."""
    return "".join(w[0].upper() for w in re.split(r"[\s-]+", name.strip()) if w and fold(w) not in TITLES)


def _token_at(doc, offset: int) -> int | None:
    return next((i for i, t in enumerate(doc) if t.idx == offset), None)


def possessive_names(docs: list, detections: list[Detection]) -> list[Detection]:
    """Places named with an 's keep it: "at Nando's in Claremont", "the Macca's on Boundary Street", and a
    person's name used so ("I'll take you to Pat's") names a shop. Where a noun follows ("Target's
    policy", "Will's line") the 's is a possessive and stays outside."""
    out = []
    for d in detections:
        doc = docs[d.turn]
        start, i = _token_at(doc, d.start), _token_at(doc, d.end)
        if start is None or i is None or doc[i].text not in {"'s", "’s"} or d.entity_type not in NAME_TYPES:
            out.append(d)
            continue
        after = doc[i + 1] if i + 1 < len(doc) else None
        before = doc[start - 1].lower_ if start > 0 else ""
        place = d.entity_type != "PERSON" or before in _PLACE_BEFORE
        if place and (after is None or after.pos_ not in {"NOUN", "ADJ", "NUM"}):
            entity_type = "ORGANIZATION" if d.entity_type == "PERSON" else d.entity_type
            d = replace(d, end=d.end + len(doc[i].text), text=d.text + doc[i].text, entity_type=entity_type)
        out.append(d)
    return out


def _name_shaped(word: str) -> bool:
    """Capitalised like a name ("Adeyemi", "McLeod", "DeShawn"), not an acronym or a product ("KPIs", "FormSG")."""
    capitals = sum(c.isupper() for c in word)
    return capitals == 1 or (
        capitals == 2 and bool(re.match(r"^(?:Mc|Mac|O'|D'|De|Di|Da|La|Le|Van|Von)[A-Z][a-z]+$", word))
    )


def _compound_given_name(word: str) -> bool:
    """ "Jean-Pierre", "Marie-Claire", "Anne-Sophie": capitalised parts that are all given names."""
    parts = word.split("-")
    return len(parts) > 1 and all(p[:1].isupper() and fold(p) in given_names() for p in parts)


def rare_proper_nouns(docs: list, known: list[Detection], allow: AllowList, language: str = "en") -> list[Detection]:
    """Capitalised words so rare in the language that they are most likely names the model did not tag, and
    compound given names ("Jean-Pierre")."""
    taken = {(d.turn, d.start) for d in known} | {(d.turn, i) for d in known for i in range(d.start, d.end)}
    found = []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            word = token.text
            if _compound_given_name(word) and (turn, token.idx) not in taken:
                found.append(Detection(turn, token.idx, token.idx + len(word), "PERSON", 0.6, "given names", word))
                continue
            if not (token.is_alpha and word[0].isupper() and len(word) >= 3 and _name_shaped(word)):
                continue
            if allow.covers(word) or is_common_word(word, RARE_ZIPF - 0.5, language) or (turn, token.idx) in taken:
                continue
            before = doc[i - 1].text.lower() if i > 0 else ""
            kind = "ORGANIZATION" if before in {"at", "from", "with", "for", "joined"} else "PERSON"
            found.append(Detection(turn, token.idx, token.idx + len(word), kind, 0.5, "rare-proper-noun", word))
    return found


def _adjacent_people(last: Detection, d: Detection, gap: str) -> bool:
    """Two parts of one person's name side by side ("oluwasegun" "adeyemi")."""
    return last.entity_type == d.entity_type == "PERSON" and gap.isspace() and len(gap) <= 2


def merge_detections(detections: list[Detection], texts: list[str] | None = None) -> list[Detection]:
    """Overlapping detections in a turn become one, typed by the longest (then highest-scoring) of them;
    with the turns' `texts`, people's name words side by side become one name too."""
    merged: list[Detection] = []
    for d in sorted(detections, key=lambda d: (d.turn, d.start, -(d.end - d.start), -d.score)):
        last = merged[-1] if merged else None
        gap = texts[d.turn][last.end : d.start] if texts and last is not None and last.end <= d.start else ""
        if last is not None and last.turn == d.turn and (d.start < last.end or _adjacent_people(last, d, gap)):
            if d.end > last.end:
                text = last.text + gap + d.text[max(0, last.end - d.start) :]
                merged[-1] = Detection(
                    d.turn, last.start, d.end, last.entity_type, max(last.score, d.score), last.rule, text
                )
            continue
        merged.append(d)
    return merged
