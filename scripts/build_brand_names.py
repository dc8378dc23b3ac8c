"""Build anonymise/data/brand_names.txt.gz from the name-suggestion-index (OpenStreetMap's canonical names of
brands and operators, BSD-3-Clause).

    npm pack name-suggestion-index@8.0.20260918      # or any later version
    python scripts/build_brand_names.py name-suggestion-index-8.0.20260918.tgz

Every brand's and operator's name (shops, banks, fuel, telecoms, delivery, utilities, hospitals...; not the
transit routes or flags) is written in lower case, one per line, sorted, with a tab and the countries the
index lists it in (ISO codes, lower case, comma-separated; "001" for the whole world). The licence travels
beside the list.
"""

from __future__ import annotations

import gzip
import json
import tarfile
from pathlib import Path

import click

KINDS = ("brands/", "operators/")
TAGS = ("name", "brand", "operator")
MAX_WORDS = 4
OUT = Path(__file__).resolve().parent.parent / "anonymise" / "data"


def names_in(index: dict) -> dict[str, set[str]]:
    """Lower-case names of every brand and operator in the index's categories, with their countries."""
    names: dict[str, set[str]] = {}
    for category, entry in index["nsi"].items():
        if not category.startswith(KINDS):
            continue
        for item in entry["items"]:
            countries = {_country(place) for place in item.get("locationSet", {}).get("include", [])}
            for tag in TAGS:
                name = " ".join(item["tags"].get(tag, "").split()).lower()
                if name and len(name.split()) <= MAX_WORDS:
                    names.setdefault(name, set()).update(countries - {""})
    return names


def _country(place) -> str:
    """The country code of a location-set entry ("gb", "001", "it-25.geojson" -> "it"); "" for coordinates."""
    if not isinstance(place, str):
        return ""
    code = place.split("-")[0].split(".")[0].lower()
    return code if code.isdigit() or len(code) == 2 else ""


@click.command()
@click.argument("package", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def main(package: Path) -> None:
    """Write the brand list and its licence from the index's npm package (a .tgz)."""
    with tarfile.open(package) as archive:
        index = json.load(archive.extractfile("package/dist/json/nsi.min.json"))
        licence = archive.extractfile("package/LICENSE.md").read().decode()
        version = json.load(archive.extractfile("package/package.json"))["version"]
    names = names_in(index)
    lines = [f"{name}\t{','.join(sorted(names[name]))}" for name in sorted(names)]
    with gzip.open(OUT / "brand_names.txt.gz", "wt", encoding="utf-8", compresslevel=9) as handle:
        handle.write("\n".join(lines) + "\n")
    (OUT / "BRAND_NAMES_LICENSE.md").write_text(
        f"brand_names.txt.gz: the names of brands and operators in name-suggestion-index {version}\n"
        "(https://github.com/osmlab/name-suggestion-index), lower-cased, built by scripts/build_brand_names.py.\n\n"
        + licence
    )
    click.echo(f"{len(names)} names from name-suggestion-index {version}")


if __name__ == "__main__":
    main()
