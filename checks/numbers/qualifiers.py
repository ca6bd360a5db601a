"""The qualifier enum and how each qualifier widens a printed interval."""

from __future__ import annotations

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
KEEP_PRINTED = frozenset({"exact", "range"})
"""Qualifiers whose interval is the printed one: a plain number, the two ends of a range."""


class QualifierError(ValueError):
    def __init__(self, qualifier: str) -> None:
        super().__init__(
            f"unknown qualifier {qualifier!r}; expected one of {', '.join(QUALIFIERS)}"
        )
        self.qualifier = qualifier


def widen(printed: Interval, qualifier: str, value: float | None = None) -> Interval:
    """The interval a hedged number stands for.

    ``exact`` keeps the printed precision; ``range`` keeps the two printed ends. A
    one-sided hedge is anchored at the printed value: ``nearly`` gives ``[v*(1-d), v]``,
    ``more_than`` gives ``[v, v*(1+d)]`` (the bound itself is kept, which only widens).
    ``approx`` and ``forecast`` spread both ways and never get narrower than the printed
    precision. The factors live in
    ``checks/data/qualifier_widths.csv``.

    >>> str(widen(Interval(15999.5, 16000.5), "nearly", 16000))
    '[14,400, 16,000]'
    >>> str(widen(Interval(99500, 100500), "more_than", 100000))
    '[100,000, 125,000]'
    """
    widths = qualifier_widths()
    if qualifier not in widths:
        raise QualifierError(qualifier)
    if qualifier in KEEP_PRINTED:
        return printed
    w = widths[qualifier]
    v = printed.mid if value is None else value
    a, b = v * w.lower_factor, v * w.upper_factor
    lo, hi = min(a, b), max(a, b)
    if w.lower_factor < 1 < w.upper_factor:
        lo, hi = min(lo, printed.lo), max(hi, printed.hi)
    return Interval(lo, hi)
