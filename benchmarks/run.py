"""Benchmark ``claimledger check`` against frictionless and plain pandas on the same files.

    python benchmarks/run.py                       # 10k, 100k and 1M claims
    python benchmarks/run.py --sizes 10k,100k      # a quicker run
    python benchmarks/run.py --markdown README.md  # also rewrite the table there
    python benchmarks/run.py --sizes 1M,10M --engines local,dask --worker-memory 2GB

For each size, one generated package (``benchmarks/generate.py``, seed 1, kept in
``--workdir`` and reused while its ``planted.json`` matches) is measured three ways, each
in a fresh child process started by a small wrapper that reports the child's wall time,
exit code and peak RSS (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``):

(a) ``claimledger check --out DIR`` in the package folder (end to end: imports, reading,
    every check, the reports);
(b) ``frictionless validate datapackage.json`` (schema only), stopped at ``--cap`` seconds;
(c) ``pandas.read_csv`` of every CSV resource with default options.

With ``--engines`` including ``dask``, (a) is also run as ``claimledger check --engine
dask`` on a LocalCluster of ``--dask-workers`` processes limited to ``--worker-memory``
each (reports json, md and sarif: html and junit read every claim on the client), under
a wrapper that samples the peak memory of every process (:mod:`benchmarks.processes`).
The 10M size is never in the default ``--sizes``: generating it takes most of an hour.

The planted conflicts and broken citations must all appear in (a)'s ``findings.json``
(found/planted is recorded; a fast wrong answer does not count). A separate in-process
run times each phase of (a) for the "where the time goes" table. Results go to
``benchmarks/results.json`` and to a Markdown table between ``<!-- bench:start -->`` and
``<!-- bench:end -->`` in ``--markdown`` (default ``benchmarks/README.md``).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from processes import client_peak, measure_tree, worker_peaks

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "10M": 10_000_000}
ENGINES = ("local", "dask")

# Runs the command in argv[2:] in the folder argv[1]; prints wall time, exit code and the
# child's peak RSS as JSON. A fresh wrapper per measurement makes the peak the child's own.
WRAPPER = r"""
import json, resource, subprocess, sys, time
cwd, cap, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
start = time.perf_counter()
child = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
try:
    _, err = child.communicate(timeout=cap)
    timed_out = False
except subprocess.TimeoutExpired:
    child.kill()
    _, err = child.communicate()
    timed_out = True
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({
    "wall_s": wall, "exit": child.returncode, "timed_out": timed_out,
    "peak_rss_mb": usage.ru_maxrss / 1024, "cpu_s": usage.ru_utime + usage.ru_stime,
    "stderr_tail": err.decode("utf-8", "replace")[-500:],
}))
"""

READ_WITH_PANDAS = r"""
import json, sys
from pathlib import Path
import pandas as pd
root = Path(sys.argv[1])
descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
rows = 0
for resource in descriptor["resources"]:
    rows += len(pd.read_csv(root / resource["path"]))
print(rows)
"""

# Times each phase of `claimledger check` in one process, one JSON line per phase. The
# checks run as `check` runs them, in run order, but on one thread (the source texts are
# shared by citation and coverage and released after them), timed from one check's start
# to the next. A check that runs longer than the per-phase cap is interrupted (SIGALRM):
# it is recorded as "> cap" and the later checks are not run.
PHASES = r"""
import json, signal, sys, time
from pathlib import Path
cap = int(sys.argv[3])
class Stopped(Exception):
    pass
def alarm(signum, frame):
    raise Stopped()
signal.signal(signal.SIGALRM, alarm)
def done(name, start):
    print(json.dumps({name: time.perf_counter() - start}), flush=True)
start = time.perf_counter()
from checks.model.package import load_package
from checks.registry import registered
from checks.service import write_reports
from checks.report.result import CheckResult
from checks.runner import run_checks
done("import", start)
root, out = Path(sys.argv[1]), Path(sys.argv[2])
start = time.perf_counter()
pkg = load_package(root)
for name in pkg.resources:
    pkg.table(name)
done("read tables", start)
marks = []
def started(check_id):
    marks.append((check_id, time.perf_counter()))
    signal.alarm(cap)
findings, complete = [], True
try:
    findings = run_checks(pkg, list(registered()), on_check=started, workers=1)
except Stopped:
    complete = False
signal.alarm(0)
ends = [t for _, t in marks[1:]] + [time.perf_counter()]
for (check_id, begun), end in zip(marks, ends):
    last = (check_id, begun) == marks[-1]
    value = end - begun if complete or not last else f"> {cap}"
    print(json.dumps({f"check: {check_id}": value}), flush=True)
start = time.perf_counter()
checks = {cid: cls.title for cid, cls in registered().items()}
result = CheckResult(pkg.name, findings, pkg.root, checks, loaded=pkg)
write_reports(result, out, ["json", "md", "html", "sarif"])
done("write reports" + ("" if complete else " (no findings: a check was stopped)"), start)
"""


def measure(cwd: Path, argv: Sequence[str], cap: float) -> dict[str, Any]:
    """Run ``argv`` in ``cwd`` under a fresh wrapper; its wall time, exit code and peak RSS."""
    done = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(cwd), str(cap), *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout))


def ensure_package(workdir: Path, claims: int, seed: int) -> tuple[Path, dict[str, Any]]:
    """The generated package for ``claims`` (reused when its ground truth matches)."""
    root = workdir / f"claims-{claims}-seed-{seed}"
    planted = root / "planted.json"
    if planted.is_file():
        truth = json.loads(planted.read_text(encoding="utf-8"))
        if truth.get("claims") == claims and truth.get("seed") == seed:
            return root, dict(truth)
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(HERE / "generate.py"),
            *("--claims", str(claims), "--out", str(root), "--seed", str(seed)),
        ],
        check=True,
    )
    print(f"  generated {claims:,} claims in {time.perf_counter() - start:.0f} s", flush=True)
    return root, json.loads(planted.read_text(encoding="utf-8"))


def reports(finding: dict[str, Any], check: str, code: str, ids: frozenset[str]) -> bool:
    """Whether ``finding`` reports the problem ``check``/``code`` of the claims ``ids``:
    it names them, and any other claim it names is a copy of one of them (a statement
    printed more than once is one finding listing every copy, ``evidence.copies``)."""
    if finding["check"] != check or finding["code"] != code:
        return False
    named = frozenset(finding["claim_ids"])
    if not ids <= named:
        return False
    copies = (finding.get("evidence") or {}).get("copies") or []
    covered = {claim for group in copies if ids & set(group) for claim in group}
    return named - ids <= covered


def verify(findings_file: Path, truth: dict[str, Any]) -> dict[str, Any]:
    """How many planted problems (a)'s findings.json reports, and what else it reports."""
    data = json.loads(findings_file.read_text(encoding="utf-8"))
    findings = data["findings"]
    problems = [
        ("conflicts", "conflict", frozenset(c["claim_ids"])) for c in truth["conflicts"]
    ] + [
        ("citation", b["expected_code"], frozenset([b["claim_id"]]))
        for b in truth["broken_citations"]
    ]
    by_claim: dict[str, list[int]] = {}
    for at, f in enumerate(findings):
        for claim in f["claim_ids"]:
            by_claim.setdefault(claim, []).append(at)
    reported: set[int] = set()
    found: list[bool] = []
    for check, code, ids in problems:
        near = {at for claim in ids for at in by_claim.get(claim, [])}
        hits = [at for at in near if reports(findings[at], check, code, ids)]
        reported.update(hits)
        found.append(bool(hits))
    planted_conflicts = len(truth["conflicts"])
    conflicts = [
        c for c, ok in zip(truth["conflicts"], found[:planted_conflicts], strict=True) if ok
    ]
    broken = [
        b for b, ok in zip(truth["broken_citations"], found[planted_conflicts:], strict=True) if ok
    ]
    others = [
        f
        for at, f in enumerate(findings)
        if f["severity"] in ("error", "warning") and at not in reported
    ]
    return {
        "conflicts_found": len(conflicts),
        "conflicts_planted": len(truth["conflicts"]),
        "broken_found": len(broken),
        "broken_planted": len(truth["broken_citations"]),
        "all_found": len(conflicts) == len(truth["conflicts"])
        and len(broken) == len(truth["broken_citations"]),
        "other_errors_and_warnings": len(others),
        "other_examples": [f"{f['check']}/{f['code']}: {f['message'][:160]}" for f in others[:5]],
        "findings_total": len(findings),
    }


def phases(root: Path, cap: float) -> dict[str, Any]:
    """Seconds per phase of a check run in one process; a phase past ``cap`` is "> cap"."""
    with tempfile.TemporaryDirectory(prefix="bench-phases-") as out:
        argv = [sys.executable, "-c", PHASES, str(root), out, str(int(cap))]
        done = subprocess.run(argv, capture_output=True, text=True, timeout=cap * 12)
    result: dict[str, Any] = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            result.update(json.loads(line))
    return result


def run_size(label: str, claims: int, args: argparse.Namespace) -> dict[str, Any]:
    print(f"{label}: {claims:,} claims", flush=True)
    root, truth = ensure_package(args.workdir, claims, args.seed)
    size = sum(p.stat().st_size for p in root.rglob("*") if p.is_file())
    result: dict[str, Any] = {
        "label": label,
        "claims": claims,
        "sources": truth["sources"],
        "package_mb": round(size / 1e6, 1),
        "claims_csv_mb": round((root / "datapackage/claims.csv").stat().st_size / 1e6, 1),
    }
    if "local" in args.engines:
        run_local(root, truth, claims, result, args)
    if "dask" in args.engines:
        result["dask"] = run_dask(root, truth, args)
    return result


def run_dask(root: Path, truth: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    """``check --engine dask`` on a LocalCluster with a memory limit per worker."""
    with tempfile.TemporaryDirectory(prefix="bench-dask-") as out:
        argv = [str(BIN / "claimledger"), "check", "--engine", "dask", "--out", out]
        argv += ["--workers", str(args.dask_workers), "--worker-memory", args.worker_memory]
        argv += ["-f", "json", "-f", "md", "-f", "sarif"]
        run = measure_tree(root, argv, args.cap)
        findings = Path(out) / "findings.json"
        run["verification"] = (
            verify(findings, truth) if findings.is_file() else {"all_found": False}
        )
    run["worker_memory"] = args.worker_memory
    run["workers"] = args.dask_workers
    print(
        f"  check dask  {run['wall_s']:8.1f} s  client {client_peak(run):,} MB, workers "
        f"{', '.join(f'{w:,}' for w in worker_peaks(run))} MB (limit {args.worker_memory} "
        f"each), all processes {run['total_peak_mb']:,.0f} MB, exit {run['exit']}",
        flush=True,
    )
    return run


def run_local(
    root: Path, truth: dict[str, Any], claims: int, result: dict[str, Any], args: argparse.Namespace
) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-check-") as out:
        check = measure(root, [str(BIN / "claimledger"), "check", "--out", out], args.cap)
        findings = Path(out) / "findings.json"
        result["verification"] = (
            verify(findings, truth)
            if findings.is_file()
            else {
                "all_found": False,
                "conflicts_found": 0,
                "conflicts_planted": len(truth["conflicts"]),
                "broken_found": 0,
                "broken_planted": len(truth["broken_citations"]),
                "note": "no findings.json: the run did not finish",
            }
        )
    print(f"  check       {check['wall_s']:8.1f} s  {check['peak_rss_mb']:7.0f} MB", flush=True)
    pandas = measure(root, [sys.executable, "-c", READ_WITH_PANDAS, str(root)], args.cap)
    print(f"  pandas      {pandas['wall_s']:8.1f} s  {pandas['peak_rss_mb']:7.0f} MB", flush=True)
    if args.skip_frictionless:
        frictionless = {"skipped": True}
    else:
        frictionless = measure(
            root, [str(BIN / "frictionless"), "validate", "datapackage.json"], args.cap
        )
        print(
            f"  frictionless{frictionless['wall_s']:8.1f} s  "
            f"{frictionless['peak_rss_mb']:7.0f} MB"
            + ("  (stopped at the cap)" if frictionless["timed_out"] else ""),
            flush=True,
        )
    result["check"], result["pandas"], result["frictionless"] = check, pandas, frictionless
    for run in (check, pandas, frictionless):
        if "wall_s" in run:
            run["claims_per_s"] = round(claims / run["wall_s"])
    result["check_over_pandas"] = check["wall_s"] / pandas["wall_s"]
    if "wall_s" in frictionless:
        # a stopped run gives only a lower bound on frictionless, so on the ratio
        result["frictionless_over_check"] = frictionless["wall_s"] / check["wall_s"]
        result["frictionless_over_check_is_lower_bound"] = frictionless["timed_out"]
    if args.phases:
        result["phases"] = phases(root, args.phases_cap)


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    packages = {}
    for name in ("claimledger", "pandas", "pyarrow", "numpy", "pandera", "frictionless"):
        try:
            packages[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            packages[name] = "not installed"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "packages": packages,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def markdown(results: dict[str, Any]) -> str:
    """The results table, the targets and the machine, as Markdown."""
    m = results["machine"]
    rows = [
        "| claims | sources | check | frictionless validate | pandas read_csv "
        "| frictionless ÷ check | check ÷ pandas | check peak RSS | planted found |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results["runs"]:
        if "check" not in r:
            continue
        check, fl, pd_ = r["check"], r["frictionless"], r["pandas"]
        v = r["verification"]
        found = (
            f"{v.get('conflicts_found', 0)}/{v.get('conflicts_planted', '?')} conflicts, "
            f"{v.get('broken_found', 0)}/{v.get('broken_planted', '?')} citations"
        )
        if v.get("other_errors_and_warnings"):
            found += f"; {v['other_errors_and_warnings']} other errors/warnings"
        if "wall_s" in fl:
            fl_text = (">" if fl["timed_out"] else "") + f"{fl['wall_s']:.1f} s"
            ratio = (">" if fl["timed_out"] else "") + f"{r['frictionless_over_check']:.1f}×"
        else:
            fl_text = ratio = "not run"
        check_text = f"{check['wall_s']:.1f} s"
        if check.get("timed_out"):
            check_text = f"> {check['wall_s']:.0f} s (stopped at the cap)"
        elif check.get("exit") not in (0, 1):
            check_text = f"{check['wall_s']:.1f} s, exit {check.get('exit')}"
        rows.append(
            f"| {r['claims']:,} | {r['sources']:,} | {check_text} "
            f"| {fl_text} | {pd_['wall_s']:.1f} s | {ratio} "
            f"| {r['check_over_pandas']:.1f}× | {check['peak_rss_mb']:,.0f} MB | {found} |"
        )
    lines = [
        START,
        f"Measured {results['date']} with `{results['command']}`.",
        "",
        *rows,
        "",
    ]
    if any("dask" in r for r in results["runs"]):
        lines += [*engine_table(results), ""]
    growth = results.get("growth_1m_over_100k")
    if growth is not None:
        lines.append(f"t(1M) ÷ t(100k) for `check`: {growth:.1f}.")
        lines.append("")
    local_runs = [r for r in results["runs"] if "check" in r]
    largest = local_runs[-1] if local_runs else None
    if largest is not None and largest.get("phases"):
        lines += [
            f"Where the time of `check` goes at {largest['claims']:,} claims (one process, "
            "the checks in run order on one thread, where `check` runs the source checks "
            "beside the table checks from 100,000 claims; a check that first builds a "
            "shared table, such as the claims as intervals, pays for it):",
            "",
            "| phase | seconds |",
            "|---|---:|",
            *(f"| {name} | {_seconds(value)} |" for name, value in largest["phases"].items()),
            "",
        ]
    lines += [
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} RAM, Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items())
        + f"; load average at start {m['load_average_at_start']} (the machine is shared).",
        END,
    ]
    return "\n".join(lines)


def engine_table(results: dict[str, Any]) -> list[str]:
    """One row per size and engine: wall time, the peak of each process, the limit."""
    rows = [
        "| claims | engine | check | client peak | worker peaks | all processes at once "
        "| limit per worker | planted found |",
        "|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in results["runs"]:
        if "check" in r:
            c, v = r["check"], r["verification"]
            rows.append(
                f"| {r['claims']:,} | local | {_wall(c)} | {c['peak_rss_mb']:,.0f} MB | — "
                f"| {c['peak_rss_mb']:,.0f} MB | — | {_found(v)} |"
            )
        if "dask" in r:
            d = r["dask"]
            workers = ", ".join(f"{w:,}" for w in worker_peaks(d)) or "—"
            rows.append(
                f"| {r['claims']:,} | dask ({d['workers']} workers) | {_wall(d)} "
                f"| {client_peak(d):,} MB | {workers} MB | {d['total_peak_mb']:,.0f} MB "
                f"| {d['worker_memory']} | {_found(d['verification'])} |"
            )
    return rows


def _wall(run: dict[str, Any]) -> str:
    if run.get("timed_out"):
        return f"> {run['wall_s']:.0f} s (stopped at the cap)"
    if run.get("exit") not in (0, 1):
        return f"{run['wall_s']:.1f} s, exit {run.get('exit')}"
    return f"{run['wall_s']:.1f} s"


def _found(v: dict[str, Any]) -> str:
    if "conflicts_planted" not in v:
        return "no findings.json"
    return (
        f"{v.get('conflicts_found', 0)}/{v['conflicts_planted']} conflicts, "
        f"{v.get('broken_found', 0)}/{v.get('broken_planted', '?')} citations"
    )


def _seconds(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, float) else str(value)


def rewrite_block(path: Path, block: str) -> None:
    """Replace the text between the markers in ``path`` (append the block if absent)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START in text and END in text:
        head, rest = text.split(START, 1)
        _, tail = rest.split(END, 1)
        text = head + block + tail
    else:
        text = text + ("\n" if text and not text.endswith("\n") else "") + block + "\n"
    _write_atomic(path, text)


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10k,100k,1M", help="comma-separated: 10k,100k,1M,10M")
    parser.add_argument(
        "--engines", default="local", help="comma-separated: local,dask (default local)"
    )
    parser.add_argument(
        "--worker-memory", default="2GB", help="the dask engine's limit per worker (2GB)"
    )
    parser.add_argument("--dask-workers", type=int, default=2, help="LocalCluster processes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "claimledger-bench",
        help="where the generated packages are kept (default: $TMPDIR/claimledger-bench)",
    )
    parser.add_argument(
        "--cap", type=float, default=1800.0, help="seconds before a run is stopped (30 min)"
    )
    parser.add_argument(
        "--phases-cap",
        type=float,
        default=600.0,
        help="seconds after which one check of the per-phase run is stopped (10 min)",
    )
    parser.add_argument("--skip-frictionless", action="store_true")
    parser.add_argument("--no-phases", dest="phases", action="store_false")
    parser.add_argument("--results", type=Path, default=HERE / "results.json")
    parser.add_argument("--markdown", type=Path, default=HERE / "README.md")
    args = parser.parse_args(argv)
    labels = [s.strip() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in labels if s not in SIZES]
    if unknown:
        parser.error(f"--sizes: unknown size {unknown[0]!r}; expected {', '.join(SIZES)}")
    args.engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    if not args.engines or any(e not in ENGINES for e in args.engines):
        parser.error(f"--engines: expected a comma-separated list of {', '.join(ENGINES)}")
    args.workdir.mkdir(parents=True, exist_ok=True)
    results: dict[str, Any] = {
        "date": time.strftime("%Y-%m-%d %H:%M %Z"),
        "command": " ".join(["python benchmarks/run.py", *(argv or sys.argv[1:])]),
        "machine": machine(),
        "runs": [run_size(label, SIZES[label], args) for label in labels],
    }
    by_label = {r["label"]: r for r in results["runs"]}
    if "check" in by_label.get("1M", {}) and "check" in by_label.get("100k", {}):
        results["growth_1m_over_100k"] = (
            by_label["1M"]["check"]["wall_s"] / by_label["100k"]["check"]["wall_s"]
        )
    _write_atomic(args.results, json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    rewrite_block(args.markdown, markdown(results))
    print(f"wrote {args.results} and the table in {args.markdown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
