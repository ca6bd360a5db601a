"""What a Dask worker does with one partition of the claims: the checks, on a package
that holds only that partition of the ledger.

The claims are shuffled three ways, each a *plan* (see docs/engines.md):

- ``rows`` (by ``claim_id``): the schema check's row validation, foreign keys and claim
  semantics; duplicates of a claim id meet in one partition, so uniqueness holds.
- ``sources`` (by ``source_id``): citation, coverage and sentences; a partition gets the rows of
  ``sources.csv`` whose ids fall in its bucket, and every claim of those sources. The
  files of ``sources/`` that no row registers are found on the client, which reads
  ``sources.csv`` whole (:data:`WHOLE_TABLE_CODES`).
- ``groups`` (by ``subject``): arithmetic, conflicts, temporal, provenance; every pair,
  rule binding and corroboration they look at is within one subject, and so is every copy
  of a statement printed more than once (their findings are merged here). Claims named
  by a ``[claim:id]`` rule reference, with their copies, join every partition as
  *guests*; a finding that involves guests only is kept from their home partition alone.

The other tables (sources, indicators, rules, waivers, verdicts) are small beside the
claims: each worker reads them once. Rows keep their physical line and their row number
in the whole table, so findings are located as the local engine locates them.
"""

from __future__ import annotations

import dataclasses
import gc
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import numpy as np
import pandas as pd

from checks.engine.chunks import LINE, ROW, readable_rows
from checks.ledger.statements import KEYS as STATEMENT_KEYS
from checks.model.finding import Finding
from checks.model.memory import trim_heap
from checks.model.package import Package, Resource, load_package
from checks.registry import registered
from checks.runner import one_per_statement
from checks.suite.unregistered import CODE as UNREGISTERED
from checks.suite.unregistered import unregistered_sources

ROWS, SOURCES, GROUPS = "rows", "sources", "groups"
PLAN_KEYS = {ROWS: "claim_id", SOURCES: "source_id", GROUPS: "subject"}
PLAN_CHECKS = {
    ROWS: ("schema",),
    SOURCES: ("citation", "coverage", "sentences"),
    GROUPS: ("arithmetic", "conflicts", "temporal", "provenance"),
}
BUCKET = "__bucket"
WholeTableFinder = Callable[[Package, str], Iterable[Finding]]
WHOLE_TABLE_CODES: dict[str, tuple[tuple[str, str, WholeTableFinder], ...]] = {
    SOURCES: (("citation", UNREGISTERED, lambda pkg, check: _unregistered(pkg, check)),),
}
"""Findings of a plan's checks that compare a partitioned small table with the whole
package (a file in ``sources/`` against every row of ``sources.csv``): a partition, which
holds some of the rows, would report the others' files. The client finds these over the
whole table (:func:`whole_table_findings`) and the partitions drop theirs."""
GUEST_REF = re.compile(r"\[claim:([^\]]+)\]")

Ordered = tuple[Finding, int]
"""A finding and the row of its first claim (to keep the first ``rule-error`` of a rule)."""

_lock = threading.Lock()


def plan_of(check_id: str) -> str | None:
    """The plan a check runs in, or None for a check that needs the whole ledger."""
    for plan, ids in PLAN_CHECKS.items():
        if check_id in ids:
            return plan
    return None


def buckets(values: pd.Series, count: int) -> np.ndarray:
    """A stable bucket in ``[0, count)`` for each value (the same in every process)."""
    hashed = pd.util.hash_pandas_object(values.astype(str), index=False).to_numpy()
    result: np.ndarray = (hashed % np.uint64(count)).astype(np.int64)
    return result


def guest_ids(rules: pd.DataFrame) -> list[str]:
    """The claim ids that rule expressions name with ``[claim:id]``."""
    if "expression" not in rules.columns:
        return []
    found: dict[str, None] = {}
    for expression in rules["expression"].astype(str):
        for match in GUEST_REF.finditer(expression):
            found[match.group(1).strip()] = None
    return list(found)


@lru_cache(maxsize=4)
def base_package(descriptor: str) -> Package:
    """The package with every table but the claims read (once per worker process)."""
    with _lock:
        pkg = load_package(descriptor)
        for name, resource in pkg.resources.items():
            if name != "claims":
                _ = resource.frame
        return pkg


def sub_package(base: Package, tables: dict[str, pd.DataFrame]) -> Package:
    """A package whose named tables are the given frames (with :data:`ROW`/:data:`LINE`);
    the other tables are the base's, shared."""
    resources: dict[str, Resource] = {}
    for name, res in base.resources.items():
        if name in tables:
            frame = tables[name].sort_values(ROW, kind="stable")
            lines = frame[LINE].astype(int).tolist()
            frame = frame.drop(columns=[c for c in frame.columns if c.startswith("__")])
            frame = frame.reset_index(drop=True)
        else:
            frame, lines = res.frame, res._lines
        resources[name] = Resource(name, res.path, res.display, res.descriptor, res.schema)
        resources[name]._frame, resources[name]._lines = frame, lines
    return Package(
        base.root, base.descriptor_path, base.descriptor, resources, base.max_source_bytes
    )


def run_partition(
    claims: pd.DataFrame,
    *,
    descriptor: str,
    plan: str,
    check_ids: tuple[str, ...],
    number: int,
    count: int,
    guests: pd.DataFrame | None = None,
    unreadable: pd.DataFrame | None = None,
) -> list[Ordered]:
    """The findings of ``check_ids`` on partition ``number`` of ``count`` of a plan.

    ``unreadable`` (for the ``rows`` plan) holds the claims rows that cannot be read
    (:data:`ROW` at least), to give schema findings the local engine's row numbers.
    """
    base = base_package(descriptor)
    claims = claims.reset_index(drop=True).drop(columns=[BUCKET], errors="ignore")
    tables: dict[str, pd.DataFrame] = {"claims": claims}
    home = set(claims["claim_id"]) if "claim_id" in claims.columns else set()
    if plan == SOURCES and base.has("sources"):
        sources = base.table("sources")
        mine = buckets(sources["source_id"], count) == number
        sub = sources[mine].copy()
        sub[ROW] = np.flatnonzero(mine)
        lines = base.resources["sources"]._lines or []
        sub[LINE] = [lines[i] for i in np.flatnonzero(mine)]
        tables["sources"] = sub
    elif plan == GROUPS and guests is not None and len(guests):
        visiting = guests[~guests[ROW].isin(claims[ROW])]
        tables["claims"] = pd.concat([claims, visiting], ignore_index=True)
    if tables["claims"].empty and plan != SOURCES:
        return []
    pkg = sub_package(base, tables)
    rows = dict(zip(pkg.table("claims").get("claim_id", []), _rows(tables["claims"]), strict=False))
    checks = registered()
    whole = {(check, code) for check, code, _ in WHOLE_TABLE_CODES.get(plan, ())}
    skipped = unreadable[ROW].to_numpy() if unreadable is not None else np.array([], dtype=int)
    findings: list[Finding] = []
    for check_id in check_ids:
        findings.extend(_schema_rows(pkg) if plan == ROWS else checks[check_id]().run(pkg))
    if plan == GROUPS:  # every copy of a statement is here: same subject, or a guest's copy
        findings = one_per_statement(pkg, findings)
    found: list[Ordered] = []
    for finding in findings:
        if (finding.check, finding.code) in whole:
            continue  # the client finds it over the whole table
        if plan == GROUPS and finding.claim_ids and not home.intersection(finding.claim_ids):
            continue  # guests only: their home partition reports it
        if plan == ROWS:
            finding = _global_row(finding, pkg, tables["claims"], skipped)
        first = rows.get(finding.claim_ids[0], -1) if finding.claim_ids else -1
        found.append((finding, int(first)))
    # The partition's package and its ledger refer to each other: Python frees such a cycle
    # only in a full collection, which a worker that makes few Python objects (the frames
    # are Arrow's) may not run for hundreds of tasks, holding each partition's frames.
    del pkg, tables
    gc.collect()
    trim_heap()  # and handed back, Arrow's pool too (Dask trims only glibc's heap)
    return found


def statement_copies(claims: pd.DataFrame, named: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``claims`` that may print the same statement as a row of ``named``
    (the same ``as_written``, indicator and subject: :mod:`checks.ledger.statements`)."""
    keys = [k for k in STATEMENT_KEYS if k in claims.columns]
    if named.empty or len(keys) < len(STATEMENT_KEYS):
        return claims.iloc[0:0]
    wanted = pd.MultiIndex.from_frame(named[keys].astype(str))
    mine = pd.MultiIndex.from_frame(claims[keys].astype(str)).isin(wanted)
    return claims[mine]


def whole_table_findings(pkg: Package, check_ids: Iterable[str]) -> list[Finding]:
    """The findings of :data:`WHOLE_TABLE_CODES` for the selected checks, on the client's
    (whole) package."""
    selected = set(check_ids)
    found: list[Finding] = []
    for plan, parts in WHOLE_TABLE_CODES.items():
        for check_id, _, finder in parts:
            if check_id in selected and check_id in PLAN_CHECKS[plan]:
                found.extend(finder(pkg, check_id))
    return found


def _unregistered(pkg: Package, check: str) -> Iterator[Finding]:
    if pkg.has("sources"):  # the citation check reports nothing without it
        yield from unregistered_sources(pkg, check)


def _rows(frame: pd.DataFrame) -> list[int]:
    return [int(r) for r in frame.sort_values(ROW, kind="stable")[ROW]]


def _schema_rows(pkg: Package) -> Iterator[Finding]:
    """The schema check's findings about the claims table's rows."""
    from checks.suite.schema import _claim_semantics, _foreign_key_findings, _row_findings

    claims = pkg.resources["claims"]
    yield from _row_findings(pkg, claims)
    yield from _foreign_key_findings(pkg, claims)
    yield from _claim_semantics(pkg)


def _global_row(
    finding: Finding, pkg: Package, claims: pd.DataFrame, unreadable: np.ndarray
) -> Finding:
    """A schema finding located by its row in the partition, given its row in the table
    (the local engine's table, which leaves the ``unreadable`` records out)."""
    resource = pkg.resources["claims"]
    if finding.path != resource.display or finding.line is None:
        return finding
    lines = resource._lines or []
    try:
        local = lines.index(finding.line)
    except ValueError:
        return finding
    record = int(claims.sort_values(ROW, kind="stable")[ROW].iloc[local])
    whole = int(readable_rows([record], unreadable)[0])
    evidence = dict(finding.evidence)
    if "row" in evidence:
        evidence["row"] = whole + 1
    key = re.sub(rf"(^|:)row{local}(:|$)", rf"\g<1>row{whole}\g<2>", finding.key)
    return dataclasses.replace(finding, evidence=evidence, key=key)
