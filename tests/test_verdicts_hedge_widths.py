"""Hedge widths depend on what was printed: the number's unit and its 1-2-5 granularity,
never more than a declared share; a printed value is always inside its interval, and the
column-wise widening equals the reference one."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.numbers.batch import widen_columns
from checks.numbers.interval import Interval
from checks.numbers.parse import parse_number
from checks.numbers.qualifiers import QUALIFIERS, granularity, widen


@pytest.mark.parametrize(
    ("text", "lo", "hi"),
    [
        ("khoảng 99,4 triệu", 99.3e6, 99.5e6),  # three figures: one unit of the last digit
        ("khoảng 8.000", 7_200, 8_800),  # one figure: one step of 2.000, capped at 10%
        ("ước tính 9.500", 9_000, 10_000),  # granularity 500
        ("ước đạt 10.221,8 nghìn tỷ đồng", 10_221.7e12, 10_221.9e12),
        ("hơn 100 nghìn", 100_000, 125_000),  # round: the 25% headroom
        ("hơn 13.750", 13_750, 13_800),  # precise: up to the next step of 50
        ("gần 16.000", 14_400, 16_000),
        ("20 năm", 18, 22),  # a bare round number: its halo, at most 10%
        ("21 năm", 20.5, 21.5),  # not round: the printed precision alone
        ("79,0%", 78.95, 79.05),  # a zero after the decimal mark is significant
    ],
)
def test_hedge_width_follows_the_printed_precision(text: str, lo: float, hi: float) -> None:
    interval = parse_number(text).interval
    assert (interval.lo, interval.hi) == pytest.approx((lo, hi))


def test_granularity_is_the_coarsest_round_step_that_divides_the_number() -> None:
    assert granularity(150, 1) == 50
    assert granularity(16_000, 1) == 2_000
    assert granularity(24_426, 1) == 1
    assert granularity(79.0, 0.1, decimals=1) == 0.1


printed_numbers = st.builds(
    lambda digits, decimals, power: (digits, decimals, power),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=12),
)


def _printed(digits: int, decimals: int, power: int) -> tuple[float, Interval]:
    unit = 10.0 ** (power - decimals)
    value = digits * unit
    return value, Interval(value - unit / 2, value + unit / 2)


@given(printed_numbers, st.sampled_from(QUALIFIERS))
def test_a_printed_value_is_always_inside_its_interval(
    number: tuple[int, int, int], qualifier: str
) -> None:
    value, printed = _printed(*number)
    interval = widen(printed, qualifier, value, number[1])
    assert interval.lo <= value <= interval.hi


@given(st.lists(st.tuples(printed_numbers, st.sampled_from(QUALIFIERS)), max_size=30))
def test_column_wise_widening_equals_the_reference(
    rows: list[tuple[tuple[int, int, int], str]],
) -> None:
    values, los, his, decimals, qualifiers = [], [], [], [], []
    for number, qualifier in rows:
        value, printed = _printed(*number)
        values.append(value)
        los.append(printed.lo)
        his.append(printed.hi)
        decimals.append(number[1])
        qualifiers.append(qualifier)
    lo, hi = widen_columns(
        np.array(los, dtype=float),
        np.array(his, dtype=float),
        np.array(values, dtype=float),
        np.array(qualifiers, dtype=object),
        np.array(decimals, dtype=np.int64),
    )
    for i, (value, qualifier) in enumerate(zip(values, qualifiers, strict=True)):
        expected = widen(Interval(los[i], his[i]), qualifier, value, decimals[i])
        assert (lo[i], hi[i]) == (expected.lo, expected.hi)
