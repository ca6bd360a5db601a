"""conflicts: same measure with intervals that cannot overlap, flows over nested periods,
same-family counts normalised per year, containment rules, currencies through a rate."""

from __future__ import annotations

from pathlib import Path

from checks.model.package import load_package
from checks.runner import run_checks
from tests.claim_packages import build, claim, codes, findings, rule

REPO = Path(__file__).resolve().parents[1]
STAT = {"ref": {"kind": "statistical"}}


def test_same_period_figures_that_can_agree_are_silent(tmp_path: Path) -> None:
    rows = [
        claim("a", "online-fraud-reports", "gần 16.000", value="16000", qualifier="nearly"),
        claim("b", "online-fraud-reports", "15.500", value="15500", source_id="ref"),
    ]
    assert findings(build(tmp_path / "p", rows, sources=STAT), "conflicts") == []


def test_same_period_figures_that_cannot_agree_are_an_error(tmp_path: Path) -> None:
    rows = [
        claim("a", "online-fraud-reports", "gần 16.000", value="16000", qualifier="nearly"),
        claim("b", "online-fraud-reports", "12.000", value="12000", source_id="ref"),
    ]
    (found,) = findings(build(tmp_path / "p", rows, sources=STAT), "conflicts")
    assert (found.code, found.severity.value, found.key) == ("conflict", "error", "same-period")
    assert set(found.claim_ids) == {"a", "b"}
    assert found.message == (
        "b '12.000' [11,500, 12,500] report and a 'gần 16.000' [14,400, 16,000] report "
        "give the online fraud reports of VNM for 2023-01-01..2023-12-31; no reading agrees; "
        "the printed figures differ by 33% (+26.7%, relative gap 12.50%)"
    )
    assert [i["claim_id"] for i in found.evidence["intervals"]] == ["b", "a"]


def test_a_forecast_that_disagrees_is_a_warning(tmp_path: Path) -> None:
    rows = [
        claim("measured", "cybercrime-cost", "8.000 tỷ USD", value="8000000000000", subject="WLD"),
        claim("forecast", "cybercrime-cost", "12.000 tỷ USD", value="12000000000000",
              subject="WLD", qualifier="forecast", source_id="ref"),
    ]  # fmt: skip
    (found,) = findings(build(tmp_path / "p", rows, sources=STAT), "conflicts")
    assert (found.code, found.severity.value) == ("forecast-disagrees", "warning")


def test_two_dates_of_one_event_indicator_are_not_a_conflict(tmp_path: Path) -> None:
    """An event indicator may recur (a yearly drill), so dates are the temporal check's."""
    rows = [
        claim("day", "adoption", period="2024-12-24", subject="WLD"),
        claim("other", "adoption", period="2023-12-24", subject="WLD", source_id="ref"),
    ]
    assert findings(build(tmp_path / "p", rows, sources=STAT), "conflicts") == []


def test_an_instant_inside_a_stock_window_is_compared_as_a_warning(tmp_path: Path) -> None:
    rows = [
        claim("average", "population", "101,3 triệu", value="101300000", period="2024"),
        claim("census", "population", "101.112.656", value="101112656", period="2024-04-01"),
        claim("january", "population", "99,19 triệu", value="99190000", period="2023-06-01"),
    ]
    found = findings(build(tmp_path / "p", rows), "conflicts")
    assert codes(found) == [("stock-window", "warning", ("average", "census"))]


def test_a_flow_over_a_period_inside_another_cannot_exceed_it(tmp_path: Path) -> None:
    rows = [
        claim("year", "online-fraud-reports", "16.000", value="16000", period="2023"),
        claim("half", "online-fraud-reports", "9.000", value="9000",
              period="2023-01-01..2023-06-30"),
        claim("month", "online-fraud-reports", "20.000", value="20000",
              period="2023-03-01..2023-03-31"),
    ]  # fmt: skip
    found = findings(build(tmp_path / "p", rows), "conflicts")
    assert codes(found) == [
        ("containment", "error", ("half", "month")),
        ("containment", "error", ("month", "year")),
    ]
    month = next(f for f in found if "year" in f.claim_ids)
    assert month.claim_ids == ("month", "year")
    assert month.message == (
        "month counts [18,000, 22,000] report over 2023-03-01..2023-03-31, more than year "
        "[15,500, 16,500] report over 2023-01-01..2023-12-31, which contains it"
    )


def test_same_family_counts_are_a_comparability_warning_normalised_per_year(
    tmp_path: Path,
) -> None:
    rows = [
        claim("serious", "cyberattacks-serious", "hơn 13.750", value="13750",
              qualifier="more_than", period="2023-01-01..2024-08-08", speaker="A"),
        claim("all", "cyber-incidents", "hơn 100 nghìn", value="100000", qualifier="more_than",
              period="2024-10-08..2025-10-08", speaker="B", source_id="other"),
    ]  # fmt: skip
    (found,) = findings(build(tmp_path / "p", rows), "conflicts")
    assert (found.code, found.severity.value, found.claim_ids, found.key) == (
        "comparability",
        "warning",
        ("serious", "all"),
        "family:cyber-incidents",
    )
    assert found.message == (
        "serious 'hơn 13.750' attack over 2023-01-01..2024-08-08 and all 'hơn 100 nghìn' "
        "incident over 2024-10-08..2025-10-08 are not the same measure (different "
        "definition, different period, different speaker); per year: [8,573.2, 8,604.5] "
        "attack/year vs [99,700, 124,800] incident/year; per year one is at least 11.6 times "
        "the other, more than the family's factor 10 (cyberattacks-serious: Definition of "
        "cyberattacks-serious.; cyber-incidents: Definition of cyber-incidents.)"
    )
    assert [r.split(":")[0] for r in found.evidence["reasons"]] == [
        "different definition",
        "different period",
        "different speaker",
    ]


def test_same_indicator_in_consecutive_years_is_not_a_comparability_issue(tmp_path: Path) -> None:
    rows = [
        claim("y1", "online-fraud-reports", "16.000", value="16000", period="2023"),
        claim("y2", "online-fraud-reports", "20.000", value="20000", period="2024"),
    ]
    assert findings(build(tmp_path / "p", rows), "conflicts") == []


def test_money_in_another_currency_is_compared_through_the_exchange_rate(tmp_path: Path) -> None:
    def gdp(usd: str, value: str) -> list[dict[str, str]]:
        return [
            claim("vnd", "gdp", "10.221,8 nghìn tỷ đồng", value="10221800000000000",
                  source_id="ref"),
            claim("usd", "gdp", usd, value=value, unit="USD", source_id="ref"),
            claim("rate", "exchange-rate-usd-vnd", "24.426", value="24426", source_id="ref"),
        ]  # fmt: skip

    assert findings(build(tmp_path / "ok", gdp("418 tỷ USD", "418000000000"), sources=STAT),
                    "conflicts") == []  # fmt: skip
    (found,) = findings(
        build(tmp_path / "bad", gdp("300 tỷ USD", "300000000000"), sources=STAT), "conflicts"
    )
    assert (found.code, found.claim_ids) == ("conflict", ("usd", "vnd", "rate"))
    assert found.evidence["steps"][0] == (
        "usd is in USD; converted to VND through rate '24.426' VND/USD (2023-01-01..2023-12-31)"
    )


CONTAINS = rule(
    "subset", "containment", "count([cyberattacks-serious]) <= count([cyber-incidents])"
)


def test_containment_rule_between_indicators(tmp_path: Path) -> None:
    def rows(serious: str) -> list[dict[str, str]]:
        return [
            claim("serious", "cyberattacks-serious", serious, value=serious.replace(".", ""),
                  period="2024-01-01..2024-06-30"),
            claim("all", "cyber-incidents", "10.000", value="10000", period="2024"),
        ]  # fmt: skip

    ok = findings(build(tmp_path / "ok", rows("5.000"), [CONTAINS]), "conflicts")
    assert [f.code for f in ok] == ["comparability"]
    bad = findings(build(tmp_path / "bad", rows("50.000"), [CONTAINS]), "conflicts")
    found = [f for f in bad if f.code != "comparability"]
    assert codes(found) == [("containment-violated", "error", ("all", "serious"))]
    assert found[0].message == (
        "subset: serious counts [45,000, 55,000] over 2024-01-01..2024-06-30, more than "
        "all [9,000, 11,000] over 2024-01-01..2024-12-31, which contains it"
    )


def test_own_data_serious_attacks_against_incidents_is_comparability_information() -> None:
    """Serious attacks are a part of all incidents (a containment rule says so), and per
    year there are fewer of them: different measures, compatible (issue 16)."""
    found = run_checks(load_package(REPO), ["conflicts"])
    pair = {"mofa-interview-serious-cyberattacks", "press-conference-cyber-incidents"}
    hits = [f for f in found if set(f.claim_ids) == pair]
    assert [(f.code, f.severity.value) for f in hits] == [("comparability", "info")]
    assert (
        "per year: [8,573.2, 8,604.5] attack/year vs [99,700, 124,800] incident/year"
        in hits[0].message
    )


def test_an_order_of_magnitude_in_words_conflicts_with_a_figure_below_it(tmp_path: Path) -> None:
    """``hàng triệu`` (millions) is a range from one to a thousand million: 16,000 reports
    cannot be it; tens of thousands can be 16,000's neighbour 50,000 but not 16,000."""
    rows = [
        claim("vague", "online-fraud-reports", "hàng triệu", value="1000000", qualifier="range"),
        claim("figure", "online-fraud-reports", "16.000", value="16000", source_id="ref"),
    ]
    package = build(tmp_path / "p", rows, sources=STAT)
    # the vague claim reads as its own range: nothing to say about its citation
    assert [f for f in findings(package, "citation") if "vague" in f.claim_ids] == []
    (found,) = findings(package, "conflicts")
    assert (found.code, found.severity.value) == ("conflict", "error")
    assert set(found.claim_ids) == {"vague", "figure"}


def test_an_order_of_magnitude_in_words_agrees_with_a_figure_inside_it(tmp_path: Path) -> None:
    rows = [
        claim("vague", "online-fraud-reports", "hàng chục nghìn", value="16000", qualifier="range"),
        claim("figure", "online-fraud-reports", "16.000", value="16000", source_id="ref"),
    ]
    assert findings(build(tmp_path / "p", rows, sources=STAT), "conflicts") == []
