"""Finding reported test results in a text: the test, its degrees of freedom, the value
and the p value, as printed.

Forms (APA style; the decimal mark ``.`` or ``,``, the leading zero optional)::

    t(28) = 2.20, p = .036        F(2, 45) = 3.21, p < .05      r(48) = .35, p = .01
    χ2(1, N = 120) = 4.50, p = .034      z = 2.10, p = .036      t(27,5) = −2,20; p = 0,036

A negative statistic counts by its size (two-sided tests). As statcheck reads them: a
statistic given as a bound (``t(28) < 2.20``, ``F(1, 30) < 1``), ``ns`` or ``n.s.`` for the p
value (read as ``p > .05``), Q tests (``Q(2) = 2.20``, ``Qb``, ``Qw``, ``Q-within``: χ²
distributed), ``n`` or ``N`` in the brackets of χ², and a thousands separator in the
statistic (``2,000.20``). A comma inside the brackets of a t, r or χ² is a decimal comma
(``t(27,5)``) only when the result prints a decimal comma elsewhere too; otherwise it is
not a result (``t(2,28)``). A missing p value is not a result to recompute.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_NUMBER = r"[0-9]*[.,]?[0-9]+"
_STATISTIC = r"[0-9]{1,3}(?:,[0-9]{3})+\.[0-9]+|" + _NUMBER
"""A statistic: a decimal number, or one with a thousands separator (``2,000.20``)."""
_PATTERN = re.compile(
    r"(?<![\w.])"
    r"(?P<test>t|F|r|z|Z|[χΧXx]\s?(?:2|²)|chi2|chi-square|Chi-square"
    r"|Q(?:b|w|-within|-between|within|between)?)"
    r"(?:\s?\(\s?(?P<df1>[0-9]+(?:\.[0-9]+)?)"
    r"(?:(?P<dfsep>\s?[,;]\s?)(?P<df2>[0-9]+(?:\.[0-9]+)?))?"
    r"(?:\s?[,;]\s?[Nn]\s?=\s?[0-9][0-9.,]*)?\s?\))?"
    r"\s?(?P<vop>=|<|>|≤|≥)\s?(?P<sign>[-−–])?\s?(?P<value>" + _STATISTIC + r")"
    r"\s?[,;]\s?(?:(?:ps?|P)\s?(?P<op>=|<|>|≤|≥)\s?(?P<p>" + _NUMBER + r")(?![0-9])"
    r"|(?P<ns>n\.?s\.?)(?!\w))"
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
    bound: str = "="
    """How the statistic is given: ``=``, or ``<``/``>`` for a bound (``t(28) < 2.20``)."""


def find_results(text: str) -> Iterator[Reported]:
    """Every reported result of ``text`` that has what a p value is computed from.

    >>> [(r.test, r.df1, r.value, r.comparison, r.p) for r in find_results(
    ...     "as expected, t(28) = 2.20, p = .036, and F(2, 45) = 3,21; p < 0,05")]
    [('t', 28.0, 2.2, '=', 0.036), ('F', 2.0, 3.21, '<', 0.05)]
    """
    for match in _PATTERN.finditer(text):
        test = _TESTS.get(match.group("test"), "chi2")  # Q is distributed as χ²
        df1 = float(match.group("df1")) if match.group("df1") else None
        df2 = float(match.group("df2")) if match.group("df2") else None
        if test not in ("F", "z") and df2 is not None and match.group("dfsep").strip() == ",":
            if not _decimal_comma(match):
                continue  # t(2,28): two degrees of freedom for a test that has one
            df1, df2 = float(f"{match.group('df1')}.{match.group('df2')}"), None  # t(27,5)
        if (test == "F") != (df2 is not None) or (test != "z" and df1 is None):
            continue  # F needs two degrees of freedom, the others one (z none)
        if test == "z" and df1 is not None:
            continue
        value, value_decimals = _decimal(match.group("value"))
        if match.group("ns"):
            p, p_decimals, comparison = 0.05, 2, ">"  # not significant: p > .05
        else:
            p, p_decimals = _decimal(match.group("p"))
            comparison = _OPERATORS.get(match.group("op"), match.group("op"))
        if not 0 <= p <= 1 or (test == "r" and value > 1):
            continue
        yield Reported(
            test, df1, df2, value, value_decimals, comparison, p, p_decimals,
            match.start(), match.end(), match.group(0),
            _OPERATORS.get(match.group("vop"), match.group("vop")),
        )  # fmt: skip


_OPERATORS = {"≤": "<", "≥": ">"}


def _decimal_comma(match: re.Match[str]) -> bool:
    """Whether the statistic or the p value of the result prints a decimal comma."""
    value, p = match.group("value"), match.group("p") or ""
    return ("," in value and "." not in value) or "," in p


def one_tailed(text: str) -> bool:
    """Whether the text says its tests are one-tailed (``one-tailed``, ``một phía``)."""
    return _ONE_TAILED.search(text) is not None


def _decimal(printed: str) -> tuple[float, int]:
    """The value of ``2,20``, ``.036`` or ``2,000.20`` and how many decimals it prints."""
    normal = printed.replace(",", "") if "." in printed else printed.replace(",", ".")
    _, _, decimals = normal.partition(".")
    return float(normal), len(decimals)
