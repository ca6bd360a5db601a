"""``check --engine dask``: the claims as a Dask DataFrame, the checks per partition.

The client never reads the claims table whole: it cuts the file into chunks at record
boundaries (:mod:`checks.engine.chunks`), one partition each. For each plan of
:mod:`checks.engine.partition` the partitions are shuffled on a bucket of the plan's key
(``set_index`` on the bucket with fixed divisions, so partition *i* holds bucket *i*), and
each is checked by a worker. The findings come back to the client, which keeps one per
fingerprint (the first ``rule-error`` of a rule, as the local engine does) and sorts
them as the local engine does. Checks outside the plans run on the client, locally.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

import pandas as pd

from checks.engine import EngineOptions
from checks.engine.chunks import (
    BLOCK_BYTES,
    EXPECTED,
    LINE,
    PROBLEM,
    ROW,
    Chunk,
    read_chunk,
    split_csv,
)
from checks.engine.cluster import dask_client, dask_module
from checks.engine.partition import (
    BUCKET,
    GROUPS,
    PLAN_CHECKS,
    PLAN_KEYS,
    ROWS,
    Ordered,
    base_package,
    buckets,
    guest_ids,
    plan_of,
    run_partition,
    statement_copies,
    sub_package,
    whole_table_findings,
)
from checks.model.csvfile import MAX_ROW_PROBLEMS
from checks.model.errors import InputError
from checks.model.finding import Finding, sort_key
from checks.model.package import Package
from checks.registry import RegistryError, registered
from checks.runner import ProgressCallback, run_checks
from checks.suite.structure import structure_findings, unreadable_row_findings


def run_checks_dask(
    pkg: Package,
    select: Sequence[str] | None,
    options: EngineOptions,
    on_check: ProgressCallback | None = None,
) -> list[Finding]:
    """The findings of the selected checks (all by default), as
    :func:`checks.runner.run_checks` gives them."""
    ids = _selected(select)
    if not pkg.has("claims"):
        return run_checks(pkg, ids, on_check)
    resource = pkg.resources["claims"]
    chunks = split_csv(
        resource.path, display=resource.display, block_bytes=options.block_bytes or BLOCK_BYTES
    )
    if not chunks:  # no claim at all: nothing to partition
        return run_checks(pkg, ids, on_check)
    planned = {plan: tuple(i for i in ids if plan_of(i) == plan) for plan in PLAN_CHECKS}
    rest = [i for i in ids if plan_of(i) is None]
    found: list[Ordered] = []
    with dask_client(options) as client:
        records = _ledger(chunks, resource.field_names)
        ledger = records[records[PROBLEM] == ""]
        unreadable = _unreadable(records)
        tasks: list[Any] = []
        if "schema" in ids:
            tasks.append(_package_schema(pkg, ledger))
            listing = dask_module("dask").delayed(_unreadable_findings)
            tasks.append(listing(resource.name, resource.display, unreadable))
        guests = _guests(pkg, ledger, chunks, resource.field_names) if planned[GROUPS] else None
        for plan, checks in planned.items():
            if not checks:
                continue
            if on_check is not None:
                for check_id in checks:
                    on_check(check_id)
            tasks.extend(_plan_tasks(pkg, ledger, plan, checks, len(chunks), guests, unreadable))
        counts = _distinct_ids(ledger, len(chunks))
        results = client.compute([*tasks, *counts], sync=True)
        for result in results[: len(tasks)]:
            found.extend(result)
        pkg.counted_claims = sum(results[len(tasks) :])
    found.extend((f, -1) for f in whole_table_findings(pkg, ids))
    if rest:
        found.extend((f, -1) for f in run_checks(pkg, rest, on_check))
    return merge(found)


def merge(found: Sequence[Ordered]) -> list[Finding]:
    """One finding per fingerprint; of a rule's ``rule-error`` findings, the first one."""
    first_error: dict[tuple[str, str], Ordered] = {}
    seen: dict[str, Finding] = {}
    for finding, row in found:
        if finding.code == "rule-error":
            key = (finding.check, finding.key)
            best = first_error.get(key)
            if best is None or (row, finding.fingerprint) < (best[1], best[0].fingerprint):
                first_error[key] = (finding, row)
            continue
        seen.setdefault(finding.fingerprint, finding)
    for finding, _ in first_error.values():
        seen.setdefault(finding.fingerprint, finding)
    return sorted(seen.values(), key=sort_key)


def _ledger(chunks: list[Chunk], columns: list[str]) -> Any:
    dd = dask_module("dask.dataframe")
    meta = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    meta[ROW] = pd.Series(dtype="int64")
    meta[LINE] = pd.Series(dtype="int64")
    meta[PROBLEM] = pd.Series(dtype=object)
    meta[EXPECTED] = pd.Series(dtype=object)
    return dd.from_map(partial(_read, fields=columns), chunks, meta=meta)


def _read(chunk: Chunk, fields: list[str]) -> pd.DataFrame:
    """A chunk of the claims (not named ``columns``: Dask would pass a projection there)."""
    return read_chunk(chunk, fields)


def _bucketed(ledger: Any, key: str, count: int) -> Any:
    """The ledger shuffled so that partition *i* holds bucket *i* of ``key``. Built from a
    module function and plain arguments, the same call gives the same Dask keys, so that
    two uses of one shuffle in a graph run it once."""
    meta = ledger._meta.copy()
    meta[BUCKET] = pd.Series(dtype="int64")
    keyed = ledger.map_partitions(_assign_bucket, key, count, meta=meta)
    return keyed.set_index(BUCKET, divisions=list(range(count + 1)), sort=True)


def _assign_bucket(frame: pd.DataFrame, key: str, count: int) -> pd.DataFrame:
    out = frame.copy()
    out[BUCKET] = buckets(frame[key], count) if key in frame.columns else 0
    return out


def _plan_tasks(
    pkg: Package,
    ledger: Any,
    plan: str,
    checks: tuple[str, ...],
    count: int,
    guests: Any,
    unreadable: Any,
) -> list[Any]:
    delayed = dask_module("dask").delayed
    parts = _bucketed(ledger, PLAN_KEYS[plan], count).to_delayed()
    descriptor = str(pkg.descriptor_path)
    return [
        delayed(run_partition)(
            part,
            descriptor=descriptor,
            plan=plan,
            check_ids=checks,
            number=number,
            count=count,
            guests=guests,
            unreadable=unreadable if plan == ROWS else None,
        )
        for number, part in enumerate(parts)
    ]


def _distinct_ids(ledger: Any, count: int) -> list[Any]:
    """Per claim-id bucket, how many distinct non-empty claim ids it holds (their sum is
    the package's count of claims: the terminal summary's, without reading the table here).
    The buckets are those of the ``rows`` plan: with the schema check, one shuffle serves both.
    """
    delayed = dask_module("dask").delayed
    parts = _bucketed(ledger, PLAN_KEYS[ROWS], count).to_delayed()
    return [delayed(_distinct_count)(part) for part in parts]


def _distinct_count(frame: pd.DataFrame) -> int:
    ids = frame["claim_id"] if "claim_id" in frame.columns else pd.Series(dtype=str)
    return int(ids[ids != ""].nunique())


def _unreadable(records: Any) -> Any:
    """A delayed frame of the claims' rows that cannot be read (few, or a broken file)."""
    dask = dask_module("dask")
    parts = records[records[PROBLEM] != ""][[ROW, LINE, PROBLEM, EXPECTED]].to_delayed()
    return dask.delayed(pd.concat)(list(parts), ignore_index=True)


def _unreadable_findings(name: str, display: str, unreadable: pd.DataFrame) -> list[Ordered]:
    """The schema check's findings about the rows of table ``name`` (file ``display``)
    that cannot be read, as the local engine lists them (the first
    :data:`MAX_ROW_PROBLEMS`, then a count)."""
    first = unreadable.sort_values(ROW, kind="stable").head(MAX_ROW_PROBLEMS)
    problems = [
        InputError(message, path=display, line=line, row=row + 1, expected=expected)
        for row, line, message, expected in zip(
            first[ROW].tolist(),
            first[LINE].tolist(),
            first[PROBLEM].tolist(),
            first[EXPECTED].tolist(),
            strict=True,
        )
    ]
    found = unreadable_row_findings(name, display, problems, len(unreadable), "schema")
    return [(f, -1) for f in found]


def _guests(pkg: Package, ledger: Any, chunks: list[Chunk], fields: list[str]) -> Any:
    """The claims that rules name by id (a few rows), and every claim that may print the
    same statement as one of them (their findings merge), for every group partition.

    The copies are found by reading each chunk again once the named rows are known: a
    task that waited for them while holding its chunk would keep every chunk in memory.
    """
    ids = guest_ids(pkg.table("rules")) if pkg.has("rules") else []
    if not ids:
        return None
    dask = dask_module("dask")
    named = _rows_with_ids(ledger, ids)
    copies = [dask.delayed(_copies_in_chunk)(chunk, fields, named) for chunk in chunks]
    return dask.delayed(pd.concat)(copies, ignore_index=True)


def _copies_in_chunk(chunk: Chunk, fields: list[str], named: pd.DataFrame) -> pd.DataFrame:
    if named.empty:
        return named
    frame = read_chunk(chunk, fields)
    return statement_copies(frame[frame[PROBLEM] == ""], named)


def _rows_with_ids(ledger: Any, ids: list[str]) -> Any:
    """A delayed frame of the ledger's rows whose claim id is one of ``ids``."""
    dask = dask_module("dask")
    parts = ledger[ledger["claim_id"].isin(ids)].to_delayed()
    return dask.delayed(pd.concat)(list(parts), ignore_index=True)


def _package_schema(pkg: Package, ledger: Any) -> Any:
    """The schema check's findings about everything but the claims' rows (a task run on
    the client's package: the descriptor, the small tables, their foreign keys)."""
    dask = dask_module("dask")
    claims = _rows_with_ids(ledger, _referenced_claim_ids(pkg))
    return dask.delayed(_schema_rest)(str(pkg.descriptor_path), claims)


def _referenced_claim_ids(pkg: Package) -> list[str]:
    ids: dict[str, None] = {}
    for name, resource in pkg.resources.items():
        if name == "claims":
            continue
        for fk in resource.schema.get("foreignKeys", []):
            ref = fk.get("reference", {})
            if ref.get("resource") != "claims":
                continue
            fields = fk.get("fields")
            for field in [fields] if isinstance(fields, str) else list(fields or []):
                if field in resource.frame.columns:
                    ids.update(dict.fromkeys(resource.frame[field].astype(str)))
    return list(ids)


def _schema_rest(descriptor: str, claims: pd.DataFrame) -> list[Ordered]:
    from checks.suite.schema import (
        _descriptor_findings,
        _foreign_key_findings,
        _row_findings,
    )

    base = base_package(descriptor)
    part = sub_package(base, {"claims": claims})
    found = list(_descriptor_findings(part))
    for name, resource in part.resources.items():
        if name != "claims":
            found.extend(structure_findings(base.resources[name], "schema"))
            found.extend(_row_findings(part, resource))
            found.extend(_foreign_key_findings(part, resource))
    return [(f, -1) for f in found]


def _selected(select: Sequence[str] | None) -> list[str]:
    checks = registered()
    ids = list(checks) if select is None else list(select)
    unknown = [i for i in ids if i not in checks]
    if unknown:
        raise RegistryError(unknown[0], f"unknown check; known: {', '.join(sorted(checks))}")
    return ids
