"""Realistic substitute names (Faker), for studies that want "Laura Smith" rather than "[PERSON 1]".

A substitute is a pure function of the entity type, its number in the study and the locale, so the
same study key always gives the same substitutes. Candidates sharing a word with a real name of the
study are skipped: a substitute must never look like (or be flagged by the privacy guard as) a real
identity.
"""

from __future__ import annotations

from faker import Faker

from transcribe.errors import ConfigError

# entity type -> how Faker makes one; types not listed get their label and number instead
MAKERS = {
    "PERSON": lambda fake: f"{fake.first_name()} {fake.last_name()}",
    "ORGANIZATION": lambda fake: fake.company(),
    "LOCATION": lambda fake: fake.city(),
    "STREET_ADDRESS": lambda fake: fake.street_address(),
    "EMAIL_ADDRESS": lambda fake: fake.email(),  # example.org/.com/.net domains: never deliverable
    "PHONE_NUMBER": lambda fake: fake.phone_number(),
    "URL": lambda fake: fake.url(),
}
MAX_ATTEMPTS = 200


def check_locale(locale: str, where: object) -> None:
    """A clear error for a locale Faker does not have."""
    try:
        Faker(locale)
    except AttributeError as exc:  # Faker's error for an unknown locale
        raise ConfigError(f"{where}: substitute_locale: {locale!r} is not a locale Faker knows") from exc


def words_of(texts: set[str] | list[str]) -> set[str]:
    """Case-folded words of some names, for collision checks."""
    return {w.strip(".,'’\"").casefold() for t in texts for w in t.split()}


def realistic_substitute(entity_type: str, number: int, locale: str, avoid: set[str]) -> str | None:
    """A realistic stand-in for entity `number` of this type, sharing no word with `avoid` (case-folded
    words); None when Faker has no maker for the type."""
    maker = MAKERS.get(entity_type)
    if maker is None:
        return None
    fake = Faker(locale)
    for attempt in range(MAX_ATTEMPTS):
        fake.seed_instance(f"{entity_type}:{number}:{attempt}")
        candidate = " ".join(maker(fake).split())
        if not words_of([candidate]) & avoid:
            return candidate
    return None
