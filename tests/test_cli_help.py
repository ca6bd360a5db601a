"""The command line explains itself: -h everywhere, --version, no type placeholders on flags."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from checks.cli import app
from checks.service import check_package, write_reports
from checks.version import __version__

runner = CliRunner()
COMMANDS = [
    [],
    ["check"],
    ["explain"],
    ["scan"],
    ["report"],
    ["publish"],
    ["init"],
    ["source", "add"],
    ["claims", "add"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c) or "claimledger")
def test_every_command_has_short_help_without_type_placeholders(command: list[str]) -> None:
    short = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "100"})
    long = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert short.exit_code == 0, short.output
    assert short.stdout == long.stdout
    assert "Usage: claimledger" in short.stdout
    assert "<bool>" not in short.stdout
    assert "list[str]" not in short.stdout


def test_version_prints_the_package_version() -> None:
    for flag in ("--version", "-V"):
        result = runner.invoke(app, [flag])
        assert (result.exit_code, result.stdout) == (0, f"claimledger {__version__}\n")


def test_report_renders_html_by_default(mini: Path, tmp_path: Path) -> None:
    (saved,) = write_reports(check_package(mini), tmp_path / "saved", ["json"])
    result = runner.invoke(app, ["report", str(saved), "--package", str(mini)])
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "saved" / "findings.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in saved.parent.iterdir()) == ["findings.html", "findings.json"]
