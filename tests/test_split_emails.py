"""An e-mail said over two turns (pure logic: no model; the anonymiser's use is tested in
test_anonymise_study.py)."""

import pytest

from anonymise.detect import Detection
from anonymise.split_emails import mailboxes_before_an_at


def _found(texts: list[str], turn: int, said: str) -> Detection:
    start = texts[turn].index(said)
    return Detection(turn, start, start + len(said), "URL", 0.9, "test", said)


@pytest.mark.parametrize(
    "texts, host, language, mailbox, rest",
    [
        (["Yeah, my email is d, o, r, e, e, n dot mckay...", "At?", "At gmail dot com"], "gmail dot com", "en",
         "d, o, r, e, e, n dot mckay", "At gmail dot com"),
        (["Oui, c'est marie point lefebvre, deux f, non pardon, un f...", "Arobase ?", "Arobase orange point fr"],
         "orange point fr", "fr", "marie point lefebvre, deux f, non pardon, un f", "Arobase orange point fr"),
        (["Sí, el suyo es fiore punto castañeda, con eñe... no, con ene...", "¿Hotmail punto com?",
          "Sí, arroba hotmail punto com"], "hotmail punto com", "es", "fiore punto castañeda, con eñe... no, con ene",
         "arroba hotmail punto com"),
        (["Su correo es yasna punto poblete...", "Perdona, no te escuché bien, ¿me lo repites despacio?",
          "Arroba hotmail punto com"], "hotmail punto com", "es", None, None),  # a longer turn between them
        (["Lo vendemos en el punto de venta.", "¿Y el correo?", "Arroba gmail punto com"], "gmail punto com", "es",
         None, None),
        (["Mi correo es juan arroba gmail punto com.", "¿Y el otro?", "Arroba hotmail punto com"],
         "hotmail punto com", "es", None, None),
    ],
)  # fmt: skip
def test_the_mailbox_before_the_rest(texts, host, language, mailbox, rest):
    """The host found after the "@" word of the last turn; with a mailbox before it, the e-mail's rest runs
    from that word on."""
    found = mailboxes_before_an_at(texts, [_found(texts, 2, host)], language)
    assert [(d.turn, d.text) for d in found] == ([(0, mailbox), (2, rest)] if mailbox else []), found


def test_a_handle_after_a_dictation_takes_nothing():
    """ "arobase ehfs underscore officiel" has no "dot": a handle, not the rest of an e-mail."""
    texts = ["Le compte c'est marie point lefebvre...", "Oui ?", "Arobase ehfs underscore officiel"]
    assert mailboxes_before_an_at(texts, [_found(texts, 2, "ehfs underscore officiel")], "fr") == []
