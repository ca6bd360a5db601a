"""Numbers for people: ``99.1–99.2 million``, ``24.4 billion VND``, never ``9.90967e+07``.

A value is written with a scale word (thousand is not used: ``16,000`` reads better).
A figure with at most six significant digits keeps them all (``1.255 million``); a
computed one gets three, or as many as tell it apart from the other end of its interval,
up to six; ends that still print alike (the printed precision of ``101.112.656``) are
written once, ``≈101.113 million``. The unit follows the number; ``percent`` is ``%``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

SCALES: tuple[tuple[float, str], ...] = (
    (1e12, "trillion"),
    (1e9, "billion"),
    (1e6, "million"),
)
DIGITS = 3  # significant digits to start from
MAX_DIGITS = 6  # ends that still print alike are shown as one value, ≈
UNIT_WORDS = {"percent": "%", "%": "%"}


def _scale(magnitude: float) -> tuple[float, str]:
    for factor, word in SCALES:
        if magnitude >= factor:
            return factor, word
    return 1.0, ""


def _digits(value: float, significant: int) -> str:
    """``value`` rounded to ``significant`` digits, thousands separated, no exponent.

    >>> _digits(16000.0, 3), _digits(0.000123456, 3), _digits(3.97540235, 3)
    ('16,000', '0.000123', '3.98')
    """
    if value == 0:
        return "0"
    exponent = math.floor(math.log10(abs(value)))
    decimals = max(0, significant - 1 - exponent)
    rounded = round(value, decimals)
    text = f"{rounded:,.{decimals}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _unit(unit: str) -> str:
    word = UNIT_WORDS.get(unit, unit)
    return "" if not word else word if word == "%" else f" {word}"


def human_number(value: float, unit: str = "") -> str:
    """One value with its scale word and unit.

    >>> human_number(24374968749.99), human_number(99190000, "person")
    ('24.4 billion', '99.19 million person')
    >>> human_number(79.1, "percent")
    '79.1%'
    >>> human_number(float("inf")), human_number(1234567.0)
    ('∞', '1.23 million')
    """
    if math.isnan(value):
        return "?"
    if math.isinf(value):
        return ("∞" if value > 0 else "−∞") + _unit(unit)
    factor, word = _scale(abs(value))
    number = _end(value, factor, DIGITS)
    return f"{number}{' ' + word if word else ''}{_unit(unit)}"


def human_interval(lo: float, hi: float, unit: str = "") -> str:
    """An interval as ``lo–hi scale unit``, with the digits that tell its ends apart.

    >>> human_interval(99096735.97, 99234712.41)
    '99.1–99.2 million'
    >>> human_interval(1255000, 2450000, "person")
    '1.255–2.45 million person'
    >>> human_interval(24374968750, 27083368056, "VND/report")
    '24.4–27.1 billion VND/report'
    >>> human_interval(14400, 16000, "report"), human_interval(5, 5, "year")
    ('14,400–16,000 report', '5 year')
    >>> human_interval(99150000, 99160000), human_interval(0, float("inf"), "percent")
    ('99.15–99.16 million', '0–∞%')
    >>> human_interval(101112655.5, 101112656.5, "person")
    '≈101.113 million person'
    """
    if lo == hi or (math.isnan(lo) and math.isnan(hi)):
        return human_number(lo, unit)
    finite = [abs(v) for v in (lo, hi) if math.isfinite(v)]
    factor, word = _scale(max(finite) if finite else 0.0)
    digits = DIGITS
    while True:
        left, right = (_end(v, factor, digits) for v in (lo, hi))
        if left != right or digits >= MAX_DIGITS:
            break
        digits += 1
    scale = f"{' ' + word if word else ''}{_unit(unit)}"
    return f"≈{left}{scale}" if left == right else f"{left}–{right}{scale}"


def _end(value: float, factor: float, digits: int) -> str:
    """One end: all its digits when it has at most six (a printed figure such as
    1,255,000), else ``digits`` significant ones (a computed 99,096,735.97…)."""
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    scaled = value / factor
    if scaled == 0:
        return "0"
    for exact in range(1, MAX_DIGITS + 1):
        text = _digits(scaled, exact)
        if abs(float(text.replace(",", "")) - scaled) <= 1e-9 * abs(scaled):
            return text if exact >= digits else _digits(scaled, digits)
    return _digits(scaled, digits)


def human_value(value: Any) -> str:
    """Evidence of any shape as text: intervals and numbers in human form.

    >>> human_value({"lo": 24374968749.99, "hi": 27083368055.55, "unit": "VND/report"})
    '24.4–27.1 billion VND/report'
    >>> human_value([1e7, "a"]), human_value({"via": "x", "rate": 24426.0})
    ('10 million; a', 'via: x, rate: 24,426')
    """
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value).lower()
    if isinstance(value, int | float):
        return human_number(float(value))
    if isinstance(value, Mapping):
        lo, hi = value.get("lo"), value.get("hi")
        if isinstance(lo, int | float) and isinstance(hi, int | float) and _is_number(lo):
            rest = {k: v for k, v in value.items() if k not in ("lo", "hi", "unit")}
            text = human_interval(float(lo), float(hi), str(value.get("unit") or ""))
            return text + (f" ({human_value(rest)})" if rest else "")
        return ", ".join(f"{k}: {human_value(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(human_value(v) for v in value)
    return str(value)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
