"""Benchmark ``scan_text`` on a text of at least 1 MB.

    python benchmarks/bench_scan.py            # 1 MB, best of 5
    python benchmarks/bench_scan.py --mb 4 --repeat 3
    PYTHONPATH=/tmp/before python benchmarks/bench_scan.py   # another revision's scanner

The text is the five archived articles and the reference excerpts of the package, repeated
until it reaches the size, with every run of three or more digits replaced by random
digits of the same length in each copy (seeded), so that later copies do not just hit the
number parser's cache. The wall time of each run is measured with ``time.perf_counter``
in this process; the first run includes compiling the patterns and reading the tables.
The CPU time (``time.process_time``) of the other runs is printed too: on a shared machine
it varies far less than the wall time. With ``PYTHONPATH`` pointing at a checkout of
another revision (``git worktree add /tmp/before REV``), the same text goes through that
revision's scanner.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
import unicodedata
from pathlib import Path

from checks.scan import scan_text

ROOT = Path(__file__).resolve().parents[1]
_LONG_DIGITS = re.compile(r"\d{3,}")


def build_text(megabytes: float, seed: int = 7) -> str:
    """A Vietnamese news text of at least ``megabytes`` MB (UTF-8), numbers varied per copy."""
    pieces = [
        unicodedata.normalize("NFC", p.read_text(encoding="utf-8"))
        for p in sorted((ROOT / "sources").glob("*.txt"))
    ]
    corpus = "\n\n".join(pieces)
    rng = random.Random(seed)

    def vary(match: re.Match[str]) -> str:
        digits = match.group(0)
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    target = int(megabytes * 1_000_000)
    copies: list[str] = []
    size = 0
    while size < target:
        copy = _LONG_DIGITS.sub(vary, corpus) if copies else corpus
        copies.append(copy)
        size += len(copy.encode("utf-8")) + 2
    return "\n\n".join(copies)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="text size in MB (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="runs (default 5)")
    parser.add_argument("--language", default="vi", help="vi, en or auto (default vi)")
    args = parser.parse_args(argv)
    text = build_text(args.mb)
    size = len(text.encode("utf-8"))
    times: list[float] = []
    cpu: list[float] = []
    found = 0
    for _ in range(args.repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        scan = scan_text(text, args.language)
        times.append(time.perf_counter() - began)
        cpu.append(time.process_time() - began_cpu)
        found = len(scan.mentions)
    print(f"text: {size:,} bytes UTF-8, {len(text):,} characters; {found:,} mentions")
    print(f"first run (compiles patterns, reads tables): {times[0]:.3f} s")
    print(
        f"wall time per scan: best {min(times):.3f} s, median {statistics.median(times):.3f} s "
        f"over {len(times)} run(s); {size / 1e6 / min(times):.1f} MB/s at best"
    )
    print(
        f"CPU time per scan (less noisy on a shared machine): best {min(cpu[1:] or cpu):.3f} s, "
        f"median {statistics.median(cpu[1:] or cpu):.3f} s (first run left out)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
