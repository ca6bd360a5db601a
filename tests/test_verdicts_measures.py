"""Measures: levels at different dates are compared through the indicator's declared rate of
change (a trajectory), and an instant inside an average's period is not compared as equal."""

from __future__ import annotations

from pathlib import Path

from tests.claim_packages import claim, codes, findings
from tests.verdict_packages import build_graded

TWO_PERCENT = {"population": {"measure": "point", "max_change_per_year": "0.02"}}


def test_a_stock_moving_10_percent_in_a_year_when_2_percent_is_plausible_is_raised(
    tmp_path: Path,
) -> None:
    rows = [
        claim("early", "population", "90,0 triệu", value="90000000", period="2023-01-01"),
        claim("late", "population", "99,0 triệu", value="99000000", period="2024-01-01",
              source_id="ref"),
    ]  # fmt: skip
    root = build_graded(tmp_path / "p", rows, indicators=TWO_PERCENT)
    (found,) = findings(root, "conflicts")
    assert (found.code, found.severity.value) == ("trajectory", "warning")
    assert found.claim_ids == ("early", "late")
    assert "at least 9.9% a year" in found.message
    assert "declares at most 2.0% a year" in found.message


def test_a_stock_moving_1_percent_in_a_year_is_not_raised(tmp_path: Path) -> None:
    rows = [
        claim("early", "population", "99,0 triệu", value="99000000", period="2023-01-01"),
        claim("late", "population", "100,0 triệu", value="100000000", period="2024-01-01",
              source_id="ref"),
    ]  # fmt: skip
    assert findings(build_graded(tmp_path / "p", rows, indicators=TWO_PERCENT), "conflicts") == []


def test_without_a_declared_rate_levels_at_different_dates_are_not_compared(
    tmp_path: Path,
) -> None:
    rows = [
        claim("early", "population", "90,0 triệu", value="90000000", period="2023-01-01"),
        claim("late", "population", "99,0 triệu", value="99000000", period="2024-01-01"),
    ]
    assert findings(build_graded(tmp_path / "p", rows), "conflicts") == []


def _average_and_census(root: Path, census: str, value: str, declared: bool) -> Path:
    rows = [
        claim("average", "population", "101,3 triệu", value="101300000", period="2024"),
        claim("census", "population", census, value=value, period="2024-04-01"),
    ]
    return build_graded(root, rows, indicators=TWO_PERCENT if declared else None)


def test_a_census_day_inside_the_average_year_is_compared_through_the_rate(
    tmp_path: Path,
) -> None:
    """The 2024 average (101,3 triệu) and the 1 April 2024 count (101.112.656) differ by
    0.2%: ordinary growth within three quarters of a year, not a conflict."""
    root = _average_and_census(tmp_path / "p", "101.112.656", "101112656", declared=True)
    assert findings(root, "conflicts") == []


def test_a_census_day_too_far_from_the_average_is_a_trajectory_warning(tmp_path: Path) -> None:
    root = _average_and_census(tmp_path / "p", "95.000.000", "95000000", declared=True)
    assert codes(findings(root, "conflicts")) == [("trajectory", "warning", ("average", "census"))]


def test_without_a_rate_an_instant_inside_a_window_stays_a_stock_window_warning(
    tmp_path: Path,
) -> None:
    root = _average_and_census(tmp_path / "p", "101.112.656", "101112656", declared=False)
    assert codes(findings(root, "conflicts")) == [
        ("stock-window", "warning", ("average", "census"))
    ]
