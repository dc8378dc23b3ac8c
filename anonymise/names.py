"""When two written forms name the same person: one matcher for the study key, propagation and the guard.

A word can be a form of a known name word by being the same word in another case ("priya"), a spelling
variant ("Zeinab"/"Zainab", one edit), a sound-alike that speech recognition wrote ("Shawn"/"Sean",
"May"/"Mae": same NYSIIS or Metaphone key), a nickname (the curated `nicknames` table: "Liz"/"Elizabeth",
"Bill"/"William") or a short form ("Sid"/"Siddharth"). Whether the word is *used* as a name where it
stands is decided elsewhere (grammar and capitals, `propagate.is_name_here`).
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

import jellyfish
from faker import Faker
from nameparser.config.titles import TITLES as _NAMEPARSER_TITLES
from nicknames import NickNamer
from rapidfuzz.distance import Levenshtein
from wordfreq import zipf_frequency

from anonymise.lexicon import is_unlisted_word, stop_words

SAME, SPELLING, SOUND, NICKNAME, SHORT = "same", "spelling-variant", "sound-alike", "nickname", "short-form"
TITLES = {"dr", "mr", "mrs", "ms", "miss", "prof", "professor", "sir", "dame", "madame", "monsieur", "mme", "m"}
TITLES |= {"señor", "señora", "sr", "sra", "don", "doña", "dra"}  # not parts of a person's name
# What a family member is called, alone no name ("so Mum or Dad's on a roster", "calls him Uncle"); not "Lola",
# "Nana", "Ma", "Da": names too.
KIN_TERMS = {
    "mum", "mom", "mam", "mammy", "mummy", "mommy", "dad", "daddy", "papa", "mama", "uncle", "aunt", "auntie", "aunty",
    "nan", "nanna", "gran", "granny", "grandma", "grandpa", "grandad", "granddad", "sis", "bro", "por por",
    "gong gong", "ah ma", "ah gong", "ouma", "oupa", "maman", "mamie", "papi", "tonton", "mamá", "papá", "abuela",
    "abuelo", "abuelita", "abuelito", "tía", "tío", "ammi", "ammu", "abbu", "baji", "bhaiya",
}  # fmt: skip
TITLES |= {k for k in KIN_TERMS if " " not in k}  # "Auntie Efua": the name is Efua
# Titles said before a name that nameparser's table (812 titles and roles: "Councillor", "Imam", "Detective",
# "Auntie") lacks; and the ones in it that are given names too ("Blessed", "Prince Agbenyega")
_MORE_TITLES = {"kuya", "ate", "manong", "manang", "tita", "mzee", "mallam", "alhaji", "alhaja", "hajia", "ma'am",
                "ma’am", "matron", "elder", "cllr", "tata", "adja", "chairman", "chairwoman",
                "chairperson", "honourable", "honorable", "aling", "puan", "datuk", "datin"}  # fmt: skip
_GIVEN_NAME_TITLES = {"blessed", "prince", "princess", "king", "queen", "royal", "sultan", "sultana", "rock"}
# nameparser's words that only qualify a title or a field ("Wing Commander", "Air Marshal", "Soccer Player"),
# never a title said alone before a name: "Wing Tan", "Grand Hotel" are names
_PARTS_OF_TITLES = {
    "ab", "academic", "adept", "advertising", "air", "analytics", "appellate", "army", "ballet", "banner",
    "baseball", "bearer", "behavioral", "bench", "bg", "biblical", "blues", "bp", "british", "burlesque",
    "business", "chair", "chairs", "charge", "civil", "classical", "comic", "computer", "corporate", "count",
    "credit", "criminal", "customs", "designated", "discovery", "district", "division", "english", "excellent",
    "exec", "family", "federal", "field", "film", "financial", "first", "flag", "flying", "foreign", "general",
    "grand", "group", "her", "hereditary", "high", "his", "host", "hr", "information",
    "intelligence", "judicial", "kingdom", "knowledge", "law", "legal", "literary", "mag", "marketing",
    "mathematics", "me", "member", "met", "metropolitan", "mg", "military", "misses", "model", "most", "municipal",
    "mystery", "national", "navy", "opera", "operating", "pd", "personality", "petty", "player", "police",
    "political", "presiding", "prime", "prior", "private", "pro", "ra", "radio", "rear", "resident", "revenue",
    "right", "risk", "rt", "security", "senior", "sn", "soccer", "social", "software", "special", "staff", "state",
    "states", "strategy", "superior", "supreme", "tax", "technical", "television", "theater", "theatre", "travel",
    "uk", "united", "us", "vc", "vice", "voice", "wing", "wp",
}  # fmt: skip
NICKNAME_WORDS = {  # what comes before the name someone goes by, which may be initials ("we call him JB")
    "en": r"(?:calls? (?:me|him|her|them)|called (?:me|him|her|them)|known as|goes by|go by|"
    r"(?:everyone|everybody)(?: [\w'’]+){0,3} says)",
    "fr": r"(?:[lmts]['’]appell?e(?:nt)?|on dit|tout le monde dit)",
    "es": r"(?:(?:me|le|la|les|nos) (?:dicen|llaman|decían|llamaban)|todo el mundo (?:me |le |la )?dice)",
}
# Words that start a surname after a title or a given name ("la señora de la Peña", "Mr van den Broek"), never
# a name word on their own: the study key links "de la Barra" to "Patricia de la Barra" by "Barra"
SURNAME_PARTICLES = {"de", "del", "la", "las", "los", "van", "von", "der", "den", "dos", "das"}
ENGLISH_CALENDAR = {name.lower() for name in (*calendar.month_name, *calendar.day_name) if name}  # "may", "monday"
FAMILIAR_PREFIXES = {"Ah"}  # Hokkien and Cantonese call friends "Ah" + given name ("Ah Seng"): no name alone
RARE_ZIPF = 3.0  # below this a word is rare enough in a language to be a name wherever it stands
MIN_SOUND_LENGTH = 3  # shorter words sound like too much
MIN_SHORT_FORM = 3  # "Sid" of "Siddharth"; "Al" of "Alan" is too ambiguous


@lru_cache(maxsize=1)
def _nicknamer() -> NickNamer:
    return NickNamer()


NAME_LOCALES = (
    "en_US", "en_GB", "en_IE", "en_IN", "en_NZ", "fr_FR", "es_ES", "es_MX", "de_DE", "it_IT", "pt_BR", "nl_NL",
    "yo_NG",
)  # fmt: skip


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names from Faker's locales and the nicknames table, case-folded."""
    names: set[str] = set()
    for locale in NAME_LOCALES:
        for provider in Faker(locale).providers:
            names |= {fold(n) for n in getattr(provider, "first_names", ()) or ()}
    table = _nicknamer().nickname_lookup
    names |= {fold(n) for n in table} | {fold(n) for nicks in table.values() for n in nicks}
    return frozenset(n for n in names if len(n) >= 2)


_TITLE_TABLE = (_NAMEPARSER_TITLES | _MORE_TITLES) - _GIVEN_NAME_TITLES - _PARTS_OF_TITLES


@lru_cache(maxsize=50000)
def follows_a_title(text: str, start: int) -> bool:
    """Whether the word right before `start` is a title ("Madame [Catalan]", "M. [Toussaint]")."""
    before = text[:start].rsplit(None, 1)
    return bool(before) and is_title(before[-1])


def is_title(word: str) -> bool:
    """Whether a word is a title or a role said before a person's name ("Councillor Sattar", "Kuya Jhun",
    "Auntie Shagufta"), never part of the name: nameparser's table of titles, ours and family words, less the
    ones that are given names too."""
    word = fold(word.rstrip("."))
    if word in TITLES:
        return True
    return word in _TITLE_TABLE and word not in given_names()


@lru_cache(maxsize=50000)
def word_zipf(word: str, language: str) -> float:
    """How common a word is in a language (wordfreq's Zipf scale: 3 is once per million words)."""
    return zipf_frequency(word.lower(), language)


def is_common_word(word: str, zipf: float, language: str = "en") -> bool:
    return word_zipf(word, language) >= zipf


def is_everyday_word(word: str, zipf: float, language: str = "en") -> bool:
    """As common as `zipf` and, in lower case, in the language's word list: "rosa" is, "ramona" (which wordfreq
    counts as often, being a name) is not. A capitalised word is judged by frequency alone."""
    return is_common_word(word, zipf, language) and not is_unlisted_word(word, language)


_SPELLED_WORD = re.compile(r"(?:\w-){2,}\w")
# pronouns Spanish writes onto an imperative or a gerund, two before one ("dígaselo", "mándelo", "pregúntame")
_SPANISH_CLITICS = ("selos", "selas", "selo", "sela", "melo", "mela", "telo", "tela", "noslo", "nosla", "les", "los",
                    "las", "nos", "le", "lo", "la", "me", "te", "se")  # fmt: skip
_UNACCENTED = str.maketrans("áéíóú", "aeiou")
VERB_STEM_ZIPF = 3.5  # the verb left when the pronouns go is at least this common ("mande", "busque", "pregunta")


def is_verb_with_pronouns(word: str, language: str) -> bool:
    """A Spanish imperative with its pronouns written on ("Imagínese", "Mándelo", "Ándale", "Pregúntame"): rare
    as a whole, capitalised at a sentence's start, but an everyday verb with the pronouns and the accent they
    brought taken off; not a given name ("Ángela")."""
    lower = word.lower()
    if language != "es" or lower == lower.translate(_UNACCENTED) or fold(word) in given_names():
        return False
    for clitic in _SPANISH_CLITICS:
        stem = lower[: -len(clitic)].translate(_UNACCENTED)
        if lower.endswith(clitic) and len(stem) >= 3 and is_common_word(stem, VERB_STEM_ZIPF, "es"):
            return True
    return False


def is_function_word(word: str, language: str = "en") -> bool:
    """A pronoun, article, preposition or the like of the language ("je", "la", "the") that is no given name:
    never a name, whatever a tagger says ("Will", "May" are names as well)."""
    lowered = word.casefold()
    return lowered in stop_words(language) and fold(word) not in given_names()


def fold(word: str) -> str:
    """The comparable form of a word: case-folded, possessive and edge punctuation removed, a name spelled
    out letter by letter joined up ("E-Z-E" -> "eze")."""
    word = word.strip('.,;:!?"“”()[]').casefold()
    if _SPELLED_WORD.fullmatch(word):
        word = word.replace("-", "")
    for ending in ("'s", "’s"):
        if word.endswith(ending):
            word = word[: -len(ending)]
    return word.strip("'’")


@lru_cache(maxsize=20000)
def _keys(word: str) -> tuple[str, str]:
    return jellyfish.nysiis(word), jellyfish.metaphone(word)


_FUNCTION_WORDS = {"of", "the", "and", "for", "de", "la", "le", "du", "des", "del", "y", "et", "&", "at", "in"}


def initials(name: str, with_function_words: bool = False) -> str:
    """ "University of British Columbia" -> "UBC" (and "UOBC" with its small words)."""
    words = re.findall(r"[\w'’]+", name)
    return "".join(w[0].upper() for w in words if with_function_words or w.casefold() not in _FUNCTION_WORDS)


def is_acronym(text: str) -> bool:
    """Letters mostly in capitals: "GP", "TAs", "DoLS", "UdeS", "A&E"."""
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    shaped = text[:1].isupper() and all(c.isalpha() or c == "&" for c in text)
    return shaped and 2 <= len(text) <= 8 and capitals >= 2 and capitals >= len(letters) - capitals


def abbreviates(acronym: str, name: str) -> bool:
    """Whether an acronym stands for a longer name: its initials ("UBC"), a part of them ("CDC" of "North
    East Community Development Council"), or them and one more word ("SFU" of "Simon Fraser")."""
    acronym = acronym.upper().rstrip("S") if acronym.endswith("s") else acronym.upper()
    for letters in {initials(name), initials(name, True)}:
        if len(letters) < 2:
            continue
        if acronym == letters or (len(acronym) >= 3 and acronym in letters):
            return True
        if acronym.startswith(letters) and len(acronym) - len(letters) == 1:
            return True
    return False


_INITIAL_SOUNDS = [  # first letters that sound alike, so that speech recognition writes one for the other
    (re.compile(r"^h(?=[aeiou])"), ""),  # "Hernández"/"Ernández"
    (re.compile(r"^ph"), "f"),  # "Philippa"/"Filippa"
    (re.compile(r"^v"), "b"),  # "Váez"/"Báez"
    (re.compile(r"^[kq]|^c(?![eiy])"), "c"),  # "Karla"/"Carla"
    (re.compile(r"^z|^c(?=[eiy])"), "s"),  # "Zara"/"Sara", "Celia"/"Selia"
    (re.compile(r"^g(?=[eiy])|^x(?=[aeiou])"), "j"),  # "Giménez"/"Jiménez", "Ximena"/"Jimena", "Geoff"/"Jeff"
    (re.compile(r"^y(?![aeiou])"), "i"),  # "Ybarra"/"Ibarra"
]


def _as_said(word: str) -> str:
    """A folded name with its first letters written as they sound ("gimenez" -> "jimenez")."""
    for pattern, sound in _INITIAL_SOUNDS:
        if pattern.search(word):
            return pattern.sub(sound, word, count=1)
    return word


def first_sound(word: str) -> str:
    """The letter a name starts with as it sounds ("Giménez", "Jiménez" -> "j"): where its variants are."""
    return _as_said(fold(word))[:1]


def spelled_alike(a: str, b: str, max_edits: int) -> bool:
    """Same word up to `max_edits` edits, for words of four letters or more that start with the same sound."""
    a, b = fold(a), fold(b)
    if a == b:
        return True
    a, b = _as_said(a), _as_said(b)
    if max_edits == 0 or min(len(a), len(b)) < 4 or a[:1] != b[:1]:
        return False
    return Levenshtein.distance(a, b, score_cutoff=max_edits) <= max_edits


def sound_alike(a: str, b: str) -> bool:
    """Same phonetic key (NYSIIS or Metaphone) and the same first sound: "Shawn"/"Sean", "Mae"/"May",
    "Giménez"/"Jiménez"."""
    a, b = fold(a), fold(b)
    if (
        min(len(a), len(b)) < MIN_SOUND_LENGTH
        or not (a.isalpha() and b.isalpha())
        or _as_said(a)[:1] != _as_said(b)[:1]
    ):
        return False
    (nysiis_a, meta_a), (nysiis_b, meta_b) = _keys(a), _keys(b)
    return nysiis_a == nysiis_b or meta_a == meta_b


@lru_cache(maxsize=20000)
def nicknames(name: str) -> frozenset[str]:
    """The listed nicknames of a name and the names it is a nickname of ("Bill" -> william, robert…)."""
    namer = _nicknamer()
    name = fold(name)
    return frozenset(namer.nicknames_of(name) | namer.canonicals_of(name))


def nickname_of(a: str, b: str) -> bool:
    """One is a listed nickname of the other, and shorter ("Liz"/"Elizabeth", "Bill"/"William"; not the
    table's "Will"/"Bill", two names of their own)."""
    a, b = fold(a), fold(b)
    return abs(len(a) - len(b)) >= 2 and b in nicknames(a)


DIMINUTIVE_ENDINGS = ("ie", "y", "o")  # "Zippy" of "Zipporah", "Danny" of "Daniel", "Jonno" of "Jonathan"


def short_form_of(word: str, name: str) -> bool:
    """`word` is the first letters of a longer given name ("Sid" of "Siddharth", "Chris" of "Christopher"), or
    those letters with a diminutive ending and its doubled consonant ("Zippy" of "Zipporah", "Danny" of "Daniel",
    "Robbie" of "Robert", "Jonno" of "Jonathan")."""
    word, name = fold(word), fold(name)
    return any(
        len(stem) >= MIN_SHORT_FORM and len(name) >= len(stem) + 2 and name.startswith(stem)
        for stem in (word, *_diminutive_stems(word))
    )


def _diminutive_stems(word: str) -> list[str]:
    stems = []
    for ending in DIMINUTIVE_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= MIN_SHORT_FORM:
            stems.append(stem)
            if len(stem) > MIN_SHORT_FORM and stem[-1] == stem[-2]:
                stems.append(stem[:-1])  # "dann" of "danny" -> "dan"
    return stems


def name_relation(word: str, known: str, max_edits: int, person: bool = True) -> str | None:
    """How `word` can be a form of the known name word `known`, or None. Organisations and places only
    match in another case or spelling; people also by sound, nickname and short form."""
    if fold(word) == fold(known):
        return SAME
    if spelled_alike(word, known, max_edits):
        return SPELLING
    if not person:
        return None
    if nickname_of(word, known):
        return NICKNAME
    if sound_alike(word, known):
        return SOUND
    if short_form_of(word, known):
        return SHORT
    return None
