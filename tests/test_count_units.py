"""A package counts its own things: ``countUnits`` in the descriptor adds count units."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from checks.cli import app
from tests.claim_packages import build, claim, findings

runner = CliRunner()


def _with_accounts(root: Path, count_units: object | None) -> Path:
    """A package whose one claim counts hacked accounts (``12.000`` accounts, unit account),
    with an indicator in accounts; ``count_units`` goes into the descriptor when given."""
    rows = [
        claim("acc", "online-fraud-reports", "12.000", value="12000", unit="account",
              indicator_id="hacked-accounts"),
    ]  # fmt: skip
    build(root, rows)
    with (root / "datapackage" / "indicators.csv").open("a", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(
            ["hacked-accounts", "Hacked accounts", "Accounts taken over.", "account", "flow",
             "hacked-accounts"]
        )  # fmt: skip
    if count_units is not None:
        descriptor_path = root / "datapackage.json"
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
        descriptor["countUnits"] = count_units
        descriptor_path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return root


def _unit_findings(root: Path) -> list[str]:
    return [f.message for f in findings(root, "schema") if "account" in f.message]


def test_a_count_unit_the_registry_lacks_is_a_schema_error(tmp_path: Path) -> None:
    assert _unit_findings(_with_accounts(tmp_path / "p", None)) != []


def test_a_count_unit_declared_in_the_descriptor_is_a_unit_of_its_own(tmp_path: Path) -> None:
    root = _with_accounts(tmp_path / "p", ["account", "vehicle"])
    assert _unit_findings(root) == []
    result = runner.invoke(app, ["check", str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stdout + result.stderr


def test_a_declared_count_unit_that_is_already_a_unit_is_refused_with_exit_2(
    tmp_path: Path,
) -> None:
    root = _with_accounts(tmp_path / "p", ["account", "day"])
    before = (root / "datapackage.json").read_bytes()
    result = runner.invoke(app, ["check", str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "datapackage.json" in result.stderr and "countUnits[1]" in result.stderr
    assert "'day' is already a unit" in result.stderr
    assert (root / "datapackage.json").read_bytes() == before


def test_count_units_that_are_not_a_list_of_words_are_refused_with_exit_2(tmp_path: Path) -> None:
    root = _with_accounts(tmp_path / "p", "account")
    result = runner.invoke(app, ["check", str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "countUnits" in result.stderr and "a list of lower-case words" in result.stderr
