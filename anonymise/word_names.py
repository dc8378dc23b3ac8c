"""Names that are ordinary words, known by how they are used: a month that is a given name where someone acts
("June will call"), any given name that is a word where it is the subject of what someone does ("Lucky
knows every TPA person", "Rich went"), and a Spanish nickname said with its article ("el Chaparro", then "el
chaparro")."""

from __future__ import annotations

import re

from anonymise.detect import Detection
from anonymise.grammar import COORDINATORS, TIME_WORDS, after_a_determiner, named_by_grammar, past_adverbs, role_word
from anonymise.lexicon import is_unlisted_word
from anonymise.name_spans import covered, of_letters
from anonymise.names import fold, given_names, is_common_word, is_everyday_word, is_function_word, is_title
from anonymise.terms import AllowList

MONTHS_THAT_ARE_NAMES = {"April", "May", "June", "August"}
SEASONS = {"Spring", "Summer", "Autumn", "Fall", "Winter"}
SUBJECT_OPENERS = {"and", "but", "because", "so", "when", "if", "then", "or", "that", "while", "cos"}
DONE_TAGS = {"VBZ", "VBD"}  # "knows", "went": what someone does or did
NOT_DOING = {"be", "have", "do"}
_NOT_PEOPLE = {"NORP", "GPE", "LOC", "DATE", "TIME", "ORG", "FAC", "PRODUCT", "LANGUAGE"}


def months_named_as_people(docs: list, known: list[Detection], language: str = "en") -> list[Detection]:
    """A month that is a given name is a person where someone acts: the subject of a verb other than "be"
    ("June will call", "April said"), or taken up by "she"/"he" ("that's June, she's the owner"); never after
    a time word or before a day ("in June", "last May", "June the fifth", "June was quiet")."""
    if language != "en":
        return []
    taken, found = covered(known), []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            if token.text not in MONTHS_THAT_ARE_NAMES or (turn, token.idx) in taken:
                continue
            if i > 0 and doc[i - 1].lower_ in TIME_WORDS:
                continue
            if _acts(doc, i) or _taken_up_by_a_pronoun(doc, i):
                found.append(
                    Detection(turn, token.idx, token.idx + len(token), "PERSON", 0.6, "month as name", token.text)
                )
    return found


def word_names_acting(docs: list, known: list[Detection], zipf: float, language: str = "en") -> list[Detection]:
    """A capitalised given name that is also an everyday word ("Lucky", "Rich", "Hope") is a person where it
    opens a clause and a verb of doing follows ("Lucky says the robot doesn't sleep", "and Rich went"): an
    adjective or a noun there takes an article or comes after its verb. Not months (see above) or seasons."""
    if language != "en":
        return []
    taken, names, found = covered(known), given_names(), []
    known_first = _first_names_of_full_names(known)
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            word = token.text
            ours = word.lower() in known_first  # "Gift Molefhe" found: "Gift has a gift", "and gift enters them"
            if not (word[:1].isupper() and word[1:].islower() or ours and word.islower()) or (turn, token.idx) in taken:
                continue
            if word.capitalize() in MONTHS_THAT_ARE_NAMES | SEASONS or word.lower() not in names:
                continue
            if is_common_word(word.lower(), zipf, language) and _opens_a_clause(doc, i) and _does(doc, i, ours):
                found.append(Detection(turn, token.idx, token.idx + len(word), "PERSON", 0.6, "word name acting", word))
    return found


def _first_names_of_full_names(known: list[Detection]) -> set[str]:
    """The given names (lower case) of the people found by their full name ("Gift Molefhe")."""
    return {d.text.split()[0].lower() for d in known if d.entity_type == "PERSON" and len(d.text.split()) > 1}


# "her name is Lovely", "his name was Gift", "I call him Sunny": what names whatever word follows
_NAMING = re.compile(r"(?:(?:name|nickname)(?:\s+(?:is|was)|'s|’s)|calls?\s+(?:him|her|me)|called\s+(?:him|her|me))$")


# "Robin, her first name is", "Blessing's her real name": the name said before the phrase that names it
_NAMED_AFTER = re.compile(
    r"^\s*(?:,\s*|\s+(?:is|was)\s+|['’]s\s+)(?:her|his|my|their|your|our)\s+"
    r"(?:(?:first|last|middle|given|real|full|christian)\s+)?name\b"
)
COPULAS = {"is", "'s", "’s", "was", "are", "were", "es", "era", "son", "est", "c'est", "c’est", "était"}
PEOPLE_ROLES = {"girls", "boys", "kids", "children", "friends", "sons", "daughters", "mates", "colleagues",
                "hijos", "hijas", "amigos", "amigas", "enfants", "filles", "amis", "amies"}  # fmt: skip


def names_after_a_role(docs: list, known: list[Detection], allow: AllowList, language: str) -> list[Detection]:
    """A capitalised word right after a role or family word or a naming phrase is a name, even an everyday word
    ("my daughter Princess, she is twenty", "Her name is Lovely", "my colleague Hope"): a word there is the
    name of the daughter, the colleague. So is a given name the role is said to be ("My mate is Prince", "my
    girls are Blessing and Precious"), or one the naming phrase follows ("Robin, her first name is"). Titles,
    time words and the study's products stay."""
    taken, found = covered(known), []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc[1:], start=1):
            if (turn, token.idx) in taken or not _may_be_a_name(token, allow, language):
                continue
            if _named_by_a_role(doc, i, language) or _a_given_name_the_role_is(doc, i, allow, language):
                word = token.text
                found.append(Detection(turn, token.idx, token.idx + len(word), "PERSON", 0.6, "after a role", word))
    return found


def _named_by_a_role(doc, i: int, language: str) -> bool:
    """Right after a lower-case role word or a naming phrase, or right before a naming phrase."""
    token = doc[i]
    before = doc[i - 1].text
    if role_word(language).fullmatch(before) and before[:1].islower():
        return True
    if _NAMING.search(doc.text[max(0, token.idx - 20) : token.idx].rstrip()):
        return True
    return language == "en" and _NAMED_AFTER.match(doc.text[token.idx + len(token) :]) is not None


def _a_given_name_the_role_is(doc, i: int, allow: AllowList, language: str) -> bool:
    """A given name or a proper noun after a role word and "is" ("My mate is Prince", "mi hermana es Dolores"), or
    joined by "and" to one ("are Blessing and Precious"); not a people or a faith ("my wife is Irish"), nor a
    post ("is Head of Operations")."""
    if doc[i].ent_type_ in _NOT_PEOPLE or i + 1 < len(doc) and doc[i + 1].lower_ in {"of", "de", "du", "del"}:
        return False
    names = [doc[i]]
    if i >= 3 and doc[i - 1].lower_ in COORDINATORS and _may_be_a_name(doc[i - 2], allow, language):
        i -= 2  # "Blessing and Precious": the name before "and" stands where the role's name does
        names.append(doc[i])
    if not any(fold(name.text) in given_names() or name.pos_ == "PROPN" for name in names):
        return False
    if i < 2 or doc[i - 1].lower_ not in COPULAS:
        return False
    role = doc[i - 2].lower_
    return role in PEOPLE_ROLES or role_word(language).fullmatch(role) is not None and role.isalpha()


def lower_case_given_names(
    docs: list, known: list[Detection], allow: AllowList, zipf: float, language: str
) -> list[Detection]:
    """A given name that ASR wrote in lower case is a name where grammar makes it one ("lauren, elle a pris des
    notes": a subject taken up by a pronoun), as a known name's lower-case form is: the language's lexicon must
    not know it as a word, it must be no everyday word ("rosa", "will" stay), and the tagger must read a noun
    (fillers the lexicon lacks, "ben", "nan", are none)."""
    taken, names, found = covered(known), given_names(), []
    for turn, doc in enumerate(docs):
        for i, token in enumerate(doc):
            word = token.text
            if not (word.isalpha() and word.islower() and len(word) >= 3) or (turn, token.idx) in taken:
                continue
            if fold(word) not in names or not is_unlisted_word(word, language) or allow.covers(word):
                continue
            if is_everyday_word(word, zipf, language) or is_common_word(word, zipf, "en") or token.pos_ not in _NOUNS:
                continue
            if after_a_determiner(doc, i) or not named_by_grammar(doc, i):
                continue
            found.append(Detection(turn, token.idx, token.idx + len(word), "PERSON", 0.6, "lower-case name", word))
    return found


_NOUNS = {"PROPN", "NOUN"}


def _may_be_a_name(token, allow: AllowList, language: str) -> bool:
    """A capitalised word of letters, not in capitals, no title, function word, product or time word."""
    word = token.text
    if not (word[:1].isupper() and of_letters(token)) or word.isupper():
        return False
    if is_title(word) or is_function_word(word, language) or allow.covers(word):
        return False
    return token.ent_type_ not in {"DATE", "TIME"}


def _opens_a_clause(doc, i: int) -> bool:
    return i == 0 or doc[i - 1].is_punct or doc[i - 1].lower_ in SUBJECT_OPENERS


def _does(doc, i: int, having: bool = False) -> bool:
    """A verb of doing follows; "has" and "does" too where `having` ("Gift has a gift": a person known by it)."""
    k = past_adverbs(doc, i + 1)
    not_doing = {"be"} if having else NOT_DOING
    return k < len(doc) and doc[k].tag_ in DONE_TAGS and doc[k].lemma_.lower() not in not_doing


def _acts(doc, i: int) -> bool:
    k = past_adverbs(doc, i + 1)
    if k < len(doc) and doc[k].tag_ == "MD":
        k += 1  # "June will call"
    if k >= len(doc) or doc[k].pos_ not in {"VERB", "AUX"} or doc[k].lemma_.lower() == "be":
        return False
    return doc[k].pos_ == "VERB" and (k > i + 1 or "Fin" in doc[k].morph.get("VerbForm"))


def _taken_up_by_a_pronoun(doc, i: int) -> bool:
    return i + 2 < len(doc) and doc[i + 1].text == "," and doc[i + 2].lower_ in {"she", "he"}


# "al Tano" is "a" + "el Tano"; "del X" in lower case is more often an institution ("la directora del politécnico")
_NICKNAME_ARTICLES = {"el": "el", "al": "el", "del": "el", "la": "la"}


def nicknames_with_their_article(texts: list[str], detections: list[Detection], language: str) -> list[Detection]:
    """Spanish nicknames go with an article: a person found as "el Chino" or "la Flaca" is the person wherever
    the same article stands before the word, in any case ("se enojó el chaparro", "después de que la flaca
    se quejó"); the bare word stays a word ("la plata está flaca"). The small Spanish model often tags such a
    nickname a place; a place's own article is inside its name ("La Paz"), so "la paz" is not taken."""
    if language != "es":
        return []
    nicknames = set()
    for d in detections:
        before = re.search(r"(?<![\w-])(el|al|del|la)\s+$", texts[d.turn][: d.start], re.IGNORECASE)
        head_of_a_name = re.match(r"\s+[A-ZÀ-Ý]", texts[d.turn][d.end :])  # "el Politécnico Ana Julia…"
        if d.entity_type in {"PERSON", "LOCATION"} and before and not head_of_a_name and _one_word(d):
            nicknames.add((_NICKNAME_ARTICLES[before.group(1).lower()], fold(d.text)))
    found = []
    for article, word in nicknames:
        articles = "|".join(a for a, same in _NICKNAME_ARTICLES.items() if same == article and a != "del")
        pattern = re.compile(rf"(?<![\w-])(?:{articles})\s+({re.escape(word)})(?![\w-])", re.IGNORECASE)
        for turn, text in enumerate(texts):
            for m in pattern.finditer(text):
                surface = text[m.start(1) : m.end(1)]
                found.append(Detection(turn, m.start(1), m.end(1), "PERSON", 0.6, "nickname with article", surface))
    return found


def _one_word(d: Detection) -> bool:
    return " " not in d.text and d.text[:1].isupper()
