"""Recall beyond the model: once a name is known, find it everywhere, with its parts and variants.

"Priya Rao" found once (or in the study key, or on the deny-list) makes every "Priya", "Rao", "Priya's",
"priya" and the variants of `anonymise.names` ("Pria", a nickname, a sound-alike) detections, in every
turn. Names that are also ordinary words ("Will", "Mark", "May") are replaced only where capitals and
grammar say they are names: "Will said", "ask Will", "Will?", but not "we will" or "last May".
Contacts and postcodes found once are found again wherever the same string is written.

Tried and dropped (measured): a lower-case word that spaCy's lexicon lists, fairly rare and no given name
("pas fortuné", "des clémentines") left to grammar instead of replaced as a rare name. Precision rose up to
1.5 points on the tuning halves, but on the untouched halves PERSON+ORG recall fell (es/test8 0.971 -> 0.962,
fr/test5 0.966 -> 0.962): lower-case nicknames are lexicon words too ("fanfan", "chino").
"""

from __future__ import annotations

import re
from dataclasses import replace

from text_to_num import alpha2digit

from anonymise.addresses import postcodes_in, streets_in
from anonymise.contacts import own_domain
from anonymise.detect import Detection
from anonymise.grammar import CAPITALS_MARK_NAMES, is_name_here, sentence_initial
from anonymise.known_names import KnownNames, NameForm
from anonymise.lexicon import is_unlisted_word
from anonymise.name_spans import compound_given_name
from anonymise.names import (
    RARE_ZIPF,
    SAME,
    SHORT,
    TITLES,
    fold,
    given_names,
    is_acronym,
    is_common_word,
    is_everyday_word,
    is_function_word,
    is_title,
    name_relation,
)
from anonymise.said_postcodes import said_number
from anonymise.spoken import SINGLE_DIGITS, digits_said
from anonymise.terms import NAME_TYPES, AllowList

NAME_POS = {"PROPN", "NOUN", "X"}  # what a tagger may call a name; never a pronoun


def _word_detection(doc, i: int, turn: int, known: KnownNames, allow: AllowList) -> Detection | None:
    token = doc[i]
    word = token.text
    if not word[:1].isalpha() or allow.covers(word) or is_function_word(word, known.language):
        return None
    rare = not is_common_word(word, RARE_ZIPF, known.language)
    hit = known.lookup(word, variants=(word[0].isupper() or rare) and not is_acronym(word))  # not "rob", "DIDO"
    if hit is None and is_acronym(word):
        hit = known.abbreviation(word)
    if hit is None:
        return None
    form, relation = hit
    common = is_everyday_word(word, known.zipf if word[0].isupper() else RARE_ZIPF, known.language)
    if compound_given_name(word.title()):
        common = False  # "jean-pierre": wordfreq counts its parts
    if (
        relation != SAME
        and common
        and (relation == SHORT or fold(word) not in given_names() or token.pos_ not in NAME_POS)
    ):
        return None  # "She", "See", "Since" sound like names; "Will", "Rob", "May" are names as well as words
    a_word_variant = relation != SAME and not is_unlisted_word(word, known.language)  # "a carer" of "Carers"
    if form.entity_type != "PERSON" and word[0].islower() and (common or a_word_variant):
        return None  # "compass", "shell", "drift": organisations and places are capitalised
    if not is_name_here(doc, i, common):
        return None
    rule = "propagation" if relation == SAME else relation
    return Detection(turn, token.idx, token.idx + len(word), form.entity_type, form.score, rule, word)


def _phrase_forms(known: KnownNames) -> list[NameForm]:
    """The known names searched as phrases: multi-word organisations and places, hyphenated names
    ("jean-baptiste" is three tokens to spaCy) and pairs of a person's name words."""
    hyphenated = [f for f in known.words.values() if "-" in f.text]
    return [*known.phrases.values(), *hyphenated, *_given_name_pairs(known), *_surnames_with_particles(known)]


def _with_its_hyphens(word: str) -> str:
    """A word of a name as a pattern whose hyphens may be said as spaces: "Pixel-Nord" written "Pixel nord"."""
    return r"(?:-|\s+)".join(re.escape(part) for part in word.split("-"))


def _phrase_detections(text: str, turn: int, known: KnownNames, forms: list[NameForm]) -> list[Detection]:
    found = []
    for form in forms:
        words = [r"(?:and|&)" if w.lower() in ("and", "&") else _with_its_hyphens(w) for w in form.text.split()]
        for match in re.finditer(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text, re.IGNORECASE):  # as the guard
            surface = match.group()
            common = all(is_common_word(w, known.zipf, known.language) for w in surface.split())
            if surface.islower() and common and form.entity_type != "PERSON":
                continue  # "square one", "general electric" as words; "jean-pierre", "juan carlos" are people
            found.append(
                Detection(turn, match.start(), match.end(), form.entity_type, form.score, "propagation", surface)
            )
    return found


def _given_name_pairs(known: KnownNames) -> list[NameForm]:
    """Two words side by side in a person's known name ("Juan Carlos" of "Juan Carlos Ferri Gisbert"): said
    together, in any case, they are that person ("bueno, juan carlos ayuda"), even where each is a word."""
    pairs = []
    for person in known.people:
        words = [w for w in person.text.split() if w[:1].isupper() and fold(w) not in TITLES]
        pairs += [NameForm(f"{a} {b}", "PERSON", person.score) for a, b in zip(words, words[1:])]
    return pairs


_PARTICLE_SURNAME = re.compile(
    r"(?<![\w-])(?:[Dd]e(?:\s+(?:la|las|los))?|[Dd]el|[Dd]u|[Dd]es|[Dd]a|[Dd]os|[Dd]i|[Vv]an(?:\s+der)?|[Vv]on)"
    r"\s+([A-ZÀ-Ý][\w'’-]+)"
)


def _surnames_with_particles(known: KnownNames) -> list[NameForm]:
    """A person's surname with its particles ("De la Hoz" of "Fernando De la Hoz Barrios", "van der Berg"),
    said alone as one name; not where the surname is also a word ("de la Cruz", "del Campo")."""
    forms = []
    for person in known.people:
        for match in _PARTICLE_SURNAME.finditer(person.text):
            if not is_common_word(match.group(1), known.zipf, known.language):
                forms.append(NameForm(match.group(), "PERSON", person.score))
    return forms


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
    forms = _phrase_forms(known)  # once per transcript, not once per turn
    for turn, doc in enumerate(docs):
        found += _phrase_detections(doc.text, turn, known, forms) + _spelled_detections(doc.text, turn, known)
        for i in range(len(doc)):
            detection = _word_detection(doc, i, turn, known, allow)
            if detection is not None:
                found.append(detection)
    return found


CORRECTED_FROM = 3  # a five-digit number said digit by digit that shares its first digits with a postcode is one
GROUPED_NUMBER_LANGUAGES = {"fr", "es"}  # English reads digits back one by one ("four five four")
MIN_SAID_DIGITS = 4  # fewer digits said back are too likely a count or a year


def given_names_before_their_surnames(docs: list, detections: list[Detection], known: KnownNames) -> list[Detection]:
    """A known person's given name right before their surname found, in any case and even after a quote or at a
    sentence start: it is theirs ("Faith Washack" for Faith Wasiak, "storm anning" for Storm Anning)."""
    surnames_by_given: dict[str, set[str]] = {}
    for person in known.people:
        words = [fold(w) for w in person.text.split() if fold(w) not in TITLES]
        for given, surname in zip(words, words[1:]):
            surnames_by_given.setdefault(given, set()).add(surname)
    starts = {(d.turn, d.start): d for d in detections if d.entity_type == "PERSON"}
    found = []
    for turn, doc in enumerate(docs):
        for token in doc[:-1]:
            after = starts.get((turn, token.idx + len(token.text) + 1))
            surnames = surnames_by_given.get(fold(token.text))
            if after is None or not surnames or not token.is_alpha:
                continue
            said = fold(after.text.split()[0])
            if any(name_relation(said, s, known.max_edits, True) for s in surnames):  # the same word too
                name = doc.text[token.idx : after.end]
                found.append(Detection(turn, token.idx, after.end, "PERSON", after.score, "given name", name))
    return found


def identifier_surfaces(detections: list[Detection], language: str = "en") -> dict[str, str]:
    """Contacts, addresses and the postcodes inside addresses found anywhere, written or said digit by digit
    ("cero ocho cero cero cero dos" is "080002" when written again): surface -> entity type."""
    surfaces: dict[str, str] = {}
    for d in detections:
        if d.entity_type in NAME_TYPES:
            continue
        surfaces.setdefault(d.text, d.entity_type)
        if d.entity_type == "STREET_ADDRESS":
            said = digits_said(d.text, language) + [n for _, n in _numbers_said_in_groups(d.text, language)]
            for postcode in postcodes_in(d.text) + [digits for digits in said if 4 <= len(digits) <= 6]:
                surfaces.setdefault(postcode, d.entity_type)
            for street in streets_in(d.text, language):  # "impasse des Oliviers" read back alone
                surfaces.setdefault(street, d.entity_type)
        if d.entity_type == "EMAIL_ADDRESS" and (domain := own_domain(d.text, language)):
            surfaces.setdefault(domain, "URL")  # "… arobase sud tiret immo point re", then the site by that name
    return surfaces


def repeat_identifiers(texts: list[str], surfaces: dict[str, str], language: str = "en") -> list[Detection]:
    """Each contact or postcode again, wherever the same string is written, or its digits said one by one
    ("Ohio 45429" read back as "Four five four two nine?")."""
    found = []
    for surface, entity_type in surfaces.items():
        pattern = re.compile(r"(?<![\w-])" + re.escape(surface) + r"(?![\w-])", re.IGNORECASE)
        for turn, text in enumerate(texts):
            for match in pattern.finditer(text):
                found.append(Detection(turn, match.start(), match.end(), entity_type, 1.0, "repeated", match.group()))
    return found + _said_again(texts, surfaces, language) + _spelled_again(texts, surfaces, language)


def _spelled_again(texts: list[str], surfaces: dict[str, str], language: str) -> list[Detection]:
    """A postcode of letters and digits spelled out after it was written ("RG4 7DN, that's R G four, seven D
    N"): each letter alone, each digit as a digit or a word, with spaces, commas or dashes between."""
    words: dict[str, list[str]] = {}
    for word, digit in SINGLE_DIGITS.get(language, SINGLE_DIGITS["en"]).items():
        words.setdefault(digit, []).append(word)
    found = []
    for surface, entity_type in surfaces.items():
        chars = [c for c in surface if c.isalnum()]
        if entity_type != "STREET_ADDRESS" or not 4 <= len(chars) <= 8 or surface.strip().count(" ") > 1:
            continue
        if not any(c.isalpha() for c in chars) or not any(c.isdigit() for c in chars):
            continue
        parts = [re.escape(c) if c.isalpha() else f"(?:{c}|{'|'.join(words.get(c, [c]))})" for c in chars]
        pattern = re.compile(r"(?i)(?<![\w-])" + r"[\s,.-]+".join(parts) + r"(?![\w-])")
        for turn, text in enumerate(texts):
            found += [
                Detection(turn, m.start(), m.end(), entity_type, 1.0, "repeated", m.group())
                for m in pattern.finditer(text)
            ]
    return found


def _said_again(texts: list[str], surfaces: dict[str, str], language: str) -> list[Detection]:
    """Postcodes and numbers (mostly digits: an address's digits together are no number said back) read
    back one digit a word."""
    by_digits = {_digits(s): t for s, t in surfaces.items() if len(_digits(s)) >= max(MIN_SAID_DIGITS, len(s) / 2)}
    digit_words = "|".join(sorted(SINGLE_DIGITS.get(language, SINGLE_DIGITS["en"]), key=len, reverse=True))
    said = re.compile(
        rf"(?i)(?<![\w-])(?:{digit_words})(?:[\s,-]+(?:{digit_words})){{{MIN_SAID_DIGITS - 1},}}(?![\w-])"
    )
    postcodes = {d[:CORRECTED_FROM] for d, t in by_digits.items() if t == "STREET_ADDRESS" and len(d) == 5}
    found = []
    for turn, text in enumerate(texts):
        for match in said.finditer(text):
            digits = "".join(digits_said(match.group(), language))
            entity_type = by_digits.get(digits)
            if entity_type is None and len(digits) == 5 and digits[:CORRECTED_FROM] in postcodes:
                entity_type = "STREET_ADDRESS"  # "puso tres tres uno dos seis y era…": the postcode, corrected
            if entity_type is not None:
                found.append(Detection(turn, match.start(), match.end(), entity_type, 1.0, "repeated", match.group()))
    return found + _said_again_in_groups(texts, by_digits, language)


def _said_again_in_groups(texts: list[str], by_digits: dict[str, str], language: str) -> list[Detection]:
    """Postcodes and numbers read back in groups of digits, as French and Spanish say them ("28012" as
    "veintiocho cero doce", "69003" as "soixante-neuf zéro zéro trois"): text2num reads the digits."""
    if not by_digits:
        return []
    found = []
    for turn, text in enumerate(texts):
        for match, digits in _numbers_said_in_groups(text, language):
            if (entity_type := by_digits.get(digits)) is not None:
                found.append(Detection(turn, match.start(), match.end(), entity_type, 1.0, "repeated", match.group()))
    return found


def _numbers_said_in_groups(text: str, language: str) -> list[tuple[re.Match, str]]:
    """The numbers said in words of two or more ("six mille un", "veintiocho cero doce"), with their digits,
    where French and Spanish say a postcode so; not one a noun follows ("cinco mil pesos")."""
    if language not in GROUPED_NUMBER_LANGUAGES:
        return []
    said = [m for m in said_number(language).finditer(text) if len(m.group().split()) >= 2]
    return [(m, _digits(alpha2digit(m.group(), language))) for m in said]


def _digits(surface: str) -> str:
    return "".join(c for c in surface if c.isdigit())


def organisation_short_forms(docs: list, detections: list[Detection], language: str) -> list[Detection]:
    """French and Spanish capitalise only names inside a sentence, so a capitalised word of an organisation
    found whole, said alone later, is that organisation's short form ("la Caja Arequipa" … "con la Caja",
    "la Junta de Andalucía" … "la Junta", "el Hospital Clínico …" … "con el Clínico"). The key gives the
    short form the organisation's pseudonym (`StudyKey.find`)."""
    if language not in CAPITALS_MARK_NAMES:
        return []
    words = {
        fold(word): d
        for d in detections
        if d.entity_type == "ORGANIZATION" and " " in d.text.strip()
        for word in d.text.split()
        if word[:1].isupper() and len(word) >= 3 and not is_function_word(word, language)
    }
    taken = {(d.turn, k) for d in detections for k in range(d.start, d.end)}
    found = []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            org = words.get(fold(token.text))
            if org is None or (turn, token.idx) in taken or not token.text[:1].isupper() or sentence_initial(doc, i):
                continue
            found.append(Detection(turn, token.idx, token.idx + len(token), "ORGANIZATION", org.score, "short form",
                                   token.text))  # fmt: skip
    return found


ACTING_TAGS = {"VBZ", "VBD", "VBP", "MD"}  # "Bridges trains parents", "Brightwater were decent", "Acme will"


def first_words_of_organisations(docs: list, detections: list[Detection], language: str) -> list[Detection]:
    """English: the first word of an organisation found whole, said alone and capitalised, is its short form
    where a capital means a name, inside a sentence or acting at its start ("Bridges Parent Network" … "Bridges
    trains parents"; "we need to build bridges" stays). A word that names a place there stays the place
    ("Leeds City Council" … "in Leeds")."""
    if language != "en":
        return []
    places = {fold(d.text) for d in detections if d.entity_type == "LOCATION"}
    firsts = {}
    for d in detections:
        first = d.text.split()[0] if d.entity_type == "ORGANIZATION" and " " in d.text.strip() else ""
        if first[:1].isupper() and first[1:].islower() and len(first) >= 3 and not is_function_word(first, language):
            firsts.setdefault(fold(first), d)
    taken = {(d.turn, k) for d in detections for k in range(d.start, d.end)}
    found = []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            org = firsts.get(fold(token.text))
            if org is None or (turn, token.idx) in taken or not token.text[:1].isupper() or fold(token.text) in places:
                continue
            if token.ent_type_ in {"GPE", "LOC", "NORP", "DATE"} or is_title(token.text):
                continue
            if sentence_initial(doc, i) and not (i + 1 < len(doc) and doc[i + 1].tag_ in ACTING_TAGS):
                continue
            found.append(Detection(turn, token.idx, token.idx + len(token), "ORGANIZATION", org.score, "short form",
                                   token.text))  # fmt: skip
    return found


def leading_words_of_organisations(docs: list, detections: list[Detection]) -> list[Detection]:
    """The first two words of an organisation of three or more found whole name it wherever they are said as
    written ("Soon Huat Poultry Trading" … "Soon Huat very old company"): capitalised words in that order name
    nothing else, unless they name a place ("New York Life Insurance" … "in New York")."""
    places = {fold(d.text) for d in detections if d.entity_type == "LOCATION"}
    prefixes = set()
    for d in detections:
        words = d.text.split()
        if d.entity_type == "ORGANIZATION" and len(words) >= 3 and words[1][:1].isupper():
            prefixes.add(" ".join(words[:2]))
    found = []
    for prefix in (p for p in prefixes if fold(p) not in places):
        pattern = re.compile(rf"(?<![\w-]){re.escape(prefix)}(?![\w-])")
        for turn, doc in enumerate(docs):
            for m in pattern.finditer(doc.text):
                token = doc.char_span(m.start(), m.end(), alignment_mode="expand")
                if token is None or token[0].ent_type_ in {"GPE", "LOC"}:
                    continue
                found.append(Detection(turn, m.start(), m.end(), "ORGANIZATION", 0.6, "short form", m.group()))
    return found


def short_forms_typed(detections: list[Detection]) -> list[Detection]:
    """A one-word "person" that is a capitalised word of an organisation found whole in the same transcript
    ("Brightwater Health Partnership took over. Brightwater were decent") is that organisation, unless the
    word is a given name or part of a person's full name there too ("Agbenyega Legal Consult", "Prince
    Agbenyega"): coders read one [ORG n] for both."""

    def words_of(entity_type: str) -> set[str]:
        return {
            fold(word)
            for d in detections
            if d.entity_type == entity_type and " " in d.text.strip()
            for word in re.findall(r"[\w'’-]+", d.text)
            if word[:1].isupper()
        }

    organisations, people = words_of("ORGANIZATION"), words_of("PERSON")
    return [
        replace(d, entity_type="ORGANIZATION")
        if d.entity_type == "PERSON"
        and " " not in d.text.strip()
        and fold(d.text) in organisations - people
        and fold(d.text) not in given_names()
        else d
        for d in detections
    ]
