"""Pandera schemas derived from Frictionless table schemas (never written twice by hand)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa

_INTEGER = re.compile(r"[-+]?\d{1,18}")
_NUMBER = r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?"


def _is_integer(s: pd.Series) -> pd.Series:
    return s.str.fullmatch(_INTEGER.pattern).fillna(False).astype(bool)


def _is_finite_number(s: pd.Series) -> pd.Series:
    ok = s.str.fullmatch(_NUMBER).fillna(False).astype(bool)
    values = pd.to_numeric(s.where(ok, None), errors="coerce")
    return ok & np.isfinite(values.astype("float64"))


def _is_iso_date(s: pd.Series) -> pd.Series:
    shaped = s.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False).astype(bool)
    return (
        shaped & pd.to_datetime(s.where(shaped, None), format="%Y-%m-%d", errors="coerce").notna()
    )


_TYPE_CHECKS = {
    "integer": (_is_integer, "an integer"),
    "number": (_is_finite_number, "a finite decimal number"),
    "date": (_is_iso_date, "an ISO date YYYY-MM-DD"),
}


def _field_checks(field: dict[str, Any]) -> list[pa.Check]:
    checks: list[pa.Check] = []
    ftype = field.get("type", "string")
    if ftype in _TYPE_CHECKS:
        fn, expected = _TYPE_CHECKS[ftype]
        checks.append(pa.Check(fn, name=f"type:{ftype}", error=f"expected {expected}"))
    constraints = field.get("constraints", {})
    if "enum" in constraints:
        allowed = [str(v) for v in constraints["enum"]]
        checks.append(pa.Check.isin(allowed, error=f"expected one of {', '.join(allowed)}"))
    if "pattern" in constraints:
        checks.append(
            pa.Check.str_matches(
                f"(?:{constraints['pattern']})\\Z",
                error=f"expected to match {constraints['pattern']}",
            )
        )
    for key, op in (("minimum", "ge"), ("maximum", "le")):
        if key in constraints and ftype in ("integer", "number"):
            bound = float(constraints[key])
            checks.append(
                pa.Check(
                    lambda s, b=bound, o=op: _compare(s, b, o),
                    name=f"{key}:{constraints[key]}",
                    error=f"expected {'>=' if op == 'ge' else '<='} {constraints[key]}",
                )
            )
    return checks


def _compare(s: pd.Series, bound: float, op: str) -> pd.Series:
    values = pd.to_numeric(s, errors="coerce")
    ok = values >= bound if op == "ge" else values <= bound
    return ok | values.isna()


def pandera_schema(name: str, table_schema: dict[str, Any]) -> pa.DataFrameSchema:
    """A pandera schema over the string frame of a resource.

    Empty cells are missing values: ``required`` becomes ``nullable=False``; type,
    enum, pattern and bounds become element-wise checks; ``unique`` and the primary
    key become uniqueness constraints.
    """
    columns = {}
    for field in table_schema.get("fields", []):
        constraints = field.get("constraints", {})
        columns[field["name"]] = pa.Column(
            str,
            checks=_field_checks(field),
            nullable=not constraints.get("required", False),
            unique=bool(constraints.get("unique", False)),
            required=True,
        )
    key = table_schema.get("primaryKey")
    keys = [key] if isinstance(key, str) else list(key or [])
    return pa.DataFrameSchema(
        columns,
        name=name,
        unique=keys if len(keys) > 1 else None,
        strict=False,
        coerce=False,
    )


def as_missing(frame: pd.DataFrame) -> pd.DataFrame:
    """Empty strings as missing values, the way the table schemas declare them."""
    return frame.replace("", None)
