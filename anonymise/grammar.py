"""Whether a word that spells a known name is used as a name where it stands.

Capitals mean little at a sentence's start or on a month ("May"); there grammar decides: a finite verb
after it ("Will said", "Pilar es"), a possessive ("Will's"), an apposition ("ravi, my batchmate"). Read from
spaCy's part-of-speech tags and morphology, so the same rules serve every language with a model.
"""

from __future__ import annotations

import re
from functools import lru_cache

ABBREVIATED_HONORIFICS = {"mr", "mrs", "ms", "mx", "dr", "dra", "sr", "sra", "srta", "prof", "mme", "mlle", "st"}
LOWER_CASE_HONORIFICS = {"madame", "monsieur", "señor", "señora", "señorita", "don", "doña"}  # also said so
HONORIFICS = ABBREVIATED_HONORIFICS - {"st"} | LOWER_CASE_HONORIFICS | {"miss", "professor", "sir", "dame"}
_BOUNDARY = {".", "?", "!", ":", '"', "“", "”", "\n", "-", "—", "…", "¿", "¡", "«", "»", "("}
_NAME_FOLLOWERS = {"VBD", "VBZ", "POS", "MD"}  # "Will said", "Mark thinks", "Will's", "May will"
CAPITALS_MARK_NAMES = {"fr", "es"}  # languages that capitalise no common noun, month or weekday
TIME_WORDS = {
    "in", "on", "by", "since", "until", "till", "last", "next", "this", "that", "every", "early", "late", "mid",
    "during", "before", "after", "from", "through", "of", "each", "a", "the", "since", "around", "till", "into",
}  # fmt: skip
# French and Spanish pronouns between a subject and its verb ("paco se agobia", "PROMPERÚ nos ayudó")
CLITICS = {"se", "me", "te", "nos", "os", "le", "les", "lo", "la", "los", "las", "lui", "leur", "y", "en", "s'",
           "m'", "t'", "l'", "n'", "ne", "nous", "vous"}  # fmt: skip
RESUMING_PRONOUNS = {"il", "elle", "él", "ella"}  # "mathieu il est là": French and Spanish take a name up again
# (English "to be frank he's", "in April he" would read as names)
DEFINITE = {"the", "la", "le", "el", "l'", "les", "los", "las"}  # definite articles of the supported languages
ROLE_WORDS = {
    "en": (
        r"(?:manager|boss|colleague|advisor|adviser|supervisor|mentor|intern|lead|director|teammate|co-?worker|"
        r"co-?founder|friend|partner|husband|wife|son|daughter|mum|mom|dad|brother|sister|cousin|neighbour|neighbor|"
        r"pal|mate|buddy|flatmate|housemate|roommate|classmate|batchmate|fiancée?|boyfriend|girlfriend|nan|gran|"
        r"granny|grandma|grandpa|grandmother|grandfather|niece|nephew|landlord|landlady|client|patient|student|"
        r"GP|doctor|nurse|consultant|teacher|headteacher|principal|tutor|PI|postdoc|named|called|call me|"
        r"name is|name's|calls? (?:me|him|her|them)|known as|goes by|go by|"
        r"Dr\.?|Professor|Prof\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Sir|Dame|Uncle|Aunt|Auntie|Sister|Father|Pastor|Chief|Aunty)"
    ),
    "fr": (
        r"(?:collègue|chef|cheffe|responsable|directeur|directrice|ami|amie|mari|femme|fils|fille|frère|sœur|"
        r"voisin|voisine|médecin|docteur|Docteur|Dr\.?|professeur|professeure|Madame|Monsieur|Mme\.?|M\.|Mlle|"
        r"s'appelle|s’appelle|m'appelle|m’appelle|l'appelle|l’appelle|appelé|appelée|nommé|nommée|moi c'est|je suis)"
    ),
    "es": (
        r"(?:compañero|compañera|jefe|jefa|director|directora|amigo|amiga|marido|esposo|esposa|mujer|hijo|hija|"
        r"hermano|hermana|vecino|vecina|médico|médica|doctor|doctora|Dr\.?|Dra\.?|profesor|profesora|señor|señora|"
        r"Señor|Señora|Sr\.?|Sra\.?|don|doña|Don|Doña|llama|llamo|llamado|llamada|soy|Soy|dicen|profe|seño|miss|"
        r"licenciado|licenciada|ingeniero|ingeniera|tía|tío|abuela|abuelo|compa|padrino|madrina)"
    ),
}  # roles, titles and naming words before a name
_WHO = {"who", "qui", "quien", "quién"}
_TAKEN_UP = {"elle", "lui", "il", "ella", "él", "she", "he"}  # "lauren, elle, elle a pris des notes"


def honorific_pattern() -> str:
    """A regex for a title as written before a name: capitalised ("Mrs.", "Don", "Professor"), or in lower case
    where French and Spanish write it so ("don", "madame")."""
    abbreviated = "|".join(sorted(w.capitalize() for w in ABBREVIATED_HONORIFICS - {"st"}))
    words = sorted({w.capitalize() for w in HONORIFICS - ABBREVIATED_HONORIFICS} | LOWER_CASE_HONORIFICS)
    return rf"(?:(?:{abbreviated})\.?|{'|'.join(words)})"


def after_an_honorific(doc, i: int) -> bool:
    """Whether token i follows a title ("don Segundo", "Mrs. Whitaker"), which makes it a name."""
    j = i - 1 if i > 0 and doc[i - 1].text != "." else i - 2
    return j >= 0 and doc[j].lower_.rstrip(".") in HONORIFICS


def sentence_initial(doc, i: int) -> bool:
    """Whether token i starts a sentence or the turn (where capitals say nothing about names)."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    if j > 0 and doc[j].text == "." and doc[j - 1].lower_ in ABBREVIATED_HONORIFICS:
        return False  # "una tal Mrs. Whitaker": the full stop is the title's
    if j > 0 and doc[j].text == ")":  # "(rires) Vous…", "(laughs) Yeah": a noise noted before the sentence
        opening = next((k for k in range(j - 1, -1, -1) if doc[k].text == "("), None)
        return opening is not None and sentence_initial(doc, opening)
    return j < 0 or doc[j].text in _BOUNDARY


def written_in_lower_case(docs: list) -> frozenset[str]:
    """The words a transcript writes in lower case somewhere inside a sentence: where the same word starts a
    sentence with a capital, the capital is the sentence's ("Reventada es poco" after "vendrás reventada")."""
    return frozenset(t.text for doc in docs for i, t in enumerate(doc) if t.is_lower and not sentence_initial(doc, i))


def _next(doc, i: int):
    return doc[i + 1] if i + 1 < len(doc) else None


def past_adverbs(doc, k: int, most: int | None = None) -> int:
    """The first token from k on that is no adverb ("June [often] calls"), skipping `most` adverbs at most."""
    start = k
    while k < len(doc) and doc[k].pos_ == "ADV" and (most is None or k - start < most):
        k += 1
    return k


def named_by_grammar(doc, i: int) -> bool:
    """Whether what follows token i makes it a name: a finite verb ("Will said", "Pilar es", "Mark
    thinks"), a possessive, a modal ("May will"). The verb's form is read from its morphology, whatever
    language; "rang" after "will" counts even where the tagger read "will rang" as auxiliary and verb."""
    after, j = _next(doc, i), i + 1
    if after is not None and after.lower_ in RESUMING_PRONOUNS:
        after, j = _next(doc, j), j + 1  # "mathieu il est déjà là", "julián él sabe"
    while after is not None and (after.pos_ == "ADV" or after.lower_ in CLITICS) and j - i < 3:
        after, j = _next(doc, j) or after, j + 1  # "Grace just said", "paco se agobia", "manu y va"
    if after is None:
        return False
    finite = after.pos_ in {"VERB", "AUX"} and "Fin" in after.morph.get("VerbForm")
    if _described_after(doc, i) or _described_before(doc, i) or _named_then_taken_up(doc, i) or _after_a_role(doc, i):
        return True
    if _after_personal_a(doc, i) or _coordinated_with_a_person(doc, i):
        return True
    inflected = after.pos_ == "VERB" and bool(after.lemma_) and after.lower_ != after.lemma_.lower()
    return finite or inflected or after.tag_ in _NAME_FOLLOWERS or after.text in {"'s", "’s"}


COORDINATORS = {"and", "&", "y", "e", "et"}  # what joins two names: "Grace and Thandi", "Mark y Lucía"
_PERSON_LABELS = {"PERSON", "PER"}  # spaCy's English, and French and Spanish, label of a person
_THE_SPEAKER = {"me", "i", "myself", "moi", "yo"}  # "Penny and me"


def _coordinated_with_a_person(doc, i: int) -> bool:
    """ "Grace and Thandi came", "Mark y Lucía", "Penny and me": joined by "and" to a name the model takes for a
    person's (not "May and June": months are dates to it) or to the speaker."""
    joined = _next(doc, i)
    other = _next(doc, i + 1)
    if joined is None or other is None or joined.lower_ not in COORDINATORS:
        return False
    return (other.ent_type_ in _PERSON_LABELS and other.text[:1].isupper()) or other.lower_ in _THE_SPEAKER


@lru_cache(maxsize=8)
def role_word(language: str) -> re.Pattern:
    return re.compile(ROLE_WORDS.get(language, ROLE_WORDS["en"]))


def _after_a_role(doc, i: int) -> bool:
    """ "la miss tere", "el profe nando", "my sister grace": a title or a role word right before the name."""
    before_is_role = i > 0 and role_word(doc.lang_).fullmatch(doc[i - 1].text) is not None
    return before_is_role and doc[i].pos_ != "AUX"  # not "the nurse will check"


_PERSON_OBJECT_VERBS = {"llamar", "avisar", "saludar", "ver", "visitar", "conocer", "ayudar", "esperar", "buscar",
                        "preguntar", "decir", "contar", "escribir", "mandar", "pedir"}  # fmt: skip


def _after_personal_a(doc, i: int) -> bool:
    """Spanish marks a person as a verb's object with "a" and no article: "le dije a pepe", "llamé a chelo",
    where the verb takes a person ("le" before it, or a verb of calling, seeing, asking…); not "sabe a gloria"."""
    if doc.lang_ != "es" or i < 2 or doc[i - 1].lower_ != "a" or doc[i - 2].pos_ not in {"VERB", "AUX"}:
        return False
    verb = doc[i - 2]
    to_someone = i >= 3 and doc[i - 3].lower_ in {"le", "les", "se"}
    return to_someone or verb.lemma_.lower() in _PERSON_OBJECT_VERBS


def _described_after(doc, i: int) -> bool:
    """ "ravi, my batchmate, …", "sandy, the mate.": a name, then who it is."""
    if i + 3 >= len(doc) or doc[i + 1].text != ",":
        return False
    determiner, noun = doc[i + 2], doc[i + 3]
    closed = i + 4 == len(doc) or doc[i + 4].is_punct  # "sandy, the mate." but not "frank, the search space"
    if "Yes" in determiner.morph.get("Poss"):
        return noun.pos_ == "NOUN"
    return determiner.lower_ in DEFINITE and noun.pos_ == "NOUN" and closed


def _described_before(doc, i: int) -> bool:
    """ "la titulaire, blanche, enfin …": who someone is, then the name set off by commas."""
    return (
        i >= 3
        and doc[i - 1].text == ","
        and doc[i - 2].pos_ == "NOUN"
        and doc[i - 3].lower_ in DEFINITE
        and i + 1 < len(doc)
        and doc[i + 1].text in {",", "."}
    )


def _named_then_taken_up(doc, i: int) -> bool:
    """ "c'est steph qui a ressorti…", "es nacho quien…", "it's dougie who…": a person picked out; "lauren,
    elle, elle a pris des notes": a person taken up again by a pronoun."""
    after = _next(doc, i)
    if after is not None and after.lower_ in _WHO:
        return True
    pronoun = doc[i + 2] if i + 2 < len(doc) else None
    return bool(after is not None and after.text == "," and pronoun is not None and pronoun.lower_ in _TAKEN_UP)


def _said_as_time(doc, i: int) -> bool:
    """ "in May", "last May", "May 2019", "May the fifth": the word is a date here."""
    before = doc[i - 1].lower_ if i > 0 else ""
    after = _next(doc, i)
    return before in TIME_WORDS or (after is not None and (after.like_num or after.lower_ in {"of", "the"}))


def is_name_here(doc, i: int, common: bool) -> bool:
    """Whether token i, which spells a known name, is used as a name at this place. A month or a weekday
    ("May") is capitalised anyway, so there only grammar counts; at a sentence's start, grammar, a pause after
    it, or the tagger reading a proper noun ("Roy go back": no tense to read; "Will you" is an auxiliary)."""
    token = doc[i]
    if not common:  # a rare word ("Nkem", "priya") names its bearer wherever it stands, as the guard searches it
        return True
    grammar = named_by_grammar(doc, i)
    if token.ent_type_ in {"DATE", "TIME"}:
        if token.text[0].islower():
            return grammar and not after_a_determiner(doc, i)  # "over the summer, she clicked through"
        return grammar or (not sentence_initial(doc, i) and not _said_as_time(doc, i))
    if token.text[0].isupper():
        if not sentence_initial(doc, i):
            return True
        after = _next(doc, i)
        return grammar or after is None or after.is_punct or token.pos_ == "PROPN"
    return grammar and not after_a_determiner(doc, i)


def after_a_determiner(doc, i: int) -> bool:
    """ "the mark", "una rosa", "my will": a word after a determiner, a possessive or an adjective is a thing."""
    before = doc[i - 1] if i > 0 else None
    return before is not None and (before.pos_ in {"DET", "ADJ"} or before.tag_ in {"DT", "PRP$"})
