"""Time anonymising a one-hour interview transcript, end to end, beside out-of-the-box Presidio.

    python scripts/bench_anonymise.py                       # English, from tests/data/anonymise/en/dev
    python scripts/bench_anonymise.py --folder tests/data/anonymise/fr/dev

The transcript is built from the annotated excerpts of FOLDER, repeated with their timestamps moved on until
it holds WORDS words (an hour of interview speech is about 9,000). The `anonymise` command runs on it in a
child process (models loaded, key and reports written, files for coders checked by the guard), twice: a first
run, and a run after the transcript changed (the models are loaded again, as in a new run). Presidio's
AnalyzerEngine with the same spaCy model analyses the same turns in this process. Last line: one line of JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

sys.path.insert(0, str(Path(__file__).resolve().parent))
from eval_anonymise import out_of_the_box_presidio, turn_bodies

from anonymise.config import load_config
from anonymise.language import choose_language

ROOT = Path(__file__).resolve().parents[1]


def one_hour_transcript(folder: Path, words: int) -> list[str]:
    """Turn lines `[hh:mm:ss] Speaker: text` from the folder's excerpts until `words` words, time moving on."""
    lines, count, seconds = [], 0, 0
    excerpts = [json.loads(p.read_text())["text"] for p in sorted(folder.glob("t*.json"))]
    while count < words:
        for text in excerpts:
            for line in text.splitlines():
                speaker, _, body = line.partition("] ")[2].partition(": ")
                seconds += max(2, len(body.split()) * 60 // 150)  # 150 words a minute
                hh, mm, ss = seconds // 3600, seconds // 60 % 60, seconds % 60
                lines.append(f"[{hh:02d}:{mm:02d}:{ss:02d}] {speaker}: {body}")
                count += len(body.split())
            if count >= words:
                break
    return lines


def time_command(path: Path, output: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "anonymise.cli", str(path), "-o", str(output), "-q"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise click.ClickException(f"anonymise failed: {done.stderr.strip()[-500:]}")
    return elapsed


@click.command()
@click.option("--folder", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None)
@click.option("--words", type=int, default=9000, show_default=True, help="Words in the transcript (an hour).")
def main(folder: Path | None, words: int) -> None:
    folder = folder or ROOT / "tests" / "data" / "anonymise" / "en" / "dev"
    lines = one_hour_transcript(folder, words)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one-hour.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        first = time_command(path, Path(tmp) / "out")
        path.write_text("\n".join(lines) + "\n[99:00:00] Interviewer: Thank you.\n", encoding="utf-8")
        second = time_command(path, Path(tmp) / "out")
    bodies = [b for _, b in turn_bodies("\n".join(lines))]
    settings = load_config(None)
    language = choose_language(settings, None, "\n".join(bodies[:200]), "bench").code
    started = time.perf_counter()
    presidio = out_of_the_box_presidio(settings, language)
    loaded = time.perf_counter()
    for body in bodies:
        presidio.analyze(body, language=language)
    analysed = time.perf_counter()
    result = {
        "words": sum(len(b.split()) for b in bodies),
        "turns": len(bodies),
        "language": language,
        "tool_seconds_first_run": round(first, 1),
        "tool_seconds_after_an_edit": round(second, 1),
        "presidio_seconds_load": round(loaded - started, 1),
        "presidio_seconds_analyse": round(analysed - loaded, 1),
        "cpus": os.cpu_count(),
    }
    click.echo(
        f"{result['words']} words, {result['turns']} turns ({language}): anonymise command {first:.1f} s "
        f"(again after an edit {second:.1f} s); out-of-the-box Presidio {loaded - started:.1f} s to load, "
        f"{analysed - loaded:.1f} s to analyse (no propagation, no files)"
    )
    click.echo(json.dumps(result))


if __name__ == "__main__":
    main()
