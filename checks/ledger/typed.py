"""Typed views of the string tables, derived from the table schemas.

Cells that do not convert become missing (NaN/NaT/<NA>); the schema check reports them,
so other checks can work on the typed view without failing on bad cells.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checks.model.dates import iso_dates
from checks.model.package import Package
from checks.model.tableschema import floats


def typed_view(pkg: Package, name: str) -> pd.DataFrame:
    """The table with integer, number and date fields converted; strings stay strings.

    Empty strings stay ``""`` in string columns; integers are ``Int64``, numbers
    ``float64``, dates ``datetime64`` (``NaT`` when empty or invalid).
    """
    frame = pkg.table(name)
    resource = pkg.resources.get(name)
    out = frame.copy(deep=False)  # columns are replaced, never written into
    if resource is not None:
        for field in resource.fields:
            column = field["name"]
            if column not in out.columns:
                continue
            out[column] = convert_column(frame[column], field.get("type", "string"))
    return out


def convert_column(series: pd.Series, field_type: str) -> pd.Series:
    """Convert one string column to the table-schema type, invalid cells to missing."""
    if field_type == "integer":
        # Through int64 parsing, never float64: 18 digits do not fit a double exactly.
        shaped = series.str.fullmatch(r"[-+]?\d{1,18}").fillna(False).astype(bool)
        return pd.Series(_integers(series, shaped), index=series.index, name=series.name)
    if field_type == "number":
        text = series.where(series.str.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?"), None)
        numbers = floats(text)  # pandas.to_numeric's values, plain decimals by pyarrow
        return numbers.where(np.isfinite(numbers))
    if field_type == "date":
        return iso_dates(series)
    return series


def _integers(series: pd.Series, shaped: pd.Series) -> pd.arrays.IntegerArray:
    """The shaped cells as exact int64 (pyarrow parses ASCII digits; Python the others)."""
    text = pa.array(series.where(shaped, None), type=pa.string())
    ascii_digits = pc.fill_null(pc.string_is_ascii(text), True)
    plain = pc.if_else(ascii_digits, text, pa.scalar(None, pa.string()))
    ints = pc.cast(pc.replace_substring_regex(plain, pattern=r"^\+", replacement=""), pa.int64())
    values = pc.fill_null(ints, 0).to_numpy(zero_copy_only=False).copy()
    missing = pc.is_null(ints).to_numpy(zero_copy_only=False).copy()
    for i in np.flatnonzero(~ascii_digits.to_numpy(zero_copy_only=False)):
        values[i], missing[i] = int(text[i].as_py()), False  # other scripts' digits
    return pd.arrays.IntegerArray(values, missing)
