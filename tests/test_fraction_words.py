"""Shares printed in words (``two-thirds of users``, ``hơn một nửa số vụ``) are read as the
exact fractions their digits would be, by the parser and by scan, and words that only look
like fractions (an ordinal, a half-year, "part of the year 2023") are left alone."""

from __future__ import annotations

import pytest

from checks.numbers.fraction_words import fraction_words
from checks.numbers.parse import parse_number
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
    rows = fraction_words()
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
    ],
)
def test_words_that_only_look_like_a_fraction_are_not_read_as_one(
    sentence: str, language: str
) -> None:
    found = scan_text(sentence, language=language).numbers
    assert [m.as_written for m in found if m.form == "fraction"] == []
