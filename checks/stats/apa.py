"""Finding reported test results in a text: the test, its degrees of freedom, the value
and the p value, as printed.

Forms (APA style; the decimal mark ``.`` or ``,``, the leading zero optional)::

    t(28) = 2.20, p = .036        F(2, 45) = 3.21, p < .05      r(48) = .35, p = .01
    χ2(1, N = 120) = 4.50, p = .034      z = 2.10, p = .036      t(27,5) = −2,20; p = 0,036

A negative statistic counts by its size (two-sided tests). ``ns`` and a missing p value
are not results to recompute.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_NUMBER = r"[0-9]*[.,]?[0-9]+"
_PATTERN = re.compile(
    r"(?<![\w.])"
    r"(?P<test>t|F|r|z|Z|[χΧXx]\s?(?:2|²)|chi2|chi-square|Chi-square)"
    r"(?:\s?\(\s?(?P<df1>[0-9]+(?:\.[0-9]+)?)"
    r"(?:(?P<dfsep>\s?[,;]\s?)(?P<df2>[0-9]+(?:\.[0-9]+)?))?"
    r"(?:\s?[,;]\s?N\s?=\s?[0-9][0-9.,]*)?\s?\))?"
    r"\s?=\s?(?P<sign>[-−–])?\s?(?P<value>" + _NUMBER + r")"
    r"\s?[,;]\s?(?:ps?|P)\s?(?P<op>=|<|>|≤|≥)\s?(?P<p>" + _NUMBER + r")(?![0-9])"
)
_ONE_TAILED = re.compile(r"(?i:one[- ]tailed|one[- ]sided|directional|một phía|một đuôi)")
_TESTS = {"t": "t", "F": "F", "r": "r", "z": "z", "Z": "z"}


@dataclass(frozen=True, slots=True)
class Reported:
    """One reported result: the test (``t``, ``F``, ``r``, ``chi2``, ``z``), its degrees of
    freedom, the statistic and the p value as printed, and where it stands in the text."""

    test: str
    df1: float | None
    df2: float | None
    value: float
    value_decimals: int
    comparison: str  # "=", "<" or ">"
    p: float
    p_decimals: int
    start: int
    end: int
    as_written: str


def find_results(text: str) -> Iterator[Reported]:
    """Every reported result of ``text`` that has what a p value is computed from.

    >>> [(r.test, r.df1, r.value, r.comparison, r.p) for r in find_results(
    ...     "as expected, t(28) = 2.20, p = .036, and F(2, 45) = 3,21; p < 0,05")]
    [('t', 28.0, 2.2, '=', 0.036), ('F', 2.0, 3.21, '<', 0.05)]
    """
    for match in _PATTERN.finditer(text):
        test = _TESTS.get(match.group("test"), "chi2")
        df1 = float(match.group("df1")) if match.group("df1") else None
        df2 = float(match.group("df2")) if match.group("df2") else None
        if test not in ("F", "z") and df2 is not None and match.group("dfsep") == ",":
            df1, df2 = float(f"{match.group('df1')}.{match.group('df2')}"), None  # t(27,5)
        if (test == "F") != (df2 is not None) or (test != "z" and df1 is None):
            continue  # F needs two degrees of freedom, the others one (z none)
        if test == "z" and df1 is not None:
            continue
        value, value_decimals = _decimal(match.group("value"))
        p, p_decimals = _decimal(match.group("p"))
        if not 0 <= p <= 1 or (test == "r" and value > 1):
            continue
        comparison = {"≤": "<", "≥": ">"}.get(match.group("op"), match.group("op"))
        yield Reported(
            test, df1, df2, value, value_decimals, comparison, p, p_decimals,
            match.start(), match.end(), match.group(0),
        )  # fmt: skip


def one_tailed(text: str) -> bool:
    """Whether the text says its tests are one-tailed (``one-tailed``, ``một phía``)."""
    return _ONE_TAILED.search(text) is not None


def _decimal(printed: str) -> tuple[float, int]:
    """The value of ``2,20`` or ``.036`` and how many decimals it prints."""
    normal = printed.replace(",", ".")
    _, _, decimals = normal.partition(".")
    return float(normal), len(decimals)
