"""The first row of each value of a key column, found without hashing Python strings.

Findings name claims by id and point at their row in claims.csv. A pandas index over a
million arrow-backed ids turns every id into a Python string and keeps a hash table
beside them (about 130 MB that stay for the rest of the run, for a few hundred
lookups). :class:`FirstRows` sorts the column once in Arrow (stable: rows ascending among
equal values) and finds an id by binary search: about 40 bytes a row and twenty comparisons
a lookup.
"""

from __future__ import annotations

from bisect import bisect_left

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc


class FirstRows:
    """``value → first row`` over one column.

    >>> rows = FirstRows(pd.Series(["b", "a", "b", "c"], dtype="str"))
    >>> rows.get("b"), rows.get("c"), rows.get("z")
    (0, 3, None)
    """

    def __init__(self, column: pd.Series) -> None:
        values = pa.array(column, type=pa.string(), from_pandas=True)
        # a stable sort (as Arrow documents it): equal values keep their rows ascending;
        # missing values sort last, so the first ``known`` are searchable
        order = pc.array_sort_indices(values)
        known = len(column) - values.null_count
        self._values = values.take(order).slice(0, known)
        self._rows = order.to_numpy()[:known]

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, position: int) -> str:
        value: str = self._values[position].as_py()
        return value

    def get(self, value: str) -> int | None:
        """The first row holding ``value``, or None."""
        position = bisect_left(self, value)
        if position < len(self) and self[position] == value:
            return int(self._rows[position])
        return None
