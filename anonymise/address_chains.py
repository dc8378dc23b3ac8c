"""An address said as a chain of parts is one address.

People give an address as parts set off by commas or pauses: "14 rue du Long-Pot, résidence Les Tisserands,
bâtiment D, escalier 2, appartement 32, 59800 Lille", "Rúa Eduardo Cabello, quince... tercero C... 36208
Vigo". The recognizers find some parts (a street, a building, a town) and leave the others between them: a
unit, a postcode, a house number, often said in words. Each street address found, and each street found as
a place ("Rúa Eduardo Cabello", "Dumbarton Road"), is grown here, part by part, over the parts around it that
are themselves found names, units, postcodes, numbers said in words or a street with its number, up to the
end of the sentence; a filler between two parts ("eh,") goes with them.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Doc

from anonymise.address_pieces import (
    PIECE_LANGUAGES,
    a_house_piece,
    a_landmark_piece,
    a_place_piece,
    may_say_a_time,
)
from anonymise.addresses import (
    ANY_CASE_UNIT,
    AREA_WORDS,
    DATE_STREET,
    EN_ORDINAL,
    GRID_STREET,
    ORDINAL_FLOOR,
    POSTCODE_WORDS,
    SAID_UNIT,
    SPANISH_LETTERS,
    STREET_TYPES,
    STREET_WORD,
    UNIT,
)
from anonymise.detect import Detection
from anonymise.lexicon import is_unlisted_word, stop_words
from anonymise.name_spans import STREET_WORDS
from anonymise.names import is_common_word
from anonymise.spoken import (
    HESITATIONS,
    SELF_CORRECTIONS,
    SINGLE_DIGITS,
    alternatives,
    number_word,
    number_word_pattern,
)

PLACE_TYPES = {"STREET_ADDRESS", "LOCATION", "ORGANIZATION"}
PLACE_WORD_ZIPF = 4.0  # a capitalised word rarer than this, between two parts of an address, is a place
CLAUSE_WORD_ZIPF = 5.0  # a part starting with a word this common is a clause ("It's…", "Es…"), not a street
MAX_PART_WORDS = 6
_OF = r"(?:de la|de los|de las|del|de|des|du|d'|da|do|das)"  # "avenida de Asturias", Galician "travesía da Paz"
_IN_THE = re.compile(r"(?:en|in|à)\s+(?:(?:la|el|los|las|the|le|les)\s+)?", re.IGNORECASE)
_NUMBERED_AFTER_IN = re.compile(r"(?<![\w'’-])(?:en|in|à|at)\s+(?=\d[^,]*$)", re.IGNORECASE)  # the last one
# the town's parts by their administrative names, a part of an address once it has a street or a number ("avenue
# Kabinda numéro 27, quartier Mombele, commune de Limete"); alone they describe where someone lives ("à
# Yopougon, quartier Niangon", "distrito de Yhú, departamento de Caaguazú")
_DISTRICT_PART = re.compile(
    r"(?i:quartier|commune|comuna|municipio|alcaldía|alc\.|delegación|distrito|corregimiento|localidad)"
    r"\s+(?:(?:de|del|de la|du)\s+)?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}"
)
_ES_CORNER = r"(?:casi|esquina(?:\s+con)?|esq\.)"
_CORNER_NAME = r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)?"
# the corner a house is at, said right after its number: "Fariña 555 casi Brasil", "Hidalgo 20 esquina con Juárez"
_CORNER = rf"(?:\s+{_ES_CORNER}\s+{_CORNER_NAME})?"
_AREA_TWO_WORDS = r"(?i:asentamiento humano|AA\.\s?HH\.)"
_BUILDING_WORDS = rf"(?i:{'|'.join(re.escape(w) for w in sorted(AREA_WORDS))}|{_AREA_TWO_WORDS})"
# the corner a house is at, as a part of its own: "esquina Mella", "esquina con Telecomunicaciones"
_CORNER_PART = rf"(?:{_ES_CORNER}|au coin de|à l'angle de|corner of)\s+{_CORNER_NAME}"
# an area named by what it is: "zona central", "parque industrial", "quartier nord"
_PLAIN_AREA = r"(?:zona|parque|polígono|sector|barrio|quartier|zone)\s+[a-zà-ÿ]+"
# where the house is from a landmark, said after its address: "pasando la gasolinera", "frente a la bomba", "2 km
# después del puente", "en face du commissariat", "opposite the mosque"
_LANDMARKS = (
    "iglesia|capilla|ermita|escuela|colegio|parque|puente|gasolinera|bomba|colmado|pulpería|mercado|hospital|"
    "clínica|farmacia|tienda|minisúper|estación|parada|garita|plaza|cancha|cementerio|panadería|supermercado|"
    "comisaría|rotonda|cruce|antena|boulangerie|pharmacie|mosquée|église|chapelle|école|marché|station|gare|"
    "épicerie|château d'eau|rond-point|carrefour|pont|commissariat|mairie|cimetière|stade|lycée|clinique|"
    "dispensaire|church|chapel|temple|school|mosque|bridge|market|garage|roundabout|petrol station|gas station|"
    "bus stop|water tower|junction|post office|clinic|shop|store"
)
_BESIDE = r"frente|enfrente|detrás|al lado|pasando|opposite|behind|next to"  # where, not when: "pasando el puesto"
_UNITS_OF_DISTANCE = r"(?:kilómetros?|metros|cuadras|varas|mètres|kilomètres|metres|meters|yards|miles)"
_DISTANCE = (  # "200 m", "doscientos metros", "cien metros"
    rf"(?:\d+(?:[.,]\d+)?\s*(?:km|m|{_UNITS_OF_DISTANCE})|[a-záéíóúñ]+(?:\s+y\s+[a-záéíóúñ]+)?\s+{_UNITS_OF_DISTANCE})"
)
_LANDMARK_PART = (
    rf"(?:{_DISTANCE}\s+)?"
    r"(?:(?i:frente|enfrente|detrás|al lado|pasando|después|antes|en face|derrière|à côté|juste après|après|avant|"
    r"opposite|behind|next to|past)(?:\s+(?:a|de|del|al|du|des|de la|de l'|to))?"
    r"\s+(?:(?:el|la|los|las|le|les|the)\s+|l')?"
    rf"(?i:{_LANDMARKS})(?:\s+[A-ZÀ-Ý][\w'’-]*){{0,3}}"
    rf"|(?i:{_BESIDE})(?:(?:\s+(?:a|de|al))?\s+(?:el|la|los|las|the)|\s+(?:del|al))\s+[a-zà-ÿ]+(?:\s+[a-zà-ÿ]+)?"
    rf"(?:\s+[A-ZÀ-Ý][\w'’-]*){{0,3}}"  # any landmark, with its name: "al lado del minisúper Los Primos"
    rf"|{_DISTANCE}\s+(?:por|sobre|along|down|up|par)\s+(?:el|la|the|le)\s+[a-zà-ÿ]+(?:\s+de\s+[a-zà-ÿ]+)?"
    r"|(?:[a-zà-ÿ]+\s+){0,3}(?i:a\s+mano)\s+(?i:derecha|izquierda))"  # "la tranquera verde a mano izquierda"
)
_COLOURS = (
    r"verde|azul|blanca|blanco|roja|rojo|amarilla|amarillo|celeste|rosada|rosado|naranja|gris|negra|negro|morada|"
    r"marrón|café|vert|verte|bleu|bleue|blanc|blanche|rouge|jaune|rose|orange|grise|noir|noire|marron|green|blue|"
    r"white|red|yellow|pink|grey|gray|black|brown"
)
# the house itself, described where there is no number: "la casa de portón verde", "maison au portail vert"
_HOUSE_DESCRIBED = re.compile(
    rf"(?=.*(?<![\w-])(?:{_COLOURS})(?![\w-]))(?i:(?:la|una|the|a|le|une)\s+)?(?:[a-zà-ÿ]+\s+)?"
    r"(?i:casa|vivienda|maison|house|portón|portail|gate)(?:\s+[a-zà-ÿ'’]+){0,5}"
)
_LANDMARK = re.compile(_LANDMARK_PART)
_PART = re.compile(
    rf"(?:{ANY_CASE_UNIT}(?:\s+\w+)?"  # "escalier 2", "depto. B", "flat 2/1"
    r"|\d{1,2}\.?\s*[ºª°]\.?(?:\s+\w+\.?)?|\d{1,2}e\s+(?:étage|ét\.)"  # "3.º", "5.º izda.", "2e étage", "4e ét."
    rf"|{_BUILDING_WORDS}\s+(?:(?:de|del|de la)\s+)?(?:[A-ZÀ-Ý][\w'’-]*\s*)+"  # "zona Centro", "barrio de Xonaca"
    r"|(?:[A-Z]{1,2}-?)?\d{4,6}(?:\s+[A-ZÀ-Ý][\w'’-]*)*"  # "59800 Lille", "CH-1012 Lausanne", "569871"
    r"|\d{4}\s?[A-Z]{2}(?:\s+[A-ZÀ-Ý][\w'’-]*)?"  # a Dutch postcode: "1016 DZ Amsterdam"
    r"|(?:\d{2}\s+)?BP\s+\d+(?:\s+[A-ZÀ-Ý][\w'’-]*(?:\s+\d{2})?)?"  # "01 BP 7724 Abidjan 01"
    r"|(?:código postal|code postal|CP|C\.P\.)\s+\d{4,5}"
    r"|(?:[A-ZÀ-Ý][\w'’-]*\s+)*(?i:cedex)(?:\s+(?:\d{1,2}|[a-z]+))?"  # "Saint-Étienne Cedex un": sorted mail
    r"|[A-ZÀ-ÝĀ-Ž][\w'’-]*(?:\s+[A-ZÀ-ÝĀ-Ž][\w'’-]*){0,2}\s+\d{1,6}"  # "Corrientes 1633", "Singapore 569871"
    rf"|{DATE_STREET}\s+\d{{1,5}}"  # "18 de Julio 1450": a street named after a date
    r"|\d{1,5}[A-Za-z]?\s+[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,3}"  # "41 Heol Hir": a number, then the street
    r"|entre\s+(?:[A-ZÀ-Ý][\w'’-]*|\d{1,3})\s+y\s+(?:[A-ZÀ-Ý][\w'’-]*|\d{1,3})"  # "entre Gutiérrez y Rosario"
    r"|(?i:sin número|s/n)"  # a house without a number
    r"|(?:y\s+)?(?:(?:media|una|un|\w+)\s+(?:cuadras?|metros|varas)\s+)?(?:al|hacia el)\s+"
    r"(?:norte|sur|este|oeste|oriente|poniente)"  # "al sur", "y media cuadra al este": which way from a landmark
    r"|(?i:numéro|número|number|n[º°]\.?)\s*\d{1,5}[A-Za-z]?(?:\s+(?:bis|ter))?"  # "rue 5414, numéro 8": the house
    r"|(?:Co\.?|County)\s+[A-Z][\w'’-]*"  # "Co. Clare"
    rf"|{_CORNER_PART}|{_PLAIN_AREA}|{_LANDMARK_PART})$"
)
_ADDRESS_ABBREVIATIONS = (
    *("Co", "St", "Mt", "Rd", "Ave", "Av", "Dr", "No", "Nr", "Blvd", "Cres", "Apt", "Col", "App", "app", "Appt"),
    *("appt", "apt"),
    *("Bod", "Vda", "Fca", "Carr", "Ctra", "Km", "Mz", "Lt", "Urb", "Depto", "Dpto", "Apto", "Int"),
    *("Gral", "Sta", "Sto", "Pdte", "Cnel", "Mons", "Bd", "Pl", "Jr", "Mgr"),  # "Av. Gral. Paz", "Jr. Ica"
    *("Bât", "bât", "Esc", "esc", "ét", "Ét", "Bte", "bte", "Imm", "Rés", "Morc"),  # "Bât. C, esc. 2, 4e ét."
)
_SHORT_STREET_WORDS = {w[:-1] for w in STREET_WORDS if w.endswith(".") and w[:-1].isalpha()}  # "bv", "psje"
_ABBREVIATED = {  # "Bv. San Juan", "apto. 702": a street word or a unit written short, never "no." or "co."
    *_ADDRESS_ABBREVIATIONS,
    *("apto", "depto", "dpto", "urb", "ctra", "esq"),
    *_SHORT_STREET_WORDS,
    *(w.capitalize() for w in _SHORT_STREET_WORDS),
}
_NOT_AFTER_AN_ABBREVIATION = "".join(rf"(?<!\b{a})" for a in sorted(_ABBREVIATED))
_SENTENCE_END = re.compile(  # "Co. Clare", "St. Kilda", "Av. Corrientes": the dot is the abbreviation's
    _NOT_AFTER_AN_ABBREVIATION + r"[.;:?!](?=\s+[A-ZÀ-ÝĀ-Ž¿¡][\w'’]|\s*$)"
)
# what a number after a place counts, so it is no house number: "across Leith Walk three times", "dos veces"
_COUNTED = (
    r"(?i:times|veces|fois|years|años|ans|days|días|jours|weeks|semanas|semaines|months|meses|mois|hours|horas|"
    r"heures|minutes|minutos|people|personas|personnes|kilometres|kilómetros|miles)(?![\w-])"
)
_PAUSE = r"(?:,|\.{3}|…)"  # between two parts: a comma or a pause
_FILLER_WORD = rf"(?:{'|'.join([*HESITATIONS, 'pues', 'bueno', 'vale'])})"
# a speaker correcting a part of the address before the right one: "torre dos... no, perdón, torre tres"
_CORRECTION = (  # or a bare "no," before the right part: "villa ocho, no, dieciocho"
    rf"(?:(?i:no|non),?\s+)?(?i:{alternatives(SELF_CORRECTIONS)})|(?i:no|non)(?=,)"
)
_FILLER = rf"(?:(?:{_FILLER_WORD}|{_CORRECTION})\s*(?:,|\.{{3}}|…)?\s+){{0,2}}"
_UNIT_BEFORE = re.compile(rf"(?<![\w-])(?i:{SAID_UNIT})\s+$")
_PAUSED = rf"(?:\s*(?:\.{{3}}|…)(?:\s*{_FILLER_WORD}\s*(?:\.{{3}}|…))?)?"  # "pasaje... eh... Los Aromos"
_NEXT_PART = re.compile(  # a number left hanging on "y" before the pause goes with it: "setenta y... no, ochenta"
    rf"(?:\s+(?i:y|and|et)(?=\s*(?:\.{{3}}|…)))?\s*{_PAUSE}\s*{_FILLER}([^,…\"”»]+?)"
    rf"(?=\s*{_PAUSE}|\s*$|{_NOT_AFTER_AN_ABBREVIATION}[.;:?!\"”»](?:\s|$|[.;:?!])|[\"”»],)"
)
_FLOOR_ORDINAL_BEFORE = re.compile(rf"(?i:{EN_ORDINAL})\s+$")
# a unit in any case, then names and numbers: "flat 2/1", "unit 4 Riverside Park"; not "room 4 was hers" (a unit
# written with its capital starts a part whatever follows, as before: "Portion 4 of Farm Welgelegen 312")
_UNIT_PART = re.compile(rf"{ANY_CASE_UNIT}(?:\s+(?:of|{_OF})?\s*(?:[A-ZÀ-Ý][\w'’-]*|\d+))*$")
# a building named in an address: "Nant Fawr House", "Jade Tower", "Manchester Shopping Centre"
_BUILDING = re.compile(
    r"(?:[A-Z][\w'’-]*\s+){1,3}(?:House|Tower|Towers|Centre|Center|Building|Court|Plaza|Mall|Complex|Chambers|"
    r"Mansions|Block|Arcade|Exchange|Hall)"
)


_NUMBER_WORD = "(?:número|number|numéro)"  # "casa número catorce"


@lru_cache(maxsize=8)
def _said_part(language: str) -> re.Pattern:
    """A part said in words: a number ("doscientos catorce", "el veintitrés"), a postcode or unit before it
    ("código postal cero ocho…", "departamento mil doscientos tres", "hash oh one"), a town before it
    ("Singapore four six zero…"), a floor ("segundo piso")."""
    number = number_word_pattern(language)
    lead = (  # or a town; "calle cuarenta y cinco", "entre veintitrés y veinticinco"
        rf"(?:(?i:{POSTCODE_WORDS}|código|{SAID_UNIT}(?:\s+{_NUMBER_WORD})?|{GRID_STREET}|(?:la\s+|el\s+)?{_NUMBER_WORD}|hash|dash|el"
        r"|entre)"
        rf"|{DATE_STREET}"
        r"|[A-ZÀ-Ý][\w'’-]*)"
    )
    town = r"(?:\s+[A-ZÀ-Ý][\w'’-]*)?"  # a postcode said as a number, then its town: "cincuenta mil dieciséis Zaragoza"
    half = r"(?:\s+(?i:y\s+medio|et\s+demi|and\s+a\s+half|y\s+pico|y\s+algo|et\s+quelques))?"  # "tres y medio"
    letter = rf"(?:[A-Z]|{SPANISH_LETTERS})" if language == "es" else "[A-Z]"  # "manzana be", "tres be"
    unit = (  # "apartamento tres a", "oficina ocho-C"
        rf"(?i:{SAID_UNIT})\s+(?:(?i:{number})\s*-?\s*|(?i:{number_word(language)})-)?(?:{letter}|[a-h])(?![\w-])"
    )
    return re.compile(
        rf"{unit}|(?:{lead}\s+)?(?i:{number}){half}(?:\s*-?\s*{letter}(?![\w-]))?(?:\s+(?:bis|ter|quater)\b)?{town}"
        rf"|(?i:{ORDINAL_FLOOR})"
    )


@lru_cache(maxsize=8)
def _said_code(language: str) -> re.Pattern:
    """A postcode of letters and digits said one at a time, or a piece of one: "E un C", "un V cinq"."""
    digit = rf"(?i:{alternatives(list(SINGLE_DIGITS.get(language, SINGLE_DIGITS['en'])))})"
    piece = rf"(?:[A-Z]|{digit})(?![\w'’-])"
    return re.compile(rf"(?=.*(?<![\w'’-])[A-Z](?![\w'’-]))(?=.*(?<![\w'’-]){digit}\b){piece}(?:\s+{piece}){{1,3}}")


@lru_cache(maxsize=8)
def _said_before(language: str) -> re.Pattern:
    """A unit ("Unit 4, "), a floor ("twenty-first floor, ") or a part said in words ("two-one-two ") right
    before a street."""
    floor = rf"(?i:{ORDINAL_FLOOR})\s*,\s+"
    comma = ",?" if language == "fr" else ""  # French writes "14, rue …" and says "quatorze ter, rue …"
    return re.compile(rf"(?:{ANY_CASE_UNIT}\s*,?\s+|{floor}|(?:{_said_part(language).pattern})\s*{comma}[-\s])$")


def join_address_parts(
    texts: list[str],
    detections: list[Detection],
    language: str = "en",
    doubtful: list[Detection] = (),
    docs: list[Doc] = (),
) -> list[Detection]:
    """The detections, with each street address (or street found as a name: "Rúa Eduardo Cabello", the
    "Jerusalén" of "calle Jerusalén") grown over the parts around it; a street grown so is a street address.
    With the turns' parsed `docs`, a piece no pattern knows joins where the parser reads it as a place's name, a
    landmark or the house described (French and Spanish).
    A `doubtful` name (set aside for review) comes back only where an address grows from it: "Corrientes...
    eh, cuatro mil ciento, entre Bulnes y Medrano"."""
    streets = _streets_named(texts, language) if language in ("es", "fr") else set()  # "calle X"
    detections = [_cut_at_a_sentence_end(texts[d.turn], d, language) for d in detections]
    detections = detections + _named_streets_with_numbers(texts, streets, language)
    grown = [_grown(texts, d, detections, streets, language, docs) for d in detections]
    for d in (d for d in doubtful if _a_place_or_a_name_inside_a_sentence(texts[d.turn], d)):
        address = _grown(texts, d, detections + [d], streets, language, docs)
        if _an_address_of_its_own(address, d, detections):
            grown.append(address)
    for d in _landmarks(texts, docs, language):  # "pasando la garita, al lado del minisúper Los Primos, frente a…"
        address = _grown(texts, d, detections + [d], streets, language, docs)
        if address.end > d.end and _a_place_in(address.text) and _an_address_of_its_own(address, d, detections):
            grown.append(address)
    for d in _names_with_house_numbers(texts, detections + list(doubtful), language):
        address = _grown(texts, d, detections + [d], streets, language, docs)
        text = texts[d.turn]
        a_name = is_unlisted_word(d.text.lower(), language) or _inside_a_sentence(text, d)
        by_its_block = _said_by_its_block(text, d.end, language) and a_name
        said_so = _ADDRESS_WORDS.search(text, d.end, address.end) or by_its_block  # not "Llamamos al 112"
        if said_so and _an_address_of_its_own(address, d, detections):
            grown.append(address)
    grown = [_with_its_area_word(texts[d.turn], d) for d in grown]
    grown += _continued_in_a_later_turn(texts, grown, language, docs)
    return grown + _false_starts(texts, grown, language)


def _numbered_or_a_unit(piece: str, language: str) -> bool:
    """A piece that opens with a number ("cuarenta y ocho, …"), a unit ("oficina tres", "bâtiment C",
    "rez-de-chaussée") or a floor ("Tercer piso"); not a clause with a number in it ("Estuve en Mendoza 2019")."""
    if re.match(rf"\d|(?i:{number_word_pattern(language)})", piece):
        return True
    unit = re.match(UNIT, piece) or _UNIT_PART.match(piece) or re.match(rf"(?i:{SAID_UNIT})(?![\w-])", piece)
    return bool(unit or re.match(rf"(?i:{ORDINAL_FLOOR})", piece))


_TURN_OPENING = re.compile(r"\s*(?:(?:\.{3}|…)\s*)?")  # "... bâtiment des enseignants, …": the speaker goes on
_FIRST_PIECE = re.compile(r"[^,.…;:?!¿¡\"“«]+")
TURNS_BETWEEN = 2  # the other speaker's question between: "Perdona, ¿piso o puerta?"


def _continued_in_a_later_turn(
    texts: list[str], found: list[Detection], language: str, docs: list[Doc]
) -> list[Detection]:
    """An address the other speaker cut off ("… número setenta y dos..." / "Perdona, ¿piso o puerta?" /
    "Tercer piso, oficina tres, y el código es …"): a turn shortly after one that ends on an address, and that opens
    with a part of an address that has a number or names a unit ("oficina tres", "bâtiment C"), goes on with it,
    over the parts that follow."""
    ending = {d.turn for d in found if d.entity_type == "STREET_ADDRESS" and not texts[d.turn][d.end :].strip(" .…")}
    continued = []
    for turn, text in enumerate(texts):
        if not ending & set(range(turn - TURNS_BETWEEN, turn)):
            continue
        start = _TURN_OPENING.match(text).end()
        piece = _FIRST_PIECE.match(text, start)
        end = start + len(piece.group().rstrip()) if piece else start
        others = [d for d in found if d.turn == turn]
        found_here = any(d.start < end and start < d.end and d.entity_type not in PLACE_TYPES for d in others)
        if found_here or not _numbered_or_a_unit(text[start:end], language):
            continue  # found already ("El 46011, perfecto", "Mine's <phone>"), or no part of one ("Uy, qué lío")
        doc = docs[turn] if docs else None
        if _is_part(text, start, end, others, language) or _a_piece((start, end), others, language, doc, True):
            start, end = _chain(text, (start, end), others, language, doc)
            continued.append(Detection(turn, start, end, "STREET_ADDRESS", 0.6, "address continued", text[start:end]))
    return continued


_AREA_WORD_BEFORE = re.compile(
    rf"(?i)(?<![\w'’-]){alternatives(sorted(AREA_WORDS))}"
    r"(?:\s+(?:de la|de los|de las|del|de|du|des))?\s+$"
)


def _with_its_area_word(text: str, d: Detection) -> Detection:
    """A street address with the word for its area right before it ("barrio El Centro, del parque…", "la
    comarca La Fundadora, kilómetro…"): the word is the address's too."""
    lead = _AREA_WORD_BEFORE.search(text, 0, d.start) if d.entity_type == "STREET_ADDRESS" else None
    return replace(d, start=lead.start(), text=text[lead.start() : d.end]) if lead else d


def _landmarks(texts: list[str], docs: list[Doc], language: str) -> list[Detection]:
    """Each landmark said as a part of an address ("pasando la capilla San Roque"), or read as one by the parser
    ("derrière la pharmacie du marché", "la maison au portail bleu"), to grow from: where there are no street
    numbers a house is found from landmarks, a distance and the house itself; the caller keeps those that go on
    with more parts; not one that may say a time ("después de la misa, frente al televisor")."""
    listed = [
        (turn, m.start(), m.end())
        for turn, text in enumerate(texts)
        for m in re.finditer(rf"(?<![\w'’-])(?:{_LANDMARK_PART})(?=\s*{_PAUSE})", text)
    ]
    parsed = [
        (turn, start, end)
        for turn, doc in enumerate(docs if language in PIECE_LANGUAGES else ())
        for start, end in _pieces_before_a_pause(texts[turn])
        if a_landmark_piece(doc, start, end, language) or a_house_piece(doc, start, end, language)
    ]
    return [
        Detection(turn, start, end, "STREET_ADDRESS", 0.7, "landmarks", texts[turn][start:end])
        for turn, start, end in sorted(set(listed + parsed))
        if not may_say_a_time(texts[turn][start:end])
    ]


def _pieces_before_a_pause(text: str) -> list[tuple[int, int]]:
    """Where each piece of `text` between two pauses or sentence ends starts and ends, for those a pause follows."""
    bounds = [0, *(m.end() for m in re.finditer(rf"{_PAUSE}|[.;:?!¿¡\"“«]", text))]
    pieces = (re.match(rf"\s*([^,…;:?!.\"”»]+?)(?=\s*{_PAUSE})", text[begin:]) for begin in bounds)
    return [(begin + m.start(1), begin + m.end(1)) for begin, m in zip(bounds, pieces) if m]


_PLACE_SAID = re.compile(rf"(?i:(?<![\w-])(?:{_LANDMARKS})(?![\w-])|{_UNITS_OF_DISTANCE})|(?<=\s)[A-ZÀ-Ý][\w'’-]*|\d")


def _a_place_in(landmarks: str) -> bool:
    """Landmarks that say where a house is: one a map knows ("la capilla", "frente a la cancha"), a distance, a
    name or a number; not where things are in a room ("detrás del mostrador, al lado de la caja")."""
    return _PLACE_SAID.search(landmarks) is not None or any(
        _HOUSE_DESCRIBED.fullmatch(part.strip()) for part in re.split(_PAUSE, landmarks)
    )


def _cut_at_a_sentence_end(text: str, d: Detection, language: str) -> Detection:
    """A street address that a recognizer ran past the end of its sentence into the next one ("12 rue Victor
    Hugo. Mon fils…"), back to that end: where a word said every day opens the next sentence; a dot after an
    abbreviation ("Av. Gral. Paz"), an initial or a digit ("P.O. Box", "2. OG") is none."""
    if d.entity_type != "STREET_ADDRESS":
        return d
    for end in _SENTENCE_END.finditer(text, d.start, d.end):
        opener = re.match(r"\s+([\w'’]+)", text[end.end() : d.end])
        initial = re.search(r"(?<![\w'’-])(?:[A-Z]|\d)$", text[d.start : end.start()])  # "P.O. Box", "2. OG"
        if (
            end.start() > d.start
            and not initial
            and opener
            and is_common_word(opener.group(1), CLAUSE_WORD_ZIPF, language)
        ):
            return replace(d, end=end.start(), text=text[d.start : end.start()])
    return d


def _false_starts(texts: list[str], found: list[Detection], language: str) -> list[Detection]:
    """The address a speaker began and corrected, right before the right one ("Onze, rue... non pardon, onze quai
    des Goémoniers"): an address of its own, so that the right one said again alone is still the same."""
    starts = []
    for d in found:
        if d.entity_type == "STREET_ADDRESS":
            others = [o for o in found if o.turn == d.turn]
            fragment = _false_start_before(texts[d.turn], d.start, others, language)
            if fragment is not None:
                text = texts[d.turn][slice(*fragment)]
                starts.append(Detection(d.turn, *fragment, "STREET_ADDRESS", d.score, "corrected address", text))
    return starts


def street_names_said_alone(review: list[Detection], found: list[Detection]) -> list[Detection]:
    """Names set aside for review that are the street of an address found in the transcript ("Corrientes", said
    alone, where "Corrientes... eh, cuatro mil ciento, entre Bulnes y Medrano" is an address): places."""
    addresses = [d.text for d in found if d.entity_type == "STREET_ADDRESS" and not re.match(ANY_CASE_UNIT, d.text)]
    streets = {m.group(1).casefold() for text in addresses if (m := _LEADING_NAME.match(text))}  # not "Flat 2"
    return [
        replace(d, entity_type="LOCATION", rule="street of an address")
        for d in review
        if d.entity_type in ("LOCATION", "PERSON") and d.text.casefold() in streets
    ]


# the name an address starts with, after its street word: "Rivadavia" of "Av. Rivadavia 5012, 3º B"
_LEADING_NAME = re.compile(
    rf"(?:(?i:{STREET_WORD})\.?\s+(?:{_OF}\s+)?)?([A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){{0,2}})(?=[\s,.…]|$)"
)


def _a_place_or_a_name_inside_a_sentence(text: str, d: Detection) -> bool:
    """A place, or a capitalised name no sentence starts with ("vivía en Patria al mil doscientos"; not a verb
    opening one, "Llamamos al 112")."""
    return d.entity_type in ("LOCATION", "STREET_ADDRESS") or (
        d.entity_type == "PERSON" and _inside_a_sentence(text, d)
    )


def _inside_a_sentence(text: str, d: Detection) -> bool:
    """Whether a word comes before `d` in its sentence (quotes aside: 'Te dicen "Patria al mil"')."""
    before = text[: d.start].rstrip(" \"“«'¿¡")
    return bool(before) and before[-1] not in ".?!:…"


def _an_address_of_its_own(address: Detection, seed: Detection, detections: list[Detection]) -> bool:
    """The seed grew into a street address that takes in nothing found as something else (a phone's digits
    are no house number: "Llamamos al 959 555 031")."""
    if address.entity_type != "STREET_ADDRESS" or (address.start, address.end) == (seed.start, seed.end):
        return False
    return not any(
        o.turn == address.turn and o.entity_type not in PLACE_TYPES and o.start < address.end and address.start < o.end
        for o in detections
    )


# what only an address says: a unit, a postcode, the streets a house is between or at the corner of
_ADDRESS_WORDS = re.compile(
    rf"(?<![\w-])(?:{ANY_CASE_UNIT}|(?i:{SAID_UNIT}|{POSTCODE_WORDS}|entre|{_ES_CORNER})(?![\w-]))"
)


def _names_with_house_numbers(texts: list[str], detections: list[Detection], language: str) -> list[Detection]:
    """Capitalised words nothing found, a house number after them ("Corrientes... eh, cuatro mil ciento"):
    a street named alone, as Argentina and Uruguay say it, where the address goes on with words only an
    address has (kept by the caller)."""
    if language != "es":
        return []
    found = []
    for turn, text in enumerate(texts):
        taken = [(o.start, o.end) for o in detections if o.turn == turn]
        for name in re.finditer(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}", text):
            clause = is_common_word(name.group().split()[0], CLAUSE_WORD_ZIPF, language)
            number_end = name.end() + _house_number_after(text, name.end(), language)
            overlaps = any(start < number_end and name.start() < end for start, end in taken)  # a phone's digits
            if not clause and not overlaps and number_end > name.end():
                found.append(Detection(turn, name.start(), name.end(), "LOCATION", 0.8, "street", name.group()))
    return found


def _grown(
    texts: list[str], d: Detection, detections: list[Detection], streets: set[str], language: str, docs: list[Doc]
) -> Detection:
    """`d` grown over the parts of the address it starts or names, as a street address; else `d`."""
    text, others = texts[d.turn], [o for o in detections if o.turn == d.turn]
    doc = docs[d.turn] if docs else None
    seed = _street_seed(text, d)
    numbered = None if seed is not None else _name_and_house_number(text, d, language)
    if seed is not None:
        named = seed  # "barrio de Xonaca" alone stays the place it was found as
        number = _house_number_after(text, seed[1], language)
        seed = (seed[0], seed[1] + number) if number else seed  # "calle Belgrano cuatrocientos…"
        seed = (seed[0], seed[1] + _unit_suffix_length(text, seed[1]))  # "Keizersgracht 214-III"
        seed = (seed[0], _units_after(text, seed[1]))  # "Progreso 120 int. 3": units with no pause before
        start, end = _chain(text, seed, others, language, doc)
        chained = (start, end) != named  # by the chain, or by the house number alone
        if chained or (d.entity_type == "STREET_ADDRESS" and (start, end) != (d.start, d.end)):  # or its "calle"
            d = Detection(d.turn, start, end, "STREET_ADDRESS", d.score, d.rule, text[start:end])
    elif numbered is not None or (numbered := _number_and_name(text, d, language)) is not None:
        start, end = _chain(text, numbered, others, language, doc)
        if (
            _more_parts(text, numbered, end, d, language)
            or d.text.casefold() in streets  # or named before
            or _said_by_its_block(text, d.end, language)
        ):
            d = Detection(d.turn, start, end, "STREET_ADDRESS", d.score, d.rule, text[start:end])
    return d


def _unit_suffix_length(text: str, end: int) -> int:
    """A flat or floor written onto the house number: "-III" of "Keizersgracht 214-III", "/2" of "Calle 8 45/2"."""
    suffix = re.match(r"[-/][0-9IVX]{1,4}(?![\w-])", text[end:]) if text[end - 1 : end].isdigit() else None
    return suffix.end() if suffix else 0


def _units_after(text: str, end: int) -> int:
    """Where the units written right after a house number end ("Progreso 120 int. 3", "Calle 45 Blq 12 #8")."""
    if not re.search(r"\d[A-Za-z]?$", text[:end]):
        return end
    while unit := re.match(rf"\s+{ANY_CASE_UNIT}(?![\w-])", text[end:]):
        end += unit.end()
    return end


def _number_and_name(text: str, d: Detection, language: str) -> tuple[int, int] | None:
    """A house number right before a name, in digits or words ("21 Lorong Lian Shan", "el seis cuatro dos
    cero de Bissonnet"): a street, when more parts of an address follow it."""
    if d.entity_type not in PLACE_TYPES | {"PERSON"}:
        return None
    number = re.search(r"(?<![\w.,:/-])\d{1,5}[A-Za-z]?\s+$", text[: d.start])
    if number:
        return number.start(), d.end
    said = _house_number_said_before(text, d.start, language)
    return (said, d.end) if said is not None else None


_HUNDREDS = r"(?:cien|ientos|mil|quinientos|novecientos)"  # "ciento", "doscientos", "mil": a block's number


def _said_by_its_block(text: str, end: int, language: str) -> bool:
    """A name, then "al" and a number of hundreds: a street and its block, as Argentina and Uruguay say
    where someone lives ("Corrientes al 3400", "Rivadavia al cinco mil"); not a year ("Bogotá al 2030")."""
    if language != "es":
        return False
    block = re.match(rf"\s+al\s+(\d{{3,5}}(?![\w-])|(?i:{number_word_pattern(language)}))", text[end:])
    if block is None or re.fullmatch(r"(?:19|20)\d\d", block.group(1)):
        return False
    return block.group(1)[0].isdigit() or bool(re.search(_HUNDREDS, block.group(1), re.IGNORECASE))


def _more_parts(text: str, numbered: tuple[int, int], end: int, d: Detection, language: str) -> bool:
    """Whether the address grew past the numbered name; where the name came after a number said in words
    ("three Tesco, Aldi" is a count), only by a unit or a number ("…, apartamento doscientos doce")."""
    if end <= numbered[1]:
        return False
    if numbered[0] == d.start or text[numbered[0]].isdigit():
        return True
    added = text[numbered[1] : end]
    return bool(re.search(rf"\d|{UNIT}", added) or re.search(number_word_pattern(language), added, re.IGNORECASE))


def _named_streets_with_numbers(texts: list[str], streets: set[str], language: str) -> list[Detection]:
    """A street named before, said again with a house number ("¿Belgrano cuatrocientos cincuenta y seis?",
    "Belgrano 456, sí")."""
    found = []
    for street in streets:
        pattern = re.compile(rf"(?<![\w-]){re.escape(street)}(?![\w-])", re.IGNORECASE)
        for turn, text in enumerate(texts):
            for match in pattern.finditer(text):
                number = _house_number_after(text, match.end(), language, comma=True)
                if number and match.group().split()[-1][:1].isupper():  # "Belgrano", "del Carmen"
                    end = match.end() + number
                    found.append(
                        Detection(turn, match.start(), end, "STREET_ADDRESS", 0.8, "street", text[match.start() : end])
                    )
    return found


def _house_number_after(text: str, end: int, language: str, comma: bool = False) -> int:
    """The length of a house number right after `end` (or after a comma), in digits or words, else 0
    ("Mendoza al dos mil cien": Argentina says a block by its number); a pause with a hesitation may come
    first, and in Spanish "número" with a pause and "el" ("Corrientes... eh, cuatro mil", "Ronda de Valencia,
    eh... número... el ocho")."""
    number = _house_number(language, comma).match(text, end)
    return number.end() - end if number else 0


@lru_cache(maxsize=16)
def _house_number(language: str, comma: bool) -> re.Pattern:
    hesitation = rf"\s*{_PAUSE}\s*(?:{_FILLER_WORD}\s*{_PAUSE}?\s*)+"  # ", eh... ", "... este, "
    lead = rf"(?:{hesitation}|\s*(?:\.{{3}}|…)\s*|{',' if comma else ''}\s+|\s+)"
    at = r"(?:(?:al|número|nro\.?|n[º°]\.?)(?:\s*(?:\.{3}|…))?\s+(?:el\s+)?)?" if language == "es" else ""
    return re.compile(
        rf"{lead}{at}(?:\d{{1,5}}[A-Za-z]?(?![\w-])|(?:{number_word_pattern(language)}))"
        rf"(?!\s+{_COUNTED}){_CORNER if language == 'es' else ''}"
    )


def _streets_named(texts: list[str], language: str) -> set[str]:
    """The names said after a street word anywhere in the transcript ("calle Belgrano" -> "belgrano"), and
    the last word of a longer one, by which people shorten it ("Ameghino" of "Florentino Ameghino")."""
    name = r"(?:(?:de la|del|de|los|las|la|el|da|do|das)\s+)?[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*){0,2}"
    pattern = re.compile(rf"(?i:(?<![\w-])(?:{STREET_WORD})){_PAUSED}\s+({name})")
    names = {m.group(1).casefold() for text in texts for m in pattern.finditer(text)}
    last_words = {n.split()[-1] for n in names if len(n.split()) > 1}
    return names | {w for w in last_words if not is_common_word(w, PLACE_WORD_ZIPF, language)}


def _name_and_house_number(text: str, d: Detection, language: str) -> tuple[int, int] | None:
    """A name with a house number after it, in digits or words ("Mendoza 4512", "Belgrano cuatrocientos
    cincuenta y seis"): a street named without a street word, as Argentina, Uruguay and Chile say them, when
    more parts of an address follow it or the street was named as one before."""
    if d.entity_type not in PLACE_TYPES | {"PERSON"}:
        return None
    number = _house_number_after(text, d.end, language)
    return (d.start, d.end + number) if number else None


def _street_seed(text: str, d: Detection) -> tuple[int, int] | None:
    """Where a street address starts and ends, if `d` is one or names a street or an area: the name with the
    street or area word before it ("calle Jerusalén", "jirón Huallaga 432", "urbanización Santa Luzmila"), or a
    name that is a street ("Dumbarton Road")."""
    if d.entity_type not in PLACE_TYPES | {"PERSON"}:
        return None
    lead = re.search(rf"(?<![\w/.-])({_AREA_TWO_WORDS}|[\w-]+[/.]?){_PAUSED}(?:\s+{_OF})?\s+$", text[: d.start])
    if lead and (lead.group(1).lower() in STREET_WORDS | AREA_WORDS or re.fullmatch(_AREA_TWO_WORDS, lead.group(1))):
        return lead.start(1), d.end  # "calle", "C/", "urbanización", "lieu-dit"
    if lead and _hamlet(lead, d):
        return lead.start(1), d.end  # "lugar de Pedrouzos": a Galician or Asturian hamlet
    if d.entity_type == "STREET_ADDRESS":
        return d.start, d.end
    words = d.text.split()
    is_street = len(words) > 1 and (
        words[0].lower() in STREET_WORDS | AREA_WORDS or re.fullmatch(STREET_TYPES, words[-1])
    )  # "Dumbarton Road", "Residencias Los Samanes"
    return (d.start, d.end) if is_street else None


def _said_part_before(text: str, start: int, others: list[Detection], language: str) -> int | None:
    """Where a part said right before `start` begins ("dix-sept, chemin …"), if it is one; a word before it that
    is no part is left out ("Au cent quarante-six ter, rue …": not "Au")."""
    said = _said_before(language).search(text[:start])
    for _ in range(MAX_PART_WORDS):
        if said is None:
            return None
        said_end = said.start() + len(said.group().rstrip(" ,-"))
        if _is_part(text, said.start(), said_end, others, language):
            return said.start()
        next_word = re.search(r"\s", text[said.start() : start])
        if next_word is None:
            return None
        said = _said_before(language).search(text[:start], said.start() + next_word.end())
    return None


def _hamlet(lead: re.Match, d: Detection) -> bool:
    """ "lugar de Pedrouzos", a hamlet in the north of Spain, where the name after "lugar" is a place found as
    one ("en lugar de Madrid", instead of Madrid, becomes an address only if a number or unit follows)."""
    return lead.group(1).lower() == "lugar" and d.entity_type == "LOCATION"


def _chain(
    text: str, seed: tuple[int, int], others: list[Detection], language: str, doc: Doc | None = None
) -> tuple[int, int]:
    start, end = seed
    said_before = _said_before(language).search(text[:start]) is not None  # "dix-sept, chemin …": its number
    while match := _NEXT_PART.match(text[end:]):
        part_start, part_end = end + match.start(1), end + match.end(1)
        pause = re.sub(r"\.{3}|…", " ", text[end:part_start])
        grown = end > seed[1]  # an address of two parts or more, like one with a number, takes "en <town>"
        numbered = grown or said_before or _numbered(text, start, end, language)
        if _SENTENCE_END.search(pause):
            break
        if not _is_part(text, part_start, part_end, others, language, bool(numbered)):
            piece = _a_piece((part_start, part_end), others, language, doc, bool(numbered))
            part_end = part_end if piece else _restart_end(text, (part_start, part_end), others, language)
            if part_end is None:
                break
        end = part_end
    while True:
        if (said := _said_part_before(text, start, others, language)) is not None:
            start = said  # "two-one-two Dumbarton Road", "Block two one six"
        elif (house := _house_number_said_before(text, start, language)) is not None:
            start = house  # "It's sixty-four twenty Bissonnet Street", "dos mil ciento cincuenta de la Siete Calle"
        elif (unit := _UNIT_BEFORE.search(text[:start])) and re.match(
            rf"\d|{number_word_pattern(language)}", text[start:]
        ):
            start = unit.start()  # "lote doce de la parcelación Las Brisas": the unit whose number starts it
        elif (part := _part_before(text, start)) and (
            _is_part(text, *part, others, language) or text[start:].lower().startswith(text[slice(*part)].lower())
        ):
            start = part[0]  # a part, or the words the address goes on with, said twice: "piso... piso seis"
        elif part and _a_piece(part, others, language, doc, _numbered(text, start, end, language)):
            start = part[0]  # "Residencias Los Samanes, piso cuatro, …", "pasando la escuela, la tercera casa…"
        elif place := _place_before(text, start, others):
            start = place.start  # "la dirección era San Rafael de Heredia, del Más x Menos cien metros sur"
        elif (town := _town_right_before(text, start, others, language)) is not None:
            start = town  # "Cardiff CF14 5AB": the town, then its postcode
        elif (floor := _FLOOR_ORDINAL_BEFORE.search(text[:start])) and re.match(r"(?i)floor\b", text[start:]):
            start = floor.start()  # "3rd" of "3rd Floor, Pioneer Towers", where the address was found from "Floor"
        else:
            return start, end


_CORRECTED_BEFORE = re.compile(rf"{_PAUSE}?\s*(?:{_CORRECTION})\s*{_PAUSE}?\s*$")
_ONE_STOP = re.compile(r"(?<!\.)[.?!:;](?!\.)")  # a sentence end or a colon; not a pause ("...")


def _numbered(text: str, start: int, end: int, language: str) -> bool:
    """Whether the address from `start` to `end` has a number, in digits or said in words."""
    return bool(re.search(r"\d", text[start:end]) or _said_part(language).search(text, start, end))


def _a_piece(part: tuple[int, int], others: list[Detection], language: str, doc: Doc | None, numbered: bool) -> bool:
    """A piece no pattern knows that the parser reads as a part of an address: a place's name once the address
    has a number ("…, colonia Estado de México"), a landmark ("…, derrière la pharmacie du marché") or the house
    described ("…, la casa de adobe con techo de calamina"); not one holding something found as other than a
    place (not "…, celular +52 33 5550 1842")."""
    start, end = part
    if any(o.start < end and start < o.end for o in others if o.entity_type not in PLACE_TYPES):
        return False
    named = numbered and a_place_piece(doc, start, end, language)
    return named or a_landmark_piece(doc, start, end, language) or a_house_piece(doc, start, end, language)


def _false_start_before(text: str, start: int, others: list[Detection], language: str) -> tuple[int, int] | None:
    """Where an address the speaker began and corrected stands, with the correction, right before `start` ("Onze,
    rue... non pardon," before "onze quai…", "Twelve Elm... sorry," before "fourteen Elm Street", "c'est au douze
    bis, non pardon," before "quatorze bis rue…"): the pieces before the correction back to the sentence's start
    that are parts of an address or start with a street's word, the first of them possibly only a house number
    or a street at its end ("c'est au douze bis"), nothing in it found as something else; None if there is none."""
    correction = _CORRECTED_BEFORE.search(text[:start])
    if correction is None or correction.start() == start:
        return None
    stops = [m.end() for m in _ONE_STOP.finditer(text, 0, correction.start())]
    begun = _where_the_false_start_begins(text, stops[-1] if stops else 0, correction.start(), language)
    if begun is None:
        return None
    if any(o.entity_type not in PLACE_TYPES and o.start < correction.start() and begun < o.end for o in others):
        return None
    return begun, len(text[: correction.end()].rstrip(" ,"))


def _where_the_false_start_begins(text: str, begin: int, end: int, language: str) -> int | None:
    """Reading the pieces between `begin` and `end` from the last: where the address-like ones start (a piece
    that is a part of an address or starts with a street's word, or the address-like end of the first piece
    that is not one); None when the last piece is neither."""
    bounds = [begin] + [m.end() for m in re.finditer(_PAUSE, text[begin:end])] + [end]
    pieces = [(bounds[k], bounds[k + 1]) for k in range(len(bounds) - 1)]
    begun = None
    for piece_start, piece_end in reversed(pieces):
        raw = text[piece_start:piece_end]
        piece = re.sub(rf"{_PAUSE}$", "", raw.strip()).strip()
        if not piece:
            return begun
        offset = piece_start + raw.index(piece)
        if len(piece.split()) <= MAX_PART_WORDS and (
            piece.split()[0].lower() in STREET_WORDS or _is_part(piece, 0, len(piece), [], language)
        ):
            begun = offset
            continue
        tail = _address_end(piece, language)
        return offset + tail if tail is not None else begun
    return begun


@lru_cache(maxsize=8)
def _house_or_street_at_the_end(language: str) -> re.Pattern:
    """A house number (in words or digits, with "bis"/"ter") or a street's word and what follows it, at the end
    of a piece of speech: "c'est au douze bis", "elle habite rue des Lilas"."""
    number = rf"(?:(?i:{number_word_pattern(language)})|\d{{1,5}}[A-Za-z]?)(?:\s+(?:bis|ter|quater))?"
    named = r"(?:\s+[\w'’-]+){1,4}"
    return re.compile(rf"(?<![\w'’-])(?:{number}|(?i:{STREET_WORD}){named})$")


def _address_end(piece: str, language: str) -> int | None:
    """Where a house number or a street said at the end of `piece` starts; None if it does not end so."""
    said = _house_or_street_at_the_end(language).search(piece)
    return said.start() if said is not None else None


def _restart_end(text: str, part: tuple[int, int], others: list[Detection], language: str) -> int | None:
    """Where the next part ends when it starts again with this one's words, as people dictate ("manzana...
    manzana ciento cuatro", "pasaje... pasaje San Martín"); None when it does not, or is no part."""
    said = text[slice(*part)]
    match = _NEXT_PART.match(text[part[1] :])
    if match is None or not match.group(1).lower().startswith(said.lower()):
        return None
    start, end = part[1] + match.start(1), part[1] + match.end(1)
    return end if _is_part(text, start, end, others, language) else None


@lru_cache(maxsize=8)
def _number_then_street(language: str) -> re.Pattern:
    """A house number said in words at the end of a text, before the street's name ("sixty-four twenty ")
    or, in Spanish, before "de (la)" and the name ("tres mil doscientos diez de la ", "seis cuatro dos cero
    de ")."""
    of = r"(?:de\s+la|del|de)\s+" if language == "es" else ""
    return re.compile(rf"(?i:{number_word_pattern(language)})\s+{of}$")


def _house_number_said_before(text: str, start: int, language: str) -> int | None:
    """Where a house number said in words right before the street at `start` begins; None if there is none.
    (The number alone: the word before it, "It's", "era", is no part of the address.) English and Spanish, as
    US addresses are said; French says "vingt-deux rue …", with the street word."""
    if language not in ("en", "es"):
        return None
    said = _number_then_street(language).search(text[:start])
    return said.start() if said is not None and said.start() < start else None


def _place_before(text: str, start: int, others: list[Detection]) -> Detection | None:
    """A town or a place (not an organisation) found right before `start`, set off by a comma or a pause."""
    before = text[:start].rstrip()
    pause = re.search(rf"{_PAUSE}$", before)
    if pause is None:
        return None
    end = len(before[: pause.start()].rstrip())
    return next((o for o in others if o.entity_type == "LOCATION" and o.end == end and o.start < start), None)


def _town_right_before(text: str, start: int, others: list[Detection], language: str) -> int | None:
    """Where a town right before a postcode starts, with only a space between: a place found there, or one
    capitalised word ("Cardiff CF14 5AB", "Singapore 569871")."""
    end = len(text[:start].rstrip())
    if end == start or not re.match(r"[A-Z]{0,2}\d", text[start:]):
        return None
    place = next((o for o in others if o.entity_type in PLACE_TYPES and o.end == end and o.start < end), None)
    if place is not None:
        return place.start
    word = re.search(r"(?<![\w'’-])[A-Z][a-z]+$", text[:end])
    clause = word is not None and is_common_word(word.group(), CLAUSE_WORD_ZIPF, language)
    return word.start() if word and not clause else None


def _part_before(text: str, start: int) -> tuple[int, int] | None:
    """The part just before `start` after a comma or a pause, back to the previous one, a colon or a sentence
    end."""
    before = text[:start].rstrip()
    pause = re.search(rf"{_PAUSE}$", before)
    if pause is None:
        return None
    body = before[: pause.start()]
    ends = [*(body.rfind(mark) for mark in ',:…"“«'), *(m.end() - 1 for m in _SENTENCE_END.finditer(body))]
    part_start = max(ends) + 1
    part_start += len(body[part_start:]) - len(body[part_start:].lstrip())
    if (lead := _IN_THE.match(body, part_start)) and lead.end() < len(body):
        part_start = lead.end()  # "en la parcela siete, kilómetro…": the part, not the preposition
    elif numbered := _NUMBERED_AFTER_IN.search(body, part_start):
        part_start = numbered.end()  # "Ellos están en 27 de Abril doscientos cincuenta, piso seis": from the number
    return (part_start, len(body)) if part_start < len(body) else None


def _is_part(text: str, start: int, end: int, others: list[Detection], language: str, numbered: bool = True) -> bool:
    """A part of an address: found as a place or an address itself, or shaped like a unit, a postcode, a
    street with its number, or a number said in words; not a clause that starts with an everyday word ("It's
    Unit 4", "O en la gestoría"). Once the address has a number, a town may come with "en" ("… en Parla")."""
    part = text[start:end].strip()
    if not part:
        return False
    if len(part.split()) > MAX_PART_WORDS:  # only a number said digit by digit is that long
        return bool(_said_part(language).fullmatch(part)) and not part[:1].isupper()
    if _LANDMARK.fullmatch(part) or _HOUSE_DESCRIBED.fullmatch(part):  # "en face du commissariat": no town's "en"
        return True
    first = part.split()[0]
    lead = _IN_THE.match(part) if numbered else None  # "… primero A... en Parla", "en la parcela 7"
    if lead and lead.end() < len(part):
        start += text[start:end].index(part) + lead.end()
        part = part[lead.end() :]
        first = part.split()[0]
    elif first.lower() in STREET_WORDS:  # "boulevard Nangui Abrogoua": the street word, then the name found
        start += text[start:end].index(first) + len(first) + 1
        if re.fullmatch(rf"{number_word_pattern(language)}|\d{{1,4}}[A-Z]?", part[len(first) :].strip(), re.I):
            return True  # "pasaje cuatro", "calle 8": a street known by its number
    if any(o.entity_type in PLACE_TYPES and o.start <= start and end <= o.end for o in others):
        return True
    if _DISTRICT_PART.fullmatch(part) or re.fullmatch(r"[A-Z]", part) and part.lower() not in stop_words(language):
        return numbered  # "bâtiment B... non, C": a unit's letter, said again
    if re.match(UNIT, part) or _UNIT_PART.match(part) or _unknown_place(part, language) or _BUILDING.fullmatch(part):
        return True
    shaped = _PART.match(part) or _said_part(language).fullmatch(part) or _said_code(language).fullmatch(part)
    clause = first[:1].isupper() and is_common_word(first, CLAUSE_WORD_ZIPF, language) and not first.endswith(".")
    letter = len(first) == 1 and first.lower() not in stop_words(language)  # "L quatre mille cinquante": a prefix
    clause = clause and not letter and not re.fullmatch(number_word_pattern(language), part, re.IGNORECASE)
    return bool(shaped) and not clause  # "Co. Clare", "Av. Corrientes" are abbreviations


def _unknown_place(part: str, language: str) -> bool:
    """One to three capitalised words, none of them an ordinary word: a neighbourhood or town the model did
    not know ("Miraflores"; not "Bueno", not "O en la gestoría", not "Ann Roy at Roy Logistics")."""
    words = part.split()
    return len(words) <= 3 and all(
        w[:1].isupper() and w[1:].islower() and not is_common_word(w, PLACE_WORD_ZIPF, language) for w in words
    )
