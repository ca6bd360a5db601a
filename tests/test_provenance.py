"""provenance: news-only figures, forecasts presented as measurements, carried-over units."""

from __future__ import annotations

from pathlib import Path

from tests.claim_packages import build, claim, codes, findings


def test_a_news_figure_that_a_statistical_source_backs_is_silent(tmp_path: Path) -> None:
    rows = [
        claim("news", "online-fraud-reports", "gần 16.000", value="16000", qualifier="nearly"),
        claim("stat", "online-fraud-reports", "15.800", value="15800", source_id="office"),
    ]
    root = build(tmp_path / "p", rows, sources={"office": {"kind": "statistical"}})
    assert findings(root, "provenance") == []


def test_a_figure_only_a_news_article_gives_is_a_warning(tmp_path: Path) -> None:
    rows = [
        claim("news", "online-fraud-reports", "gần 16.000", value="16000", qualifier="nearly",
              speaker="A minister"),
        claim("stat", "online-fraud-reports", "9.000", value="9000", source_id="office"),
        claim("stock", "population", "99 triệu", value="99000000", period="2024-01-01"),
    ]  # fmt: skip
    root = build(tmp_path / "p", rows, sources={"office": {"kind": "statistical"}})
    found = findings(root, "provenance")
    assert codes(found) == [
        ("news-only", "info", ("stock",)),
        ("news-only", "warning", ("news",)),
    ]
    warning = next(f for f in found if f.severity.value == "warning")
    assert warning.message == (
        "news 'gần 16.000' (online fraud reports, VNM, 2023-01-01..2023-12-31): the only "
        "source is the news article article, said by A minister; no archived statistical, "
        "official or estimate source gives an agreeing figure"
    )


def test_a_figure_that_others_give_only_as_a_forecast(tmp_path: Path) -> None:
    rows = [
        claim("article", "cybercrime-cost", "khoảng 8.000 tỷ USD", value="8000000000000",
              qualifier="approx", subject="WLD"),
        claim("vendor", "cybercrime-cost", "$8 trillion USD", value="8000000000000",
              qualifier="forecast", subject="WLD", source_id="vendor"),
    ]  # fmt: skip
    root = build(
        tmp_path / "p",
        rows,
        sources={"vendor": {"kind": "estimate", "language": "en", "published": "2023-10-31"}},
    )
    (found,) = findings(root, "provenance")
    assert (found.code, found.severity.value, found.claim_ids, found.key) == (
        "forecast-as-measurement",
        "warning",
        ("article", "vendor"),
        "forecast-only",
    )
    assert found.message == (
        "article 'khoảng 8.000 tỷ USD' is stated as approx, not as a forecast, but the only "
        "other sources give it as a forecast: vendor (vendor, published 2023-10-31)"
    )


def test_a_measurement_also_given_as_measured_elsewhere_is_not_flagged(tmp_path: Path) -> None:
    rows = [
        claim("article", "cybercrime-cost", "8.000 tỷ USD", value="8000000000000", subject="WLD"),
        claim("vendor", "cybercrime-cost", "8.000 tỷ USD", value="8000000000000",
              qualifier="forecast", subject="WLD", source_id="vendor"),
        claim("audit", "cybercrime-cost", "8.000 tỷ USD", value="8000000000000", subject="WLD",
              source_id="audit"),
    ]  # fmt: skip
    kinds = {"vendor": {"kind": "estimate"}, "audit": {"kind": "statistical"}}
    assert findings(build(tmp_path / "p", rows, sources=kinds), "provenance") == []


def test_a_period_not_over_at_publication_is_a_forecast(tmp_path: Path) -> None:
    rows = [claim("early", "online-fraud-reports", "16.000", value="16000", source_id="office")]
    root = build(
        tmp_path / "p", rows, sources={"office": {"kind": "statistical", "published": "2023-10-01"}}
    )
    (found,) = findings(root, "provenance")
    assert (found.code, found.key) == ("forecast-as-measurement", "unfinished-period")
    assert found.message == (
        "early '16.000' describes 2023-01-01..2023-12-31, which had not ended when office was "
        "published (2023-10-01); it is not marked as a forecast"
    )


def test_a_unit_carried_over_from_an_earlier_number(tmp_path: Path) -> None:
    rows = [
        claim("noted", "cybercrime-cost", "10.500 tỷ", value="10500000000000", subject="WLD",
              qualifier="forecast", source_id="ref",
              note="Unit carried over from the preceding 8.000 tỷ USD."),
        claim("unnoted", "gdp", "430 tỷ", value="430000000000", unit="USD", source_id="ref"),
        claim("printed", "gdp", "430 tỷ USD", value="430000000000", unit="USD", source_id="ref",
              period="2022"),
    ]  # fmt: skip
    root = build(tmp_path / "p", rows, sources={"ref": {"kind": "statistical"}})
    found = findings(root, "provenance")
    assert codes(found) == [
        # noted: ordinary Vietnamese, information; unnoted: maybe a capture slip
        ("unit-carried-over", "info", ("noted",)),
        ("unit-carried-over", "warning", ("unnoted",)),
    ]
    messages = sorted(f.message for f in found)
    assert messages == [
        "noted '10.500 tỷ': the number is printed without its unit; USD is carried over from "
        "an earlier number (the capture note says so)",
        "unnoted '430 tỷ': the number is printed without its unit; USD is carried over from "
        "an earlier number ('430 tỷ' prints no currency)",
    ]
