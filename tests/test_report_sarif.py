"""findings.sarif validates against the official SARIF 2.1.0 schema and points at CSV lines."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import jsonschema
import pytest

from checks.model.finding import Finding, Severity
from checks.registry import described
from checks.report import sarif
from checks.report.result import CheckResult
from checks.service import check_package
from tests.conftest import FIXTURES
from tests.helpers import edit_row
from tests.package_edits import write_waivers

SCHEMA = json.loads((Path(__file__).parent / "schemas/sarif-2.1.0.json").read_text("utf-8"))
TODAY = date(2026, 6, 1)
CHECKS = ["schema", "citation"]  # the checks these tests provoke; others may add findings


def validate(log: dict[str, Any]) -> None:
    validator = jsonschema.Draft7Validator(SCHEMA)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert [f"{list(e.path)}: {e.message}" for e in errors] == []


def broken(mini: Path) -> CheckResult:
    """A value mismatch (waived), a moved quote, and a newline inside an earlier quoted cell."""
    claims = mini / "datapackage/claims.csv"
    edit_row(claims, "claim_id", "city-users", value="1520000", note="line one\nline two")
    edit_row(claims, "claim_id", "city-population", start="0", end="54")
    first = check_package(mini, CHECKS, today=TODAY)
    (mismatch,) = [f for f in first.findings if f.code == "value-mismatch"]
    write_waivers(
        mini, (mismatch.fingerprint, "printed so; see erratum", "an editor", "2027-01-01")
    )
    return check_package(mini, CHECKS, today=TODAY)


def test_sarif_of_a_package_with_findings_validates_against_the_schema(mini: Path) -> None:
    validate(json.loads(sarif.render(broken(mini))))


def test_empty_result_validates_and_has_no_results() -> None:
    log = json.loads(sarif.render(CheckResult("empty", [], None, {"schema": "Schema"})))
    validate(log)
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"] == []


def test_one_rule_per_declared_code_with_its_title_and_help(mini: Path) -> None:
    result = broken(mini)
    (run,) = sarif.to_sarif(result)["runs"]
    rules = run["tool"]["driver"]["rules"]
    checks = described()
    declared = [f"{cid}/{code.code}" for cid in result.checks for code in checks[cid].codes]
    assert [r["id"] for r in rules] == declared
    for rule in rules:
        check_id, code = rule["id"].split("/")
        (entry,) = [c for c in checks[check_id].codes if c.code == code]
        assert rule["help"]["text"] == entry.help
        assert rule["shortDescription"]["text"] == entry.title
    (expired,) = [r for r in rules if r["id"] == "waivers/expired"]
    assert expired["help"]["text"].startswith("The waiver's expiry date has passed")


def test_results_carry_rule_level_message_location_and_fingerprint(mini: Path) -> None:
    result = broken(mini)
    (run,) = sarif.to_sarif(result)["runs"]
    (moved,) = [r for r in run["results"] if r["properties"]["code"] == "quote-mismatch"]
    (finding,) = [f for f in result.findings if f.code == "quote-mismatch"]
    assert moved["ruleId"] == "citation/quote-mismatch"
    assert run["tool"]["driver"]["rules"][moved["ruleIndex"]]["id"] == "citation/quote-mismatch"
    assert moved["level"] == "error"
    assert moved["message"]["text"] == finding.message
    # city-population is the 5th data row; the note of row 1 spans two physical lines.
    assert moved["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "datapackage/claims.csv"},
                "region": {"startLine": 7},
            }
        }
    ]
    assert moved["partialFingerprints"] == {"claimledger/v1": finding.fingerprint}
    assert "suppressions" not in moved


def test_waived_finding_is_an_external_suppression_with_its_justification(mini: Path) -> None:
    (run,) = sarif.to_sarif(broken(mini))["runs"]
    (waived,) = [r for r in run["results"] if r["properties"]["code"] == "value-mismatch"]
    assert waived["suppressions"] == [
        {
            "kind": "external",
            "status": "accepted",
            "justification": "printed so; see erratum",
            "properties": {"reviewer": "an editor", "expires": "2027-01-01"},
        }
    ]
    assert waived["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}


def test_levels_map_error_warning_info_to_error_warning_note() -> None:
    findings = [
        Finding("citation", "a", Severity.ERROR, (), "e", path="x.csv", line=2),
        Finding("citation", "b", Severity.WARNING, (), "w", path="x.csv", line=3),
        Finding("citation", "c", Severity.INFO, (), "i", path="x.csv", line=4),
    ]
    log = sarif.to_sarif(CheckResult("p", findings, None, {"citation": "Citation"}))
    validate(log)
    assert [r["level"] for r in log["runs"][0]["results"]] == ["error", "warning", "note"]


def test_finding_without_a_file_is_located_at_the_descriptor() -> None:
    finding = Finding("schema", "descriptor", Severity.ERROR, (), "bad descriptor")
    log = sarif.to_sarif(CheckResult("p", [finding], None, {"schema": "Schema"}))
    assert log["runs"][0]["results"][0]["locations"] == [
        {"physicalLocation": {"artifactLocation": {"uri": "datapackage.json"}}}
    ]


def test_paths_are_relative_to_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "repo/.git").mkdir(parents=True)
    root = tmp_path / "repo/data/mini"
    shutil.copytree(FIXTURES / "mini", root)
    edit_row(root / "datapackage/claims.csv", "claim_id", "city-users", value="1520000")
    (run,) = sarif.to_sarif(check_package(root, CHECKS, today=TODAY))["runs"]
    (result,) = run["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "data/mini/datapackage/claims.csv"


@pytest.mark.parametrize("text", ["50% <b>&</b>\n::error::x", "ắ ư ơ 🙂"])
def test_untrusted_message_text_round_trips_through_json(text: str) -> None:
    finding = Finding("citation", "a", Severity.ERROR, (), text, path="x.csv", line=2)
    log = json.loads(sarif.render(CheckResult("p", [finding], None, {"citation": "C"})))
    validate(log)
    assert log["runs"][0]["results"][0]["message"]["text"] == text


def test_artifact_uri_is_percent_encoded_from_utf8(tmp_path: Path) -> None:
    """A path with spaces, '#', '%' or Vietnamese letters is a valid URI reference
    (issue 20, defect 20): GitHub code scanning resolves it back to the file."""
    finding = Finding(
        "citation", "a", Severity.ERROR, (), "m", path="sources/bài 100% #1.txt", line=2
    )
    document = sarif.to_sarif(CheckResult("mini", [finding], None, {"citation": "t"}))
    (result,) = document["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "sources/b%C3%A0i%20100%25%20%231.txt"
    assert unquote(uri) == "sources/bài 100% #1.txt"
