"""Number-dense text through ``claimledger scan`` and ``claimledger check``: linear or not.

    python benchmarks/bench_dense.py                 # 0.25, 0.5 and 1 MB
    python benchmarks/bench_dense.py --mb 0.5,1,2

The text is space-separated five-digit numbers with no punctuation (one "sentence"), the
input that made every number's context the whole text (issue 20, defect 2). For each size,
``claimledger scan FILE --json`` and ``claimledger check`` on a copy of the test fixture
package with that text as an extra source each run in a fresh process under
``/usr/bin/time``: the table gives the output size (scan's stdout; check's
``findings.json``), the peak resident memory and the wall time. Linear means the output
and the memory grow in proportion to the input, not with its square.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "mini"


def dense_text(megabytes: float) -> str:
    """Space-separated numbers 10000, 10007, ... up to ``megabytes`` MB."""
    count = int(megabytes * 1_000_000) // 6
    return " ".join(str(10_000 + 7 * (i % 12_000)) for i in range(count)) + "\n"


def timed(command: list[str], stdout: Path) -> tuple[int, float, int]:
    """Peak RSS (KB), wall seconds and exit code of ``command``, stdout to a file."""
    with stdout.open("wb") as out:
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M %e", *command],
            stdout=out,
            stderr=subprocess.PIPE,
            check=False,
        )
    last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1].split()
    return int(last[0]), float(last[1]), done.returncode


def package_with(text: str, folder: Path) -> Path:
    """The mini fixture with ``text`` as source ``dense`` (English, no claims on it)."""
    root = folder / "pkg"
    shutil.copytree(FIXTURE, root)
    data = text.encode("utf-8")
    (root / "sources" / "dense.txt").write_bytes(data)
    table = root / "datapackage" / "sources.csv"
    header = table.read_text(encoding="utf-8").splitlines()[0].split(",")
    row = dict.fromkeys(header, "")
    row.update(
        source_id="dense",
        title="Dense numbers",
        language="en",
        kind="news",
        path="sources/dense.txt",
        sha256=hashlib.sha256(data).hexdigest(),
    )
    with table.open("a", encoding="utf-8", newline="") as fh:
        fh.write(",".join(row[name] for name in header) + "\n")
    return root


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", default="0.25,0.5,1", help="sizes in MB (default 0.25,0.5,1)")
    args = parser.parse_args(argv)
    cli = [sys.executable, "-m", "checks.cli"]
    columns = ("input", "scan output", "scan peak RSS", "scan time", "findings.json")
    columns += ("check peak RSS", "check time")
    print("| " + " | ".join(columns) + " |")
    print("|---|---|---|---|---|---|---|")
    for size in (float(s) for s in args.mb.split(",")):
        text = dense_text(size)
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            source = folder / "dense.txt"
            source.write_text(text, encoding="utf-8")
            scan_out = folder / "scan.json"
            scan_rss, scan_time, code = timed([*cli, "scan", str(source), "--json"], scan_out)
            if code != 0:
                print(f"scan exited {code}", file=sys.stderr)
                return 1
            root = package_with(text, folder)
            reports = folder / "reports"
            check_rss, check_time, code = timed(
                [*cli, "check", str(root), "--out", str(reports)], folder / "o"
            )
            if code not in (0, 1):
                print(f"check exited {code}", file=sys.stderr)
                return 1
            findings = (reports / "findings.json").stat().st_size
            print(
                f"| {len(text.encode()) / 1e6:.2f} MB | {scan_out.stat().st_size / 1e6:.1f} MB "
                f"| {scan_rss / 1024:.0f} MB | {scan_time:.1f} s | {findings / 1e3:.0f} KB "
                f"| {check_rss / 1024:.0f} MB | {check_time:.1f} s |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
