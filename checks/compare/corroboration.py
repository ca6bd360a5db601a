"""Which claims another source backs: same subject, indicator and period, overlapping
intervals. Used by the provenance check; vectorised over the whole claim table.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.ledger.claims import ClaimTable
from checks.ledger.pairs import any_overlap, count_overlap, window_pair_blocks
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
    statement = _statement_numbers(table, statements)[numbers.rows]
    position = np.flatnonzero(numbers.news)  # backed is indexed by the news rows, in order
    query = position[backed.to_numpy(bool) & (statement[position] >= 0)]
    if len(query) == 0:
        return
    reference = ~numbers.news
    codes, lo, hi = numbers.codes, numbers.lo, numbers.hi
    counts = count_overlap(
        codes[query], lo[query], hi[query], codes[reference], lo[reference], hi[reference]
    )
    later = _later_copies(table, numbers, statement, query)
    backed.loc[numbers.rows[query]] = counts > later


def _statement_numbers(table: ClaimTable, statements: Statements) -> npt.NDArray[np.int64]:
    """Each row's statement number (-1: printed once), from the ids when not positional."""
    if statements.at is not None and len(statements.at) == len(table.frame):
        return statements.at
    at = np.full(len(table.frame), -1, dtype=np.int64)
    firsts: dict[str, int] = {}
    for claim_id, group in statements.copies.items():
        position = table.position(claim_id)
        if position is not None:
            at[position] = firsts.setdefault(group[0], len(firsts))
    return at


def _later_copies(
    table: ClaimTable,
    numbers: _Numbers,
    statement: npt.NDArray[np.int64],
    query: npt.NDArray[np.int64],
) -> npt.NDArray[np.int64]:
    """For each query claim: the non-news copies of its statement in its group whose
    interval overlaps its own and whose source was published after its source (an undated
    source is never later: it may be the origin)."""
    later = np.zeros(len(query), dtype=np.int64)
    published = table.frame["published"].to_numpy(dtype="datetime64[ns]")[numbers.rows]
    dated = ~np.isnat(published)
    copies = np.flatnonzero(~numbers.news & (statement >= 0) & dated)
    asking = np.flatnonzero(dated[query])
    if len(copies) == 0 or len(asking) == 0:
        return later
    both = np.concatenate([query[asking], copies])
    group = pd.factorize(statement[both] * (int(numbers.codes.max()) + 1) + numbers.codes[both])
    groups = group[0].astype(np.int64)
    days = published.astype(np.int64)
    levels = np.unique(days[both])
    rank = np.searchsorted(levels, days[both]).astype(np.int64)
    asked, reference = slice(0, len(asking)), slice(len(asking), None)
    lo, hi = numbers.lo, numbers.hi
    for left, right in window_pair_blocks(
        groups[asked],
        rank[asked] + 1,
        np.full(len(asking), len(levels)),
        groups[reference],
        rank[reference],
    ):
        i, j = query[asking][left], copies[right]
        meets = (lo[j] <= hi[i]) & (lo[i] <= hi[j])
        later[asking] += np.bincount(left[meets], minlength=len(asking))
    return later


def forecast_only(table: ClaimTable) -> dict[int, list[int]]:
    """Claims not marked as forecasts whose figure other claims give only as forecasts:
    row → the rows of the overlapping forecasts (same subject, indicator and period)."""
    index = number_rows(table)
    if len(index) == 0:
        return {}
    forecast = (table.frame["qualifier"] == "forecast").to_numpy(dtype=bool)[index]
    codes = table.group_codes(index, _KEYS)
    size = int(codes.max()) + 1 if len(codes) else 0  # group codes are dense
    both = (np.bincount(codes[forecast], minlength=size) > 0) & (
        np.bincount(codes[~forecast], minlength=size) > 0
    )
    out: dict[int, list[int]] = {}
    lo = table.frame["clo"].to_numpy(float)[index]
    hi = table.frame["chi"].to_numpy(float)[index]
    members: dict[int, list[int]] = {}
    for position in np.flatnonzero(both[codes]).tolist():
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
