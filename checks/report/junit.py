"""findings.junit.xml: JUnit XML for CI test-report viewers.

Suite ``claims``: one test case per claim; a claim named by an active finding at or above
``--fail-on`` (``CheckResult.fail_on``, default error) fails, with every such finding's
full message in the failure's body. Suite ``checks``: one test case per check (rule) for
the findings that name no claim (a source file, the descriptor, a waiver). Findings below
``--fail-on`` and waived findings do not fail: the case passes and lists them in its
``system-out``, so the report's failures agree with the exit code.
With the package at hand every claim appears; from a saved ``findings.json`` only the
claims that findings name.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from checks.model.finding import Finding, Severity
from checks.report.context import all_claim_ids, package_of
from checks.report.result import CheckResult

FILENAME = "findings.junit.xml"
# Characters XML 1.0 cannot carry at all (even escaped).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(text: str) -> str:
    """Text with the characters that XML 1.0 forbids removed.

    >>> xml_text("a\\x07b")
    'ab'
    """
    return _NOT_XML.sub("", text)


def _describe(finding: Finding) -> str:
    where = f" at {finding.path}:{finding.line}" if finding.path else ""
    claims = f" (claims: {', '.join(finding.claim_ids)})" if finding.claim_ids else ""
    return (
        f"[{finding.severity.value}] {finding.check}/{finding.code} {finding.fingerprint}"
        f"{where}{claims}\n{finding.message}"
    )


def _case(
    suite: ET.Element,
    classname: str,
    name: str,
    findings: Iterable[Finding],
    fail_on: Severity = Severity.ERROR,
) -> tuple[int, int]:
    """Add one test case; return (tests, failures) it adds."""
    findings = list(findings)
    case = ET.SubElement(suite, "testcase", {"classname": classname, "name": xml_text(name)})
    active = [f for f in findings if not f.waiver and f.severity.at_least(fail_on)]
    below = [f for f in findings if not f.waiver and not f.severity.at_least(fail_on)]
    waived = [f for f in findings if f.waiver]
    if active:
        first = active[0]
        summary = first.message if len(active) == 1 else f"{len(active)} findings: {first.message}"
        failure = ET.SubElement(
            case,
            "failure",
            {"message": xml_text(summary), "type": f"{first.check}/{first.code}"},
        )
        failure.text = xml_text("\n\n".join(_describe(f) for f in active))
    if waived or below:
        out = ET.SubElement(case, "system-out")
        out.text = xml_text(
            "\n\n".join(
                [f"below --fail-on {fail_on.value}: {_describe(f)}" for f in below]
                + [
                    f"waived by {dict(f.waiver or {}).get('reviewer', '')}: {_describe(f)}"
                    for f in waived
                ]
            )
        )
    return 1, 1 if active else 0


def _suite(root: ET.Element, name: str) -> ET.Element:
    return ET.SubElement(root, "testsuite", {"name": name})


def to_junit(result: CheckResult) -> ET.Element:
    """The ``<testsuites>`` element for a result."""
    root = ET.Element("testsuites", {"name": f"claimledger {xml_text(result.package)}"})
    claim_ids = all_claim_ids(package_of(result))
    by_claim: dict[str, list[Finding]] = {}
    by_check: dict[str, list[Finding]] = {check_id: [] for check_id in result.checks}
    for finding in result.findings:
        if finding.claim_ids:
            for claim_id in finding.claim_ids:
                by_claim.setdefault(claim_id, []).append(finding)
        else:
            by_check.setdefault(finding.check, []).append(finding)
    known = set(claim_ids)
    claim_ids += [c for c in by_claim if c not in known]
    totals = [0, 0]
    for suite_name, cases in (
        ("claims", [(c, by_claim.get(c, [])) for c in claim_ids]),
        ("checks", list(by_check.items())),
    ):
        suite = _suite(root, suite_name)
        tests = failures = 0
        for name, findings in cases:
            added, failed = _case(suite, suite_name, name, findings, result.fail_on)
            tests, failures = tests + added, failures + failed
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        totals = [totals[0] + tests, totals[1] + failures]
    root.set("tests", str(totals[0]))
    root.set("failures", str(totals[1]))
    root.set("errors", "0")
    return root


def render(result: CheckResult) -> str:
    root = to_junit(result)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
