"""Helpers for capturing claims by hand: offsets, hashes, and a verification pass.

Usage::

    python tools/capture_helpers.py            # verify datapackage/*.csv against sources/
    python tools/capture_helpers.py --coverage # also list every digit run in every body

``locate`` is what the capture uses to compute ``start``/``end``: offsets are Python ``str``
indices into the NFC-normalised text, never counted by hand. The exclusion patterns below are
the machine form of the rules in ``docs/data-capture.md`` (section "Not claims").
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIGIT_RUN = re.compile(r"\d+(?:[.,/-]\d+)*")

# rule id (docs/data-capture.md) -> pattern; a digit run inside a match is not a claim.
EXCLUSIONS: dict[str, re.Pattern[str]] = {
    "X1-document-number": re.compile(
        r"Điều \d+|Nghị quyết số \d+-[A-Z]+/[A-Z]+|Chỉ thị \d+|Công điện số \d+/[^\s]+"
        r"|resolution \d+/\d+"
    ),
    "X2-document-title": re.compile(r"Chỉ thị \d+ của [^.\n]*? về [^.\n]*?đến năm \d{4}"),
    "X3-round-the-clock": re.compile(r"(?<![\d/])24/7(?![\d/])"),
    "X4-scrape-metadata": re.compile(r"\A date \d{4}-\d{2}"),
    "X6-credit": re.compile(r"\(Ảnh:[^)]*\)|Ảnh: [A-ZĐ]+"),
}


def read_text(path: Path) -> str:
    """The file decoded as UTF-8 and NFC-normalised (the text offsets refer to)."""
    return unicodedata.normalize("NFC", path.read_bytes().decode("utf-8"))


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th (1-based) occurrence of ``quote`` in ``text``."""
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            raise ValueError(f"quote occurrence {occurrence} not found: {quote[:60]!r}")
    return start, start + len(quote)


def digit_runs(text: str, end: int | None = None) -> list[tuple[int, int, str]]:
    limit = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in DIGIT_RUN.finditer(text) if m.end() <= limit]


def excluded_by(text: str, start: int, end: int) -> str | None:
    for rule, pattern in EXCLUSIONS.items():
        for m in pattern.finditer(text):
            if m.start() <= start and end <= m.end():
                return rule
    return None


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _iso(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else None
    except ValueError:
        return None


def verify(root: Path = ROOT, coverage: bool = False) -> list[str]:
    """Problems found in the captured tables (empty when everything holds)."""
    problems: list[str] = []
    pkg = root / "datapackage"
    sources = {r["source_id"]: r for r in read_csv(pkg / "sources.csv")}
    indicators = {r["indicator_id"]: r for r in read_csv(pkg / "indicators.csv")}
    claims = read_csv(pkg / "claims.csv")
    texts: dict[str, str] = {}
    for sid, row in sources.items():
        path = root / row["path"]
        if sha256_file(path) != row["sha256"]:
            problems.append(f"source {sid}: sha256 mismatch")
        texts[sid] = read_text(path)
        if row["published"] and _iso(row["published"]) is None:
            problems.append(f"source {sid}: published not ISO")
    seen: set[str] = set()
    for c in claims:
        cid = c["claim_id"]
        if cid in seen:
            problems.append(f"claim {cid}: duplicate id")
        seen.add(cid)
        if c["source_id"] not in sources:
            problems.append(f"claim {cid}: unknown source")
            continue
        if c["indicator_id"] not in indicators:
            problems.append(f"claim {cid}: unknown indicator {c['indicator_id']}")
        text = texts[c["source_id"]]
        start, end = int(c["start"]), int(c["end"])
        if text[start:end] != c["quote"]:
            problems.append(f"claim {cid}: text[start:end] != quote")
        body_end = sources[c["source_id"]]["body_end"]
        if body_end and end > int(body_end):
            problems.append(f"claim {cid}: quote after body_end")
        if c["as_written"] not in c["quote"]:
            problems.append(f"claim {cid}: as_written not in quote")
        if bool(c["as_written"]) != bool(c["value"]):
            problems.append(f"claim {cid}: as_written and value must be both set or both empty")
        if c["value"]:
            try:
                float(c["value"])
            except ValueError:
                problems.append(f"claim {cid}: value not numeric")
        ps, pe = _iso(c["period_start"]), _iso(c["period_end"])
        if ps is None or pe is None or ps > pe:
            problems.append(f"claim {cid}: bad period {c['period_start']}..{c['period_end']}")
    if coverage:
        _print_coverage(sources, texts, claims)
    return problems


def _print_coverage(
    sources: dict[str, dict[str, str]], texts: dict[str, str], claims: list[dict[str, str]]
) -> None:
    for sid, row in sources.items():
        text = texts[sid]
        body_end = int(row["body_end"]) if row["body_end"] else None
        print(f"== {sid} (body_end={body_end})")
        mine = [c for c in claims if c["source_id"] == sid]
        for start, end, run in digit_runs(text, body_end):
            hits = []
            for c in mine:
                qs, qe = int(c["start"]), int(c["end"])
                if qs <= start and end <= qe:
                    aw = c["as_written"]
                    pos = c["quote"].find(aw) + qs if aw else -1
                    role = "number" if aw and pos <= start and end <= pos + len(aw) else "date"
                    hits.append(f"{c['claim_id']}({role})")
            rule = excluded_by(text, start, end)
            numbers = [h for h in hits if h.endswith("(number)")]
            why = ", ".join(numbers) or rule or ", ".join(hits) or "UNEXPLAINED"
            print(f"  {start:>5} {run!r:14} {why}")


def main(argv: list[str]) -> int:
    problems = verify(coverage="--coverage" in argv)
    for p in problems:
        print("PROBLEM", p)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
