"""A word said, then spelled, is an identifier.

People spell what a listener must get right: a surname, a mailbox ("fjsejour, f comme Frantz, j comme Joseph,
s, e…", "siobhan, s, i, o, b, h, a, n"). Where the letters spelled after a word start that word, the word is a
name, even when a correction cuts the dictation that follows, or the word is written in lower case where the
tagger finds no name. The letters themselves are the spelling recognizer's (`recognizers.spelled_name_recognizer`)
or the dictated contact's.
"""

from __future__ import annotations

from anonymise.brand_list import plain
from anonymise.detect import Detection
from anonymise.dictation import LETTER, WORD, Unit, dictation_units
from anonymise.names import is_common_word

MIN_SPELLED_LETTERS = 3  # fewer letters after a word may be a list ("plan a, b, c")
MIN_WORD_LETTERS = 4
COMMON_WORD_ZIPF = 4.0  # an everyday word spelled ("mail, m, a, i, l") identifies nobody


def words_before_their_spelling(texts: list[str], language: str) -> list[Detection]:
    """Each word followed, after a pause, by three letters or more that spell its start (the word alone: its
    letters, "ele", "ene", are no names to look for elsewhere)."""
    found = []
    for turn, text in enumerate(texts):
        if text.count(",") < MIN_SPELLED_LETTERS:
            continue  # letters are said with pauses between them: no spelling without commas
        units = dictation_units(text, language)
        for k, unit in enumerate(units[:-1]):
            if _spelled_after(units, k, text, language):
                found.append(
                    Detection(turn, unit.start, unit.end, "PERSON", 0.7, "spelled word", text[unit.start : unit.end])
                )
    return found


def _spelled_after(units: list[Unit], k: int, text: str, language: str) -> bool:
    """Whether the word at unit k, an uncommon word, is followed by three letters or more that spell its start."""
    word = plain(text[units[k].start : units[k].end])
    if units[k].kind != WORD or units[k].stop_after or len(word) < MIN_WORD_LETTERS or not word.isalpha():
        return False
    if is_common_word(word, COMMON_WORD_ZIPF, language):
        return False
    letters = ""
    for unit in units[k + 1 :]:
        said = plain(text[unit.start : unit.end])
        spelled = unit.kind == LETTER or (len(said) == 1 and said.isalpha())  # "o", which English also reads "oh"
        if not spelled or not unit.pause_before or not word.startswith(letters + said[:1]):
            break
        letters += said[:1]
        if unit.stop_after:
            break
    return len(letters) >= MIN_SPELLED_LETTERS
