"""Dates as periods: a day, a month, a year or a span between two of them.

A date whose year is not printed keeps the ISO 8601 form without a year (``--12-24`` for
24 December, ``--10`` for October); a period is *fixed* only when it has a year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

_LEAP_YEAR = 2000  # validates 29/2 when the year is not printed


@dataclass(frozen=True, slots=True)
class Period:
    """A closed span of days, as ISO strings; without a year, as ``--MM-DD`` or ``--MM``.

    >>> year(2025)
    Period(start='2025-01-01', end='2025-12-31')
    >>> day(None, 12, 24).fixed
    False
    """

    start: str
    end: str

    @property
    def fixed(self) -> bool:
        """Whether the text fixes the year (both ends are ISO dates)."""
        return not (self.start.startswith("--") or self.end.startswith("--"))

    def __str__(self) -> str:
        return self.start if self.start == self.end else f"{self.start}..{self.end}"


class DateError(ValueError):
    """A day, month or year that does not exist (``31/2``, month 13)."""

    def __init__(self, printed: str) -> None:
        super().__init__(f"{printed!r} is not a calendar date")
        self.printed = printed


def _valid(y: int | None, m: int, d: int | None, printed: str) -> None:
    try:
        dt.date(y if y is not None else _LEAP_YEAR, m, d if d is not None else 1)
    except ValueError:
        raise DateError(printed) from None


def day(y: int | None, m: int, d: int) -> Period:
    """One day; ``y`` is ``None`` when the text does not print the year.

    >>> str(day(2024, 12, 22))
    '2024-12-22'
    """
    _valid(y, m, d, f"{d}/{m}/{y}" if y else f"{d}/{m}")
    iso = f"{y:04d}-{m:02d}-{d:02d}" if y is not None else f"--{m:02d}-{d:02d}"
    return Period(iso, iso)


def month(y: int | None, m: int) -> Period:
    """A calendar month.

    >>> str(month(2024, 1))
    '2024-01-01..2024-01-31'
    """
    _valid(y, m, None, f"{m}/{y}" if y else f"tháng {m}")
    if y is None:
        return Period(f"--{m:02d}", f"--{m:02d}")
    last = calendar.monthrange(y, m)[1]
    return Period(f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}")


def quarter(y: int | None, q: int) -> Period:
    """A calendar quarter ("quý 1/2024", "quý II/2024").

    >>> str(quarter(2024, 2))
    '2024-04-01..2024-06-30'
    """
    if not 1 <= q <= 4:
        raise DateError(f"quý {q}")
    return span(month(y, 3 * q - 2), month(y, 3 * q))


def year(y: int) -> Period:
    """A calendar year."""
    return Period(f"{y:04d}-01-01", f"{y:04d}-12-31")


def span(first: Period, last: Period) -> Period:
    """From the start of ``first`` to the end of ``last``.

    >>> str(span(year(2021), year(2024)))
    '2021-01-01..2024-12-31'
    """
    return Period(first.start, last.end)


def start_of(period: Period) -> Period:
    """The first day of a period ("đầu năm 2024" → 2024-01-01)."""
    return Period(period.start, period.start)


def end_of(period: Period) -> Period:
    """The last day of a period ("cuối năm 2024" → 2024-12-31)."""
    return Period(period.end, period.end)


def year_to(period: Period) -> Period:
    """The twelve months that end with ``period`` (a month or a day): ``the year to March
    2024`` is 2023-04-01..2024-03-31, ``the year ended 30 June 2024`` 2023-07-01..2024-06-30.

    >>> str(year_to(month(2024, 3)))
    '2023-04-01..2024-03-31'
    """
    last = dt.date.fromisoformat(period.end)
    try:
        first = last.replace(year=last.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February: a year before is 1 March
        first = dt.date(last.year - 1, 3, 1)
    return Period(first.isoformat(), period.end)
