"""Acronyms written letter by letter: which letter runs are read as an acronym, and where the rewritten turn
puts them (pure logic; the anonymiser's use of them is tested in test_anonymise_study.py)."""

from __future__ import annotations

import pytest

from anonymise.detect import Detection
from anonymise.spelled_acronyms import rewritten_turns, spelled_acronyms


@pytest.mark.parametrize(
    "text, letters",
    [
        ("and then u c u balloted", ["u c u"]),
        ("The U.C.U. rep came in", ["U.C.U."]),
        ("later the n-s-g-e-u got involved", ["n-s-g-e-u"]),
        ("i w g b. The couriers branch.", ["i w g b"]),  # the sentence's full stop is not the acronym's
        ("it assumes everything is i.i.d., and", []),  # a lower-case abbreviation
        ("the a b c of it is simple", []),  # the alphabet recited
        ("direk, direk en créole, d-i-r-e-k.", []),  # a word of the turn spelled out
        ("u c u balloted, we're mostly UCU", ["u c u"]),  # the acronym written whole is no word spelled out
        ("plan B or C", []),  # two letters are no run
        ("r-a-m-d-a-s-s-o-n", []),  # a name spelled out is longer than an acronym
    ],
)
def test_letter_runs_read_as_acronyms(text, letters):
    assert [text[s.start : s.end] for s in spelled_acronyms([text], [])] == letters


def test_letters_a_contact_took_or_repeats_are_left_alone():
    text = "point b z h. Oui, b z h, c'est l'extension, et la c g t aussi"
    email = Detection(0, 0, 10, "EMAIL_ADDRESS", 1.0, "test", text[:10])
    assert [text[s.start : s.end] for s in spelled_acronyms([text], [email])] == ["c g t"]


def test_the_rewritten_turn_holds_each_acronym_where_it_says():
    texts = ["we're u c u, and the r m t lads too", "nothing here"]
    found = spelled_acronyms(texts, [])
    rewritten = rewritten_turns(texts, found)
    assert rewritten == {0: "we're UCU, and the RMT lads too"}
    assert [rewritten[0][s.at : s.at + len(s.acronym)] for s in found] == ["UCU", "RMT"]
