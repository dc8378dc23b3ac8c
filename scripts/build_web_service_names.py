"""Build anonymise/data/web_service_names.txt.gz from the Majestic Million (the most linked-to web sites,
Creative Commons Attribution 3.0, https://majestic.com/reports/majestic-million).

    python scripts/build_web_service_names.py majestic_million.csv --top 15000

The name of each site (the label before its public suffix: "klarna" for klarna.com, "commbank" for
commbank.com.au) is written in lower case, one per line, sorted: the apps and online services people name in
interviews ("paid through razorpay", "mine's commbank"), which OpenStreetMap's brand list (shops with a
place) lacks. Names of fewer than three letters, or with digits or hyphens, are left out, and so are names made
of two everyday English words ("livestream", "signup", "skynet"): said in an interview, they are words.
"""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import click
import tldextract
from wordfreq import zipf_frequency

OUT = Path(__file__).resolve().parent.parent / "anonymise" / "data"
MIN_LETTERS = 3
EVERYDAY_ZIPF = 4.0  # each part of a compound this common in English: "live" + "stream"


def site_names(rows: list[dict], top: int) -> set[str]:
    """The lower-case names of the `top` best-ranked sites (the public suffix list that tldextract ships)."""
    extract = tldextract.TLDExtract(suffix_list_urls=())  # offline: the bundled snapshot
    names = set()
    for row in rows:
        if int(row["GlobalRank"]) > top:
            continue
        name = extract(row["Domain"]).domain.lower()
        if len(name) >= MIN_LETTERS and name.isalpha() and name.isascii() and not _two_everyday_words(name):
            names.add(name)
    return names


def _two_everyday_words(name: str) -> bool:
    """Whether the name splits into two words common in English ("sign" + "up")."""
    return any(
        zipf_frequency(name[:k], "en") >= EVERYDAY_ZIPF and zipf_frequency(name[k:], "en") >= EVERYDAY_ZIPF
        for k in range(2, len(name) - 1)
    )


@click.command()
@click.argument("ranking", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--top", default=15000, show_default=True, help="How many of the best-ranked sites to take.")
def main(ranking: Path, top: int) -> None:
    """Write the list of web services' names and its licence from the Majestic Million CSV."""
    with ranking.open(encoding="utf-8", newline="") as handle:
        names = site_names(list(csv.DictReader(handle)), top)
    with gzip.open(OUT / "web_service_names.txt.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("\n".join(sorted(names)) + "\n")
    (OUT / "WEB_SERVICE_NAMES_LICENSE.md").write_text(
        f"web_service_names.txt.gz: the names of the {top} best-ranked sites of the Majestic Million\n"
        "(https://majestic.com/reports/majestic-million, Majestic-12 Ltd), the label before the public suffix,\n"
        "lower-cased, built by scripts/build_web_service_names.py.\n\n"
        "Licence: Creative Commons Attribution 3.0 Unported (https://creativecommons.org/licenses/by/3.0/).\n"
        "Attribution: the Majestic Million, by Majestic (majestic.com).\n"
    )
    click.echo(f"{len(names)} names from the top {top} sites")


if __name__ == "__main__":
    main()
