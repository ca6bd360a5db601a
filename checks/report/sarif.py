"""findings.sarif: SARIF 2.1.0 for code-scanning tools (GitHub code scanning, IDE viewers).

One rule per finding code (``check/code``), with the title and help text its check
declares (:mod:`checks.model.codes`); one result per finding, located at the CSV
file (relative to the repository root) and the physical line where its row starts;
waived findings carry an external suppression with the waiver's justification.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from checks import strictjson
from checks.model.finding import Finding, Severity
from checks.registry import described
from checks.report.context import repo_prefix
from checks.report.result import CheckResult
from checks.version import __version__

FILENAME = "findings.sarif"
SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "claimledger/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
DESCRIPTOR = "datapackage.json"


def rule_text(check_id: str, known: dict[str, str]) -> tuple[str, str]:
    """The title and help text of a check (from the registry when it is installed)."""
    checks = described()
    if check_id in checks:
        return checks[check_id].title, checks[check_id].help
    title = known.get(check_id, check_id)
    return title, title


def rule_id(finding: Finding) -> str:
    """The SARIF rule of a finding: its check and code."""
    return f"{finding.check}/{finding.code}"


def _rules(result: CheckResult) -> list[dict[str, Any]]:
    """One rule per code that the checks of the run declare, then any other code found."""
    checks = described()
    ids = list(dict.fromkeys([*result.checks, *(f.check for f in result.findings)]))
    rules: dict[str, dict[str, Any]] = {}
    for check_id in ids:
        for code in checks[check_id].codes if check_id in checks else ():
            rules[f"{check_id}/{code.code}"] = _rule(check_id, code.code, code.title, code.help)
            rules[f"{check_id}/{code.code}"]["properties"]["severity"] = code.severity
    for finding in result.findings:
        if rule_id(finding) not in rules:
            title, help_text = rule_text(finding.check, result.checks)
            rules[rule_id(finding)] = _rule(finding.check, finding.code, title, help_text)
    return list(rules.values())


def _rule(check_id: str, code: str, title: str, help_text: str) -> dict[str, Any]:
    return {
        "id": f"{check_id}/{code}",
        "name": code,
        "shortDescription": {"text": title},
        "fullDescription": {"text": help_text},
        "help": {"text": help_text},
        "properties": {"check": check_id},
    }


def relative_uri(path: str) -> str:
    """A relative path as a URI reference (RFC 3986), as SARIF requires: every byte that is
    not unreserved or ``/`` percent-encoded from UTF-8.

    >>> relative_uri("sources/bài viết #1?.txt")
    'sources/b%C3%A0i%20vi%E1%BA%BFt%20%231%3F.txt'
    """
    return quote(path, safe="/")


def _location(finding: Finding, prefix: str) -> dict[str, Any]:
    physical: dict[str, Any] = {
        "artifactLocation": {"uri": relative_uri(prefix + (finding.path or DESCRIPTOR))},
    }
    if finding.path and finding.line is not None and finding.line >= 1:
        physical["region"] = {"startLine": finding.line}
    return {"physicalLocation": physical}


def _result(finding: Finding, rule_index: dict[str, int], prefix: str) -> dict[str, Any]:
    out: dict[str, Any] = {
        "ruleId": rule_id(finding),
        "ruleIndex": rule_index[rule_id(finding)],
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [_location(finding, prefix)],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "code": finding.code,
            "severity": finding.severity.value,
            "claimIds": list(finding.claim_ids),
        },
    }
    if finding.waiver:
        waiver = dict(finding.waiver)
        out["suppressions"] = [
            {
                "kind": "external",
                "status": "accepted",
                "justification": str(waiver.get("justification", "")),
                "properties": {
                    "reviewer": str(waiver.get("reviewer", "")),
                    "expires": str(waiver.get("expires", "")),
                },
            }
        ]
    return out


def to_sarif(result: CheckResult) -> dict[str, Any]:
    """The SARIF log as a dict.

    >>> to_sarif(CheckResult("demo", []))["runs"][0]["results"]
    []
    """
    rules = _rules(result)
    index = {rule["id"]: i for i, rule in enumerate(rules)}
    prefix = repo_prefix(result.root)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "claimledger",
                        "version": __version__,
                        "rules": rules,
                    }
                },
                "automationDetails": {"id": f"claimledger/{result.package}/"},
                "results": [_result(f, index, prefix) for f in result.findings],
            }
        ],
    }


def render(result: CheckResult) -> str:
    return strictjson.dumps(to_sarif(result), ensure_ascii=False, indent=2) + "\n"
