"""Presidio recognizers for street addresses and postcodes, in the formats of the supported countries.

An address is a house number and a street ("14 Marlowe Road", "221 Elm St", "12 rue des Lilas",
"Calle Mayor 15"), with what usually follows it: a flat or unit ("Apt 4B", "Flat 3", "3º B"), the town,
the state or county, the postcode. Postcodes with a shape of their own (UK, Canada, Ireland, US ZIP+4)
are found alone too; a bare five-digit number only next to a state or a postcode word.
"""

from __future__ import annotations

import re
from functools import lru_cache

from presidio_analyzer import Pattern, PatternRecognizer

from anonymise.regex_recognizer import regex_recognizer
from anonymise.spoken import ES_LETTER_NAMES, HESITATIONS, number_word, number_word_pattern

STREET_TYPES = (
    r"(?:Street|St|Avenue|Ave|Av|Road|Rd|Terrace|Tce|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Boulevard|Blvd|Way|Close|"
    r"Crescent|Cres|Square|Sq|Gardens|Gdns|Grove|Row|Parkway|Pkwy|Highway|Hwy|Walk|Mews|Hill|Park|Circle|Cir|"
    r"Trail|Parade|Pde|Esplanade|Quay|Wharf|Green|Rise|Vale|View|Heights|Mall|Plaza|Alley|Loop|Crossing|"
    r"Nagar|Marg|Cross|Main|Layout|Colony|Estate|Pike|Turnpike|Ridge|Bend|Point|Wynd|Brae|Causeway|Embankment|"
    r"Circus|Broadway|Expressway|Freeway|Route)"
)
_DIRECTION = r"(?:North|South|East|West|N|S|E|W|NE|NW|SE|SW|Upper|Lower)"
# one-word streets of German and Dutch (Oranienstraße 42, Prinsengracht 263-2)
_COMPOUND_STREET = (
    r"[A-ZÄÖÜ][\wäöüß-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|straat|gracht|laan|plein|"
    r"kade|singel|dijk|steeg)"
)
_BUILDING = (
    r"(?:Apartments|Apartment|Towers|Tower|House|Court|Residency|Enclave|Heights|Complex|Building|Mansions|Block|"
    r"Arcade|Plaza|Centre|Center|Chambers)"
)
STREET_WORDS = {"rue", "avenue", "boulevard", "bd", "chemin", "impasse", "allée", "quai", "cours", "route",
                "place", "calle", "avenida", "bulevar", "plaza", "paseo", "camino", "carretera", "ronda", "travesía",
                "glorieta", "calzada", "jirón", "pasaje", "carrera", "callejón", "rúa", "rua", "c/", "av.", "avda.",
                "av", "avda", "pje.", "jr.", "cl.", "cra.", "diagonal", "transversal", "bulevard", "traverse",
                "montée", "sentier", "ruelle", "voie", "passage", "square", "esplanade", "cerrada", "cda.", "andador",
                "privada", "prolongación", "bv.", "bv", "malecón", "costanera", "rambla", "travessera",
                "carrer", "ctra.", "pza.", "gta.", "trav.", "calz.", "prol.", "psje.", "cno."}  # fmt: skip
STREET_WORD = "|".join(re.escape(w) for w in sorted(STREET_WORDS, key=len, reverse=True))  # a regex, longest first
_ADJECTIVE_STREET_WORDS = {"privada", "cerrada"}  # "una clínica privada": a street only with its capital
_STREET_BEFORE = (  # the street's word, then its name: "rue …", "Calle …", "Pº …"
    "(?:"
    + "|".join(
        re.escape(w)
        for word in sorted(STREET_WORDS, key=len, reverse=True)
        for w in ((word.capitalize(),) if word in _ADJECTIVE_STREET_WORDS else (word, word.capitalize()))
    )
    + r"|rang|Rang|Pº|P\.º|Pso\.|Pje\.|Psje\.|Ctra\.|Trav\.|Cno\.|Urb\.|Jr\.|Cra\.?|Avda\.?)"  # "rang": Québec
)
_UPPER = "A-ZÀ-ÖØ-ÝĀ-Ž"  # "Ōtaki", "Łódź": capitals of Latin-1 and Latin Extended-A
# a street named after a date, as many are in Latin America ("27 de Abril", "18 de Julio", "5 de Mayo")
DATE_STREET = r"\d{1,2}\s+de\s+[A-ZÀ-Ý][a-zà-ÿ]+"
_NAME_WORD = (
    rf"(?:[{_UPPER}][\w'’.-]*|"
    rf"\d+(?:st|nd|rd|th)|{DATE_STREET}|d[eu]s?|de la|del|de los|de las|la|le|les|l'|d'|of|the)"
)
# where there are no streets, or before them, an area with its name: "urbanización Santa Luzmila, calle Los
# Cedros 140", "finca El Porvenir, vereda La Esperanza", "asentamiento humano Jardines de Canto Grande, manzana B"
AREA_WORDS = {"résidence", "immeuble", "cité", "lotissement", "zona", "colonia", "col.", "barrio", "urbanización",
              "urb.", "edificio", "conjunto", "sector", "villa", "residencias", "residencial", "fraccionamiento",
              "vereda", "finca", "fundo", "caserío", "quinta", "parcela", "población", "reparto", "cerro",
              "polígono", "ensanche", "ens.", "parroquia", "bº", "b°", "paraje", "cantón", "aldea", "condominio",
              "barriada", "lotificación", "ejido", "hacienda", "lieu-dit", "hameau", "urb", "parcelación",
              "vda.", "fca.", "ciudadela", "morcellement", "morc.", "comarca", "comunidad", "compañía", "quartier",
              "secteur", "tribu"}  # fmt: skip
_SPANISH_FLOORS = (
    r"(?:primero|segundo|tercero|cuarto|quinto|sexto|séptimo|octavo|noveno|décimo|bajo|entresuelo|ático|"
    r"planta baja|principal|sobreático)"
)
_SPANISH_DOORS = r"(?:izquierda|derecha|izda\.?|dcha\.?|centro)"
_UNIT_WORDS = (
    r"Apartment|Apt|Unit|Suite|Ste|Flat|Room|Floor|Level|#|Bldg|Building|Tower|Block|Wing|Erf|Portion|Lot|"
    r"Plot No|Survey No|Shop No|Door No|House No|Flat No|Plot|Stand|villa|Villa|appartement|appt|bâtiment|bât|"
    r"étage|escalier|app|boîte|bte|case postale|piso|puerta|planta|escalera|esc|portal|depto|departamento|dpto|"
    r"interior|int|apartamento|apto|block|bloque|torre|manzana|lote|parcela|casa|zona|Mz|Mza|Lte|Lt|Office|Sector|"
    r"Phase|Shop|local|oficina|nave|solar|andador|edificio|km|kilómetro|apartado de correos|apartado|Apdo|apartment|"
    r"Stall|Kiosk|Studio|îlot|ilot|lot|bodega|Bod|bloc|Bloc"
)
_UNIT_NUMBER = r"\.?\s*(?:(?:numéro|número|number|n[°º]\.?)\s*)?[0-9A-Z][0-9A-Za-z/-]*"  # "villa numéro 214"
# a unit with a number, as written ("Flat 3/2", "Apt 4B"; the number in capitals or digits)
UNIT = (
    rf"(?:(?:{_UNIT_WORDS}){_UNIT_NUMBER}"
    rf"|(?:{_SPANISH_FLOORS}|premier|deuxième|troisième|quatrième|rez-de-chaussée)(?:\s+(?:{_SPANISH_DOORS}|"
    r"[A-Z](?![\w-])|étage))?"
    r"|\d{1,2}\.\s?(?:OG|Stock|Etage|étage)"
    rf"|\d{{1,2}}\s*[ºª°]\s*(?:{_SPANISH_DOORS}|izq\.?|[A-Z](?![\w-]))?"
    r"|\d{1,2}(?:st|nd|rd|th) floor|\d{1,4}[A-Z](?![\w-])"
    r"|porte\s+(?:gauche|droite|\d{1,4}[A-Z]?|[A-Z])(?![\w-]))"  # "quatrième étage, porte gauche"
)
# a unit whose word ASR wrote in lower case ("flat 2/1", "unit 4"): a part of an address said next to one
ANY_CASE_UNIT = UNIT.replace(f"(?:{_UNIT_WORDS})", f"(?i:{_UNIT_WORDS})", 1)
_PLACE_WORD = rf"(?:[{_UPPER}][\w'’-]*|\d+(?:st|nd|rd|th))"
_PLACE = rf"{_PLACE_WORD}(?:[ -]{_PLACE_WORD}){{0,3}}(?:\s\d{{1,2}}(?![\w-]))?"
_STATE = (
    r"(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|"
    r"V[TA]|W[AVIY]|NSW|VIC|QLD|WA|SA|TAS|ACT|NT|ON|QC|BC|AB|MB|SK|NS|NB|NL|PE|Mass|Calif|Penn|Ill|Co\.? \w+|"
    r"Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    r"Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    r"Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|"
    r"North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|"
    r"Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|British Columbia|Alberta|"
    r"Manitoba|Saskatchewan|Nova Scotia|New South Wales|Victoria|Queensland|Tasmania)"
)
UK_POSTCODE = r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})"
CA_POSTCODE = r"(?:[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d)"
EIRCODE = r"(?:(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4})"
NL_POSTCODE = r"(?:\d{4}\s?[A-Z]{2})"
AR_POSTCODE = r"(?:[A-Z]\d{4}[A-Z]{3})"
# GhanaPost GPS: a region's letter (Ashanti, Greater Accra, …), a district's, then numbers; a year in the middle is
# a reference ("LN-2024-0917"), as is a code of another first letter ("IN-0447-5551")
GH_DIGITAL_ADDRESS = r"(?:[ABCEGNUVWX][A-Z]-(?!(?:19[5-9]|20[0-3])\d-)\d{3,4}-\d{4})"
_NUMERIC_POSTCODE = rf"(?:{NL_POSTCODE}|\d{{5}}(?:-\d{{4}})?|\d{{4}}|\d{{3}}\s?\d{{3}})"
_POSTCODE = rf"(?:{UK_POSTCODE}|{CA_POSTCODE}|{EIRCODE}|{AR_POSTCODE}|{_NUMERIC_POSTCODE})"
_NUMBER_WORDS = (
    r"(?:(?:[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|"
    r"[Tt]en|[Ee]leven|[Tt]welve|[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen)"
)  # "forty-one Orchard Rise"
_HOUSE = (  # "12", "No. 4", "27 bis", "45/2"
    rf"(?:(?:(?:No\.?|Blk|Block|n[ºo°]\.?)\s*)?\d{{1,5}}[A-Za-z]?(?:\s(?:bis|ter)(?![\w-]))?(?:[-/]\d{{1,5}}[A-Za-z]?)?"
    rf"|{_NUMBER_WORDS})"
)
_TAIL = (
    rf"(?:,?\s+{UNIT})*"
    rf"(?:,\s*(?:(?:off|near|opposite|behind|Col\.|barrio|colonia)\s+)?(?:{_POSTCODE}\s+)?{_PLACE}(?:\s*\({_PLACE}\))?)*"
    rf"(?:,?\s+{_STATE}\b\.?)?"
    rf"(?:,?\s+{_POSTCODE}(?![\w-]))?"
)
_LEADING_UNIT = rf"(?:{UNIT}(?:,?\s+|/))*"
_AFTER_STREET = rf"(?:\s+{_DIRECTION}\b)?(?:\s+\d{{1,3}}\b)?"  # "Queens Quay East", "Ang Mo Kio Avenue 10"
SAID_UNIT = (  # a unit whose number is said in words: "departamento mil doscientos tres", "casa catorce"
    r"(?:departamento|depto|apartamento|piso|casa|torre|bloque|block|lote|manzana|parcela|zona|flat|apartment|unit|"
    r"suite|appartement|bâtiment|escalier|portal|escalera|puerta|interior|solar|apto|local|mz|mza|lt|dpto|blq|nave|"
    r"oficina|edificio|andador|kilómetro|km|îlot|ilot|bodega|bloc|villa|app\.|appt\.?|apt\.?|boîte|bte\.?|porte)"
)
POSTCODE_WORDS = r"(?:zip|zip code|postcode|post code|postal code|pin|pin code|code postal|código postal|CP|C\.P\.)"
_UNIT_SAID = rf"(?:{SAID_UNIT}|número|number|numéro)"  # before its number
# a lot or block named by a letter said by its name ("manzana be"); not "a", "e", "de"…: words of their own
SPANISH_LETTERS = (
    "(?:" + "|".join(n for n in ES_LETTER_NAMES.values() if len(n) > 1 and n != "de" and "_" not in n) + ")"
)
GRID_STREET = r"(?:calle|carrera|avenida|diagonal|transversal|cl|cll|kr|cra|tv|dg|av)\.?"  # "Calle 65 Sur", "Kr 45"
_SIDE = r"(?:sur|norte|este|oeste|bis)"
# Spain's and the River Plate's floor and door: "tercero izquierda", "quinto B" (a door by its letter)
_FLOOR_AND_DOOR = rf"{_SPANISH_FLOORS}\s+(?:{_SPANISH_DOORS}|(?-i:[A-H])(?![\w'’-]))"

STREET_ADDRESS_PATTERNS = [
    Pattern(
        "number, street, type",
        rf"(?<![\w-]){_LEADING_UNIT}{_HOUSE},?(?:\s+{_NAME_WORD}){{1,4}}\s+{STREET_TYPES}\b\.?{_AFTER_STREET}{_TAIL}",
        0.85,
    ),
    Pattern("compound street, number", rf"(?<![\w-]){_COMPOUND_STREET}\s+{_HOUSE}\b{_TAIL}", 0.8),
    Pattern(
        "unit, building, place",
        rf"(?<![\w-]){UNIT},?\s+(?:{_NAME_WORD}\s+){{1,3}}{_BUILDING}\b(?:,\s*{_PLACE})+(?:,?\s+{_POSTCODE}(?![\w-]))?",
        0.8,
    ),
    Pattern(
        "number, street type, street",
        rf"(?<![\w-]){_LEADING_UNIT}{_HOUSE},?\s+{_STREET_BEFORE}(?:\s+{_NAME_WORD}){{1,5}}{_TAIL}",
        0.85,
    ),
    Pattern(
        "street type, street, number",
        rf"(?<![\w-]){_STREET_BEFORE}(?:\s+{_NAME_WORD}){{1,5}},?\s+(?:(?:n[ºo°]\.?|número|numéro|cuadra)\s*)?"
        rf"\d{{1,4}}[A-Za-z]?\b{_TAIL}",  # "Av. Arequipa cuadra 25": Peru gives the block
        0.8,
    ),
]
_NAMED_STREET_TYPE = (
    r"(?:Street|Road|Avenue|Lane|Drive|Boulevard|Terrace|Crescent|Close|Walk|Parade|Wynd|Gardens|Mews|Way)"
)
_BOX = (
    r"(?:P\.?\s?O\.?\s?Box|Post Office Box|PO Box|RR\s?\d+,?\s+Box|Rural Route \d+,?\s+Box|Private Bag|"
    r"Apartado(?: de [Cc]orreos| [Pp]ostal)?|Casilla(?: de [Cc]orreos?| [Pp]ostal)?|[Bb]oîte [Pp]ostale|"
    r"[Cc]ase [Pp]ostale|\d{2}\s?BP|"
    r"B\.?P\.?(?=\s+\d{4})|(?:TSA|CS)(?=\s+\d{5}(?![\w-])))"  # "BP 4417 Douala"; "BP 120 over 80" is a blood pressure;
    # France's mail sorted by the box ("TSA 40217, 69561 Saint-Genis-Laval Cedex", "CS 30012")
)
_NAMED_PLACE = r"(?:The\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
STREET_ADDRESS_PATTERNS += [
    Pattern("post box", rf"(?<![\w-]){_BOX}\s*(?:[A-Z]{{1,3}}\s?)?\d{{1,6}}[A-Z]?\b(?:\s+{_PLACE})?{_TAIL}", 0.85),
    Pattern(
        "named house, street, town, postcode",
        rf"(?<![\w-])(?:(?:{UNIT}|{_NAMED_PLACE}),\s+)*{_NAMED_PLACE}\s+{STREET_TYPES}\b(?:,\s*{_PLACE})+,?\s+{_POSTCODE}(?![\w-])",
        0.8,
    ),
    Pattern(
        "units, places, postcode", rf"(?<![\w-]){UNIT}(?:,\s*{UNIT})*(?:,\s*{_PLACE})+,?\s+{_POSTCODE}(?![\w-])", 0.8
    ),
]
STREET_ADDRESS_PATTERNS += [  # "Plot 5123, Monarch, Francistown": a plot or stand by its number, then its places
    Pattern(
        "plot, places",
        rf"(?<![\w-])(?:Plot|Stand|Erf|Portion|Lot)\s+(?:No\.?\s*)?\d{{1,6}}[A-Z]?"
        rf"(?:,\s*(?!(?:{_UNIT_WORDS})(?![\w-])){_PLACE}){{1,3}}",
        0.7,
    )
]
_NUMBERED_UNIT = rf"(?=[^,]{{0,20}}\d){UNIT}"  # "block 14", "departamento 32"; not "primero" alone
STREET_ADDRESS_PATTERNS += [
    Pattern(  # "4410 Route 248", "12 State Highway 1": a road known by its number
        "number, numbered road",
        rf"(?<![\w-]){_LEADING_UNIT}{_HOUSE},?\s+(?:(?:State|US|U\.S\.|County|Interstate|National)\s+)?"
        rf"(?:Route|Highway|Hwy|Road|Rte|SH|RR)\s+\d{{1,4}}[A-Z]?\b{_TAIL}",
        0.8,
    ),
    Pattern(  # "block 14, departamento 32, villa San Luis": where there is no street, the units and the place
        "units, place",
        rf"(?<![\w-]){_NUMBERED_UNIT}(?:,\s*{_NUMBERED_UNIT})+,\s*(?:(?i:villa|población|colonia|barrio|sector)\s+)?"
        rf"{_PLACE}",
        0.75,
    ),
]
# "el sector Salud, piso 3", "le secteur santé": a field of work, not where one lives
_GENERIC_AREAS = {"sector", "secteur", "zona", "conjunto"}
_AREA = rf"(?i:{'|'.join(re.escape(w) for w in sorted(AREA_WORDS - _GENERIC_AREAS, key=lambda w: (-len(w), w)))})"
_AREA_NAME = (  # "Las Águilas", "Les Hauts de Saint-Paul", "Cda. Pino"
    rf"[{_UPPER}][\w'’.-]*(?:\s+(?:(?:de|du|des|del|de la|de los|las|los|la|le|les)\s+)?[{_UPPER}][\w'’.-]*){{0,3}}"
)
_STREET_AND_NUMBER = r"(?i:pasaje|calle|avenida|senda|callejón|passage|rue)\s+\d{1,4}[A-Z]?"  # "pasaje 3"
_NAMED_AREA = (  # "colonia Escalón", "barrio de Xonaca", "cité de l'Espérance"
    rf"{_AREA}\s+(?:(?:de\s+(?:la\s+|los\s+)?|(?:de\s+)?l['’]|du\s+|des\s+))?{_AREA_NAME}"
)
STREET_ADDRESS_PATTERNS += [
    Pattern(  # "colonia Escalón, pasaje 3, casa 14", "barrio Los Robles, manzana 4": an area, then its units
        "area, units", rf"(?<![\w-]){_NAMED_AREA}(?:,\s*(?:{_NUMBERED_UNIT}|{_STREET_AND_NUMBER}))+", 0.75
    ),
    Pattern(  # "Vda. La Esperanza, Fca. El Porvenir", "quinta La Milagrosa, urbanización El Limón": areas in a row
        "areas", rf"(?<![\w-]){_NAMED_AREA}(?:,\s*{_NAMED_AREA})+", 0.75
    ),
]
STREET_ADDRESS_PATTERNS += [  # Colombian and Venezuelan grid addresses: "Calle 45 # 12-34", "Carrera 52 No. 14 Sur-30"
    Pattern(
        "street number, # cross street-house",
        rf"(?<![\w-]){_STREET_BEFORE}\s+\d{{1,3}}\s?[A-Z]?(?:\s+(?:Sur|Norte|Este|Oeste|Bis))?\s*"
        rf"(?:#|No\.?|N[º°]\.?|número)\s*\d{{1,3}}\s?[A-Z]?(?:\s+(?:Sur|Norte|Este|Oeste|Bis))?\s*-\s*\d{{1,3}}{_TAIL}",
        0.85,
    ),
]
_CROSS_STREET = rf"(?:{_STREET_BEFORE}\s+)?[{_UPPER}][\w'’.-]*(?:\s+(?:de\s+)?[{_UPPER}][\w'’-]*){{0,3}}"
STREET_ADDRESS_PATTERNS += [  # Quito's addresses: the block by its quarter and number, the house, the cross street
    Pattern(  # "Av. 10 de Agosto N24-15 y Luis Cordero", "calle García Moreno S3-45 y Rocafuerte"
        "street, quarter block-house, cross street",
        rf"(?<![\w-]){_STREET_BEFORE}(?:\s+{_NAME_WORD}){{1,5}}\s+(?:N|S|E|Oe|O)\s?\d{{1,3}}[A-Z]?-\d{{1,4}}[A-Z]?"
        rf"(?:\s+y\s+{_CROSS_STREET})?{_TAIL}",
        0.85,
    ),
]
NAMED_STREET_PATTERNS = [  # a street named without a number: "on Great Junction Street", "Leith Walk"
    Pattern("named street", rf"(?<![\w-])(?:[A-Z][\w'’-]+\s+){{1,3}}{_NAMED_STREET_TYPE}\b", 0.6),
]
POSTCODE_PATTERNS = [
    Pattern("UK postcode", rf"(?<![\w-]){UK_POSTCODE}(?![\w-])", 0.75),
    Pattern("Canadian postcode", rf"(?<![\w-]){CA_POSTCODE}(?![\w-])", 0.75),
    Pattern("Argentine postcode", rf"(?<![\w-]){AR_POSTCODE}(?![\w-])", 0.75),
    Pattern("Eircode", rf"(?<![\w-]){EIRCODE}(?![\w-])", 0.6),
    Pattern("ZIP+4", r"(?<![\w-])\d{5}-\d{4}(?![\w-])", 0.7),
    Pattern("Ghana digital address", rf"(?<![\w-]){GH_DIGITAL_ADDRESS}(?![\w-])", 0.7),
    Pattern("state and ZIP", rf"(?<![\w-]){_STATE},?\s+\d{{5}}(?![\w-])", 0.75),
    Pattern("postcode word", rf"(?i:{POSTCODE_WORDS}),?(?:\s+(?:is|es|est|:))?\s+{_POSTCODE}(?![\w-])", 0.75),
]


_ROADS = (
    r"(?:carretera|carr\.|ctra\.|ruta|autopista|autovía|vía|camino|panamericana|road|highway|route|nationale|"
    r"départementale)"
)
# between a word and the number it leads to, a space or a pause with a hesitation: "kilómetro... eh, ochocientos"
_HESITANT_GAP = rf"(?:\s*(?:\.{{3}}|…)\s*(?:(?i:{'|'.join(HESITATIONS)})\s*(?:,|\.{{3}}|…)?\s*)?|\s+)"
_DIRECTIONS = r"(?:norte|sur|este|oeste|oriente|poniente|lago|arriba|abajo|north|south|east|west|nord|est|ouest)"


def said_address_patterns(language: str) -> list[Pattern]:
    """Parts of an address said in words: a postcode said alone after its name ("código postal veintiocho cero
    treinta y nueve"), a kilometre of a road ("kilómetro doce de la carretera de Colmenar"), and directions
    from a landmark, as Central America gives addresses ("de la iglesia católica doscientos metros al norte")."""
    number = rf"(?:{number_word_pattern(language)}|\d{{1,6}})"
    place = r"(?:\s+(?:a|al|de|del|de la|to|of)?\s*[A-ZÀ-Ý\d][\w'’-]*){1,3}"
    how_far = rf"(?:{number}|media|una|un)(?:\s+y\s+medi[oa])?"
    toward = r"(?:al|hacia el|to the|au)"
    distance = (  # "doscientos metros al norte", "doscientos al norte"
        rf"{how_far}\s+(?:(?:metros|varas|cuadras?|blocks?|mètres)\s+(?:{toward}\s+)?{_DIRECTIONS}"
        rf"|{toward}\s+{_DIRECTIONS})"
    )
    upward = rf"{how_far}\s+(?:metros|varas|cuadras?)\s+para\s+{_DIRECTIONS}"  # with its landmark only
    then = rf"(?:{distance}|{how_far}\s+{_DIRECTIONS})"  # "cien metros sur y cincuenta oeste", "una arriba"
    landmark = r"(?:de|del|desde)\s+(?:la |el |los |las )?[\w'’.-]+(?:\s+[\w'’.-]+){0,5}?"
    ordinal = (
        r"(?:\d{1,2}\s?[aªoº]\.?|primera|segunda|tercera|cuarta|quinta|sexta|séptima|octava|novena|décima|primer|"
        r"segundo|tercer|cuarto|quinto|sexto|séptimo|octavo|noveno|décimo)"
    )
    names = rf"|{SPANISH_LETTERS}(?![\w-])" if language == "es" else ""
    letter = rf"(?:(?-i:[A-Z])(?![\w-]){names})"
    lettered = rf"(?:\s*-?\s*(?-i:[A-Z])(?![\w-])(?:\s+{number})?)?"  # "cuatro-B", "cuarenta y tres A veinte"
    unit = rf"{_UNIT_SAID}\.?\s+(?:{number}{lettered}|{letter}|izquierda|derecha|centro)"
    kilometre = (  # "kilómetro 4.5", "km 12,5", "kilómetro tres y medio", "kilómetro... eh, ochocientos"
        rf"(?:kil[oó]m[eè]tre|kil[oó]metro|km\.?|mile){_HESITANT_GAP}(?:\d{{1,4}}(?:[.,]\d{{1,3}})?(?![\w-])|{number})"
        r"(?:\s+y\s+medio)?"
    )
    patterns = (
        _grid_streets(number, letter)
        + [_hero_street(number, _hundreds(language)), _date_street(number), _street_without_its_word()]
        if language == "es"
        else []
    )
    return patterns + [
        Pattern(  # Guatemala's grid: "6a. avenida 3-45", "Sexta avenida, tres guion cuarenta y cinco"
            "ordinal street, number-number",
            rf"(?i)(?<![\w-]){ordinal}\s+(?:avenida|calle),?\s+"
            rf"(?:\d{{1,3}}\s?-\s?\d{{1,3}}|{number}(?:\s+(?:guion|guión)\s+{number})?)(?![\w-])"
            rf"(?:,?\s+(?:de\s+la\s+)?zona\s+(?:\d{{1,2}}|{number})(?![\w-]))?",  # "… 12-34 de la zona 10"
            0.75,
        ),
        Pattern(  # "código postal cero ocho…", "le añadió el código postal, el cincuenta cero cero tres"
            "postcode said", rf"(?<=(?i:{POSTCODE_WORDS}),?(?:\s+(?i:es|era|el|is|est|le|:))*\s){number}(?![\w-])", 0.7
        ),
        Pattern(  # "torre tres, apartamento…", "torre tres, el quinientos cuatro" (the flat by its number)
            "units said",
            rf"(?i)(?<![\w-]){unit}(?:\s*,?\s+(?:y\s+)?{unit})*(?:\s*,?\s+(?:y\s+)?(?:{unit}|el\s+{number}))",
            0.7,
        ),
        Pattern(  # "rue Jean-Jaurès, numéro douze", "calle Uría, al número veintitrés": the street, then its number
            "street, number said",
            rf"(?<![\w-]){_STREET_BEFORE}(?:\s+{_NAME_WORD}){{1,5}},?\s+(?:(?:au|el|al|en el)\s+)?"
            rf"(?i:n[ºo°]\.?|número|numéro)\s+{number}(?![\w-])",
            0.75,
        ),
        Pattern(
            "post box said", rf"(?<![\w-])(?i:{_BOX}){_HESITANT_GAP}{number}(?![\w-])", 0.75
        ),  # "apartado de correos treinta"
        Pattern(
            "kilometre of a road",
            rf"(?i)(?<![\w-]){kilometre}\s+(?:(?:de la|del|de|of the|on the)\s+)?{_ROADS}(?-i:{place})",
            0.75,
        ),
        Pattern(  # "Ruta 8, kilómetro 35", "la Panamericana Sur km 42": the road, then the kilometre
            "road, kilometre",
            rf"(?i)(?<![\w-]){_ROADS}(?-i:{place}),?\s+(?:(?:au|al|en el|at)\s+)?{kilometre}(?![\w-])",
            0.75,
        ),
        Pattern(
            "directions from a landmark",
            rf"(?i)(?<![\w-])(?:(?:{landmark},?\s+)?{distance}|{landmark},?\s+{upward})(?:,?\s+(?:y\s+)?{then}){{0,2}}",
            0.7,
        ),
    ]


_MONTHS_CAPITALISED = (  # a month capitalised inside a Spanish sentence names a street or a place, not a date
    r"(?:Enero|Febrero|Marzo|Abril|Mayo|Junio|Julio|Agosto|Septiembre|Setiembre|Octubre|Noviembre|Diciembre)"
)
_COUNTED_AFTER = r"(?:personas|pesos|euros|dólares|soles|años|veces|metros|kilos|casas|familias)"


def _hero_street(number: str, hundreds: str) -> Pattern:
    """A street named after a hero with its house number ("Teniente Fariña mil ochocientos… cuarenta y siete casi
    Brasil", "Mariscal López 2400"): a rank or title, a name, then a number of hundreds or thousands, not a year."""
    return Pattern(
        "hero's street, number",
        rf"(?<![\w-]){_HERO_TITLES}(?:\s+[{_UPPER}][\w'’-]+){{1,3}}\s+(?!(?:19|20)\d\d(?![\w-]))"
        r"(?!(?i:dos\s+mil|mil\s+novecientos)(?![\w-]))"  # not a year: "General Motors dos mil veinte"
        rf"(?:\d{{2,5}}(?![\w-])|{hundreds}(?:\s*(?:\.{{3}}|…)\s*(?i:{number}))?)"
        rf"(?:\s+(?:casi|esquina(?:\s+con)?|esq\.)\s+[{_UPPER}][\w'’-]*(?:\s+[{_UPPER}][\w'’-]*)?)?",  # its corner
        0.7,
    )


def _date_street(number: str) -> Pattern:
    """A street named after a date with its house number, as many are in Latin America ("27 de Abril
    doscientos cincuenta", "18 de Julio 1450"); a date says its month in lower case and a year with "de"."""
    return Pattern(
        "date street, number",
        rf"(?<![\w-])\d{{1,2}}\s+de\s+{_MONTHS_CAPITALISED}\s+(?:\d{{1,5}}|(?i:{number}))(?![\w-])"
        rf"(?!\s+(?i:{_COUNTED_AFTER}))",
        0.75,
    )


EN_ORDINAL = (  # "3rd", "twenty-third", "eleventh"
    r"\d{1,3}(?:st|nd|rd|th)|(?:(?:twenty|thirty|forty|fifty)[- ])?(?:first|second|third|fourth|fifth|sixth|seventh|"
    r"eighth|ninth)|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|thirtieth|fortieth"
)
ORDINAL_FLOOR = (
    rf"(?:primer|primero|segundo|tercer|tercero|cuarto|quinto|sexto|séptimo|octavo|noveno|décimo|{EN_ORDINAL}|ground|premier|"
    r"primera|segunda|tercera|cuarta|quinta|sexta|séptima|octava|novena|décima|"  # "segunda planta"
    r"deuxième|troisième|\d{1,2}(?:er|ero|do|ro|to|vo|no|mo|e|ème|ra|da|ta))"
    r"\s+(?:piso|planta|floor|étage)"  # "2do piso"
)


def _street_without_its_word() -> Pattern:
    """A street named without "calle", as the River Plate and Chile say it, with its house number and then a
    floor or a flat ("Corrientes 3400, tercer piso", "Bolívar 245, departamento 3B"): the flat makes it one."""
    flat = rf"(?:{UNIT}|{_FLOOR_AND_DOOR}|(?i:{ORDINAL_FLOOR}))"
    return Pattern(
        "street, number, flat",
        rf"(?<![\w-]){_AREA_NAME}\s+(?:al\s+)?\d{{1,5}}[A-Za-z]?,?\s+{flat}(?:,?\s+{UNIT})*(?![\w-])",
        0.7,
    )


_ORDINAL_STREET = (
    r"(?:primera|segunda|tercera|cuarta|quinta|sexta|séptima|octava|novena|décima|primero|segundo|tercero|cuarto|"
    r"quinto|sexto|séptimo|octavo|noveno|décimo)"
)
# the ranks and titles of the people streets are named after ("Teniente Fariña", "Mariscal López", "Gral. Díaz")
_HERO_TITLES = (
    r"(?:Teniente|General|Coronel|Mariscal|Capitán|Sargento|Doctor|Presidente|Padre|Monseñor|Ingeniero|Almirante|"
    r"Comandante|Cabo|Subteniente|Gral\.|Cnel\.|Tte\.|Dr\.|Pdte\.|Mcal\.|Ing\.)"
)


def _grid_streets(number: str, letter: str) -> list[Pattern]:
    """Streets known by a number, as Colombia and much of Latin America say them, with the house number after
    it ("Calle sesenta y cinco Sur número ochenta D veintiuno", "carrera cuarenta y cinco número veintidós
    ochenta y cinco"), or a side of the city; and Spain's floor and door said alone ("¿Quinto derecha?")."""
    street = (  # "calle K", "avenida segunda"
        rf"(?i)(?<![\w-]){GRID_STREET}\s+(?:{number}(?:\s+{letter})?|(?-i:[A-Z])(?![\w-])|{_ORDINAL_STREET}(?![\w-]))"
    )
    house = (  # "número cuarenta y uno doce sur": the house, and the side of the city
        rf",?\s+(?:número|no\.?|n[º°]\.?|\#)\s*{number}(?:\s*{letter})?(?:\s*(?:-|guion|guión)?\s*{number})?"
        rf"(?:\s+{_SIDE}(?![\w-]))?"
    )
    cross = rf"(?:(?:{GRID_STREET}\s+)?(?:\d{{1,3}}|{number}|(?-i:[A-Z])(?![\w-]))|(?-i:[{_UPPER}][\w'’-]+))"
    between = rf",?\s+entre\s+(?:(?:las\s+)?calles\s+)?{cross}\s+y\s+{cross}(?![\w-])"  # "calle 50 entre 9 y 10"
    return [
        Pattern("numbered street, cross streets", rf"{street}(?:\s+{_SIDE})?(?:{house})?{between}", 0.75),
        Pattern(  # "carrera 15 con calle 93": Colombia gives the corner of two numbered streets
            "numbered street, corner",
            rf"{street}(?:\s+{_SIDE})?\s+(?:con\s+{GRID_STREET}|esquina(?:\s+(?:a|con))?(?:\s+{GRID_STREET})?)\s+"
            rf"(?:\d{{1,3}}|{number})(?:\s+{_SIDE})?(?![\w-])",  # Cuba's "avenida cincuenta y cuatro esquina a treinta"
            0.75,
        ),
        Pattern("numbered street, house number", rf"{street}(?:\s+{_SIDE})?{house}", 0.75),
        Pattern("numbered street, side", rf"{street}\s+{_SIDE}(?![\w-])(?:{house})?", 0.7),
        Pattern(  # "Treinta y siete entre cuarenta y dos y cuarenta y cuatro": a street by number, its cross streets
            "street number, cross streets",
            rf"(?i)(?<![\w-])(?:\d{{1,3}}|{number})\s+entre\s+(?:\d{{1,3}}|{number})\s+y\s+(?:\d{{1,3}}|{number})"
            rf"(?![\w-])(?!\s+{_COUNTED_AFTER})",
            0.7,
        ),
        Pattern("floor and door", rf"(?i)(?<![\w-]){_FLOOR_AND_DOOR}(?![\w-])", 0.6),
    ]


def _hundreds(language: str) -> str:
    """A number said in words that starts with its hundreds or thousands ("mil ochocientos cuarenta y siete",
    "doscientos doce"): a house number, not a count of one to ninety-nine."""
    word = number_word(language)
    big = r"(?:mil|cien|ciento|[a-záéíóú]+ientos|quinientos|setecientos|novecientos)"
    return rf"(?i:(?<![\w-])(?:{word}\s+)?{big}(?:[\s-]+(?:y\s+)?{word})*(?![\w-]))"


def address_recognizers(language: str) -> list[PatternRecognizer]:
    """Street addresses, streets named without a number, postcodes standing alone, and parts said in words."""
    return [
        regex_recognizer("STREET_ADDRESS", "StreetAddressRecognizer", STREET_ADDRESS_PATTERNS, language),
        regex_recognizer("LOCATION", "NamedStreetRecognizer", NAMED_STREET_PATTERNS, language),
        regex_recognizer("STREET_ADDRESS", "PostcodeRecognizer", POSTCODE_PATTERNS, language),
        regex_recognizer("STREET_ADDRESS", "SaidAddressRecognizer", said_address_patterns(language), language),
    ]


_POSTCODE_INSIDE = re.compile(  # "CH-1012 Lausanne": the 1012 is said alone too
    rf"(?:(?<=\b[A-Z]-)|(?<=\b[A-Z]{{2}}-)|(?<![\w-]))(?:{UK_POSTCODE}|{CA_POSTCODE}|{EIRCODE}|{NL_POSTCODE}|{AR_POSTCODE}|{GH_DIGITAL_ADDRESS}|"
    rf"\d{{4,6}}(?:-\d{{4}})?)(?![\w-])"
)


_PARTICLE = r"(?:de\s+la|de\s+los|de\s+las|del|de|des|du|d['’]|la|le|les|los|las|el)"
_CAPITALISED = r"[A-ZÀ-ÖØ-Ý][\w'’-]*"
_STREET_NAME = rf"(?:{_PARTICLE}\s*)?{_CAPITALISED}(?:\s+(?:{_PARTICLE}\s*)?{_CAPITALISED})*"


@lru_cache(maxsize=8)
def _street_inside(language: str) -> re.Pattern:
    """A street's word and the street's name or number: "impasse des Oliviers", "Calle 80", "rue soixante-treize"."""
    number = rf"(?:(?i:{number_word_pattern(language)})|\d{{1,4}}[A-Z]?)"
    return re.compile(rf"(?<![\w'’-])(?i:{STREET_WORD})\s+(?:{_STREET_NAME}|{number})(?![\w'’-])")


def streets_in(address: str, language: str) -> list[str]:
    """The streets inside an address, named after their word (French and Spanish), so that the street said again
    alone ("Impasse des Oliviers, je note") is found too."""
    return [m.group() for m in _street_inside(language).finditer(address)]


def postcodes_in(address: str) -> list[str]:
    """The postcodes inside an address, so that the same postcode said again alone is found too."""
    house = re.match(rf"\s*{_LEADING_UNIT}{_HOUSE}", address)
    found = [m for m in _POSTCODE_INSIDE.finditer(address) if not (house and m.start() < house.end())]
    prefixed = [re.search(rf"(?<![\w-])[A-Z]{{1,2}}-{re.escape(m.group())}$", address[: m.end()]) for m in found]
    return [m.group() for m in found] + [p.group() for p in prefixed if p]  # "L-4050" again, as written
