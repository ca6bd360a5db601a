"""Regenerate the README's generated blocks from the data (never typed by hand).

Blocks are delimited by ``<!-- NAME:start -->`` and ``<!-- NAME:end -->``:

- ``counts``: claims per source and per indicator, from datapackage/claims.csv.

``python tools/readme_blocks.py`` rewrites README.md; ``--check`` exits 1 if a block is stale.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter
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


BLOCKS = {"counts": counts_block}


def render(readme: str) -> str:
    for name, build in BLOCKS.items():
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
    args = parser.parse_args()
    path = ROOT / "README.md"
    current = path.read_text(encoding="utf-8")
    fresh = render(current)
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
