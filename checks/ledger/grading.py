"""Graded verdicts: how bad a disagreement between two figures is.

Every comparison ends in one of three verdicts:

- **error**: no reading of the printed numbers can make them agree (their intervals,
  precision and hedges included, cannot overlap);
- **warning**: they agree only at the far edges of their hedges, that is their intervals
  overlap but the printed figures themselves differ by more than a declared share
  (``edge_share``, 5% by default: ``checks/data/verdict_policy.csv``) when a hedge word is
  involved, or differ at all beyond their printed precision when none is (two bare
  figures that agree only through a round number's halo: ``sau 20 năm`` for 21.1 years);
- **info** (no finding where a check lists only problems): they agree.

A rule may declare the gap at which a disagreement becomes an error (``error_gap``): a
disagreement whose printed values differ by less than it is a warning, one at or beyond it
an error. Figures that both carry a hedge word are read as estimates: when they cannot
agree the verdict is a warning, never an error, and never silent (docs/severity.md).
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources

from checks.model.finding import Severity
from checks.numbers.interval import Interval

EXACT = "exact"
FORECAST = "forecast"


@cache
def policy() -> dict[str, float]:
    """The declared defaults of ``checks/data/verdict_policy.csv``: setting → value."""
    text = resources.files("checks.data").joinpath("verdict_policy.csv").read_text("utf-8")
    return {r["setting"]: float(r["value"]) for r in csv.DictReader(io.StringIO(text))}


def default_edge_share() -> float:
    return policy()["edge_share"]


def default_family_factor() -> float:
    return policy()["family_factor"]


def printed_difference(a: Interval, b: Interval) -> float:
    """How far apart two printed figures are, relative to the smaller in magnitude.

    0 when their printed intervals overlap; ``inf`` when the smaller is 0.

    >>> round(printed_difference(Interval(9499.5, 9500.5), Interval(7999.5, 8000.5)), 4)
    0.1874
    """
    gap = a.distance(b)
    if gap == 0.0:
        return 0.0
    scale = min(abs(a.mid), abs(b.mid))
    if not scale or math.isinf(gap):
        return math.inf
    return gap / scale


def milder(a: Severity, b: Severity) -> Severity:
    """The less severe of two severities."""
    return a if a.rank >= b.rank else b


@dataclass(frozen=True, slots=True)
class Verdict:
    """The verdict on one comparison.

    ``severity`` is None when the figures agree. ``basis`` is ``disjoint`` (no reading
    agrees), ``rounded`` (only reading a round number as rounded to one significant figure
    agrees: :mod:`checks.recompute.verdict`), ``precision`` (only the rounding of the
    printed operands of a sentence's own arithmetic agrees), ``points`` (a change printed as
    a percent agrees only as a difference in points), ``more`` (``N times more`` agrees
    only read as N + 1 times as much), ``swapped`` (a change in percent reckoned on the new
    level), ``direction`` (a change word whose
    levels move the other way), ``edge`` (they agree only at the edges of their hedges) or
    ``agree``; ``difference`` the relative difference of the printed figures; ``share`` the
    share it was held against; ``error_gap`` the declared gap to an error, if any.
    """

    severity: Severity | None
    basis: str
    difference: float
    share: float
    error_gap: float | None

    @property
    def agrees(self) -> bool:
        return self.basis == "agree"

    def explain(self) -> str:
        """One sentence for a finding's message: why this severity."""
        shown = _share(self.difference)
        if self.basis == "agree":
            return f"the printed figures differ by {shown}, within {_share(self.share)}"
        if self.basis == "precision":
            return (
                f"they agree only through the rounding of the printed numbers: computed from "
                f"them as printed, the figure is {shown} off"
            )
        if self.basis == "direction":
            return f"the levels move the other way, by {shown}"
        if self.basis == "points":
            return (
                f"they agree only read as a difference in percentage points, which is printed "
                f"as a percent: read as a relative change, as printed, they differ by {shown}"
            )
        if self.basis == "more":
            return (
                f"they agree only reading 'N times more' strictly, as N + 1 times as much; "
                f"read as N times as much, as printed, they differ by {shown}"
            )
        if self.basis == "swapped":
            return (
                f"the stated figure is the change reckoned on the new level instead of the "
                f"level before it; reckoned on the level before it, as printed, they differ "
                f"by {shown}"
            )
        if self.basis == "rounded":
            return (
                f"they agree only if a round number was rounded to one significant figure: as "
                f"printed they differ by {shown}"
            )
        if self.basis == "edge" and self.share == 0:
            return (
                f"they agree only through the halo of a round number: as printed they "
                f"differ by {shown}"
            )
        if self.basis == "edge":
            return (
                f"they agree only at the edges of their hedges: the printed figures differ "
                f"by {shown}, more than the declared {_share(self.share)}"
            )
        if self.error_gap is not None:
            side = "at or beyond" if self.difference >= self.error_gap else "below"
            return (
                f"no reading agrees; the printed figures differ by {shown}, {side} the "
                f"declared error gap of {_share(self.error_gap)}"
            )
        return f"no reading agrees; the printed figures differ by {shown}"


def grade(
    hedged: tuple[Interval, Interval],
    printed: tuple[Interval, Interval],
    *,
    severity: Severity = Severity.ERROR,
    edge_share: float | None = None,
    error_gap: float | None = None,
    both_hedged: bool = False,
    any_hedged: bool = True,
    tolerance: float = 0.0,
) -> Verdict:
    """The verdict on two figures: their intervals with hedges, and their printed
    precision alone.

    ``severity`` is what a disagreement with no declared ``error_gap`` is; an edge
    agreement is a warning at most (never above ``severity``); ``both_hedged`` caps a
    disagreement at a warning. Without any hedge word (``any_hedged`` false) the edge
    share is 0: bare figures whose printed precisions cannot overlap are a warning even
    when a round number's halo lets them agree.

    >>> v = grade((Interval(9000, 10000), Interval(7200, 8800)),
    ...           (Interval(9499.5, 9500.5), Interval(7999.5, 8000.5)), both_hedged=True)
    >>> v.severity.value, v.basis
    ('warning', 'disjoint')
    """
    share = default_edge_share() if edge_share is None else edge_share
    if not any_hedged:
        share = 0.0
    difference = printed_difference(*printed)
    left, right = _widen(hedged[0], tolerance), _widen(hedged[1], tolerance)
    if not left.overlaps(right):
        level = severity
        if error_gap is not None:
            level = Severity.ERROR if difference >= error_gap else Severity.WARNING
        if both_hedged:
            level = milder(level, Severity.WARNING)
        return Verdict(level, "disjoint", difference, share, error_gap)
    if difference > share:
        return Verdict(milder(severity, Severity.WARNING), "edge", difference, share, error_gap)
    return Verdict(None, "agree", difference, share, error_gap)


def _widen(interval: Interval, tolerance: float) -> Interval:
    if tolerance <= 0:
        return interval
    margin = tolerance * max(abs(interval.lo), abs(interval.hi))
    return interval + Interval(-margin, margin)


def _share(x: float) -> str:
    if math.isinf(x):
        return "an unbounded share"
    return f"{x:.1%}" if x < 0.1 else f"{x:.0%}"


def is_hedged(qualifier: str) -> bool:
    """A qualifier that is a hedge word (not ``exact``)."""
    return qualifier != EXACT
