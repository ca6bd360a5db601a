"""`claimledger check` of this checkout against an earlier revision, on one package.

"No slower and no bigger than before" is a comparison on one machine at one time: the
machine here is shared, and the same code varies by tens of percent from one hour to the
next. This runs both versions alternately, each in a fresh process (wall time, CPU time and
peak RSS, as `run.py` measures them), and prints every run and the medians.

    git worktree add --detach /tmp/claimledger-r1 46466dd
    python benchmarks/versus.py /tmp/claimledger-r1 \
        --package /tmp/claimledger-bench/claims-1000000-seed-1

The earlier revision is a checkout (a worktree) whose ``checks`` package is put first on
``PYTHONPATH``; the interpreter and the installed dependencies are this one's.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import measure

REPO = Path(__file__).resolve().parents[1]


def run_once(checkout: Path, package: Path, cap: float) -> dict[str, Any]:
    """One `claimledger check` of ``package`` with the code of ``checkout``."""
    with tempfile.TemporaryDirectory(prefix="versus-") as out:
        argv = [sys.executable, "-m", "checks.cli", "check", str(package), "--out", out]
        previous = os.environ.get("PYTHONPATH")
        os.environ["PYTHONPATH"] = str(checkout)
        try:
            return measure(checkout, argv, cap)
        finally:
            if previous is None:
                del os.environ["PYTHONPATH"]
            else:
                os.environ["PYTHONPATH"] = previous


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("earlier", type=Path, help="a checkout of the earlier revision")
    parser.add_argument("--package", type=Path, required=True, help="the package to check")
    parser.add_argument("--runs", type=int, default=3, help="runs of each version (3)")
    parser.add_argument("--cap", type=float, default=1800.0, help="seconds before a run stops")
    args = parser.parse_args(argv)
    versions = {"earlier": args.earlier.resolve(), "this": REPO}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in versions}
    for index in range(args.runs):
        for name, checkout in versions.items():
            result = run_once(checkout, args.package.resolve(), args.cap)
            runs[name].append(result)
            print(
                f"run {index + 1} {name:8s} {result['wall_s']:7.1f} s wall "
                f"{result['cpu_s']:7.1f} s CPU {result['peak_rss_mb']:8,.0f} MB "
                f"exit {result['exit']}",
                flush=True,
            )
    for name, results in runs.items():
        wall = statistics.median(r["wall_s"] for r in results)
        cpu = statistics.median(r["cpu_s"] for r in results)
        peak = statistics.median(r["peak_rss_mb"] for r in results)
        print(f"median {name:8s} {wall:7.1f} s wall {cpu:7.1f} s CPU {peak:8,.0f} MB peak")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
