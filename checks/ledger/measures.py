"""What a figure measures over its period, and how far a stock can move between dates.

An indicator's ``measure`` (indicators.csv) says what its figures are:

- ``point``: a point-in-time count (a population on 1 April); a figure given for a window
  (a month, a year) is the value at some time in that window, such as its average;
- ``average``: an average over the figure's period (the average population of 2024);
- ``total``: a total over the period (losses in 2023);
- ``cumulative``: a running total since the period's start (attacks since early 2023).

Empty, it follows the indicator's ``kind``: a stock or a ratio is ``point``, a flow
``total``. ``point`` and ``average`` figures are *levels*: by the mean value theorem an
average over a window equals the level at some instant in it, so two levels can be
compared across dates through the indicator's declared ``max_change_per_year`` (a share
per year): the earlier level may have grown or shrunk by at most that rate, compounded,
over the longest time between the instants the two figures can stand for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.ledger.periods import Period
from checks.numbers.interval import Interval

if TYPE_CHECKING:
    from checks.ledger.claims import ClaimTable

MEASURES: tuple[str, ...] = ("point", "average", "total", "cumulative")
LEVELS = frozenset({"point", "average"})
_BY_KIND = {"stock": "point", "ratio": "point", "flow": "total"}


@dataclass(frozen=True, slots=True)
class Measure:
    """What an indicator's figures measure, and how fast its level may change."""

    name: str
    max_change_per_year: float | None

    @property
    def is_level(self) -> bool:
        return self.name in LEVELS

    @property
    def moves(self) -> bool:
        """A level with a declared rate: figures at different dates can be compared."""
        return self.is_level and self.max_change_per_year is not None


def measure_of(info: dict[str, str] | None) -> Measure:
    """The measure of an indicator row (label, kind, measure, max_change_per_year ...).

    >>> measure_of({"kind": "stock", "measure": "", "max_change_per_year": "0.02"})
    Measure(name='point', max_change_per_year=0.02)
    """
    if info is None:
        return Measure("", None)
    name = info.get("measure", "") or _BY_KIND.get(info.get("kind", ""), "")
    rate_text = info.get("max_change_per_year", "")
    try:
        rate = float(rate_text) if rate_text not in ("", "nan", "None") else None
    except ValueError:
        rate = None
    if rate is not None and not (math.isfinite(rate) and rate >= 0):
        rate = None
    return Measure(name, rate)


def years_apart(a: Period, b: Period) -> float:
    """The longest time, in years, between an instant of ``a`` and an instant of ``b``.

    >>> import datetime as dt
    >>> year = Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    >>> round(years_apart(year, Period(dt.date(2024, 4, 1), dt.date(2024, 4, 1))), 3)
    0.751
    """
    x, y = a.as_years, b.as_years
    return max(y.hi - x.lo, x.hi - y.lo)


def through_rate(level: Interval, years: float, rate: float) -> Interval:
    """Every level reachable from ``level`` in ``years`` at most ``rate`` per year
    (compounded, up or down).

    >>> str(through_rate(Interval(100, 100), 1.0, 0.02))
    '[98.0392, 102]'
    """
    factor = (1.0 + rate) ** years
    ends = (level.lo * factor, level.lo / factor, level.hi * factor, level.hi / factor)
    return Interval(min(ends), max(ends))


def implied_rate(a: Interval, b: Interval, years: float) -> float:
    """The smallest change per year (compounded) at which levels ``a`` and ``b``,
    ``years`` apart, can both be right; 0 when they overlap, inf when no time separates
    them or they differ in sign.

    >>> round(implied_rate(Interval(100, 100), Interval(110, 110), 1.0), 4)
    0.1
    """
    if a.overlaps(b):
        return 0.0
    low, high = (a, b) if a.hi < b.lo else (b, a)
    if low.hi <= 0 <= high.lo or years <= 0:
        return math.inf
    ratio = high.lo / low.hi if low.hi > 0 else low.hi / high.lo
    return float(ratio ** (1.0 / years) - 1.0)


def moving_indicators(table: ClaimTable) -> list[str]:
    """The indicators whose figures are levels with a declared rate of change."""
    return [str(i) for i in table.indicators.index if measure_of(table.indicator(str(i))).moves]
