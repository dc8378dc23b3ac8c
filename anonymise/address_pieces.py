"""A piece of an address that no pattern knows, read from the parser's tags.

After a street and its number people go on with parts no list can hold: a district, an estate, a block, a
village said the way the place says it ("…, Cité Ouvrière Bloc Quatre", "…, Barrio Obrero Sector Seis"). Such
a piece is short and is all nouns, names, numbers and the small words between them; a clause has a verb or a
pronoun ("…, je crois", "…, que es donde vivo"), an aside says a thing in general ("…, un edificio viejo",
"…, por la zona") or counts ("…, tres mil pesos").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from anonymise.names import is_everyday_word

MAX_PIECE_TOKENS = 8
SENTENCE_START_ZIPF = 3.0  # a word at least this common, capitalised only by the sentence, is no name
PIECE_LANGUAGES = ("fr", "es")  # English asides after an address ("…, thanks", "…, near the station") are common
_CLAUSE_TAGS = {"VERB", "AUX", "PRON", "INTJ", "CCONJ", "SCONJ", "ADV"}  # "…, aquí en Chimaltenango", "…, again"
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
    span = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in span or () if not (t.is_punct or t.is_space)]
    if not words or len(words) > MAX_PIECE_TOKENS or _COUNTED.search(span.text):
        return False
    if any(t.pos_ in _CLAUSE_TAGS or (len(t) == 1 and t.is_lower) for t in words):
        return False
    if "Ind" in words[0].morph.get("Definite"):
        return False
    return any(_a_name(t, language) or any(c.isdigit() for c in t.text) for t in words)


def _a_name(token: Token, language: str) -> bool:
    """A capitalised word that is not so only because it starts a sentence ("Dirección de casa, …")."""
    everyday = token.is_sent_start and is_everyday_word(token.text.lower(), SENTENCE_START_ZIPF, language)
    return token.text[:1].isupper() and not everyday
