"""The qualifier enum and how each qualifier widens a printed interval.

How wide a hedge is depends on what was printed. A number has a *unit* (one unit of its
last printed digit: 0.1 million for ``99,4 triệu``, 1 for ``20``) and a *granularity*: the
coarsest step of the round-number scale 1, 2, 5 × 10ᵏ that divides it, counting only
trailing zeros before any decimal mark (``20`` → 20, ``8.000`` → 2.000, ``9.500`` → 500,
``150`` → 50, ``13.750`` → 50, ``99,4`` → 0.1; digits after a decimal mark are always
significant). Round numbers are read on a coarse scale and precise ones on a fine scale
(Krifka 2007, 2009; Jansen & Pollmann 2001 on the 1-2-5 roundness of numbers). A bare
number (no hedge word) is read by the significant-figure convention instead: trailing
zeros of a whole number are not significant, so it was rounded at its last non-zero digit
(its granularity on the scale of powers of ten). Each
qualifier reaches a number of steps of that granularity below and above the printed value,
and never more than a share of its magnitude; the steps, the shares and the reasons are in
``checks/data/qualifier_widths.csv`` (docs/rules.md explains them). The printed value is
always inside its interval.
"""

from __future__ import annotations

import math

from checks.numbers.interval import Interval
from checks.numbers.tables import qualifier_widths

QUALIFIERS: tuple[str, ...] = (
    "exact",
    "approx",
    "more_than",
    "at_least",
    "nearly",
    "less_than",
    "up_to",
    "forecast",
    "range",
)
KEEP_PRINTED = frozenset({"range"})
"""Qualifiers whose interval is the printed one: the two ends of a range. (A bare number,
``exact``, keeps its printed precision unless it is round: see :func:`widen`.)"""

ROUND_STEPS: tuple[float, ...] = tuple(
    factor * 10.0**power for power in range(1, 16) for factor in (1.0, 2.0, 5.0)
)
"""Steps of the round-number scale, in units of the last printed digit (10 up to 5·10¹⁵)."""
DECIMAL_STEPS: tuple[float, ...] = tuple(10.0**power for power in range(1, 16))
"""Powers of ten, in units of the last printed digit: where a bare number's last
significant (non-zero) digit is."""
MAX_EXACT_MANTISSA = 2.0**53
"""Above this the digits are not exact in a double and no roundness is read into them."""


class QualifierError(ValueError):
    def __init__(self, qualifier: str) -> None:
        super().__init__(
            f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIERS)}"
        )
        self.qualifier = qualifier


def granularity(
    value: float, unit: float, decimals: int = 0, steps: tuple[float, ...] = ROUND_STEPS
) -> float:
    """The coarsest round step (1, 2 or 5 × 10ᵏ units; with ``steps=DECIMAL_STEPS``, 10ᵏ
    units) that divides the printed number.

    ``unit`` is one unit of the last printed digit. A number with decimals, or whose last
    digit is not zero, has the granularity of its unit.

    >>> granularity(20, 1), granularity(9500, 1), granularity(8000e9, 1e9), granularity(79.1, 0.1)
    (20.0, 500.0, 2000000000000.0, 0.1)
    >>> granularity(150, 1), granularity(150, 1, steps=DECIMAL_STEPS)
    (50.0, 10.0)
    """
    if decimals > 0 or not unit > 0 or not math.isfinite(value):
        return unit
    ratio = abs(value) / unit
    if not math.isfinite(ratio):
        return unit
    digits = float(round(ratio))
    if digits >= MAX_EXACT_MANTISSA:
        return unit
    best = 1.0
    for step in steps:
        if step <= digits and math.fmod(digits, step) == 0.0:
            best = step
    return best * unit


def widen(
    printed: Interval, qualifier: str, value: float | None = None, decimals: int = 0
) -> Interval:
    """The interval a printed number stands for once its qualifier is read.

    ``printed`` is the printed precision (half a unit of the last digit each side),
    ``value`` the printed value (the midpoint when None) and ``decimals`` the number of
    digits printed after the decimal mark. Each side reaches ``steps`` steps of the
    number's granularity (at least its unit), and at most ``cap`` × |value|. A hedge on
    both sides never gets narrower than the printed precision; a one-sided hedge is
    anchored at the printed value.
    ``range`` keeps the two printed ends.

    >>> str(widen(Interval(15999.5, 16000.5), "nearly", 16000))
    '[14,400, 16,000]'
    >>> str(widen(Interval(99500, 100500), "more_than", 100000))
    '[100,000, 125,000]'
    >>> str(widen(Interval(99.35, 99.45), "approx", 99.4, decimals=1))
    '[99.3, 99.5]'
    >>> str(widen(Interval(19.5, 20.5), "exact", 20))
    '[18, 22]'
    """
    widths = qualifier_widths()
    if qualifier not in widths:
        raise QualifierError(qualifier)
    if qualifier in KEEP_PRINTED:
        return printed
    w = widths[qualifier]
    v = printed.mid if value is None else value
    unit = printed.hi - printed.lo
    # a bare number was rounded at its last significant digit (trailing zeros of a whole
    # number are not significant); a hedge word reaches along the 1-2-5 scale
    steps = DECIMAL_STEPS if qualifier == "exact" else ROUND_STEPS
    step = max(unit, granularity(v, unit, decimals, steps))
    if qualifier == "exact" and not step > unit:
        return printed
    magnitude = abs(v)
    # a hedge speaks of the magnitude: "giảm gần 20%" (-20) is a fall of at most 20%
    down, up = (w.upper_steps, w.lower_steps) if v < 0 else (w.lower_steps, w.upper_steps)
    down_cap, up_cap = (w.upper_cap, w.lower_cap) if v < 0 else (w.lower_cap, w.upper_cap)
    lo = v - min(down_cap * magnitude, down * step)
    hi = v + min(up_cap * magnitude, up * step)
    if w.lower_steps > 0 and w.upper_steps > 0:
        lo, hi = min(lo, printed.lo), max(hi, printed.hi)
    return Interval(lo, hi)
