"""Which claims another source backs: same subject, indicator and period, overlapping
intervals. Used by the provenance check; vectorised over the whole claim table.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.ledger.claims import ClaimTable
from checks.ledger.pairs import any_overlap, count_overlap
from checks.ledger.statements import Statements

NEWS = "news"
_KEYS = ["subject", "indicator_id", "start_day", "end_day"]


def number_rows(table: ClaimTable) -> npt.NDArray[np.int64]:
    """Row positions of the claims with a readable number in their indicator's unit."""
    return np.flatnonzero(table.frame["clo"].notna().to_numpy()).astype(np.int64)


def backed_by_non_news(table: ClaimTable, statements: Statements | None = None) -> pd.Series:
    """For each news claim with a number: does a non-news claim with the same subject,
    indicator and period have an overlapping interval? (index: rows of the table)

    A claim that prints the same statement as the news claim (a copy,
    :class:`~checks.ledger.statements.Statements`) in a source published *after* the news
    article copies the article: it is not an independent confirmation and does not count.
    A copy published earlier (or undated) may be the article's origin, the statistical
    release it quotes, and counts."""
    rows = number_rows(table)
    news = (table.frame["source_kind"] == NEWS).to_numpy(dtype=bool)[rows]
    if len(rows) == 0 or not news.any():
        return pd.Series(dtype=bool)
    codes = table.group_codes(rows, _KEYS)
    query, reference = news, ~news
    lo = table.frame["clo"].to_numpy(float)[rows]
    hi = table.frame["chi"].to_numpy(float)[rows]
    backed = any_overlap(
        codes[query], lo[query], hi[query], codes[reference], lo[reference], hi[reference]
    )
    result = pd.Series(backed, index=rows[query])
    if statements is not None and len(statements):
        _drop_copies(table, result, statements, _Numbers(rows, codes, lo, hi, news))
    return result


@dataclass(frozen=True)
class _Numbers:
    """The claims with a number: row positions, group codes, intervals, news or not."""

    rows: npt.NDArray[np.int64]
    codes: npt.NDArray[np.int64]
    lo: npt.NDArray[np.float64]
    hi: npt.NDArray[np.float64]
    news: npt.NDArray[np.bool_]


def _drop_copies(
    table: ClaimTable, backed: pd.Series, statements: Statements, numbers: _Numbers
) -> None:
    """Re-decide, without the later copies, the backed claims whose statement is printed
    elsewhere too: the overlapping non-news claims of their group, counted on the
    columns, less the copies among them published after the claim's source."""
    frame = table.frame
    ids = frame["claim_id"].to_numpy(dtype=object)
    candidates = [
        int(row)
        for row in backed.index[backed.to_numpy(bool)].tolist()
        if len(statements.of(str(ids[row]))) >= 2
    ]
    if not candidates:
        return
    at = {int(row): i for i, row in enumerate(numbers.rows.tolist())}
    query = np.array([at[row] for row in candidates], dtype=np.int64)
    reference = ~numbers.news
    codes, lo, hi = numbers.codes, numbers.lo, numbers.hi
    counts = count_overlap(
        codes[query], lo[query], hi[query], codes[reference], lo[reference], hi[reference]
    )
    published = frame["published"].to_numpy(dtype="datetime64[ns]")
    for row, i, count in zip(candidates, query.tolist(), counts.tolist(), strict=True):
        later = 0
        for copy in set(statements.of(str(ids[row]))):
            position = table.position(copy)
            j = at.get(position) if position is not None else None
            if j is None or numbers.news[j] or codes[j] != codes[i]:
                continue  # not one of the claims that back it
            if lo[j] <= hi[i] and lo[i] <= hi[j] and published[position] > published[row]:
                later += 1  # NaT compares false: an undated copy may be the origin
        backed.at[row] = count > later


def forecast_only(table: ClaimTable) -> dict[int, list[int]]:
    """Claims not marked as forecasts whose figure other claims give only as forecasts:
    row → the rows of the overlapping forecasts (same subject, indicator and period)."""
    index = number_rows(table)
    if len(index) == 0:
        return {}
    forecast = (table.frame["qualifier"] == "forecast").to_numpy(dtype=bool)[index]
    codes = table.group_codes(index, _KEYS)
    mixed = np.intersect1d(codes[forecast], codes[~forecast])
    out: dict[int, list[int]] = {}
    lo = table.frame["clo"].to_numpy(float)[index]
    hi = table.frame["chi"].to_numpy(float)[index]
    members: dict[int, list[int]] = {}
    for position in np.flatnonzero(np.isin(codes, mixed)).tolist():
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
    frame = table.frame
    if frame.empty:
        return np.empty(0, dtype=np.int64)
    published = pd.to_datetime(frame["published"], errors="coerce")
    epoch = pd.Timestamp("1970-01-01")
    days = ((published - epoch) / pd.Timedelta(days=1)).to_numpy(float)
    mask = frame["clo"].notna().to_numpy() & (frame["kind"] != "duration").to_numpy(dtype=bool)
    mask &= (frame["qualifier"] != "forecast").to_numpy(dtype=bool)
    mask &= days < frame["end_day"].to_numpy(float)
    rows: npt.NDArray[np.int64] = np.flatnonzero(mask).astype(np.int64)
    return rows
