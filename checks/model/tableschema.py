"""Pandera schemas derived from Frictionless table schemas (never written twice by hand)."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
import pyarrow as arrow
import pyarrow.compute as arrow_compute

from checks.model.dates import iso_dates
from checks.model.errors import InputError

FIELD_TYPES = frozenset(
    [
        "string",
        "number",
        "integer",
        "boolean",
        "object",
        "array",
        "list",
        "date",
        "time",
        "datetime",
        "year",
        "yearmonth",
        "duration",
        "geopoint",
        "geojson",
        "any",
    ]
)
_Fail = Callable[[str, str, str], InputError]
_INTEGER = re.compile(r"[-+]?\d{1,18}")
_NUMBER = r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?"


def _is_integer(s: pd.Series) -> pd.Series:
    return s.str.fullmatch(_INTEGER.pattern).fillna(False).astype(bool)


def _is_finite_number(s: pd.Series) -> pd.Series:
    ok = s.str.fullmatch(_NUMBER).fillna(False).astype(bool)
    return ok & np.isfinite(floats(s.where(ok, None)))


_PLAIN_DECIMAL = r"^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)$"
_EXACT_DIGITS = 15  # a mantissa that fits a double exactly: one rounding, in any parser


def floats(s: pd.Series) -> pd.Series:
    """``pd.to_numeric(s, errors="coerce")`` as float64; pyarrow parses the plain decimals.

    Only decimals without an exponent and with at most 15 digits are parsed by pyarrow:
    there both parsers round once and agree (pandas' parser is not correctly rounded for
    every exponent form, e.g. ``+100E50``). Every other cell still goes through
    :func:`pandas.to_numeric`, so the result is the same for every cell.
    """
    text = arrow.array(s, type=arrow.string(), from_pandas=True)
    shaped = arrow_compute.match_substring_regex(text, _PLAIN_DECIMAL)
    # A plain decimal is ASCII digits with at most a sign and a point: its digits are its
    # length less those two (cheaper than deleting the non-digits with a regex).
    signed = arrow_compute.or_(
        arrow_compute.starts_with(text, "-"), arrow_compute.starts_with(text, "+")
    )
    digits = arrow_compute.subtract(
        arrow_compute.subtract(
            arrow_compute.binary_length(text), arrow_compute.count_substring(text, ".")
        ),
        arrow_compute.cast(signed, arrow.int32()),
    )
    plain = arrow_compute.and_(
        arrow_compute.fill_null(shaped, False),
        arrow_compute.fill_null(arrow_compute.less_equal(digits, _EXACT_DIGITS), False),
    )
    missing = arrow.scalar(None, arrow.string())
    parsed = arrow_compute.cast(arrow_compute.if_else(plain, text, missing), arrow.float64())
    values = parsed.to_numpy(zero_copy_only=False).astype("float64", copy=True)
    rest = ~plain.to_numpy(zero_copy_only=False) & text.is_valid().to_numpy(zero_copy_only=False)
    if rest.any():
        values[rest] = pd.to_numeric(s[rest], errors="coerce").astype("float64").to_numpy()
    return pd.Series(values, index=s.index)


def _is_iso_date(s: pd.Series) -> pd.Series:
    shaped = s.str.fullmatch(r"\d{4}-\d{2}-\d{2}").fillna(False).astype(bool)
    return shaped & iso_dates(s.where(shaped, None)).notna()


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
                pattern_check(constraints["pattern"]),
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


def pattern_check(pattern: str) -> str:
    """The regex that ``Series.str.match`` needs for a table schema pattern (whole cell).

    >>> pattern_check("^[A-Z]{3}$")
    '(?:^[A-Z]{3}$)\\\\Z'
    """
    return f"(?:{pattern})\\Z"


def _compare(s: pd.Series, bound: float, op: str) -> pd.Series:
    values = floats(s)
    ok = values >= bound if op == "ge" else values <= bound
    return ok | values.isna()


def pandera_schema(
    name: str, table_schema: dict[str, Any], columns: Iterable[str] | None = None
) -> pa.DataFrameSchema:
    """A pandera schema over the string frame of a resource.

    Empty cells are missing values: ``required`` becomes ``nullable=False``; type,
    enum, pattern and bounds become element-wise checks; ``unique`` and the primary
    key become uniqueness constraints. With ``columns``, only those fields get a column
    (the primary key's uniqueness is kept). Schemas are built once per table schema and
    columns, and shared: never modify one.
    """
    only = None if columns is None else tuple(columns)
    try:
        key = json.dumps(table_schema, sort_keys=True, allow_nan=True)
    except (TypeError, ValueError):  # not JSON data (a test's own dict): built every time
        return _pandera_schema(name, table_schema, only)
    return _cached_schema(name, key, only)


@functools.lru_cache(maxsize=128)
def _cached_schema(
    name: str, table_schema: str, only: tuple[str, ...] | None
) -> pa.DataFrameSchema:
    return _pandera_schema(name, json.loads(table_schema), only)


def _pandera_schema(
    name: str, table_schema: dict[str, Any], only: tuple[str, ...] | None
) -> pa.DataFrameSchema:
    columns = {}
    for field in table_schema.get("fields", []):
        if only is not None and field["name"] not in only:
            continue
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


def check_table_schema(schema: dict[str, Any], *, path: str, prefix: str = "") -> None:
    """Refuse a table schema whose shape the loader and the checks cannot work with.

    Fields must be objects with distinct string names and a Frictionless type; enums are
    lists, patterns compile, numeric bounds are numbers, keys name declared fields.

    >>> check_table_schema({"fields": [{"name": "a", "type": "number"}]}, path="s.json")
    >>> check_table_schema({"fields": [{"name": "a"}], "primaryKey": "b"}, path="s.json")
    Traceback (most recent call last):
    ...
    checks.model.errors.InputError: s.json: column primaryKey: names unknown field 'b' \
(expected names of declared fields)
    """

    def fail(where: str, message: str, expected: str) -> InputError:
        return InputError(message, path=path, column=prefix + where, expected=expected)

    fields = schema.get("fields")
    if not isinstance(fields, list) or not fields:
        raise fail("fields", "table schema has no fields", "a non-empty list of field objects")
    names: list[str] = []
    for index, field in enumerate(fields):
        where = f"fields[{index}]"
        if not isinstance(field, dict) or not isinstance(field.get("name"), str):
            raise fail(where, "field without a name", "an object with a string 'name'")
        if not field["name"] or field["name"] in names:
            raise fail(f"{where}.name", f"field name {field['name']!r}", "a unique, non-empty name")
        names.append(field["name"])
        _check_field(field, fail, where)
    for key_name in ("primaryKey",):
        if key_name in schema:
            _check_names(schema[key_name], names, fail, key_name)
    foreign = schema.get("foreignKeys", [])
    if not isinstance(foreign, list):
        raise fail("foreignKeys", "foreignKeys is not a list", "a list of foreign key objects")
    for index, fk in enumerate(foreign):
        where = f"foreignKeys[{index}]"
        reference = fk.get("reference") if isinstance(fk, dict) else None
        if not isinstance(fk, dict) or not isinstance(reference, dict):
            raise fail(where, "foreign key without a reference", "{fields, reference}")
        local = _check_names(fk.get("fields"), names, fail, f"{where}.fields")
        target = reference.get("fields")
        targets = [target] if isinstance(target, str) else target
        if (
            not isinstance(reference.get("resource", ""), str)
            or not isinstance(targets, list)
            or not all(isinstance(t, str) for t in targets)
            or len(targets) != len(local)
        ):
            raise fail(
                f"{where}.reference",
                "malformed reference",
                f"a resource name and {len(local)} field name(s)",
            )


def _check_field(field: dict[str, Any], fail: _Fail, where: str) -> None:
    ftype = field.get("type", "string")
    if not isinstance(ftype, str) or ftype not in FIELD_TYPES:
        raise fail(f"{where}.type", f"unknown field type {ftype!r}", "a Frictionless field type")
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        raise fail(f"{where}.constraints", "constraints is not an object", "a JSON object")
    enum = constraints.get("enum", [])
    if not isinstance(enum, list):
        raise fail(f"{where}.constraints.enum", "enum is not a list", "a list of values")
    pattern = constraints.get("pattern")
    if pattern is not None:
        if not isinstance(pattern, str):
            raise fail(f"{where}.constraints.pattern", "pattern is not a string", "a regex")
        try:
            re.compile(pattern)
        except (re.error, RecursionError, OverflowError) as exc:
            raise fail(
                f"{where}.constraints.pattern", f"pattern does not compile: {exc}", "a regex"
            ) from None
    for key in ("minimum", "maximum"):
        bound = constraints.get(key)
        if bound is not None and ftype in ("integer", "number") and not _finite_number(bound):
            raise fail(f"{where}.constraints.{key}", f"{key} is {bound!r}", "a finite number")


def _finite_number(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return bool(np.isfinite(float(value)))
    except OverflowError:
        return False


def _check_names(value: Any, names: list[str], fail: _Fail, where: str) -> list[str]:
    listed = [value] if isinstance(value, str) else value
    if not isinstance(listed, list) or not listed or not all(isinstance(v, str) for v in listed):
        raise fail(where, f"{value!r} is not a field name or list of them", "field names")
    for name in listed:
        if name not in names:
            raise fail(where, f"names unknown field {name!r}", "names of declared fields")
    return listed
