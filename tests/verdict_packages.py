"""Small packages for the graded-verdict tests: :func:`tests.claim_packages.build` with the
repository's indicator and rule schemas, so indicators can declare what they measure
(``measure``, ``max_change_per_year``, ``family_factor``) and rules their ``error_gap``
and ``edge_share``."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from tests.claim_packages import INDICATORS, build

REPO = Path(__file__).resolve().parents[1]

EXTRA_INDICATORS: list[tuple[str, str, str, str]] = [
    ("online-fraud-losses-share-of-gdp", "percent", "ratio", "online-fraud"),
    ("fraud-losses-estimated", "VND", "flow", "fraud-losses"),
    ("fraud-losses-reported", "VND", "flow", "fraud-losses"),
    ("fraud-losses-reported-usd", "USD", "flow", "fraud-losses"),
]


def _fields(name: str) -> list[str]:
    schema = json.loads((REPO / "datapackage" / f"{name}.schema.json").read_text("utf-8"))
    return [f["name"] for f in schema["fields"]]


def _write(path: Path, fields: list[str], rows: Iterable[Mapping[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in fields})


def build_graded(
    root: Path,
    claims: list[dict[str, str]],
    rules: Iterable[dict[str, str]] = (),
    sources: Mapping[str, Mapping[str, str]] | None = None,
    indicators: Mapping[str, Mapping[str, str]] | None = None,
) -> Path:
    """The package of :func:`~tests.claim_packages.build`, with the repository's indicator
    and rule schemas; ``indicators`` adds columns to indicator rows by id."""
    rules = list(rules)
    build(root, claims, rules, sources)
    data = root / "datapackage"
    for name in ("indicators", "rules"):
        shutil.copy(REPO / "datapackage" / f"{name}.schema.json", data / f"{name}.schema.json")
    declared = dict(indicators or {})
    rows = [
        {
            "indicator_id": i,
            "label": i.replace("-", " ").capitalize(),
            "definition": f"Definition of {i}.",
            "unit": u,
            "kind": k,
            "family": f,
            **declared.get(i, {}),
        }
        for i, u, k, f in [*INDICATORS, *EXTRA_INDICATORS]
    ]
    _write(data / "indicators.csv", _fields("indicators"), rows)
    _write(data / "rules.csv", _fields("rules"), rules)
    return root
