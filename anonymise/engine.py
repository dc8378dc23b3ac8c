"""Anonymising one transcript (a list of turn texts): detect, propagate, pseudonymise with presidio-anonymizer."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from presidio_anonymizer import AnonymizerEngine
from presidio_anonymizer.entities import OperatorConfig, RecognizerResult

from anonymise.acronyms import (
    TERM,
    acronym_kinds,
    acronym_uses,
    organisation_acronyms,
    place_starts,
    undecided_acronyms,
)
from anonymise.address_chains import join_address_parts, street_names_said_alone
from anonymise.brands import brand_words
from anonymise.carriers import phone_operators
from anonymise.config import AnonymiseConfig
from anonymise.coordinated_names import names_joined_to_a_name
from anonymise.corrected_numbers import phones_with_their_corrections
from anonymise.described_firms import described_firms
from anonymise.detect import Detection, Detector, overlaps
from anonymise.dictation import grow_dictated_contacts, numbers_across_a_prompt
from anonymise.doubtful import is_a_country, is_a_holiday, split_doubtful
from anonymise.employers import employers, employers_typed
from anonymise.grammar import CAPITALS_MARK_NAMES, honorific_pattern
from anonymise.guard import guarded_places
from anonymise.hyphenated_words import whole_hyphenated_words
from anonymise.known_names import KnownNames
from anonymise.language import LanguageChoice, choose_language
from anonymise.listed_brands import brands_in_use, capitalised_listed_brands, listed_brands
from anonymise.local_places import local_places
from anonymise.name_spans import (
    appositive_names,
    capitalised_runs,
    extend_person_names,
    institutions_after_a_name,
    merge_detections,
    names_joined_by_and,
    organisations_of_a_place,
    possessive_names,
    rare_proper_nouns,
    surname_particles,
    with_place_prefix,
)
from anonymise.names import KIN_TERMS, fold, is_title
from anonymise.numbered_branches import numbered_branches
from anonymise.peoples import names_peoples_or_languages_only
from anonymise.propagate import (
    first_words_of_organisations,
    given_names_before_their_surnames,
    identifier_surfaces,
    leading_words_of_organisations,
    organisation_short_forms,
    propagate,
    repeat_identifiers,
    short_forms_typed,
)
from anonymise.pseudonyms import StudyKey
from anonymise.retagged_names import names_read_with_a_capital
from anonymise.said_postcodes import said_postcodes
from anonymise.sentence_case_names import institutions_in_sentence_case
from anonymise.spelled_acronyms import spelled_uses
from anonymise.spelled_words import words_before_their_spelling
from anonymise.split_emails import mailboxes_before_an_at
from anonymise.spoken import spoken_words
from anonymise.terms import NAME_TYPES, parse_terms
from anonymise.turns import CutName, find_cut_names
from anonymise.unknown_words import unknown_words_to_review
from anonymise.word_names import (
    lower_case_given_names,
    months_named_as_people,
    names_after_a_role,
    nicknames_with_their_article,
    word_names_acting,
)
from anonymise.written_names import names_as_written


@dataclass
class Replacement:
    turn: int  # index of the turn the span is in
    start: int  # character offsets inside that turn's text
    end: int
    entity_type: str
    score: float
    rule: str  # which recognizer or rule found it
    original: str
    pseudonym: str | None  # None for a candidate left for review


@dataclass
class AnonymisedDocument:
    turns: list[str]  # anonymised turn texts, one per input turn
    replacements: list[Replacement] = field(default_factory=list)
    review: list[Replacement] = field(default_factory=list)  # low-confidence candidates not replaced
    language: LanguageChoice | None = None  # the language it was anonymised in, and how that was decided


@dataclass
class Findings:
    replace: list[Detection]  # what is replaced, merged, one per span
    review: list[Detection]  # candidates left for a person to decide
    cut_names: list[CutName]  # names that run from one turn into the next


def study_seeds(key: StudyKey, deny_list: list[str], entity_types: list[str]) -> list[Detection]:
    """Names already known from other transcripts of the study and from the deny-list."""
    seeds = [
        Detection(-1, 0, 0, e.entity_type, 1.0, "study-key", s)
        for e in key.entities
        if e.entity_type in NAME_TYPES
        for s in e.surfaces
    ]
    seeds += [
        Detection(-1, 0, 0, t.entity_type, 1.0, "deny-list", t.text) for t in parse_terms(deny_list, entity_types)
    ]
    return seeds


class Anonymiser:
    """Holds the loaded models (one set per language, loaded when first needed); anonymises one transcript at
    a time against a study key."""

    def __init__(self, config: AnonymiseConfig):
        self.config = config
        self._detectors: dict[LanguageChoice, Detector] = {}
        self.anonymizer = AnonymizerEngine()

    def detector(self, language: LanguageChoice) -> Detector:
        key = LanguageChoice(language.code, "", language.patterns_only)
        if key not in self._detectors:
            self._detectors[key] = Detector(self.config, language.code, language.patterns_only)
        return self._detectors[key]

    def _acronyms(
        self,
        texts: list[str],
        docs: list,
        keep: list[Detection],
        names: list[str],
        regions: list[str],
        detector: Detector,
    ) -> tuple[dict[str, str], list[Detection], list[Detection]]:
        """What each acronym is, decided from all its uses, written whole or letter by letter
        (anonymise.spelled_acronyms): the kinds, the organisations and initials to replace, and the undecided
        ones to list for review."""
        code = detector.language
        uses = acronym_uses(docs, detector.allow, code)
        spelled_docs, spelled, letters = spelled_uses(texts, keep, detector.allow, code, detector.reparse, len(docs))
        kinds = acronym_kinds(docs + spelled_docs, uses + spelled, names, code, place_starts(keep), regions)
        found = organisation_acronyms(uses, kinds) + letters(organisation_acronyms(spelled, kinds))
        return kinds, found, undecided_acronyms(uses, kinds) + letters(undecided_acronyms(spelled, kinds))

    def find(self, texts: list[str], key: StudyKey, language: LanguageChoice) -> Findings:
        """What to replace in the turns (after propagation and merging), and what to list for review."""
        config, detector, code = self.config, self.detector(language), language.code
        allow = detector.allow
        parsed = detector.parse(texts)
        docs = [p.tokens for p in parsed]
        keep, review = detector.detect(texts, parsed)
        seeds = study_seeds(key, config.deny_list, config.entities)
        names = [d.text for d in seeds if d.entity_type in NAME_TYPES]
        names += [d.text for d in keep if d.entity_type in NAME_TYPES and " " in d.text]  # for their initials
        regions = config.regions_for(code)
        kinds, acronyms, undecided = self._acronyms(texts, docs, keep, names, regions, detector)
        keep, doubtful = split_doubtful(docs, keep, kinds, config.common_word_zipf, code)
        review += doubtful
        review += [
            c
            for c in undecided + unknown_words_to_review(docs, allow, code)
            if not overlaps(c.turn, c.start, c.end, review)
        ]
        keep += acronyms
        keep += said_postcodes(texts, code)
        if not language.patterns_only:  # patterns only: no guessing at names from capitals either
            keep += rare_proper_nouns(docs, keep, allow, code, config.common_word_zipf)
            keep += months_named_as_people(docs, keep, code)
            keep += names_as_written(texts, code)
            keep += word_names_acting(docs, keep, config.common_word_zipf, code)
            keep += names_after_a_role(docs, keep, allow, code)
            keep += lower_case_given_names(docs, keep, allow, config.common_word_zipf, code)
            keep += capitalised_runs(docs, keep, allow, code)
            keep += institutions_in_sentence_case(docs, allow, code)
            keep += employers(docs, keep, allow)
            keep += described_firms(docs, keep, allow, code)
            keep += local_places(docs, keep, allow, code)
            keep += brand_words(docs, keep, allow, code)
            keep += listed_brands(docs, keep, allow, code, config.common_word_zipf)
            keep += brands_in_use(docs, keep, allow, code, config.common_word_zipf)
            keep += capitalised_listed_brands(docs, keep, allow, code, regions, config.common_word_zipf)
            keep += phone_operators(docs, keep, allow, code)
            keep += names_joined_to_a_name(docs, keep, allow, code)
        listed = {s.text.casefold() for s in seeds}  # the study's own names win over the allow-list
        allowed = [allow.spans(text) for text in texts]  # where the study's kept terms stand, per turn
        keep = [d for d in keep if d.text.casefold() in listed or not _inside_an_allowed_term(d, allowed)]
        festive = [d for d in keep if is_a_holiday(d, texts[d.turn], code)]  # "for Diwali": to review, not known
        keep, review = [d for d in keep if d not in festive], review + festive
        terms = frozenset(acronym for acronym, kind in kinds.items() if kind == TERM)
        known = KnownNames(keep + seeds, config.max_spelling_edits, config.common_word_zipf, code, terms)
        found = join_address_parts(texts, keep + propagate(docs, known, allow), code, review, docs)
        found += organisation_short_forms(docs, found, code) + first_words_of_organisations(docs, found, code)
        found += leading_words_of_organisations(docs, found)
        found += repeat_identifiers(texts, identifier_surfaces(found, code), code)
        grown = extend_person_names(docs, found, allow, config.common_word_zipf, code)
        grown += given_names_before_their_surnames(docs, found + grown, known)
        grown += appositive_names(docs, found + grown, allow, code)
        found += grown + self._propagate_new_names(docs, grown, known, allow)
        if not language.patterns_only:
            found += names_read_with_a_capital(docs, found, known, detector.reparse)
        surnames = _surnames(known)
        found = [
            d
            for d in merge_detections(found + words_before_their_spelling(texts, code), texts)
            if d.text.casefold() in listed or not _allowed(d, texts, allowed, code, surnames)
        ]
        found += mailboxes_before_an_at(texts, found, code)
        found = merge_detections(
            phones_with_their_corrections(texts, grow_dictated_contacts(texts, found, code), code), texts
        )
        found = names_joined_by_and(texts, merge_detections(found + numbers_across_a_prompt(texts, found, code), texts))
        found = institutions_after_a_name(texts, organisations_of_a_place(texts, found, code), code)
        found = surname_particles(texts, found)
        found = merge_detections(found + nicknames_with_their_article(texts, found, code), texts)
        found = possessive_names(docs, with_place_prefix(docs, [_person_if_known(d, known) for d in found]))
        found = numbered_branches(texts, short_forms_typed(employers_typed(docs, found)))
        found = merge_detections(whole_hyphenated_words(texts, found), texts)
        cuts = find_cut_names(docs, found, review, config.common_word_zipf, code)
        found = merge_detections(found + [c.rest for c in cuts], texts)
        if code in CAPITALS_MARK_NAMES:  # "en Suisse": capitals make rules find countries there
            found = [d for d in found if d.text.casefold() in listed or not is_a_country(d, texts[d.turn], code)]
        found = merge_detections(found + self._left_for_the_guard(texts, seeds, found, code), texts)
        found = merge_detections(found + street_names_said_alone(review, found), texts)
        review = [r for r in review if not overlaps(r.turn, r.start, r.end, found)]
        return Findings(found, review, cuts)

    def _propagate_new_names(self, docs: list, grown: list[Detection], known: KnownNames, allow) -> list[Detection]:
        """The words of people's names found only by growing a name ("Happy" of "Happy Agbenyega", found next
        to a known surname) are names elsewhere too: propagated like the names found before."""
        new = [
            d for d in grown if d.entity_type == "PERSON" and any(fold(w) not in known.words for w in d.text.split())
        ]
        if not new:
            return []
        config = self.config
        learned = KnownNames(new, config.max_spelling_edits, config.common_word_zipf, known.language)
        return propagate(docs, learned, allow)

    def _left_for_the_guard(
        self, texts: list[str], seeds: list[Detection], found: list[Detection], language: str
    ) -> list[Detection]:
        """Every place where the privacy guard would find a name of the study or of this transcript that
        nothing replaced: replaced too, so the guard is the last check, never the mechanism."""
        names = [(d.entity_type, d.text) for d in seeds + found]
        places = guarded_places(texts, names, self.config.common_word_zipf, language, tuple(self.config.allow_list))
        return [
            Detection(turn, start, end, kind, 0.9, "known name", texts[turn][start:end])
            for turn, start, end, kind in places
            if not overlaps(turn, start, end, found)
        ]

    def anonymise_turns(
        self, texts: list[str], recording: str, key: StudyKey, language: LanguageChoice | None = None
    ) -> AnonymisedDocument:
        """Each turn's identifying words replaced by the study's pseudonyms (new ones added to `key`); the
        language, when not given, is chosen from the config or the text (`anonymise.language`)."""
        texts = [" ".join(t.split("\n")) for t in texts]
        language = language or choose_language(self.config, None, "\n".join(texts), recording)
        findings = self.find(texts, key, language)
        for cut in findings.cut_names:
            key.pseudonym(cut.first.entity_type, cut.whole)  # a name cut in two is one name
        for d in sorted(findings.replace, key=lambda d: (-len(d.text.split()), d.turn, d.start)):
            key.pseudonym(d.entity_type, d.text)  # whole names first, so their parts link to them
        replacements = [
            Replacement(
                d.turn, d.start, d.end, d.entity_type, d.score, d.rule, d.text,
                key.pseudonym(d.entity_type, d.text, recording, f"turn {d.turn + 1}"),
            )
            for d in findings.replace
        ]  # fmt: skip
        turns = [self._replace(text, [r for r in replacements if r.turn == i]) for i, text in enumerate(texts)]
        review = [
            Replacement(r.turn, r.start, r.end, r.entity_type, r.score, r.rule, r.text, None) for r in findings.review
        ]
        return AnonymisedDocument(turns, replacements, review, language)

    def _replace(self, text: str, replacements: list[Replacement]) -> str:
        """presidio-anonymizer's replace operator, one operator per span (so each gets its own pseudonym)."""
        if not replacements:
            return text
        operators = {}
        results = []
        for index, r in enumerate(replacements):
            if not r.pseudonym:
                raise ValueError(f"empty pseudonym for a {r.entity_type} detection")  # would leave a tag
            tag = f"SPAN_{index}"
            operators[tag] = OperatorConfig("replace", {"new_value": r.pseudonym})
            results.append(RecognizerResult(tag, r.start, r.end, r.score))
        return self.anonymizer.anonymize(text, results, operators).text


_AFTER_A_TITLE = re.compile(rf"(?<![\w-]){honorific_pattern()} $")


def _allowed(
    d: Detection, texts: list[str], allowed: list[list[tuple[int, int]]], language: str, surnames: frozenset[str]
) -> bool:
    if d.entity_type not in NAME_TYPES:
        return False
    if d.text.strip().casefold() in spoken_words(language).ats:
        return True  # "¿Arroba qué?", "Arobase ?": the "@" of an e-mail said alone is no name
    word = re.sub(r"['’]s$", "", d.text)
    kin = (d.entity_type == "PERSON" or language == "en") and fold(word) in KIN_TERMS
    title = language == "en" and " " not in word and is_title(word) and fold(word) not in surnames
    kin = kin or title  # "Coach says", "Mam" for ma'am; not "Bishop made a rule" after "Judith Bishop"
    if (kin or names_peoples_or_languages_only(d.text, language)) and not _AFTER_A_TITLE.search(
        texts[d.turn][: d.start]
    ):
        return True  # "Mum", "Uncle", "Por Por", "Somali", "Cameroonians" alone: no name ("Mr Ouma" is one)
    return any(s < d.end and d.start < e for s, e in allowed[d.turn])


def _surnames(known: KnownNames) -> frozenset[str]:
    """The last words of people's full names that open with no title ("Bishop" of "Judith Bishop")."""
    names = [p.text.split() for p in known.people]
    return frozenset(fold(words[-1]) for words in names if len(words) > 1 and not is_title(words[0]))


def _inside_an_allowed_term(d: Detection, allowed: list[list[tuple[int, int]]]) -> bool:
    """A word found inside a term the study keeps ("Airtel" of "Airtel Money"): no name to learn or spread."""
    return any(s <= d.start and d.end <= e for s, e in allowed[d.turn])


def _person_if_known(d: Detection, known: KnownNames) -> Detection:
    """A word that names a person elsewhere is a person here too, whatever the model said ("Priya's")."""
    form = known.words.get(fold(d.text)) if " " not in d.text.strip() else None
    if d.entity_type in NAME_TYPES and d.entity_type != "PERSON" and form is not None and form.entity_type == "PERSON":
        return replace(d, entity_type="PERSON")
    return d
