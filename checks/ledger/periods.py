"""Periods of claims: comparable periods, containment, the previous period, dates as years.

"Comparable period" lives here and only here: :meth:`Period.comparable` is the rule for
two claims, :func:`comparable_pairs` the same rule for columns of many claims at once.

A period is a closed range of days ``start..end``; an instant has ``start == end``. As a
point in time, a day is the half-open span from its midnight to the next, so the date
``2024-12-24`` lies in ``[2024.97..., 2024.98...)`` as a decimal year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from checks.ledger.pairs import window_pairs
from checks.numbers.interval import Interval

Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]

ONE_DAY = dt.timedelta(days=1)


def decimal_year(day: dt.date) -> float:
    """The date's midnight as a decimal year.

    >>> decimal_year(dt.date(2024, 1, 1))
    2024.0
    >>> round(decimal_year(dt.date(2024, 7, 2)), 4)
    2024.5
    """
    length = 366 if calendar.isleap(day.year) else 365
    return day.year + (day.toordinal() - dt.date(day.year, 1, 1).toordinal()) / length


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """The days a claim covers, both ends included.

    >>> p = Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    >>> str(p.previous())
    '2022-01-01..2022-12-31'
    >>> p.contains(Period(dt.date(2023, 5, 1), dt.date(2023, 5, 1)))
    True
    """

    start: dt.date
    end: dt.date

    @property
    def is_instant(self) -> bool:
        return self.start == self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def years(self) -> float:
        """The length in years, from the first midnight to the midnight after the last day."""
        return decimal_year(self.end + ONE_DAY) - decimal_year(self.start)

    @property
    def as_years(self) -> Interval:
        """The period as a span of decimal years."""
        return Interval(decimal_year(self.start), decimal_year(self.end + ONE_DAY))

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def comparable(self, other: Period, kind: str) -> bool:
        """Equal periods, or (for anything but a flow) an instant inside the other's window."""
        if self == other:
            return True
        if kind == "flow":
            return False
        return (self.is_instant and other.contains(self)) or (
            other.is_instant and self.contains(other)
        )

    def previous(self) -> Period:
        """The period of the same length right before: a month, quarter or year if whole."""
        months = _whole_months(self)
        if months:
            start = _add_months(self.start, -months)
            return Period(start, self.start - ONE_DAY)
        return Period(self.start - dt.timedelta(days=self.days), self.start - ONE_DAY)

    def __str__(self) -> str:
        if self.is_instant:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def _whole_months(period: Period) -> int:
    after = period.end + ONE_DAY
    if period.start.day != 1 or after.day != 1:
        return 0
    return (after.year - period.start.year) * 12 + after.month - period.start.month


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def comparable_pairs(
    groups: tuple[Ints, Ints],
    starts: tuple[Ints, Ints],
    ends: tuple[Ints, Ints],
    flows: Bools,
) -> tuple[Ints, Ints]:
    """Every pair (i, j) of a left row i and a right row j of one group whose periods are
    comparable (:meth:`Period.comparable` with the right row's kind): equal periods, or,
    when the right row is not a flow, an instant of one inside the other's period.

    Each side is given as columns: group codes, first and last day (days as integers);
    ``flows`` says which right rows are flows. The pairs come sorted and once each; the
    cost is n log n plus the pairs. ``tests/test_comparable_periods.py`` proves the result
    equal to :meth:`Period.comparable` over all pairs.
    """
    (a_group, c_group), (a_start, c_start), (a_end, c_end) = groups, starts, ends
    if len(a_group) == 0 or len(c_group) == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    low = int(min(a_start.min(), c_start.min()))
    high = int(max(a_end.max(), c_end.max()))
    span = np.int64(high - low + 2)
    # equal periods: one key per (group, first day), a window of one day on the last day
    left, right = window_pairs(
        a_group * span + (a_start - low), a_end, a_end, c_group * span + (c_start - low), c_end
    )
    pairs = [(left, right)]
    windowed = ~flows
    if np.any(windowed):
        # the left row is an instant inside a (non-flow) right row's period
        q, j = window_pairs(c_group, c_start, c_end, a_group, a_start)
        keep = windowed[q] & (a_start == a_end)[j]
        pairs.append((j[keep], q[keep]))
        # a (non-flow) instant right row inside the left row's period
        q, j = window_pairs(a_group, a_start, a_end, c_group, c_start)
        keep = windowed[j] & (c_start == c_end)[j]
        pairs.append((q[keep], j[keep]))
    both = np.unique(
        np.stack([np.concatenate([p[0] for p in pairs]), np.concatenate([p[1] for p in pairs])]),
        axis=1,
    )
    return both[0].astype(np.int64), both[1].astype(np.int64)
