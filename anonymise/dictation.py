"""A contact read out piece by piece is one contact.

The contact recognizers find dictated e-mails, web addresses and phone numbers by patterns, and a long
dictation often comes out in pieces: "i griega, o, ere, eme, a, ene, punto, colmenares, ochenta y ocho,
arroba outlook punto es" as two e-mails with "punto, colmenares" left between them. Each contact found is
grown here over the dictation around it: letters and their names, digits, the words for "dot", "at",
"underscore" and "slash", asides ("all one word", "todo junto", a remark on a letter: "con ve chica las dos"),
corrections the dictation goes on after ("gmail, non, attendez, hotmail…"), the pauses between them, a word
joined on by "dot" or "underscore", and the words an aside says belong together ("farmacia don rodolfo, todo
junto")."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from anonymise.contacts import EMAIL_CONTEXT, PLATFORMS
from anonymise.detect import Detection
from anonymise.names import fold, is_common_word
from anonymise.spoken import (
    ES_LETTER_NAMES,
    LETTER_REMARKS,
    SELF_CORRECTIONS,
    SINGLE_DIGITS,
    number_word_pattern,
    spoken_words,
)
from anonymise.terms import CONTACT_TYPES

LETTER, DIGIT, JOINER, LINK, ASIDE, WORD = "letter", "digit", "joiner", "link", "aside", "word"
CONNECTORS = {JOINER, LINK}  # "dot", "underscore", "dash" join inside a name; "at", "slash", "colon" link parts
SPELLING = {DIGIT, LETTER, JOINER, LINK}  # what a contact is dictated with
COLONS = ["colon", "deux points", "dos puntos"]  # "https colon slash slash"
EMAIL = "EMAIL_ADDRESS"
CORRECTIONS = {"no", "non", *SELF_CORRECTIONS}  # "gmail, non, attendez, hotmail": the dictation goes on
INTRODUCERS = {"is", "was", "it's", "it’s", "its", "es", "era", "son", "est", "c'est", "c’est", "sería", "será"}
SPELLED_NAME_ZIPF = 4.0  # a word before a spelled run rarer than this is the name being spelled
MAX_NAMED_WORDS = 4  # words before an aside ("tortilleria la guera, todo junto") that it joins into one
MAX_SCHEME_DISTANCE = 10  # units between "https colon slash slash" and the host found after it
MAX_INTERRUPTION_WORDS = 8  # words of an aside between a phone number and the rest of it
MAX_PAGE_WORDS = 6  # words of a page's name said after a platform's "slash"
MAX_CORRECTION_WORDS = 3  # an aside this short ("no, wait", "non, attendez") stays inside the number it corrects
MAX_REMARK_WORDS = 7  # a remark on the spelling inside a dictated contact ("no, en el correo va sin acento")
MIN_TALK_LETTERS = 5  # shorter words of the asides are function words ("sans", "todo", "con")
MIN_REST_DIGITS = 3  # the rest of a number said after an aside: fewer digits are a count
SHORT_ASIDE_UNITS = 2  # ...unless the aside is a word or two ("attendez", "no, wait"): then it is the number's end
_TOKEN = re.compile(r"[^\s,;:!?¿¡()\"«»“”]+|[,;:!?¿¡()\"«»“”]")
_STOPS = set(':!?¿¡()"«»“”')
_PAUSES = {",", ";"}  # a semicolon is a longer pause between groups of a number, not the end of it


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    kind: str
    pause_before: bool  # a comma between this unit and the one before
    stop_after: bool  # a sentence or clause ends after it


@lru_cache(maxsize=None)
def _vocabulary(language: str) -> dict[tuple[str, ...], str]:
    words = spoken_words(language)
    kinds = [
        (LETTER, [*words.letters, *words.www, *words.schemes]),
        (DIGIT, [*words.digits, *words.repeats]),
        (JOINER, [*words.dots, *words.joiners, *words.dashes]),
        (LINK, [*words.ats, *words.slashes, *COLONS]),
        (ASIDE, words.asides),
    ]
    return {tuple(phrase.lower().split()): kind for kind, phrases in kinds for phrase in phrases}


def _words(text: str) -> list[tuple[int, int, bool, bool]]:
    """Word tokens as (start, end, pause_before, stop_after); a full stop at a word's end ends a sentence, an
    ellipsis is a pause."""
    tokens, pause = [], False
    for match in _TOKEN.finditer(text):
        piece = match.group()
        if piece in _PAUSES:
            pause = True
            continue
        if piece in _STOPS:
            if tokens:
                tokens[-1] = (*tokens[-1][:3], True)
            pause = False
            continue
        end = match.start() + len(piece.rstrip(".…"))
        trailing = piece[end - match.start() :]
        trailed_off = trailing in ("...", "…")  # a pause ("vingt et un... non, attendez"), not a sentence end
        if end > match.start():
            tokens.append((match.start(), end, pause, bool(trailing) and not trailed_off))
        pause = trailed_off
    return tokens


def dictation_units(text: str, language: str) -> list[Unit]:
    """The turn's words grouped into dictation units (longest phrase first), each with its kind."""
    vocabulary = _vocabulary(language)
    longest = max(len(phrase) for phrase in vocabulary)
    tokens, units, i = _words(text), [], 0
    while i < len(tokens):
        for size in range(min(longest, len(tokens) - i), 0, -1):
            span = tokens[i : i + size]
            if any(t[2] for t in span[1:]) or any(t[3] for t in span[:-1]):
                continue  # a phrase does not run across a pause
            phrase = tuple(text[s:e].lower() for s, e, _, _ in span)
            kind = vocabulary.get(phrase) or (_single_kind(phrase[0]) if size == 1 else None)
            if kind:
                units.append(Unit(span[0][0], span[-1][1], kind, span[0][2], span[-1][3]))
                i += size
                break
    return _remarks_on_letters(_letters_explained(units, text), text, language)


EXPLAINING = [("de",), ("como",), ("comme",), ("for",), ("as", "in")]  # "ese de sapo", "h comme Henri", "s as in Sam"
_LETTER_OF_NAME = {name: letter for letter, name in ES_LETTER_NAMES.items()} | {"ere": "r", "ve": "v", "uve": "v"}


def _letters_explained(units: list[Unit], text: str) -> list[Unit]:
    """A letter said with a word that starts with it is one spelled letter ("ese de sapo", "h comme Henri", "b for
    Bravo", "s as in Sam"), so a spelled address runs on through it."""
    return _merged(units, LETTER, lambda j: _explained_size(units, j, text))


def _merged(units: list[Unit], kind: str, size_at) -> list[Unit]:
    """The units with each run of `size_at(j)` units from j (0: none) made one unit of `kind`."""
    out, j = [], 0
    while j < len(units):
        size = size_at(j)
        if size:
            last = units[j + size - 1]
            out.append(Unit(units[j].start, last.end, kind, units[j].pause_before, last.stop_after))
            j += size
        else:
            out.append(units[j])
            j += 1
    return out


def _explained_size(units: list[Unit], j: int, text: str) -> int:
    """How many units from j are a letter and the word that explains it, or 0."""
    said = [text[u.start : u.end].lower() for u in units[j : j + 4]]
    if units[j].kind != LETTER or len(said) < 3:
        return 0
    letter = said[0] if len(said[0]) == 1 else _LETTER_OF_NAME.get(said[0], "")
    for link in EXPLAINING:
        n = len(link)
        if tuple(said[1 : 1 + n]) != link or len(said) < n + 2 or any(u.stop_after for u in units[j : j + n + 1]):
            continue
        word = said[n + 1]
        if letter and len(word) > 1 and fold(word).startswith(letter) and units[j + n + 1].kind in {WORD, LETTER}:
            return n + 2
    return 0


def _remarks_on_letters(units: list[Unit], text: str, language: str) -> list[Unit]:
    """A remark on how a letter is written is one aside, with what tells the letter apart ("con ve chica las dos",
    "con be de burro", "sin eñe, con ene normal"), so a dictated e-mail runs on through it."""
    return _merged(units, ASIDE, lambda j: _remark_size(units, j, text, language))


def _remark_size(units: list[Unit], j: int, text: str, language: str) -> int:
    """How many units from j are a remark on a letter: a letter aside ("con be") or "con" and a letter's name of
    two words ("con ve chica"), then its qualifiers and the word that spells it ("de burro"); 0 where nothing
    qualifies the letter."""
    remarks = LETTER_REMARKS.get(language)
    if not remarks:
        return 0
    said = [text[u.start : u.end].lower() for u in units[j : j + 4]]
    if said[0].split()[0] not in remarks["leads"]:
        return 0
    if units[j].kind == ASIDE and " " in said[0]:
        k, letter = j, said[0].split()[-1]
    elif len(said) > 1 and units[j].kind == WORD and units[j + 1].kind == LETTER and " " in said[1]:
        k, letter = j + 1, said[1].split()[0]  # "con ve chica"
    else:
        return 0
    letter = letter if len(letter) == 1 else _LETTER_OF_NAME.get(letter, "")
    qualifiers, named = set(remarks["qualifiers"]), k
    while k + 1 < len(units) and not units[k].stop_after and not units[k + 1].pause_before:
        one = text[units[k + 1].start : units[k + 1].end].lower()
        two = f"{one} {text[units[k + 2].start : units[k + 2].end].lower()}" if k + 2 < len(units) else ""
        if one in qualifiers:
            k += 1
        elif two in qualifiers or (letter and (one,) in EXPLAINING and fold(two.split(" ")[-1]).startswith(letter)):
            k += 2  # "las dos", "de burro"
        else:
            break
    return k - j + 1 if k > named else 0  # "b, e, con ve chica, i": a letter said plainly is spelling, as before


def _single_kind(word: str) -> str:
    if word.isdigit():
        return DIGIT
    return LETTER if len(word) == 1 and word.isalpha() else WORD


def grow_dictated_contacts(texts: list[str], detections: list[Detection], language: str) -> list[Detection]:
    """Each e-mail, web address and phone number grown over the dictation around it."""
    grown, units_of = [], {}
    for d in detections:
        if d.entity_type not in CONTACT_TYPES:
            grown.append(d)
            continue
        if d.turn not in units_of:
            units_of[d.turn] = dictation_units(texts[d.turn], language)
        span = _grown_span(units_of[d.turn], d, texts[d.turn], language)
        start, end = _short_of_addresses(texts[d.turn], span, d, detections)
        kind = EMAIL if _grown_over_an_at(texts[d.turn][start : d.start], d, language) else d.entity_type
        rest = _rest_after_an_interruption(units_of[d.turn], end) if d.entity_type == "PHONE_NUMBER" else None
        if rest and len(re.findall(r"\w+", texts[d.turn][end : rest[0]])) <= MAX_CORRECTION_WORDS:
            end, rest = rest[1], None  # "vingt et un... non, attendez, douze, zéro quatre": one number, corrected
        grown.append(replace(d, start=start, end=end, text=texts[d.turn][start:end], entity_type=kind))
        if rest:
            grown.append(replace(d, start=rest[0], end=rest[1], text=texts[d.turn][rest[0] : rest[1]]))
    return grown


MAX_PROMPT_WORDS = 5  # "Oui... ?", "Sí, decime.", "Go on": the other speaker's prompt inside a number said in two
MIN_TWO_TURN_GROUPS = 4  # groups of digits said in both pieces together: a phone number, not a count and a year


@lru_cache(maxsize=8)
def _number_runs(language: str) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A run of numbers ending a turn that trails off, one opening a turn, and one group of digits said."""
    number = number_word_pattern(language)
    plus = "|".join(spoken_words(language).plus)
    run = rf"(?:(?:\+|\b(?:{plus})\s+)?(?:{number}|\d+)(?:[\s,.-]+(?:{number}|\d+))*)"
    trailing = re.compile(rf"({run})\s*(?:\.\.\.|…)\s*$", re.I)
    leading = re.compile(rf"^\s*(?:(?:\.\.\.|…)\s*)?({run})", re.I)  # "... cinquante-cinq, quarante-quatre"
    return trailing, leading, re.compile(rf"{number}|\d+", re.I)


def numbers_across_a_prompt(texts: list[str], detections: list[Detection], language: str) -> list[Detection]:
    """A phone number said over two turns, the speaker trailing off ("c'est le plus cinq cent neuf, trente-sept…")
    and going on after the other's short prompt ("Oui… ?" — "cinquante-cinq, cinquante, soixante-quatre"): both
    pieces are the number's, where one of them was found as one or together they are long enough. Where the
    speaker's next turn says other things first ("Se fue. Volvió… y me dijo el resto: triple cinco, cero ocho…"),
    a start that trails off with a country's code or a leading zero ("más cincuenta y tres, cinco…") is the
    start of the phone number found in that turn."""
    trailing, leading, group = _number_runs(language)
    phones = {(d.turn, d.start, d.end) for d in detections if d.entity_type == "PHONE_NUMBER"}
    phone_turns = {t for t, _, _ in phones}
    found = []
    for turn in range(len(texts) - 2):
        if not texts[turn].rstrip().endswith(("...", "…")):
            continue  # the trailing pattern needs the turn to trail off: no search through every turn
        end = trailing.search(texts[turn])
        if not end or len(re.findall(r"\w+", texts[turn + 1])) > MAX_PROMPT_WORDS:
            continue
        pieces = [(turn, end.start(1), end.end(1))]
        if start := leading.match(texts[turn + 2]):
            pieces.append((turn + 2, start.start(1), start.end(1)))
        found_before = any(t == p[0] and s <= p[1] and p[2] <= e for t, s, e in phones for p in pieces)
        groups = sum(len(group.findall(texts[t][a:b])) for t, a, b in pieces)
        if len(pieces) == 2 and (found_before or groups >= MIN_TWO_TURN_GROUPS):
            found += [_number_piece(texts, piece) for piece in pieces]
        elif len(pieces) == 1 and _starts_a_number(end.group(1), language) and turn + 2 in phone_turns:
            found.append(_number_piece(texts, pieces[0]))
    return found


def _number_piece(texts: list[str], piece: tuple[int, int, int]) -> Detection:
    turn, start, end = piece
    return Detection(turn, start, end, "PHONE_NUMBER", 0.6, "number over two turns", texts[turn][start:end])


def _starts_a_number(run: str, language: str) -> bool:
    """Whether a run of numbers starts as a phone number is read out: a plus and a country's code, or a zero
    ("plus deux cent douze, six", "zéro quatre nonante-trois"), with a group or more after it."""
    first = run.split()[0].lower()
    zero = SINGLE_DIGITS.get(language, SINGLE_DIGITS["en"]).get(first) == "0"
    return (first in spoken_words(language).plus or first == "+" or zero) and len(re.split(r"[\s,]+", run.strip())) >= 3


def _grown_over_an_at(before: str, d: Detection, language: str) -> bool:
    """A web host grown back over "at" and a mailbox is an e-mail ("juana punto rios, arroba, cooperativa sur
    punto com")."""
    ats = "|".join(re.escape(a) for a in spoken_words(language).ats)
    return d.entity_type == "URL" and re.search(rf"(?i)(?<![\w-])(?:{ats})(?![\w-])", before) is not None


def _short_of_addresses(text: str, span: tuple[int, int], d: Detection, detections: list[Detection]) -> tuple[int, int]:
    """A contact grown no further than the street address beside it ("(610) 555-0142, 4410 Route 248": the
    house number is the address's), without the comma between them."""
    start, end = span
    for other in detections:
        if other.turn == d.turn and other.entity_type == "STREET_ADDRESS":
            if d.end <= other.start < end:
                end = d.end + len(text[d.end : other.start].rstrip(" ,;"))
            if start < other.end <= d.start:
                start = d.start - len(text[other.end : d.start].lstrip(" ,;"))
    return start, end


def _rest_after_an_interruption(units: list[Unit], end: int) -> tuple[int, int] | None:
    """The rest of a phone number read out after an aside in the same sentence ("… nine four six, hang on,
    it's on the fridge, oh two one eight."): three or more digits after a pause that end the sentence."""
    first = next((k for k, u in enumerate(units) if u.start >= end), None)
    if first is None or (first > 0 and units[first - 1].stop_after):
        return None  # nothing after the number, or it ended the sentence
    k = first
    while k < len(units) and units[k].kind != DIGIT:
        if units[k].stop_after or k - first >= MAX_INTERRUPTION_WORDS:
            return None
        k += 1
    run = k
    while run < len(units) and units[run].kind == DIGIT:
        run += 1
        if units[run - 1].stop_after:
            break
    ends_sentence = run == len(units) or units[run - 1].stop_after
    least = 1 if k - first <= SHORT_ASIDE_UNITS else MIN_REST_DIGITS  # "cinquante... attendez... trente-trois"
    if k == first or run - k < least or not ends_sentence or not units[k].pause_before:
        return None  # "I'm in room two one four": a label, not the rest set off by a pause
    return units[k].start, units[run - 1].end


def _grown_span(units: list[Unit], d: Detection, text: str, language: str) -> tuple[int, int]:
    """The span of `d` grown right, then left, over the dictation units that belong to it; connectors and
    asides at the new edges are given back."""
    inside = [i for i, u in enumerate(units) if u.start < d.end and d.start < u.end]
    if not inside or not any(c.isspace() for c in d.text):
        return d.start, d.end  # a written contact is whole already
    phone = d.entity_type == "PHONE_NUMBER"
    path = d.entity_type == "URL" and _a_page_of_a_platform(units, inside, text, language)
    last = inside[-1]
    while last + 1 < len(units) and not units[last].stop_after and _joins_right(units, last + 1, phone, text, path):
        last += 1
    first = inside[0]
    named = _aside_before_joiner(units[first : inside[-1] + 1]) or _aside_right_after(units, inside[-1])
    handle = units[first].kind == LINK and d.start == units[first].start  # "arroba panaderia …" starts there
    handle = handle and not _joined_words_before(units, first)  # "consuelo guion leal arroba …" does not
    while first > 0 and not units[first - 1].stop_after and not handle:
        if _joins_left(units, first - 1, phone, text, language) or (named and _named_word(units, first - 1, text)):
            first -= 1
            named = named or units[first].kind == ASIDE
        elif not phone and (bridged := _spelling_before_a_short_aside(units, first, text, language)) is not None:
            first = bridged
        else:
            break
    if d.entity_type == EMAIL:
        first = _mailbox_after_a_cue(units, first, text, language)
    first = min(first, _scheme_before(units, first, text, language))
    domains = set(spoken_words(language).domains)
    while (
        last > inside[-1] and units[last].kind in {*CONNECTORS, ASIDE} and not _joins_words(units, last, text, domains)
    ):
        last -= 1  # "… dot com, all one word": an aside after the contact is not in it
    while first < inside[0] and units[first].kind in CONNECTORS:
        first += 1
    return min(d.start, units[first].start), max(d.end, units[last].end)


def _spelling_before_a_short_aside(units: list[Unit], first: int, text: str, language: str) -> int | None:
    """Where the spelling resumes before a few ordinary words inside a dictated address ("k, e, r, o... non
    pardon, deux r", "h comme Henri, u, b", "punto huarcaya con hache"): a correction, or how a letter is said,
    between two runs of spelling belongs to the address. None unless spelling (two units of it, a letter said
    after a pause) comes within MAX_CORRECTION_WORDS words before (MAX_REMARK_WORDS where one is a word about
    spelling: "non, pas d'accent dans un courriel") and spelling starts after, with no "is" or "es" between."""
    after = units[first + 1] if first + 1 < len(units) else None
    spelled_after = units[first].kind in {LETTER, DIGIT} or (
        units[first].kind == WORD and after and after.kind == LETTER
    )
    k = first - 1
    while k >= 0 and first - k <= MAX_REMARK_WORDS and units[k].kind == WORD and not units[k].stop_after:
        if text[units[k].start : units[k].end].lower() in INTRODUCERS:
            return None
        k -= 1
    if first - k - 1 > MAX_CORRECTION_WORDS and not _about_spelling(units[k + 1 : first], text, language):
        return None  # "… non, pas d'accent dans un courriel, s, e, …": a longer remark only on the spelling
    if not spelled_after or k < 1 or k == first - 1 or units[k].stop_after or units[k - 1].stop_after:
        return None
    spelling = {LETTER, DIGIT, *CONNECTORS}
    said_alone = units[k].kind != LETTER or units[k].pause_before  # ", h comme", not "il y a notre site"
    return k if units[k].kind in spelling and units[k - 1].kind in spelling and said_alone else None


@lru_cache(maxsize=8)
def _spelling_talk(language: str) -> frozenset[str]:
    """The words a remark on spelling is made of ("accent", "tilde", "minúsculas", "attaché"): those of the
    language's asides and letter names that are neither a letter, a digit nor a short function word."""
    words = spoken_words(language)
    said = {word for phrase in [*words.asides, *words.letters] for word in phrase.lower().split()}
    digits = {word for phrase in words.digits for word in phrase.split()}
    return frozenset(w for w in said if len(w) >= MIN_TALK_LETTERS and w not in digits)


def _about_spelling(units: list[Unit], text: str, language: str) -> bool:
    """Whether one of the words of `units` talks about spelling ("pas d'accent dans un courriel")."""
    talk = _spelling_talk(language)
    return any(_unelided(text[u.start : u.end].lower()) in talk for u in units)


def _unelided(word: str) -> str:
    """ "d'accent" -> "accent"."""
    return re.sub(r"^\w['’]", "", word)


def _joins_right(units: list[Unit], k: int, phone: bool, text: str, path: bool = False) -> bool:
    """Whether unit k goes on the contact before it; in a web address's path after "slash", every word said
    before a pause ("facebook point com slash regie des marches saint louis")."""
    unit, before = units[k], units[k - 1]
    after = units[k + 1] if k + 1 < len(units) and not unit.stop_after else None
    if phone:
        return unit.kind == DIGIT
    if path and unit.kind in {WORD, LETTER, DIGIT} and not unit.pause_before and _page_name_ends(units, k):
        return text[unit.start : unit.end].lower() not in INTRODUCERS
    if unit.kind in {*CONNECTORS, DIGIT, ASIDE}:
        return True
    if unit.kind == LETTER:
        return before.kind in {LETTER, *CONNECTORS, DIGIT} and (
            after is None or after.kind in {LETTER, *CONNECTORS, DIGIT}
        )
    if text[unit.start : unit.end].lower() in INTRODUCERS:
        return False
    return before.kind in CONNECTORS or _aside_follows(units, k) or _corrected_after(units, k, text)


def _corrected_after(units: list[Unit], k: int, text: str) -> bool:
    """ "… arobase gmail, non, attendez, hotmail point fr", "… point b f... non pardon, point org": a correction
    at unit k (or the word it leads to) after which the dictation goes on with "dot" or "at" belongs to it."""

    def a_correction(i: int) -> bool:
        return text[units[i].start : units[i].end].lower() in CORRECTIONS

    first = k
    while first > 0 and k - first < MAX_CORRECTION_WORDS and a_correction(first - 1):
        first -= 1  # the word after the correction: "hotmail" after "non, attendez"
    if first == k and not a_correction(k):
        return False
    ahead = k
    while ahead < len(units) and a_correction(ahead) and ahead - first < MAX_CORRECTION_WORDS:
        ahead += 1
    ahead += ahead < len(units) and units[ahead].kind in {WORD, LETTER}  # "hotmail point fr"
    stopped = any(u.stop_after for u in units[k:ahead])
    return ahead < len(units) and units[ahead].kind in CONNECTORS and not stopped


def _a_page_of_a_platform(units: list[Unit], inside: list[int], text: str, language: str) -> bool:
    """A web address on a social platform with a path ("facebook point com slash …"): its page is named in
    words ("regie des marches saint louis", "la espiga de oro cartago oficial")."""
    said = {text[units[i].start : units[i].end].lower() for i in inside}
    slashes = {s.lower() for s in spoken_words(language).slashes}
    return bool(said & set(PLATFORMS)) and bool(said & slashes)


def _page_name_ends(units: list[Unit], k: int) -> bool:
    """Whether the words from k end at a pause or a sentence end within a page name's length ("… slash regie
    des marches saint louis."), not run on into the sentence ("slash book for the small animal bookings")."""
    for offset, unit in enumerate(units[k : k + MAX_PAGE_WORDS]):
        if offset and unit.pause_before:
            return True
        if unit.kind not in {WORD, LETTER, DIGIT}:
            return False
        if unit.stop_after:
            return True
    return k + MAX_PAGE_WORDS > len(units)


def _joins_words(units: list[Unit], k: int, text: str, domains: set[str]) -> bool:
    """An aside after a name's words ("barra, ceip les arenetes, todo junto") belongs to them; one after a
    domain ending ("dot co dot uk, all lower case") does not."""
    before = units[k - 1]
    return units[k].kind == ASIDE and before.kind == WORD and text[before.start : before.end].lower() not in domains


def _aside_follows(units: list[Unit], k: int) -> bool:
    """Words, then an aside: "diagonal, tortilleria la guera gdl, todo junto"."""
    for offset, unit in enumerate(units[k : k + MAX_NAMED_WORDS + 1]):
        if unit.kind == ASIDE:
            return True
        if unit.kind not in {WORD, DIGIT} or (offset and unit.pause_before) or unit.stop_after:
            return False
    return False


def _joins_left(units: list[Unit], k: int, phone: bool, text: str, language: str) -> bool:
    unit, after = units[k], units[k + 1]
    before = units[k - 1] if k > 0 and not units[k - 1].stop_after else None
    word = text[unit.start : unit.end]
    if phone:
        return unit.kind == DIGIT
    dotted = k > 1 and units[k - 2].kind == JOINER and not units[k - 2].stop_after  # "point hubermont nonante-deux"
    alone = before is None or (before.kind not in SPELLING and not dotted)  # first in the turn, or after words
    if unit.kind == DIGIT and after.kind in {WORD, LETTER} and after.pause_before and alone:
        return False  # "the general one, reception at …", "my school one, l dot …": a number word alone, a pause
    if unit.kind in {*CONNECTORS, DIGIT, ASIDE}:
        return True
    if before is not None and before.kind == ASIDE and _said_inside(units, k - 1) and word.lower() not in INTRODUCERS:
        return True  # "vivebien, con ve chica las dos, y bien con be de burro": between an aside and the rest
    if unit.kind == LETTER:  # "es a, eme, pe": a letter that is also a word ("a", "de") only before a pause,
        also_a_word = " " not in word and is_common_word(word, SPELLED_NAME_ZIPF, language)
        initial = alone and after.kind == JOINER  # or as the initial that opens it ("a punto lahoz, guion bajo…")
        return after.kind in {LETTER, *CONNECTORS, DIGIT} and (after.pause_before or not also_a_word or initial)
    if after.kind == LETTER and after.pause_before:  # "lupita, ge, u, a, de…": a name, then spelled
        after_a_dot = before is not None and before.kind in CONNECTORS  # "punto, benito, be de burro": any word
        return after_a_dot or not is_common_word(word, SPELLED_NAME_ZIPF, language)
    if word.lower() in INTRODUCERS:
        return False
    return after.kind == JOINER or (before is not None and before.kind in CONNECTORS)  # not "Yes, at…"


def _said_inside(units: list[Unit], k: int) -> bool:
    """Whether unit k comes after other words of its sentence ("Tout attaché, avec …" opens one)."""
    return k > 0 and not units[k - 1].stop_after


def _joined_words_before(units: list[Unit], first: int) -> bool:
    """Words joined by "dot", "dash" or "underscore" right before the "at" at `first`: a mailbox, not a
    handle's "@" ("consuelo guion leal arroba …")."""
    if first < 3 or any(u.stop_after for u in units[first - 3 : first]):
        return False
    return units[first - 1].kind in {WORD, LETTER, DIGIT} and units[first - 2].kind == JOINER


def _mailbox_after_a_cue(units: list[Unit], first: int, text: str, language: str) -> int:
    """A mailbox of several words said right after "email is" ("email is lakeside mch at …", "mi correo es
    flor de luna arroba …"): those words are the e-mail's, else `first`."""
    cues = EMAIL_CONTEXT.get(language, EMAIL_CONTEXT["en"])
    for k in range(first - 1, max(-1, first - 2 - MAX_NAMED_WORDS), -1):
        word = text[units[k].start : units[k].end].lower()
        if word in INTRODUCERS:
            cued = k > 0 and text[units[k - 1].start : units[k - 1].end].lower() in cues
            return k + 1 if cued and k + 1 < first else first
        if units[k].kind not in {WORD, DIGIT, LETTER} or units[k].stop_after or units[k + 1].pause_before:
            return first
    return first


def _scheme_before(units: list[Unit], first: int, text: str, language: str) -> int:
    """Where "https colon slash slash" or "www dot" starts a web address a few words before `first`
    ("h t t p s colon slash slash k y rural c h w dot org"), else `first`."""
    words = spoken_words(language)
    starts = {s.lower() for s in [*words.schemes, *words.www]}
    for k in range(first - 1, max(-1, first - 1 - MAX_SCHEME_DISTANCE), -1):
        if units[k].stop_after:
            break
        if text[units[k].start : units[k].end].lower() in starts:
            return k
    return first


def _aside_right_after(units: list[Unit], last: int) -> bool:
    """ "cafe nube alta punto org, todo junto": an aside right after the contact joins the words before it."""
    return last + 1 < len(units) and not units[last].stop_after and units[last + 1].kind == ASIDE


def _aside_before_joiner(units: list[Unit]) -> bool:
    """An aside comes before the first "at"/"dot": the words before it are the contact's own."""
    kinds = [u.kind for u in units]
    connectors = [i for i, k in enumerate(kinds) if k in CONNECTORS]
    return ASIDE in kinds and (not connectors or kinds.index(ASIDE) < connectors[0])


def _named_word(units: list[Unit], k: int, text: str) -> bool:
    """A word of the name an aside joins: no pause after it, no "is" or "es" before the name, at most a few."""
    unit, after = units[k], units[k + 1]
    if unit.kind not in {WORD, DIGIT} or after.pause_before and after.kind != ASIDE:
        return False
    if text[unit.start : unit.end].lower() in INTRODUCERS:
        return False
    run = 0
    while k + run < len(units) and units[k + run].kind in {WORD, DIGIT}:
        run += 1
    return run <= MAX_NAMED_WORDS
