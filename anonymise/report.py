"""The review report a researcher reads before handing transcripts to coders (HTML and CSV).

Every replacement with its context, type, score and the rule that found it; and the candidates that
were not replaced, so a person can decide and add them to the deny- or allow-list.
"""

from __future__ import annotations

import csv
import html
import io

from anonymise.engine import AnonymisedDocument, Replacement
from anonymise.language import LanguageChoice, language_name
from transcribe.study.textformat import TextTurn, format_timestamp

CONTEXT = 40


def _context(text: str, r: Replacement) -> tuple[str, str, str]:
    return text[max(0, r.start - CONTEXT) : r.start], text[r.start : r.end], text[r.end : r.end + CONTEXT]


def report_rows(turns: list[TextTurn], result: AnonymisedDocument) -> list[dict]:
    rows = []
    for decision, items in (("replaced", result.replacements), ("review", result.review)):
        for r in items:
            if r.rule.endswith("(continued)"):
                continue  # the part of a name that ran into the next turn: listed with its start
            before, surface, after = _context(turns[r.turn].text, r)
            rows.append(
                {
                    "decision": decision,
                    "time": format_timestamp(turns[r.turn].start),
                    "speaker": turns[r.turn].speaker or "",
                    "type": r.entity_type,
                    "original": surface,
                    "pseudonym": r.pseudonym or "",
                    "score": r.score,
                    "rule": r.rule,
                    "context": f"{before}[{surface}]{after}",
                }
            )
    return rows


def report_csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(
        buffer, fieldnames=["decision", "time", "speaker", "type", "original", "pseudonym", "score", "rule", "context"]
    )
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def _language_line(language: LanguageChoice | None) -> str:
    if language is None:
        return ""
    return f"Language: {language_name(language.code)} ({language.code}, {language.found_by})."


def report_html(
    title: str, rows: list[dict], config_source: str, language: LanguageChoice | None = None, notice: str | None = None
) -> str:
    """The review page: a notice first when there is one, then candidates not replaced, then replacements."""

    def table(decision: str) -> str:
        body = []
        for row in (r for r in rows if r["decision"] == decision):
            before, rest = row["context"].split("[", 1)
            surface, after = rest.rsplit("]", 1) if "]" in rest else (rest, "")
            body.append(
                "<tr>"
                + "".join(f"<td>{html.escape(str(row[k]))}</td>" for k in ("time", "speaker", "type"))
                + f"<td>…{html.escape(before)}<mark>{html.escape(surface)}</mark>{html.escape(after)}…</td>"
                f"<td>{html.escape(row['pseudonym'])}</td><td>{row['score']:.2f}</td><td>{html.escape(row['rule'])}</td></tr>"
            )
        return (
            (
                "<table><tr><th>time</th><th>speaker</th><th>type</th><th>context</th><th>pseudonym</th>"
                "<th>score</th><th>found by</th></tr>" + "".join(body) + "</table>"
            )
            if body
            else "<p>None.</p>"
        )

    replaced = sum(r["decision"] == "replaced" for r in rows)
    review = len(rows) - replaced
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Anonymisation review: {html.escape(title)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:80em}}table{{border-collapse:collapse;width:100%}}
td,th{{border:1px solid #ccc;padding:.3em .5em;text-align:left;vertical-align:top}}mark{{background:#ffe08a}}
.private{{color:#a00;font-weight:bold}}.notice{{background:#fdd;padding:.5em;font-weight:bold}}</style></head><body>
{f'<p class="notice">{html.escape(notice)}</p>' if notice else ""}
<p class="private">PRIVATE: this report shows the original names. Keep it with the identified transcripts.</p>
<h1>Anonymisation review: {html.escape(title)}</h1>
<p>{replaced} replacement(s); {review} candidate(s) left for you to decide. Settings: {html.escape(config_source)}.
{html.escape(_language_line(language))}</p>
<p>To change a decision, add the term to the study's deny-list (always replace) or allow-list (never replace)
and run <code>anonymise</code> again; pseudonyms stay the same.</p>
<h2>Not replaced: please check</h2>{table("review")}
<h2>Replaced</h2>{table("replaced")}
</body></html>
"""
