"""``claimledger stats``: reported test statistics recomputed, as statcheck does."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from checks.cli import app
from checks.stats.apa import find_results
from checks.stats.recompute import check_result, p_value
from checks.stats.report import check_text

runner = CliRunner()


def _severity(text: str) -> list[str]:
    return [located.severity for located in check_text(text)]


@pytest.mark.parametrize(
    "text",
    [
        "t(28) = 2.20, p = .036",
        "t(28) = -2.20, p = .036",  # a negative t counts by its size
        "F(2, 45) = 3.21, p < .05",
        "r(48) = .35, p = .01",
        "χ2(1, N = 120) = 4.50, p = .034",
        "z = 2.10, p = .036",
        "t(28) = 2.2, p = .04",  # one decimal: the statistic was anything in [2.15, 2.25)
        "t(27,5) = −2,20; p = 0,036",  # Vietnamese decimal commas
        "t(120) = 5.10, p < .001",
    ],
)
def test_a_p_value_the_statistic_gives_is_consistent(text: str) -> None:
    assert _severity(text) == ["ok"]


def test_a_p_value_no_rounding_of_the_statistic_gives_is_an_inconsistency() -> None:
    assert _severity("t(28) = 2.20, p = .03") == ["warning"]
    assert _severity("r(48) = .35, p = .03") == ["warning"]


def test_a_p_value_whose_significance_the_statistic_reverses_is_a_decision_error() -> None:
    assert _severity("F(2, 45) = 2.21, p < .05") == ["error"]  # computed p is .12
    assert _severity("t(28) = 2.20, p = .06") == ["error"]  # computed p is .036
    assert _severity("t(28) = 1.20, p < .001") == ["error"]


def test_a_text_that_says_one_tailed_is_read_with_halved_p_values() -> None:
    assert _severity("t(28) = 2.20, p = .018") == ["warning"]
    (located,) = check_text("We ran one-tailed tests: t(28) = 2.20, p = .018.")
    assert (located.severity, located.verdict.one_tailed) == ("ok", True)


@pytest.mark.parametrize(
    "text",
    [
        "t(28) = 2.20 was large",  # no p value
        "p = .03 overall",  # no statistic
        "F(2) = 3.10, p = .05",  # F has two degrees of freedom
        "t = 2.10, p = .04",  # t needs its degrees of freedom
        "r(40) = 1.30, p = .01",  # no correlation above 1
        "at(28) = 2.20, p = .036",  # inside a word
    ],
)
def test_what_is_not_a_complete_result_is_not_read(text: str) -> None:
    assert list(find_results(text)) == []


@settings(max_examples=200, deadline=None)
@given(
    df=st.integers(min_value=2, max_value=500),
    value=st.floats(min_value=0.05, max_value=6.0),
)
def test_a_result_printed_from_its_own_rounded_statistic_is_always_consistent(
    df: int, value: float
) -> None:
    printed = round(value, 2)
    p = p_value("t", printed, df, None)
    if p < 0.001:
        text = f"t({df}) = {printed:.2f}, p < .001"
    else:
        text = f"t({df}) = {printed:.2f}, p = {p:.3f}".replace("0.", ".", 1)
    (result,) = find_results(text)
    assert check_result(result).consistent, text


def test_the_command_lists_each_result_and_exits_1_on_a_decision_error(tmp_path: Path) -> None:
    paper = tmp_path / "paper.txt"
    paper.write_text("A: t(28) = 2.20, p = .036.\nB: F(2, 45) = 2.21, p < .05.\n", "utf-8")
    before = paper.read_bytes()
    result = runner.invoke(app, ["stats", str(paper)])
    assert result.exit_code == 1
    assert f"error   {paper}:2:4 'F(2, 45) = 2.21, p < .05'" in result.stdout
    assert "1 decision inconsistency, 0 inconsistency, 1 consistent" in result.stdout
    assert paper.read_bytes() == before
    shown = runner.invoke(app, ["stats", str(paper), "--format", "json", "--fail-on", "never"])
    assert shown.exit_code == 0
    rows = json.loads(shown.stdout)
    assert [(r["line"], r["test"], r["severity"]) for r in rows] == [
        (1, "t", "ok"),
        (2, "F", "error"),
    ]
    assert rows[1]["computed_p"][0] == pytest.approx(0.1209, abs=1e-4)


def test_the_command_refuses_an_unreadable_file_with_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("t(28) = 2,20; p = 0,036 café".encode("latin-1"))
    result = runner.invoke(app, ["stats", str(bad)])
    assert result.exit_code == 2
    assert str(bad) in result.stderr and "UTF-8" in result.stderr


@pytest.mark.parametrize(
    ("text", "severity"),
    [
        # a statistic given as a bound allows every p on its side
        ("t(28) < 2.20, p = .03", "warning"),
        ("t(28) > 2.2, p = .08", "error"),
        ("F(1, 30) < 1, p > .05", "ok"),
        # ns / n.s. is p > .05
        ("t(28) = 2.20, ns", "error"),
        ("t(28) = 1.20, n.s.", "ok"),
        # a p bound above .05 takes no side of .05: consistent when some p is below it
        ("t(28) = 2.2, p < .08", "ok"),
        # a p that rounds from the computed range is no decision error, even at .05
        ("t(28) = 2.03, p = .05", "ok"),
        # a p value is never zero
        ("t(28) = 22.20, p = .000", "warning"),
        # Q tests are distributed as chi-square
        ("Q(2) = 2.20, p = .33", "ok"),
        ("Qw(2) = 2.20, p = .03", "error"),
        # n or N in the brackets of chi-square; a thousands separator in the statistic
        ("chi2(1, n = 81) = 3.25, p = 0.07", "ok"),
        ("t(28) = 2,000.20, p < .001", "ok"),
    ],
)
def test_statcheck_conventions_are_read_as_statcheck_reads_them(text: str, severity: str) -> None:
    (found,) = check_text(text)
    assert found.severity == severity


def test_a_comma_between_degrees_of_freedom_of_a_t_test_is_not_a_result() -> None:
    """``t(2,28)``: a decimal comma only when the result prints one elsewhere too."""
    assert check_text("t(2,28) = 2.20, p = .03") == []
    assert [r.verdict.reported.df1 for r in check_text("t(27,5) = 2,20; p = 0,036")] == [27.5]
