"""Names as software wrote them: participants quote how a phone, a dictation tool or a form mangled someone's
name ('the voice-to-text writes her as "Pritchett Co"', 'it wrote "Bresnehan" as "Brisbane"', 'le logiciel a
écrit « Toussaint Pierre-Lo »'). The quoted words stand for a person, however ordinary they look ("Coffee"
for Kofi), so they are a person's name wherever such a verb of writing comes just before the quote.

A quote after a verb of writing is taken when its words are capitalised, or when the verb has a person or a
name as its object ('puts her as "storm anning"'); 'the sign says "closed"' and 'I write "urgent" on it' stay.
"""

from __future__ import annotations

import re

from anonymise.detect import Detection

# the verb of writing and what may stand between it and the quote: its object, "as", a filler
_WRITING = {
    "en": r"(?:writes?|wrote|written|writing|puts?|putting|types?|typed|spells?|spelt|spelled|transcribes?|"
    r"transcribed|comes? out as|came out as|shows? (?:up )?as|showed (?:up )?as|changes? it to|changed it to|"
    r"autocorrects? (?:it )?to|autocorrected (?:it )?to)",
    "fr": r"(?:écrit|écrivait|écrire|met|mettait|mis|tape|tapé|transcrit|orthographie|orthographié)",
    "es": r"(?:escribe|escribió|escribía|escrito|pone|puso|ponía|transcribe|transcribió)",
}
_SOMEONE = {
    "en": r"(?:her|him|them|me|you|his name|her name|my name|their names?|your name|the name)",
    "fr": r"(?:son nom|mon nom|ton nom|votre nom|leur nom|le nom)",  # a pronoun object comes before the verb
    "es": r"(?:su nombre|mi nombre|tu nombre|el nombre)",
}
_FILLERS = r"(?:,? ?(?:uh|um|er|euh|eh|este|pues|like|comme),? ?)?"
_QUOTE = r"[\"“«]\s?(?P<name>[^\"”»\n]{2,60}?)\s?[\"”»]"
MAX_WORDS = 4


def _pattern(language: str) -> re.Pattern | None:
    if language not in _WRITING:
        return None
    someone = rf"(?P<someone>\s+{_SOMEONE[language]})?"
    earlier_quote = r"(?:\s+[\"“«](?P<before>[^\"”»\n]{2,60}?)[\"”»])?"  # 'it wrote "Bresnehan" as "Brisbane"'
    between = rf"{someone}{earlier_quote}(?:\s+(?:as|comme|como|en))?\s*{_FILLERS}"
    alternative = r"(?:,?\s+(?:or|ou|o)\s+[\"“«](?P<alternative>[^\"”»\n]{2,60}?)[\"”»])?"  # '"Swart" or "Schwartz"'
    return re.compile(rf"\b{_WRITING[language]}{between}{_QUOTE}{alternative}", re.IGNORECASE)


_PATTERNS = {language: _pattern(language) for language in _WRITING}


def names_as_written(texts: list[str], language: str) -> list[Detection]:
    """Person detections for the quoted words a verb of writing introduces (see the module's docstring)."""
    pattern = _PATTERNS.get(language)
    if pattern is None:
        return []
    found = []
    for turn, text in enumerate(texts):
        for match in pattern.finditer(text):
            for group in ("before", "name", "alternative"):
                if match.group(group) and _a_name(match.group(group), bool(match.group("someone"))):
                    name = match.group(group).strip(" ,.")
                    start = match.start(group) + match.group(group).index(name)
                    found.append(Detection(turn, start, start + len(name), "PERSON", 0.6, "name as written", name))
    return found


def _a_name(quoted: str, of_someone: bool) -> bool:
    """A few words, capitalised, or of someone the verb named ('puts her as "storm anning"')."""
    words = quoted.strip(" ,.").split()
    capitalised = all(w[:1].isupper() for w in words if w[:1].isalpha())
    return 0 < len(words) <= MAX_WORDS and (capitalised or of_someone)
