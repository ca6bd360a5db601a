"""Which claims another source backs: same subject, indicator and period, overlapping
intervals. Used by the provenance check; vectorised over the whole claim table.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.rules.claims import ClaimTable
from checks.rules.conflicting import _groups
from checks.rules.pairs import any_overlap

NEWS = "news"
_KEYS = ["subject", "indicator_id", "start_day", "end_day"]


def numbers(table: ClaimTable) -> pd.DataFrame:
    """The claims with a readable number in their indicator's unit."""
    frame = table.frame
    return frame[frame["clo"].notna()] if not frame.empty else frame


def backed_by_non_news(table: ClaimTable) -> pd.Series:
    """For each news claim with a number: does a non-news claim with the same subject,
    indicator and period have an overlapping interval? (index: rows of the table)"""
    rows = numbers(table)
    news = rows["source_kind"] == NEWS
    if rows.empty or not news.any():
        return pd.Series(dtype=bool)
    codes = _groups(rows, _KEYS)
    query, reference = news.to_numpy(), ~news.to_numpy()
    lo, hi = rows["clo"].to_numpy(float), rows["chi"].to_numpy(float)
    backed = any_overlap(
        codes[query], lo[query], hi[query], codes[reference], lo[reference], hi[reference]
    )
    return pd.Series(backed, index=rows.index[query])


def forecast_only(table: ClaimTable) -> dict[int, list[int]]:
    """Claims not marked as forecasts whose figure other claims give only as forecasts:
    row → the rows of the overlapping forecasts (same subject, indicator and period)."""
    rows = numbers(table)
    if rows.empty:
        return {}
    forecast = (rows["qualifier"] == "forecast").to_numpy()
    codes = _groups(rows, _KEYS)
    mixed = set(codes[forecast].tolist()) & set(codes[~forecast].tolist())
    out: dict[int, list[int]] = {}
    lo, hi = rows["clo"].to_numpy(float), rows["chi"].to_numpy(float)
    index = rows.index.to_numpy(np.int64)
    members: dict[int, list[int]] = {}
    for position in np.flatnonzero(np.isin(codes, list(mixed))).tolist():
        members.setdefault(int(codes[position]), []).append(position)
    for group in members.values():
        for m in group:
            if forecast[m]:
                continue
            overlapping = [o for o in group if o != m and lo[o] <= hi[m] and lo[m] <= hi[o]]
            if overlapping and all(forecast[o] for o in overlapping):
                out[int(index[m])] = [int(index[o]) for o in overlapping]
    return out


def published_before_end(table: ClaimTable) -> npt.NDArray[np.int64]:
    """Rows of claims not marked as forecasts about a period that had not ended when
    their source was published (durations, which may count to an anniversary, aside)."""
    frame = numbers(table)
    frame = frame[frame["kind"] != "duration"] if not frame.empty else frame
    if frame.empty:
        return np.empty(0, dtype=np.int64)
    published = pd.to_datetime(frame["published"], errors="coerce")
    epoch = pd.Timestamp("1970-01-01")
    days = ((published - epoch) / pd.Timedelta(days=1)).to_numpy(float)
    mask = (frame["qualifier"] != "forecast").to_numpy() & (days < frame["end_day"].to_numpy(float))
    rows: npt.NDArray[np.int64] = frame.index.to_numpy(np.int64)[mask]
    return rows
