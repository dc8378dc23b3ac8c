import os
import stat

import pytest

from anonymise.pseudonyms import KEY_FILE, StudyKey

LABELS = {"PERSON": "PERSON", "ORGANIZATION": "ORG"}


@pytest.fixture()
def key():
    return StudyKey("[{label} {number}]", LABELS)


@pytest.mark.parametrize(
    "first, second, same",
    [
        ("Priya Rao", "Priya", True),
        ("Priya", "Priya Rao", True),
        ("Priya Rao", "Rao's", True),
        ("Zainab Haddad", "Zeinab", True),  # ASR spelling variant
        ("Siddharth", "Sidharth", True),
        ("Will", "Bill", False),  # different first letter: not a variant
        ("Ann", "Anna", False),  # too short to allow an edit
        ("Mark Oyelaran", "Frank", False),
    ],
)
def test_linking(key, first, second, same):
    a = key.pseudonym("PERSON", first)
    b = key.pseudonym("PERSON", second)
    assert (a == b) is same


def test_numbering_per_type(key):
    assert key.pseudonym("PERSON", "Priya") == "[PERSON 1]"
    assert key.pseudonym("ORGANIZATION", "Target") == "[ORG 1]"
    assert key.pseudonym("PERSON", "Will") == "[PERSON 2]"
    assert key.recording_id("Interview_JaneDoe") == "INT-001"
    assert key.recording_id("other") == "INT-002"
    assert key.recording_id("Interview_JaneDoe") == "INT-001"


def test_key_round_trip_private(tmp_path, key):
    key.pseudonym("PERSON", "Priya Rao", recording="r1", at="turn 3")
    key.recording_id("r1")
    path = key.save(tmp_path)
    assert path.name == KEY_FILE
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    again = StudyKey.load(tmp_path, "[{label} {number}]", LABELS)
    assert again.pseudonym("PERSON", "Priya") == "[PERSON 1]"
    assert again.recording_id("r1") == "INT-001"


def test_realistic_substitutes_follow_name_parts_and_never_reuse_real_names(tmp_path):
    key = StudyKey("{substitute}", LABELS, avoid=["Laura Bennett"])
    full = key.pseudonym("PERSON", "Priya Rao")
    first, last = full.split()
    assert key.pseudonym("PERSON", "Priya") == first
    assert key.pseudonym("PERSON", "Rao's") == last
    other = key.pseudonym("PERSON", "Gene Kowalczyk")
    company = key.pseudonym("ORGANIZATION", "Helixtide Bio")
    assert len({full, other, company}) == 3 and "[" not in full + other + company
    real = {"priya", "rao", "gene", "kowalczyk", "helixtide", "bio", "laura", "bennett"}
    assert not {w.casefold() for w in f"{full} {other} {company}".split()} & real
    key.save(tmp_path)  # the same key gives the same substitutes in the next run
    again = StudyKey.load(tmp_path, "{substitute}", LABELS)
    assert again.pseudonym("PERSON", "priya rao") == full
    assert again.pseudonym("PERSON", "Kowalczyk") == other.split()[-1]
    # and a fresh study makes the same choices: substitutes depend on type and number alone
    assert StudyKey("{substitute}", LABELS).pseudonym("ORGANIZATION", "Acme") == company


def test_one_name_typed_differently_by_the_models_gets_one_pseudonym():
    """ "Tewkesbury" a place in one sentence and "Tewkesbury's" an organisation in the next: one pseudonym;
    a new name of another type still gets its own."""
    key = StudyKey("[{label} {number}]", {"LOCATION": "PLACE", "ORGANIZATION": "ORG"})
    place = key.pseudonym("LOCATION", "Tewkesbury")
    assert key.pseudonym("ORGANIZATION", "Tewkesbury's") == place == "[PLACE 1]"
    assert key.pseudonym("ORGANIZATION", "Helixtide Bio") == "[ORG 1]"


def test_an_organisation_said_by_one_word_of_its_name_or_its_initials_keeps_its_pseudonym(key):
    """ "Brightwater" and "BHP" are "Brightwater Health Partnership"; a word two organisations share, or a
    lower-case one, links to neither."""
    whole = key.pseudonym("ORGANIZATION", "Brightwater Health Partnership")
    assert key.pseudonym("ORGANIZATION", "Brightwater") == whole
    assert key.pseudonym("ORGANIZATION", "BHP") == whole
    junta = key.pseudonym("ORGANIZATION", "Junta de Andalucía")
    assert key.pseudonym("ORGANIZATION", "Junta") == junta != whole
    key.pseudonym("ORGANIZATION", "Health Foundation Wales")
    assert key.pseudonym("ORGANIZATION", "Health") not in (whole, junta)
    assert key.pseudonym("ORGANIZATION", "HP") not in (whole, junta)
    grampian = key.pseudonym("ORGANIZATION", "NHS Grampian")
    assert key.pseudonym("ORGANIZATION", "NHS") == grampian
