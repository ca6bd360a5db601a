"""Build small data packages for the consistency-check tests.

``build(root, claims, rules)`` copies the ``mini`` fixture (descriptor and schemas) and
replaces its tables: each source's text is the quotes of its claims, one per line, so
every quote is found at its offsets and the citation check stays quiet. Claims are
dicts with defaults for everything but what a test cares about.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from checks.model.finding import Finding
from checks.model.package import load_package
from checks.runner import run_checks

FIXTURE = Path(__file__).parent / "fixtures" / "mini"

INDICATORS: list[tuple[str, str, str, str]] = [
    # indicator_id, unit, kind, family
    ("population", "person", "stock", "population"),
    ("internet-users", "person", "stock", "internet-use"),
    ("internet-penetration", "percent", "ratio", "internet-use"),
    ("online-fraud-reports", "report", "flow", "online-fraud"),
    ("online-fraud-losses", "VND", "flow", "online-fraud"),
    ("online-fraud-losses-growth", "percent", "ratio", "online-fraud"),
    ("gdp", "VND", "flow", "gdp"),
    ("exchange-rate-usd-vnd", "VND/USD", "ratio", "exchange-rate"),
    ("cybercrime-cost", "USD", "flow", "cybercrime-cost"),
    ("cybercrime-cost-growth", "percent", "ratio", "cybercrime-cost"),
    ("cyberattacks-serious", "attack", "flow", "cyber-incidents"),
    ("cyber-incidents", "incident", "flow", "cyber-incidents"),
    ("negotiation-duration", "year", "duration", "milestones"),
    ("partnership-years", "year", "duration", "milestones"),
    ("adoption", "", "event", "milestones"),
    ("signing", "", "event", "milestones"),
    ("deadline", "", "event", "milestones"),
    ("membership", "", "event", "milestones"),
]

CLAIM_FIELDS = [
    "claim_id", "source_id", "quote", "start", "end", "as_written", "speaker", "subject",
    "indicator_id", "value", "unit", "qualifier", "period_start", "period_end",
    "translation_en", "note",
]  # fmt: skip
SOURCE_FIELDS = [
    "source_id", "title", "publisher", "url", "published", "language", "kind", "path",
    "sha256", "body_end", "note",
]  # fmt: skip
RULE_FIELDS = [
    "rule_id", "kind", "expression", "minimum", "maximum", "unit", "severity", "tolerance",
    "rationale",
]  # fmt: skip


def claim(claim_id: str, indicator: str, as_written: str = "", **fields: str) -> dict[str, str]:
    """A claim row; ``period`` ("2023" or "2023-01-01..2023-12-31" or one date) sets both ends."""
    unit = next((u for i, u, _, _ in INDICATORS if i == indicator), "")
    row = {
        "claim_id": claim_id,
        "source_id": "article",
        "as_written": as_written,
        "subject": "VNM",
        "indicator_id": indicator,
        "unit": unit,
        "qualifier": "exact",
        "speaker": "",
        "note": "",
        "translation_en": "",
    }
    period = fields.pop("period", "2023")
    start, _, end = period.partition("..")
    if len(start) == 4:
        start, end = f"{start}-01-01", f"{start}-12-31"
    row.update(period_start=start, period_end=end or start)
    row.update(fields)
    row.setdefault("quote", f"{claim_id}: {as_written or 'event'}")
    return row


def rule(rule_id: str, kind: str, expression: str, **fields: str) -> dict[str, str]:
    row = dict.fromkeys(RULE_FIELDS, "")
    row.update(rule_id=rule_id, kind=kind, expression=expression, severity="error")
    row.update(tolerance="0", rationale=f"test rule {rule_id}")
    row.update(fields)
    return row


def _write(path: Path, fields: list[str], rows: Iterable[Mapping[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: row.get(k, "") for k in fields})


def build(
    root: Path,
    claims: list[dict[str, str]],
    rules: Iterable[dict[str, str]] = (),
    sources: Mapping[str, Mapping[str, str]] | None = None,
) -> Path:
    """Write a package at ``root`` holding these claims and rules; returns ``root``."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(FIXTURE, root)
    for old in (root / "sources").iterdir():
        old.unlink()
    source_info = dict(sources or {})
    texts: dict[str, list[str]] = {}
    for row in claims:
        texts.setdefault(row["source_id"], []).append(row["quote"])
    source_rows = []
    claim_rows = []
    for source_id, quotes in texts.items():
        text = "\n".join(dict.fromkeys(quotes)) + "\n"
        data = text.encode("utf-8")
        (root / "sources" / f"{source_id}.txt").write_bytes(data)
        info = {"kind": "news", "language": "vi", **source_info.get(source_id, {})}
        source_rows.append(
            {
                "source_id": source_id,
                "title": f"Source {source_id}",
                "path": f"sources/{source_id}.txt",
                "sha256": hashlib.sha256(data).hexdigest(),
                **info,
            }
        )
        for row in claims:
            if row["source_id"] == source_id:
                start = text.index(row["quote"])
                value = row.get("value", "")
                claim_rows.append(
                    {
                        **row,
                        "start": str(start),
                        "end": str(start + len(row["quote"])),
                        "value": value,
                    }
                )
    order = {row["claim_id"]: i for i, row in enumerate(claims)}
    claim_rows.sort(key=lambda r: order[r["claim_id"]])
    data_dir = root / "datapackage"
    _write(data_dir / "sources.csv", SOURCE_FIELDS, source_rows)
    _write(data_dir / "claims.csv", CLAIM_FIELDS, claim_rows)
    _write(
        data_dir / "indicators.csv",
        ["indicator_id", "label", "definition", "unit", "kind", "family"],
        (
            {"indicator_id": i, "label": i.replace("-", " ").capitalize(),
             "definition": f"Definition of {i}.", "unit": u, "kind": k, "family": f}
            for i, u, k, f in INDICATORS
        ),
    )  # fmt: skip
    _write(data_dir / "rules.csv", RULE_FIELDS, rules)
    verdicts = data_dir / "verdicts.csv"
    if verdicts.exists():
        header = verdicts.read_text(encoding="utf-8").splitlines()[0]
        verdicts.write_text(header + "\n", encoding="utf-8")
    return root


def findings(root: Path, *checks: str) -> list[Finding]:
    """Run the given checks (all of them by default) on the package at ``root``."""
    return run_checks(load_package(root), list(checks) if checks else None)


def codes(found: Iterable[Finding]) -> list[tuple[str, str, tuple[str, ...]]]:
    """(code, severity, sorted claim ids) of each finding, sorted: easy to compare exactly."""
    return sorted((f.code, f.severity.value, tuple(sorted(f.claim_ids))) for f in found)


def sentence_package(root: Path, stated: str = "40%", printed: int = 1) -> Path:
    """A package whose one sentence states a change from 10.000 to 16.000 (``tăng
    {stated}``), captured as three claims that quote the whole sentence; ``printed`` times
    (a copy differs in its spacing, as a pasted paragraph may, and its claim ids end in
    the copy's number)."""
    written = f"tăng {stated}"
    rows = []
    for copy in range(printed):
        space = " " * (copy + 1)
        sentence = (
            f"Số phản ánh tăng từ 10.000 năm 2022 lên 16.000 năm 2023,{space}tương ứng tăng "
            f"{stated}."
        )
        tag = str(copy + 1) if copy else ""
        rows += [
            claim(f"lo{tag}", "online-fraud-reports", "10.000", value="10000", quote=sentence,
                  period="2022"),
            claim(f"hi{tag}", "online-fraud-reports", "16.000", value="16000", quote=sentence),
            claim(f"growth{tag}", "online-fraud-losses-growth", written,
                  value=stated.rstrip("%"), quote=sentence),
        ]  # fmt: skip
    return build(root, rows)
