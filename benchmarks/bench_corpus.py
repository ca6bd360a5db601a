"""Benchmark ``claimledger scan CORPUS --out``: documents per second, local and on Dask.

    python benchmarks/bench_corpus.py                     # 5,000 documents
    python benchmarks/bench_corpus.py --documents 20000 --workers 2

The corpus is a JSON Lines file of news-like documents: the paragraphs of the package's
archived sources that hold numbers, each with every run of three or more digits replaced
by random digits of the same length (seeded), so the number parser's cache does not make
later documents free. It is scanned three ways, each in a fresh process timed end to end
(imports, reading, scanning, writing Parquet): the local engine pinned to one core, the
local engine unpinned (it is one process either way), and the dask engine on a
LocalCluster of ``--workers`` processes. The three mention tables must be equal.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
_LONG_DIGITS = re.compile(r"\d{3,}")


def write_corpus(path: Path, documents: int, seed: int = 7) -> int:
    """A JSON Lines corpus of ``documents`` paragraphs; returns its size in bytes."""
    paragraphs = [
        p.strip()
        for source in sorted((ROOT / "sources").glob("*.txt"))
        for p in source.read_text(encoding="utf-8").split("\n")
        if len(p.strip()) > 80 and any(c.isdigit() for c in p)
    ]
    rng = random.Random(seed)

    def vary(match: re.Match[str]) -> str:
        digits = match.group(0)
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    with path.open("w", encoding="utf-8") as handle:
        for n in range(documents):
            text = _LONG_DIGITS.sub(vary, paragraphs[n % len(paragraphs)])
            handle.write(json.dumps({"id": f"doc-{n:07d}", "text": text}, ensure_ascii=False))
            handle.write("\n")
    return path.stat().st_size


def timed(argv: list[str], *, one_core: bool) -> float:
    began = time.perf_counter()
    subprocess.run(
        argv,
        check=True,
        stdout=subprocess.DEVNULL,
        preexec_fn=(lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}))
        if one_core
        else None,
    )
    return time.perf_counter() - began


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=5_000)
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster processes")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as folder:
        work = Path(folder)
        corpus = work / "corpus.jsonl"
        size = write_corpus(corpus, args.documents)
        scan = [str(BIN / "claimledger"), "scan", str(corpus)]
        dask = ["--engine", "dask", "--workers", str(args.workers)]
        runs = {
            "local, one core": timed([*scan, "--out", str(work / "a")], one_core=True),
            "local": timed([*scan, "--out", str(work / "b")], one_core=False),
            f"dask, LocalCluster of {args.workers}": timed(
                [*scan, "--out", str(work / "c"), *dask],
                one_core=False,
            ),
        }
        tables = [pq.read_table(work / name) for name in ("a", "b", "c")]
        if not (tables[0].equals(tables[1]) and tables[0].equals(tables[2])):
            raise SystemExit("the engines gave different mention tables")
        mentions = tables[0].num_rows
    print(
        f"corpus: {args.documents:,} documents, {size / 1e6:.1f} MB JSON Lines, "
        f"{mentions:,} mentions; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    for name, seconds in runs.items():
        print(f"  {name:28} {seconds:7.1f} s  {args.documents / seconds:8.0f} documents/s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
