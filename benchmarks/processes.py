"""Wall time and peak memory of a command and of every process it starts.

``measure_tree`` runs the command under a small wrapper that samples the resident set
size of the command and all its descendants (psutil, every 0.1 s): each process's peak,
named by its role (``client`` for the command itself, ``worker`` for a Dask worker,
``tracker`` for multiprocessing's resource tracker), and the peak of their sum. A Dask
LocalCluster's nannies and scheduler run inside the client process, so the client's
figure includes them. Sampling can miss a spike shorter than 0.1 s; ``getrusage`` gives
the exact peak of the largest process of the tree (``largest_process_peak_mb``: it
cannot say which one), kept as the command's peak when it started no other process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

TREE_WRAPPER = r"""
import json, resource, subprocess, sys, tempfile, time
import psutil
cwd, cap, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
err = tempfile.TemporaryFile()
start = time.perf_counter()
child = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
root = psutil.Process(child.pid)
peaks, total_peak, timed_out = {}, 0, False
def role(cmd, is_root):
    text = " ".join(cmd)
    if is_root:
        return "client"
    if "resource_tracker" in text:
        return "tracker"
    if "spawn_main" in text or "forkserver" in text:
        return "worker"
    return "other"
while child.poll() is None:
    if time.perf_counter() - start > cap:
        child.kill()
        timed_out = True
        break
    total = 0
    try:
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        procs = []
    for proc in procs:
        try:
            rss = proc.memory_info().rss
            name = role(proc.cmdline(), proc.pid == root.pid)
        except psutil.Error:
            continue
        total += rss
        entry = peaks.setdefault(proc.pid, [name, 0])
        entry[1] = max(entry[1], rss)
    total_peak = max(total_peak, total)
    time.sleep(0.1)
child.wait()
wall = time.perf_counter() - start
# the largest peak of any process of the tree that has ended (descendants included)
own = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
if child.pid in peaks and len(peaks) == 1:
    peaks[child.pid][1] = max(peaks[child.pid][1], own)
err.seek(0)
print(json.dumps({
    "wall_s": wall, "exit": child.returncode, "timed_out": timed_out,
    "peak_rss_mb": max([p for _, p in peaks.values()] or [own]) / 2**20,
    "total_peak_mb": total_peak / 2**20,
    "largest_process_peak_mb": own / 2**20,
    "processes": sorted(
        ({"role": r, "peak_mb": round(p / 2**20)} for r, p in peaks.values()),
        key=lambda x: (x["role"], -x["peak_mb"]),
    ),
    "stderr_tail": err.read().decode("utf-8", "replace")[-500:],
}))
"""


def measure_tree(cwd: Path, argv: Sequence[str], cap: float) -> dict[str, Any]:
    """Run ``argv`` in ``cwd``; wall time, exit code, each process's peak RSS, the sum's."""
    done = subprocess.run(
        [sys.executable, "-c", TREE_WRAPPER, str(cwd), str(cap), *argv],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout))


def worker_peaks(run: dict[str, Any]) -> list[int]:
    """The peak RSS (MB) of each Dask worker of a measured run, largest first."""
    return sorted(
        (int(p["peak_mb"]) for p in run.get("processes", []) if p["role"] == "worker"),
        reverse=True,
    )


def client_peak(run: dict[str, Any]) -> int:
    return max(
        (int(p["peak_mb"]) for p in run.get("processes", []) if p["role"] == "client"), default=0
    )
