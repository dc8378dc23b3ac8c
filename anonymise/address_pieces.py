"""A piece of an address that no pattern knows, read from the parser's tags.

After a street and its number people go on with parts no list can hold: a district, an estate, a block, a
village said the way the place says it ("…, Cité Ouvrière Bloc Quatre", "…, Barrio Obrero Sector Seis"). Such
a piece is short and is all nouns, names, numbers and the small words between them; a clause has a verb or a
pronoun ("…, je crois", "…, que es donde vivo"), an aside says a thing in general ("…, un edificio viejo",
"…, por la zona") or counts ("…, tres mil pesos"). Where streets have no names, a house is said by landmarks
and its look: a word of place and a noun phrase ("derrière la pharmacie du marché", "pasando el puente de
fierro") and the house described ("la maison au portail bleu", "la casa de adobe con techo de calamina").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from anonymise.names import is_everyday_word

MAX_PIECE_TOKENS = 8
SENTENCE_START_ZIPF = 3.0  # a word at least this common, capitalised only by the sentence, is no name
PIECE_LANGUAGES = ("fr", "es")  # English asides after an address ("…, thanks", "…, near the station") are common
_CLAUSE_TAGS = {"VERB", "AUX", "PRON", "INTJ", "CCONJ", "SCONJ"}  # "…, je crois", "…, que es donde vivo"
_NAME_CLAUSE_TAGS = _CLAUSE_TAGS | {"ADV"}  # a place's name has no adverb either: "…, aquí en Chimaltenango"
_COUNTED = re.compile(
    r"(?i)(?<![\w-])(?:pesos|euros|dólares|dollars|francs|soles|colones|bolívares|veces|fois|años|ans|días|jours|"
    r"semanas|semaines|meses|mois|horas|heures|minutos|minutes|personas|personnes|por ciento|pour cent)(?![\w-])"
)


def a_place_piece(doc: Doc | None, start: int, end: int, language: str) -> bool:
    """Whether the text from `start` to `end` in `doc` reads as a named part of an address: at most
    MAX_PIECE_TOKENS words, no verb, pronoun, conjunction or interjection, a capitalised name or a written number
    among them ("a dos cuadras de la plaza" says where, not which), no adverb ("aquí en…"), not opening with an
    indefinite article, no letter spelled out ("h comme Henri") and not a count."""
    if doc is None or language not in PIECE_LANGUAGES:
        return False
    span, words = _words(doc, start, end)
    if not words or len(words) > MAX_PIECE_TOKENS or _COUNTED.search(span.text):
        return False
    if any(t.pos_ in _NAME_CLAUSE_TAGS or (len(t) == 1 and t.is_lower) for t in words):
        return False
    if "Ind" in words[0].morph.get("Definite"):
        return False
    return any(_a_name(t, language) or any(c.isdigit() for c in t.text) for t in words)


def _words(doc: Doc, start: int, end: int) -> tuple[Span | None, list[Token]]:
    """The tokens from `start` to `end` (widened to whole tokens), and the words among them."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span, [t for t in span or () if not (t.is_punct or t.is_space)]


def _a_name(token: Token, language: str) -> bool:
    """A capitalised word that is not so only because it starts a sentence ("Dirección de casa, …")."""
    everyday = token.is_sent_start and is_everyday_word(token.text.lower(), SENTENCE_START_ZIPF, language)
    return token.text[:1].isupper() and not everyday


# where a house is from a landmark, said before the landmark (a closed class of words: "derrière la pharmacie du
# marché", "pasando el puente de fierro", "a la par de una venta de pupusas")
_OF = r"d(?:e|u|es|')"
_SPATIAL_LEADS = {
    "fr": rf"(?:juste\s+)?(?:derrière|devant|après|avant|en\s+face\s+{_OF}|face\s+(?:à|aux?)|à\s+côté\s+{_OF}"
    rf"|près\s+{_OF}|au\s+bout\s+{_OF}|au\s+fond\s+{_OF}|à\s+l'angle\s+{_OF})",
    "es": r"(?:justo\s+)?(?:frente\s+al?|enfrente\s+del?|detrás\s+del?|al\s+lado\s+del?|a\s+la\s+par\s+del?|pasando"
    r"|después\s+del?|antes\s+del?|cerca\s+del?|junto\s+al?|arriba\s+del?|abajo\s+del?|al\s+costado\s+del?"
    r"|(?:en\s+)?la\s+entrada\s+del?|entrada\s+del?|de\s+donde\s+fue)",
}
# the house itself, described ("la maison au portail bleu", "la casa de adobe con techo de calamina")
_DWELLINGS = {
    "fr": {"maison", "case", "villa", "cabane", "baraque", "concession", "maisonnette"},
    "es": {"casa", "vivienda", "rancho", "casita", "choza", "quinta", "ranchito"},
}
# "the one with…" ("celle avec le grand manguier"); not Spanish "la de…", which is everyone's ("la de mi hermana")
_THE_ONE_WITH = {"fr": r"(?i:celle|celui)\s+(?:avec|au|à|aux|du|de)\s"}
MAX_LANDMARK_WORDS = 8
MAX_HOUSE_WORDS = 10


def a_landmark_piece(doc: Doc | None, start: int, end: int, language: str) -> bool:
    """Whether the text from `start` to `end` says where a house is from a landmark: a word of place ("derrière",
    "pasando", "a la par de") and a noun phrase with no verb ("la pharmacie du marché", "el puente de fierro")."""
    if doc is None or language not in _SPATIAL_LEADS:
        return False
    text = doc.text[start:end]
    lead = re.match(rf"\s*(?i:{_SPATIAL_LEADS[language]})(?:(?<=')|(?![\w-]))", text)
    if lead is None:
        return False
    span, words = _words(doc, start + lead.end(), end)
    if not words or len(words) > MAX_LANDMARK_WORDS or _COUNTED.search(span.text):
        return False
    return not any(t.pos_ in _CLAUSE_TAGS for t in words) and any(t.pos_ in ("NOUN", "PROPN") for t in words)


def may_say_a_time(text: str) -> bool:
    """Whether a landmark piece opens with a word that says a time as often as a place ("après l'école",
    "después de la misa"): it joins an address but starts none."""
    return re.match(r"\s*(?i:(?:juste|justo)\s+)?(?i:après|avant|después|antes)(?![\w-])", text) is not None


def a_house_piece(doc: Doc | None, start: int, end: int, language: str) -> bool:
    """Whether the text from `start` to `end` describes the house itself, with no verb: a dwelling its first noun
    ("la maison au portail bleu", "la tercera casa después del puente de hamaca"), or the one with something
    ("celle avec le grand manguier")."""
    if doc is None or language not in _DWELLINGS:
        return False
    span, words = _words(doc, start, end)
    if not words or len(words) > MAX_HOUSE_WORDS:
        return False
    if language in _THE_ONE_WITH and re.match(_THE_ONE_WITH[language], span.text):  # "celle avec le manguier"
        words = words[2:]
        return bool(words) and not any(t.pos_ in _CLAUSE_TAGS for t in words)
    if any(t.pos_ in _CLAUSE_TAGS for t in words):
        return False
    head = next((t for t in words if t.pos_ in ("NOUN", "PROPN")), None)  # not "Dirección de casa"
    return head is not None and head.lower_ in _DWELLINGS[language] and "Ind" not in words[0].morph.get("Definite")
