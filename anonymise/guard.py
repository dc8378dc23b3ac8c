"""The last check before anything reaches coders: no known identity and no internal marker in what is written.

Every file about to go to for-coders/ (its name, its text, and for .docx every XML part, document
properties included) is searched for every name in the study key and the deny-list (the whole names, and
each word that names its bearer alone, as name propagation replaces them), and for placeholder tags such
as Presidio's `<PERSON>`. A hit stops the write; the private report says what was found where, the
terminal and the log only how many.
"""

from __future__ import annotations

import html
import io
import re
import zipfile

from anonymise.known_names import name_parts
from anonymise.names import RARE_ZIPF, is_acronym, is_common_word, is_everyday_word
from anonymise.terms import NAME_TYPES
from transcribe.errors import ScribeError

MARKER = re.compile(r"<[A-Z][A-Z0-9_]*>|\b(?:DETECTION|SPAN)_\d+(?:_\d+)?\b")  # placeholders, our span tags


class PrivacyLeak(ScribeError):
    """An identifying term was found in a file meant for coders."""


def readable_text(name: str, data: bytes) -> str:
    """What a coder could read in a file: text, or all XML parts of a .docx."""
    if name.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [
                archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith((".xml", ".rels"))
            ]
        return html.unescape(re.sub(r"<[^>]+>", " ", "\n".join(parts)))
    return data.decode("utf-8-sig", "replace")


def _case_sensitive(word: str, language: str) -> bool:
    """A word rare in the language is a name in any case ("priya"); a less rare one only with its capital,
    as propagation replaces it ("consuelo" is also a word; "ramona", which no lexicon lists, is not)."""
    return is_everyday_word(word.strip(".,'’\"").lower(), RARE_ZIPF, language)


def guarded_terms(
    names: list[tuple[str, str]], zipf: float, language: str = "en", allowed: tuple[str, ...] = ()
) -> list[tuple[str, bool]]:
    """(term, case-sensitive) to search for, from (entity type, surface) pairs: whole surfaces, and the parts
    of people's, organisations' and places' names that name their bearer alone, searched exactly as name
    propagation replaces them, so the anonymiser never leaves the guard something to find. Ordinary words
    ("Will", "Square One" in lower case; "lucho", a name and a verb, even where it was found as a name) are
    left to detection, which sees grammar: only their capitalised form is searched. A word of a name that the
    study allows (`allowed`, its allow-list: "MoMo" of "Asante MoMo Services") is never replaced, so it is not
    searched either."""
    typed = _typed_terms(names, zipf, language, allowed)
    return sorted(((term, sensitive) for term, (sensitive, _) in typed.items()), key=lambda t: len(t[0]), reverse=True)


def _typed_terms(
    names: list[tuple[str, str]], zipf: float, language: str, allowed: tuple[str, ...]
) -> dict[str, tuple[bool, str]]:
    """term -> (case-sensitive, the entity type of the first name it comes from)."""
    terms: dict[str, tuple[bool, str]] = {}
    for entity_type, surface in names:
        surface = surface.strip()
        words = surface.split()
        uncommon = [w for w in words if not is_common_word(w.strip(".,'’\""), zipf, language)]
        if len(surface) >= 3 and any(c.isalnum() for c in surface) and (uncommon or len(words) > 1):
            sensitive = not uncommon or (len(words) == 1 and _case_sensitive(surface, language))
            if sensitive and surface.islower() and (len(words) == 1 or entity_type != "PERSON"):
                surface = surface[0].upper() + surface[1:]  # "lucho" the name, not "yo lucho" the verb
            terms.setdefault(surface, (sensitive, entity_type))
        if entity_type in NAME_TYPES and len(words) > 1:
            for part in name_parts(entity_type, surface, zipf, language):
                if len(part) >= 3 and not is_common_word(part, zipf, language):
                    sensitive, kind = terms.get(part, (True, entity_type))
                    terms[part] = (sensitive and _case_sensitive(part, language), kind)
    allow = {term.casefold() for term in allowed}
    return {term: value for term, value in terms.items() if term.casefold() not in allow}


def _term_patterns(terms: list[tuple[str, bool]]) -> list[re.Pattern]:
    """One pattern for the case-sensitive terms and one for the others, each term as a whole word."""
    patterns = []
    for case_sensitive in (True, False):
        chosen = [
            re.escape(t) for t, sensitive in sorted(terms, key=lambda t: -len(t[0])) if sensitive == case_sensitive
        ]
        if chosen:
            flags = 0 if case_sensitive else re.IGNORECASE
            patterns.append(re.compile(r"(?<![\w])(?:" + "|".join(chosen) + r")(?![\w])", flags))
    return patterns


def _said_in_the_plural(term: str, text: str) -> bool:
    """An acronym the text also puts in the plural ("SACCO" where "SACCOs" stands): the kind of body that
    ends a name ("Dunga Boda Boda SACCO"), no name alone."""
    return is_acronym(term) and re.search(rf"(?<!\w){re.escape(term)}s(?!\w)", text) is not None


def guarded_places(
    texts: list[str], names: list[tuple[str, str]], zipf: float, language: str = "en", allowed: tuple[str, ...] = ()
) -> list[tuple[int, int, int, str]]:
    """(turn, start, end, entity type) of every place in the turns where the guard would find one of the
    names: what the anonymiser replaces last, so that the guard never finds a known name it left."""
    typed = _typed_terms(names, zipf, language, allowed)
    kinds = {term.casefold(): kind for term, (_, kind) in reversed(typed.items())}
    whole = "\n".join(texts)
    patterns = _term_patterns(
        [(term, sensitive) for term, (sensitive, _) in typed.items() if not _said_in_the_plural(term, whole)]
    )
    return [
        (turn, m.start(), m.end(), kinds[m.group().casefold()])
        for turn, text in enumerate(texts)
        for pattern in patterns
        for m in pattern.finditer(text)
    ]


def find_leaks(files: dict[str, bytes], terms: list[tuple[str, bool]]) -> list[tuple[str, str]]:
    """(file name, term) for every term or marker found as a whole word in a file's name or text."""
    patterns = [MARKER, *_term_patterns(terms)]
    leaks = []
    for name, data in files.items():
        text = readable_text(name, data)
        kinds = {term.casefold() for term, _ in terms if _said_in_the_plural(term, text)}  # "SACCO" beside "SACCOs"
        for where in (name, text):
            found = (m.group() for p in patterns for m in p.finditer(where))
            leaks.extend((name, word) for word in found if word.casefold() not in kinds)
    return sorted(set(leaks))
