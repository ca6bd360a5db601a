"""Run the registered checks over a package and collect their findings.

On a large package the checks run in two lanes on two threads: the checks that read the
archived source texts (``lane = "sources"``: citation, coverage) and the checks that work
on the tables. Most of their time is spent in numpy, pyarrow, hashing and file reads,
which release the GIL, so on two cores the lanes overlap. The tables every check shares
(typed tables, the claims as intervals, the rules) are built first, on the calling
thread, so the lanes only read them. The result does not depend on the lanes: findings
are sorted, each check's findings are its own, and when checks fail the error of the
first of them in run order is raised, as a sequential run would.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor

from checks.model.finding import Finding, sort_key
from checks.model.package import Package
from checks.registry import Check, RegistryError, registered

ProgressCallback = Callable[[str], None]

PARALLEL_MIN_CLAIMS = 100_000
"""From this many claims up, the two lanes run on two threads (if there are two cores)."""

SOURCES_LANE = "sources"
"""The lane of the checks that read the archived source texts."""

WORKERS_ENV = "CLAIMLEDGER_WORKERS"
"""Set to 1 to run every check on the calling thread, whatever the size."""


def run_checks(
    pkg: Package,
    select: Iterable[str] | None = None,
    on_check: ProgressCallback | None = None,
    *,
    workers: int | None = None,
) -> list[Finding]:
    """Run the selected checks (all by default) and return findings, most severe first.

    Findings with the same fingerprint are reported once. ``workers`` (default: 2 for a
    package of :data:`PARALLEL_MIN_CLAIMS` claims or more on a machine with two cores, else
    1; ``$CLAIMLEDGER_WORKERS`` overrides) is the number of lanes run at once.
    """
    checks = registered()
    ids = list(checks) if select is None else list(select)
    unknown = [i for i in ids if i not in checks]
    if unknown:
        raise RegistryError(unknown[0], f"unknown check; known: {', '.join(sorted(checks))}")
    lanes = _lanes(ids, checks)
    if len(lanes) < 2 or _workers(pkg, workers) < 2:
        found = _run_lane(pkg, ids, checks, on_check)
    else:
        found = _run_parallel(pkg, lanes, ids, checks, on_check)
    seen: dict[str, Finding] = {}
    for finding in found:
        seen.setdefault(finding.fingerprint, finding)
    return sorted(seen.values(), key=sort_key)


def _workers(pkg: Package, workers: int | None) -> int:
    if workers is not None:
        return workers
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured.isdigit():
        return int(configured)
    if (os.cpu_count() or 1) < 2 or not pkg.has("claims"):
        return 1
    return 2 if len(pkg.table("claims")) >= PARALLEL_MIN_CLAIMS else 1


def _lanes(ids: Sequence[str], checks: dict[str, type[Check]]) -> list[list[str]]:
    """The selected checks split by their ``lane`` (default ``"tables"``), in run order."""
    lanes: dict[str, list[str]] = {}
    for check_id in ids:
        lanes.setdefault(_lane_of(checks[check_id]), []).append(check_id)
    return list(lanes.values())


def _lane_of(check: type[Check]) -> str:
    return str(getattr(check, "lane", "tables"))


def _run_lane(
    pkg: Package,
    ids: Sequence[str],
    checks: dict[str, type[Check]],
    on_check: ProgressCallback | None,
) -> list[Finding]:
    readers = [i for i in ids if _lane_of(checks[i]) == SOURCES_LANE]
    found: list[Finding] = []
    for check_id in ids:
        if on_check is not None:
            on_check(check_id)
        found.extend(checks[check_id]().run(pkg))
        if readers and check_id == readers[-1]:
            pkg.release_texts()
    return found


def _run_parallel(
    pkg: Package,
    lanes: list[list[str]],
    ids: Sequence[str],
    checks: dict[str, type[Check]],
    on_check: ProgressCallback | None,
) -> list[Finding]:
    _prepare(pkg)
    lock = threading.Lock()

    def report(check_id: str) -> None:
        if on_check is not None:
            with lock:
                on_check(check_id)

    failures: dict[str, BaseException] = {}

    def lane(members: list[str]) -> list[Finding]:
        found: list[Finding] = []
        for check_id in members:
            report(check_id)
            try:
                found.extend(checks[check_id]().run(pkg))
            except Exception as exc:  # re-raised below, in run order
                failures[check_id] = exc
                break
        if _lane_of(checks[members[0]]) == SOURCES_LANE:
            pkg.release_texts()
        return found

    with ThreadPoolExecutor(max_workers=len(lanes)) as pool:
        results = list(pool.map(lane, lanes))
    for check_id in ids:
        if check_id in failures:
            raise failures[check_id]
    return [finding for found in results for finding in found]


def _prepare(pkg: Package) -> None:
    """Build what the checks share before they run on several threads."""
    from checks.model.typed import typed_table
    from checks.rules.claims import claim_table
    from checks.rules.ruleset import rule_set

    for name in pkg.resources:
        typed_table(pkg, name)
    claim_table(pkg)
    rule_set(pkg)
