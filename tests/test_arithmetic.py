"""arithmetic: identity, ratio-bound, growth and cagr rules, each passing and failing on a
small package, and the findings the package's own data must show."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.model.finding import Finding
from checks.model.package import load_package
from checks.runner import run_checks
from tests.claim_packages import build, claim, findings, rule

REPO = Path(__file__).resolve().parents[1]
REF = {"ref": {"kind": "statistical"}}

IDENTITY = rule(
    "users-identity",
    "identity",
    "[population] = [internet-users] / [internet-penetration]",
    severity="warning",
)


def internet(population: str, value: str, period: str = "2024-01-01") -> list[dict[str, str]]:
    return [
        claim("users", "internet-users", "78,44 triệu", period="2024-01-01", value="78440000"),
        claim("share", "internet-penetration", "79,1%", period="2024-01-01", value="79.1"),
        claim("pop", "population", population, period=period, value=value, source_id="ref"),
    ]


def test_identity_holds_when_the_implied_population_can_equal_the_claim(tmp_path: Path) -> None:
    root = build(tmp_path / "p", internet("99,19 triệu", "99190000"), [IDENTITY], REF)
    assert findings(root, "arithmetic") == []


def test_identity_mismatch_shows_both_intervals_and_the_relative_difference(
    tmp_path: Path,
) -> None:
    root = build(tmp_path / "p", internet("101,3 triệu", "101300000"), [IDENTITY], REF)
    (found,) = findings(root, "arithmetic")
    assert (found.code, found.severity.value, found.claim_ids, found.key) == (
        "identity-mismatch",
        "warning",
        ("users", "share", "pop"),
        "users-identity",
    )
    assert found.message == (
        "users-identity: the population implied by users, share, [99.096, 99.235] million "
        "person, cannot equal pop '101,3 triệu' [101.25, 101.35] million person: +2.2%, "
        "relative gap 1.99%; no reading agrees; the printed figures differ by 2.0%"
    )
    (row,) = found.evidence["comparisons"]
    assert (row["claim_id"], row["lo"], row["hi"], row["agrees"]) == (
        "pop",
        101_250_000.0,
        101_350_000.0,
        False,
    )
    assert round(row["relative_difference"], 4) == 0.0215
    implied = found.evidence["intervals"][0]
    assert implied["claim_id"] is None and implied["unit"] == "person"
    assert round(implied["lo"]) == 99_096_652 and round(implied["hi"]) == 99_234_662
    assert found.evidence["steps"][:4] == [
        "[internet-users] ← users ('78,44 triệu', exact, 2024-01-01) = [78.435, 78.445] "
        "million person",
        "[internet-penetration] ← share ('79,1%', exact, 2024-01-01) = [79.05, 79.15] percent",
        "[internet-users] / [internet-penetration] = [990,960, 992,350] person/percent",
        "in person: [99.096, 99.235] million person",
    ]


def test_identity_lists_other_periods_for_reference_without_a_finding(tmp_path: Path) -> None:
    root = build(tmp_path / "p", internet("100,3 triệu", "100300000", "2023"), [IDENTITY], REF)
    (found,) = findings(root, "arithmetic")
    assert (found.code, found.severity.value) == ("implied-value", "info")
    (row,) = found.evidence["comparisons"]
    assert (row["claim_id"], row["comparable_period"], row["agrees"]) == ("pop", False, False)


PER_REPORT = rule(
    "per-report",
    "ratio-bound",
    "[online-fraud-losses] / [online-fraud-reports]",
    maximum="1000000000",
    unit="VND/report",
    severity="warning",
)


def fraud(losses: str, value: str) -> list[dict[str, str]]:
    return [
        claim("losses", "online-fraud-losses", losses, value=value),
        claim("reports", "online-fraud-reports", "gần 16.000", value="16000", qualifier="nearly"),
        claim("rate", "exchange-rate-usd-vnd", "24.426", value="24426", qualifier="approx",
              source_id="ref"),
    ]  # fmt: skip


def test_ratio_within_its_bound_is_silent(tmp_path: Path) -> None:
    root = build(tmp_path / "p", fraud("3.900 tỷ đồng", "3900000000000"), [PER_REPORT], REF)
    assert findings(root, "arithmetic") == []


def test_ratio_beyond_its_bound_shows_vnd_and_usd_per_report(tmp_path: Path) -> None:
    root = build(tmp_path / "p", fraud("390.000 tỷ đồng", "390000000000000"), [PER_REPORT], REF)
    (found,) = findings(root, "arithmetic")
    assert (found.code, found.severity.value, found.claim_ids) == (
        "ratio-out-of-bounds",
        "warning",
        ("losses", "reports"),
    )
    assert found.message == (
        "per-report: [online-fraud-losses] / [online-fraud-reports] = [24.06, 27.44] billion "
        "VND/report (= [0.985, 1.124] million USD/report through rate '24.426' VND/USD "
        "(2023-01-01..2023-12-31)) is above the maximum 1,000,000,000 VND/report for every "
        "reading of '390.000 tỷ đồng', 'gần 16.000'"
    )
    (usd,) = found.evidence["converted"]
    assert (usd["via"], usd["unit"]) == ("rate", "USD/report")
    assert found.evidence["rule"]["rationale"] == "test rule per-report"


def test_ratio_bound_with_a_minimum(tmp_path: Path) -> None:
    low = rule("min", "ratio-bound", "[online-fraud-losses] / [online-fraud-reports]",
               minimum="1000000", unit="VND/report")  # fmt: skip
    root = build(tmp_path / "p", fraud("1 tỷ đồng", "1000000000"), [low], REF)
    (found,) = findings(root, "arithmetic")
    assert "is below the minimum 1,000,000 VND/report" in found.message
    assert found.severity.value == "error"


GROWTH = rule(
    "growth",
    "growth",
    "[online-fraud-losses-growth] = growth([online-fraud-losses], [online-fraud-losses@previous])",
)


def losses(rate: str, with_base: bool = True) -> list[dict[str, str]]:
    rows = [
        claim("rate", "online-fraud-losses-growth", rate, value=rate.rstrip("%").replace(",", ".")),
        claim("now", "online-fraud-losses", "150 tỷ đồng", value="150000000000"),
    ]
    if with_base:
        rows.append(
            claim("base", "online-fraud-losses", "100 tỷ đồng", value="100000000000", period="2022")
        )
    return rows


def test_growth_rate_that_follows_from_the_levels_passes(tmp_path: Path) -> None:
    root = build(tmp_path / "p", losses("50%"), [GROWTH])
    assert findings(root, "arithmetic") == []


def test_growth_rate_that_the_levels_cannot_give_fails(tmp_path: Path) -> None:
    root = build(tmp_path / "p", losses("90%"), [GROWTH])
    (found,) = findings(root, "arithmetic")
    assert (found.code, found.severity.value, found.claim_ids) == (
        "growth-mismatch",
        "error",
        ("rate", "now", "base"),
    )
    assert found.message == (
        "growth: rate states '90%' [85, 95] percent, but the levels give [31.81, 72.23] "
        "percent; no reading agrees; the printed figures differ by 76%"
    )


def test_growth_rate_that_only_round_level_halos_allow_is_a_warning(tmp_path: Path) -> None:
    """150 and 100 tỷ are round: read as rounded they allow 60%, as printed only 50%."""
    root = build(tmp_path / "p", losses("60%"), [GROWTH])
    (found,) = findings(root, "arithmetic")
    assert (found.code, found.severity.value) == ("growth-mismatch", "warning")
    assert "they agree only through the halo of a round number" in found.message


def test_growth_with_one_level_missing_derives_it(tmp_path: Path) -> None:
    root = build(tmp_path / "p", losses("50%", with_base=False), [GROWTH])
    (found,) = findings(root, "arithmetic")
    assert (found.code, found.severity.value, found.claim_ids) == (
        "implied-value",
        "info",
        ("rate", "now"),
    )
    assert found.message == (
        "growth: rate, now imply online fraud losses of [93.5, 106.9] billion VND for VNM "
        "in 2022-01-01..2022-12-31; the package has no claim for that period"
    )
    assert found.evidence["implied"]["period"] == "2022-01-01..2022-12-31"


CAGR = rule("cagr", "cagr", "[cybercrime-cost-growth] = cagr([cybercrime-cost])")


def costs(rate: str) -> list[dict[str, str]]:
    return [
        claim("rate", "cybercrime-cost-growth", f"{rate} percent", value=rate, subject="WLD",
              period="2023-01-01..2025-12-31", source_id="vendor"),
        claim("c2023", "cybercrime-cost", "8.000 tỷ USD", value="8000000000000", subject="WLD"),
        claim("c2025", "cybercrime-cost", "10.500 tỷ USD", value="10500000000000",
              subject="WLD", period="2025"),
    ]  # fmt: skip


def test_cagr_that_agrees_is_reported_as_information(tmp_path: Path) -> None:
    root = build(tmp_path / "p", costs("15"), [CAGR], {"vendor": {"kind": "estimate"}})
    (found,) = findings(root, "arithmetic")
    assert (found.code, found.severity.value, found.claim_ids) == (
        "cagr-agrees",
        "info",
        ("rate", "c2023", "c2025"),
    )
    # bare round levels are read with their halo; the printed figures are shown too
    assert found.message == (
        "cagr: '8.000 tỷ USD' (2023) → '10.500 tỷ USD' (2025) implies [10.87, 18.61] "
        "percent per year ([14.55808, 14.57071] percent at the printed figures), which agrees "
        "with rate '15 percent' [14.5, 15.5] percent"
    )


def test_cagr_that_cannot_agree_fails(tmp_path: Path) -> None:
    root = build(tmp_path / "p", costs("30"), [CAGR], {"vendor": {"kind": "estimate"}})
    (found,) = findings(root, "arithmetic")
    assert (found.code, found.severity.value) == ("cagr-mismatch", "error")
    assert "which cannot equal rate '30 percent' [27, 33] percent" in found.message


@pytest.fixture(scope="module")
def own() -> list[Finding]:
    return run_checks(load_package(REPO), ["arithmetic"])


def _one(found: list[Finding], code: str, *claims: str) -> Finding:
    hits = [f for f in found if f.code == code and set(claims) <= set(f.claim_ids)]
    assert len(hits) == 1, [(f.code, f.claim_ids) for f in found]
    return hits[0]


def test_own_data_implied_population_against_each_reference(own: list[Finding]) -> None:
    # population declares at most 2% a year: the 2024 average is compared through it
    found = _one(
        own, "identity-trajectory", "mofa-interview-internet-users", "gso-population-2024-average"
    )
    rows = {r["claim_id"]: r for r in found.evidence["comparisons"]}
    assert set(rows) == {
        "datareportal-population",
        "gso-population-2023",
        "gso-population-2024-average",
        "gso-population-2024-04-01",
    }
    assert rows["datareportal-population"]["agrees"] is True
    assert rows["gso-population-2024-average"]["agrees"] is False
    assert round(rows["gso-population-2024-04-01"]["relative_difference"], 3) == 0.020


def test_own_data_losses_per_report_in_vnd_and_usd(own: list[Finding]) -> None:
    found = _one(own, "ratio-out-of-bounds", "mofa-interview-online-fraud-losses")
    assert "[24.06, 27.44] billion VND/report" in found.message
    assert "[0.985, 1.124] million USD/report through gso-usd-free-market-2023" in found.message


def test_own_data_cagr_of_the_article_against_the_vendor_rate(own: list[Finding]) -> None:
    found = _one(
        own,
        "cagr-agrees",
        "almanac-cybercrime-cost-growth",
        "ga-adoption-cybercrime-cost-2023",
        "ga-adoption-cybercrime-cost-2025-forecast",
    )
    assert found.message == (
        "cybercrime-cost-cagr: 'khoảng 8.000 tỷ USD' (2023) → '10.500 tỷ' (2025) implies "
        "[6.6, 23.61] percent per year ([14.55808, 14.57071] percent at the printed "
        "figures), which agrees with almanac-cybercrime-cost-growth '15 percent' "
        "[14, 16] percent"
    )
