"""The names of brands and operators that OpenStreetMap's name-suggestion-index lists (BSD-3-Clause; built into
data/brand_names.txt.gz by scripts/build_brand_names.py): shops, banks, telecoms, fuel, delivery, utilities,
each with the countries the index places it in; and the names of the most linked-to web sites (the Majestic
Million, CC BY 3.0; built into data/web_service_names.txt.gz by scripts/build_web_service_names.py): the apps and
online services people name ("klarna", "revolut", "commbank"), which have no shop on a map."""

from __future__ import annotations

import gzip
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

GENERIC_LAST_WORD = 40  # a last word this many listed names share ("bank", "pharmacy") says what the brand is
WORLDWIDE = "001"
BANK_FIRST_WORDS = {"banco", "banca", "banque", "bank", "caja", "caisse"}  # "Banco Pichincha", "Bank Mandiri"


@lru_cache(maxsize=1)
def _countries_of() -> dict[str, frozenset[str]]:
    """Listed name (lower case, without accents) -> the countries it is listed in ("001": everywhere)."""
    countries: dict[str, set[str]] = {}
    path = resources.files("anonymise") / "data" / "brand_names.txt.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        for line in handle:
            name, _, codes = line.rstrip("\n").partition("\t")
            if name:
                countries.setdefault(plain(name), set()).update(filter(None, codes.split(",")))
    return {name: frozenset(codes) for name, codes in countries.items()}


@lru_cache(maxsize=1)
def _web_services() -> frozenset[str]:
    """The names of the listed web sites, lower case ("klarna" for klarna.com)."""
    path = resources.files("anonymise") / "data" / "web_service_names.txt.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        return frozenset(filter(None, handle.read().split("\n")))


@lru_cache(maxsize=1)
def short_names() -> frozenset[str]:
    """The short form people say for a listed name that ends in what it is ("capitec" for "Capitec Bank",
    "hdfc" for "HDFC Life"), or that starts with the word for a bank ("pichincha" for "Banco Pichincha")."""
    names = [name.rsplit(" ", 1) for name in _countries_of() if " " in name]
    generic = {word for word, count in Counter(last for _, last in names).items() if count >= GENERIC_LAST_WORD}
    banks = [name.split(" ", 1) for name in _countries_of() if name.split(" ", 1)[0] in BANK_FIRST_WORDS]
    return frozenset([first for first, last in names if last in generic] + [rest for _, rest in banks if rest])


def plain(text: str) -> str:
    """Lower case without accents: ASR writes "décathlon" for Decathlon, "credit agricole" for Crédit Agricole."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_listed_brand(text: str) -> bool:
    """Whether the lists name `text`, by its full or its short form ("Tesco", "tim hortons", "capitec") or as a
    web service ("klarna"; written without accents, as web addresses are: "pódcast" is a word)."""
    key = plain(text)
    return key in _countries_of() or key in short_names() or text.lower() in _web_services()


def is_brand_of_regions(text: str, regions: list[str]) -> bool:
    """Whether the list names `text` in one of `regions` (ISO codes) or everywhere: "MTN" in Nigeria, "DHL"
    anywhere; not "ATM" (a Milan transport operator) in an English study."""
    wanted = {region.lower() for region in regions} | {WORLDWIDE}
    return bool(_countries_of().get(plain(text), frozenset()) & wanted)
