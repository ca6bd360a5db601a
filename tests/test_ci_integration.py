"""The pre-commit hook runs once on the package; the Action runs check and uploads SARIF."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.conftest import REPO


def load(name: str) -> Any:
    return yaml.safe_load((REPO / name).read_text(encoding="utf-8"))


def test_pre_commit_hook_checks_the_package_once_when_its_data_changes() -> None:
    (hook,) = load(".pre-commit-hooks.yaml")
    assert hook["id"] == "claimledger-check"
    assert hook["entry"] == "claimledger check --no-reports"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    for path in ("datapackage.json", "datapackage/claims.csv", "sources/vn-2024.txt"):
        assert files.search(path), path
    for path in ("checks/cli/check.py", "README.md", "tests/fixtures/mini/datapackage.json"):
        assert not files.search(path), path


def test_action_installs_runs_check_with_sarif_and_uploads_it() -> None:
    action = load("action.yml")
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert uses[0].startswith("actions/setup-python@")
    (check,) = [s for s in steps if s.get("id") == "check"]
    assert "claimledger" in check["run"]
    assert "--format sarif" in check["run"]
    assert '--fail-on "$FAIL_ON"' in check["run"]
    (upload,) = [s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload")]
    assert upload["uses"] == "github/codeql-action/upload-sarif@v3"
    assert upload["with"]["sarif_file"] == "${{ steps.check.outputs.sarif }}"
    # inputs reach shell scripts through the environment, never spliced into the script
    for step in steps:
        assert "${{ inputs." not in step.get("run", ""), step.get("name")
