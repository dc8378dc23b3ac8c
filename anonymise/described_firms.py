"""A name the speaker says what kind of firm it is: "printed by Victory, a small printer near the taxi park",
"Tussock, they're a two-man outfit", "hubtel, the payments app". The apposition tells the coder, and
us, that the word before it names a business, even where it is an everyday word the model leaves alone.

English only: a capitalised word or run inside a sentence, or a lower-case word no lexicon knows, then a comma
and a noun phrase ("a", "the", "that's a", "they're a", adjectives and nouns) whose head, before the next
pause, is a kind of business, and that no verb follows ("on Monday, the shop was shut" is a clause). A person
described by a role ("Kelvin, the nurse", "Grace, the pharmacy tech") stays a person: roles are no kinds of
business.
"""

from __future__ import annotations

from anonymise.acronyms import INSTITUTION_NOUNS
from anonymise.detect import Detection
from anonymise.grammar import sentence_initial
from anonymise.lexicon import lexicon
from anonymise.name_spans import covered
from anonymise.names import is_common_word
from anonymise.terms import AllowList

# what a business is, said of it: "a small printer", "the credit union", "a wee family firm"
BUSINESS_KINDS = INSTITUTION_NOUNS | {
    "printer", "printers", "outfit", "shop", "store", "bakery", "garage", "builders", "contractor", "contractors",
    "chain", "pharmacy", "chemist", "surgery", "practice", "café", "cafe", "restaurant", "pub", "hotel", "nursery",
    "clinic", "co-op", "cooperative", "wholesaler", "wholesalers", "distributor", "haulier", "hauliers",
    "consultancy", "business", "caterers", "cleaners", "supermarket", "app", "platform", "lender", "franchise",
    "label", "studio", "salon", "mill", "factory", "depot", "carrier", "operator", "brand", "manufacturer",
}  # fmt: skip
LEADS = [["that", "'s"], ["that", "’s"], ["it", "'s"], ["it", "’s"], ["they", "'re"], ["they", "’re"], ["a"],
         ["an"], ["the"], ["our"], ["my"]]  # fmt: skip
MAX_MODIFIERS = 3
RARE_ZIPF = 3.0  # a lower-case word rarer than this, and in no lexicon, may be a name ("aware" is not one)


def described_firms(docs: list, known: list[Detection], allow: AllowList, language: str) -> list[Detection]:
    """Organisation detections for names followed by ", a <kind of business>" that nothing covers."""
    if language != "en":
        return []
    taken = covered(known)
    found = []
    for turn, doc in enumerate(docs):
        for i in range(1, len(doc)):
            if not _described_as_a_business(doc, i + 1):  # the cheap test first: most tokens have no comma after
                continue
            start = _name_start(doc, i, language)
            if start is None or any((turn, t.idx) in taken for t in doc[start : i + 1]):
                continue
            span = doc[start : i + 1]
            if not allow.covers(span.text):
                end = span.start_char + len(span.text)
                found.append(Detection(turn, span.start_char, end, "ORGANIZATION", 0.55, "described firm", span.text))
    return found


def _name_start(doc, i: int, language: str) -> int | None:
    """Where the name that ends at token i starts: capitalised words inside a sentence, or one lower-case
    word no lexicon knows; None if no name ends there."""
    token = doc[i]
    if token.is_lower:
        rare = token.is_alpha and not is_common_word(token.lower_, RARE_ZIPF, language)
        return i if rare and token.lower_ not in (lexicon(language) or frozenset()) else None
    start = i
    while start >= 0 and doc[start].is_alpha and doc[start].text[:1].isupper() and not doc[start].is_upper:
        start -= 1
    start += 1
    while start <= i and sentence_initial(doc, start):
        start += 1
    return start if start <= i else None


def _described_as_a_business(doc, k: int) -> bool:
    """A comma at k, then a noun phrase whose head, before the next pause, is a kind of business."""
    if k >= len(doc) or doc[k].text != ",":
        return False
    words = [t.lower_ for t in doc[k + 1 : k + 3]]
    lead = next((len(w) for w in LEADS if words[: len(w)] == w), 0)
    if not lead:
        return False
    phrase = []
    for token in doc[k + 1 + lead : k + 2 + lead + MAX_MODIFIERS]:
        if token.is_punct or token.pos_ not in {"NOUN", "PROPN", "ADJ", "NUM"} and token.text != "-":
            break
        phrase.append(token)
    if not phrase or phrase[-1].lower_ not in BUSINESS_KINDS:
        return False
    after = phrase[-1].i + 1
    return after >= len(doc) or doc[after].pos_ not in {"VERB", "AUX"}  # "Monday, the shop was shut": a clause
