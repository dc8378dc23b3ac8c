"""A dictated contact grown over the dictation around what the recognizers found (pure logic, no model)."""

import pytest

from anonymise.detect import Detection
from anonymise.dictation import grow_dictated_contacts


@pytest.mark.parametrize(
    "text, found, language, grown",
    [
        ("Su correo es rosalia, sin tilde, punto, benito, be de burro, arroba yahoo punto es.",
         "be de burro, arroba yahoo punto es", "es",
         "rosalia, sin tilde, punto, benito, be de burro, arroba yahoo punto es"),  # an everyday word after "punto"
        ("Yes, at lakeside dot org.", "lakeside dot org", "en", "lakeside dot org"),  # "Yes, at…" is no mailbox
        ("Es lupita, ge, u, a, de, arroba gmail punto com.", "ge, u, a, de, arroba gmail punto com", "es",
         "lupita, ge, u, a, de, arroba gmail punto com"),  # a name, then spelled
    ],
)  # fmt: skip
def test_a_dictation_grown_over_its_words(text, found, language, grown):
    start = text.index(found)
    detection = Detection(0, start, start + len(found), "EMAIL_ADDRESS", 0.6, "test", found)
    assert grow_dictated_contacts([text], [detection], language)[0].text == grown
