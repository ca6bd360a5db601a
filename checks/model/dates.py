"""ISO dates read one way everywhere: ``YYYY-MM-DD`` that Python's ``date`` can hold.

pandas reads ``0000-01-01`` as a valid timestamp, but year 0 exists in no calendar Python
knows, and turning it into a ``date`` later raises ``NotImplementedError``. Every date cell
(a period, a source's ``published``, a waiver's ``expires``) is read by :func:`iso_dates`,
which leaves such a date out (``NaT``), so the schema check reports it as not a date.
"""

from __future__ import annotations

import pandas as pd


def iso_dates(series: pd.Series) -> pd.Series:
    """The cells as dates; ``NaT`` where a cell is empty, not ``YYYY-MM-DD`` or year 0.

    >>> iso_dates(pd.Series(["2024-02-29", "0000-01-01", "2023-02-29", ""])).isna().tolist()
    [False, True, True, True]
    """
    parsed = pd.to_datetime(series, format="%Y-%m-%d", errors="coerce")
    return parsed.where(parsed.dt.year >= 1)
