"""What one anonymised transcript becomes: the files for coders (checked by the privacy guard before any
is written) and the private review report."""

from __future__ import annotations

from dataclasses import dataclass

from anonymise.config import AnonymiseConfig
from anonymise.documents import SourceDocument, anonymised_text, anonymised_transcript
from anonymise.engine import AnonymisedDocument
from anonymise.guard import PrivacyLeak, find_leaks, guarded_terms
from anonymise.language import patterns_only_notice
from anonymise.report import report_csv, report_html, report_rows
from transcribe.study.fileio import atomic_write_bytes, atomic_write_text
from transcribe.study.layout import StudyFolder
from transcribe.study.textformat import parse_text, transcript_from_turns
from transcribe.study.transcript import ModelInfo, Source, Transcript
from transcribe.study.writers import WRITERS

PRIVATE = 0o600


@dataclass
class Handoff:
    files: dict[str, bytes]  # file name in for-coders/ -> content
    report_html: str
    report_csv: str


def coder_transcript(
    source: SourceDocument, result: AnonymisedDocument, recording_id: str, speakers: dict[str, str], checksum: str
) -> Transcript:
    """The anonymised transcript coders get, from a JSON transcript or a hand-edited text one."""
    if source.transcript is not None:
        return anonymised_transcript(source, result, recording_id, speakers)
    duration = source.turns[-1].start if source.turns else 0.0
    return transcript_from_turns(
        parse_text(anonymised_text(source, result, speakers)),
        Source(recording_id, checksum, float(duration)),
        ModelInfo("edited by hand", None, None),
        True,
    )


def build_handoff(
    source: SourceDocument, result: AnonymisedDocument, transcript: Transcript, config: AnonymiseConfig
) -> Handoff:
    recording_id = transcript.source.path
    files = {f"{recording_id}{WRITERS[f][0]}": WRITERS[f][1](transcript) for f in config.formats}
    rows = report_rows(source.turns, result)
    notice = patterns_only_notice(result.language) if result.language and result.language.patterns_only else None
    html = report_html(source.path.name, rows, config.source, result.language, notice)
    return Handoff(files, html, report_csv(rows))


def check_and_write(
    handoff: Handoff,
    source: SourceDocument,
    names: list[tuple[str, str]],
    config: AnonymiseConfig,
    folder: StudyFolder,
    language: str = "en",
) -> None:
    """The privacy guard over every outgoing file (`names`: the study's (entity type, surface) pairs), then
    the files; on a hit nothing goes to coders and the private `.leaks.tsv` says what was found where."""
    coders, reports = folder.for_coders, folder.reports
    terms = guarded_terms(names, config.common_word_zipf, language, tuple(config.allow_list))
    leaks = find_leaks(handoff.files, terms)
    if leaks:
        listing = "\n".join(f"{name}\t{term}" for name, term in leaks)
        leaks_file = reports / f"{source.stem}.leaks.tsv"
        atomic_write_text(leaks_file, listing + "\n", mode=PRIVATE)
        raise PrivacyLeak(
            f"{source.path.name}: privacy guard found {len(leaks)} identifying term(s) or marker(s) in the files "
            f"for coders; nothing written. Details (private): {leaks_file}"
        )
    (reports / f"{source.stem}.leaks.tsv").unlink(missing_ok=True)
    for name, data in handoff.files.items():
        atomic_write_bytes(coders / name, data)
    atomic_write_text(reports / f"{source.stem}.anonymisation.html", handoff.report_html, mode=PRIVATE)
    atomic_write_text(reports / f"{source.stem}.anonymisation.csv", handoff.report_csv, mode=PRIVATE)
