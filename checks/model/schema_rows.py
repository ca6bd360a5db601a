"""The rows the pandera schema of a table needs to see: all but those proven to pass.

Validating a million rows with pandera costs seconds (every element check runs on every
cell, after a copy that turns empty strings into missing values), although a ledger that
is in order has no failing row. Each check of :func:`~checks.model.tableschema.pandera_schema`
is cell by cell, except uniqueness; so pandera run on a subset of the rows (keeping their
index) reports exactly the failures of those rows, provided that every row of a group of
equal values of a unique column is in the subset.

:func:`rows_to_validate` therefore proves column-wise, cheaply, that a row passes every
element check, and returns the rest with every row of a duplicate group. The proofs are
sufficient conditions, never the checks themselves: a row that fails a proof only goes
to pandera, which decides. They rest on the typed view (:mod:`checks.ledger.typed`),
which holds a value exactly where the cell converts; where a check parses cells with
:func:`pandas.to_numeric`, whose result may depend on the other cells, every such cell is
sent along, so pandera sees the same input for it as on the whole column.

The same holds column-wise: :func:`cells_to_validate` also names the fields with a cell
in doubt, and a field without one (every cell proven, the column of the string dtype its
``str`` check expects) needs none of its checks run, on any row. On a small package,
where each column check pandera runs costs milliseconds whatever the rows, leaving out
the proven columns (and pandera altogether when no cell is in doubt) is most of the cost
of the schema check. ``tests/test_fast_paths.py`` compares the findings of both ways on
generated tables.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checks.model.tableschema import as_missing, pattern_check

_ISO_DATE_SHAPE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# A cell of at most this many bytes, ASCII, without an exponent, is a decimal that
# floats() parses with pyarrow (at most 15 digits): the same value whatever the other cells.
_PLAIN_BYTES = 15


def rows_to_validate(
    frame: pd.DataFrame, table_schema: dict[str, Any], typed: pd.DataFrame
) -> np.ndarray:
    """Positions of the rows of ``frame`` that pandera must validate (sorted).

    ``typed`` is the typed view of ``frame`` (same rows, same order). Every row not
    returned passes each element check of its fields, and no unique column or composite
    primary key has a duplicate that involves it.
    """
    return cells_to_validate(frame, table_schema, typed)[0]


def cells_to_validate(
    frame: pd.DataFrame, table_schema: dict[str, Any], typed: pd.DataFrame
) -> tuple[np.ndarray, list[str]]:
    """The rows of :func:`rows_to_validate`, and the fields with a cell not proven to pass.

    A field none of whose cells is in doubt has no failure in any row: pandera need not
    run its checks at all (each costs milliseconds, even on a few rows). The fields are in
    the order of the table schema.
    """
    suspect = np.zeros(len(frame), dtype=bool)
    doubtful: list[str] = []
    for field in table_schema.get("fields", []):
        name = field["name"]
        if name in frame.columns:
            typed_column = typed[name] if name in typed.columns else None
            unproven = _unproven_cells(frame[name], field, typed_column)
            if unproven.any() or not _is_arrow_string(frame[name]):  # or its dtype may fail
                doubtful.append(name)
                suspect |= unproven
    key = table_schema.get("primaryKey")
    keys = [key] if isinstance(key, str) else list(key or [])
    present = [k for k in keys if k in frame.columns]
    if len(keys) > 1 and present:
        suspect |= as_missing(frame[present]).duplicated(keep=False).to_numpy(dtype=bool)
    return np.flatnonzero(suspect), doubtful


_FEW_ROWS = 5_000


def rows_of(frame: pd.DataFrame, rows: np.ndarray) -> pd.DataFrame:
    """``frame.take(rows)``, index kept; a few rows are taken cell by cell (pyarrow's take
    on a chunked column costs about 10 ms at a million rows, however few rows it takes).

    >>> frame = pd.DataFrame({"a": pd.Series(["x", "y", "z"], dtype="str")})
    >>> rows_of(frame, np.array([0, 2]))["a"].to_dict()
    {0: 'x', 2: 'z'}
    """
    if len(rows) > _FEW_ROWS:
        return frame.take(rows)
    positions = rows.tolist()
    index = frame.index[rows]
    return pd.DataFrame(
        {
            name: pd.Series([column.iloc[i] for i in positions], dtype=column.dtype, index=index)
            for name, column in frame.items()
        },
        index=index,
        columns=frame.columns,
    )


def _unproven_cells(
    column: pd.Series, field: dict[str, Any], typed: pd.Series | None
) -> np.ndarray:
    """Cells of one column that might fail a check of ``field`` (or take part in a duplicate)."""
    if not _is_arrow_string(column):
        return np.ones(len(column), dtype=bool)
    text = pa.chunked_array(pa.array(column))
    missing = _bool(pc.or_kleene(pc.is_null(text), pc.equal(text, "")))
    constraints = field.get("constraints", {})
    proven = _type_proven(text, column, field.get("type", "string"), constraints, typed)
    if "enum" in constraints:
        allowed = pa.array([str(v) for v in constraints["enum"]], type=pa.string())
        proven = proven & _bool(pc.is_in(text, value_set=allowed))
    if "pattern" in constraints:
        proven = proven & column.str.match(
            pattern_check(constraints["pattern"]), na=False
        ).to_numpy(dtype=bool)
    unproven = ~missing & ~proven
    if constraints.get("required", False):
        unproven |= missing
    if constraints.get("unique", False):
        unproven |= _duplicated(column, missing)
    return np.asarray(unproven, dtype=bool)


def _type_proven(
    text: pa.ChunkedArray,
    column: pd.Series,
    field_type: str,
    constraints: dict[str, Any],
    typed: pd.Series | None,
) -> np.ndarray:
    """Cells that pass the type check and the bounds of their field."""
    if field_type not in ("integer", "number", "date"):
        return np.ones(len(column), dtype=bool)
    if typed is None or len(typed) != len(column):
        return np.zeros(len(column), dtype=bool)
    proven = typed.notna().to_numpy(dtype=bool)
    if field_type == "date":
        return np.asarray(proven & _all_match(text, _ISO_DATE_SHAPE), dtype=bool)
    plain = _bool(pc.string_is_ascii(text))
    plain = plain & (pc.binary_length(text).to_numpy() <= _PLAIN_BYTES)
    for exponent in ("e", "E"):  # two plain searches: ignore_case goes through a regex
        plain = plain & ~_bool(pc.match_substring(text, exponent))
    proven = proven & plain
    values = typed.to_numpy(dtype="float64", na_value=np.nan)
    with np.errstate(invalid="ignore"):
        if "minimum" in constraints:
            proven = proven & (values >= float(constraints["minimum"]))
        if "maximum" in constraints:
            proven = proven & (values <= float(constraints["maximum"]))
    return np.asarray(proven, dtype=bool)


def _all_match(text: pa.ChunkedArray, pattern: str) -> np.ndarray:
    """Which cells match ``pattern``, matched once per distinct value (dates repeat a lot)."""
    distinct = pc.unique(text)
    failing = pc.filter(
        distinct, pc.invert(pc.fill_null(pc.match_substring_regex(distinct, pattern), False))
    )
    if len(failing) == 0:
        return np.ones(len(text), dtype=bool)
    return ~_bool(pc.is_in(text, value_set=failing))


def _duplicated(column: pd.Series, missing: np.ndarray) -> np.ndarray:
    """Every cell whose value occurs more than once; the missing cells count as one value."""
    if column.hasnans:  # "" and a missing cell are the same value to pandera
        column = column.where(~missing, None)
    if column.is_unique:
        return np.zeros(len(column), dtype=bool)
    return np.asarray(column.duplicated(keep=False), dtype=bool)


def _is_arrow_string(column: pd.Series) -> bool:
    dtype = column.dtype
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


def _bool(array: pa.ChunkedArray | pa.Array) -> np.ndarray:
    return np.asarray(pc.fill_null(array, False).to_numpy(), dtype=bool)
