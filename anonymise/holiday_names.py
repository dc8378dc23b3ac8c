"""Names of public holidays and feasts, which identify nobody ("Diwali", "la Toussaint", "Día de Muertos").

The model often takes a feast it does not know for a person or a body. The names come from the `holidays`
package (MIT; every country it covers, in its own languages and in English, French and Spanish where it
has them), read once per process (0.3 s).
"""

from __future__ import annotations

import re
from functools import lru_cache

LANGUAGES = ("en", "fr", "es")  # besides each country's own: the languages the anonymiser reads
_NOTE = re.compile(r"\s*\([^)]*\)")  # "(observed)", "(estimé)"
_WORD = re.compile(r"[\w'’-]+")
REACH = 4  # words a holiday's name may run on either side of the words asked about


@lru_cache(maxsize=1)
def holiday_names() -> frozenset[str]:
    """Every holiday's name, case-folded, without notes such as "(observed)"."""
    import holidays

    names: set[str] = set()
    for code in holidays.list_supported_countries():
        languages = holidays.country_holidays(code).supported_languages
        for language in (None, *(lang for lang in languages if lang.split("_")[0] in LANGUAGES)):
            for name in holidays.country_holidays(code, years=2025, language=language).values():
                names.update(_NOTE.sub("", part).strip().casefold() for part in name.split("; "))
    return frozenset(names)


def is_holiday_name(text: str) -> bool:
    """Whether the words are exactly a holiday's name (any case)."""
    return text.strip().casefold() in holiday_names()


def holiday_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of a holiday's name written around the words text[start:end] and longer than them ("el Día
    de Muertos" around "Muertos", "le jour de la Tabaski" around "Tabaski"); None where there is none."""
    words = list(_WORD.finditer(text))
    inside = [i for i, w in enumerate(words) if w.start() < end and start < w.end()]
    if not inside:
        return None
    first, last = inside[0], inside[-1]
    for i in range(max(0, first - REACH), first + 1):
        for j in range(min(len(words) - 1, last + REACH), last - 1, -1):
            span = (words[i].start(), words[j].end())
            if (i, j) != (first, last) and is_holiday_name(text[span[0] : span[1]]):
                return span
    return None
