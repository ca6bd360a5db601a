"""``report`` and ``check --baseline`` read a findings.json that may come from anywhere:
deep nesting or a value of the wrong type is exit 2 with its location, never a traceback
(issue 20, defect 7)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.cli_run import Sandbox

MINI = Path(__file__).parent / "fixtures" / "mini"
FINDING = {
    "check": "citation", "code": "value-mismatch", "severity": "error",
    "claim_ids": ["city-users"], "message": "m", "evidence": {}, "path": "x.csv", "line": 2,
    "key": "",
}  # fmt: skip


def saved(findings: list[Any]) -> str:
    return json.dumps({"package": "mini", "summary": {}, "findings": findings})


CASES = {
    "nested-100000": (
        '{"package": "mini", "findings": [' + "[" * 100_000 + "]" * 100_000 + "]}",
        "{file}: JSON nested more than 64 levels deep (expected a claimledger findings file)",
    ),
    "nested-evidence-500": (
        saved([{**FINDING, "evidence": json.loads('{"a":' * 500 + "1" + "}" * 500)}]),
        "{file}: JSON nested more than 64 levels deep (expected a claimledger findings file)",
    ),
    "line-is-text": (
        saved([{**FINDING, "line": "two"}]),
        "{file}: column findings[0].line: not a claimledger findings file: wrong value "
        "(expected a line number (an integer of 0 or more), or null)",
    ),
    "claim-ids-is-text": (
        saved([{**FINDING, "claim_ids": "city-users"}]),
        "{file}: column findings[0].claim_ids: not a claimledger findings file: wrong value "
        "(expected a list of claim ids (strings))",
    ),
    "path-is-number": (
        saved([{**FINDING, "path": 7}]),
        "{file}: column findings[0].path: not a claimledger findings file: wrong value "
        "(expected a file path as a string, or null)",
    ),
    "findings-is-object": (
        '{"package": "mini", "findings": {}}',
        "{file}: column findings: not a claimledger findings file: wrong value "
        "(expected a list of findings)",
    ),
}


@pytest.mark.parametrize("command", ["report", "baseline"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_a_hostile_findings_file_is_exit_2_with_its_location(
    tmp_path: Path, name: str, command: str
) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    text, message = CASES[name]
    bad = tmp_path / "saved.json"
    bad.write_text(text, encoding="utf-8")

    if command == "report":
        outcome = box.run("report", str(bad), "--format", "md", "--out", str(box.out))
    else:
        outcome = box.run("check", str(box.pkg), "--out", str(box.out), "--baseline", str(bad))

    assert "Traceback" not in outcome.stderr
    assert outcome.returncode == 2, outcome.stderr
    assert outcome.stderr.splitlines() == ["claimledger: error: " + message.format(file=bad)]
