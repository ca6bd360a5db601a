"""Adding reviewed draft rows to ``claims.csv``: offsets placed, rows checked, then appended.

For each draft row the quote is looked up in its source's NFC text: offsets that already
point at it are kept; otherwise a single occurrence gives them (the change is reported);
a quote found nowhere, or found several times with offsets pointing at none, is refused
with the places it occurs. Ids already in ``claims.csv`` or repeated in the draft are
refused. The package is then checked in memory with the new rows appended (the schema
and citation checks); a new row named by one of their findings is refused with it. Only
when every row passes are they appended, all together and atomically.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from checks.authoring.table_append import append_rows
from checks.model.csvfile import read_csv_table
from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.model.package import Package, load_package
from checks.runner import run_checks

CHECKS = ("schema", "citation")
"""The checks a new row must pass before it is appended."""
SHOWN_PLACES = 5


@dataclass(frozen=True)
class Problem:
    """Why one draft row cannot be added: where it is and what is wrong."""

    line: int | None
    claim_id: str
    message: str

    def __str__(self) -> str:
        where = f"line {self.line}: " if self.line is not None else ""
        return f"{where}claim {self.claim_id or '(no id)'}: {self.message}"


class DraftRefused(InputError):
    """The draft cannot be added; ``problems`` lists every row that is wrong and why."""

    def __init__(self, draft: str, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(
            f"{len(problems)} problem(s) in the draft; nothing was added",
            path=draft,
            expected="reviewed rows that pass the schema and citation checks",
        )


@dataclass
class ClaimsAdded:
    rows: list[dict[str, str]]
    moved: list[str] = field(default_factory=list)  # "claim: a..b → c..d"


def occurrences(text: str, quote: str) -> list[int]:
    """Every start offset of ``quote`` in ``text`` (overlapping ones too).

    >>> occurrences("abcabc", "bc"), occurrences("aaa", "aa")
    ([1, 4], [0, 1])
    """
    found: list[int] = []
    at = text.find(quote)
    while at >= 0 and quote:
        found.append(at)
        at = text.find(quote, at + 1)
    return found


def _place(row: dict[str, str], text: str) -> str | None:
    """Set the row's offsets from its quote; returns an error message, or None."""
    quote = row.get("quote", "")
    if not quote:
        return "column quote: empty (expected the verbatim quote)"
    start, end = row.get("start", ""), row.get("end", "")
    if start.isdigit() and end.isdigit() and text[int(start) : int(end)] == quote:
        return None
    places = occurrences(text, quote)
    if not places:
        return f"column quote: {quote[:80]!r} does not occur in source {row['source_id']}"
    if len(places) > 1:
        shown = ", ".join(f"{p}..{p + len(quote)}" for p in places[:SHOWN_PLACES])
        return (
            f"column quote: {quote[:80]!r} occurs {len(places)} times in source "
            f"{row['source_id']} (at {shown}); widen the quote or give the offsets of one"
        )
    row["start"], row["end"] = str(places[0]), str(places[0] + len(quote))
    return None


def _source_texts(pkg: Package, source_ids: set[str]) -> dict[str, str | InputError]:
    sources = pkg.table("sources")
    texts: dict[str, str | InputError] = {}
    for source_id, path in zip(sources.get("source_id", []), sources.get("path", []), strict=True):
        if source_id in source_ids and source_id not in texts:
            try:
                texts[source_id] = pkg.source_text(path).text
            except InputError as exc:
                texts[source_id] = exc
    return texts


def add_claims(
    package: Path | str | None, draft: Path, defaults: Mapping[str, str] | None = None
) -> ClaimsAdded:
    """Check the draft's rows against the package and append them to ``claims.csv``.

    ``defaults`` fill the cells a row leaves empty (e.g. ``{"subject": "VNM"}``).
    Raises :class:`DraftRefused` (nothing written) when any row cannot be added.
    """
    pkg = load_package(package)
    claims = pkg.resources.get("claims")
    if claims is None:
        raise InputError("the package has no 'claims' resource", path=pkg.descriptor_path.name)
    table = read_csv_table(draft, display=str(draft), columns=claims.field_names)
    rows = [{c: str(v) for c, v in r.items()} for r in table.frame.to_dict("records")]
    for row in rows:
        row.update({c: v for c, v in (defaults or {}).items() if not row.get(c)})
    if not rows:
        raise InputError("the draft has no rows", path=str(draft), expected="claim rows")
    problems: list[Problem] = []
    texts = _source_texts(pkg, {r.get("source_id", "") for r in rows})
    taken = set(claims.frame["claim_id"].tolist())
    seen: set[str] = set()
    added = ClaimsAdded([])
    added_lines: dict[str, int] = {}
    for row, line in zip(rows, table.lines, strict=True):
        claim_id = row.get("claim_id", "")
        before = (row.get("start", ""), row.get("end", ""))
        message = _row_problem(row, texts, taken, seen)
        seen.add(claim_id)
        if message is not None:
            problems.append(Problem(line, claim_id, message))
            continue
        if (row["start"], row["end"]) != before:
            added.moved.append(
                f"{claim_id}: {before[0]}..{before[1]} → {row['start']}..{row['end']}"
            )
        added.rows.append(row)
        added_lines[claim_id] = line
    if added.rows:  # every row is reported in one run: the checks see the others too
        problems += _check_problems(load_package(package), added.rows, added_lines)
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.message))
        raise DraftRefused(str(draft), problems)
    append_rows(claims, added.rows)
    return added


def _row_problem(
    row: dict[str, str], texts: dict[str, str | InputError], taken: set[str], seen: set[str]
) -> str | None:
    claim_id = row.get("claim_id", "")
    if not claim_id:
        return "column claim_id: empty (expected a claim id)"
    if claim_id in taken:
        return f"column claim_id: {claim_id!r} is already in claims.csv"
    if claim_id in seen:
        return f"column claim_id: {claim_id!r} is repeated in the draft"
    text = texts.get(row.get("source_id", ""))
    if text is None:
        return f"column source_id: {row.get('source_id', '')!r} is not a source of the package"
    if isinstance(text, InputError):
        return f"source {row['source_id']} cannot be read: {text}"
    return _place(row, text)


def _check_problems(
    pkg: Package, new_rows: list[dict[str, str]], lines: dict[str, int]
) -> list[Problem]:
    """Run the schema and citation checks with the new rows in memory; their findings."""
    pkg.resources["claims"].append_in_memory(pd.DataFrame(new_rows, dtype=str))
    new_ids = {r["claim_id"] for r in new_rows}
    problems: list[Problem] = []
    for finding in run_checks(pkg, list(CHECKS)):
        named = [c for c in finding.claim_ids if c in new_ids]
        if named and _blocks(finding):
            problems += [
                Problem(lines.get(c), c, f"{finding.check}/{finding.code}: {finding.message}")
                for c in named
            ]
    return problems


_CONTEXT_WARNINGS = frozenset({"period-mismatch", "qualifier-unsupported"})
"""Citation warnings whose cause may lie in the wider sentence (a period or a hedge the
quote does not print): a reviewer who set them knowingly is not refused; check reports them."""


def _blocks(finding: Finding) -> bool:
    """Schema and citation errors refuse a row, and citation warnings but those of
    :data:`_CONTEXT_WARNINGS`."""
    if finding.severity is Severity.ERROR:
        return True
    return finding.check == "citation" and finding.code not in _CONTEXT_WARNINGS
