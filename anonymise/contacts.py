"""Presidio recognizers for contacts as people write and say them in interviews.

Phone numbers in national and international formats (Google's `phonenumbers`, for the study's regions)
and read out digit by digit; e-mails and web addresses dictated with "at", "dot", "slash" or spelled
letter by letter. A number that is not a contact (a year, a count, an amount, an order number) is kept.
"""

from __future__ import annotations

import re

import phonenumbers
from presidio_analyzer import EntityRecognizer, Pattern, RecognizerResult

from anonymise.names import is_common_word, is_function_word, stop_words
from anonymise.regex_recognizer import RegexRecognizer, regex_recognizer
from anonymise.spoken import EVERY_ENDING, THOUSANDS, alternatives, spoken_words
from anonymise.spoken_phones import SpokenPhoneRecognizer

LOCAL_PART_ZIPF = 3.5  # a spoken e-mail's one-word local part rarer than this is a name, not a verb before "at"
# a one-word "mailbox" with these tags is none: "looked at …", "me at …", "Sí, arroba …"
NOT_A_MAILBOX_TAGS = {"VERB", "AUX", "PRON", "ADP", "DET", "ADV", "SCONJ", "CCONJ", "INTJ"}
MAILBOX_SCORE = 0.8
MIN_PHONE_DIGITS = 7  # fewer digits than this are counts, years, room numbers
VALID_SCORE, POSSIBLE_SCORE = 0.9, 0.7
_NOT_A_PHONE_BEFORE = re.compile(
    r"(?:order|invoice|reference|ref|ticket|case|tracking|serial|model|version|item|batch|lot|isbn|account|"
    r"policy|claim|booking|confirmation|pedido|factura|referencia|commande|facture|référence|dossier|"
    r"job|staff|employee|member|membership|student|patient|customer|registration|licen[cs]e|permit|badge|UEN|"
    r"expediente|matrícula|legajo|empleado|socio|matricule|adhérent|file|card|herd|tax|company|charity|"
    r"VAT|TIN|EIN|ABN|ACN|GST|HST|GSTIN|PAN|NIF|CIF|CUIT|RUT|RUC|SIRET|SIREN|"  # tax and business numbers
    r"€|\$|£|¥|₹|₦)(?:\s+(?:number(?:['’]s)?|no\.?|num|id|code|is|was|:|#|numéro|número|es|est)){0,3}"
    r"(?:\s+[A-Z]{2})?[\s#.:-]*$",  # "VAT number GB 555 0192 44"
    re.IGNORECASE,
)
# "… 506 118 2290, ça ressemble à un numéro de téléphone, mais …": the speaker says it only looks like one
_SAID_TO_LOOK_LIKE_A_PHONE = re.compile(
    r"^[^.?!]{0,12}[.?!]?[^.?!]{0,40}\b(?:(?:looks?|looked|sounds?) like an? (?:tele)?phone|"
    r"ressemblen?t? à (?:un|des) numéros? de (?:téléphone|portable|tél)|on dirait un numéro de (?:téléphone|portable)|"
    r"parecen? (?:un )?(?:número de )?(?:teléfono|celular|móvil))",
    re.IGNORECASE,
)
# a number that starts with a year is a reference ("2024-0687-12", "1985 0312 457 28"); no phone does
_STARTS_WITH_A_YEAR = re.compile(r"^\s*(?:19[2-9]\d|20[0-3]\d)[\s./-]\d")
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
                if _digits_around(text, match.start, match.end) > MAX_PHONE_DIGITS:
                    continue  # "1402 0057 3318 9120": a card or membership number, longer than any phone
                if _said_to_be_something_else(text, match.start, match.end):
                    continue
                score = VALID_SCORE if phonenumbers.is_valid_number(match.number) else POSSIBLE_SCORE
                span = (match.start, match.end)
                found[span] = max(found.get(span, 0.0), score)
        for start, end in _international_numbers(text):
            inside = [(s, e) for s, e in found if start <= s and e <= end]  # "7700 900 12345" of "+44 7700…"
            if not any(s < end and start < e for s, e in found if (s, e) not in inside):
                found[(start, end)] = max([POSSIBLE_SCORE] + [found.pop(span) for span in inside])
        return [RecognizerResult("PHONE_NUMBER", s, e, score) for (s, e), score in found.items()]


MAX_PHONE_DIGITS = 15  # the longest phone number the world's plan allows (ITU-T E.164)
_DIGIT_RUN = re.compile(r"\d(?:[ .-]?\d)*")


def _digit_run(text: str, start: int, end: int) -> str:
    """The run of digit groups (one space, dot or dash apart) that holds text[start:end]."""
    for run in _DIGIT_RUN.finditer(text):
        if run.start() <= start < run.end() or start <= run.start() < end:
            return run.group()
    return ""


def _digits_around(text: str, start: int, end: int) -> int:
    """The digits in the run of digit groups that holds text[start:end]."""
    return sum(c.isdigit() for c in _digit_run(text, start, end))


def _said_to_be_something_else(text: str, start: int, end: int) -> bool:
    """A number labelled as something else ("SIRET 552 118 094 00027", "48 people"), said only to look like a
    phone ("… 29 05 14 33 02. Ça ressemble à un numéro de téléphone"), or starting with a year, itself or the run
    of digit groups it is part of. (Only a label's own words may come between: "the customer, it's 0412 555
    0123" is the customer's phone.)"""
    return bool(
        _NOT_A_PHONE_BEFORE.search(text[max(0, start - 24) : start])
        or _NOT_A_PHONE_AFTER.match(text[end : end + 20])
        or _SAID_TO_LOOK_LIKE_A_PHONE.match(text[end : end + 120])
        or _STARTS_WITH_A_YEAR.match(text[start:end])
        or _STARTS_WITH_A_YEAR.match(_digit_run(text, start, end))
    )


_INTERNATIONAL = re.compile(r"(?<![\w+])\+\d{1,3}(?:[ .-]\(?\d{1,5}\)?){2,5}(?![\w-])")


def _international_numbers(text: str) -> list[tuple[int, int]]:
    """Numbers written with a + and a country code in digit groups that `phonenumbers` rejects because the
    digits do not fit that country's plan ("+256 414 555 0187", one digit too many): a phone as written, mistyped
    or misheard, is still a phone."""
    spans = []
    for match in _INTERNATIONAL.finditer(text):
        if _looks_like_phone(match.group()) and not _said_to_be_something_else(text, *match.span()):
            spans.append(match.span())
    return spans


def extension_pattern(language: str) -> str:
    """A phone's extension, in digits or words: "extension two oh four", "ext. 204", "poste 2231", "poste
    vingt-deux mille cent cinquante"."""
    words = spoken_words(language)
    digit = rf"(?:{alternatives(words.digits + THOUSANDS.get(language, []))}|\d{{1,5}})"
    return rf"(?i)(?<![\w'’-]){alternatives(words.extensions)}\.?\s+{digit}(?:[\s,-]+{digit}){{0,4}}(?![\w-])"


def _spelled(letters: int) -> str:
    """A word spelled out letter by letter: "j, o, s, h" or "F-E-R-N-A-N-D-E-S"."""
    return rf"(?:[A-Za-z](?:\s*,\s*|-|\s+)){{{letters - 1},}}[A-Za-z](?![\w])"


WEBMAIL = ["gmail", "googlemail", "hotmail", "yahoo", "outlook", "icloud", "protonmail", "proton", "aol", "live"]


def own_domain(email: str, language: str) -> str | None:
    """The domain of an e-mail, written or said ("…@harbour-light.co.nz", "… arobase sud tiret reunion point re"),
    where it is the sender's own (not a web-mail service) and has a dot: what a web site of theirs is named by;
    None otherwise."""
    words = spoken_words(language)
    parts = re.split(rf"@|(?<![\w'’-])(?i:{alternatives(words.ats)})(?![\w'’-])", email)
    if len(parts) < 2:
        return None
    domain = parts[-1].strip(" ,.")
    labels = re.split(rf"\.|(?<![\w'’-])(?i:{alternatives(words.dots)})(?![\w'’-])", domain)
    first = labels[0].strip().lower()
    if len(labels) < 2 or not first or any(first.startswith(mail) for mail in WEBMAIL):
        return None
    return domain


def spoken_email_patterns(language: str) -> list[Pattern]:
    """E-mails read out: a local part of words, letters and digits joined by "dot"/"underscore", "at",
    then a domain ("harbour light clinic dot co dot n z", or just "the usual gmail"). Asides said while
    dictating ("all one word") stay inside. Scored lower when the local part is one ordinary word, which
    may just be a verb before "at" ("looked at google dot com")."""
    w = spoken_words(language)
    at, joiner = alternatives(w.ats), alternatives(w.dots + w.joiners)
    aside = rf"(?:,?\s*{alternatives(w.asides)}\s*,?)"
    digits = rf"(?:{alternatives(w.digits)})(?:[\s,-]*(?:{alternatives(w.digits)}))*"
    word = r"[A-Za-z0-9][\w'’-]*"
    part = rf"(?:{_spelled(2)}|{digits}|{word}(?:\s+{digits})?)"  # "flores ochenta y siete"
    joined = rf"\s*,?\s+{joiner}\s*,?\s+"
    complex_local = (
        rf"{part}(?:{joined}{part}(?:\s+{word}){{0,2}})+"  # "j dot van der berg"
        rf"|{_spelled(2)}(?:{joined}{part})*"
        rf"|{word}\s+{digits}"  # "marguerite eighty seven"
        r"|[A-Za-z]*\d[\w]*"
    )
    spelled_aside = rf"(?:,\s*(?:{alternatives(w.spelling)}\s+)?{_spelled(3)},?)?"  # "…, that's F-E-R-N-…,"
    domain = rf"(?:{_host(w, spaced=True, sure=True)}|(?:the usual\s+)?{alternatives(WEBMAIL)}\b)"
    tail = rf"{spelled_aside}{aside}*,?\s+{at}\s+{domain}"  # "…dot ca, all one word": the aside is not in it
    return [
        Pattern("spoken e-mail", rf"(?i)(?<![\w'’-])(?:{complex_local}){tail}", 0.85),
        Pattern("spoken e-mail, one word", rf"(?i)(?<![\w'’-])[A-Za-z][\w'’-]*{tail}", 0.45),
    ]


def _host(w, spaced: bool = False, sure: bool = False) -> str:
    """A host read out: labels (words joined by "dash", or letters spelled: "u c l", "s s f tiret frontaliers")
    joined by "dot", then a domain ending or a country code spelled ("dot n g", "dot u k"). After "www" or
    "https", where the host surely starts, a label may be said as several words ("smith joinery dot co dot uk").
    Where the address is `sure` (after "at", before a path) any country's ending counts, even an everyday word
    ("point lu")."""
    dot, dash = alternatives(w.dots), alternatives(w.dashes)
    tld = alternatives(EVERY_ENDING if sure else w.domains)
    word = r"[a-z0-9][\w-]*"
    more_words = rf"(?:\s+(?!{alternatives(w.ats)}\b){word}){{0,3}}" if spaced else ""  # one "at" per e-mail
    label = rf"(?:(?:[a-z](?:\s[a-z]){{1,5}}\b|{word})(?:\s+{dash}\s+{word})*{more_words})"
    aside = rf"(?:,?\s*{alternatives(w.asides)}\s*,?)?"
    return rf"(?:{label}{aside},?\s+{dot},?\s+)+(?:{tld}\b|[a-z],?\s[a-z]\b)"  # a pause may come as a comma


SOCIAL_SITES = ["linkedin", "instagram", "facebook", "twitter", "tiktok", "youtube", "github", "x"]
WRITTEN_URL = Pattern("written url", r"(?i)\bhttps?://[^\s,;\"'<>()]+[^\s,;.:!?\"'<>()]", 0.85)
WRITTEN_HOST_AND_PATH = Pattern(
    "written host with a path", r"(?i)(?<![\w@./-])[a-z0-9][\w-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/[\w.%-]*\w)+", 0.7
)
WRITTEN_EMAIL = Pattern(  # Presidio's own e-mail recognizer wants a real top-level domain; any will do here
    "written e-mail", r"(?<![\w.+-])[\w.+-]*\w@\w[\w-]*(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])", 0.9
)


def spoken_url_patterns(language: str) -> list[Pattern]:
    """Web addresses read out: "linkedin dot com slash in slash amara-obi", "w w w dot janedoe dot co dot uk",
    "h t t p s colon slash slash amara dash obi dot com", "instagram slash amaka dot bakes"; a written host
    with a path read out ("comeragh-crafts.ie forward slash shop")."""
    w = spoken_words(language)
    dot, slash, dash = alternatives(w.dots), alternatives(w.slashes), alternatives(w.dashes)
    scheme = rf"(?:{alternatives(w.schemes)}\s+colon\s+(?:{slash}\s+){{1,2}}|(?:{slash}\s+){{2}})?"
    www = rf"(?:{alternatives(w.www)},?\s+{dot},?\s+)"
    host, spaced, sure = _host(w), _host(w, spaced=True), _host(w, sure=True)
    segment = rf"(?:{alternatives(w.ats)}\s+)?[\w-]+(?:\s+(?:{dash}|{dot})\s+[\w-]+)*"
    path = rf"(?:,?\s+{slash},?\s+{segment})"
    last_words = r"(?:(?:\s+[\w'’-]+){1,2}(?=[,.;!?]|\s*$))?"  # "slash pennick chairs," up to a pause
    written_host = r"[a-z0-9][\w-]*(?:\.[a-z0-9][\w-]*)+"
    named_scheme = rf"(?:{alternatives(w.schemes)}\s+colon\s+(?:{slash}\s+){{1,2}})"
    social = rf"(?:{alternatives(SOCIAL_SITES)})(?:\s+{dot}\s+com)?"
    return [
        Pattern("spoken url, www", rf"(?i)(?<![\w'’-]){scheme}{www}{spaced}{path}*{last_words}", 0.85),
        Pattern("spoken url, scheme", rf"(?i)(?<![\w'’-]){named_scheme}{spaced}{path}*{last_words}", 0.85),
        Pattern("spoken url with a path", rf"(?i)(?<![\w'’-]){scheme}{sure}{path}+{last_words}", 0.85),
        Pattern("social page", rf"(?i)(?<![\w'’-]){social}{path}+{last_words}", 0.8),
        Pattern("written host, spoken path", rf"(?i)(?<![\w'’-]){written_host}{path}+{last_words}", 0.85),
        Pattern("spoken url, host", rf"(?i)(?<![\w'’-]){host}", 0.6),
    ]


class SpokenUrlRecognizer(RegexRecognizer):
    """Web addresses read out (`spoken_url_patterns`). A host alone whose name and ending are both function
    words is talk that says "dot": "a punto de nieve", "el punto es que…", "au point de départ", "the dot in"
    (not "marc a point c a", "trinidad, todo junto, punto com")."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._dots = re.compile(rf"(?i)\s*,?\s+(?:{alternatives(spoken_words(language).dots)}),?\s+")
        super().__init__("URL", "SpokenUrlRecognizer", spoken_url_patterns(language), language)

    def validate_result(self, pattern_text: str) -> bool | None:
        labels = self._dots.split(pattern_text)
        words = stop_words(self.language)
        if len(labels) == 2 and labels[0].split()[-1].casefold() in words and labels[1].casefold() in words:
            return False
        return None


def spoken_handle_pattern(language: str) -> Pattern:
    """A social-media handle read out: "at shernette underscore styles", "at amaka dot bakes"; not the "at"
    before a web address ("is at linkedin dot com slash…", "at harbour dot co dot uk")."""
    w = spoken_words(language)
    joiner, dot, tld = alternatives(w.joiners), alternatives(w.dots), alternatives(w.domains)
    piece = rf"(?:\s+{joiner}\s+[a-z0-9]+|\s+{dot}\s+(?!{tld}\b)[a-z0-9]+)"
    written = r"[a-z][a-z0-9]*(?:[_.][a-z0-9]+)+(?![\w@]|\.\w)"  # "arroba panaderia_la_espiga", not an e-mail
    return Pattern(
        "spoken handle",
        rf"(?i)(?<![\w'’-]){alternatives(w.ats)}\s+(?!{alternatives(SOCIAL_SITES)}\b)"
        rf"(?:[a-z0-9]+{piece}+(?!\s+(?:{alternatives(w.ats)}|{dot})\b)|{written})",
        0.7,
    )


class HandleWithAsideRecognizer(RegexRecognizer):
    """A handle said as words that an aside joins: "at wingohocking health, all one word", "arroba la casa
    del pan, todo junto"; English "at" before a function word is the preposition ("at the shop, all
    together")."""

    def __init__(self, language: str) -> None:
        w = spoken_words(language)
        word = rf"(?!(?:{alternatives(w.ats + w.dots)})\b)[a-z0-9][\w'’-]*"
        pattern = (
            rf"(?i)(?<![\w'’-]){alternatives(w.ats)}\s+{word}(?:\s+{word}){{0,4}}"
            rf"(?=,?\s+{alternatives(w.asides)}\b)"
        )
        super().__init__("URL", "HandleRecognizer", [Pattern("spoken handle with an aside", pattern, 0.7)], language)

    def validate_result(self, pattern_text: str) -> bool | None:
        at, first = pattern_text.split()[:2]
        return False if at.lower() == "at" and is_function_word(first, "en") else None


HANDLE_WORD_ZIPF = 3.0  # a handle has a word rarer than this ("inagh", "wasiak"); "at lunch time" has none
PLATFORMS = [*SOCIAL_SITES, "insta", "ig", "wechat", "snapchat", "snap", "threads", "bluesky", "whatsapp", "telegram"]
UNDERSCORES = {"en": ["underscore"], "fr": ["tiret bas", "tiret du bas", "underscore"],
               "es": ["guion bajo", "guión bajo", "barra baja"]}  # fmt: skip


class PlatformHandleRecognizer(EntityRecognizer):
    """A handle said as words where the sentence names the platform: "we're at inagh valley vets on Facebook",
    "she's on Twitter, at faith wasiak esq,", "Insta is at the meeting place moranbah"; and words joined by a
    spoken underscore ("ksta underscore vancouver"), which only a handle or an address has."""

    def __init__(self, language: str) -> None:
        w = spoken_words(language)
        word = r"[a-z0-9][\w'’-]*"
        at, platform = alternatives(w.ats), alternatives(PLATFORMS)
        handle = rf"(?P<handle>(?<![\w'’-]){at}\s+{word}(?:\s+{word}){{0,4}})"
        self.patterns = [
            re.compile(rf"(?i){at}\s+(?P<handle>{word}(?:\s+{word}){{1,4}})\s+(?:on|sur|en)\s+{platform}\b"),
            re.compile(rf"(?i)\b{platform}\b[^.?!\n,]{{0,20}}?,?\s+{handle}(?=\s*(?:[,.;!?]|$))"),
            re.compile(
                rf"(?i)(?P<handle>(?<![\w'’-]){word}(?:\s+{alternatives(UNDERSCORES.get(language, []))}"
                rf"\s+{word})+)"
            ),  # fmt: skip
        ]
        self.aside = re.compile(rf"(?i),?\s+{alternatives(w.asides)}\b")
        super().__init__(supported_entities=["URL"], name="PlatformHandleRecognizer", supported_language=language)

    def load(self) -> None:
        """Nothing to load: the patterns are built in __init__."""

    def _named_handle(self, words: list[str], aside: bool) -> bool:
        """Words after "at" that name someone's page: not a place said with "at" ("at the shop on Facebook",
        "on Instagram at lunch time"), so one of them is no everyday word."""
        language = self.supported_language
        rare = any(not is_common_word(w, HANDLE_WORD_ZIPF, language) for w in words)
        return rare and (aside or not is_function_word(words[0], language))

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:
        """Each handle found, as a URL."""
        found = []
        for k, pattern in enumerate(self.patterns):
            for match in pattern.finditer(text):
                start, end = match.span("handle")
                if k == 0:
                    start = match.start()  # the "at" is the handle's "@"
                aside = self.aside.match(text, end) is not None  # "…, all one word": the "the" is the handle's
                words = text[start:end].split()
                if (k == 2 and self._joined_words(words)) or (k < 2 and self._named_handle(words[1:], aside)):
                    found.append(RecognizerResult("URL", start, end, 0.7))
        return found

    def _joined_words(self, words: list[str]) -> bool:
        """Words an underscore joins name a handle unless both ends are function words: "avec le tiret du bas au
        milieu" talks about the underscore."""
        language = self.supported_language
        return not (is_function_word(words[0], language) and is_function_word(words[-1], language))


HANDLE = Pattern("social handle", r"(?<![\w.@])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@])", 0.7)


class SpokenEmailRecognizer(RegexRecognizer):
    """Spoken e-mails; one whose local part is a single word counts fully when that word is not an ordinary
    one ("aroha at harbour light clinic dot co dot n z"), and stays a candidate for review when it is
    ("looked at google dot com")."""

    def __init__(self, language: str) -> None:
        self.language = language
        super().__init__(
            "EMAIL_ADDRESS",
            "SpokenEmailRecognizer",
            spoken_email_patterns(language),
            language,
            context=EMAIL_CONTEXT.get(language, EMAIL_CONTEXT["en"]),  # "email is sales at…": an ordinary word
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        first = pattern_text.split()[0].strip(",")
        return True if not is_common_word(first, LOCAL_PART_ZIPF, self.language) else None

    def analyze(self, text, entities, nlp_artifacts=None, regex_flags=None):
        """An ordinary word before "at" is the mailbox unless the tagger reads it as a verb, a pronoun or
        another function word: "the general one's repairs at ckha dot org dot uk", "es oficina arroba
        mardebouzas punto gal"; not "looked at google dot com"."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        tokens = {t.idx: t for t in nlp_artifacts.tokens} if nlp_artifacts and nlp_artifacts.tokens else {}
        for result in results:
            token = tokens.get(result.start)
            if result.score < 0.5 and token is not None and token.pos_ not in NOT_A_MAILBOX_TAGS:
                result.score = MAILBOX_SCORE
        return results


EMAIL_CONTEXT = {
    "en": ["email", "e-mail", "mail", "inbox"],
    "fr": ["mail", "e-mail", "email", "courriel", "adresse"],
    "es": ["correo", "mail", "email", "e-mail", "electrónico"],
}


def contact_recognizers(language: str, regions: list[str]) -> list[EntityRecognizer]:
    """Every contact recognizer of this module for one language."""
    return [
        PhoneNumberRecognizer(regions, language),
        SpokenPhoneRecognizer(language),
        regex_recognizer(
            "PHONE_NUMBER",
            "PhoneExtensionRecognizer",
            [Pattern("extension", extension_pattern(language), 0.7)],
            language,
        ),
        SpokenEmailRecognizer(language),
        SpokenUrlRecognizer(language),
        regex_recognizer(
            "URL",
            "HandleRecognizer",
            [HANDLE, spoken_handle_pattern(language), WRITTEN_URL, WRITTEN_HOST_AND_PATH],
            language,
        ),
        HandleWithAsideRecognizer(language),
        PlatformHandleRecognizer(language),
        regex_recognizer("EMAIL_ADDRESS", "WrittenEmailRecognizer", [WRITTEN_EMAIL], language),
    ]
