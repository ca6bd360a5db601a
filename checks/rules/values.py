"""The values a rule computes with: quantities (an interval with a unit) and moments.

A :class:`Quantity` is an interval in a pint unit; VND and USD are separate dimensions, so
money only changes currency through an exchange-rate claim. A :class:`Moment` is a time
known to lie in an interval of decimal years (an event's day, or a year-only date).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

import pint

from checks.ledger.periods import Period
from checks.numbers.interval import Interval
from checks.numbers.units import parse_unit, registry

DIMENSIONLESS = parse_unit("")


class UnitMismatch(ValueError):
    """Two units that a rule tries to combine but that have different dimensions."""


def factor(source: pint.Unit, target: pint.Unit) -> float:
    """The factor that turns a magnitude in ``source`` into ``target``.

    >>> factor(parse_unit("percent"), parse_unit(""))
    0.01
    """
    try:
        return float(registry().Quantity(1.0, source).to(target).magnitude)
    except pint.DimensionalityError:
        raise UnitMismatch(f"{unit_text(source)} and {unit_text(target)} differ") from None


def unit_text(unit: pint.Unit) -> str:
    """A compact spelling of a unit: ``VND/report``, ``percent``, ``""`` for a pure number."""
    if unit == DIMENSIONLESS:
        return ""
    return str(unit).replace(" / ", "/").replace(" * ", "·").replace(" ** ", "^")


def is_counted(unit: pint.Unit) -> bool:
    """Whether the unit counts things (person, report, attack ...): one custom dimension."""
    dims = dict(registry().Quantity(1.0, unit).dimensionality)
    if len(dims) != 1:
        return False
    ((name, power),) = dims.items()
    return power == 1 and name not in _PHYSICAL and not name.startswith("[currency")


def currency_of(unit: pint.Unit) -> str | None:
    """The currency dimension of a plain money unit (``[currency_vnd]``), else None."""
    dims = dict(registry().Quantity(1.0, unit).dimensionality)
    if len(dims) == 1:
        ((name, power),) = dims.items()
        if power == 1 and name.startswith("[currency"):
            return str(name)
    return None


_PHYSICAL = {
    "[length]",
    "[mass]",
    "[time]",
    "[current]",
    "[temperature]",
    "[substance]",
    "[luminosity]",
    "[printing_unit]",
}


@dataclass(frozen=True, slots=True)
class Quantity:
    """An interval in a unit, with the period and claim it comes from when there is one."""

    interval: Interval
    unit: pint.Unit
    period: Period | None = None
    claim_id: str | None = None

    def to(self, unit: pint.Unit) -> Quantity:
        """The same quantity in another unit of the same dimension."""
        if unit == self.unit:
            return self
        return replace(self, interval=self.interval.scale(factor(self.unit, unit)), unit=unit)

    def derived(self, interval: Interval, unit: pint.Unit) -> Quantity:
        """A computed quantity: it keeps the period but no longer is a claim."""
        return Quantity(interval, unit, self.period, None)

    def __str__(self) -> str:
        return show(self.interval, self.unit)


@dataclass(frozen=True, slots=True)
class Moment:
    """A time known to lie in ``interval`` (decimal years), from a period of days."""

    interval: Interval
    period: Period
    claim_id: str | None = None

    @classmethod
    def of(cls, period: Period, claim_id: str | None = None) -> Moment:
        return cls(period.as_years, period, claim_id)

    def __str__(self) -> str:
        return f"{self.period}"


Value = Quantity | Moment

SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
"""The scale words numbers are shown with, largest first."""


def show(interval: Interval, unit: pint.Unit | str = "") -> str:
    """An interval with its unit, scaled to a readable word and as few digits as tell the
    bounds apart.

    >>> show(Interval(24.37e9, 27.08e9), parse_unit("VND/report"))
    '[24.37, 27.08] billion VND/report'
    >>> show(Interval(79.05, 79.15), parse_unit("percent"))
    '[79.05, 79.15] percent'
    """
    text = unit if isinstance(unit, str) else unit_text(unit)
    top = max(abs(interval.lo), abs(interval.hi))
    scale, word = 1.0, ""
    if math.isfinite(top):
        for size, name in SCALES:
            if top >= size:
                scale, word = size, name
                break
    lo, hi = interval.lo / scale, interval.hi / scale
    shown = f"[{_digits(lo, hi)}]"
    return " ".join(part for part in (shown, word, text) if part)


def _digits(lo: float, hi: float) -> str:
    """Both bounds rounded outwards, with the fewest digits (at least four significant)
    that widen the interval by at most 1% of its width. Float noise beyond twelve
    significant digits is dropped first, so 79.05 does not print as 79.0499."""
    width = hi - lo
    top = max(abs(lo), abs(hi))
    if not (math.isfinite(lo) and math.isfinite(hi)) or top == 0:
        return f"{_round(lo, 4)}, {_round(hi, 4)}"
    if width <= top * 1e-9:
        return f"{_plain(lo)}, {_plain(hi)}"
    for significant in range(4, 16):
        exponent = math.floor(math.log10(top)) - significant + 1
        quantum = Decimal(1).scaleb(exponent)
        a = Decimal(f"{lo:.12g}").quantize(quantum, rounding=ROUND_FLOOR)
        b = Decimal(f"{hi:.12g}").quantize(quantum, rounding=ROUND_CEILING)
        if float(b - a) - width <= width * 0.01:
            break
    return _pair(a, b)


def _pair(a: Decimal, b: Decimal) -> str:
    """Both bounds, thousands grouped, trailing zeros dropped."""
    return f"{_trim(f'{a:,f}')}, {_trim(f'{b:,f}')}"


def _trim(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text


def _plain(x: float) -> str:
    text = f"{x:,.10g}" if abs(x) < 1e10 else f"{x:,.0f}"
    return text if "e" not in text else f"{x:.10g}"


def _round(x: float, significant: int) -> str:
    if not math.isfinite(x):
        return "inf" if x > 0 else "-inf"
    if x == 0:
        return "0"
    text = f"{x:,.{significant}g}" if abs(x) < 10**significant else f"{x:,.0f}"
    return text if "e" not in text else f"{x:.{significant}g}"


def number(x: float) -> str:
    """A single number for a message: four significant digits, thousands grouped."""
    return _round(x, 4)
