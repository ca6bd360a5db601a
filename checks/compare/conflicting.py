"""Claims that say different things about the same measure, found without rules.

Same subject and indicator, and a comparable period: the same period, or an instant
inside another claim's window for a stock or a ratio. Two such claims conflict when their
intervals (in the indicator's unit, or converted through a dated exchange-rate claim when
the currencies differ) cannot overlap. Event claims are left to the temporal check: an
event indicator may name something that recurs, so two dates of one indicator are not a
contradiction in themselves. For a flow, a count over a period also cannot exceed the
count over a period that contains it. Rows are grouped and sorted, never compared all
against all.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.ledger.claims import ClaimTable
from checks.ledger.grading import default_edge_share
from checks.ledger.measures import moving_indicators
from checks.ledger.pairs import Floats, disjoint_pairs, window_pair_blocks, window_pairs
from checks.numbers.units import parse_unit
from checks.rules.exchange import convert_through, rate_claims
from checks.rules.values import Quantity, UnitMismatch, currency_of

SAME_PERIOD = "same-period"
INSTANT_IN_WINDOW = "instant-in-window"
CONTAINED = "contained-period"


@dataclass(frozen=True, slots=True)
class Pair:
    """Two rows of the claim table that cannot both be right (``via``: an exchange-rate row)."""

    basis: str
    left: int
    right: int
    left_interval: tuple[float, float]
    right_interval: tuple[float, float]
    via: int | None = None
    left_printed: tuple[float, float] | None = None
    right_printed: tuple[float, float] | None = None
    """The printed precision alone (no hedge), when it is known in the compared unit."""


def _column(table: ClaimTable, name: str) -> Floats:
    values: Floats = table.frame[name].to_numpy(float)
    return values


def conflicting_pairs(table: ClaimTable, edge_share: float | None = None) -> Iterator[Pair]:
    """Every pair of claims about the same measure that cannot both be right, or that
    agree only at the edges of their hedges (printed values more than ``edge_share``
    apart, the package default when None); the caller grades them
    (:func:`checks.ledger.grading.grade`)."""
    frame = table.frame
    if frame.empty:
        return
    yield from _same_period(table, default_edge_share() if edge_share is None else edge_share)
    yield from _instant_in_window(table)


def _same_period(table: ClaimTable, share: float) -> Iterator[Pair]:
    clo, chi = _column(table, "clo"), _column(table, "chi")
    rows = np.flatnonzero(~np.isnan(clo)).astype(np.int64)
    lo, hi = clo[rows], chi[rows]
    plo, phi = _column(table, "cplo")[rows], _column(table, "cphi")[rows]
    via = np.full(len(rows), -1, dtype=np.int64)
    extra_rows, extra_lo, extra_hi, extra_via, extra_plo, extra_phi = _converted(table)
    if extra_rows:
        rows = np.r_[rows, np.array(extra_rows, dtype=np.int64)]
        lo = np.r_[lo, np.array(extra_lo)]
        hi = np.r_[hi, np.array(extra_hi)]
        plo = np.r_[plo, np.array(extra_plo)]
        phi = np.r_[phi, np.array(extra_phi)]
        via = np.r_[via, np.array(extra_via, dtype=np.int64)]
    groups = table.group_codes(rows, ["subject", "indicator_id", "start_day", "end_day"])
    i, j = disjoint_pairs(groups, lo, hi)
    # printed values further apart than the share: agreement at the edges of the hedges
    # (a bare figure, with no hedge word, is notable as soon as its printed precision
    # cannot overlap the other's: share 0)
    bare = (table.frame["qualifier"] == "exact").to_numpy(dtype=bool)[rows]
    reach = phi + np.where(bare, 0.0, share) * np.abs(plo / 2 + phi / 2)
    k, m = disjoint_pairs(groups, np.minimum(plo, reach), np.maximum(phi, reach))
    left, right = np.r_[i, k], np.r_[j, m]
    keep = ~_agreeing(left, right, (lo, hi), (plo, phi), np.where(bare, 0.0, share))
    seen: set[tuple[int, int]] = set()
    for a, b in zip(left[keep].tolist(), right[keep].tolist(), strict=True):
        if rows[a] == rows[b] or (via[a] >= 0 and via[b] >= 0) or (a, b) in seen:
            continue
        seen.add((a, b))
        through = int(via[a]) if via[a] >= 0 else (int(via[b]) if via[b] >= 0 else None)
        yield Pair(
            SAME_PERIOD, int(rows[a]), int(rows[b]), (lo[a], hi[a]), (lo[b], hi[b]), through,
            (plo[a], phi[a]), (plo[b], phi[b]),
        )  # fmt: skip


def _agreeing(
    a: npt.NDArray[np.int64],
    b: npt.NDArray[np.int64],
    hedged: tuple[Floats, Floats],
    printed: tuple[Floats, Floats],
    share: Floats,
) -> npt.NDArray[np.bool_]:
    """The pairs that :func:`~checks.ledger.grading.grade` will call ``agree`` (hedged
    intervals overlap, printed figures within the share, which is 0 between two bare
    figures), decided on the columns so that no pair object is made for them. Pairs with
    a missing or infinite bound are left to ``grade`` itself (False here)."""
    lo, hi = hedged
    plo, phi = printed
    values = (lo[a], hi[a], lo[b], hi[b], plo[a], phi[a], plo[b], phi[b])
    finite = np.logical_and.reduce([np.isfinite(v) for v in values])
    with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
        overlap = (lo[a] <= hi[b]) & (lo[b] <= hi[a])
        touching = (plo[a] <= phi[b]) & (plo[b] <= phi[a])
        gap = np.where(phi[a] < plo[b], plo[b] - phi[a], plo[a] - phi[b])
        scale = np.minimum(np.abs(plo[a] / 2 + phi[a] / 2), np.abs(plo[b] / 2 + phi[b] / 2))
        difference = np.where(
            touching, 0.0, np.where((scale == 0) | np.isinf(gap), np.inf, gap / scale)
        )
    either = np.maximum(share[a], share[b])  # a hedge on either side: the package's share
    result: npt.NDArray[np.bool_] = finite & overlap & (difference <= either)
    return result


def _converted(
    table: ClaimTable,
) -> tuple[list[int], list[float], list[float], list[int], list[float], list[float]]:
    """Money claims whose currency is not their indicator's, converted through each
    fitting exchange-rate claim: rows, converted bounds, the rate's row, and the printed
    figure (no hedge) converted through the rate's printed figure."""
    frame = table.frame
    stray = np.flatnonzero(frame["clo"].isna().to_numpy() & frame["lo"].notna().to_numpy())
    out: tuple[list[int], list[float], list[float], list[int], list[float], list[float]] = (
        [],
        [],
        [],
        [],
        [],
        [],
    )
    for row in stray.tolist():
        unit, target = str(frame.at[row, "unit"]), str(frame.at[row, "ind_unit"])
        try:
            if not currency_of(parse_unit(unit)) or not currency_of(parse_unit(target)):
                continue
        except ValueError:
            continue
        claim = table.claim(int(row))
        assert claim.interval is not None
        value = Quantity(claim.interval, parse_unit(unit), claim.period, claim.claim_id)
        plain = Quantity(
            claim.printed or claim.interval, parse_unit(unit), claim.period, claim.claim_id
        )
        for rate in rate_claims(table, claim.subject, claim.period):
            converted = convert_through(value, rate)
            printed = convert_through(plain, replace(rate, interval=rate.printed or rate.interval))
            if converted is None:
                continue
            try:
                interval = converted.to(parse_unit(target)).interval
                printed_interval = (printed or converted).to(parse_unit(target)).interval
            except UnitMismatch:
                continue
            position = table.position(rate.claim_id)
            assert position is not None
            out[0].append(int(row))
            out[1].append(interval.lo)
            out[2].append(interval.hi)
            out[3].append(position)
            out[4].append(printed_interval.lo)
            out[5].append(printed_interval.hi)
    return out


def _instant_in_window(table: ClaimTable) -> Iterator[Pair]:
    """An instant inside a window of a stock or ratio whose indicator declares no rate of
    change (with a rate, :mod:`checks.compare.trajectory` compares them through it)."""
    clo, chi = _column(table, "clo"), _column(table, "chi")
    flow = (table.frame["kind"] == "flow").to_numpy(dtype=bool) | table.frame["indicator_id"].isin(
        moving_indicators(table)
    ).to_numpy(dtype=bool)
    index = np.flatnonzero(~np.isnan(clo) & ~flow).astype(np.int64)
    if len(index) == 0:
        return
    codes = table.group_codes(index, ["subject", "indicator_id"])
    start = table.frame["start_day"].to_numpy(np.int64)[index]
    end = table.frame["end_day"].to_numpy(np.int64)[index]
    windows = np.flatnonzero(start < end)
    instants = np.flatnonzero(start == end)
    if len(windows) == 0 or len(instants) == 0:
        return
    w, k = window_pairs(
        codes[windows], start[windows], end[windows], codes[instants], start[instants]
    )
    lo, hi = clo[index], chi[index]
    for a, b in zip(windows[w].tolist(), instants[k].tolist(), strict=True):
        if hi[a] < lo[b] or hi[b] < lo[a]:
            yield Pair(
                INSTANT_IN_WINDOW, int(index[a]), int(index[b]), (lo[a], hi[a]), (lo[b], hi[b])
            )


def contained_pairs(table: ClaimTable) -> Iterator[Pair]:
    """Flows of one subject and indicator where a count over a period inside another
    period exceeds the count over that period (inner first)."""
    clo, chi = _column(table, "clo"), _column(table, "chi")
    flow = (table.frame["kind"] == "flow").to_numpy(dtype=bool)
    index = np.flatnonzero(~np.isnan(clo) & flow).astype(np.int64)
    if len(index) == 0:
        return
    codes = table.group_codes(index, ["subject", "indicator_id"])
    start = table.frame["start_day"].to_numpy(np.int64)[index]
    end = table.frame["end_day"].to_numpy(np.int64)[index]
    length = end - start
    longest = pd.Series(length).groupby(codes).transform("max").to_numpy(np.int64)
    lo, hi = clo[index], chi[index]
    # an outer period containing [start, end] starts in [end - longest, start]
    for inner, outer in window_pair_blocks(codes, end - longest, start, codes, start):
        keep = (
            (end[outer] >= end[inner])
            & ((start[outer] != start[inner]) | (end[outer] != end[inner]))
            & (lo[inner] > hi[outer])
        )
        for a, b in zip(inner[keep].tolist(), outer[keep].tolist(), strict=True):
            yield Pair(CONTAINED, int(index[a]), int(index[b]), (lo[a], hi[a]), (lo[b], hi[b]))
