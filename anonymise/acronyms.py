"""Is an acronym in a transcript an organisation ("the DWP", "UNISON raised it", "au CHUV") or a term
("an EHCP", "my AHT", "the SEN register", "TAs")?

Decided once per acronym and transcript, from all its uses: it is an organisation when it is known (the
study's names, or the initials of a longer name in the transcript: "UBC"), stands where an employer or a
school does ("at UCL", "worked for the NHS"), follows a French or Spanish article ("au CHUV"), or acts (the
subject of a verb other than "be": "UNISON raised it"; "the GMB lads"). Said without context, a rare acronym
(hardly ever written: "NAFDAC", "DVSA") is an organisation, a common one a term ("on ICU", "a GLM", "the ETA
was wrong"): technical acronyms stay readable for the coders, and those the model took for an organisation go
to the review report instead, as do those nothing in the transcript explains and that are not everyday ("the
AHI forms": `undecided_acronyms`). (Measured on the tuning halves: 12 missed organisation words found, 14 rare
terms replaced, such as "HACCP", "FERPA"; privacy first.) Acting and having a site are weaker than the rest: an
acronym counted or owned elsewhere ("a TL should", "my AHT") stays a term where it acts ("the AHT went red").

Tried and dropped (measured): a French or Spanish acronym followed by "de" and a common noun as a thing ("el
RUT del alumno"). Precision rose 0.2-0.8 points, but on the untouched Spanish halves PERSON+ORG recall fell
(test 0.941 -> 0.918): organisations are said that way too. Also dropped: an acronym everyday in the language
and in English ("les SMS", "el GPS") as a term despite its article. On the tuning halves it kept 35 terms
(SMS, GPS, PDF, COVID) but lost 6 organisation words: "el SAT", "la SEP" count as everyday in English because
"sat" and "sep" are English words, and wordfreq cannot tell the acronym from the word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anonymise.brand_list import is_brand_of_regions
from anonymise.detect import Detection
from anonymise.grammar import CLITICS, DEFINITE
from anonymise.names import NICKNAME_WORDS, abbreviates, is_acronym, is_common_word, word_zipf
from anonymise.terms import AllowList

AFFILIATION = {"at", "from", "joined", "join", "left", "leaving", "chez", "desde"}
WORK_VERBS = {"work", "works", "worked", "working", "volunteer", "volunteers", "volunteered", "trabajo", "trabaja",
              "trabajaba", "trabajé", "travaille", "travaillais", "travaillait", "travaillé"}  # fmt: skip
LOOKING = {"look", "looks", "looked", "looking", "glance", "glanced", "stare", "stared"}  # "looks at the SCC"
WORK_PREPOSITIONS = {"for", "with", "para", "con", "pour", "avec"}
CHANNELS = {"through", "off", "via"}  # "paid through BDO", "off the DWP"
INDEFINITE = {"a", "an", "un", "une", "una", "uno"}
COMMON_NOUN_BEFORE = INDEFINITE | {
    "my", "your", "his", "her", "our", "their", "its", "mon", "ma", "mes", "ton", "ta", "son", "sa", "ses", "notre",
    "votre", "leur", "mi", "mis", "tu", "su", "sus", "nuestro", "nuestra", "every", "each", "another", "any", "cada",
    "chaque"}  # fmt: skip
RELATIVES = {"son", "daughter", "brother", "sister", "husband", "wife", "partner", "cousin", "nephew", "niece",
             "friend", "boyfriend", "girlfriend", "fils", "fille", "frère", "sœur", "mari", "femme", "cousine", "ami",
             "amie", "hijo", "hija", "hermano", "hermana", "esposo", "esposa", "marido", "primo", "prima", "sobrino",
             "sobrina", "amigo", "amiga", "novio", "novia"}  # fmt: skip
POSSESSIVES = {"my", "his", "her", "our", "their", "your", "mon", "ma", "son", "sa", "notre", "votre", "leur", "mi",
               "su", "tu", "nuestro", "nuestra"}  # fmt: skip
REPRESENTATIVES = {"rep", "reps", "representative", "representatives", "steward", "stewards", "delegate", "delegates",
                   "official", "officials", "inspector", "inspectors", "organiser", "organisers", "organizer",
                   "organizers"}  # fmt: skip
PEOPLE_NOUNS = REPRESENTATIVES | {
    "lads", "people", "guys", "folks", "members", "member", "staff", "team", "branch", "office", "workers", "crowd",
    "lot", "officers", "officer", "agents", "agent", "auditors", "auditor", "man", "woman", "lady", "guy"}  # fmt: skip
INSTITUTION_NOUNS = {"bank", "union", "council", "university", "college", "school", "regulator", "agency", "ministry",
                     "department", "government", "state", "authority", "board", "company", "firm", "charity",
                     "hospital", "trust", "insurer", "utility", "provider", "supplier", "employer", "church", "club",
                     "society", "association", "federation", "network", "inspectorate", "commission", "service",
                     "banque", "syndicat", "mairie", "université", "école", "hôpital", "ministère", "entreprise",
                     "banco", "sindicato", "universidad", "colegio", "escuela", "ministerio", "empresa",
                     "alcaldía", "municipalidad"}  # fmt: skip
# what only an organisation has: "the Penrith branch of the UWU", "a member of UNISON", "délégué de la CGT"
PARTS_OF_ORGANISATIONS = {"branch", "branches", "chapter", "local", "member", "members", "delegate", "delegates",
                          "steward", "stewards", "section", "délégué", "déléguée", "adhérent", "adhérente",
                          "delegado", "delegada", "afiliado", "afiliada", "sección"}  # fmt: skip
CONTACT_VERBS = {"call", "ring", "phone", "email", "e-mail", "contact", "complain", "report", "write", "notify",
                 "inform", "sue", "register", "petition", "lobby", "appeal", "apply", "llamar", "escribir",
                 "denunciar", "reclamar", "appeler", "écrire", "contacter", "signaler"}  # fmt: skip
# "our UOB account", "the KRA helpline": what an institution has
BELONGINGS = {"account", "accounts", "branch", "branches", "helpline", "hotline", "headquarters", "website",
              "compte", "comptes", "carte", "agence", "succursale", "ligne", "cuenta", "cuentas", "tarjeta",
              "sucursal", "sucursales", "línea", "chip"}  # fmt: skip
OF = {"de", "del", "du", "d'", "d’"}  # "la cuenta de BBVA", "une carte du CIC"
QUANTIFIERS = {"other", "several", "many", "autres", "plusieurs", "nombreux", "otros", "otras", "varios",
               "varias", "muchos", "muchas"}  # fmt: skip
GRIEVANCE_VERBS = {"complain", "appeal", "petition", "lobby", "sue", "reclamar", "denunciar"}  # "complain to the FSC"
ASKING_AUXILIARIES = {"do", "will", "can", "could", "would", "should", "may", "might", "must"}
LIST_JOINERS = {"and", "or", "y", "o", "e", "u", "et", "ou", "ni", "nor", "pis"}  # "pis": "and" in Canadian French
ROMANCE_ARTICLES = {"la", "le", "l'", "l’", "el", "au", "du", "del", "al", "los", "las", "les", "aux", "des"}
BE_VERBS = {"be", "être", "ser", "estar"}
DIRECTIONS = {"up", "down", "over", "out", "back", "above", "below"}  # "up in Cedar Falls"
SITE_PREPOSITIONS = {"in", "at", "en", "à"}
PLACE_ENTITIES = {"GPE", "LOC"}  # spaCy's place labels (English GPE, French and Spanish LOC)
ORGANISATION, TERM, NICKNAME = "organisation", "term", "nickname"
UNDECIDED = "undecided"  # a term for the coders, but nothing said shows which: listed for review
MODIFIER = "modifier"  # before an English noun ("the SEN register", "the MTN office"): a term unless it acts
ACTING = "acting"  # does something, is contacted or has a site: an organisation unless another use is a term
WITH_AN_ARTICLE = "with an article"  # "el SAT", "le GSM": an organisation unless another use says it is a thing
PLURAL = "plural"  # "how SACCOs use it": a kind of thing, whatever the other uses say, unless the study names it
KNOWN = "known"  # the study's own name, or the initials of a name in the transcript
COMMON_LOWERCASE_ZIPF = 4.5  # "IT", "OK", "TV", "MS": acronyms that are everyday words in lower case are left alone
RARE_ZIPF = 2.0  # rarer than this in the language and in English ("NAFDAC", "DVSA"): a local body, not a term
EVERYDAY_ZIPF = 3.5  # "PDF", "GPS": written too often to be taken for a body on weak evidence


@dataclass(frozen=True)
class AcronymUse:
    turn: int
    start: int
    end: int
    text: str
    base: str  # the acronym without a plural s ("TAs" -> "TA")


def _base(text: str) -> str:
    return text[:-1] if text.endswith("s") and text[:-1].isupper() else text


def acronym_uses(docs: list, allow: AllowList, language: str) -> list[AcronymUse]:
    """Every acronym token of the transcript that could name an organisation."""
    uses = []
    for turn, doc in enumerate(docs):
        for token in doc:
            text = token.text
            if may_name_an_organisation(text, allow, language):
                uses.append(AcronymUse(turn, token.idx, token.idx + len(text), text, _base(text)))
    return uses


def may_name_an_organisation(text: str, allow: AllowList, language: str) -> bool:
    """An acronym that is neither the study's topic nor a word ("GP", "UNISON"; not "CAT")."""
    if not is_acronym(text) or allow.covers(text) or allow.covers(_base(text)):
        return False
    return not is_common_word(_base(text).lower(), COMMON_LOWERCASE_ZIPF, language)


def _one_of_a_kind(doc, index: int) -> bool:
    """After an indefinite article and before no noun: "they are an NGO", "she became a CIC" (in "a DVSA
    check" the article is the check's)."""
    after = doc[index + 1] if index + 1 < len(doc) else None
    noun_after = after is not None and after.pos_ in {"NOUN", "PROPN"}
    return index > 0 and doc[index - 1].lower_ in INDEFINITE and not noun_after


def _a_relatives_initials(before: list[str]) -> bool:
    """ "my son DJ", "mi hermano JC": initials right after a relative or a friend named with a possessive."""
    return len(before) >= 2 and before[-1] in RELATIVES and before[-2] in POSSESSIVES


def _words_before(doc, index: int) -> list[str]:
    return [t.lower_ for t in doc[max(0, index - 3) : index]]


def _past_the_article(before: list[str]) -> list[str]:
    """The words before a name, less a definite article right before it ("off the DWP" -> "off")."""
    return before[:-1] if before and before[-1] in DEFINITE else before


def _where_an_employer_stands(before: list[str]) -> bool:
    before = _past_the_article(before)
    if before and before[-1] in AFFILIATION:
        return not (before[-1] == "at" and len(before) >= 2 and before[-2] in LOOKING)  # "looks at the SCC"
    return len(before) >= 2 and before[-1] in WORK_PREPOSITIONS and before[-2] in WORK_VERBS


def _acting(doc, index: int) -> bool:
    """The acronym does something: the subject of a verb other than "be" ("UNISON raised it", "the CDC put
    out a toolkit", "PROMPERÚ nos ayudó"), or its members are meant ("the GMB lads")."""
    after = doc[index + 1] if index + 1 < len(doc) else None
    if after is not None and after.pos_ == "ADV":
        after = doc[index + 2] if index + 2 < len(doc) else None
    while after is not None and after.pos_ == "PRON" and after.lower_ in CLITICS and after.i + 1 < len(doc):
        after = doc[after.i + 1]  # "PROMPERÚ nos ayudó", "la CNIL nous a répondu"
    if after is None:
        return False
    if after.lower_ in PEOPLE_NOUNS or _the_one_who_does(doc, index):
        return True
    asked = index >= 2 and doc[index - 1].lower_ in DEFINITE and doc[index - 2].lemma_.lower() in ASKING_AUXILIARIES
    if asked and after.tag_ == "VB":
        return True  # "did the CQC get involved?"
    bare = index == 0 or doc[index - 1].pos_ != "DET"  # "the GPS is working" is a thing
    if bare and after.pos_ == "AUX" and index + 2 < len(doc) and _doing(after, doc[index + 2]):
        return True  # "GRA is coming for tax", "NAFDAC is trying", "UNISON has pushed"
    if after.pos_ == "VERB" and after.tag_ == "VB" and doc[after.i - 1].pos_ == "ADV":
        return True  # "JPS never restore the light"
    if after.tag_ == "VB" and after.pos_ == "VERB" and _starts_a_clause(doc, index) and _an_object_after(doc, after.i):
        return True  # "OIC hold the contract": British English agrees a body with a plural verb, read as a bare form
    return after.pos_ in {"VERB", "AUX"} and "Fin" in after.morph.get("VerbForm") and after.lemma_ not in BE_VERBS


def _starts_a_clause(doc, index: int) -> bool:
    """First in the turn, or after a pause or "and"/"but" ("make the GPS work" does not)."""
    return index == 0 or doc[index - 1].is_punct or doc[index - 1].pos_ == "CCONJ"


def _an_object_after(doc, index: int) -> bool:
    """What a verb does something to follows it: "the contract", "us", "Tuesday"."""
    return index + 1 < len(doc) and doc[index + 1].pos_ in {"DET", "PRON", "NOUN", "PROPN"}


def _the_one_who_does(doc, index: int) -> bool:
    """ "the PSNI who found him", "it's the PSNI that finds them first": what a relative clause says the acronym
    does; "that" only in a cleft sentence and for an acronym not everyday ("it was the GPS that failed")."""
    if index + 2 >= len(doc) or doc[index + 1].lower_ not in {"who", "that"}:
        return False
    verb = doc[index + 2]
    if doc[index + 1].lower_ == "that":
        everyday = is_common_word(_base(doc[index].text).lower(), EVERYDAY_ZIPF, doc.lang_)
        if everyday or not _after_it_is_the(doc, index):
            return False
    return verb.pos_ == "VERB" and "Fin" in verb.morph.get("VerbForm")


def _after_it_is_the(doc, index: int) -> bool:
    words = [t.lower_ for t in doc[max(0, index - 3) : index]]
    return words in (["it", "'s", "the"], ["it", "’s", "the"], ["it", "is", "the"], ["it", "was", "the"])


def _sited(doc, index: int, places: frozenset[int]) -> bool:
    """The acronym has a site in a named place: "he's in AHI in Carrick-on-Shannon", "went to UNI up in Cedar
    Falls", "the PCYC at Moranbah" (`places`: where the turn's known places start; a term has no address)."""
    k = index + 1
    if k < len(doc) and doc[k].lower_ in DIRECTIONS:
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ not in SITE_PREPOSITIONS:
        return False
    return doc[k + 1].idx in places or doc[k + 1].ent_type_ in PLACE_ENTITIES


def _gone_through(before: list[str]) -> bool:
    """What something came through or off ("payroll is through BDO", "a sanction off the DWP"): a channel,
    weaker than an employer ("went through the PDF" reads so too, hence only for acronyms not everyday)."""
    before = _past_the_article(before)
    return bool(before) and before[-1] in CHANNELS


def _doing(auxiliary, verb) -> bool:
    """An auxiliary and the verb it carries make an action: "is coming", "has pushed" (not "is based")."""
    progressive = auxiliary.lemma_ in BE_VERBS and verb.tag_ == "VBG"
    perfect = auxiliary.lemma_ == "have" and verb.tag_ == "VBN" and verb.pos_ == "VERB"
    return progressive or perfect


def set_apart_as_an_institution(doc, index: int) -> bool:
    """The acronym is said to be an institution: "GTB, that's my bank", "the state, HHSC,", "PHMC, the
    regulator,", "and then PHMC, they do a training" (they: the organisation's people)."""
    before = doc[index - 2] if index >= 2 and doc[index - 1].text == "," else None
    if before is not None and before.lower_ in INSTITUTION_NOUNS:
        return True
    after = list(doc[index + 1 : index + 8])
    if not after or after[0].text != ",":
        return False
    words = [t.lower_ for t in after[1:]]
    if words[:1] in (["they"], ["ils"], ["ellos"]) and len(after) > 2 and after[2].pos_ in {"VERB", "AUX"}:
        return True
    while words and (words[0] in {"that", "it", "which", "'s", "’s", "is", "was", "c'est", "es"} or words[0] in DEFINITE
                     or words[0] in COMMON_NOUN_BEFORE):  # fmt: skip
        words = words[1:]
    return bool(words) and (words[0] in INSTITUTION_NOUNS or _headed_by_an_institution(after[-len(words) :]))


def _headed_by_an_institution(phrase) -> bool:
    """ "the BPO workers' network": a noun phrase whose head, before the next punctuation, is an institution."""
    words = []
    for token in phrase:
        if token.is_punct and token.text not in {"'", "’"}:
            break
        words.append(token)
    content = all(t.pos_ in {"NOUN", "PROPN", "ADJ", "PART"} or t.text in {"'", "’"} for t in words)
    heads = INSTITUTION_NOUNS | PARTS_OF_ORGANISATIONS  # "the health board", "the Fife branch"
    return content and bool(words) and words[-1].lower_ in heads


def _listed_with_an_organisation(doc, index: int) -> bool:
    """The acronym is one of a list of organisations: "por el banco, o por ANSES", "los bonos, FONASA, el
    Registro Civil", "Barclays and HSBC" (a neighbour the model tagged an organisation, or an institution)."""

    def organisation_at(k: int) -> bool:
        if not 0 <= k < len(doc) or is_acronym(doc[k].text):  # "el DNI, el RUT y el PIN": terms listed
            return False
        return doc[k].ent_type_ == "ORG" or doc[k].lower_ in INSTITUTION_NOUNS

    k = index - 1
    if k >= 0 and doc[k].pos_ == "ADP":
        k -= 1  # "o por ANSES"
    if k >= 0 and doc[k].lower_ in LIST_JOINERS:
        k -= 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    before = k < index - 1 and organisation_at(k)
    j = index + 1
    if j < len(doc) and (doc[j].text == "," or doc[j].lower_ in LIST_JOINERS):
        j += 1
        while j < len(doc) and doc[j].pos_ == "DET":
            j += 1  # "FONASA, el Registro Civil"; not "NDIS, with Riverbend Support Services"
        return before or organisation_at(j)
    return before


def _a_part_of_it_before(doc, index: int) -> bool:
    """A branch, member or delegate of the acronym, which ends the phrase: "the Penrith branch of the UWU"; not
    "a member of the ICU team"."""
    k = index - 1
    if k >= 0 and doc[k].lower_ in DEFINITE | ROMANCE_ARTICLES:
        k -= 1
    if k < 1 or doc[k].lower_ not in OF | {"of"}:
        return False
    after = doc[index + 1] if index + 1 < len(doc) else None
    return doc[k - 1].lower_ in PARTS_OF_ORGANISATIONS and (after is None or after.pos_ not in {"NOUN", "PROPN"})


def _contacted(doc, index: int) -> bool:
    """A bare acronym that someone calls, writes to or registers with: "Ebuka called GTB", "registered
    with DSD", "registered as an NPO with DSD", "complained to HMRC" (a role comes with an article: "tell
    the GP"; only a grievance goes to "the" one: "complain to the FSC")."""
    k = index - 1
    article = k >= 0 and doc[k].lower_ in DEFINITE
    k -= article
    if k < 0 or doc[k].lower_ not in {"to", "with", "a", "al", "à", "con", "avec"}:
        return not article and k >= 0 and _a_contact_verb(doc[k], article)
    start = k
    k -= 1
    while k >= 0 and start - k <= 4 and doc[k].pos_ in {"DET", "NOUN", "PROPN", "ADJ", "ADP", "NUM"}:
        k -= 1  # "registered as an NPO with", "sent the forms to"
    return k >= 0 and _a_contact_verb(doc[k], article)


def _a_contact_verb(token, after_an_article: bool) -> bool:
    verbs = GRIEVANCE_VERBS if after_an_article else CONTACT_VERBS
    return token.pos_ == "VERB" and token.lemma_.lower() in verbs


def _owns_what_follows(doc, index: int) -> bool:
    """The acronym has what an institution has: "our UOB account", "the KRA helpline", "la cuenta de BBVA",
    "une carte de la BNP"."""
    if index + 1 < len(doc) and doc[index + 1].lower_ in BELONGINGS:
        return True
    before = _words_before(doc, index)
    if before and before[-1] in ROMANCE_ARTICLES and before[-1] not in OF:
        before = before[:-1]  # "de la", "de l'"
    return len(before) >= 2 and before[-1] in OF and before[-2] in BELONGINGS


def _said_as_a_term(doc, index: int, use: AcronymUse, language: str) -> str | None:
    """TERM where the acronym is counted or owned ("TAs", "a TL", "my AHT", "on ICU", "piden el DNI"), MODIFIER
    where it only stands before an English noun ("the SEN register", "the MTN office"), else None."""
    if use.text != use.base or _counted_or_owned(doc, index, language):
        return TERM
    return MODIFIER if _before_a_noun(doc, index, language) else None


def _a_term_here(doc, index: int, language: str) -> bool:
    """Token `index` stands as a thing: after "a"/"my", handled with an article ("piden el DNI"), "on ICU",
    or before an English noun ("the SEN register")."""
    return _counted_or_owned(doc, index, language) or _before_a_noun(doc, index, language)


def _counted_or_owned(doc, index: int, language: str) -> bool:
    if index + 1 < len(doc) and doc[index + 1].lower_ in REPRESENTATIVES:
        return False  # "our RCN rep": the rep is ours, the RCN is what the rep stands for
    before = _words_before(doc, index)
    if (before and before[-1] in COMMON_NOUN_BEFORE) or _a_thing_handled(doc, index, language):
        return True
    if index > 0 and _a_count(doc[index - 1]):
        return True  # "neuf GIE", "d'autres EHPAD", "three CCGs": one of many
    if language == "en" and _after_a_bare_adjective(doc, index):
        return True  # "using fake GPS", "with free PPE": a thing, where an institution takes "the"
    return language == "en" and bool(before) and before[-1] == "on"  # "on ICU", "on A&E": a ward or a shift


def _after_a_bare_adjective(doc, index: int) -> bool:
    """An adjective right before, itself after neither a determiner nor a possessive ("fake GPS", not "the old
    BBC" or "our new CEO")."""
    if index < 1 or doc[index - 1].pos_ != "ADJ" or not doc[index - 1].is_lower:
        return False
    before = doc[index - 2] if index > 1 else None
    return before is None or not (before.pos_ in {"DET", "PRON"} or before.tag_ in {"DT", "PRP$", "POS"})


def _a_count(token) -> bool:
    """A number or a quantifier before a noun: "neuf", "two", "other", "plusieurs" (not a year: "2019 HMRC")."""
    if token.lower_ in QUANTIFIERS:
        return True
    return token.like_num and not (token.text.isdigit() and len(token.text) == 4)


def _before_a_noun(doc, index: int, language: str) -> bool:
    after = doc[index + 1] if index + 1 < len(doc) else None
    return language == "en" and after is not None and after.pos_ == "NOUN" and after.lower_ not in PEOPLE_NOUNS


def acronym_kinds(
    docs: list,
    uses: list[AcronymUse],
    names: list[str],
    language: str,
    places: dict[int, frozenset[int]],
    regions: list[str],
) -> dict[str, str]:
    """Acronym (without plural s) -> ORGANISATION, TERM or NICKNAME (someone's initials: "we call him JB"),
    from all its uses in the transcript (`places`: per turn, where the places found so far start; `regions`:
    the study's countries, where a listed brand's acronym names it)."""
    known = {n for n in names} | {u.base for u in uses if any(" " in n and abbreviates(u.base, n) for n in names)}
    evidence: dict[str, set[str]] = {}
    nickname = re.compile(rf"{NICKNAME_WORDS.get(language, NICKNAME_WORDS['en'])},? $")
    for use in uses:
        doc = docs[use.turn]
        index = next(i for i, t in enumerate(doc) if t.idx == use.start)
        kinds = evidence.setdefault(use.base, set())
        kinds |= {PLURAL} if use.text != use.base else set()
        kinds |= {KNOWN} if use.base in known else set()
        before = _words_before(doc, index)
        if nickname.search(doc.text[max(0, use.start - 40) : use.start]) or _a_relatives_initials(before):
            kinds.add(NICKNAME)  # "everyone calls him JB", "my son DJ"
        elif _one_of_a_kind(doc, index):
            kinds.add(TERM)  # "they are an NGO, they work…": one of a kind, whatever follows
        elif (
            use.base in known
            or _where_an_employer_stands(before)
            or _after_its_name(doc, index)
            or _a_part_of_it_before(doc, index)
        ):
            kinds.add(ORGANISATION)
        elif _named_by_article(before, language) and not _a_thing_handled(doc, index, language):
            kinds.add(WITH_AN_ARTICLE)
        elif (
            set_apart_as_an_institution(doc, index)
            or _listed_with_an_organisation(doc, index)
            or _owns_what_follows(doc, index)
        ):
            kinds.add(ORGANISATION)
        elif term := _said_as_a_term(doc, index, use, language):
            kinds.add(term)
        elif (
            _acting(doc, index)
            or _contacted(doc, index)
            or _sited(doc, index, places.get(use.turn, frozenset()))
            or (_gone_through(before) and not is_common_word(use.base.lower(), EVERYDAY_ZIPF, language))
        ):
            kinds.add(ACTING)
    return {
        base: _kind(kinds, is_brand_of_regions(base, regions) or _rare(base, language), _everyday(base, language))
        for base, kinds in evidence.items()
    }


def _written_as_often_as(acronym: str, language: str, zipf: float) -> bool:
    """Written at least this often (Zipf), in the transcript's language or in English."""
    return any(word_zipf(acronym.lower(), lang) >= zipf for lang in {language, "en"})


def _everyday(acronym: str, language: str) -> bool:
    """Written often, in the transcript's language or in English ("PDF", "GPS", "ICU")."""
    return _written_as_often_as(acronym, language, EVERYDAY_ZIPF)


def _rare(acronym: str, language: str) -> bool:
    """Hardly ever written, in the transcript's language or in English: technical terms travel ("GPS", "KYC",
    "ICU"), the acronym of a local body or firm does not ("NAFDAC", "DVSA", "COFOPRI")."""
    return not _written_as_often_as(acronym, language, RARE_ZIPF)


def acts_as_an_organisation(doc, index: int, language: str, places: frozenset[int]) -> bool:
    """The strong evidence that token `index` names an organisation, whatever its shape: where an employer
    stands, set apart as an institution, listed with one, owning what follows; or, unless it stands as a
    term, acting or contacted."""
    if _where_an_employer_stands(_words_before(doc, index)) or _after_its_name(doc, index):
        return True
    if set_apart_as_an_institution(doc, index) or _listed_with_an_organisation(doc, index):
        return True
    if _owns_what_follows(doc, index):
        return True
    return not _a_term_here(doc, index, language) and (
        _acting(doc, index) or _contacted(doc, index) or _sited(doc, index, places)
    )


def _kind(evidence: set[str], listed_brand: bool, everyday: bool) -> str:
    """Someone's initials, else a term if it is said in the plural ("SACCOs") and the study does not name it,
    else an organisation if any use says so, else an organisation if a use acts unless
    another counts or owns it ("my AHT"), else a term if any use says so ("tenemos el QR pegado", "mon GSM"),
    else an organisation if named with an article ("para el SAT"), a listed brand ("MTN") or rare, else a term:
    undecided (for review) where nothing said made it one and it is not everyday ("the NMC", "the KBC
    register"; not "the PDF")."""
    if NICKNAME in evidence:
        return NICKNAME
    if PLURAL in evidence and KNOWN not in evidence:
        return TERM  # "the SACCO" of "how SACCOs use it": the kind of body, not its name
    if ORGANISATION in evidence:
        return ORGANISATION
    if ACTING in evidence:
        return TERM if TERM in evidence else ORGANISATION
    named = WITH_AN_ARTICLE in evidence or listed_brand
    if named and not evidence & {TERM, MODIFIER}:
        return ORGANISATION
    return TERM if TERM in evidence or everyday else UNDECIDED


def _after_its_name(doc, index: int) -> bool:
    """The acronym follows a capitalised name as its short form: "University of Lagos, UNILAG, in 2011",
    "the Kenya Revenue Authority (KRA)"."""
    if index < 2 or doc[index - 1].text not in {",", "("}:
        return False
    after = doc[index + 1].text if index + 1 < len(doc) else "."
    return doc[index - 2].text[:1].isupper() and doc[index - 2].is_alpha and after in {",", ".", ")", ";"}


def _a_thing_handled(doc, index: int, language: str) -> bool:
    """Spanish: the acronym is a thing someone has or asks for, the object of a verb with only an article
    ("piden el DNI", "tienes el RUT"); an institution as the object takes "a" ("llamé al SAT"). ("pagan con
    el QR" would be a thing too, but "pelear con el SII" an institution: "con" decides nothing.) With the
    verb's object a pronoun before it, what follows is who does it ("la paga el DAEM")."""
    if language != "es" or index < 2 or doc[index - 1].lower_ not in ("el", "la", "los", "las"):
        return False
    verb = doc[index - 2]
    done_to_something = index >= 3 and doc[index - 3].lower_ in ("lo", "la", "los", "las")  # its object, a pronoun
    return verb.pos_ == "VERB" and not done_to_something  # "la paga el DAEM", "me lo pidió el SII": the doer


def _named_by_article(before: list[str], language: str) -> bool:
    """French and Spanish name organisations with an article ("au CHUV", "la CIE", "del SEPE")."""
    return language in ("fr", "es") and bool(before) and before[-1] in ROMANCE_ARTICLES


def place_starts(detections: list[Detection]) -> dict[int, frozenset[int]]:
    """Per turn, the offsets where the places among `detections` start."""
    starts: dict[int, set[int]] = {}
    for d in detections:
        if d.entity_type == "LOCATION":
            starts.setdefault(d.turn, set()).add(d.start)
    return {turn: frozenset(offsets) for turn, offsets in starts.items()}


def is_a_term(kind: str | None) -> bool:
    """The acronym stays for the coders (a term, or undecided and listed for review)."""
    return kind in (TERM, UNDECIDED)


def undecided_acronyms(uses: list[AcronymUse], kinds: dict[str, str]) -> list[Detection]:
    """Candidates for the review report: the uses of acronyms kept as terms though nothing said shows it."""
    return [
        Detection(u.turn, u.start, u.end, "ORGANIZATION", 0.3, "acronym, nothing says what it is", u.text)
        for u in uses
        if kinds.get(u.base) == UNDECIDED
    ]


def organisation_acronyms(uses: list[AcronymUse], kinds: dict[str, str]) -> list[Detection]:
    """Detections for the acronyms that are organisations or someone's initials (the model tags only some)."""
    types = {ORGANISATION: "ORGANIZATION", NICKNAME: "PERSON"}
    return [
        Detection(u.turn, u.start, u.end, types[kinds[u.base]], 0.6, "acronym", u.text)
        for u in uses
        if kinds.get(u.base) in types
    ]
