"""The README's promises hold: its commands are the ones CI runs, and they work."""

from __future__ import annotations

import doctest
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def sh_blocks() -> list[str]:
    return [b.strip() for b in re.findall(r"```sh\n(.*?)```", README, flags=re.DOTALL)]


def test_readme_gives_exactly_two_setup_commands_and_ci_runs_both() -> None:
    setup, tests = sh_blocks()[:2]
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    install, main_job = setup.rsplit(" && ", 1)
    for part in install.split(" && "):
        assert part.replace(".venv/bin/pip install", ".venv/bin/pip install --quiet") in ci
    assert main_job.split()[0] in ci
    assert tests in ci


def test_readme_python_examples_run() -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(README, {}, "README.md", "README.md", 0)
    assert test.examples, "the README should carry a runnable example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0


def test_generated_counts_in_readme_match_the_data() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "tools" / "readme_blocks.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_main_job_checks_the_repository_package_and_writes_both_reports(tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns(".git", ".venv", "reports", "out"))
    result = subprocess.run(
        [sys.executable, "-m", "checks.cli", "check"],
        cwd=copy,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    findings = json.loads((copy / "reports" / "findings.json").read_text(encoding="utf-8"))
    assert set(findings) >= {"package", "summary", "findings"}
    assert set(findings["summary"]) == {"error", "warning", "info"}
    assert (
        (copy / "reports" / "findings.md").read_text(encoding="utf-8").startswith("## claimledger")
    )
