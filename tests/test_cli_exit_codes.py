"""Exit codes of ``claimledger check`` and ``report``: 0 clean, 1 findings, 2 unreadable input.

Run through the real entry point (``python -m checks.cli``) so that what CI sees is tested:
stdout, stderr, exit status, files left behind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import edit_row
from tests.package_edits import add_claim, write_waivers

# The checks these tests provoke; other checks (provenance, ...) may add their own findings.
ONLY = ("--check", "schema", "--check", "citation")


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS",)}
    return subprocess.run(
        [sys.executable, "-m", "checks.cli", *args],
        capture_output=True,
        text=True,
        env={**base, "CI": "true", **(env or {})},
        check=False,
        timeout=300,
    )


def test_clean_package_exits_0(mini: Path) -> None:
    proc = run("check", str(mini))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no finding at or above error" in proc.stdout
    assert sorted(p.name for p in (mini / "reports").iterdir()) == [
        "findings.html",
        "findings.json",
        "findings.md",
        "findings.sarif",
    ]
    assert proc.stderr == ""


def test_new_conflicting_claim_fails_and_the_baseline_passes_old_findings(
    mini: Path, tmp_path: Path
) -> None:
    claims = mini / "datapackage/claims.csv"
    edit_row(claims, "claim_id", "city-penetration", value="55")
    old = run("check", str(mini), *ONLY, "--out", str(tmp_path / "old"))
    assert old.returncode == 1, old.stdout + old.stderr
    baseline = tmp_path / "old/findings.json"
    (old_finding,) = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert old_finding["code"] == "value-mismatch"

    same = run("check", str(mini), *ONLY, "--baseline", str(baseline), "--format", "json")
    assert same.returncode == 0, same.stdout + same.stderr
    assert "no new finding at or above error" in same.stdout

    # a new claim that contradicts its own source: the article says 1,25 triệu, not 1,52
    add_claim(mini, "city-users-again", like="city-users", value="1520000")
    new = run("check", str(mini), *ONLY, "--baseline", str(baseline), "--format", "json")
    assert new.returncode == 1, new.stdout + new.stderr
    assert "1 new finding(s) at or above error:" in new.stdout
    findings = json.loads((mini / "reports/findings.json").read_text(encoding="utf-8"))
    (fresh,) = [f for f in findings["findings"] if f["fingerprint"] != old_finding["fingerprint"]]
    assert fresh["claim_ids"] == ["city-users-again"]
    assert f"[{fresh['fingerprint']}] city-users-again: as_written" in new.stdout
    assert old_finding["fingerprint"] not in new.stdout.split("at or above error:")[1]

    without = run("check", str(mini), *ONLY, "--format", "json")
    assert without.returncode == 1
    assert "2 finding(s) at or above error:" in without.stdout


def test_fail_on_sets_the_threshold(mini: Path) -> None:
    # a one-sided qualifier with no hedge word before the number: a citation warning
    edit_row(mini / "datapackage/claims.csv", "claim_id", "city-users", qualifier="more_than")
    assert run("check", str(mini), *ONLY, "--format", "json").returncode == 0
    strict = run("check", str(mini), *ONLY, "--format", "json", "--fail-on", "warning")
    assert strict.returncode == 1
    assert "1 finding(s) at or above warning:" in strict.stdout
    assert "warning citation/qualifier-unsupported datapackage/claims.csv:2 " in strict.stdout


def test_stale_waiver_is_listed_as_a_warning(mini: Path) -> None:
    write_waivers(mini, ("00000000000000aa", "stale", "an editor", "2999-01-01"))
    proc = run("check", str(mini), "--format", "json", "--fail-on", "warning")
    assert proc.returncode == 1
    assert "warning waivers/unmatched datapackage/waivers.csv:2 " in proc.stdout


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            "city-broken,test-article,only three cells\n",
            "row has 3 cells, fewer than the header's 16",
        ),
        (None, "row has 17 cells, more than the header's 16"),
    ],
)
def test_malformed_csv_row_exits_2_with_file_row_and_message_and_no_traceback(
    mini: Path, row: str | None, message: str
) -> None:
    claims = mini / "datapackage/claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[3] = row if row is not None else lines[3].rstrip("\n") + ",extra\n"
    claims.write_text("".join(lines), encoding="utf-8")
    damaged = claims.read_bytes()
    proc = run("check", str(mini))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"claimledger: error: datapackage/claims.csv:4: row 3: {message}")
    assert claims.read_bytes() == damaged
    # the other rows are checked and the reports written, the bad row among their findings
    assert "schema/row-unreadable datapackage/claims.csv:4 " in proc.stdout
    assert (mini / "reports" / "findings.json").is_file()


def test_unknown_format_exits_2_before_checking(mini: Path) -> None:
    proc = run("check", str(mini), "--format", "pdf")
    assert proc.returncode == 2
    assert proc.stderr.startswith("claimledger: error: <input>: column --format: unknown report")
    assert "Traceback" not in proc.stderr
    assert not (mini / "reports").exists()


def test_baseline_that_is_not_findings_exits_2(mini: Path, tmp_path: Path) -> None:
    bad = tmp_path / "baseline.json"
    bad.write_text("[1, 2", encoding="utf-8")
    proc = run("check", str(mini), "--baseline", str(bad))
    assert proc.returncode == 2
    assert f"claimledger: error: {bad}: not a claimledger findings file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_report_rerenders_a_saved_findings_file(mini: Path, tmp_path: Path) -> None:
    edit_row(mini / "datapackage/claims.csv", "claim_id", "city-users", value="1520000")
    assert run("check", str(mini), *ONLY, "--format", "json").returncode == 1
    saved = mini / "reports/findings.json"
    out = tmp_path / "rendered"
    proc = run(
        "report", str(saved), "--format", "sarif", "--format", "junit", "--format", "github",
        "--out", str(out), "--package", str(mini),
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert sorted(p.name for p in out.iterdir()) == ["findings.junit.xml", "findings.sarif"]
    sarif = json.loads((out / "findings.sarif").read_text(encoding="utf-8"))
    (result,) = sarif["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2}
    assert proc.stdout.startswith(
        "::error file=datapackage/claims.csv,line=2,title=claimledger citation/value-mismatch::"
    )
    junit = (out / "findings.junit.xml").read_text(encoding="utf-8")
    assert '<testsuite name="claims" tests="5" failures="1"' in junit


def test_report_of_a_missing_file_exits_2(tmp_path: Path) -> None:
    proc = run("report", str(tmp_path / "nope.json"), "--format", "md")
    assert proc.returncode == 2
    assert "cannot read findings" in proc.stderr
    assert "Traceback" not in proc.stderr
