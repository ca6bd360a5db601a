"""Closed intervals of real numbers with outward-rounded arithmetic.

Every number a source prints stands for an interval: the printed precision and the
hedge word around it. Comparisons therefore ask whether two intervals *can* agree.
Results of arithmetic are rounded outwards by one ulp so that the interval computed in
floating point always contains the exact result for any points inside the operands.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


def _down(x: float) -> float:
    return math.nextafter(x, -math.inf) if math.isfinite(x) else x


def _up(x: float) -> float:
    return math.nextafter(x, math.inf) if math.isfinite(x) else x


class IntervalError(ValueError):
    """An interval that cannot exist (lower above upper, NaN bound, division by zero)."""

    def __init__(self, message: str, lo: float, hi: float) -> None:
        super().__init__(message)
        self.lo = lo
        self.hi = hi


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval ``[lo, hi]``.

    >>> Interval(79.05, 79.15).contains(79.1)
    True
    >>> (Interval(1, 2) * Interval(3, 4)).hi >= 8
    True
    """

    lo: float
    hi: float

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi):
            raise IntervalError(f"interval bound is NaN: [{self.lo}, {self.hi}]", self.lo, self.hi)
        if self.lo > self.hi:
            raise IntervalError(
                f"interval lower bound {self.lo!r} is above upper bound {self.hi!r}",
                self.lo,
                self.hi,
            )

    @classmethod
    def point(cls, value: float) -> Interval:
        """The degenerate interval ``[value, value]``."""
        return cls(value, value)

    @property
    def mid(self) -> float:
        """The midpoint; 0 for the whole real line (where ``-inf/2 + inf/2`` is NaN)."""
        if self.lo == -math.inf and self.hi == math.inf:
            return 0.0
        return self.lo / 2 + self.hi / 2

    @property
    def width(self) -> float:
        return self.hi - self.lo

    def contains(self, value: float | Interval) -> bool:
        """Whether a point or a whole interval lies inside this one."""
        if isinstance(value, Interval):
            return self.lo <= value.lo and value.hi <= self.hi
        return self.lo <= value <= self.hi

    def overlaps(self, other: Interval) -> bool:
        """Whether some value lies in both intervals."""
        return self.lo <= other.hi and other.lo <= self.hi

    def distance(self, other: Interval) -> float:
        """The gap between two intervals; 0 when they overlap."""
        if self.overlaps(other):
            return 0.0
        return other.lo - self.hi if self.hi < other.lo else self.lo - other.hi

    def relative_gap(self, other: Interval) -> float:
        """The gap relative to the larger magnitude of the nearer bounds (0 when overlapping)."""
        gap = self.distance(other)
        if gap == 0.0:
            return 0.0
        scale = max(abs(self.mid), abs(other.mid))
        if not scale or math.isinf(gap):
            return math.inf
        return gap / scale

    def scale(self, factor: float) -> Interval:
        """Multiply by an exact scalar."""
        return self * Interval.point(factor)

    def __add__(self, other: Interval) -> Interval:
        return Interval(_down(self.lo + other.lo), _up(self.hi + other.hi))

    def __sub__(self, other: Interval) -> Interval:
        return Interval(_down(self.lo - other.hi), _up(self.hi - other.lo))

    def __mul__(self, other: Interval) -> Interval:
        products = [self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi]
        products = [0.0 if math.isnan(p) else p for p in products]
        return Interval(_down(min(products)), _up(max(products)))

    def __truediv__(self, other: Interval) -> Interval:
        if other.lo <= 0.0 <= other.hi:
            raise IntervalError(
                f"division by an interval containing zero: {other}", other.lo, other.hi
            )
        low, high = 1.0 / other.hi, 1.0 / other.lo
        if math.isfinite(low) and math.isfinite(high):
            return self * Interval(_down(low), _up(high))
        # a subnormal bound: its reciprocal overflows, so the bounds are divided directly
        quotients = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        if any(math.isnan(q) for q in quotients):  # inf / inf: any value
            return Interval(-math.inf, math.inf)
        return Interval(_down(min(quotients)), _up(max(quotients)))

    def __str__(self) -> str:
        return f"[{_fmt(self.lo)}, {_fmt(self.hi)}]"


def _fmt(x: float) -> str:
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    if x != 0 and (abs(x) >= 1e15 or abs(x) < 1e-4):
        return f"{x:.6g}"
    return f"{x:,.6g}" if abs(x) < 1e6 else f"{x:,.0f}"
