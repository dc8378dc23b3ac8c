"""The last check before anything reaches coders: no known identity in what is written.

Every file about to go to for-coders/ (its name, its text, and for .docx every XML part, document
properties included) is searched for every name in the study key and the deny-list. A hit stops the
write; the private report says what was found where, the terminal and the log only how many.
"""

from __future__ import annotations

import io
import re
import zipfile

from anonymise.propagate import is_common_word
from transcribe.errors import ScribeError


class PrivacyLeak(ScribeError):
    """An identifying term was found in a file meant for coders."""


def readable_text(name: str, data: bytes) -> str:
    """What a coder could read in a file: text, or all XML parts of a .docx."""
    if name.endswith(".docx"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [
                archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.endswith((".xml", ".rels"))
            ]
        return re.sub(r"<[^>]+>", " ", "\n".join(parts))
    return data.decode("utf-8-sig", "replace")


def guarded_terms(surfaces: list[str], zipf: float) -> list[str]:
    """Names to search for: whole names and their rarer parts. Parts that are ordinary words ("Will")
    are left to detection, which sees grammar; searching them here would flag every "will"."""
    terms = set()
    for surface in surfaces:
        words = surface.split()
        for term in [surface, *words] if len(words) > 1 else [surface]:
            term = term.strip(".,'’\"")
            if len(term) >= 3 and any(c.isalpha() for c in term) and not is_common_word(term, zipf):
                terms.add(term)
    return sorted(terms, key=len, reverse=True)


def find_leaks(files: dict[str, bytes], terms: list[str]) -> list[tuple[str, str]]:
    """(file name, term) for every term found, as a whole word with its case, in a name or a file."""
    if not terms:
        return []
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(t) for t in terms) + r")(?![\w])")
    leaks = []
    for name, data in files.items():
        for where in (name, readable_text(name, data)):
            leaks.extend((name, m.group()) for m in pattern.finditer(where))
    return sorted(set(leaks))
