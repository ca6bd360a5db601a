"""schema: the descriptor validates as Frictionless, the rows as the derived pandera schemas.

Rows that cannot be read at all (ragged, quotes left open) are findings too
(:mod:`checks.suite.structure`). Also the semantic rules that a table schema cannot
express: foreign keys (checked here, vectorised), periods in order, units that parse,
values present exactly when a number was written.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

import pandas as pd
import pandera.errors as pa_errors
import pyarrow as pa
import pyarrow.compute as pc
from frictionless import Package as FrictionlessPackage

from checks.ledger.ledger import ledger
from checks.model.codes import FindingCode
from checks.model.finding import Finding, Severity
from checks.model.package import Package, Resource
from checks.model.schema_rows import cells_to_validate, rows_of
from checks.model.tableschema import as_missing, pandera_schema
from checks.numbers.units import UnitError, parse_unit
from checks.registry import register
from checks.suite.common import row_finding
from checks.suite.structure import STRUCTURE_CODES, structure_findings

CHECK = "schema"


CODES: tuple[FindingCode, ...] = (
    FindingCode(
        "descriptor",
        "The descriptor is not a valid Frictionless package",
        "datapackage.json fails Frictionless v2 descriptor validation: fix the property the "
        "message names.",
        "error",
        "nothing else can be trusted while the package is malformed",
    ),
    FindingCode(
        "table",
        "A table does not have the columns its schema declares",
        "A column the table schema declares is missing or the table cannot be validated: fix the "
        "CSV header.",
        "error",
        "the rows cannot be read as the schema says",
    ),
    FindingCode(
        "required",
        "A required cell is empty",
        "Fill the cell: the table schema marks the column as required.",
        "error",
        "a claim without it cannot be checked",
    ),
    FindingCode(
        "unique",
        "A value that must be unique is repeated",
        "Two rows share a primary-key or unique value: rename or remove one.",
        "error",
        "ids must name one row, or citations and waivers point at the wrong one",
    ),
    FindingCode(
        "field",
        "A cell does not match its column's type or constraint",
        "The cell's type, pattern, enum or bounds do not match the table schema: fix the cell.",
        "error",
        "the value cannot be read as the schema says",
    ),
    FindingCode(
        "foreign-key",
        "A reference to another table does not resolve",
        "The id is not in the table it refers to (a source, an indicator): add that row or fix "
        "the id.",
        "error",
        "a claim tied to nothing has no provenance",
    ),
    FindingCode(
        "period-order",
        "A period ends before it starts",
        "period_end is before period_start: swap or fix the dates.",
        "error",
        "the period cannot exist",
    ),
    FindingCode(
        "value-presence",
        "A number without a value, or a value without a number",
        "A claim with as_written needs a value and a unit; an event claim has neither.",
        "error",
        "the claim cannot be compared as captured",
    ),
    FindingCode(
        "unit",
        "A unit does not parse",
        "Use a unit the unit registry knows (checks/data/units.txt), or add it there.",
        "error",
        "a figure with no readable unit cannot be compared or converted",
    ),
)


@register
class SchemaCheck:
    id: ClassVar[str] = CHECK
    title: ClassVar[str] = "Package and rows match their schemas"
    reads_typed: ClassVar[bool] = True  # the typed views of every table
    codes: ClassVar[tuple[FindingCode, ...]] = (*CODES, *STRUCTURE_CODES)
    help: ClassVar[str] = (
        "The descriptor validates as a Frictionless v2 data package; every row validates "
        "against a pandera schema derived from its table schema (types, required, enums, "
        "patterns, bounds, unique and primary keys); foreign keys resolve; periods are in "
        "order; units parse."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        yield from _descriptor_findings(pkg)
        for resource in pkg.resources.values():
            yield from structure_findings(resource, CHECK)
            yield from _row_findings(pkg, resource)
            yield from _foreign_key_findings(pkg, resource)
        if pkg.has("claims"):
            yield from _claim_semantics(pkg)


def _descriptor_findings(pkg: Package) -> Iterator[Finding]:
    try:
        report = FrictionlessPackage.validate_descriptor(str(pkg.descriptor_path))
    except (AttributeError, TypeError, ValueError, KeyError) as exc:
        # frictionless itself trips over some wrongly typed properties: still a finding
        yield Finding(
            CHECK,
            "descriptor",
            Severity.ERROR,
            (),
            f"descriptor cannot be validated: {type(exc).__name__}: {exc}",
            {"type": "descriptor-error"},
            pkg.descriptor_path.name,
            None,
            key="descriptor-crash",
        )
        return
    for error in report.errors:
        yield Finding(
            CHECK,
            "descriptor",
            Severity.ERROR,
            (),
            error.message,
            {"type": error.type},
            pkg.descriptor_path.name,
            None,
            key=error.message,
        )


def _row_label(resource: Resource, frame: pd.DataFrame, row: int) -> str:
    key = resource.schema.get("primaryKey")
    keys = [key] if isinstance(key, str) else list(key or [])
    values = [str(frame[k].iloc[row]) for k in keys if k in frame.columns]
    return "|".join(values) if any(values) else f"row{row}"


def _claim_ids(resource: Resource, frame: pd.DataFrame, row: int) -> tuple[str, ...]:
    if resource.name == "claims" and "claim_id" in frame.columns and frame["claim_id"].iloc[row]:
        return (str(frame["claim_id"].iloc[row]),)
    return ()


def _row_findings(pkg: Package, resource: Resource) -> Iterator[Finding]:
    """Pandera's failures, from the cells not proven to pass (the same failures, faster)."""
    frame = resource.frame
    rows, columns = cells_to_validate(frame, resource.schema, ledger(pkg).typed(resource.name))
    if not len(rows) and not columns:  # every cell proven to pass: pandera would find nothing
        return
    schema = pandera_schema(resource.name, resource.schema, columns)
    try:
        schema.validate(as_missing(rows_of(frame, rows)), lazy=True)
        return
    except pa_errors.SchemaErrors as exc:
        cases = exc.failure_cases
    for case in cases.itertuples(index=False):
        yield from _case_findings(pkg, resource, frame, case)


def _case_findings(
    pkg: Package, resource: Resource, frame: pd.DataFrame, case: Any
) -> Iterator[Finding]:
    column = str(case.column) if case.column is not None else ""
    check = str(case.check)
    index = case.index
    if index is None or (isinstance(index, float) and pd.isna(index)):
        if check.startswith("column_in_dataframe"):
            return
        yield Finding(
            CHECK,
            "table",
            Severity.ERROR,
            (),
            f"{resource.display}: {check}",
            {"column": column},
            resource.display,
            1,
            key=f"{resource.name}:{column}:{check}",
        )
        return
    row = int(index)
    value = frame[column].iloc[row] if column in frame.columns else ""  # not a whole row
    if check == "not_nullable":
        message = f"column {column}: value is required"
        code = "required"
    elif check.startswith("field_uniqueness") or check.startswith("multiple_fields_uniqueness"):
        message = f"column {column}: duplicate value {value!r} (must be unique)"
        code = "unique"
    else:
        message = f"column {column}: {value!r} {_expected(check)}"
        code = "field"
    yield row_finding(
        pkg,
        check=CHECK,
        code=code,
        severity=Severity.ERROR,
        resource=resource.name,
        row=row,
        message=message,
        claim_ids=_claim_ids(resource, frame, row),
        evidence={
            "resource": resource.name,
            "row": row + 1,
            "column": column,
            "value": value,
            "check": check,
        },
        key=f"{resource.name}:{column}:{check}:{_row_label(resource, frame, row)}:{value}",
    )


def _expected(check: str) -> str:
    return check if check.startswith("expected") else f"fails {check}"


def _foreign_key_findings(pkg: Package, resource: Resource) -> Iterator[Finding]:
    frame = resource.frame
    for fk in resource.schema.get("foreignKeys", []):
        fields = fk.get("fields")
        ref = fk.get("reference", {})
        ref_fields = ref.get("fields")
        fields = [fields] if isinstance(fields, str) else list(fields or [])
        ref_fields = [ref_fields] if isinstance(ref_fields, str) else list(ref_fields or [])
        target = pkg.table(ref.get("resource") or resource.name)
        if not fields or not all(f in frame.columns for f in fields):
            continue
        if not all(f in target.columns for f in ref_fields):
            continue
        local = _joined(frame, fields)
        empty = (frame[fields] == "").all(axis=1)
        known = pa.array(_joined(target, ref_fields), type=pa.string())
        found = _resolved(pa.array(local, type=pa.string()), known)
        missing = ~pd.Series(found.to_numpy(zero_copy_only=False), index=local.index) & ~empty
        for row in missing[missing].index:
            value = local.iloc[row].replace("\x1f", ", ")
            yield row_finding(
                pkg,
                check=CHECK,
                code="foreign-key",
                severity=Severity.ERROR,
                resource=resource.name,
                row=int(row),
                message=f"column {', '.join(fields)}: {value!r} is not a "
                f"{'/'.join(ref_fields)} in {ref.get('resource')}",
                claim_ids=_claim_ids(resource, frame, int(row)),
                evidence={
                    "resource": resource.name,
                    "column": ", ".join(fields),
                    "value": value,
                    "reference": ref.get("resource"),
                },
                key=f"{resource.name}:{','.join(fields)}:{value}:"
                f"{_row_label(resource, frame, int(row))}",
            )


def _resolved(local: pa.Array, known: pa.Array) -> pa.Array:
    """``pc.is_in(local, known)``, hashing the smaller side.

    A handful of verdicts point into a million claims: hashing the claim ids would cost
    more than the whole check. The keys that ``local`` uses are found by one pass over
    ``known`` instead; the answer is the same for every cell.
    """
    if len(known) > len(local):
        known = pc.filter(known, pc.is_in(known, value_set=pc.unique(local)))
    return pc.is_in(local, value_set=known)


def _joined(frame: pd.DataFrame, fields: list[str]) -> pd.Series:
    """The key of each row as one string (cells joined by U+001F), built column-wise."""
    joined = frame[fields[0]].astype(str)
    for name in fields[1:]:
        joined = joined + "\x1f" + frame[name].astype(str)
    return joined


def _claim_semantics(pkg: Package) -> Iterator[Finding]:
    claims = ledger(pkg).typed("claims")
    if claims.empty:
        return
    ids = claims["claim_id"].astype(str)
    reversed_period = claims["period_start"] > claims["period_end"]
    for row in reversed_period[reversed_period.fillna(False)].index:
        yield row_finding(
            pkg,
            check=CHECK,
            code="period-order",
            severity=Severity.ERROR,
            resource="claims",
            row=int(row),
            claim_ids=(ids.iloc[row],),
            message=f"period_start {claims['period_start'].iloc[row]:%Y-%m-%d} is after "
            f"period_end {claims['period_end'].iloc[row]:%Y-%m-%d}",
            evidence={"column": "period_start"},
            key="period",
        )
    raw = pkg.table("claims")
    has_number = raw["as_written"] != ""
    has_value = raw["value"] != ""
    for row in (has_number != has_value)[lambda s: s].index:
        which = (
            "as_written without a value" if has_number.iloc[row] else "a value without as_written"
        )
        yield row_finding(
            pkg,
            check=CHECK,
            code="value-presence",
            severity=Severity.ERROR,
            resource="claims",
            row=int(row),
            claim_ids=(ids.iloc[row],),
            message=f"claim has {which}; an event claim has neither, a number claim both",
            evidence={"column": "value"},
            key="value-presence",
        )
    for unit, rows in raw.groupby("unit", sort=True).groups.items():
        try:
            parse_unit(str(unit))
        except UnitError as exc:
            for row in rows:
                yield row_finding(
                    pkg,
                    check=CHECK,
                    code="unit",
                    severity=Severity.ERROR,
                    resource="claims",
                    row=int(row),
                    claim_ids=(ids.iloc[int(row)],),
                    message=f"column unit: {exc}",
                    evidence={"column": "unit", "value": unit},
                    key=f"unit:{unit}",
                )
