"""Shops, banks, telecoms and other brands written in lower case ("ring screwfix", "la recarga de tigo", "chez
colruyt"): ASR writes many brands that way and the model tags none of them.

Frequency alone cannot tell such words from loan words and dialect (see brands.py), but a list of brands
can (`brand_list`). A lower-case word or phrase is a brand where the list names it and one of its words is
neither in the language's lexicon nor an everyday word of the language or of English ("best", "chance" in
Spanish talk): "coordinadora" or "postie" stay, "hortons" makes "tim hortons" a brand. Two-letter words are
too ambiguous to take from a list ("ja").
"""

from __future__ import annotations

from collections.abc import Iterator

from anonymise.acronyms import LIST_JOINERS, set_apart_as_an_institution
from anonymise.brand_list import BANK_FIRST_WORDS, is_brand_of_regions, is_listed_brand, plain
from anonymise.brands import NOT_ORGANISATIONS
from anonymise.detect import Detection
from anonymise.grammar import sentence_initial
from anonymise.lexicon import in_no_lexicon, lexicon
from anonymise.name_spans import covered
from anonymise.names import is_common_word, is_title
from anonymise.terms import AllowList

# how a service one uses is said: "order on shopee", "paid through hubtel", "got it off ebay", "the careem driver";
# "je postulais chez colruyt"; "la cuenta de nequi", "le livreur de X"
USED_THROUGH = {
    "en": {"on", "via", "through", "off", "with", "from", "use", "using", "uses", "used"},
    "fr": {"chez", "via"},
    "es": {"vía", "via"},
}
SERVICE_NOUNS = {
    "en": {"driver", "drivers", "rider", "riders", "account", "accounts", "wallet", "seller", "sellers", "shop"},
    "fr": {"compte", "carte", "appli", "application", "livreur", "livreurs", "agence", "magasin"},
    "es": {"cuenta", "tarjeta", "app", "aplicación", "repartidor", "repartidores", "sucursal", "billetera"},
}
# "we bank with regions", "an account with centenary", "insured with aviva": whom money is kept or covered with
BANKING_WORDS = {"bank", "banks", "banked", "banking", "account", "accounts", "insured", "insurance", "mortgage",
                 "savings", "loan", "loans", "pension"}  # fmt: skip
FUNCTION_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "NUM"}
KEPT_WITH = {  # the word before the preposition -> the prepositions that lead to whom money is kept with
    "en": {word: {"with", "at", "from"} for word in BANKING_WORDS},
    "fr": {word: {"au", "à", "chez"} for word in ("compte", "comptes", "assuré", "assurée", "assurés", "crédit")},
    "es": {word: {"en", "con", "del"} for word in ("cuenta", "cuentas", "préstamo", "crédito", "tarjeta")},
}
WORKING_VERBS = {f"{stem}{ending}" for stem in ("work", "deliver") for ending in ("", "s", "ed", "ing")} | {
    "drive", "drives", "drove", "driving", "ride", "rides", "rode", "riding"}  # fmt: skip
OF = {"de", "du", "del", "d'"}  # "la cuenta de nequi": French and Spanish put the service after its noun
MAX_WORDS = 3
BANK_HEADS = BANK_FIRST_WORDS | {"credit", "credito"}  # a listed name that starts so is a bank: "crédit maritime"
MAX_RUN = 5  # tokens of a capitalised brand: "Pick n Pay", "Sainsbury 's Local"
POSSESSIVE_ENDINGS = {"'s", "’s"}
JOINERS = {"n", "'n", "’n", "&", "and", "of", "-"} | POSSESSIVE_ENDINGS  # inside a brand's name
MIN_LETTERS = 3
LISTED_WORD_ZIPF = 4.5  # "costa" (4.2) may be the coffee shop beside "greggs"; "cash", "delivery" (4.6+) are words
ENGLISH_ZIPF = 3.5  # English words said in any language: a brand list's "best" or "office" is no brand there


def listed_brands(docs: list, known: list[Detection], allow: AllowList, language: str, zipf: float) -> list[Detection]:
    """Organisation detections for lower-case words and phrases the brand list names and nothing covers."""
    taken = covered(known)
    found = []
    for turn, doc in enumerate(docs):
        i = 0
        while i < len(doc):
            size = _brand_at(doc, i, language, zipf)
            if size and not any((turn, t.idx) in taken for t in doc[i : i + size]):
                span = doc[i : i + size]
                if not allow.covers(span.text):
                    end = span.start_char + len(span.text)
                    found.append(Detection(turn, span.start_char, end, "ORGANIZATION", 0.5, "brand list", span.text))
            i += size or 1
    return found


def _brand_at(doc, i: int, language: str, zipf: float) -> int:
    """How many tokens from i name a brand written in lower case (longest first), or 0."""
    for size, words in _listed_lower_case_names(doc, i):
        if _unusual(words, language, zipf) or (size > 1 and plain(words[0]) in BANK_HEADS):  # "banco nación"
            return size
    return 0


def _listed_lower_case_names(doc, i: int) -> Iterator[tuple[int, list[str]]]:
    """Each run of lower-case words from i that the brand lists name, longest first, as (size, words)."""
    for size in range(min(MAX_WORDS, len(doc) - i), 0, -1):
        words = [t.text for t in doc[i : i + size]]
        if _lower_case_words(words) and is_listed_brand(" ".join(words)):
            yield size, words


def _lower_case_words(words: list[str]) -> bool:
    """Words in lower case, of letters, digits, hyphens and apostrophes; one alone is not a two-letter word."""
    if not all(w.islower() and w.replace("-", "").replace("'", "").isalnum() for w in words):
        return False
    return len(words) > 1 or len(words[0]) >= MIN_LETTERS


def _unusual(words: list[str], language: str, zipf: float) -> bool:
    """One of the words unknown to the lexicon and everyday neither in the language nor in English."""
    words_of_language = lexicon(language) or frozenset()
    return any(w not in words_of_language and _rare(w, language, zipf) for w in words)


def _rare(word: str, language: str, zipf: float) -> bool:
    """Everyday neither in the language nor in English."""
    return not is_common_word(word, zipf, language) and not is_common_word(word, ENGLISH_ZIPF, "en")


def brands_in_use(docs: list, known: list[Detection], allow: AllowList, language: str, zipf: float) -> list[Detection]:
    """A lower-case word that no lexicon knows and nobody says every day is a brand or a service where it is used
    ("sellers on shopee", "through hubtel", "the careem driver", "drives for yango", "chez colruyt", "la cuenta de
    nequi"), is said to be an institution ("it's cermak, the jail health service":
    `acronyms.set_apart_as_an_institution`) or is listed with an organisation found ("DHL and lalamove"). The list
    of brands lacks online services; alone, such words are often dialect, loan words or verbs with their pronouns
    ("nowt", "kirana", "recibirme"), so the way they are used decides: French and Spanish put a preposition before
    most words, so only "chez", "via" and a service's noun count there. Whom money is kept with is one too, even
    an everyday word the brand list names ("we bank with regions": `_kept_with`)."""
    if language not in USED_THROUGH:
        return []
    taken = covered(known)
    organisations = covered([d for d in known if d.entity_type == "ORGANIZATION"])
    candidates = [
        (turn, i, token)
        for turn, doc in enumerate(docs)
        for i, token in enumerate(doc)
        if (turn, token.idx) not in taken and _an_unknown_word(token, allow, language, zipf)
    ]
    found = [
        (turn, token)
        for turn, i, token in candidates
        if _used(docs[turn], i, language) or set_apart_as_an_institution(docs[turn], i)
    ]
    kept_with = _kept_with(docs, taken | {(turn, token.idx) for turn, token in found}, allow, language)
    organisations |= {(turn, token.idx) for turn, token in found}  # "on shopee and tiktok": the second one too
    organisations |= _products_kept(docs, allow)  # "mostly phonepe or GPay": listed with a product the study keeps
    unknown = {(turn, token.idx) for turn, _, token in candidates}
    candidates += [c for c in _listed_brand_words(docs, taken, allow, language) if (c[0], c[2].idx) not in unknown]
    found += [
        (turn, token)
        for turn, i, token in candidates
        if (turn, token.idx) not in organisations
        and _listed_with(docs[turn], i, turn, organisations, in_no_lexicon(token.lower_, language))
    ]
    return kept_with + [
        Detection(turn, token.idx, token.idx + len(token), "ORGANIZATION", 0.5, "brand in use", token.text)
        for turn, token in found
        if not any(d.turn == turn and d.start <= token.idx < d.end for d in kept_with)
    ]


def _kept_with(docs: list, taken: set, allow: AllowList, language: str) -> list[Detection]:
    """Whom money is kept with: a lower-case name after "bank with", "an account with" ("we bank with regions",
    "opened an account with centenary"), "un compte au" ("au crédit agricole"), "la cuenta en" ("en el
    pichincha"), if the brand list names it or it is no everyday word ("a savings account with interest"
    stays); and in French whoever "chez" leads to that no pronoun or article is ("assurés chez activa")."""
    found = []
    for turn, doc in enumerate(docs):
        i = 2
        while i < len(doc):
            size = _kept_with_at(doc, i, language) if (turn, doc[i].idx) not in taken else 0
            span = doc[i : i + size]
            if size and not allow.covers(span.text):
                end = span.start_char + len(span.text)
                found.append(Detection(turn, span.start_char, end, "ORGANIZATION", 0.5, "brand in use", span.text))
            i += size or 1
    return found


def _kept_with_at(doc, i: int, language: str) -> int:
    """How many lower-case words from i name whom money is kept with (longest listed name first), or 0."""
    k = i - 1
    if language == "es" and doc[k].lower_ in {"el", "la"}:
        k -= 1  # "la cuenta en el pichincha"
    lead = doc[k - 1].lower_ if k >= 1 else ""
    if doc[k].lower_ not in KEPT_WITH.get(language, {}).get(lead, set()):
        return _chez_someone(doc, i) if language == "fr" and doc[i - 1].lower_ == "chez" else 0
    if doc[i].pos_ in FUNCTION_POS or doc[i].lower_ in BANK_FIRST_WORDS:
        return 0  # "a loan from the lending company", "la cuenta del banco": no name
    for size, _ in _listed_lower_case_names(doc, i):
        if all(t.is_alpha for t in doc[i : i + size]):
            return size
    token = doc[i]
    rare = (
        token.is_alpha
        and _lower_case_words([token.text])
        and not is_common_word(token.text, LISTED_WORD_ZIPF, language)
    )
    return 1 if rare else 0


def _chez_someone(doc, i: int) -> int:
    """ "chez activa": a lower-case word after "chez" that is no pronoun, article or number ("chez moi", "chez
    le médecin", "chez six", "chez mamie") names a firm or a person."""
    token = doc[i]
    function_word = token.pos_ in {"PRON", "DET", "NUM", "ADP", "ADV"} or token.lower_.endswith(("'", "’"))
    function_word = function_word or is_title(token.text)  # "chez mamie", "chez tonton": family, nobody named
    return 1 if token.is_alpha and token.is_lower and len(token) >= MIN_LETTERS and not function_word else 0


def _products_kept(docs: list, allow: AllowList) -> set[tuple[int, int]]:
    """Where the study's own products and vendors stand, written with a capital ("GPay", "Xero")."""
    return {
        (turn, t.idx) for turn, doc in enumerate(docs) for t in doc if t.text[:1].isupper() and allow.covers(t.text)
    }


def _listed_brand_words(docs: list, taken: set, allow: AllowList, language: str) -> list[tuple[int, int, object]]:
    """Lower-case words the brand list names, fairly common or not ("costa"): brands only where listed with one;
    not the most common words ("the", "cash", "delivery" are brands' names too)."""
    return [
        (turn, i, token)
        for turn, doc in enumerate(docs)
        for i, token in enumerate(doc)
        if (turn, token.idx) not in taken
        and token.is_lower
        and len(token) >= 2  # "la td et la banque scotia": a two-letter name too, where listed with a firm
        and token.is_alpha
        and is_listed_brand(token.text)
        and not is_common_word(token.text, LISTED_WORD_ZIPF, language)
        and not allow.covers(token.text)
    ]


def _an_unknown_word(token, allow: AllowList, language: str, zipf: float) -> bool:
    """No lexicon's everyday word, or a listed brand's name that is a rare word ("chez décathlon")."""
    word = token.text
    if not (word.isalpha() and _lower_case_words([word])) or allow.covers(word):
        return False
    return _rare(word, language, zipf) and (word not in (lexicon(language) or frozenset()) or is_listed_brand(word))


def _used(doc, i: int, language: str) -> bool:
    before = doc[i - 1].lower_ if i > 0 else ""
    if before in USED_THROUGH[language]:
        return True
    if language == "en" and before == "for" and i > 1 and doc[i - 2].lower_ in WORKING_VERBS:
        return True  # "he drives for yango", "she rides for foodpanda": whom the work is for
    if language == "en":
        return i + 1 < len(doc) and doc[i + 1].lower_ in SERVICE_NOUNS["en"]
    return before in OF and i > 1 and doc[i - 2].lower_ in SERVICE_NOUNS[language]


def _listed_with(doc, i: int, turn: int, organisations: set[tuple[int, int]], no_word: bool = False) -> bool:
    """ "lalamove and Grab", "Grab and lalamove", "la td pis la banque scotia": a word that joins a list ("and",
    "or", "et", "y") ties it to an organisation found; with an article between only if it is `no_word` of any
    lexicon ("Teams and the booking app": "booking" is a word)."""
    for step in (-1, 1):
        k = i + step
        if no_word and step < 0 and 0 < k and doc[k].pos_ == "DET":
            k += step  # "… et la td"
        if not (0 <= k < len(doc) and doc[k].lower_ in LIST_JOINERS):
            continue
        k += step
        if no_word and step > 0 and k < len(doc) and doc[k].pos_ == "DET":
            k += step  # "td et la banque scotia"
        if 0 <= k < len(doc) and (turn, doc[k].idx) in organisations:
            return True
    return False


def capitalised_listed_brands(
    docs: list, known: list[Detection], allow: AllowList, language: str, regions: list[str], zipf: float
) -> list[Detection]:
    """Organisation detections for capitalised names the brand list places in the study's regions or everywhere
    and nothing covers: "Sainsbury's Local", "Canadian Tire", "Pick n Pay" (the model tags many big brands, not
    all). A single word counts only where it is an uncommon proper noun inside a sentence: "Target", "Next" or
    "Boots" are everyday words."""
    taken = covered(known)
    found = []
    for turn, doc in enumerate(docs):
        i = 0
        while i < len(doc):
            size = _capitalised_brand_at(doc, i, language, regions, zipf)
            span = doc[i : i + size]
            if size and not all((turn, t.idx) in taken for t in span) and not allow.covers(span.text):
                end = span.start_char + len(span.text)  # "Pick" and "Pay" found, "n" not: the whole name
                found.append(Detection(turn, span.start_char, end, "ORGANIZATION", 0.5, "brand list", span.text))
            i += size or 1
    return found


def _capitalised_brand_at(doc, i: int, language: str, regions: list[str], zipf: float) -> int:
    """How many tokens from i spell a listed brand in capitals (longest first), or 0."""
    if not _capitalised(doc[i]):
        return 0
    for size in range(min(MAX_RUN, len(doc) - i), 0, -1):
        span = doc[i : i + size]
        names = [t for t in span if _capitalised(t)]
        if not all(_capitalised(t) or t.lower_ in JOINERS for t in span):
            continue
        if span[-1].lower_ in JOINERS - POSSESSIVE_ENDINGS or not is_brand_of_regions(span.text, regions):
            continue
        if len(names) > 1 or _an_uncommon_proper_noun(doc, names[0].i, language, zipf):
            return size
    return 0


def _capitalised(token) -> bool:
    """A word of two letters or more that starts with a capital ("Pick", "HEB"; not the "n" of "Pick n Pay")."""
    return token.is_alpha and len(token.text) > 1 and token.text[0].isupper()


def _an_uncommon_proper_noun(doc, i: int, language: str, zipf: float) -> bool:
    """A brand's one word that only a name can be: a capitalised proper noun inside a sentence, in no
    lexicon, common in neither the language nor English, and no place, people or date."""
    token = doc[i]
    if not token.text[1:].islower() or sentence_initial(doc, i) or token.pos_ != "PROPN":
        return False  # an acronym is for `acronyms` to judge
    word = token.lower_
    if token.ent_type_ in NOT_ORGANISATIONS or word in (lexicon(language) or frozenset()):
        return False  # "Tata" (auntie) in French
    return not is_common_word(word, zipf, language) and not is_common_word(word, zipf, "en")
