"""Graded verdicts: an error when no reading agrees, a warning when figures agree only at
the edges of their hedges or stay below a rule's declared error gap, nothing when they
agree (docs/severity.md)."""

from __future__ import annotations

from pathlib import Path

from checks.model.finding import Finding
from tests.claim_packages import claim, findings, rule
from tests.verdict_packages import build_graded

STAT = {"ref": {"kind": "statistical"}}


def _only(found: list[Finding], code: str) -> list[Finding]:
    return [f for f in found if f.code == code]


def test_two_hedged_figures_19_percent_apart_are_a_warning_naming_the_gap(
    tmp_path: Path,
) -> None:
    rows = [
        claim("estimate", "online-fraud-reports", "ước tính 9.500", value="9500",
              qualifier="approx"),
        claim("about", "online-fraud-reports", "khoảng 8.000", value="8000", qualifier="approx",
              source_id="ref"),
    ]  # fmt: skip
    (found,) = findings(build_graded(tmp_path / "p", rows, sources=STAT), "conflicts")
    assert (found.severity.value, set(found.claim_ids)) == ("warning", {"estimate", "about"})
    assert "the printed figures differ by 19%" in found.message
    assert "both figures are hedged estimates" in found.message


def test_two_hedged_figures_close_together_raise_nothing(tmp_path: Path) -> None:
    rows = [
        claim("estimate", "online-fraud-reports", "ước tính 8.100", value="8100",
              qualifier="approx"),
        claim("about", "online-fraud-reports", "khoảng 8.000", value="8000", qualifier="approx",
              source_id="ref"),
    ]  # fmt: skip
    assert findings(build_graded(tmp_path / "p", rows, sources=STAT), "conflicts") == []


def test_hedged_figures_that_overlap_only_at_their_edges_are_a_warning(tmp_path: Path) -> None:
    rows = [
        claim("over", "online-fraud-reports", "hơn 8.000", value="8000", qualifier="more_than"),
        claim("about", "online-fraud-reports", "khoảng 9.000", value="9000", qualifier="approx",
              source_id="ref"),
    ]  # fmt: skip
    (found,) = findings(build_graded(tmp_path / "p", rows, sources=STAT), "conflicts")
    assert (found.code, found.severity.value) == ("hedged-divergence", "warning")
    assert "agree only at the edges of their hedges" in found.message
    assert "more than the declared 5.0%" in found.message


SHARE_RULE = rule(
    "share-of-gdp",
    "identity",
    "[online-fraud-losses-share-of-gdp] = [online-fraud-losses] / [gdp]",
    unit="percent",
)


def _share_package(root: Path, share: str, value: str) -> Path:
    rows = [
        claim("losses", "online-fraud-losses", "390.000 tỷ đồng", value="390000000000000"),
        claim("gdp", "gdp", "ước đạt 10.221,8 nghìn tỷ đồng", value="10221800000000000",
              qualifier="approx", source_id="ref"),
        claim("share", "online-fraud-losses-share-of-gdp", share, value=value, unit="percent"),
    ]  # fmt: skip
    return build_graded(root, rows, [SHARE_RULE], sources=STAT)


def test_a_precise_share_of_gdp_off_by_two_tenths_of_a_point_is_raised(tmp_path: Path) -> None:
    """390.000 tỷ of 10.221,8 nghìn tỷ is 3.82%; a GDP printed to five figures with 'ước đạt'
    no longer stretches by 10%, so 3,6% cannot be read into it."""
    found = _only(findings(_share_package(tmp_path / "p", "3,6%", "3.6"), "arithmetic"),
                  "identity-mismatch")  # fmt: skip
    assert [f.severity.value for f in found] == ["error"]
    assert "share" in found[0].claim_ids


def test_a_precise_share_of_gdp_that_matches_is_not_raised(tmp_path: Path) -> None:
    found = findings(_share_package(tmp_path / "p", "3,8%", "3.8"), "arithmetic")
    assert _only(found, "identity-mismatch") == []


IDENTITY = rule(
    "users-population",
    "identity",
    "[population] = [internet-users] / [internet-penetration]",
    severity="warning",
    error_gap="0.05",
)


def _identity_package(root: Path, population: str, value: str) -> Path:
    rows = [
        claim("users", "internet-users", "78,44 triệu", value="78440000", period="2024-01-01"),
        claim("rate", "internet-penetration", "79,1%", value="79.1", period="2024-01-01"),
        claim("pop", "population", population, value=value, period="2024-01-01",
              source_id="ref"),
    ]  # fmt: skip
    return build_graded(root, rows, [IDENTITY], sources=STAT)


def test_an_identity_13_percent_off_is_an_error_beyond_the_declared_gap(tmp_path: Path) -> None:
    found = findings(_identity_package(tmp_path / "p", "112,1 triệu", "112100000"), "arithmetic")
    (mismatch,) = _only(found, "identity-mismatch")
    assert mismatch.severity.value == "error"
    assert "at or beyond the declared error gap of 5.0%" in mismatch.message


def test_an_identity_1_percent_off_is_a_warning_below_the_declared_gap(tmp_path: Path) -> None:
    found = findings(_identity_package(tmp_path / "p", "100,2 triệu", "100200000"), "arithmetic")
    (mismatch,) = _only(found, "identity-mismatch")
    assert mismatch.severity.value == "warning"
    assert "below the declared error gap of 5.0%" in mismatch.message


def test_an_identity_that_holds_raises_nothing(tmp_path: Path) -> None:
    found = findings(_identity_package(tmp_path / "p", "99,17 triệu", "99170000"), "arithmetic")
    assert _only(found, "identity-mismatch") == []


DURATION = rule(
    "years-since",
    "duration",
    "[partnership-years] = years([claim:start], end([partnership-years]))",
)


def _duration_package(root: Path, start: str) -> Path:
    rows = [
        claim("years", "partnership-years", "20 năm", value="20", subject="WLD",
              period=f"{start}..2024-12-24"),
        claim("start", "membership", period=start, subject="WLD", source_id="ref"),
    ]  # fmt: skip
    return build_graded(root, rows, [DURATION], sources=STAT)


def test_a_round_duration_a_year_short_is_a_warning_not_an_error(tmp_path: Path) -> None:
    """'sau 20 năm' for 21.1 years: 20 is round, so its halo reaches 22, but as printed
    (19.5 to 20.5) it is 3.2% short: it agrees only through the halo."""
    found = findings(_duration_package(tmp_path / "p", "2003-10-31"), "temporal")
    (mismatch,) = _only(found, "duration-mismatch")
    assert mismatch.severity.value == "warning"
    assert "agree only through the halo of a round number" in mismatch.message
    assert "as printed they differ by 3.2%" in mismatch.message


def test_a_round_duration_that_fits_raises_nothing(tmp_path: Path) -> None:
    found = findings(_duration_package(tmp_path / "p", "2004-12-24"), "temporal")
    assert _only(found, "duration-mismatch") == []


def test_a_round_duration_far_from_its_dates_is_an_error(tmp_path: Path) -> None:
    found = findings(_duration_package(tmp_path / "p", "1994-12-24"), "temporal")
    assert [f.severity.value for f in _only(found, "duration-mismatch")] == ["error"]


def test_two_bare_round_figures_5_percent_apart_are_a_warning_not_silence(
    tmp_path: Path,
) -> None:
    """Their halos overlap, so not an error; bare figures carry no hedge, so a difference
    beyond their printed precision is not silent."""
    rows = [
        claim("a", "online-fraud-reports", "100.000", value="100000"),
        claim("b", "online-fraud-reports", "105.000", value="105000", source_id="ref"),
    ]
    (found,) = findings(build_graded(tmp_path / "p", rows, sources=STAT), "conflicts")
    assert (found.code, found.severity.value) == ("hedged-divergence", "warning")
