"""Presidio recognizers for contacts as people write and say them in interviews.

Phone numbers in national and international formats (Google's `phonenumbers`, for the study's regions)
and read out digit by digit; e-mails and web addresses dictated with "at", "dot", "slash" or spelled
letter by letter. A number that is not a contact (a year, a count, an amount, an order number) is kept.
"""

from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import EntityRecognizer, Pattern, RecognizerResult

from anonymise.regex_recognizer import regex_recognizer
from anonymise.spoken import spoken_words

MIN_PHONE_DIGITS = 7  # fewer digits than this are counts, years, room numbers
VALID_SCORE, POSSIBLE_SCORE = 0.9, 0.7
_NOT_A_PHONE_BEFORE = re.compile(
    r"(?:order|invoice|reference|ref|ticket|case|tracking|serial|model|version|item|batch|lot|isbn|account|"
    r"policy|claim|booking|confirmation|pedido|factura|referencia|commande|facture|référence|dossier|"
    r"€|\$|£|¥|₹|₦)(?:\s+(?:number|no\.?|num|id|code|is|was|:|#|numéro|número|es|est)){0,3}[\s#.:-]*$",
    re.IGNORECASE,
)
_NOT_A_PHONE_AFTER = re.compile(
    r"^\s*(?:%|percent|per cent|pounds|dollars|euros|rupees|naira|people|patients|students|pupils|"
    r"users|years|members|staff|employees|records|rows|times|km|miles|kg|pour ?cent|por ?ciento|personnes|personas)\b",
    re.IGNORECASE,
)


def _looks_like_phone(raw: str) -> bool:
    """Enough digits, and written as a phone is: a +country code, brackets, or digit groups."""
    digits = sum(c.isdigit() for c in raw)
    if digits < MIN_PHONE_DIGITS or digits > 15:
        return False
    if raw.lstrip().startswith("+") or "(" in raw:
        return True
    groups = re.findall(r"\d+", raw)
    if len(groups) == 1:
        return digits >= 10  # "4155550132"; shorter runs are more often counts or codes
    thousands = all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= 3 and re.search(r"\d[,.]\d{3}\b", raw)
    return not thousands  # "1,250,000" is an amount


class PhoneNumberRecognizer(EntityRecognizer):
    """Written phone numbers of the study's regions, found by `phonenumbers` and kept when they are written
    as phone numbers are (grouping, +code, brackets) and not labelled as something else."""

    def __init__(self, regions: list[str], language: str = "en") -> None:
        self.regions = [r.upper() for r in regions]
        super().__init__(supported_entities=["PHONE_NUMBER"], name="PhoneNumberRecognizer", supported_language=language)

    def load(self) -> None:  # no model to load
        pass

    def analyze(self, text, entities, nlp_artifacts=None):
        found: dict[tuple[int, int], float] = {}
        for region in self.regions:
            for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE):
                before = text[match.start - 1] if match.start else " "
                if not _looks_like_phone(match.raw_string) or before in "-/#":
                    continue  # "INV-2023-0481": part of a code
                if _NOT_A_PHONE_BEFORE.search(text[max(0, match.start - 24) : match.start]):
                    continue
                if _NOT_A_PHONE_AFTER.match(text[match.end : match.end + 20]):
                    continue
                score = VALID_SCORE if phonenumbers.is_valid_number(match.number) else POSSIBLE_SCORE
                span = (match.start, match.end)
                found[span] = max(found.get(span, 0.0), score)
        return [RecognizerResult("PHONE_NUMBER", s, e, score) for (s, e), score in found.items()]


def _alternatives(words: list[str]) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def spoken_phone_pattern(language: str) -> str:
    """Seven or more digits read out one by one ("oh seven seven double oh, nine…"), digits allowed too."""
    words = spoken_words(language)
    digit = rf"(?:(?:{_alternatives(words.repeats)})\s+)?(?:{_alternatives(words.digits)}|\d{{1,4}})"
    return rf"(?i)(?<![\w'’-]){digit}(?:[\s,.-]+{digit}){{5,}}(?![\w-])"


def _spelled(letters: int) -> str:
    """A word spelled out letter by letter: "j, o, s, h" or "F-E-R-N-A-N-D-E-S"."""
    return rf"(?:[A-Za-z](?:\s*,\s*|-|\s+)){{{letters - 1},}}[A-Za-z](?![\w])"


def spoken_email_patterns(language: str) -> list[Pattern]:
    """E-mails read out: a local part of words, letters and digits joined by "dot"/"underscore", "at",
    then a domain of words joined by "dot". Scored lower when the local part is one ordinary word, which
    may just be a verb before "at" ("looked at google dot com")."""
    w = spoken_words(language)
    at, joiner = _alternatives(w.ats), _alternatives(w.dots + w.joiners)
    digits = rf"(?:{_alternatives(w.digits)})(?:\s*,?\s+(?:{_alternatives(w.digits)}))*"
    part = rf"(?:{_spelled(3)}|{digits}|[A-Za-z0-9][\w'’-]*(?:\s+{digits})?)"  # "flores ochenta y siete"
    domain = _host(w)
    aside = rf"(?:,\s*(?:{_alternatives(w.spelling)}\s+)?{_spelled(3)},?)?"  # "r dot fernandes, that's F-E-R-N-…, at"
    complex_local = (
        rf"{part}(?:\s*,?\s+{joiner}\s*,?\s+{part})+|{_spelled(2)}(?:\s*,?\s+{joiner}\s*,?\s+{part})*|[A-Za-z]*\d[\w]*"
    )
    return [
        Pattern("spoken e-mail", rf"(?i)(?<![\w'’-])(?:{complex_local}){aside},?\s+{at}\s+{domain}", 0.85),
        Pattern("spoken e-mail, one word", rf"(?i)(?<![\w'’-])[A-Za-z][\w'’-]*{aside},?\s+{at}\s+{domain}", 0.45),
    ]


def _host(w, spaced: bool = False) -> str:
    """A host read out: labels (words joined by "dash", or letters spelled: "u c l") joined by "dot", then a
    domain ending or a country code spelled ("dot n g", "dot u k"). After "www" or "https", where the host
    surely starts, a label may be said as several words ("smith joinery dot co dot uk")."""
    dot, dash, tld = _alternatives(w.dots), _alternatives(w.dashes), _alternatives(w.domains)
    word = r"[a-z0-9][\w-]*"
    more_words = rf"(?:\s+{word}){{0,3}}" if spaced else ""
    label = rf"(?:[a-z](?:\s[a-z]){{1,5}}\b|{word}(?:\s+{dash}\s+{word})*{more_words})"
    return rf"(?:{label},?\s+{dot}\s+)+(?:{tld}\b|[a-z]\s[a-z]\b)"


def spoken_url_patterns(language: str) -> list[Pattern]:
    """Web addresses read out: "linkedin dot com slash in slash amara-obi", "w w w dot janedoe dot co dot uk",
    "h t t p s colon slash slash amara dash obi dot com"."""
    w = spoken_words(language)
    dot, slash = _alternatives(w.dots), _alternatives(w.slashes)
    scheme = rf"(?:{_alternatives(w.schemes)}\s+colon\s+(?:{slash}\s+){{1,2}}|(?:{slash}\s+){{2}})?"
    www = rf"(?:{_alternatives(w.www)}\s+{dot}\s+)"
    host, spaced = _host(w), _host(w, spaced=True)
    path = rf"(?:\s+{slash}\s+[\w-]+(?:\s+{dot}\s+[\w-]+)*)*"
    return [
        Pattern("spoken url, www", rf"(?i)(?<![\w'’-]){scheme}{www}{spaced}{path}", 0.85),
        Pattern(
            "spoken url, scheme", rf"(?i)(?<![\w'’-])(?:{_alternatives(w.schemes)}\s+colon\s+){spaced}{path}", 0.85
        ),
        Pattern("spoken url with a path", rf"(?i)(?<![\w'’-]){scheme}{host}(?:\s+{slash}\s+[\w-]+)+{path}", 0.85),
        Pattern("spoken url, host", rf"(?i)(?<![\w'’-]){host}", 0.6),
    ]


HANDLE = Pattern("social handle", r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])", 0.7)


def contact_recognizers(language: str, regions: list[str]) -> list[EntityRecognizer]:
    """Every contact recognizer of this module for one language."""
    return [
        PhoneNumberRecognizer(regions, language),
        regex_recognizer(
            "PHONE_NUMBER",
            "SpokenPhoneRecognizer",
            [Pattern("spoken digits", spoken_phone_pattern(language), 0.75)],
            language,
        ),
        regex_recognizer("EMAIL_ADDRESS", "SpokenEmailRecognizer", spoken_email_patterns(language), language),
        regex_recognizer("URL", "SpokenUrlRecognizer", spoken_url_patterns(language), language),
        regex_recognizer("URL", "HandleRecognizer", [HANDLE], language),
    ]
