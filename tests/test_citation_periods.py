"""citation/period-mismatch: a claim's period against the dates its own quote prints."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.scan.periods import quote_periods
from tests.claim_packages import build, claim, findings


def _period_findings(tmp_path: Path, quote: str, period: str, language: str = "vi") -> list[str]:
    rows = [claim("a", "online-fraud-reports", "16.000", value="16000", quote=quote, period=period)]
    root = build(tmp_path / "p", rows, sources={"article": {"language": language}})
    return [f.message for f in findings(root, "citation") if f.code == "period-mismatch"]


def test_a_period_the_quote_contradicts_is_a_warning(tmp_path: Path) -> None:
    (message,) = _period_findings(tmp_path, "Trong năm 2023, có 16.000 phản ánh", "2022")
    assert message == (
        "a: the period 2022-01-01..2022-12-31 overlaps none of the periods the quote prints "
        "(2023-01-01..2023-12-31)"
    )


@pytest.mark.parametrize(
    ("quote", "period", "language"),
    [
        ("Trong năm 2023, có 16.000 phản ánh", "2023", "vi"),
        ("Có 16.000 phản ánh", "2022", "vi"),  # no date in the quote: nothing to compare
        # a base of comparison is not the period
        ("16.000 phản ánh, tăng 5% so với năm 2022", "2023", "vi"),
        # the day the ministry reported is not the period of a yearly figure
        ("Ngày 24/12/2024, Bộ cho biết có 16.000 phản ánh", "2023", "vi"),
        # the first months of a year, a span of months: the claim lies inside
        ("Trong 6 tháng đầu năm 2024, có 16.000 phản ánh", "2024-03-01..2024-03-31", "vi"),
        ("From January to March 2024, 16.000 reports", "2024-02-01..2024-02-29", "en"),
        # a claim over several years overlaps a year inside them
        ("In 2021, 16.000 reports", "2019-01-01..2023-12-31", "en"),
    ],
)
def test_a_period_that_agrees_with_the_quote_or_that_it_does_not_fix_is_silent(
    tmp_path: Path, quote: str, period: str, language: str
) -> None:
    assert _period_findings(tmp_path, quote, period, language) == []


def test_a_day_counts_only_for_a_claim_about_a_day() -> None:
    quote = "Tính đến ngày 30/6/2024, có 16.000 phản ánh"
    assert quote_periods(quote, "vi", day=False) == []
    assert [str(p) for p in quote_periods(quote, "vi", day=True)] == ["2024-06-30"]


def test_the_year_of_a_base_level_is_not_the_period_of_the_change_beside_it() -> None:
    assert quote_periods("2.750 website, gấp 3 lần so với 1.375 website năm 2023", "vi",
                         day=False) == []  # fmt: skip
    assert quote_periods("up 17% from 15,900 in 2023", "en", day=False) == []
    assert [str(p) for p in quote_periods("từ 10.000 vụ năm 2022", "vi", day=False)] == [
        "2022-01-01..2022-12-31"
    ]


def test_the_year_of_a_base_level_after_mức_or_of_a_shares_whole_is_not_the_claims() -> None:
    quote = "tăng 3,2 điểm phần trăm so với mức 82,0% của năm 2023"
    assert quote_periods(quote, "vi", day=False) == []
    quote = "The total is equal to 97.6% of the 18 million arrivals recorded in 2019"
    assert quote_periods(quote, "en", day=False) == []
    assert [str(p) for p in quote_periods("97.6% in 2019", "en", day=False)] == [
        "2019-01-01..2019-12-31"
    ]


def test_a_change_captured_for_its_own_year_beside_a_dated_base_level_is_silent(
    tmp_path: Path,
) -> None:
    quote = "gấp 3 lần so với 1.375 website năm 2023"
    rows = [claim("a", "online-fraud-reports", "gấp 3 lần", value="3", unit="",
                  quote=quote, period="2024")]  # fmt: skip
    root = build(tmp_path / "p", rows)
    assert [f.code for f in findings(root, "citation") if f.code == "period-mismatch"] == []


def test_a_base_level_whose_period_the_quote_says_in_words_is_silent(tmp_path: Path) -> None:
    quote = (
        "17,500 road accidents in the first nine months of 2024, down 12.5% from 20,000 a "
        "year earlier"
    )
    rows = [claim("base", "online-fraud-reports", "20,000", value="20000", quote=quote,
                  period="2023-01-01..2023-09-30"),
            claim("new", "online-fraud-reports", "17,500", value="17500", quote=quote,
                  period="2022")]  # fmt: skip
    root = build(tmp_path / "p", rows, sources={"article": {"language": "en"}})
    flagged = [f.claim_ids for f in findings(root, "citation") if f.code == "period-mismatch"]
    assert flagged == [("new",)]  # the level itself is still held to the quote's year
