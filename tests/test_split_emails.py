"""An e-mail said over two turns (pure logic: no model; the anonymiser's use is tested in
test_anonymise_study.py)."""

import pytest

from anonymise.detect import Detection
from anonymise.split_emails import mailboxes_before_an_at


def _found(texts: list[str], turn: int, said: str) -> Detection:
    start = texts[turn].index(said)
    return Detection(turn, start, start + len(said), "URL", 0.9, "test", said)


@pytest.mark.parametrize(
    "texts, language, mailbox",
    [
        (["Yeah, my email is d, o, r, e, e, n dot mckay...", "At?", "At gmail dot com"], "en",
         "d, o, r, e, e, n dot mckay"),
        (["Oui, c'est marie point lefebvre, deux f, non pardon, un f...", "Arobase ?", "Arobase orange point fr"],
         "fr", "marie point lefebvre, deux f, non pardon, un f"),
        (["Sí, el suyo es fiore punto castañeda, con eñe... no, con ene...", "¿Hotmail punto com?",
          "Sí, arroba hotmail punto com"], "es", "fiore punto castañeda, con eñe... no, con ene"),
        (["Su correo es yasna punto poblete...", "Perdona, no te escuché bien, ¿me lo repites despacio?",
          "Arroba hotmail punto com"], "es", None),  # a longer turn between: the rest is not of this mailbox
        (["Lo vendemos en el punto de venta.", "¿Y el correo?", "Arroba gmail punto com"], "es", None),
        (["Mi correo es juan arroba gmail punto com.", "¿Y el otro?", "Arroba hotmail punto com"], "es", None),
    ],
)  # fmt: skip
def test_the_mailbox_before_the_rest(texts, language, mailbox):
    """The rest found is the host after the "@" word of the last turn ("hotmail punto com")."""
    host = texts[2].split(" ", 2)[-1] if texts[2].startswith("Sí") else texts[2].split(" ", 1)[1]
    found = mailboxes_before_an_at(texts, [_found(texts, 2, host)], language)
    assert [d.text for d in found] == ([mailbox] if mailbox else []), found


def test_a_handle_after_a_dictation_takes_nothing():
    """ "arobase ehfs underscore officiel" has no "dot": a handle, not the rest of an e-mail."""
    texts = ["Le compte c'est marie point lefebvre...", "Oui ?", "Arobase ehfs underscore officiel"]
    assert mailboxes_before_an_at(texts, [_found(texts, 2, "ehfs underscore officiel")], "fr") == []
