"""Benchmark a rule binding many claims: 10,000 claims that all bind one identity rule.

    python benchmarks/bench_binding.py                       # 10,000 claims, both layouts
    python benchmarks/bench_binding.py --claims 3000 --layout copies

A real ledger quotes the same figure many times once many articles cover one event. The
package is the test fixture ``tests/fixtures/mini`` with the rule
``[population] = [internet-users] / [internet-penetration]`` and its three claims of one
subject and one period repeated until there are ``--claims`` claims:

- ``copies``: every copy in the same two sources (one article quoted again and again);
- ``sources``: every article copy is its own source (many articles, one figure each).

Every claim binds the rule, so a rule evaluated binding by binding would cost the cube of
the copies. ``claimledger check`` runs in a child process, once with the rule and once
without it (the difference is what the rule costs; the rest is the other checks and the
reports of thousands of provenance findings); its wall time and peak RSS
(``getrusage(RUSAGE_CHILDREN)``, the largest child so far) are printed with the number of
arithmetic findings.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"
RULE = (
    "population-identity,identity,[population] = [internet-users] / [internet-penetration],"
    ",,,warning,0,Penetration is users over the population.\n"
)
BOUND = ("city-users", "city-penetration", "city-population")


def build(folder: Path, claims: int, layout: str, rule: bool = True) -> None:
    """The mini package with ``claims`` claims binding one identity rule (or no rule)."""
    shutil.copytree(MINI, folder)
    if rule:
        with (folder / "datapackage" / "rules.csv").open("a", encoding="utf-8") as fh:
            fh.write(RULE)
    claims_csv = folder / "datapackage" / "claims.csv"
    rows = list(csv.DictReader(claims_csv.open(encoding="utf-8")))
    header = list(rows[0])
    bound = [r for r in rows if r["claim_id"] in BOUND]
    sources_csv = folder / "datapackage" / "sources.csv"
    source_rows = list(csv.DictReader(sources_csv.open(encoding="utf-8")))
    source_header = list(source_rows[0])
    by_id = {r["source_id"]: r for r in source_rows}
    copies = max(claims // len(bound), 1)
    out_rows = list(rows)
    for n in range(1, copies):
        for row in bound:
            copy = dict(row, claim_id=f"{row['claim_id']}-{n}")
            if layout == "sources":
                copy["source_id"] = f"{row['source_id']}-{n}"
            out_rows.append(copy)
    if layout == "sources":
        for n in range(1, copies):
            for source_id in sorted({r["source_id"] for r in bound}):
                source_rows.append(dict(by_id[source_id], source_id=f"{source_id}-{n}"))
    _write(claims_csv, header, out_rows)
    _write(sources_csv, source_header, source_rows)


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8")


def measure(folder: Path) -> dict[str, object]:
    out = folder.parent / "out"
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "checks.cli", "check", str(folder), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if done.returncode not in (0, 1):
        raise SystemExit(f"check exited {done.returncode}: {done.stderr}")
    findings = json.loads((out / "findings.json").read_text(encoding="utf-8"))["findings"]
    arithmetic = [f for f in findings if f["check"] == "arithmetic"]
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mb": round(peak_mb),
        "arithmetic_findings": len(arithmetic),
        "claims_in_findings": sum(len(f["claim_ids"]) for f in arithmetic),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--layout", choices=["copies", "sources", "both"], default="both")
    args = parser.parse_args(argv)
    layouts = ["copies", "sources"] if args.layout == "both" else [args.layout]
    for layout in layouts:
        for rule in (True, False):
            with tempfile.TemporaryDirectory() as tmp:
                folder = Path(tmp) / "pkg"
                build(folder, args.claims, layout, rule)
                result = measure(folder)
            which = "with the rule" if rule else "without it"
            print(f"binding {args.claims:,} claims ({layout}, {which}): {json.dumps(result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
