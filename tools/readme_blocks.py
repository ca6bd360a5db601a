"""Regenerate the README's generated blocks from the data (never typed by hand).

Blocks are delimited by ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``:

- ``counts``: claims per source and per indicator, from datapackage/claims.csv.
- ``example``: the real output of ``claimledger check`` and ``claimledger explain`` on the
  package (only with ``--example``: it runs the checks and rewrites reports/).

``python tools/readme_blocks.py`` rewrites README.md; ``--check`` exits 1 if the counts are
stale.
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rows(name: str) -> list[dict[str, str]]:
    with (ROOT / "datapackage" / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def counts_block() -> str:
    """Markdown tables of claims per source and per indicator."""
    claims = _rows("claims")
    sources = {r["source_id"]: r for r in _rows("sources")}
    indicators = {r["indicator_id"]: r for r in _rows("indicators")}
    by_source = Counter(c["source_id"] for c in claims)
    by_indicator = Counter(c["indicator_id"] for c in claims)
    lines = [
        f"{len(claims)} claims from {len(by_source)} sources, "
        f"{len(by_indicator)} indicators in use.",
        "",
        "| source | kind | claims |",
        "|---|---|---:|",
    ]
    for source_id in sorted(by_source, key=lambda s: (sources.get(s, {}).get("kind", ""), s)):
        kind = sources.get(source_id, {}).get("kind", "?")
        lines.append(f"| `{source_id}` | {kind} | {by_source[source_id]} |")
    lines += ["", "| indicator | kind | claims |", "|---|---|---:|"]
    for indicator_id in sorted(by_indicator):
        kind = indicators.get(indicator_id, {}).get("kind", "?")
        lines.append(f"| `{indicator_id}` | {kind} | {by_indicator[indicator_id]} |")
    return "\n".join(lines)


def _run(*args: str) -> str:
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "CI": "1"}
    env.pop("GITHUB_ACTIONS", None)
    done = subprocess.run(
        [sys.executable, "-m", "checks.cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return f"$ claimledger {' '.join(args)}\n{done.stdout.rstrip()}\n(exit {done.returncode})"


EXAMPLE_FINGERPRINT = "77afa77e5de7bfe1"


def example_block() -> str:
    """A real run: the check's summary, then one finding explained step by step."""
    check = _run("check")
    explain = _run("explain", EXAMPLE_FINGERPRINT)
    return (
        "Checking this repository's own package (output as printed, `COLUMNS=100`):\n\n"
        f"```text\n{check}\n```\n\n"
        "Every finding has a fingerprint; `explain` shows the rule, the computation step by "
        "step, the intervals, both quotes in context and what would resolve it:\n\n"
        f"```text\n{explain}\n```"
    )


BLOCKS = {"counts": counts_block}


def render(readme: str, blocks: dict[str, Callable[[], str]] = BLOCKS) -> str:
    for name, build in blocks.items():
        pattern = re.compile(
            rf"(<!-- {name}:start -->\n)(?:.*?\n)?(<!-- {name}:end -->)", flags=re.DOTALL
        )
        if not pattern.search(readme):
            raise SystemExit(f"README.md has no {name} block")
        readme = pattern.sub(lambda m, b=build: m.group(1) + b() + "\n" + m.group(2), readme)
    return readme


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="exit 1 if the README is stale")
    parser.add_argument("--example", action="store_true", help="also rerun the worked example")
    args = parser.parse_args()
    path = ROOT / "README.md"
    current = path.read_text(encoding="utf-8")
    blocks = {**BLOCKS, "example": example_block} if args.example else BLOCKS
    fresh = render(current, blocks)
    if args.check:
        if fresh != current:
            sys.stderr.write("README.md generated blocks are stale: run tools/readme_blocks.py\n")
            return 1
        return 0
    if fresh != current:
        path.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
