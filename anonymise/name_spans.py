"""Name spans beyond what the model and propagation found, and their final shape.

Rare capitalised words, uncommon given names, brand-shaped words and compound given names, runs of
capitalised words inside a French or Spanish sentence, an unknown word beside a person's name or set off by
commas after it, a place prefix ("St", "Mount") joined to the name after it, shops named with an 's, and
overlapping or side-by-side detections merged into one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from anonymise.acronyms import INSTITUTION_NOUNS
from anonymise.addresses import STREET_WORDS
from anonymise.detect import Detection
from anonymise.grammar import (
    CAPITALS_MARK_NAMES,
    HONORIFICS,
    after_an_honorific,
    past_adverbs,
    role_word,
    sentence_initial,
    written_in_lower_case,
)
from anonymise.holiday_names import is_holiday_name
from anonymise.lexicon import in_no_lexicon, is_unlisted_word
from anonymise.names import (
    ENGLISH_CALENDAR,
    FAMILIAR_PREFIXES,
    RARE_ZIPF,
    TITLES,
    fold,
    given_names,
    is_common_word,
    is_function_word,
    is_title,
    is_verb_with_pronouns,
)
from anonymise.peoples import names_peoples_or_languages_only
from anonymise.terms import CONTACT_TYPES, NAME_TYPES, AllowList

EVERYDAY_ZIPF = 5.0  # a given name this common is said as a word where a sentence starts ("Merci", "Will", "May")
_PLACE_BEFORE = {"at", "to", "from", "in", "outside", "near", "into", "round", "behind", "the"}


def extend_person_names(
    docs: list, detections: list[Detection], allow: AllowList, zipf: float, language: str = "en"
) -> list[Detection]:
    """Join an unknown capitalised word next to a person's name to it ("Shoo Ming" when "Ming" is known), and a
    capitalised word right before it where no sentence starts, even an everyday one ("Soy María José Ferrandis"
    when "José Ferrandis" is known, "Soon Lee", "Wing Tan"); titles and function words stay out."""
    people = {(d.turn, d.start, d.end) for d in detections if d.entity_type == "PERSON"}
    extra = []
    for turn, doc in enumerate(docs):
        spans = [(s, e) for t, s, e in people if t == turn]
        for i, token in enumerate(doc):
            if _joins_a_name(doc, i, spans, allow, zipf, language):
                end = token.idx + len(token.text)
                extra.append(Detection(turn, token.idx, end, "PERSON", 0.6, "name-neighbour", token.text))
    return extra


def _joins_a_name(doc, i: int, spans: list[tuple[int, int]], allow: AllowList, zipf: float, language: str) -> bool:
    """Whether token i belongs to the person's name beside it (`spans`: the turn's people)."""
    token = doc[i]
    end = token.idx + len(token.text)
    before_name = any(s == end + 1 for s, _ in spans)
    if re.fullmatch(r"[A-Z]\.", token.text) and fold(token.text) not in TITLES:  # "R. Thirunavukkarasu", not "M."
        return before_name
    if (
        not token.text[:1].isupper()
        or not of_letters(token)
        or allow.covers(token.text)
        or is_title(token.text)
        or is_holiday_name(token.text)  # "the Ramadan rota": a feast is no part of a name
        or (token.idx, end) in spans
    ):
        return False
    if not is_common_word(token.text, zipf, language):
        return before_name or any(token.idx == e + 1 for _, e in spans)
    if token.text in FAMILIAR_PREFIXES and before_name:
        return True  # "Ah Choon, Bala and me": part of the name, even where a sentence starts
    # "María", "See" (of "See Hong") are words as well: only right before the name, inside a sentence
    if before_name and sentence_initial(doc, i):
        return _introduced(doc, i, spans, language)
    return before_name and not is_function_word(token.text, language)


def _introduced(doc, i: int, spans: list[tuple[int, int]], language: str) -> bool:
    """ "Prudence Wahéo, je suis…": a given name that is a word too ("prudence"), where a sentence starts, right
    before a person's name that a pause ends; not a word said every day ("Merci Kevin", "Will Jones come?")."""
    end = next(e for s, e in spans if s == doc[i].idx + len(doc[i].text) + 1)
    last = next((k for k in range(i + 1, len(doc)) if doc[k].idx + len(doc[k].text) == end), None)
    word = doc[i].text
    if last is None or fold(word) not in given_names() or is_common_word(word, EVERYDAY_ZIPF, language):
        return False
    return last + 1 == len(doc) or doc[last + 1].text in {",", ".", ";", ":", "?", "!"}


def appositive_names(docs: list, detections: list[Detection], allow: AllowList, language: str) -> list[Detection]:
    """A capitalised word set off by commas right after a person's name is a name too, even an everyday
    word ("M. Girard, Aimé, sonne", "Mr Banda, Patience, said"), and so is one said after a role word right
    before a person's full name ("my colleague Rocky, Rakesh Bhalla, he translates")."""
    ends = {(d.turn, d.end) for d in detections if d.entity_type == "PERSON"}
    full_names = {(d.turn, d.start) for d in detections if d.entity_type == "PERSON" and " " in d.text.strip()}
    found = []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc[1:-1], start=1):
            comma, after = doc[i - 1], doc[i + 1]
            after_a_name = i >= 2 and comma.text == "," and (turn, doc[i - 2].idx + len(doc[i - 2].text)) in ends
            before_a_full_name = (
                after.text == ","
                and i + 2 < len(doc)
                and (turn, doc[i + 2].idx) in full_names
                and role_word(language).fullmatch(doc[i - 1].text) is not None
            )
            capitalised = (
                (after_a_name and after.text in {",", "."} or before_a_full_name)
                and token.is_alpha
                and token.text[:1].isupper()
                and not token.text.isupper()
                and not is_function_word(token.text, language)
            )
            named = capitalised or _a_lower_case_name_after_a_person_noun(doc, i, language)
            if named and not allow.covers(token.text):
                found.append(
                    Detection(turn, token.idx, token.idx + len(token.text), "PERSON", 0.6, "apposition", token.text)
                )
    return found


PERSON_NOUNS = {  # whom a name set off by commas can follow: "a nice young man, rajesh, very patient"
    "en": {"man", "woman", "lady", "guy", "boy", "girl", "chap", "fellow", "gentleman", "lad", "lass", "kid"},
    "fr": {"homme", "femme", "garçon", "fille", "dame", "monsieur", "type", "gars", "jeune", "gamin", "gamine"},
    "es": {"hombre", "mujer", "chico", "chica", "señor", "señora", "muchacho", "muchacha", "joven", "chavo", "chava"},
}
UNKNOWN_NAME_ZIPF = 3.0  # a lower-case word rarer than this, in no lexicon, may be a name


def _a_lower_case_name_after_a_person_noun(doc, i: int, language: str) -> bool:
    """ "a nice young man, rajesh, very patient": a lower-case word no lexicon knows, set off by commas right
    after a word for a person (or a role: "my colleague, kiran, said") is that person's name."""
    token = doc[i]
    if not (i >= 2 and doc[i - 1].text == "," and i + 1 < len(doc) and doc[i + 1].text in {",", "."}):
        return False
    noun = doc[i - 2].text
    if noun.lower() not in PERSON_NOUNS.get(language, set()) and not role_word(language).fullmatch(noun):
        return False
    unknown = in_no_lexicon(token.lower_, language) and not is_common_word(token.text, UNKNOWN_NAME_ZIPF, language)
    return token.is_alpha and token.is_lower and unknown


PLACE_PREFIXES = {"St", "St.", "Saint", "Sainte", "Ste", "Ste.", "Mount", "Mt", "Mt.", "Fort", "Port", "Lake", "Cape",
                  "San", "Santa", "Santo", "São", "Isle", "Isla"}  # fmt: skip


def with_place_prefix(docs: list, detections: list[Detection]) -> list[Detection]:
    """A name after "St", "Mount", "Port", "San"… names a place or an institution with it ("in Clarendon and
    St Elizabeth", "St Mary's"): the prefix joins the span, and a person's name so prefixed is a place."""
    out = []
    for d in detections:
        i = token_at(docs[d.turn], d.start)
        before = docs[d.turn][i - 1] if i else None
        if d.entity_type in NAME_TYPES and before is not None and before.text in PLACE_PREFIXES:
            kind = "LOCATION" if d.entity_type == "PERSON" else d.entity_type
            d = replace(d, start=before.idx, text=docs[d.turn].text[before.idx : d.end], entity_type=kind)
        street = _street_word_before(docs[d.turn], i) if d.entity_type in NAME_TYPES and i else None
        if street is not None:  # "la calle Juan Álvarez", "avenida de Campanar", "rue du Long-Pot"
            d = replace(d, start=street.idx, text=docs[d.turn].text[street.idx : d.end], entity_type="LOCATION")
        out.append(d)
    return out


_STREET_LINKS = {"de", "del", "du", "des", "la", "l'", "d'", "los", "las"}


def _street_word_before(doc, i: int):
    """The lower-case street word before a name ("calle", "rue"), across "de", "del", "de la"…, or None."""
    j = i - 1
    while j >= 0 and i - j <= 3 and doc[j].lower_ in _STREET_LINKS:
        j -= 1
    return doc[j] if j >= 0 and doc[j].text in STREET_WORDS else None


def token_at(doc, offset: int) -> int | None:
    """The index of the token that starts at `offset`, or None."""
    return next((i for i, t in enumerate(doc) if t.idx == offset), None)


def possessive_names(docs: list, detections: list[Detection]) -> list[Detection]:
    """Places named with an 's keep it: "at Nando's in Claremont", "the Macca's on Boundary Street", "the
    Dalziel's supervisor", "Dalziel's are fine", and a person's name used so ("I'll take you to Pat's, not
    Geno's") names a shop, as does the name that starts a firm's ("Pickersgill and Sons", then "Pickersgill's?
    Never logged in"). Where a noun follows ("Target's policy", "Will's line") the 's is a possessive and
    stays outside."""
    out, shops_in, firms = [], set(), _firm_heads(detections)
    for d in sorted(detections, key=lambda d: (d.turn, d.start)):
        doc = docs[d.turn]
        if _SHOP_NAME.search(d.text):
            d = _with_its_title(doc.text, d)
        start, i = token_at(doc, d.start), token_at(doc, d.end)
        if start is None or i is None or doc[i].text not in {"'s", "’s"} or d.entity_type not in NAME_TYPES:
            out.append(d)
            continue
        shop = _capitalised_after(doc, i + 1)
        if shop:  # "I run Tope's Oven": a name, 's and capitalised words name a business
            name = doc[start : i + 1 + shop]
            out.append(
                _with_its_title(doc.text, replace(d, end=name.end_char, text=name.text, entity_type="ORGANIZATION"))
            )
            continue
        firm = fold(d.text.split()[-1]) in firms
        if _names_a_place(doc, start, i, d.entity_type, d.turn in shops_in) or (firm and _a_pause_after(doc, i)):
            shops_in.add(d.turn)
            entity_type = "ORGANIZATION" if d.entity_type == "PERSON" else d.entity_type
            d = replace(d, end=d.end + len(doc[i].text), text=d.text + doc[i].text, entity_type=entity_type)
        out.append(d)
    return out


def _firm_heads(detections: list[Detection]) -> set[str]:
    """The first words of organisations of several words ("Pickersgill" of "Pickersgill and Sons", "Brubacher" of
    "Brubacher's Feed Mill"): said with an 's and a pause, such a name is the firm ("Pickersgill's? Never")."""
    heads = set()
    for d in detections:
        if d.entity_type == "ORGANIZATION" and " " in d.text:
            heads.add(fold(re.sub(r"['’]s$", "", d.text.split()[0])))
    return heads


BE_HAVE = {"be", "have"}
_SHOP_NAME = re.compile(r"\w['’]s\s+[A-Z]")  # "Gloria's Kitchen"
_TITLE_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+)\.?\s+$")
_OWNER_TITLES = TITLES | HONORIFICS  # "Miss", "Mr", "Mama"


def _with_its_title(text: str, d: Detection) -> Detection:
    """A shop named after someone with their title keeps it: "Miss Gloria's Kitchen", "Mr. Patel's Pharmacy",
    "Mama Nkechi's Kitchen"."""
    title = _TITLE_BEFORE.search(text[max(0, d.start - 12) : d.start])
    if title is None or fold(title.group(1)) not in _OWNER_TITLES:
        return d
    start = d.start - len(title.group())
    return replace(d, start=start, text=text[start : d.end], entity_type="ORGANIZATION")


def _names_a_place(doc, start: int, i: int, entity_type: str, shop_before: bool) -> bool:
    """Whether name + 's (token i) is a place or a shop: no noun after it (unless "the" comes before: "the
    Dalziel's supervisor"), and a place already, or after a word that leads to places, or agreeing with a
    plural verb ("Dalziel's are fine"), or a pause after it in a turn that named a shop so before it
    ("to Pat's, not Geno's,")."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    before = doc[start - 1].lower_ if start > 0 else ""
    if before == "the":
        return True
    if not _no_noun_after(doc, i):
        return False
    pause = after is None or after.is_punct
    return entity_type != "PERSON" or before in _PLACE_BEFORE or _its_verb_after(doc, i) or (pause and shop_before)


def _its_verb_after(doc, i: int) -> bool:
    """A present verb right after name + 's, past an adverb: the 's cannot be "is" or "has", so name and 's are
    the subject, a shop or a firm ("Dalziel's are fine", "Rimmer's is only him and a lad", "Zielinski's always
    needs apprentices"); not "Pat's coming", "Pat's left"."""
    k = past_adverbs(doc, i + 1, most=2)
    return k < len(doc) and (doc[k].tag_ in {"VBZ", "VBP"} or doc[k].lower_ in {"was", "were"})


def _a_pause_after(doc, i: int) -> bool:
    """Nothing that 's could own or be ("has been", "is"): a pause, an adverb or a preposition; or a verb that
    cannot follow "is" or "has" ("Magee's would text you", "Harland's went under", "Motaung's gives")."""
    after = doc[i + 1] if i + 1 < len(doc) else None
    if after is not None and (after.tag_ in {"MD", "VBD"} or (after.tag_ == "VBZ" and after.lemma_ not in BE_HAVE)):
        return True
    return after is None or after.is_punct or after.pos_ in {"ADV", "ADP", "CCONJ"}


def _no_noun_after(doc, i: int) -> bool:
    after = doc[i + 1] if i + 1 < len(doc) else None
    return after is None or after.pos_ not in {"NOUN", "ADJ", "NUM"}


def _capitalised_after(doc, i: int) -> int:
    """How many capitalised nouns follow token i ("Oven" of "Tope's Oven")."""
    n = 0
    while i + n < len(doc) and doc[i + n].text[:1].isupper() and doc[i + n].is_alpha and doc[i + n].text != "I":
        n += 1
    return n


_APOSTROPHE_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")


def of_letters(token) -> bool:
    """Letters only, or letters with an apostrophe inside: "Fa'alogo", "Ng'ang'a", "Savai'i" are words of names
    (not "we're", which spaCy splits)."""
    return token.is_alpha or _APOSTROPHE_WORD.fullmatch(token.text) is not None


def _name_shaped(word: str) -> bool:
    """Capitalised like a name ("Adeyemi", "McLeod", "DeShawn"), not an acronym or a product ("KPIs", "FormSG")."""
    capitals = sum(c.isupper() for c in word)
    return capitals == 1 or (
        capitals == 2 and bool(re.match(r"^(?:Mc|Mac|O'|D'|De|Di|Da|La|Le|Van|Von)[A-Z][a-z]+$", word))
    )


def _brand_shaped(word: str) -> bool:
    """Written like a company's name: a capital inside a word ("GTBank", "BancoEstado"), not a Scottish or
    Irish surname ("McLeod") nor an acronym."""
    return bool(re.fullmatch(r"[A-Z][A-Za-z]*[a-z][A-Z][A-Za-z]*|[A-Z]{2,}[a-z]{2,}", word)) and not _name_shaped(word)


def compound_given_name(word: str) -> bool:
    """ "Jean-Pierre", "Marie-Claire", "rose-marie": parts that are all given names, capitalised or all in
    lower case as speech recognition writes them."""
    parts = word.split("-")
    capitalised = all(p[:1].isupper() for p in parts) or word.islower()
    return len(parts) > 1 and capitalised and all(fold(p) in given_names() for p in parts)


def covered(detections: list[Detection]) -> set[tuple[int, int]]:
    """(turn, character offset) of every character the detections cover."""
    return {(d.turn, i) for d in detections for i in range(d.start, d.end)}


def rare_proper_nouns(
    docs: list, known: list[Detection], allow: AllowList, language: str = "en", zipf: float = 4.0
) -> list[Detection]:
    """Capitalised words so rare in the language that they are most likely names the model did not tag, and
    compound given names ("Jean-Pierre")."""
    taken = covered(known)
    written_small = written_in_lower_case(docs)
    found = []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            word = token.text
            if sentence_initial(doc, i) and word.lower() in written_small and fold(word) not in given_names():
                continue  # "Reventada es poco" after "vendrás reventada": a capital only for the sentence
            if compound_given_name(word) and (turn, token.idx) not in taken:
                found.append(Detection(turn, token.idx, token.idx + len(word), "PERSON", 0.6, "given names", word))
                continue
            if token.is_alpha and _brand_shaped(word) and (turn, token.idx) not in taken and not allow.covers(word):
                if not is_common_word(word, RARE_ZIPF - 0.5, language) and not is_common_word(word, RARE_ZIPF - 0.5):
                    found.append(Detection(turn, token.idx, token.idx + len(word), "ORGANIZATION", 0.5, "brand", word))
                continue
            if not (of_letters(token) and word[0].isupper() and len(word) >= 3 and _name_shaped(word)):
                continue
            if allow.covers(word) or (turn, token.idx) in taken or (is_title(word) and not after_an_honorific(doc, i)):
                continue  # "Kuya Jhun": the title is no name; "Mr Ouma" is
            rare = RARE_ZIPF + 0.5 if _capitalised_alone(doc, i, language) else RARE_ZIPF - 0.5
            if is_common_word(word, rare, language) and not _uncommon_given_name(doc, i, zipf, language):
                continue
            if is_verb_with_pronouns(word, language):
                continue  # "Mándelo", "Búsquelo": a verb with its pronouns
            before = doc[i - 1].text.lower() if i > 0 else ""
            kind = "ORGANIZATION" if before in {"at", "from", "with", "for", "joined"} else "PERSON"
            found.append(Detection(turn, token.idx, token.idx + len(word), kind, 0.5, "rare-proper-noun", word))
    return found


def _capitalised_alone(doc, i: int, language: str) -> bool:
    """French and Spanish capitalise a word inside a sentence only when it is a name ("cobro en la Caixa");
    runs of capitalised words are `capitalised_runs`' ("la Botica Don Eusebio")."""
    if language not in CAPITALS_MARK_NAMES or sentence_initial(doc, i):
        return False
    neighbours = [doc[k] for k in (i - 1, i + 1) if 0 <= k < len(doc)]
    return not any(capitalised_word(t) for t in neighbours)


def _uncommon_given_name(doc, i: int, zipf: float, language: str) -> bool:
    """A given name that is not an everyday word ("Beverley", "Valérie"; not "Will", "Rose"), used as a name
    where it stands: the model's proper noun, or a turn of its own ("Beverley."). A name frequent only as a name
    is no everyday word either: the lexicon does not know it ("André", "Christine"; French spaCy calls some MISC),
    inside a sentence, where fillers the lexicon lacks do not stand ("Ben, je sais pas", "Dale, dale")."""
    token = doc[i]
    if fold(token.text) not in given_names():
        return False
    name_only = is_unlisted_word(token.lower_, language) and not sentence_initial(doc, i)
    if is_common_word(token.text, zipf, language) and not name_only:
        return False
    alone = all(not t.is_alpha for t in doc if t.i != i)
    return token.pos_ == "PROPN" or alone


ROMANCE_LINKS = {"de", "del", "du", "des", "la", "las", "los", "le", "les", "y", "et", "d'", "d’"}
# "Fundación para el Progreso…", "Oficina contra el Fraude…", "Institut pour la Santé…": what an institution is
# for links the words of its name, after a head noun that names an institution
PURPOSES = {"para", "contra", "sobre", "pour", "contre", "sur"}
PURPOSE_LINKS = PURPOSES | {"el", "l'", "l’"}
INSTITUTION_HEADS = INSTITUTION_NOUNS | {
    "fundación", "instituto", "oficina", "centro", "asociación", "comisión", "consejo", "secretaría", "agencia",
    "programa", "fondo", "servicio", "dirección", "red", "coordinadora", "federación", "confederación",
    "cooperativa", "unión", "comité", "junta", "observatorio", "defensoría", "corporación", "fondation", "institut",
    "office", "centre", "association", "commission", "conseil", "agence", "programme", "fonds", "service",
    "direction", "réseau", "fédération", "coopérative", "comité", "observatoire",
}  # fmt: skip
PLACE_PREPOSITIONS = {"en", "à", "a", "au", "aux", "desde", "hasta", "vers", "près", "cerca"}


def capitalised_runs(docs: list, known: list[Detection], allow: AllowList, language: str) -> list[Detection]:
    """French and Spanish capitalise inside a sentence only proper names: two or more capitalised words there
    ("Registro Civil", "La Source", "Cerro Alegre") name an organisation or a place, even when each is an
    ordinary word. A place after "en", "à"…, else an organisation. Public institutions and feasts are caught
    too ("Seguridad Social", "Semana Santa"): privacy first, the coders read a placeholder."""
    if language not in CAPITALS_MARK_NAMES:
        return []
    taken = covered(known)
    people = covered([d for d in known if d.entity_type == "PERSON"])
    found = []
    for turn, doc in enumerate(docs):
        i = 0
        while i < len(doc):
            if sentence_initial(doc, i):  # "Tiene la Panadería Don Tito": the run starts after the first word
                i += 1
                continue
            end = _run_end(doc, i)
            words = [t for t in doc[i:end] if t.text[:1].isupper()]
            span = doc[i:end]
            text = span.text
            named_after, institution = _named_after_someone(words, turn, people), _for_a_purpose(span)
            if (
                len(words) >= 2
                and (institution or not all((turn, t.idx) in taken for t in words))  # else merged into what it extends
                and not allow.covers(text)
                and (named_after or institution or not any(is_title(t.text) for t in words))
                and not names_peoples_or_languages_only(text, language)  # "Portugueses y Franceses": peoples
            ):
                before = doc[i - 1].lower_ if i > 0 else ""
                kind = "LOCATION" if before in PLACE_PREPOSITIONS and not institution else "ORGANIZATION"
                kind = "PERSON" if any((turn, t.idx) in people for t in words) and not named_after else kind
                kind = "ORGANIZATION" if institution else kind
                found.append(Detection(turn, span.start_char, span.end_char, kind, 0.5, "capitalised words", text))
            i = max(end, i + 1)
    return found


def _for_a_purpose(span) -> bool:
    """ "Oficina contra el Fraude Fiscal": an institution's head noun, then what it is for, one name."""
    return len(span) > 0 and span[0].lower_ in INSTITUTION_HEADS and any(t.lower_ in PURPOSES for t in span)


def _named_after_someone(words: list, turn: int, people: set) -> bool:
    """ "Farmacia Don Rodolfo", "Hospital Juan Ramón Jiménez": a capitalised noun that is no name, then a
    title or a person's name: an organisation named after someone."""
    if len(words) < 2:
        return False
    head, rest = words[0], words[1:]
    if is_title(head.text) or fold(head.text) in given_names() or (turn, head.idx) in people:
        return False
    return head.pos_ in {"NOUN", "PROPN"} and any(is_title(t.text) or (turn, t.idx) in people for t in rest)


def _run_end(doc, i: int) -> int:
    """The end of a run of capitalised words from token i, linked by "de", "la"… (none at its end)."""
    end = i
    j = i
    links = ROMANCE_LINKS | PURPOSE_LINKS if doc[i].lower_ in INSTITUTION_HEADS else ROMANCE_LINKS
    while j < len(doc) and (capitalised_word(doc[j]) or (j > i and doc[j].lower_ in links)):
        if capitalised_word(doc[j]):
            end = j + 1
        j += 1
    return end


def capitalised_word(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and not token.text.isupper()


def _adjacent_people(last: Detection, d: Detection, gap: str) -> bool:
    """Two parts of one person's name side by side ("oluwasegun" "adeyemi")."""
    return last.entity_type == d.entity_type == "PERSON" and gap.isspace() and len(gap) <= 2


def merge_detections(detections: list[Detection], texts: list[str] | None = None) -> list[Detection]:
    """Overlapping detections in a turn become one, typed by the longest (then highest-scoring) of them;
    with the turns' `texts`, people's name words side by side become one name too."""
    merged: list[Detection] = []
    for d in sorted(detections, key=lambda d: (d.turn, d.start, -(d.end - d.start), -d.score)):
        last = merged[-1] if merged else None
        gap = texts[d.turn][last.end : d.start] if texts and last is not None and last.end <= d.start else ""
        if last is not None and last.turn == d.turn and (d.start < last.end or _adjacent_people(last, d, gap)):
            if d.end > last.end:
                text = last.text + gap + d.text[max(0, last.end - d.start) :]
                contact = d.entity_type in CONTACT_TYPES and last.entity_type in NAME_TYPES  # a name spelled in it
                kind, rule = (d.entity_type, d.rule) if contact else (last.entity_type, last.rule)
                merged[-1] = Detection(d.turn, last.start, d.end, kind, max(last.score, d.score), rule, text)
            continue
        merged.append(d)
    return merged


_AND = {" and ", " & ", " et ", " y ", " e "}
_NAME_PARTICLE_GAPS = {" de ", " del ", " de la ", " de los ", " van ", " van der ", " von ", " da ", " dos ", " das ",
                       " di ", " du "}  # fmt: skip
_OF_GAPS = {" de ", " del ", " de la ", " de los ", " des ", " du ", " de l'", " d'", " of ", " of the "}


_PARTICLE_BEFORE = re.compile(r"(?<![\w'’-])(?:de|del|van|von|da|di|du|dos|das|do) $", re.IGNORECASE)
_ARTICLE_FIRST = re.compile(r"(?:la|las|los|le|les|der|den) ")  # "la Barra" of "de la Barra"


def surname_particles(texts: list[str], detections: list[Detection]) -> list[Detection]:
    """A person's name with the particle that starts it: the model found "la Barra" in "la señora de la
    Barra", and no name starts with an article."""
    out = []
    for d in detections:
        starts_with_an_article = d.entity_type == "PERSON" and _ARTICLE_FIRST.match(d.text)
        particle = _PARTICLE_BEFORE.search(texts[d.turn][: d.start]) if starts_with_an_article else None
        if particle:
            d = replace(d, start=particle.start(), text=texts[d.turn][particle.start() : d.end])
        out.append(d)
    return out


def names_joined_by_and(texts: list[str], detections: list[Detection]) -> list[Detection]:
    """ "Cardiff and Vale University Health Board", "Nkabom Savings and Loans", "Lau and Yeo Accounting": one
    organisation whose name has "and" in it, where one side is a single word and the other a longer
    organisation's name ("Barclays and Lloyds" stay two); "María del Rosario", "Cámara Nacional de Comercio
    de Guadalajara": one name across a particle."""
    out: list[Detection] = []
    for d in sorted(detections, key=lambda d: (d.turn, d.start)):
        last = out[-1] if out else None
        joined = _joined_type(texts[d.turn], last, d) if last is not None and last.turn == d.turn else None
        if joined:
            text = texts[d.turn][last.start : d.end]
            out[-1] = Detection(d.turn, last.start, d.end, joined, max(last.score, d.score), last.rule, text)
            continue
        out.append(d)
    return out


_OF_A_NAME = re.compile(r" of (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)*")


def organisations_of_a_place(texts: list[str], detections: list[Detection], language: str) -> list[Detection]:
    """English: an organisation's name goes on through "of" and the capitalised words after it that nothing
    found ("the Rotary Club of Lusaka East", "the Lions Club of Nairobi Central"): the place is part of it."""
    if language != "en":
        return detections
    starts = {(d.turn, d.start) for d in detections}
    out = []
    for d in detections:
        after = _OF_A_NAME.match(texts[d.turn], d.end) if d.entity_type == "ORGANIZATION" else None
        named = after is not None and not any((d.turn, k) in starts for k in range(d.end, after.end()))
        if named and after.group().split()[-1] != "I":
            d = replace(d, end=after.end(), text=texts[d.turn][d.start : after.end()])
        out.append(d)
    return out


ENGLISH_HEADS = {"collective", "partnership", "project", "clinic", "foundation", "group", "institute", "center",
                 "academy", "alliance", "initiative", "forum", "services", "cooperative", "co-op", "ltd", "limited",
                 "inc", "plc", "surgery", "pharmacy", "practice", "ministries", "fellowship"}  # fmt: skip
_HEADED_RUN = re.compile(r" ((?:[A-Z][\w'’&-]*\s){0,2}[A-Z][\w'’&-]*)")


def institutions_after_a_name(texts: list[str], detections: list[Detection], language: str) -> list[Detection]:
    """English: a name followed by capitalised words that end in an institution's head noun is that
    institution ("Hope Street Collective" where the model found the street), an organisation followed by
    capitalised words is longer ("Plumbing World"), and so is a "person" whose
    name ends in one ("Priya Rao Services"): one organisation, in place of the shorter name or the person."""
    if language != "en":
        return detections
    heads = INSTITUTION_HEADS | ENGLISH_HEADS
    starts = {(d.turn, d.start) for d in detections}
    out = []
    for d in detections:
        run = _HEADED_RUN.match(texts[d.turn], d.end) if d.entity_type in NAME_TYPES else None
        if (
            run
            and (run.group(1).split()[-1].lower() in heads or _more_of_an_organisation(d, run.group(1)))
            and not any((d.turn, k) in starts for k in range(d.end, run.end()))
        ):
            d = replace(d, end=run.end(), entity_type="ORGANIZATION", text=texts[d.turn][d.start : run.end()])
        elif d.entity_type == "PERSON" and len(d.text.split()) >= 2 and d.text.split()[-1].lower() in heads:
            d = replace(d, entity_type="ORGANIZATION")
        out.append(d)
    return out


def _more_of_an_organisation(d: Detection, run: str) -> bool:
    """Capitalised words right after an organisation's name (no pause between) are more of it ("Plumbing World"
    where "Plumbing" was found, "Wekesa and Sons Hardware"); not "I", a month, a weekday, an acronym, a title
    or a function word ("told Tesco Monday", "the GTBank ATM", "Board Secretary")."""
    words = run.split()
    if d.entity_type != "ORGANIZATION" or len(words) > 2 or not d.text[-1:].isalnum():
        return False
    return all(
        re.fullmatch(r"[A-Z][a-z]+", w) and w.lower() not in ENGLISH_CALENDAR and not is_title(w)
        and not is_function_word(w, "en")
        for w in words
    )  # fmt: skip


def _joined_type(text: str, left: Detection, right: Detection) -> str | None:
    """The type of the one name that `left`, the words between and `right` make, or None."""
    if _one_name_with_and(text, left, right):
        return "ORGANIZATION"
    between = text[left.end : right.start].lower()
    if not (left.text[:1].isupper() and right.text[:1].isupper()) or right.entity_type not in NAME_TYPES:
        return None
    if left.entity_type == right.entity_type == "PERSON" and between in _NAME_PARTICLE_GAPS:
        return "PERSON"  # "María del Rosario Jiménez"
    if left.entity_type == "PERSON" and between == " y " and _surname_after_y(left, right):
        return "PERSON"  # "Gerardo Arce y Terceros": Spanish joins two surnames with "y"
    if left.entity_type in {"ORGANIZATION", "LOCATION"} and between in _OF_GAPS:
        return left.entity_type  # "Cámara Nacional de Comercio de Guadalajara", "CIUSSS de l'Est-de-l'Île"
    return None


def _surname_after_y(left: Detection, right: Detection) -> bool:
    """A full name, "y", and one word that is no given name: the second surname of one person ("Ruth Ortiz y
    Duarte", "Leonor Cáceres y Villalba", a surname the model took for a town), not two people ("María y José",
    "Ana Gil y Pedro")."""
    if right.entity_type not in {"PERSON", "LOCATION"} or " " in right.text:  # a surname that is a town too
        return False
    return len(left.text.split()) >= 2 and fold(right.text) not in given_names()


def _one_name_with_and(text: str, left: Detection, right: Detection) -> bool:
    if text[left.end : right.start] not in _AND or not (left.text[:1].isupper() and right.text[:1].isupper()):
        return False
    if left.entity_type not in NAME_TYPES or right.entity_type not in NAME_TYPES:
        return False
    left_words, right_words = len(left.text.split()), len(right.text.split())
    if right.entity_type == "ORGANIZATION" and right_words >= 2 and left_words == 1:
        return True  # "Lau and Yeo Accounting": the name's head comes last, whatever the model made of "Lau"
    headed = right.entity_type == "ORGANIZATION" and right.text.split()[-1].lower() in INSTITUTION_HEADS
    if left.entity_type == "LOCATION" and right_words >= 2 and headed:
        return True  # "St Thomas and Port Tennant Food Bank": the places an institution serves
    if left.entity_type == "ORGANIZATION" and left_words >= 2 and right_words == 1 and right.entity_type != "PERSON":
        return True
    return left_words == right_words == 1 and _a_firm_of_surnames(text, left, right)


_EMPLOYER_BEFORE = re.compile(r"(?:\b(?:at|for|joined)|\bworks? with|\bworked with) $", re.IGNORECASE)


def _a_firm_of_surnames(text: str, left: Detection, right: Detection) -> bool:
    """ "works at Whynot and Boutilier", "a job for Trelawny and Hext": two surnames joined by "and" where an
    employer stands are one firm; two given names are two people ("at Tom and Ama's")."""
    if _EMPLOYER_BEFORE.search(text[max(0, left.start - 12) : left.start]) is None:
        return False
    someones = text[right.end :].startswith(("'", "’"))  # "at Tom and Ama's": their place
    return not someones and not any(fold(d.text) in given_names() for d in (left, right))
