"""coverage: every number in a source's body is captured by a claim.

Each source's text before ``body_end`` is scanned (``claimledger scan``); numbers that no
claim captures and that are not identifiers are listed in ONE info finding per source,
keyed by the source id so that its fingerprint survives edits elsewhere. All sources are
scanned, reference excerpts included: the package captures their numbers too
(docs/data-capture.md C3). What "captures" means is in :mod:`checks.scan.coverage`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from checks.ledger.ledger import ledger
from checks.model.codes import FindingCode
from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.model.package import Package
from checks.registry import register
from checks.scan.claim_index import SourceClaims, index_claims
from checks.scan.coverage import fully_captured, uncaptured
from checks.scan.mention import Mention
from checks.scan.scanner import scan_text
from checks.suite.common import row_finding

CHECK = "coverage"
SHOWN = 8
"""Uncaptured numbers named in the message."""
LISTED = 50
"""Uncaptured numbers listed in the evidence, the first ones in text order; the count says
how many there are. A source of tens of thousands of numbers gives one bounded finding."""
RESOLVE = (
    "capture each number as a claim (`claimledger scan SOURCE_ID --draft OUT.csv` drafts the "
    "rows), or, if it names something rather than counts it, add a rule to "
    "checks/data/identifiers.csv"
)


CODES: tuple[FindingCode, ...] = (
    FindingCode(
        "uncaptured-numbers",
        "Numbers in a source that no claim captures",
        "Capture each listed number as a claim, or mark it as an identifier; one finding per "
        "source lists them.",
        "info",
        "coverage is a to-do list for the fact-checker, not a contradiction",
    ),
)


@register
class CoverageCheck:
    id: ClassVar[str] = CHECK
    lane: ClassVar[str] = "sources"  # reads the archived texts: runs beside the table checks
    title: ClassVar[str] = "Every number in a source's body is captured by a claim"
    codes: ClassVar[tuple[FindingCode, ...]] = CODES
    help: ClassVar[str] = (
        "Scans each source's text before body_end for numbers (as `claimledger scan` does) "
        "and lists, in one info finding per source, those that no claim captures: a number "
        "is captured when its digits lie inside a claim's as_written, a date also when it "
        "lies inside a claim's quote. Identifiers (Điều 64, 57-NQ/TW, 24/7) are not listed."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        if not pkg.has("sources"):
            return
        claims = (
            index_claims(pkg.table("claims"), ledger(pkg).quote_positions)
            if pkg.has("claims")
            else {}
        )
        sources = pkg.table("sources")
        columns = {name: sources[name].tolist() for name in sources.columns}
        for row in range(len(sources)):
            source = {name: cells[row] for name, cells in columns.items()}
            finding = _source_finding(pkg, row, source, claims.get(str(source["source_id"])))
            if finding is not None:
                yield finding


def _source_finding(
    pkg: Package, row: int, source: dict[str, Any], claims: SourceClaims | None
) -> Finding | None:
    source_id = str(source["source_id"])
    try:
        text = pkg.source_text(str(source["path"])).text
    except InputError:
        return None  # the citation check reports a source it cannot read
    body_end = _body_end(str(source.get("body_end", "")), len(text))
    body = text[:body_end]
    if claims is not None and fully_captured(body, claims.number_spans()):
        return None  # every digit lies inside an as_written: nothing left to find
    language = str(source.get("language", ""))
    scan = scan_text(body, language if language in ("vi", "en") else "auto")
    missing = uncaptured(scan.mentions, claims.spans() if claims is not None else [])
    if not missing:
        return None
    listed = ", ".join(f"{m.as_written!r} at {m.start}" for m in missing[:SHOWN])
    more = f" and {len(missing) - SHOWN} more" if len(missing) > SHOWN else ""
    return row_finding(
        pkg,
        check=CHECK,
        code="uncaptured-numbers",
        severity=Severity.INFO,
        resource="sources",
        row=row,
        message=f"source {source_id}: {len(missing)} number(s) in the body that no claim "
        f"captures: {listed}{more}",
        evidence={
            "source_id": source_id,
            "path": str(source["path"]),
            "body_end": body_end,
            "uncaptured_count": len(missing),
            "uncaptured": [_listed(m) for m in missing[:LISTED]],
            "resolve": RESOLVE,
        },
        key=source_id,
    )


def _body_end(cell: str, length: int) -> int:
    cell = cell.strip()
    if not (cell.isascii() and cell.isdigit()):
        return length
    return length if len(cell) > 18 else min(int(cell), length)  # 10,000 digits: past any end


def _listed(mention: Mention) -> dict[str, Any]:
    return {
        "start": mention.start,
        "end": mention.end,
        "as_written": mention.as_written,
        "kind": mention.kind.value,
        "quote": mention.quote,
    }
