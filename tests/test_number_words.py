"""Numbers printed in words are read as their digits would be, by the parser and by scan:
shares (``two-thirds of users``, ``hơn một nửa số vụ``) as exact fractions, counts and
halves before a scale word (``two million``, ``nửa triệu``) as amounts; words that only
look like them (an ordinal, a half-year, "part of the year 2023", the start of a longer
number in words) are left alone. Also decades and the ``-fold`` multipliers."""

from __future__ import annotations

import pytest

from checks.numbers.parse import parse_number
from checks.numbers.tables import number_words
from checks.scan import scan_text


@pytest.mark.parametrize(
    ("printed", "language", "value", "qualifier"),
    [
        ("two-thirds", "en", 2 / 3, "exact"),
        ("Nearly two thirds", "en", 2 / 3, "nearly"),
        ("about a quarter", "en", 0.25, "approx"),
        ("three-quarters", "en", 0.75, "exact"),
        ("one-fifth", "en", 0.2, "exact"),
        ("more than half", "en", 0.5, "more_than"),
        ("gần hai phần ba", "vi", 2 / 3, "nearly"),
        ("ba phần tư", "vi", 0.75, "exact"),
        ("Hơn một nửa", "vi", 0.5, "more_than"),
        ("một phần mười", "vi", 0.1, "exact"),
    ],
)
def test_a_fraction_in_words_parses_as_the_exact_fraction(
    printed: str, language: str, value: float, qualifier: str
) -> None:
    parsed = parse_number(printed, locale=language)
    assert parsed.value == pytest.approx(value, abs=1e-12)
    assert parsed.kind == "fraction"
    assert parsed.unit is None
    assert parsed.qualifier == qualifier
    # as exact as the digits: 1/3 and "a third" read alike
    assert (parsed.printed.lo, parsed.printed.hi) == (parsed.value, parsed.value)


def test_every_count_and_part_of_the_table_reads_as_their_quotient() -> None:
    rows = number_words()
    for language, join in (("en", "-"), ("vi", " phần ")):
        counts = [r for r in rows if r.language == language and r.role == "count"]
        parts = [r for r in rows if r.language == language and r.role in ("part", "count")]
        for count in counts:
            for part in parts:
                if language == "en" and part.role == "count":
                    continue
                assert count.value is not None and part.value is not None
                printed = f"{count.word}{join}{part.word}"
                if count.value > part.value:
                    with pytest.raises(ValueError):
                        parse_number(printed, locale=language)
                    continue
                assert parse_number(printed, locale=language).value == pytest.approx(
                    count.value / part.value
                ), printed


@pytest.mark.parametrize(
    ("sentence", "language", "as_written", "share", "noun"),
    [
        ("Nearly two-thirds of users were affected.", "en", "Nearly two-thirds", 2 / 3, "users"),
        ("A quarter of companies reported attacks.", "en", "A quarter", 0.25, "companies"),
        ("More than half of users were hit.", "en", "More than half", 0.5, "users"),
        ("Gần hai phần ba người dùng bị ảnh hưởng.", "vi", "Gần hai phần ba", 2 / 3, "người"),
        ("Hơn một nửa số vụ lừa đảo xảy ra trên mạng.", "vi", "Hơn một nửa", 0.5, "số"),
        # an English sentence quoted in a Vietnamese article
        ('Báo cáo viết: "two-thirds of firms".', "vi", "two-thirds", 2 / 3, "firms"),
    ],
)
def test_scan_finds_a_share_printed_in_words(
    sentence: str, language: str, as_written: str, share: float, noun: str
) -> None:
    found = [m for m in scan_text(sentence, language=language).numbers if m.form == "fraction"]
    assert [m.as_written for m in found] == [as_written]
    mention = found[0]
    assert sentence[mention.start : mention.end] == as_written
    assert mention.value == pytest.approx(share)
    assert mention.unit is None
    assert mention.noun == noun


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("It was a third time lucky for the team.", "en"),  # an ordinal
        ("In the first half of 2024, sales rose.", "en"),  # a period, read as a date
        ("Half of 2023 was lost to the outage.", "en"),  # of a year: a period
        ("He came second; a fifth runner fell.", "en"),  # no "of", not hyphenated
        ("Một phần năm 2023 đã trôi qua.", "vi"),  # part of the year 2023
        ("The losses were one-third higher than in 2022.", "en"),  # a change of the whole
    ],
)
def test_words_that_only_look_like_a_fraction_are_not_read_as_one(
    sentence: str, language: str
) -> None:
    found = scan_text(sentence, language=language).numbers
    assert [m.as_written for m in found if m.form == "fraction"] == []


@pytest.mark.parametrize(
    ("sentence", "language", "as_written", "value", "interval", "unit"),
    [
        ("Half a million accounts were hacked.", "en", "Half a million", 5e5, (4.5e5, 5.5e5), None),
        ("Nửa triệu tài khoản bị tấn công.", "vi", "Nửa triệu", 5e5, (4.5e5, 5.5e5), None),
        (
            "nearly half a billion dollars was lost",
            "en",
            "nearly half a billion dollars",
            5e8,
            (4.5e8, 5e8),
            "USD",
        ),
    ],
)
def test_half_of_a_scale_word_is_half_that_amount_printed_to_a_tenth(
    sentence: str,
    language: str,
    as_written: str,
    value: float,
    interval: tuple[float, float],
    unit: str | None,
) -> None:
    (mention,) = scan_text(sentence, language=language).numbers
    assert (mention.as_written, mention.value, mention.unit) == (as_written, value, unit)
    assert mention.interval is not None
    assert (mention.interval.lo, mention.interval.hi) == pytest.approx(interval)
    # check reads the same as_written to the same number
    assert parse_number(as_written, locale=language).value == value


_1990S, _2010S = "1990-01-01..1999-12-31", "2010-01-01..2019-12-31"


@pytest.mark.parametrize(
    ("sentence", "language", "dates"),
    [
        ("In the 1990s, cases were rare.", "en", [("1990s", _1990S)]),
        # one decade, not also the year 2010 before the apostrophe
        ("Since the 2010\u2019s, fraud grew.", "en", [("2010\u2019s", _2010S)]),
        ("Từ những năm 1990, tội phạm mạng tăng.", "vi", [("những năm 1990", _1990S)]),
        ("Trong thập niên 2010, số vụ tăng.", "vi", [("thập niên 2010", _2010S)]),
        # a year that does not end a decade, or a year alone, stays a year
        (
            "những năm 2023 và 2024",
            "vi",
            [("năm 2023", "2023-01-01..2023-12-31"), ("2024", "2024-01-01..2024-12-31")],
        ),
        ("The 2010 report was late.", "en", [("2010", "2010-01-01..2010-12-31")]),
    ],
)
def test_a_decade_is_ten_years_not_its_first_year(
    sentence: str, language: str, dates: list[tuple[str, str]]
) -> None:
    found = scan_text(sentence, language=language).mentions
    assert [(m.as_written, str(m.period)) for m in found if m.period is not None] == dates


@pytest.mark.parametrize(
    ("sentence", "as_written", "ratio"),
    [("Losses rose threefold.", "rose threefold", 3.0), ("a tenfold increase", "tenfold", 10.0)],
)
def test_a_multiplier_word_ending_in_fold_is_that_ratio(
    sentence: str, as_written: str, ratio: float
) -> None:
    (mention,) = scan_text(sentence, language="en").numbers
    assert (mention.as_written, mention.value, mention.unit) == (as_written, ratio, "times")


@pytest.mark.parametrize(
    ("sentence", "language", "as_written", "value", "unit"),
    [
        ("Nearly two million people were affected.", "en", "Nearly two million", 2e6, "person"),
        ("Twenty-one million accounts leaked.", "en", "Twenty-one million", 21e6, None),
        ("Hơn ba tỷ đồng bị chiếm đoạt.", "vi", "Hơn ba tỷ đồng", 3e9, "VND"),
        ("năm triệu người dùng", "vi", "năm triệu", 5e6, "person"),
        # năm after the scale word is the year, not the rest of the number
        ("ba tỷ năm 2023", "vi", "ba tỷ", 3e9, None),
        ("They lose two million a year.", "en", "two million", 2e6, None),
    ],
)
def test_a_count_in_words_before_a_scale_word_is_read_as_its_digits_would_be(
    sentence: str, language: str, as_written: str, value: float, unit: str | None
) -> None:
    mention = scan_text(sentence, language=language).numbers[0]
    assert (mention.as_written, mention.value, mention.unit) == (as_written, value, unit)
    # check's parser reads the same as_written to the same value
    assert parse_number(as_written, locale=language).value == value


@pytest.mark.parametrize(
    ("sentence", "language"),
    [
        ("two thousand and five", "en"),  # a longer number in words: not read yet
        ("two million five hundred thousand", "en"),
        ("ba nghìn năm trăm người", "vi"),
        ("hai mươi ba tỷ đồng", "vi"),  # not "three billion"
        ("một triệu rưỡi người", "vi"),  # 1.5 million: not read yet, never read as one
    ],
)
def test_a_longer_number_in_words_is_not_read_in_part(sentence: str, language: str) -> None:
    assert scan_text(sentence, language=language).numbers == ()
