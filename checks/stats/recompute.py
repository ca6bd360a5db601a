"""The p value a reported statistic implies, with the statistic's rounding, and whether the
printed p value can be it.

The statistic printed with two decimals (``t = 2.20``) was anything in [2.195, 2.205): the
p value it implies is a range too. A printed ``p = .036`` must round from a value in that
range; ``p < .05`` needs some value of the range below .05. Two kinds of disagreement:

- an *inconsistency*: no value of the range gives the printed p (a warning);
- a *decision inconsistency*: the printed p says significant at .05 and every value of the
  range says not, or the other way round (an error: the paper's conclusion changes).

A text that says its tests are one-tailed is also read with the p values halved, as
statcheck does. ``p = .05`` counts as significant. As in statcheck, only an inconsistent
result can be a decision inconsistency (``t(28) = 2.03, p = .05`` rounds from .0514: no
error), and only a p value that takes a side of .05 can change a decision (``p < .08``
does not). A statistic given as a bound (``t(28) < 2.20``) allows every p on its side, and
``p = .000`` is an inconsistency: no test gives a p of zero (APA: write ``p < .001``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import stats as distributions

from checks.stats.apa import Reported

ALPHA = 0.05


@dataclass(frozen=True, slots=True)
class Verdict:
    """A reported result checked: the p values its statistic allows, and what is wrong."""

    reported: Reported
    p_low: float
    p_high: float
    consistent: bool
    decision_error: bool
    one_tailed: bool  # consistent only as a one-tailed test (the text says one-tailed)


def p_value(test: str, value: float, df1: float | None, df2: float | None) -> float:
    """The p value of a statistic: two-sided for t, r and z, upper tail for F and χ².

    >>> round(p_value("t", 2.20, 28, None), 4)
    0.0362
    """
    size = abs(value)
    if test == "t":
        return float(2 * distributions.t.sf(size, _df(df1)))
    if test == "z":
        return float(2 * distributions.norm.sf(size))
    if test == "F":
        return float(distributions.f.sf(size, _df(df1), _df(df2)))
    if test == "chi2":
        return float(distributions.chi2.sf(size, _df(df1)))
    if test == "r":
        if size >= 1:
            return 0.0
        df = _df(df1)
        return float(2 * distributions.t.sf(size * math.sqrt(df / (1 - size * size)), df))
    raise ValueError(f"unknown test {test!r}")


def _df(df: float | None) -> float:
    if df is None or df <= 0:
        raise ValueError("degrees of freedom must be positive")
    return df


def check_result(result: Reported, *, one_tailed_text: bool = False) -> Verdict:
    """Whether the printed p value can come from the printed statistic (see the module)."""
    half = 0.5 * 10.0**-result.value_decimals
    largest = abs(result.value) + half
    smallest = max(abs(result.value) - half, 0.0)
    if result.test == "r":
        largest = min(largest, 1.0)
    if result.bound == "<":  # |t| < 2.20: any smaller statistic, so any larger p
        smallest = 0.0
    low = p_value(result.test, largest, result.df1, result.df2) if result.bound != ">" else 0.0
    high = p_value(result.test, smallest, result.df1, result.df2)
    consistent = _agrees(result, low, high)
    halved = False
    if not consistent and one_tailed_text and result.test in ("t", "r", "z"):
        halved = _agrees(result, low / 2, high / 2)
    if halved:
        low, high = low / 2, high / 2
    consistent = consistent or halved
    claimed = _claims_significance(result)
    decision = not consistent and (
        (claimed is True and low > ALPHA) or (claimed is False and high <= ALPHA)
    )
    return Verdict(result, low, high, consistent, decision, halved)


def _claims_significance(result: Reported) -> bool | None:
    """What the printed p says about significance at .05: ``p = .03``, ``p < .05`` say
    significant, ``p = .07``, ``p > .05``, ``ns`` say not; ``p < .08`` or ``p > .01`` say
    nothing."""
    if result.comparison == "<":
        return True if result.p <= ALPHA else None
    if result.comparison == ">":
        return False if result.p >= ALPHA else None
    return result.p <= ALPHA


def _agrees(result: Reported, low: float, high: float) -> bool:
    if result.comparison == "=" and result.p == 0:
        return False  # p = .000: a p value is never zero
    if result.comparison == "<":
        return low < result.p
    if result.comparison == ">":
        return high > result.p
    half = 0.5 * 10.0**-result.p_decimals
    return low <= result.p + half and high >= result.p - half
