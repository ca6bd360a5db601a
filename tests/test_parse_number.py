"""The number parser reads every form the news prints and refuses to guess."""

from __future__ import annotations

import pytest

from checks.numbers import parse_number
from checks.numbers.parse import NumberParseError

VIETNAMESE = [
    ("78,44 triệu", 78_440_000, "exact", None, (78_435_000, 78_445_000)),
    ("16.000", 16_000, "exact", None, (15_999.5, 16_000.5)),
    ("390.000 tỷ đồng", 390_000e9, "exact", "VND", (389_999.5e9, 390_000.5e9)),
    ("8.000 tỷ USD", 8_000e9, "exact", "USD", (7_999.5e9, 8_000.5e9)),
    ("10.500 tỷ", 10_500e9, "exact", None, (10_499.5e9, 10_500.5e9)),
    ("hơn 100 nghìn", 100_000, "more_than", None, (99_500, 100_500)),
    ("64,78%", 64.78, "exact", "percent", (64.775, 64.785)),
    ("06", 6, "exact", None, (5.5, 6.5)),
    ("08", 8, "exact", None, (7.5, 8.5)),
    ("1,5 ngàn tỷ", 1.5e12, "exact", None, (1.45e12, 1.55e12)),
    ("79,1%", 79.1, "exact", "percent", (79.05, 79.15)),
    ("gần 16.000", 16_000, "nearly", None, (15_999.5, 16_000.5)),
    ("gần 5 năm", 5, "nearly", "year", (4.5, 5.5)),
    ("khoảng 8.000 tỷ USD", 8e12, "approx", "USD", (7_999.5e9, 8_000.5e9)),
    ("10.221,8 nghìn tỷ đồng", 10_221.8e12, "exact", "VND", (10_221.75e12, 10_221.85e12)),
    ("101.112.656", 101_112_656, "exact", None, (101_112_655.5, 101_112_656.5)),
]

ENGLISH = [
    ("2.5 million", 2.5e6, "exact", None, (2.45e6, 2.55e6)),
    ("$10.5 trillion", 10.5e12, "exact", "USD", (10.45e12, 10.55e12)),
    ("79.1%", 79.1, "exact", "percent", (79.05, 79.15)),
    ("US$ 6.6 million", 6.6e6, "exact", "USD", (6.55e6, 6.65e6)),
    ("more than 100 thousand", 1e5, "more_than", None, (99_500, 100_500)),
    ("around 24,426", 24_426, "approx", None, (24_425.5, 24_426.5)),
]


@pytest.mark.parametrize(("text", "value", "qualifier", "unit", "printed"), VIETNAMESE)
def test_vietnamese_forms_parse_to_value_precision_qualifier_and_unit(
    text: str, value: float, qualifier: str, unit: str | None, printed: tuple[float, float]
) -> None:
    parsed = parse_number(text, locale="vi")
    assert parsed.value == pytest.approx(value, rel=1e-12)
    assert parsed.qualifier == qualifier
    assert parsed.unit == unit
    assert parsed.printed.lo == pytest.approx(printed[0], rel=1e-12)
    assert parsed.printed.hi == pytest.approx(printed[1], rel=1e-12)


@pytest.mark.parametrize(("text", "value", "qualifier", "unit", "printed"), ENGLISH)
def test_english_forms_parse_with_english_separators(
    text: str, value: float, qualifier: str, unit: str | None, printed: tuple[float, float]
) -> None:
    parsed = parse_number(text, locale="en")
    assert parsed.value == pytest.approx(value, rel=1e-12)
    assert (parsed.qualifier, parsed.unit) == (qualifier, unit)
    assert (parsed.printed.lo, parsed.printed.hi) == pytest.approx(printed, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("1.234,5,6", "not a 'vi' number"),
        ("12..5", "unexpected text '..5'"),
        ("12.34", "not a 'vi' number"),
        ("1e309", "out of the range of a double"),
        ("", "empty string"),
        ("tỷ", "no digits"),
        ("9" * 10_000, "more than 40 digits"),
        ("5 quả táo", "unexpected text 'quả táo'"),
        ("$5 VND", "two units: USD and VND"),
    ],
)
def test_malformed_strings_are_errors_naming_the_string(text: str, reason: str) -> None:
    with pytest.raises(NumberParseError) as info:
        parse_number(text, locale="vi")
    assert info.value.text == text
    assert reason in info.value.reason


def test_grouping_dot_is_ambiguous_without_a_locale() -> None:
    with pytest.raises(NumberParseError, match="ambiguous between locales"):
        parse_number("16.000", locale="auto")


def test_auto_locale_accepts_a_string_with_only_one_reading() -> None:
    assert parse_number("79.1%", locale="auto").value == pytest.approx(79.1)
    assert parse_number("78,44 triệu", locale="auto").value == pytest.approx(78_440_000)


def test_one_sided_hedges_are_anchored_at_the_printed_value() -> None:
    nearly = parse_number("gần 16.000").interval
    more = parse_number("hơn 13.750").interval
    assert (nearly.lo, nearly.hi) == pytest.approx((14_400, 16_000))
    # 13.750 has a granularity of 50: 'more than 13,750' stops short of the next step
    assert (more.lo, more.hi) == pytest.approx((13_750, 13_800))


def test_nfd_and_non_breaking_spaces_read_like_nfc() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "78,44\u00a0triệu")
    assert parse_number(text).value == pytest.approx(78_440_000)
