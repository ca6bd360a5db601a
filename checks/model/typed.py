"""Typed views of the string tables, derived from the table schemas.

Cells that do not convert become missing (NaN/NaT/<NA>); the schema check reports them,
so other checks can work on the typed view without failing on bad cells.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from checks.model.package import Package

_CACHE_ATTR = "_typed_cache"


def typed_table(pkg: Package, name: str) -> pd.DataFrame:
    """The table with integer, number and date fields converted; strings stay strings.

    Empty strings stay ``""`` in string columns; integers are ``Int64``, numbers
    ``float64``, dates ``datetime64`` (``NaT`` when empty or invalid).
    """
    cache: dict[str, pd.DataFrame] = pkg.__dict__.setdefault(_CACHE_ATTR, {})
    if name in cache:
        return cache[name]
    frame = pkg.table(name)
    resource = pkg.resources.get(name)
    out = frame.copy()
    if resource is not None:
        for field in resource.fields:
            column = field["name"]
            if column not in out.columns:
                continue
            out[column] = convert_column(frame[column], field.get("type", "string"))
    cache[name] = out
    return out


def convert_column(series: pd.Series, field_type: str) -> pd.Series:
    """Convert one string column to the table-schema type, invalid cells to missing."""
    if field_type == "integer":
        # Through Python ints, never float64: 18 digits do not fit a double exactly.
        shaped = series.str.fullmatch(r"[-+]?\d{1,18}").fillna(False).astype(bool)
        return pd.Series(
            pd.array(
                [int(cell) if ok else pd.NA for cell, ok in zip(series, shaped, strict=True)],
                dtype="Int64",
            ),
            index=series.index,
            name=series.name,
        )
    if field_type == "number":
        text = series.where(series.str.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?"), None)
        numbers = pd.to_numeric(text, errors="coerce").astype("float64")
        return numbers.where(np.isfinite(numbers))
    if field_type == "date":
        return pd.to_datetime(series, format="%Y-%m-%d", errors="coerce")
    return series
