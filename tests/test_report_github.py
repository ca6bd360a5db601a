"""GitHub workflow commands: exact lines, documented escaping, no command from the data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from checks.model.finding import Finding, Severity
from checks.report import github
from checks.report.result import CheckResult
from tests.helpers import edit_row


def test_annotation_lines_byte_for_byte() -> None:
    findings = [
        Finding(
            "citation",
            "value-mismatch",
            Severity.ERROR,
            ("city-users",),
            "city-users: as_written '1,25 triệu' reads as [1,245,000, 1,255,000]",
            path="datapackage/claims.csv",
            line=2,
        ),
        Finding(
            "waivers",
            "unmatched",
            Severity.WARNING,
            (),
            "100% stale:\r\nline two",
            path="data,1/waivers:x.csv",
            line=3,
        ),
        Finding("schema", "descriptor", Severity.INFO, (), "no file"),
    ]
    fps = [f.fingerprint for f in findings]
    text = github.render(CheckResult("p", findings, None))
    assert (
        text.encode("utf-8")
        == (
            "::error file=datapackage/claims.csv,line=2,title=claimledger citation/value-mismatch"
            "::city-users: as_written '1,25 triệu' reads as [1,245,000, 1,255,000]"
            f" [{fps[0]}]\n"
            "::warning file=data%2C1/waivers%3Ax.csv,line=3,title=claimledger waivers/unmatched"
            f"::100%25 stale:%0D%0Aline two [{fps[1]}]\n"
            f"::notice title=claimledger schema/descriptor::no file [{fps[2]}]\n"
        ).encode()
    )


def test_escaping_follows_actions_toolkit() -> None:
    assert github.escape_data("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad:e,f"
    assert github.escape_property("a%b\rc\nd:e,f") == "a%25b%0Dc%0Ad%3Ae%2Cf"
    # % first, so an escape already in the data is not decoded by the runner
    assert github.escape_data("%0A") == "%250A"


def test_text_from_the_data_cannot_start_a_command() -> None:
    evil = "ok\n::error file=x::injected\r::add-mask::secret\n::stop-commands::t"
    finding = Finding("citation", "x", Severity.ERROR, ("a",), evil, path="a.csv", line=1)
    text = github.render(CheckResult("p", [finding], None))
    lines = text.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::error file=a.csv,line=1,title=claimledger citation/x::ok%0A")
    assert "\n::" not in text.rstrip("\n")


def test_waived_findings_are_not_annotated() -> None:
    waived = Finding("citation", "x", Severity.ERROR, (), "m", waiver={"reviewer": "r"})
    assert github.render(CheckResult("p", [waived], None)) == ""


def test_check_prints_annotations_when_github_actions_is_true(mini: Path) -> None:
    edit_row(mini / "datapackage/claims.csv", "claim_id", "city-users", value="1520000")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env["GITHUB_ACTIONS"] = "true"
    proc = subprocess.run(
        [sys.executable, "-m", "checks.cli", "check", str(mini), "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    annotations = [line for line in proc.stdout.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 1
    assert annotations[0].startswith(
        "::error file=datapackage/claims.csv,line=2,title=claimledger citation/value-mismatch::"
        "city-users: as_written '1,25 triệu' reads as [1,245,000, 1,255,000], which does not "
        "contain the value 1.52e+06 ["
    )
    assert not (mini / "reports/annotations.txt").exists()


def test_annotations_come_most_severe_first_then_by_check_importance() -> None:
    def finding(check: str, severity: Severity, line: int) -> Finding:
        return Finding(check, "c", severity, (), f"{check} {line}", path="c.csv", line=line)

    findings = [
        *(finding("provenance", Severity.WARNING, line) for line in range(2, 13)),
        finding("conflicts", Severity.WARNING, 40),
        finding("arithmetic", Severity.WARNING, 30),
        finding("coverage", Severity.INFO, 1),
        finding("temporal", Severity.ERROR, 50),
    ]
    lines = github.render(CheckResult("p", findings, None)).splitlines()
    order = [line.split("::")[2].split(" [")[0] for line in lines]
    assert order[:4] == ["temporal 50", "arithmetic 30", "conflicts 40", "provenance 2"]
    assert order[-1] == "coverage 1"


def test_an_input_error_under_github_actions_is_an_error_annotation_on_its_file(
    mini: Path,
) -> None:
    claims = mini / "datapackage/claims.csv"
    claims.write_bytes("claim_id,quote\nĐà,x\n".encode("cp1258", errors="ignore") + b"\xd0\n")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "NO_COLOR")}
    env["GITHUB_ACTIONS"] = "true"
    proc = subprocess.run(
        [sys.executable, "-m", "checks.cli", "check", str(mini)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        cwd=mini,
    )
    assert proc.returncode == 2
    (line,) = proc.stdout.splitlines()
    assert line.startswith("::error file=datapackage/claims.csv,line=")
    assert ",title=claimledger input error::column claim_id: not UTF-8 (byte 0xd0" in line
