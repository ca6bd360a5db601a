"""Test helpers for editing CSV tables of a package copy."""

from __future__ import annotations

import csv
from pathlib import Path


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def edit_row(path: Path, key: str, match: str, **changes: str) -> None:
    """Change cells of the row whose ``key`` column equals ``value``."""
    rows = read_rows(path)
    hits = [r for r in rows if r[key] == match]
    assert hits, f"no row with {key}={match!r} in {path}"
    for row in hits:
        row.update(changes)
    write_rows(path, rows)
