"""findings.junit.xml: junitparser reads one case per claim and per check, with right counts."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from junitparser import Failure, JUnitXml, TestSuite

from checks.model.finding import Finding, Severity
from checks.report.result import CheckResult
from checks.service import check_package, write_reports
from tests.conftest import REPO
from tests.helpers import edit_row
from tests.package_edits import write_waivers

TODAY = date(2026, 6, 1)
CHECKS = ["schema", "citation"]  # the checks these tests provoke; others may add findings
CLAIMS = ["city-users", "city-penetration", "city-fraud-reports", "city-fraud-losses"]
ALL_CLAIMS = [*CLAIMS, "city-population"]


def parse(result: CheckResult, tmp_path: Path) -> dict[str, TestSuite]:
    (path,) = write_reports(result, tmp_path / "out", ["junit"])
    assert path.name == "findings.junit.xml"
    xml = JUnitXml.fromfile(str(path))
    return {suite.name: suite for suite in xml}


def failures(suite: TestSuite) -> dict[str, list[Failure]]:
    return {case.name: [r for r in case.result if isinstance(r, Failure)] for case in suite}


def test_every_claim_is_a_case_and_claims_with_findings_fail(mini: Path, tmp_path: Path) -> None:
    claims = mini / "datapackage/claims.csv"
    edit_row(claims, "claim_id", "city-users", value="1520000")
    edit_row(claims, "claim_id", "city-penetration", value="99")
    with (mini / "sources/test-reference.txt").open("a", encoding="utf-8") as fh:
        fh.write("Thêm.\n")
    result = check_package(mini, CHECKS, today=TODAY)
    suites = parse(result, tmp_path)
    assert sorted(suites) == ["checks", "claims"]
    claims_suite = suites["claims"]
    assert [case.name for case in claims_suite] == ALL_CLAIMS
    assert (claims_suite.tests, claims_suite.failures, claims_suite.errors) == (5, 2, 0)
    failed = failures(claims_suite)
    assert {name for name, f in failed.items() if f} == {"city-users", "city-penetration"}
    (users,) = failed["city-users"]
    (finding,) = [f for f in result.findings if f.claim_ids == ("city-users",)]
    assert users.message == finding.message
    assert users.type == "citation/value-mismatch"
    assert finding.message in users.text
    assert f"citation/value-mismatch {finding.fingerprint} at datapackage/claims.csv:2" in (
        users.text
    )
    checks_suite = suites["checks"]
    assert [case.name for case in checks_suite] == list(result.checks)
    assert (checks_suite.tests, checks_suite.failures) == (len(result.checks), 1)
    (sha,) = failures(checks_suite)["citation"]
    assert sha.type == "citation/sha256-mismatch"
    assert "sources/test-reference.txt" in sha.text


def test_waived_finding_passes_and_is_listed_in_system_out(mini: Path, tmp_path: Path) -> None:
    edit_row(mini / "datapackage/claims.csv", "claim_id", "city-users", value="1520000")
    (target,) = check_package(mini, CHECKS, today=TODAY).findings
    write_waivers(mini, (target.fingerprint, "as printed", "an editor", "2027-01-01"))
    suites = parse(check_package(mini, CHECKS, today=TODAY), tmp_path)
    assert (suites["claims"].tests, suites["claims"].failures) == (5, 0)
    (case,) = [c for c in suites["claims"] if c.name == "city-users"]
    assert case.is_passed
    assert case.system_out.startswith("waived by an editor: [error] citation/value-mismatch")


def test_a_claim_with_several_findings_fails_once_with_all_messages(tmp_path: Path) -> None:
    findings = [
        Finding("citation", "value-mismatch", Severity.ERROR, ("a",), "first problem"),
        Finding("conflicts", "disjoint", Severity.WARNING, ("a", "b"), "second problem"),
    ]
    result = CheckResult(
        "p", findings, None, {"citation": "C", "conflicts": "K"}, fail_on=Severity.WARNING
    )
    suites = parse(result, tmp_path)
    assert [case.name for case in suites["claims"]] == ["a", "b"]
    assert (suites["claims"].tests, suites["claims"].failures) == (2, 2)
    (failure,) = failures(suites["claims"])["a"]
    assert failure.message == "2 findings: first problem"
    assert "first problem" in failure.text
    assert "second problem" in failure.text
    assert (suites["checks"].tests, suites["checks"].failures) == (2, 0)


def test_characters_xml_cannot_hold_are_dropped_and_markup_is_escaped(tmp_path: Path) -> None:
    message = "bell\x07 <failure> & ]]> done"
    result = CheckResult("p", [Finding("citation", "x", Severity.ERROR, ("a",), message)], None)
    suites = parse(result, tmp_path)
    (failure,) = failures(suites["claims"])["a"]
    assert failure.message == "bell <failure> & ]]> done"


def test_findings_below_fail_on_pass_with_their_text_in_system_out(tmp_path: Path) -> None:
    findings = [
        Finding("citation", "value-mismatch", Severity.ERROR, ("a",), "an error"),
        Finding("provenance", "news-only", Severity.WARNING, ("b",), "a warning"),
        Finding("coverage", "uncaptured", Severity.INFO, (), "an info"),
    ]
    checks = {"citation": "C", "provenance": "P", "coverage": "V"}
    suites = parse(CheckResult("p", findings, None, checks), tmp_path)
    assert (suites["claims"].failures, suites["checks"].failures) == (1, 0)
    (case_b,) = [case for case in suites["claims"] if case.name == "b"]
    assert case_b.is_passed
    assert "below --fail-on error: [warning] provenance/news-only" in (case_b.system_out or "")
    assert "a warning" in (case_b.system_out or "")
    strict = parse(CheckResult("p", findings, None, checks, fail_on=Severity.INFO), tmp_path)
    assert (strict["claims"].failures, strict["checks"].failures) == (2, 1)


def test_junit_of_the_package_data_fails_nothing_at_error_and_counts_warnings(
    tmp_path: Path,
) -> None:
    result = check_package(REPO, today=TODAY)
    at_error = parse(dataclasses.replace(result, fail_on=Severity.ERROR), tmp_path / "e")
    assert sum(suite.failures for suite in at_error.values()) == 0
    at_warning = parse(dataclasses.replace(result, fail_on=Severity.WARNING), tmp_path / "w")
    warned = {c for f in result.active if f.severity is Severity.WARNING for c in f.claim_ids}
    warned_checks = {
        f.check for f in result.active if f.severity is Severity.WARNING and not f.claim_ids
    }
    assert at_warning["claims"].failures == len(warned) > 0
    assert at_warning["checks"].failures == len(warned_checks)
