"""Levels of one measure at different dates that move faster than declared.

A stock (a population, a number of users) cannot jump arbitrarily between two dates. An
indicator that declares ``max_change_per_year`` (indicators.csv) has its levels of one
subject compared across dates: the earlier level, grown or shrunk at most that rate over
the longest time between the instants the two figures can stand for
(:func:`checks.ledger.measures.years_apart`), must reach the later one. An average over a
year and a count on a day inside that year are compared the same way, not as equal.

Claims are sorted by the middle of their period within each (subject, indicator) and each
distinct period is compared with the next one, so the cost is the number of claims, not
its square.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from checks.ledger.claims import Claim, ClaimTable
from checks.ledger.measures import implied_rate, measure_of, through_rate, years_apart
from checks.numbers.interval import Interval


@dataclass(frozen=True, slots=True)
class Move:
    """Two levels (earlier first) that no change within ``rate`` a year can join."""

    earlier: int
    later: int
    years: float
    rate: float
    needed: float
    reachable: Interval


def too_fast(table: ClaimTable) -> Iterator[Move]:
    """Every pair of consecutive levels of one subject and indicator that the declared
    rate of change cannot join."""
    frame = table.frame
    if frame.empty:
        return
    for indicator in frame["indicator_id"].unique().tolist():
        measure = measure_of(table.indicator(str(indicator)))
        if not measure.moves or measure.max_change_per_year is None:
            continue
        rate = measure.max_change_per_year
        for subject in frame.loc[frame["indicator_id"] == indicator, "subject"].unique().tolist():
            yield from _moves(table, table.of_indicator(str(indicator), str(subject)), rate)


def _moves(table: ClaimTable, claims: list[Claim], rate: float) -> Iterator[Move]:
    levels = [c for c in claims if c.canonical is not None]
    if len(levels) < 2:
        return
    middle = np.array([c.period.as_years.mid for c in levels])
    order = np.argsort(middle, kind="stable").tolist()
    periods: list[list[int]] = []
    for i in order:
        if periods and levels[periods[-1][0]].period == levels[i].period:
            periods[-1].append(i)
        else:
            periods.append([i])
    for first, second in itertools.pairwise(periods):
        for i in first:
            for j in second:
                a, b = levels[i], levels[j]
                assert a.canonical is not None and b.canonical is not None
                years = years_apart(a.period, b.period)
                reachable = through_rate(a.canonical, years, rate)
                if reachable.overlaps(b.canonical):
                    continue
                earlier, later = table.position(a.claim_id), table.position(b.claim_id)
                assert earlier is not None and later is not None
                needed = implied_rate(a.canonical, b.canonical, years)
                yield Move(earlier, later, years, rate, needed, reachable)
