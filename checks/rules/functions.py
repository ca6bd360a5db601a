"""The named functions of the rule language.

Each function takes evaluated values (quantities or moments) and returns one; all
arithmetic is on intervals and rounds outwards, so a result contains every value that
some reading of the inputs gives.

=================  =============================================================
``growth(a, b)``   percent change from ``b`` to ``a``: (a / b - 1) x 100 percent
``cagr(a, b)``     compound annual growth from ``a`` to ``b`` over the years
                   between their periods; ``cagr(a, b, n)`` over ``n`` years
``years(a, b)``    the time from moment ``a`` to moment ``b`` in years;
                   ``years(x)`` the length of ``x``'s period
``start(x)``       the first day of ``x``'s period, as a moment
``end(x)``         the last day of ``x``'s period, as a moment
``hull(a, ...)``   the smallest interval holding every argument (any reading)
``count(x)``       a count of things (person, attack ...) as a pure number
=================  =============================================================
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from checks.ledger.periods import Period
from checks.numbers.interval import Interval
from checks.numbers.units import parse_unit
from checks.rules.values import (
    DIMENSIONLESS,
    Moment,
    Quantity,
    UnitMismatch,
    Value,
    is_counted,
    unit_text,
)

PERCENT = parse_unit("percent")
_POW_SLACK = 4e-16
YEAR = parse_unit("year")


class FunctionError(ValueError):
    """A function called with values it cannot take."""


@dataclass(frozen=True, slots=True)
class FunctionSpec:
    name: str
    min_args: int
    max_args: int
    summary: str
    apply: Callable[[Sequence[Value]], Value]

    @property
    def arity_text(self) -> str:
        """``1 argument``, ``2 to 3 arguments``: the limit the parser enforces, always stated.

        >>> FUNCTIONS["hull"].arity_text
        '1 to 99 arguments'
        """
        if self.min_args == self.max_args:
            return f"{self.min_args} argument{'s' if self.min_args != 1 else ''}"
        return f"{self.min_args} to {self.max_args} arguments"


def _quantity(value: Value, name: str, position: str) -> Quantity:
    if not isinstance(value, Quantity):
        raise FunctionError(f"{name}: the {position} argument is a date ({value}), not a number")
    return value


def _moment(value: Value, name: str, position: str) -> Moment:
    if not isinstance(value, Moment):
        raise FunctionError(
            f"{name}: the {position} argument is a number ({value}), not a date; "
            "use start(...) or end(...) for the dates of a claim's period"
        )
    return value


def _ratio(a: Quantity, b: Quantity, name: str) -> Interval:
    try:
        top = a.to(b.unit).interval
    except UnitMismatch:
        raise FunctionError(
            f"{name}: {unit_text(a.unit) or 'a number'} and {unit_text(b.unit) or 'a number'} "
            "cannot be compared"
        ) from None
    if b.interval.lo <= 0 <= b.interval.hi:
        raise FunctionError(f"{name}: the base {b} contains zero")
    return top / b.interval


def growth(args: Sequence[Value]) -> Value:
    now, base = _quantity(args[0], "growth", "first"), _quantity(args[1], "growth", "second")
    ratio = _ratio(now, base, "growth")
    return Quantity((ratio - Interval.point(1.0)).scale(100.0), PERCENT, now.period)


def _years_between(first: Quantity, last: Quantity) -> Interval:
    if first.period is None or last.period is None:
        raise FunctionError("cagr: without a number of years both levels need periods")
    a, b = first.period.as_years, last.period.as_years
    gaps = (b.lo - a.lo, b.hi - a.hi)
    return Interval(min(gaps), max(gaps))


def cagr(args: Sequence[Value]) -> Value:
    if len(args) == 1:
        raise FunctionError(
            "cagr with one argument names the levels of a cagr rule; elsewhere give two levels"
        )
    first, last = _quantity(args[0], "cagr", "first"), _quantity(args[1], "cagr", "second")
    if len(args) == 3:
        span = _quantity(args[2], "cagr", "third")
        years = span.interval if span.unit == DIMENSIONLESS else span.to(YEAR).interval
    else:
        years = _years_between(first, last)
    if years.lo <= 0:
        raise FunctionError(f"cagr: the time between the levels is not positive ({years})")
    ratio = _ratio(last, first, "cagr")
    if ratio.lo <= 0:
        raise FunctionError("cagr: the levels must be positive")
    corners = [r ** (1.0 / y) for r in (ratio.lo, ratio.hi) for y in (years.lo, years.hi)]
    # ``**`` is accurate to about one ulp; widen by a few before the outward-rounded
    # subtraction so that the interval still contains the exact rate.
    powers = Interval(min(corners) * (1 - _POW_SLACK), max(corners) * (1 + _POW_SLACK))
    rate = (powers - Interval.point(1.0)).scale(100.0)
    return Quantity(rate, PERCENT, None)


def years(args: Sequence[Value]) -> Value:
    if len(args) == 1:
        only = args[0]
        period = only.period
        if period is None:
            raise FunctionError("years: the argument has no period")
        length = period.years
        return Quantity(Interval(length, length), YEAR, period)
    a, b = _moment(args[0], "years", "first"), _moment(args[1], "years", "second")
    span = Interval(
        math.nextafter(b.interval.lo - a.interval.hi, -math.inf),
        math.nextafter(b.interval.hi - a.interval.lo, math.inf),
    )
    return Quantity(span, YEAR, Period(min(a.period.start, b.period.start), b.period.end))


def _day(value: Value, name: str, first: bool) -> Value:
    period = value.period
    if period is None:
        raise FunctionError(f"{name}: the argument has no period (use a claim reference)")
    day = period.start if first else period.end
    return Moment.of(Period(day, day), value.claim_id)


def start(args: Sequence[Value]) -> Value:
    return _day(args[0], "start", True)


def end(args: Sequence[Value]) -> Value:
    return _day(args[0], "end", False)


def hull(args: Sequence[Value]) -> Value:
    if all(isinstance(a, Moment) for a in args):
        moments = [a for a in args if isinstance(a, Moment)]
        period = Period(min(m.period.start for m in moments), max(m.period.end for m in moments))
        lo = min(m.interval.lo for m in moments)
        hi = max(m.interval.hi for m in moments)
        return Moment(Interval(lo, hi), period)
    quantities = [_quantity(a, "hull", f"#{i + 1}") for i, a in enumerate(args)]
    unit = quantities[0].unit
    try:
        converted = [q.to(unit).interval for q in quantities]
    except UnitMismatch as exc:
        raise FunctionError(f"hull: {exc}") from None
    lo, hi = min(i.lo for i in converted), max(i.hi for i in converted)
    return Quantity(Interval(lo, hi), unit, quantities[0].period)


def count(args: Sequence[Value]) -> Value:
    q = _quantity(args[0], "count", "first")
    if not is_counted(q.unit):
        raise FunctionError(f"count: {unit_text(q.unit) or 'a pure number'} is not a count")
    return Quantity(q.interval, DIMENSIONLESS, q.period, q.claim_id)


FUNCTIONS: dict[str, FunctionSpec] = {
    spec.name: spec
    for spec in (
        FunctionSpec("growth", 2, 2, "percent change from the second to the first", growth),
        FunctionSpec("cagr", 1, 3, "compound annual growth rate in percent per year", cagr),
        FunctionSpec("years", 1, 2, "years between two moments, or a period's length", years),
        FunctionSpec("start", 1, 1, "the first day of a claim's period", start),
        FunctionSpec("end", 1, 1, "the last day of a claim's period", end),
        FunctionSpec("hull", 1, 99, "the smallest interval holding every argument", hull),
        FunctionSpec("count", 1, 1, "a count of things as a pure number", count),
    )
}
