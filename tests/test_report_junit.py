"""findings.junit.xml: junitparser reads one case per claim and per check, with right counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from junitparser import Failure, JUnitXml, TestSuite

from checks.model.finding import Finding, Severity
from checks.report.result import CheckResult
from checks.service import check_package, write_reports
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
    result = CheckResult("p", findings, None, {"citation": "C", "conflicts": "K"})
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
