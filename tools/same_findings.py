"""Do two revisions of claimledger give byte-identical findings?

Runs ``claimledger check`` of each revision (checked out with ``git worktree`` into a
temporary folder and run with this interpreter, ``PYTHONPATH`` set to the checkout) on the
repository's own package and on a package of ``--claims`` generated claims
(``benchmarks/generate.py``, the same package for both), and compares their
``findings.json`` byte for byte. Exit 0 when every pair is identical, 1 otherwise.

    python tools/same_findings.py 46466dd HEAD --claims 100000

A refactoring that moves code must leave the findings as they were: this is how issue 15's
move was checked.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _checkout(revision: str, into: Path) -> Path:
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-f", str(into), revision],
        check=True,
        capture_output=True,
    )
    return into


def _check(code: Path, package: Path, out: Path) -> bytes:
    env = {**os.environ, "PYTHONPATH": str(code)}
    run = [sys.executable, "-m", "checks.cli", "check", str(package), "--out", str(out)]
    done = subprocess.run(run, env=env, cwd=code, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"check failed in {code} (exit {done.returncode}):\n{done.stderr}")
    return (out / "findings.json").read_bytes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="the revision before (a commit, tag or branch)")
    parser.add_argument("after", help="the revision after")
    parser.add_argument("--claims", type=int, default=100_000, help="size of the generated package")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        trees = [
            _checkout(rev, tmp / f"tree{i}") for i, rev in enumerate((args.before, args.after))
        ]
        try:
            generated = tmp / "generated"
            subprocess.run(
                [
                    sys.executable,
                    str(ROOT / "benchmarks/generate.py"),
                    "--claims",
                    str(args.claims),
                    "--out",
                    str(generated),
                ],
                check=True,
                capture_output=True,
            )
            same = True
            for name, package in (("own package", None), (f"{args.claims} claims", generated)):
                outputs = [
                    _check(tree, package or tree, tmp / f"out-{name}-{i}".replace(" ", "-"))
                    for i, tree in enumerate(trees)
                ]
                verdict = "identical" if outputs[0] == outputs[1] else "DIFFERENT"
                same &= outputs[0] == outputs[1]
                print(f"{name}: findings.json {verdict} ({len(outputs[0]):,} bytes)")
        finally:
            for tree in trees:
                subprocess.run(
                    ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)],
                    capture_output=True,
                )
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
