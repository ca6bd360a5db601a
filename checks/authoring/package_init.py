"""A new, empty claim package: the descriptor, the table schemas, empty tables, a README.

``claimledger init`` writes what a fact-checker needs to start their own package: the
same table schemas as this repository's package (shipped in ``checks/data/package/``),
every table empty but for its header, a descriptor with the name, title, version and
licence that ``publish`` asks for, a README stub and a GitHub Actions workflow. It never
overwrites: a folder that already holds a ``datapackage.json`` is refused.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from checks.io import atomic_write_files
from checks.model.errors import InputError
from checks.model.paths import DESCRIPTOR

TABLES: tuple[tuple[str, str], ...] = (
    ("sources", "Archived source documents"),
    ("claims", "Numeric claims quoted verbatim"),
    ("indicators", "What is measured"),
    ("indicator_terms", "Words that name an indicator (the counted noun after a number)"),
    ("rules", "Declared relations between indicators and claims"),
    ("waivers", "Accepted findings"),
    ("verdicts", "Fact-checkers' verdicts on claims"),
)
"""The resources of a new package, in the order the descriptor lists them."""

LICENCES: dict[str, tuple[str, str]] = {
    "CC-BY-4.0": (
        "https://creativecommons.org/licenses/by/4.0/",
        "Creative Commons Attribution 4.0",
    ),
    "CC-BY-SA-4.0": (
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "Creative Commons Attribution Share-Alike 4.0",
    ),
    "CC0-1.0": ("https://creativecommons.org/publicdomain/zero/1.0/", "CC0 1.0"),
    "ODC-BY-1.0": ("https://opendatacommons.org/licenses/by/1-0/", "Open Data Commons Attribution"),
    "ODbL-1.0": ("https://opendatacommons.org/licenses/odbl/1-0/", "Open Database License 1.0"),
}
"""Licences whose canonical URL and title a new descriptor can carry (SPDX identifiers)."""

_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_VERSION = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.+_-]*$")


@dataclass(frozen=True)
class PackageSettings:
    """What the descriptor of a new package says about it."""

    name: str
    title: str
    version: str = "0.1.0"
    licence: str = "CC-BY-4.0"


def package_name(folder: Path) -> str:
    """A Frictionless package name from a folder name: ASCII lower case, ``-`` between words.

    >>> package_name(Path("Kiểm chứng số liệu 2025"))
    'kiem-chung-so-lieu-2025'
    """
    text = unicodedata.normalize("NFKD", folder.name.replace("đ", "d").replace("Đ", "D"))
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "claims"


def _schema(name: str) -> dict[str, Any]:
    text = resources.files("checks").joinpath("data", "package", f"{name}.schema.json")
    loaded: dict[str, Any] = json.loads(text.read_text(encoding="utf-8"))
    return loaded


def descriptor(settings: PackageSettings) -> dict[str, Any]:
    """The ``datapackage.json`` of a new package (schemas referenced by path)."""
    licence: dict[str, str] = {"name": settings.licence}
    if settings.licence in LICENCES:
        url, title = LICENCES[settings.licence]
        licence |= {"path": url, "title": title}
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": settings.name,
        "title": settings.title,
        "version": settings.version,
        "licenses": [licence],
        "resources": [
            {
                "name": name,
                "type": "table",
                "path": f"datapackage/{name}.csv",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "title": title,
                "schema": f"datapackage/{name}.schema.json",
            }
            for name, title in TABLES
        ],
    }


def _check_settings(settings: PackageSettings) -> None:
    if not _NAME.match(settings.name):
        raise InputError(
            f"package name {settings.name!r} is not usable",
            column="--name",
            expected="lower-case letters, digits, '.', '_' or '-', e.g. my-fact-checks",
        )
    if not _VERSION.match(settings.version):
        raise InputError(
            f"version {settings.version!r} cannot name a release",
            column="--version",
            expected="a version such as 0.1.0",
        )
    if not settings.title.strip():
        raise InputError("the title is empty", column="--title", expected="a title")
    if not re.fullmatch(r"[A-Za-z0-9.+-]+", settings.licence):
        raise InputError(
            f"licence {settings.licence!r} is not an SPDX identifier",
            column="--licence",
            expected=f"an SPDX identifier such as {', '.join(LICENCES)}",
        )


def _readme(settings: PackageSettings) -> str:
    return f"""# {settings.title}

A claim package checked by [claimledger](https://pypi.org/project/claimledger/): numbers
quoted in the news, each with its verbatim quote and its archived source.

## Add an article

```sh
claimledger source add article.txt --title "..." --publisher "..." --published 2025-01-31
claimledger scan SOURCE_ID --draft drafts/SOURCE_ID.csv   # then review the draft
claimledger claims add drafts/SOURCE_ID.csv
claimledger check
```

- `sources/`: the archived texts (UTF-8, NFC), one file per source, registered in
  `datapackage/sources.csv` with their sha256.
- `datapackage/claims.csv`: one row per quoted number or dated event.
- `datapackage/indicators.csv`: what is measured; `datapackage/indicator_terms.csv`: the
  words (counted nouns) that name an indicator, so `scan --draft` can propose it.
- `datapackage/rules.csv`, `waivers.csv`, `verdicts.csv`: declared relations, accepted
  findings and verdicts.

Licence: {settings.licence}.
"""


_WORKFLOW = """# Runs claimledger on every pull request: findings appear as annotations,
# the job fails on error-level findings (see claimledger's docs/ci.md).
name: claimledger
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install claimledger
      - run: claimledger check --format json --format md --format junit --format sarif
      - if: always()
        run: cat reports/findings.md >> "$GITHUB_STEP_SUMMARY"
"""


def package_files(settings: PackageSettings) -> dict[str, str]:
    """Every file of a new package, by its path relative to the package root."""
    files: dict[str, str] = {
        DESCRIPTOR: json.dumps(descriptor(settings), indent=2, ensure_ascii=False) + "\n",
        "README.md": _readme(settings),
        ".github/workflows/claimledger.yml": _WORKFLOW,
        "sources/.gitkeep": "",
    }
    for name, _ in TABLES:
        schema = _schema(name)
        header = ",".join(field["name"] for field in schema["fields"])
        files[f"datapackage/{name}.schema.json"] = json.dumps(schema, indent=2) + "\n"
        files[f"datapackage/{name}.csv"] = header + "\n"
    return files


def init_package(folder: Path, settings: PackageSettings) -> list[Path]:
    """Write a new package into ``folder`` (created if missing); returns the files written.

    Refuses a folder that already holds a package, and never overwrites a file.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp()) / "my-checks"
    >>> written = init_package(root, PackageSettings("my-checks", "My checks"))
    >>> (root / "datapackage" / "claims.csv").read_text(encoding="utf-8")[:24]
    'claim_id,source_id,quote'
    """
    _check_settings(settings)
    if (folder / DESCRIPTOR).exists():
        raise InputError(
            "a package already exists here",
            path=str(folder / DESCRIPTOR),
            expected="an empty or new folder",
        )
    files = package_files(settings)
    existing = [rel for rel in files if (folder / rel).exists()]
    if existing:
        raise InputError(
            f"refusing to overwrite {', '.join(existing)}",
            path=str(folder),
            expected="a folder without these files",
        )
    targets = {folder / rel: text for rel, text in files.items()}
    atomic_write_files(targets)
    return list(targets)
