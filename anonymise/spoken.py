"""The words people use to read out contacts, per language: digits, "at", "dot", "slash", domain endings."""

from __future__ import annotations

from dataclasses import dataclass


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


_DOMAINS = [
    "com", "org", "net", "edu", "gov", "io", "co", "uk", "ac", "info", "me", "biz", "us", "ca", "au", "nz", "ie",
    "in", "ng", "za", "sg", "de", "fr", "es", "mx", "ar", "cl", "it", "nl", "be", "ch", "eu",
]  # fmt: skip
_EN_DIGITS = ["zero", "oh", "o", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_FR_DIGITS = [
    "zéro", "zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
    "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante", "soixante",
    "soixante-dix", "quatre-vingt", "quatre-vingts", "quatre-vingt-dix",
    *(f"{tens}-{unit}" for tens in ("dix", "vingt", "trente", "quarante", "cinquante", "soixante", "quatre-vingt")
      for unit in ("un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "et-un", "onze")),
    *(f"{tens} et un" for tens in ("vingt", "trente", "quarante", "cinquante", "soixante")),
]  # fmt: skip
_ES_DIGITS = [
    "cero", "uno", "un", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce",
    "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte", "treinta",
    "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa",
    *(f"veinti{u}" for u in ("uno", "dós", "dos", "trés", "tres", "cuatro", "cinco", "séis", "seis", "siete",
                             "ocho", "nueve")),
    *(f"{tens} y {unit}" for tens in ("treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
      for unit in ("uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve")),
]  # fmt: skip

SPOKEN = {
    "en": SpokenWords(
        digits=_EN_DIGITS,
        repeats=["double", "triple"],
        ats=["at", "at sign", "at symbol"],
        dots=["dot", "full stop", "period"],
        joiners=["underscore", "dash", "hyphen", "minus"],
        slashes=["slash", "forward slash", "backslash", "back slash"],
        domains=_DOMAINS,
        spelling=["that's", "that is", "spelled", "spelt"],
        www=["www", "w w w", "w-w-w", "double u double u double u", "double-u double-u double-u", "triple w"],
        schemes=["h t t p s", "h t t p", "https", "http"],
        dashes=["dash", "hyphen"],
    ),
    "fr": SpokenWords(
        digits=_FR_DIGITS + _EN_DIGITS[3:],
        repeats=["double", "triple"],
        ats=["arobase", "arobas", "arrobase", "at"],
        dots=["point", "dot"],
        joiners=[
            "tiret bas",
            "tiret du huit",
            "tiret du 8",
            "tiret du six",
            "tiret du 6",
            "underscore",
            "tiret",
            "trait d'union",
        ],
        slashes=["slash", "barre oblique", "barre"],
        domains=_DOMAINS,
        spelling=["c'est", "ça s'écrit", "qui s'écrit"],
        www=["www", "w w w", "double v double v double v", "trois w", "triple w", "trois double v"],
        schemes=["h t t p s", "h t t p", "https", "http"],
        dashes=["tiret", "tiret du six", "tiret du 6", "trait d'union"],
    ),
    "es": SpokenWords(
        digits=_ES_DIGITS,
        repeats=["doble", "triple"],
        ats=["arroba", "at"],
        dots=["punto", "dot"],
        joiners=["guion bajo", "guión bajo", "guion", "guión", "barra baja", "raya", "menos"],
        slashes=["barra", "diagonal", "barra inclinada", "slash"],
        domains=_DOMAINS,
        spelling=["es", "se escribe"],
        www=[
            "www",
            "w w w",
            "doble uve doble uve doble uve",
            "uve doble uve doble uve doble",
            "triple doble uve",
            "triple w",
            "doble ve doble ve doble ve",
            "doble u doble u doble u",
        ],
        schemes=["h t t p s", "h t t p", "https", "http"],
        dashes=["guion", "guión", "raya", "menos"],
    ),
}


def spoken_words(language: str) -> SpokenWords:
    """The words for `language`, English where the language has no table (its written forms still work)."""
    return SPOKEN.get(language, SPOKEN["en"])
