"""Test helpers that add rows to a package copy: a source with its sha256, a claim at the
offsets of its quote, a waiver."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from tests.helpers import read_rows, write_rows


def add_source(root: Path, source_id: str, text: str, language: str = "vi") -> None:
    """Archive ``text`` as sources/<source_id>.txt and add its row with the right sha256."""
    data = text.encode("utf-8")
    (root / "sources" / f"{source_id}.txt").write_bytes(data)
    table = root / "datapackage/sources.csv"
    rows = read_rows(table)
    row = dict.fromkeys(rows[0], "")
    row.update(
        source_id=source_id,
        title=f"Source {source_id}",
        language=language,
        kind="news",
        path=f"sources/{source_id}.txt",
        sha256=hashlib.sha256(data).hexdigest(),
    )
    write_rows(table, [*rows, row])


def add_claim(root: Path, claim_id: str, like: str, **changes: str) -> None:
    """Add a claim copied from claim ``like`` with ``changes``; offsets follow the quote."""
    table = root / "datapackage/claims.csv"
    rows = read_rows(table)
    (base,) = [r for r in rows if r["claim_id"] == like]
    row = {**base, "claim_id": claim_id, **changes}
    if "quote" in changes and "start" not in changes:
        sources = {s["source_id"]: s for s in read_rows(root / "datapackage/sources.csv")}
        text = (root / sources[row["source_id"]]["path"]).read_text(encoding="utf-8")
        start = text.index(row["quote"])
        row.update(start=str(start), end=str(start + len(row["quote"])))
    write_rows(table, [*rows, row])


def write_waivers(root: Path, *waivers: tuple[str, str, str, str]) -> None:
    """Replace datapackage/waivers.csv with (fingerprint, justification, reviewer, expires)."""
    with (root / "datapackage/waivers.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["fingerprint", "justification", "reviewer", "expires"])
        writer.writerows(waivers)
