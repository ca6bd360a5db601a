"""Run the registered checks over a package and collect their findings.

On a large package the checks run on two threads: one takes the checks that read the
archived source texts (``lane = "sources"``: citation, coverage) in order, the other the
checks that work on the tables one by one, and a thread whose list is empty takes from the
other's. Much of their time is spent in numpy, pyarrow, hashing and file reads, which
release the GIL, so on two cores the threads overlap. The tables are read first, on the
calling thread; what the checks derive from them is built once, by the first check that
asks (the other waits for it). The result does not depend on the threads: findings are
sorted, each check's findings are its own, and when checks fail the error of the first of
them in run order is raised, as a sequential run would.

Once every check that reads the source texts is done, the texts are released
(:meth:`~checks.model.package.Package.release_texts`): the table checks that run after
them do not need to share the memory with them.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor

from checks.ledger.ledger import ledger
from checks.ledger.statements import merge_copies
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
    lanes = {_lane_of(checks[i]) for i in ids}
    if SOURCES_LANE not in lanes or len(lanes) < 2 or _workers(pkg, workers) < 2:
        found = _run_lane(pkg, ids, checks, on_check)
    else:
        found = _run_parallel(pkg, ids, checks, on_check)
    seen: dict[str, Finding] = {}
    for finding in one_per_statement(pkg, found):
        seen.setdefault(finding.fingerprint, finding)
    return sorted(seen.values(), key=sort_key)


def one_per_statement(pkg: Package, found: list[Finding]) -> list[Finding]:
    """Findings about copies of one statement merged into one (:func:`merge_copies`)."""
    if not any(f.claim_ids for f in found) or not pkg.has("claims"):
        return found
    return merge_copies(found, ledger(pkg).statements)


def _workers(pkg: Package, workers: int | None) -> int:
    if workers is not None:
        return workers
    configured = os.environ.get(WORKERS_ENV, "").strip()
    if configured.isdigit():
        return int(configured)
    if (os.cpu_count() or 1) < 2 or not pkg.has("claims"):
        return 1
    return 2 if len(pkg.table("claims")) >= PARALLEL_MIN_CLAIMS else 1


def _lane_of(check: type[Check]) -> str:
    return str(getattr(check, "lane", "tables"))


def _reads_typed(check: type[Check]) -> bool:
    return bool(getattr(check, "reads_typed", False))


class _TypedReaders:
    """Drops the ledger's typed views and parsed ``as_written`` once every check that reads
    them is done and the claims as intervals, built on them, exist: the rest of the run
    does without them."""

    def __init__(self, pkg: Package, ids: Sequence[str], checks: dict[str, type[Check]]):
        self.pkg = pkg
        self.pending = {i for i in ids if _reads_typed(checks[i])}
        self.lock = threading.Lock()

    def done(self, check_id: str) -> None:
        with self.lock:
            if check_id not in self.pending:
                return
            self.pending.discard(check_id)
            if self.pending:
                return
        book = ledger(self.pkg)
        if self.pkg.has("claims") and not book.has("claims"):
            return  # the claims as intervals, if a later check asks, are built on them
        book.release_inputs()


def _run_lane(
    pkg: Package,
    ids: Sequence[str],
    checks: dict[str, type[Check]],
    on_check: ProgressCallback | None,
) -> list[Finding]:
    readers = [i for i in ids if _lane_of(checks[i]) == SOURCES_LANE]
    typed = _TypedReaders(pkg, ids, checks)
    found: list[Finding] = []
    for check_id in ids:
        if on_check is not None:
            on_check(check_id)
        found.extend(_declared(checks[check_id], checks[check_id]().run(pkg)))
        if readers and check_id == readers[-1]:
            pkg.release_texts()
        typed.done(check_id)
    return found


def _run_parallel(
    pkg: Package,
    ids: Sequence[str],
    checks: dict[str, type[Check]],
    on_check: ProgressCallback | None,
) -> list[Finding]:
    """One thread takes the source checks first, in order, the other the table checks;
    each takes from the other's list once its own is empty, so neither waits while work
    is left. A failure stops the checks after it in run order; those before it still run
    (one of them may fail first). The texts are released once every source check is done."""
    _prepare(pkg)
    order = {check_id: n for n, check_id in enumerate(ids)}
    chain = deque(i for i in ids if _lane_of(checks[i]) == SOURCES_LANE)
    queue = deque(i for i in ids if _lane_of(checks[i]) != SOURCES_LANE)
    checks_of_chain = frozenset(chain)
    reading = [len(chain)]  # source checks not yet done
    lock = threading.Lock()
    failures: dict[str, BaseException] = {}
    typed = _TypedReaders(pkg, ids, checks)

    def runs(check_id: str) -> bool:
        return not failures or order[check_id] < min(order[f] for f in failures)

    def run(check_id: str, found: list[Finding]) -> None:
        with lock:
            if not runs(check_id):
                return
            if on_check is not None:
                on_check(check_id)
        try:
            found.extend(_declared(checks[check_id], checks[check_id]().run(pkg)))
        except Exception as exc:  # re-raised below, in run order
            with lock:
                failures[check_id] = exc
        else:
            typed.done(check_id)

    def done(check_id: str) -> None:
        with lock:
            if check_id not in checks_of_chain:
                return
            reading[0] -= 1
            last = reading[0] == 0
        if last:
            pkg.release_texts()

    def take(first: deque[str], then: deque[str]) -> str | None:
        with lock:
            if first:
                return first.popleft()
            return then.popleft() if then else None

    def lane(first: deque[str], then: deque[str], parse: bool = False) -> list[Finding]:
        if parse:
            _parse_written(pkg)
        found: list[Finding] = []
        while (check_id := take(first, then)) is not None:
            try:
                run(check_id, found)
            finally:
                done(check_id)
        return found

    with ThreadPoolExecutor(max_workers=2) as pool:
        parse = any(_reads_typed(checks[i]) for i in chain)  # citation reads the parse
        results = [pool.submit(lane, chain, queue), pool.submit(lane, queue, chain, parse)]
        found = [finding for result in results for finding in result.result()]
    for check_id in ids:
        if check_id in failures:
            raise failures[check_id]
    return found


def _parse_written(pkg: Package) -> None:
    """The table lane's first work: the parsed ``as_written``, which citation, on the other
    lane, needs once it has read the source texts, and which the claims as intervals are
    built on. Built here, it is ready when citation asks; built later, by the first table
    check that needs the claims as intervals, citation would wait for it."""
    if not pkg.has("claims"):
        return
    try:
        _ = ledger(pkg).written
    except Exception:  # the check that asks for it raises it again, in run order
        return


def _declared(check: type[Check], findings: Iterable[Finding]) -> list[Finding]:
    """The findings of a check, refusing one whose code the check does not declare.

    An undeclared code is a programming error (the code has no title, help or severity
    policy, and no SARIF rule), so the run stops rather than report it.
    """
    codes = {code.code for code in check.codes}
    found = list(findings)
    for finding in found:
        if finding.check != check.id or finding.code not in codes:
            raise RegistryError(
                check.id,
                f"raised {finding.check}/{finding.code}, which it does not declare "
                f"(declared: {', '.join(sorted(codes))})",
            )
    return found


def _prepare(pkg: Package) -> None:
    """Read the tables before the lanes start (every check reads them).

    What the checks derive from the tables (typed views, the parsed ``as_written``, the
    claims as intervals, the rules) is built by the first check that asks, while the
    other lane goes on: the :class:`~checks.ledger.ledger.Ledger` makes a second caller
    wait for it rather than build it twice. Citation reads the source texts first, so the
    table lane (its schema check, then the parsed ``as_written`` and the claims as
    intervals) runs meanwhile.
    """
    for name in pkg.resources:
        pkg.table(name)
