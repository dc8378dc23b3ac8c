"""Presidio recognizers for names that interviews contain and the NER model misses.

Organisation names by their shape ("University of X", "X Health", "X & Y") and people named right after a
role or a title ("my manager Will", "Dr Okonkwo", "call me Seun"), per language; with the contact and
address recognizers of their own modules, they make the tool's recognizer set.
"""

from __future__ import annotations

import re

from presidio_analyzer import EntityRecognizer, Pattern, PatternRecognizer, RecognizerResult

from anonymise.addresses import address_recognizers
from anonymise.contacts import contact_recognizers
from anonymise.grammar import ROLE_WORDS, honorific_pattern
from anonymise.names import NICKNAME_WORDS, SURNAME_PARTICLES, fold, given_names, is_common_word, is_function_word
from anonymise.regex_recognizer import regex_recognizer
from anonymise.spoken import letter_pattern, spoken_words

_CAP = r"[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ][\w'’-]*"
# a capitalised word that opens a sentence and no name: "At Northern Health it's busier"
_NOT_A_NAME_WORD = (
    r"(?!(?:At|In|On|For|From|To|With|By|Of|The|And|But|Or|So|If|When|Then|Our|My|Your|Their|His|Her|Its|This|"
    r"That|We|They|He|She|It|Au|En|Dans|Chez|Pour|Avec|Et|Mais|Donc|Con|Para|Por|Del|Y|"
    r"Pero)\b)"
)

ORG_SUFFIX = {
    "en": (
        r"(?:University|College|Hospital|Hospitals|Institute|Health|Healthcare|Bio|Biotech|Labs?|Inc|Corp|"
        r"Corporation|LLC|LLP|Ltd|Limited|GmbH|PLC|plc|\(Pty\) Ltd|Pty Ltd|B\.V\.|BV|Regional|Clinic|Foundation|"
        r"Capital|Partners|Group|Systems|"
        r"Technologies|Analytics|Consulting|Pharma|Therapeutics|Medical|Bank|Trust|School|Academy|Council|"
        r"Surgery|Practice|Pharmacy|Insurance|Building Society|Credit Union|Solicitors|Associates|Charity|"
        r"Accounting|Accountants|Services|Solutions|Logistics|Trading|Traders|Holdings|Enterprises|Industries|"
        r"Supplies|Construction|Builders|Engineering|Agency|Centre|Center|Association|Society|Cooperative|Co-op|"
        r"Federation|Ministries|Fellowship|Motors|Transport|Microfinance|Savings|Finance|Ventures|Stores|"
        r"(?:and|&) (?:Sons|Son|Daughters|Brothers|Sisters|Co))"
    ),
    "fr": r"(?:SA|SAS|SARL|Groupe|Conseil|Consulting|Santé|Assurances|Banque|Technologies|Systèmes|"
    r"(?:et|&) (?:Fils|Filles|Frères|Sœurs|Associés|Cie))",
    "es": r"(?:S\.?A\.?|S\.?L\.?|Grupo|Consultores|Salud|Seguros|Banco|Tecnologías|Sistemas|Asociados|"
    r"(?:e|y|&) (?:Hijos|Hijas|Hermanos|Hermanas|Sobrinos|Asociados|Cía))",
}
ORG_PREFIX = {
    "en": r"(?:University|College|Institute|School|Bank|Hospital|Ministry|Department|Academy) of(?: the)?",
    "fr": r"(?:Université|Universite|Lycée|Collège|Hôpital|Hopital|Clinique|Institut|École|Ecole|Banque|Mairie|"
    r"Ministère|CHU|Groupe)(?: de la| des| du| de| d'| d’)?",
    "es": r"(?:Universidad|Hospital|Clínica|Colegio|Instituto|Escuela|Banco|Ministerio|Ayuntamiento|Grupo|Fundación)"
    r"(?: de la| de los| de las| del| de)?",
}
# Honorifics of any supported language: the capitalised word after one is a name, whatever else it means
# ("Don Segundo", "Mrs. May") or however short ("Dr. O").
HONORIFIC = honorific_pattern()
NAME_PARTICLE = f"(?:{'|'.join(sorted(SURNAME_PARTICLES))})"  # in a surname after a title
COMMON_ZIPF = 4.0  # as the config's common_word_zipf default
_TITLE = r"(?:Dr\.?|Professor|Prof\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Madame|Monsieur|Mme\.?|Señor|Señora|Sr\.?|Sra\.?)"


def organisation_recognizer(language: str) -> PatternRecognizer:
    """Organisations by the shape of their names: "University of X", "X Health", "X & Y LLP"."""
    suffix, prefix = ORG_SUFFIX.get(language, ORG_SUFFIX["en"]), ORG_PREFIX.get(language, ORG_PREFIX["en"])
    return regex_recognizer(
        "ORGANIZATION",
        "OrganisationShapeRecognizer",
        [
            Pattern("org of X", rf"\b{prefix}(?: {_CAP}){{1,3}}", 0.85),
            Pattern("name + org word", rf"\b{_NOT_A_NAME_WORD}{_CAP}(?: {_CAP})? {suffix}\b", 0.7),
            Pattern(
                "x & y",
                rf"\b{_CAP} (?:&|and) {_CAP}(?= (?:LLP|LLC|Inc|Ltd|Partners|Associates)\b|,? (?:we|they|is|are)\b)"
                rf"|\b{_CAP} (?:&|and) {_CAP}(?: {_CAP})? {suffix}\b",  # "Lau and Yeo Accounting"
                0.6,
            ),
            Pattern("x & y (ampersand)", rf"\b{_CAP} & {_CAP}\b", 0.7),
            *([Pattern("U of X", rf"\b(?:U|Uni) of (?:[A-Z]\b|{_CAP})", 0.8)] if language == "en" else []),  # "U of T"
        ],
        language,
    )


class RoleContextRecognizer(EntityRecognizer):
    """A capitalised name right after a role, title or naming word: "my manager Will", "Dr Okonkwo"."""

    def __init__(self, language: str = "en") -> None:
        role = ROLE_WORDS.get(language, ROLE_WORDS["en"])
        self.pattern = re.compile(
            rf"(?<![\w-]){role},? (?:{_TITLE} )?((?:[A-ZÀ-Ý][a-zà-ÿ'’-]+)(?:[ -][A-ZÀ-Ý][a-zà-ÿ'’-]+)?)"
        )
        nickname = NICKNAME_WORDS.get(language, NICKNAME_WORDS["en"])
        self.initials = re.compile(rf"(?<![\w-]){nickname},? ([A-Z]{{2,3}})(?![\w-])")
        self.nicknamed = re.compile(rf"(?<![\w-])(?i:{nickname}),? ([A-ZÀ-Ý][\w'’-]*)(?![\w'’-])")  # "says Ha"
        self.alternative = re.compile(  # "tout le monde dit Jean-Luc, ou VDB", "says Ha, or Hayley"
            rf"(?<![\w-])(?i:{nickname}),? [\w'’-]+,? (?:or|ou|o) ([A-ZÀ-Ý][\w'’-]*)(?![\w'’-])"
        )
        self.honoured = re.compile(  # "Dr Okonkwo", "la señora de la Peña", "Mr van den Broek"
            rf"(?<![\w-]){HONORIFIC} ((?:{NAME_PARTICLE} ){{0,2}}[A-ZÀ-Ý](?:[a-zà-ÿ'’-]+)?)(?![\w'’-]|\.\w)"
        )
        super().__init__(supported_entities=["PERSON"], name="RoleContextRecognizer", supported_language=language)

    def load(self) -> None:  # no model to load
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        return (
            [
                RecognizerResult("PERSON", m.start(1), m.end(1), 0.6)
                for m in self.pattern.finditer(text)
                if _could_be_a_name(m.group(1), self.supported_language) or _in_apposition(text, m.start(1), m.end(1))
            ]
            + [
                RecognizerResult("PERSON", m.start(1), m.end(1), 0.6)
                for m in (
                    *self.initials.finditer(text),
                    *self.honoured.finditer(text),
                    *self.alternative.finditer(text),
                )
            ]
            + [
                RecognizerResult("PERSON", m.start(1), m.end(1), 0.6)
                for m in self.nicknamed.finditer(text)
                if not is_function_word(m.group(1), self.supported_language)  # "they call me It"
            ]
        )


def _in_apposition(text: str, start: int, end: int) -> bool:
    """One capitalised word set off by commas after a person ("the child's granny, Precious, was cross"): a
    name, even when it is an ordinary word as well."""
    return text[:start].endswith(", ") and text[end : end + 1] in {",", "."} and " " not in text[start:end]


def _could_be_a_name(words: str, language: str) -> bool:
    """Not "I'll" or "English" after "a student,": a given name, or a word that is not an ordinary one, first
    or last ("Mr Sunday Okon")."""
    first, last = words.split()[0], words.split()[-1]
    if fold(first) in {"i", "i'll", "i'm", "i'd", "i've"}:
        return False
    return (
        fold(first) in given_names()
        or not is_common_word(first, COMMON_ZIPF, language)
        or (last != first and not is_common_word(last, COMMON_ZIPF, language))
    )


def study_recognizers(language: str, phone_regions: list[str]) -> list[EntityRecognizer]:
    """The tool's recognizers for one language, added to Presidio's own."""
    return [
        *contact_recognizers(language, phone_regions),
        *address_recognizers(language),
        organisation_recognizer(language),
        RoleContextRecognizer(language),
        spelled_name_recognizer(language),
    ]


SPELLED_NAME_RECOGNIZER = "SpelledNameRecognizer"


def spelled_name_recognizer(language: str) -> PatternRecognizer:
    """A word spelled out letter by letter ("P-A-D-R-A-I-G", "t, r, e, m, b, l, a, y", "pe, e, erre, a, ele"):
    in an interview, a name or the part of an address someone needed to get right. Contacts spelled so are
    found by the contact recognizers, whose longer spans win."""
    unit = letter_pattern(language)
    hyphenated, with_commas = r"(?:[A-Z]-){2,}[A-Z]", rf"(?:{unit}, ){{2,}}{unit}"
    dash = "|".join(re.escape(word) for word in spoken_words(language).dashes)
    joined = rf"(?:{hyphenated}|{with_commas}),?\s+(?:{dash}),?\s+(?:{hyphenated}|{with_commas})"
    return regex_recognizer(
        "PERSON",
        SPELLED_NAME_RECOGNIZER,
        [
            Pattern("spelled out", r"(?<![\w-])(?:[A-Z]-){3,}[A-Z](?![\w-])", 0.6),
            Pattern("spelled with commas", rf"(?i)(?<![\w'’-])(?:{unit}, ){{3,}}{unit}(?![\w'’-])", 0.6),
            # a double-barrelled name: "S-O-L-B-E-R-G, hyphen, H-A-Y-E-S"
            Pattern("spelled in two parts", rf"(?i)(?<![\w'’-]){joined}(?![\w'’-])", 0.65),
        ],
        language,
    )
