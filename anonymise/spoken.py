"""The words people use to read out contacts, per language: digits, "at", "dot", "slash", domain endings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from wordfreq import zipf_frequency


@dataclass(frozen=True)
class SpokenWords:
    digits: list[str]  # words for single digits and the two-digit groups people read phone numbers in
    repeats: list[str]  # "double", "triple" before a digit
    ats: list[str]  # "@" read out
    dots: list[str]  # "." read out
    joiners: list[str]  # "_" and "-" read out inside an e-mail's local part
    slashes: list[str]  # "/" read out
    domains: list[str]  # endings of web and mail domains
    spelling: list[str]  # what comes before a word spelled out ("that's F-E-R-N…")
    www: list[str]  # "www" read out
    schemes: list[str]  # "https colon slash slash" read out
    dashes: list[str]  # "-" read out inside a host name
    plus: list[str]  # "+" before a country code
    extensions: list[str]  # "extension" of a phone number
    asides: list[str]  # said while dictating a contact, inside it: "all one word", "no spaces"
    letters: list[str]  # letters read out by their names ("ele", "i griega", "deux l"), besides the letters
    between: tuple[str, ...] = ()  # said between a number's groups: "and then", "no, sorry" (a correction)


_DOMAINS = [
    "com", "org", "net", "edu", "gov", "io", "co", "uk", "ac", "info", "me", "biz", "us", "ca", "au", "nz", "ie",
    "in", "ng", "za", "sg", "de", "fr", "es", "mx", "ar", "cl", "it", "nl", "be", "ch", "eu", "ly", "gl", "tv",
    "app", "dev", "shop", "store", "online", "site", "ke", "jm", "gh", "pk", "lk", "ph", "hk", "jp", "br", "pt",
    "dk", "fi", "pl", "sn", "ci", "cm", "gal", "cat", "eus", "lat", "bzh",
]  # fmt: skip
# every country's two letters (ISO 3166, as phonenumbers lists them): country domains said letter by letter
_COUNTRY_CODES = sorted({region.lower() for region in phonenumbers.SUPPORTED_REGIONS} - set(_DOMAINS))


# every domain ending: after "at" or before a path the address is sure, so "point lu", "dot is" end it
EVERY_ENDING = _DOMAINS + _COUNTRY_CODES


def _word_country_codes(language: str) -> list[str]:
    """The country endings said as one word ("dot ae", "point tn", "linktr point ee") that are no everyday word
    of the language ("is", "to", "me"; "je", "la", "ma")."""
    return [code for code in _COUNTRY_CODES if zipf_frequency(code, language) < 4.0]


_EN_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_DIGITS = [
    "zero", "oh", "o", *_EN_UNITS, "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
    "seventeen", "eighteen", "nineteen", *_EN_TENS, "hundred",
    *(f"{tens}{sep}{unit}" for tens in _EN_TENS for unit in _EN_UNITS for sep in ("-", " ")),
]  # fmt: skip
_FR_DIGITS = [
    "zéro", "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante",
    "soixante-dix", "quatre-vingt", "quatre-vingts", "quatre-vingt-dix", "septante", "huitante", "octante", "nonante",
    "cent", "cinq cent", "deux cent", "trois cent", "quatre cent", "six cent", "sept cent", "huit cent", "neuf cent",
    *(f"{tens}-{unit}" for tens in ("dix", "vingt", "trente", "quarante", "cinquante", "soixante", "quatre-vingt",
                                   "septante", "huitante", "octante", "nonante")
      for unit in ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "et-un", "onze")),
    *(f"{tens} et un" for tens in ("vingt", "trente", "quarante", "cinquante", "soixante", "septante", "huitante",
                                   "nonante")),
    "soixante et onze", "soixante-et-onze",  # 71
    *(f"{tens}-{unit}" for tens in ("soixante", "quatre-vingt")  # 72-79, 92-99: "soixante-dix-sept"
      for unit in ("douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf")),
]  # fmt: skip
_ES_DIGITS = [
    "cero", "uno", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
    "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "treinta",
    "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa", "cien", "ciento", "doscientos",
    "trescientos", "cuatrocientos", "quinientos", "seiscientos", "setecientos", "ochocientos", "novecientos",
    *(f"veinti{u}" for u in ("uno", "dós", "dos", "trés", "tres", "cuatro", "cinco", "séis", "seis", "siete",
                             "ocho", "nueve")),
    *(f"{tens} y {unit}" for tens in ("treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
      for unit in ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")),
]  # fmt: skip

ES_LETTER_NAMES = dict(zip("abcdefghijklmnopqrstuvwxyz", (
    "a be ce de e efe ge hache i jota ka ele eme ene o pe cu erre ese te u uve uve_doble equis ye zeta".split()
)))  # fmt: skip


_ES_LETTER_ASIDE_NAMES = [n.replace("_", " ") for n in ES_LETTER_NAMES.values()] + ["eñe", "i griega", "doble ve"]
_ES_LETTER_ASIDES = [f"{how} {the}{name}" for name in _ES_LETTER_ASIDE_NAMES for how in ("con", "sin")
                     for the in ("", "la ")]  # fmt: skip  # "sin la eñe", "con ye"
_FR_LETTER_ASIDES = [f"{how} {c}" for c in "abcdefghijklmnopqrstuvwxyz"
                     for how in ("avec un", "avec une", "avec deux", "sans", "sans le", "sans la")]  # fmt: skip


def _said_letter_by_letter(codes: list[str], names: dict[str, str]) -> list[str]:
    """Two-letter domain endings read out by their letters' names ("eme equis" for "mx")."""
    return [
        sep.join(names[c].replace("_", " ") for c in code) for code in codes if len(code) == 2 for sep in (" ", ", ")
    ]


SPOKEN = {
    "en": SpokenWords(
        digits=_EN_DIGITS,
        repeats=["double", "triple"],
        ats=["at", "at sign", "at symbol"],
        dots=["dot", "full stop", "period"],
        joiners=["underscore", "dash", "hyphen", "minus"],
        slashes=["slash", "forward slash", "backslash", "back slash"],
        domains=_DOMAINS + _word_country_codes("en"),
        spelling=["that's", "that is", "spelled", "spelt"],
        www=["www", "w w w", "w-w-w", "double u double u double u", "double-u double-u double-u", "triple w"],
        schemes=["h t t p s", "h t t p", "https", "http"],
        dashes=["dash", "hyphen"],
        plus=["plus"],
        extensions=["extension", "ext", "ext.", "x"],
        asides=[
            "all one word",
            "one word",
            "no spaces",
            "no space",
            "all lower case",
            "all lowercase",
            "lower case",
            "no apostrophe",
            "no hyphen",
            "no dots",
            "no caps",
            "all small",
            "all together",
        ],
        letters=[f"double {c}" for c in "abcdefghijklmnopqrstuvwxyz"],
        between=("and then", "then", "no", "sorry", "wait", "hang on"),
    ),
    "fr": SpokenWords(
        digits=_FR_DIGITS + _EN_DIGITS[3:],
        repeats=["double", "triple", "deux fois", "trois fois"],  # "trois fois cinq": 555
        ats=["arobase", "arobas", "arrobase", "a commercial", "a commerciale", "at"],  # Québec says "a commercial"
        dots=["point", "dot"],
        joiners=[
            "tiret bas",
            "tiret du bas",
            "underscore",
            "tiret du huit",
            "tiret du 8",
            "tiret du six",
            "tiret du 6",
            "underscore",
            "tiret",
            "trait d'union",
        ],
        slashes=["slash", "barre oblique", "barre"],
        domains=_DOMAINS + _word_country_codes("fr"),
        spelling=["c'est", "ça s'écrit", "qui s'écrit"],
        www=["www", "w w w", "double v double v double v", "trois w", "triple w", "trois double v"],
        schemes=[
            "h t t p s",
            "h t t p",
            "https",
            "http",
            "ache té té pé esse",
            "ache té té pé",
            "ache t t p s",
            "ache t t p",
        ],
        dashes=["tiret", "tiret du six", "tiret du 6", "trait d'union"],
        plus=["plus"],
        extensions=["poste", "extension"],
        asides=[
            "tout attaché",
            "tout collé",
            "en un mot",
            "sans espace",
            "sans espaces",
            "en minuscules",
            "tout en minuscules",
            "sans accent",
            "avec accent",
            "sans cédille",
            "sans tréma",
            *_FR_LETTER_ASIDES,
        ],
        letters=[
            "i grec",
            "espace",
            *(f"{n} {c}" for c in "abcdefghijklmnopqrstuvwxyz" for n in ("deux", "double")),
            *(
                f"{v} {a}"
                for v in "aeiou"
                for a in ("accent aigu", "accent grave", "accent circonflexe", "aigu", "grave", "circonflexe", "tréma")
            ),
            "c cédille",
        ],  # fmt: skip
        between=("et puis", "puis", "et", "non", "pardon", "attendez", "attends"),
    ),
    "es": SpokenWords(
        digits=_ES_DIGITS,
        repeats=["doble", "triple"],
        ats=["arroba", "at"],
        dots=["punto", "dot"],
        joiners=["guion bajo", "guión bajo", "guion", "guión", "barra baja", "raya", "menos"],
        slashes=["barra", "diagonal", "barra inclinada", "slash"],
        domains=_DOMAINS
        + ["cu", "pe", "uy", "ve", "bo", "ec", "py", "do", "cr", "gt", "hn", "sv", "pa", "pr"]
        + _said_letter_by_letter(_DOMAINS + _COUNTRY_CODES, ES_LETTER_NAMES),  # "punto com punto be o"
        spelling=["es", "se escribe"],
        www=[
            "www",
            "w w w",
            "doble uve doble uve doble uve",
            "uve doble uve doble uve doble",
            "triple doble uve",
            "triple uve doble",
            "triple doble ve",
            "tres uve dobles",
            "tres uves dobles",
            "tres uves",
            "tres w",
            "triple w",
            "doble ve doble ve doble ve",
            "doble u doble u doble u",
        ],
        schemes=[
            "h t t p s",
            "h t t p",
            "https",
            "http",
            "ache te te pe ese",
            "ache te te pe",
            "hache te te pe ese",
            "hache te te pe",
        ],
        dashes=["guion", "guión", "raya", "menos"],
        plus=["más", "mas", "plus"],
        extensions=["extensión", "extension", "interno", "anexo", "ext"],
        asides=[
            "todo junto",
            "todo pegado",
            "sin espacios",
            "sin espacio",
            "en minúsculas",
            "todo en minúsculas",
            "sin tilde",
            "sin acento",
            "sin diéresis",
            "sin eñe",
            "con eñe",
            "con tilde",
            "con acento",
            *_ES_LETTER_ASIDES,
        ],
        letters=[
            "be",
            "ce",
            "de",
            "efe",
            "ge",
            "hache",
            "jota",
            "ka",
            "ele",
            "eme",
            "ene",
            "eñe",
            "pe",
            "cu",
            "erre",
            "ere",
            "ese",
            "te",
            "uve",
            "ve",
            "doble ve",
            "uve doble",
            "doble uve",
            "equis",
            "i griega",
            "ye",
            "zeta",
            "be larga",
            "be grande",
            "ve corta",
            "ve chica",
            "ve pequeña",
            "i latina",
            "espacio",
            *(f"doble {c}" for c in "abcdefghijklmnopqrstuvwxyz"),
            *(f"{v} con {a}" for v in "aeiou" for a in ("tilde", "acento")),  # "e con tilde": é
            "u con diéresis",
            "ene con tilde",
        ],  # fmt: skip
        between=("y luego", "luego", "y", "no", "perdón", "perdon", "perdona", "espera", "espérate"),
    ),
}


def alternatives(words: list[str] | tuple[str, ...]) -> str:
    """A regex group matching any of `words` literally, the longest first ("tiret du bas" before "tiret")."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def spoken_words(language: str) -> SpokenWords:
    """The words for `language`, English where the language has no table (its written forms still work)."""
    return SPOKEN.get(language, SPOKEN["en"])


def letter_pattern(language: str) -> str:
    """A regex for one letter said on its own: the letter, or its name in `language` ("ele", "be larga")."""
    names = sorted(spoken_words(language).letters, key=len, reverse=True)
    return rf"(?:{'|'.join(re.escape(n) for n in names)}|[A-Za-zÀ-ÿ])"


@lru_cache(maxsize=8)
def _spelling(language: str) -> re.Pattern:
    unit = letter_pattern(language)
    return re.compile(rf"(?:{unit}[,.]?\s+)+{unit}[.,]?", re.IGNORECASE)


def is_spelled_out(surface: str, language: str) -> bool:
    """Whether `surface` is a word said letter by letter ("pe, a, i, ene", "t r e m b l a y"): its words are
    letters, not names."""
    return _spelling(language).fullmatch(surface.strip()) is not None


SINGLE_DIGITS = {  # the words for one digit, and the digit
    "en": {"zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
           "six": "6", "seven": "7", "eight": "8", "nine": "9"},
    "es": {"cero": "0", "uno": "1", "un": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5", "seis": "6",
           "siete": "7", "ocho": "8", "nueve": "9"},
    "fr": {"zéro": "0", "zero": "0", "un": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "six": "6",
           "sept": "7", "huit": "8", "neuf": "9"},
}  # fmt: skip


HESITATIONS = ["euh", "heu", "eh", "em", "ehm", "um", "umm", "uh", "er", "erm", "hmm", "mm", "este"]  # any language
# what a speaker says to take back the words just said ("torre dos... no, perdón, torre tres", "06 39... pardon")
SELF_CORRECTIONS = ["perdón", "perdon", "perdona", "pardon", "sorry", "attendez", "attends", "espera", "espérate",
                    "wait", "digo", "mejor dicho"]  # fmt: skip


# how a letter is told apart from its look-alike in a remark on it ("con ve chica las dos", "con ene normal",
# "avec un l minuscule"), after "con"/"sin", "avec"/"sans" and the letter; a word for it ("be de burro") counts too
LETTER_REMARKS = {
    "es": {
        "leads": ["con", "sin"],
        "qualifiers": ["chica", "chico", "pequeña", "pequeño", "corta", "corto", "grande", "larga", "largo", "alta",
                       "baja", "normal", "simple", "doble", "mayúscula", "minúscula", "las dos", "los dos", "ambas",
                       "ambos"],
    },
    "fr": {
        "leads": ["avec", "sans"],
        "qualifiers": ["majuscule", "minuscule", "normal", "normale", "simple", "double", "les deux", "à la fin"],
    },
}  # fmt: skip


# in numbers, not among a phone's digits ("huit cents", "trente-trois mille")
THOUSANDS = {"en": ["thousand"], "fr": ["mille", "mil", "cents"], "es": ["mil"]}


def number_word(language: str) -> str:
    """A regex for one word of a number said in `language` ("forty", "doscientos", "mil"), or a digit said
    twice or thrice ("double oh")."""
    spoken = spoken_words(language)
    said = [*spoken.digits, *THOUSANDS.get(language, [])]
    words = sorted(said, key=len, reverse=True)  # the single digits among them
    repeats = "|".join(re.escape(w) for w in sorted(spoken.repeats, key=len, reverse=True))
    return rf"(?:(?:(?:{repeats})\s+)?(?:{'|'.join(re.escape(w) for w in words)}))"


def number_word_pattern(language: str) -> str:
    """A regex for a number said in words in `language` ("forty-two", "doscientos catorce", "mil doscientos"),
    one or more words, with hyphens or spaces between ("two-one-two"), a digit said twice or thrice so ("seven
    seven double oh")."""
    word = number_word(language)
    return rf"(?<![\w-]){word}(?:[\s-]+(?:y\s+)?{word})*(?![\w-])"


def digits_said(text: str, language: str) -> list[str]:
    """The digit strings said one digit a word in `text` ("cero ocho cero cero cero dos" -> "080002")."""
    table = SINGLE_DIGITS.get(language, SINGLE_DIGITS["en"])
    runs, current = [], ""
    for word in re.findall(r"[\w']+", text.lower()):
        if word in table:
            current += table[word]
            continue
        runs.append(current)
        current = ""
    return [run for run in [*runs, current] if run]
