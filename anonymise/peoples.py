"""Peoples, languages and countries: words that name no one in an interview ("Urdu", "les Turcs", "Kenyans",
"la France"), known from langcodes' CLDR data and Faker's table of the world's states."""

from __future__ import annotations

import re
from functools import lru_cache

import langcodes
from faker import Faker

from anonymise.brand_list import plain
from anonymise.names import fold, given_names

COUNTRY_ALIASES = {"UK", "U.K.", "US", "U.S.", "USA", "America", "Britain", "Great Britain", "England", "Scotland",
                   "Wales", "Northern Ireland", "the Middle East"}  # fmt: skip


@lru_cache(maxsize=8)
def countries_and_continents(language: str = "en") -> frozenset[str]:
    """Names of countries and continents, which identify nobody in an interview: Faker's table of the world's
    195 states, their names in the transcript's language too ("Suisse", "Estados Unidos": the Unicode CLDR's,
    from `langcodes`' data); not territories such as La Réunion or Puerto Rico, which narrow down who
    someone is."""
    names = set(COUNTRY_ALIASES)
    for provider in Faker("en_US").providers:
        for country in getattr(provider, "countries", ()) or ():
            if hasattr(country, "continent"):
                names |= {country.name, country.continent, country.alpha_3_code}
                names.add(langcodes.Language.get(f"und-{country.alpha_2_code}").territory_name(language))
    return frozenset(form.casefold() for n in names for form in (n, n.replace("’", "'")))  # "Côte d'Ivoire"


LANGUAGE_SPEAKERS = 5_000_000  # a language spoken this widely is known by its name: not a smaller people's place


@lru_cache(maxsize=20000)
def is_language_name(word: str) -> bool:
    """A language's English name ("Urdu", "Hindi", "Polish", "Zulu"), which the conventions never replace:
    langcodes' exact name of a language of five million speakers or more or named as an adjective ("Samoan",
    "Maltese"), not a given name. Its aliases are not enough ("Punjab", "Java", "India" find Punjabi, Javanese,
    Hindi) nor small languages that name a place ("Meru", "Teso")."""
    if len(word) < 3 or not word[:1].isupper() or not word.isalpha() or fold(word) in given_names():
        return False
    try:
        found = langcodes.find(word)
    except LookupError:
        return False
    adjective = len(word) > 3 and word.endswith(("an", "ese", "ish"))  # "Samoan", "Maltese": after a people
    return found.display_name() == word and (adjective or found.speaking_population() >= LANGUAGE_SPEAKERS)


def names_peoples_or_languages_only(surface: str, language: str = "en") -> bool:
    """Language names or peoples alone, maybe listed ("Urdu", "Hindi, Marathi", "Kenyans and Ugandans", "les
    Espagnols et les Turcs", "Marocains")."""
    joiners = {"and", "or", "et", "ou", "y", "o", "e", "u"}
    words = [w for w in re.split(r"[\s,/&]+", surface) if w and w.casefold() not in joiners]
    return bool(words) and all(is_people_or_language(w, language) for w in words)


def is_people_or_language(word: str, language: str) -> bool:
    """A language's name, or a people's named after its language or its country ("Urdu", "Turcs", "Kenyans")."""
    return is_language_name(word) or is_people_named_like_its_language(word, language) or is_demonym(word, language)


# plural only: "les Turcs", "los Griegos", "españolas"; one alone may be someone's surname ("Madame Catalan")
PEOPLE_ENDINGS = {"fr": ("s", "es"), "es": ("s", "es", "as")}


def is_people_named_like_its_language(word: str, language: str) -> bool:
    """French and Spanish write a people with a capital and its language without ("les Espagnols parlent
    espagnol", "los Griegos"): a capitalised plural of the name, in the transcript's language, of a language of
    five million speakers or more; not a given name."""
    endings = PEOPLE_ENDINGS.get(language)
    return bool(endings) and _stem_and_ending(word, language_names_in(language), endings)


@lru_cache(maxsize=4)
def language_names_in(language: str) -> frozenset[str]:
    """One-word names, in `language`, lower case without accents, of the languages of five million speakers or
    more (langcodes' CLDR data: "espagnol", "turc", "griego")."""
    from language_data.population_data import LANGUAGE_SPEAKING_POPULATION

    names = (
        langcodes.Language.get(code).display_name(language)
        for code, speakers in LANGUAGE_SPEAKING_POPULATION.items()
        if speakers >= LANGUAGE_SPEAKERS and "-" not in code
    )
    return frozenset(plain(name) for name in names if " " not in name and len(name) >= 4)


# How a people is named after its country, in the plural too: "Kenyans", "Bangladeshi", "Marocains", "Sénégalais",
# "Algériens", "peruanos", "colombianas" (the country's name, or it without its last letter, then the ending)
DEMONYM_ENDINGS = {
    "en": ("ns", "n", "ians", "ian", "ans", "an", "is", "i", "ese"),
    "fr": ("ains", "aines", "ain", "aine", "ais", "aise", "aises", "iens", "iennes", "ien", "ienne", "ens", "ennes"),
    "es": ("anos", "anas", "ano", "ana", "ianos", "ianas", "iano", "iana", "enses", "ense", "eses", "esa", "esas"),
}
MIN_STEM = 4  # "Mali" + "ens"; shorter stems ("Ind-", "Per-") say too little


def is_demonym(word: str, language: str) -> bool:
    """A capitalised word naming the people of a country after its name ("Kenyans", "Marocains", "Peruanos");
    not a given name ("Adrian") nor the country itself."""
    stems = _country_stems(language)
    if plain(word) in stems:  # "Malawi", "Kenya": the country, not its people
        return False
    return _stem_and_ending(word, stems, DEMONYM_ENDINGS.get(language, ()))


def _stem_and_ending(word: str, stems: frozenset[str], endings: tuple[str, ...]) -> bool:
    """A capitalised word, no given name, that is one of the stems (lower case, no accents) and one of the endings."""
    if not word[:1].isupper() or not word.isalpha() or fold(word) in given_names():
        return False
    word = plain(word)
    return any(word.endswith(end) and word[: len(word) - len(end)] in stems for end in endings)


@lru_cache(maxsize=4)
def _country_stems(language: str) -> frozenset[str]:
    """Countries' names in the language, one word, lower case without accents, whole and without the last letter."""
    names = {plain(name) for name in countries_and_continents(language) if " " not in name and len(name) > 3}
    return frozenset(stem for name in names for stem in (name, name[:-1]) if len(stem) >= MIN_STEM)
