"""The package's own data re-rated by the severity policy (docs/severity.md, issue 16)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.model.finding import Finding
from checks.model.package import load_package
from checks.runner import run_checks

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def found() -> list[Finding]:
    return run_checks(load_package(REPO))


def _about(found: list[Finding], code: str, *claim_ids: str) -> list[Finding]:
    return [f for f in found if f.code == code and set(claim_ids) <= set(f.claim_ids)]


def test_sau_20_nam_against_21_years_is_one_warning_for_both_copies(found: list[Finding]) -> None:
    (finding,) = _about(
        found,
        "duration-mismatch",
        "fm-interview-years-since-previous-convention",
        "ga-adoption-years-since-previous-convention",
    )
    assert finding.severity.value == "warning"
    assert "one statement printed twice" in finding.message


def test_serious_attacks_against_all_incidents_per_year_are_information(
    found: list[Finding],
) -> None:
    (finding,) = _about(
        found, "comparability", "mofa-interview-serious-cyberattacks",
        "press-conference-cyber-incidents",
    )  # fmt: skip
    assert finding.severity.value == "info"


def test_a_currency_left_out_after_the_first_figure_is_information(found: list[Finding]) -> None:
    (finding,) = _about(found, "unit-carried-over", "ga-adoption-cybercrime-cost-2025-forecast")
    assert finding.severity.value == "info"


def test_no_statement_is_reported_twice(found: list[Finding]) -> None:
    copies = [f for f in found if "copies" in f.evidence]
    assert copies, "the package prints the FM's '20 năm' sentence in two articles"
    for finding in copies:
        for group in finding.evidence["copies"]:
            named = [
                f
                for f in found
                if set(group) & set(f.claim_ids)
                and (f.check, f.code, f.key) == (finding.check, finding.code, finding.key)
            ]
            assert named == [finding]  # fmt: skip


def test_the_2024_average_and_the_census_day_do_not_conflict(found: list[Finding]) -> None:
    assert _about(found, "stock-window", "gso-population-2024-average") == []
    assert [
        f for f in found
        if f.check == "conflicts"
        and {"gso-population-2024-average", "gso-population-2024-04-01"} <= set(f.claim_ids)
    ] == []  # fmt: skip


def test_the_implied_population_is_a_warning_against_each_reference_with_its_rate(
    found: list[Finding],
) -> None:
    for inputs in (
        ("mofa-interview-internet-users", "mofa-interview-internet-penetration"),
        ("datareportal-internet-users", "datareportal-internet-penetration"),
    ):
        for reference in ("gso-population-2024-average", "gso-population-2024-04-01"):
            (finding,) = _about(found, "identity-trajectory", *inputs, reference)
            assert finding.severity.value == "warning"
            assert "changes by at most 2.0% a year (declared)" in finding.message
            assert "a change of at least" in finding.message
