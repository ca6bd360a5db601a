"""Hypothesis properties of the number engine: round trips and sound interval arithmetic."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal
from hypothesis import assume, given
from hypothesis import strategies as st

from checks.numbers import Interval, parse_number
from checks.numbers.qualifiers import QUALIFIERS

finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    a, b = draw(finite), draw(finite)
    return Interval(min(a, b), max(a, b))


@st.composite
def interval_and_point(draw: st.DrawFn) -> tuple[Interval, float]:
    iv = draw(intervals())
    t = draw(st.floats(min_value=0, max_value=1))
    point = iv.lo + (iv.hi - iv.lo) * t
    return iv, min(max(point, iv.lo), iv.hi)


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False))
def test_vietnamese_formatting_parses_back_to_the_number(number: Decimal) -> None:
    printed = format_decimal(number, locale="vi", format="#,##0.##")
    assert parse_number(printed, locale="vi").value == float(number)


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=3),
    st.sampled_from(["", " nghìn", " triệu", " tỷ", " nghìn tỷ", "%"]),
    st.sampled_from(["", "gần ", "hơn ", "khoảng ", "lên đến ", "dự báo "]),
)
def test_the_interval_always_contains_the_written_value(
    digits: int, decimals: int, suffix: str, hedge: str
) -> None:
    number = Decimal(digits).scaleb(-decimals)
    body = format_decimal(
        number, locale="vi", format="#,##0." + "0" * decimals if decimals else "#,##0"
    )
    parsed = parse_number(f"{hedge}{body}{suffix}", locale="vi")
    assert parsed.printed.contains(parsed.value)
    assert parsed.interval.contains(parsed.value)
    assert parsed.qualifier in QUALIFIERS


@given(interval_and_point(), interval_and_point(), st.sampled_from(["+", "-", "*", "/"]))
def test_arithmetic_on_intervals_contains_arithmetic_on_points(
    a: tuple[Interval, float], b: tuple[Interval, float], op: str
) -> None:
    (x, p), (y, q) = a, b
    if op == "/":
        assume(not y.contains(0.0))
        result, point = x / y, p / q
    elif op == "+":
        result, point = x + y, p + q
    elif op == "-":
        result, point = x - y, p - q
    else:
        result, point = x * y, p * q
    assert result.contains(point)


@given(intervals(), intervals())
def test_overlap_and_distance_agree(x: Interval, y: Interval) -> None:
    assert x.overlaps(y) == (x.distance(y) == 0.0)
    assert x.overlaps(y) == y.overlaps(x)
    assert x.distance(y) == y.distance(x)
