"""Evaluate anonymisation on annotated transcripts (the ../shared/data/pii format), side by side with
Presidio's out-of-the-box AnalyzerEngine with the same spaCy model, on the same files.

    python scripts/eval_anonymise.py ../shared/data/pii tests/data/anonymise/en/dev tests/data/anonymise/en/test
    python scripts/eval_anonymise.py tests/data/anonymise/fr/test tests/data/anonymise/es/test

Each FOLDER holds tNN.json files ({"text", "spans": [{"start", "end", "type"}]}), and optionally
allow_list.txt (kept terms) and decoys.json (ordinary words per file that must not be replaced).
Scoring is at token level: a token inside a gold span is found when it was replaced; a token outside
every span that was replaced is a false positive. Each file is a study of its own (a fresh key); the
language is the tool's choice (detected from the text). After the folders, the word counts of all folders of
one language are pooled (the shared `pii` folder apart). The last line of output is one line of JSON.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import click

from anonymise.config import load_config, read_term_list
from anonymise.engine import Anonymiser
from anonymise.guard import find_leaks, guarded_terms
from anonymise.pseudonyms import StudyKey

TYPE_NAMES = {"ORGANIZATION": "ORG", "EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "STREET_ADDRESS": "ADDRESS"}
LINE = re.compile(r"^\[\d\d:\d\d:\d\d\] [^:]+: ", re.MULTILINE)
NOT_TRANSCRIPTS = {"decoys.json", "allow_list.json"}  # a folder's decoys and its allow list (spans.py output, no spans)


def turn_bodies(text: str) -> list[tuple[int, str]]:
    """(offset, body) of each turn line, the part after `[hh:mm:ss] Speaker: `."""
    bodies, position = [], 0
    for line in text.split("\n"):
        match = LINE.match(line)
        if match:
            bodies.append((position + match.end(), line[match.end() :]))
        position += len(line) + 1
    return bodies


def tool_spans(anonymiser: Anonymiser, text: str, name: str, key: StudyKey) -> tuple[list, list, str, int]:
    """What the tool replaced and what it listed for review (document offsets, type), the language it chose,
    and how many known names the privacy guard would still find in its output (the anonymiser must leave none
    for the guard)."""
    bodies = turn_bodies(text)
    result = anonymiser.anonymise_turns([b for _, b in bodies], name, key)
    spans, review = (
        [
            (bodies[r.turn][0] + r.start, bodies[r.turn][0] + r.end, TYPE_NAMES.get(r.entity_type, r.entity_type))
            for r in items
        ]
        for items in (result.replacements, result.review)
    )
    names = [(e.entity_type, s) for e in key.entities for s in e.surfaces]
    terms = guarded_terms(
        names, anonymiser.config.common_word_zipf, result.language.code, tuple(anonymiser.config.allow_list)
    )
    guard_hits = len(find_leaks({"out.txt": "\n".join(result.turns).encode()}, terms))
    return spans, review, result.language.code, guard_hits


def presidio_spans(analyzer, text: str, language: str) -> list[tuple[int, int, str]]:
    bodies = turn_bodies(text)
    spans = []
    for offset, body in bodies:
        for r in analyzer.analyze(body, language=language):
            spans.append((offset + r.start, offset + r.end, TYPE_NAMES.get(r.entity_type, r.entity_type)))
    return spans


class Score:
    def __init__(self) -> None:
        self.gold = defaultdict(int)
        self.found = defaultdict(int)
        self.predicted = defaultdict(int)
        self.correct = defaultdict(int)
        self.decoys_replaced: list[str] = []
        self.allowed_replaced: list[str] = []
        self.missed: list[str] = []
        self.missed_listed: list[str] = []  # the missed words inside a candidate the review report lists
        self.review_items = 0
        self.false_positives: list[str] = []

    def add(
        self,
        name: str,
        text: str,
        gold: list[dict],
        predicted: list[tuple[int, int, str]],
        decoys: list[str],
        allow: list[str],
        review: list[tuple[int, int, str]] = (),
    ) -> None:
        def covered(start: int, end: int, spans) -> str | None:
            for s in spans:
                s_start, s_end, s_type = (s["start"], s["end"], s["type"]) if isinstance(s, dict) else s
                if start < s_end and s_start < end:
                    return s_type
            return None

        for match in re.finditer(r"\w+", text):
            gold_type = covered(match.start(), match.end(), gold)
            pred_type = covered(match.start(), match.end(), predicted)
            if gold_type:
                self.gold[gold_type] += 1
                if pred_type:
                    self.found[gold_type] += 1
                else:
                    self.missed.append(f"{name}: {gold_type} {match.group()!r}")
                    if covered(match.start(), match.end(), review):
                        self.missed_listed.append(self.missed[-1])
            if pred_type:
                self.predicted[pred_type] += 1
                if gold_type:
                    self.correct[pred_type] += 1
                else:
                    self.false_positives.append(f"{name}: {pred_type} {match.group()!r}")
        for terms, failures in ((decoys, self.decoys_replaced), (allow, self.allowed_replaced)):
            for term in terms:
                for match in re.finditer(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text):
                    if not covered(match.start(), match.end(), gold) and covered(match.start(), match.end(), predicted):
                        failures.append(f"{name}: {term!r} at {match.start()}")
        self.review_items += len(review)

    def merge(self, other: Score) -> None:
        """Add another folder's counts (for a figure pooled over folders)."""
        for counts in ("gold", "found", "predicted", "correct"):
            for kind, count in getattr(other, counts).items():
                getattr(self, counts)[kind] += count
        self.missed.extend(other.missed)
        self.missed_listed.extend(other.missed_listed)
        self.review_items += other.review_items
        for mine, theirs in (
            (self.decoys_replaced, other.decoys_replaced),
            (self.allowed_replaced, other.allowed_replaced),
        ):
            mine.extend(theirs)

    def summary(self) -> dict:
        recall = {t: round(self.found[t] / n, 4) for t, n in sorted(self.gold.items())}
        precision = {t: round(self.correct[t] / n, 4) for t, n in sorted(self.predicted.items())}
        total_gold, total_pred = sum(self.gold.values()), sum(self.predicted.values())
        return {
            "recall": recall,
            "precision": precision,
            "recall_overall": round(sum(self.found.values()) / total_gold, 4) if total_gold else None,
            "precision_overall": round(sum(self.correct.values()) / total_pred, 4) if total_pred else None,
            "decoys_replaced": len(self.decoys_replaced),
            "allow_listed_replaced": len(self.allowed_replaced),
            "missed_words": len(self.missed),
            "missed_listed_for_review": len(self.missed_listed),
            "review_items": self.review_items,
        }


def out_of_the_box_presidio(settings, language: str):
    """Presidio's AnalyzerEngine as shipped, with the tool's own spaCy model for the language (Presidio's
    default, en_core_web_lg, is not installed)."""
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    from anonymise.nlp_models import engine_config_for

    models = engine_config_for(settings.nlp_engine, language)["models"]
    nlp = NlpEngineProvider(nlp_configuration={"nlp_engine_name": "spacy", "models": models}).create_engine()
    return AnalyzerEngine(nlp_engine=nlp, supported_languages=[language])


GROUPS = {"person_org": ("PERSON", "ORG"), "contacts": ("PHONE", "EMAIL", "URL")}


def group_recall(score: Score, types: tuple[str, ...]) -> float | None:
    gold = sum(score.gold[t] for t in types)
    return round(sum(score.found[t] for t in types) / gold, 4) if gold else None


def scored(score: Score) -> dict:
    """A score's summary with its group recalls."""
    return {**score.summary(), **{g: group_recall(score, t) for g, t in GROUPS.items()}}


def evaluate_folder(folder: Path, config: Path | None, anonymiser_cache: dict) -> tuple[dict, dict[str, Score]]:
    """Tool and Presidio scores on one folder."""
    allow_file = folder / "allow_list.txt"
    allow = read_term_list(allow_file) if allow_file.exists() else []
    decoys = json.loads((folder / "decoys.json").read_text()) if (folder / "decoys.json").exists() else {}
    settings = load_config(config, allow_lists=(allow_file,) if allow_file.exists() else ())
    anonymiser = Anonymiser(settings)
    scores = {"tool": Score(), "presidio": Score()}
    files = [f for f in sorted(folder.glob("*.json")) if f.name not in NOT_TRANSCRIPTS]
    languages: Counter = Counter()
    guard_hits = 0
    started = time.perf_counter()
    for path in files:
        text, gold = (data := json.loads(path.read_text()))["text"], data["spans"]
        key = StudyKey(settings.pseudonym_format, settings.labels)
        spans, review, language, hits = tool_spans(anonymiser, text, path.stem, key)
        languages[language] += 1
        guard_hits += hits
        scores["tool"].add(path.stem, text, gold, spans, decoys.get(path.stem, []), allow, review)
        if language not in anonymiser_cache:
            anonymiser_cache[language] = out_of_the_box_presidio(settings, language)
        found = presidio_spans(anonymiser_cache[language], text, language)
        scores["presidio"].add(path.stem, text, gold, found, decoys.get(path.stem, []), allow)
    result = {"folder": str(folder), "files": len(files), "languages": sorted(languages)}
    result["language"] = languages.most_common(1)[0][0] if languages else None  # what most files are in
    result["seconds"] = round(time.perf_counter() - started, 1)
    for name, score in scores.items():
        result[name] = scored(score)
    result["tool"]["guard_hits"] = guard_hits
    return result, scores


def pooled_by_language(results: list[dict], scores: list[dict[str, Score]]) -> list[dict]:
    """Word counts of every folder added up per language (the language most of its files are in), the tool
    and Presidio side by side. Folders named `pii` (the shared training set) are left out."""
    pools: dict[str, dict[str, Score]] = {}
    folders: dict[str, int] = defaultdict(int)
    for result, folder_scores in zip(results, scores):
        if Path(result["folder"]).name == "pii":
            continue
        language = result["language"]
        folders[language] += 1
        for name, score in folder_scores.items():
            pools.setdefault(language, {}).setdefault(name, Score()).merge(score)
    return [
        {"language": language, "folders": folders[language], **{name: scored(s) for name, s in pool.items()}}
        for language, pool in pools.items()
    ]


def print_summaries(heading: str, result: dict) -> None:
    click.echo(heading)
    for name in ("tool", "presidio"):
        summary = result[name]
        click.echo(
            f"{name}: recall {summary['recall_overall']}, PERSON+ORG {summary['person_org']}, contacts "
            f"{summary['contacts']}, precision {summary['precision_overall']}, decoys replaced "
            f"{summary['decoys_replaced']}, allow-listed replaced {summary['allow_listed_replaced']}"
            + (f", left for the guard {summary['guard_hits']}" if "guard_hits" in summary else "")
        )
        if name == "tool":
            click.echo(
                f"  missed words listed for review: {summary['missed_listed_for_review']} of "
                f"{summary['missed_words']}; review items: {summary['review_items']}"
            )
        click.echo(f"  recall by type:    {summary['recall']}")
        click.echo(f"  precision by type: {summary['precision']}")


def print_folder(result: dict, tool: Score, show_errors: bool) -> None:
    print_summaries(f"== {result['folder']} ({result['files']} files, {', '.join(result['languages'])})", result)
    if show_errors:
        for title, items in (
            ("missed", tool.missed),
            ("missed, listed for review", tool.missed_listed),
            ("false positives", tool.false_positives),
            ("decoys replaced", tool.decoys_replaced),
            ("allow-listed replaced", tool.allowed_replaced),
        ):
            if items:
                click.echo(f"tool {title}: " + "; ".join(items), err=True)


@click.command()
@click.argument("folders", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--config", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None)
@click.option("--show-errors/--no-show-errors", default=True, help="List missed tokens and false positives.")
def main(folders: tuple[Path, ...], config: Path | None, show_errors: bool) -> None:
    presidio_by_language: dict = {}
    results, scores = [], []
    for folder in folders:
        result, folder_scores = evaluate_folder(folder, config, presidio_by_language)
        print_folder(result, folder_scores["tool"], show_errors)
        results.append(result)
        scores.append(folder_scores)
    pooled = pooled_by_language(results, scores)
    for pool in pooled:
        print_summaries(f"== pooled: {pool['language']} ({pool['folders']} folders)", pool)
    click.echo(json.dumps({"results": results, "pooled": pooled}))


if __name__ == "__main__":
    sys.exit(main())
