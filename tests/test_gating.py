"""Waivers accept findings until they expire; stale waivers and a baseline gate the run."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from checks.gating import failing, load_baseline
from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.model.package import load_package
from checks.report import json_report
from checks.service import check_package
from checks.suite.waivers import apply_waivers, read_waivers
from tests.helpers import edit_row
from tests.package_edits import write_waivers

TODAY = date(2026, 6, 1)
# Other checks (provenance, coverage, ...) may report on the fixture too; these tests are
# about waivers, so they look at the checks whose findings they cause.
CHECKS = ["schema", "citation"]
OURS = {*CHECKS, "waivers"}


def ours(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.check in OURS]


def value_mismatch(mini: Path) -> Finding:
    """Break city-users' value and return the one finding that gives."""
    edit_row(mini / "datapackage/claims.csv", "claim_id", "city-users", value="1520000")
    (finding,) = check_package(mini, CHECKS, today=TODAY).findings
    assert (finding.check, finding.code) == ("citation", "value-mismatch")
    return finding


def test_waiver_marks_its_finding_waived_and_it_no_longer_counts(mini: Path) -> None:
    target = value_mismatch(mini)
    write_waivers(mini, (target.fingerprint, "copied as printed", "an editor", "2026-12-31"))
    result = check_package(mini, CHECKS, today=TODAY)
    (finding,) = result.findings
    assert finding.fingerprint == target.fingerprint
    assert finding.waiver == {
        "fingerprint": target.fingerprint,
        "justification": "copied as printed",
        "reviewer": "an editor",
        "expires": "2026-12-31",
    }
    assert result.active == []
    assert result.summary == {"error": 0, "warning": 0, "info": 0}
    assert failing(result.findings, Severity.INFO) == []


def test_waiver_still_applies_on_its_expiry_date(mini: Path) -> None:
    target = value_mismatch(mini)
    write_waivers(mini, (target.fingerprint, "ok", "an editor", "2026-06-01"))
    (finding,) = check_package(mini, CHECKS, today=TODAY).findings
    assert finding.waiver is not None


def test_expired_waiver_lets_its_finding_count_and_is_reported(mini: Path) -> None:
    target = value_mismatch(mini)
    write_waivers(mini, (target.fingerprint, "ok", "an editor", "2026-05-31"))
    result = check_package(mini, CHECKS, today=TODAY)
    by_code = {f.code: f for f in result.findings}
    assert sorted(by_code) == ["expired", "value-mismatch"]
    assert by_code["value-mismatch"].waiver is None
    expired = by_code["expired"]
    assert (expired.check, expired.severity) == ("waivers", Severity.WARNING)
    assert expired.message == (
        f"waiver {target.fingerprint} expired on 2026-05-31; finding citation/value-mismatch "
        "counts again (renew the waiver or fix it)"
    )
    assert (expired.path, expired.line) == ("datapackage/waivers.csv", 2)
    assert expired.claim_ids == ("city-users",)
    assert [f.code for f in failing(result.findings, Severity.ERROR)] == ["value-mismatch"]


def test_waiver_that_matches_no_finding_is_reported_where_it_is(mini: Path) -> None:
    write_waivers(
        mini,
        ("00000000000000aa", "old", "an editor", "2030-01-01"),
        ("00000000000000bb", "older", "an editor", "2020-01-01"),
    )
    result = check_package(mini, today=TODAY)
    findings = ours(result.findings)
    assert [(f.check, f.code, f.severity.value, f.line, f.message) for f in findings] == [
        (
            "waivers",
            "unmatched",
            "warning",
            2,
            "waiver 00000000000000aa matches no finding; delete it",
        ),
        (
            "waivers",
            "unmatched",
            "warning",
            3,
            "waiver 00000000000000bb matches no finding and expired on 2020-01-01; delete it",
        ),
    ]
    assert failing(findings, Severity.ERROR) == []
    assert len(failing(findings, Severity.WARNING)) == 2


def test_unmatched_waiver_is_not_reported_when_only_some_checks_ran(mini: Path) -> None:
    write_waivers(mini, ("00000000000000aa", "old", "an editor", "2030-01-01"))
    assert check_package(mini, select=["citation"], today=TODAY).findings == []


def waiver_findings(mini: Path) -> list[Finding]:
    return [f for f in check_package(mini, today=TODAY).findings if f.check == "waivers"]


def test_waiver_finding_fingerprint_is_stable_when_rows_move(mini: Path) -> None:
    first = ("00000000000000aa", "a", "r", "2030-01-01")
    second = ("00000000000000bb", "b", "r", "2030-01-01")
    write_waivers(mini, first, second)
    before = {f.key: f.fingerprint for f in waiver_findings(mini)}
    write_waivers(mini, second, first)
    after = {f.key: f.fingerprint for f in waiver_findings(mini)}
    assert before == after
    assert sorted(before) == ["00000000000000aa", "00000000000000bb"]


def test_waiver_row_with_invalid_date_is_a_schema_finding_and_not_applied(mini: Path) -> None:
    target = value_mismatch(mini)
    write_waivers(mini, (target.fingerprint, "ok", "an editor", "31/12/2026"))
    assert read_waivers(load_package(mini)) == []
    result = check_package(mini, CHECKS, today=TODAY)
    assert sorted((f.check, f.code) for f in result.findings) == [
        ("citation", "value-mismatch"),
        ("schema", "field"),
    ]
    assert all(f.waiver is None for f in result.findings)


def test_apply_waivers_uses_the_first_of_duplicate_rows(mini: Path) -> None:
    finding = Finding("citation", "value-mismatch", Severity.ERROR, ("city-users",), "m")
    write_waivers(
        mini,
        (finding.fingerprint, "first", "r1", "2030-01-01"),
        (finding.fingerprint, "second", "r2", "2030-01-01"),
    )
    (waived,) = apply_waivers(load_package(mini), [finding], today=TODAY, complete=False)
    assert waived.waiver is not None
    assert waived.waiver["justification"] == "first"


def test_baseline_ignores_the_findings_it_holds(mini: Path, tmp_path: Path) -> None:
    old = value_mismatch(mini)
    baseline = tmp_path / "baseline.json"
    saved = check_package(mini, CHECKS, today=TODAY)
    baseline.write_text(json_report.render(saved), encoding="utf-8")
    assert load_baseline(baseline) == frozenset({old.fingerprint})
    new = Finding("citation", "quote-mismatch", Severity.ERROR, ("city-population",), "moved")
    findings = [old, new]
    assert failing(findings, Severity.ERROR, load_baseline(baseline)) == [new]
    assert failing(findings, Severity.ERROR) == [old, new]


def test_baseline_that_is_not_a_findings_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    path.write_text('{"not": "findings"}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_baseline(path)
    assert caught.value.path == str(path)
    assert "not a claimledger findings file" in caught.value.message


def test_failing_respects_the_severity_threshold() -> None:
    error = Finding("citation", "a", Severity.ERROR, (), "e")
    warning = Finding("citation", "b", Severity.WARNING, (), "w")
    info = Finding("citation", "c", Severity.INFO, (), "i")
    assert failing([error, warning, info], Severity.ERROR) == [error]
    assert failing([error, warning, info], Severity.WARNING) == [error, warning]
    assert failing([error, warning, info], Severity.INFO) == [error, warning, info]
