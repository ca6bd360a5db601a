"""``claimledger init``: a new package that checks clean and publishes without more input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from checks.authoring.package_init import TABLES, PackageSettings, init_package
from checks.cli import app
from checks.ledger.ledger import ledger
from checks.model.package import load_package
from checks.numbers.interval import Interval
from checks.numbers.units import parse_unit
from checks.rules import bulk
from checks.service import check_package
from tests.claim_packages import build, rule
from tests.conftest import REPO

runner = CliRunner()


def test_init_writes_descriptor_schemas_and_empty_tables_with_headers(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "mine"), "--title", "My checks"])
    assert result.exit_code == 0, result.stderr
    root = tmp_path / "mine"
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["name"] == "mine"
    assert descriptor["title"] == "My checks"
    assert descriptor["version"] == "0.1.0"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["name"] for r in descriptor["resources"]] == [name for name, _ in TABLES]
    header = (root / "datapackage" / "claims.csv").read_text(encoding="utf-8")
    assert header.startswith("claim_id,source_id,quote,start,end,as_written,")
    assert header.count("\n") == 1
    assert (root / "README.md").read_text(encoding="utf-8").startswith("# My checks")
    assert "claimledger check" in (root / ".github/workflows/claimledger.yml").read_text()
    assert all(len(pkg_table) == 0 for pkg_table in _tables(root))


def _tables(root: Path) -> list[object]:
    pkg = load_package(root)
    return [pkg.table(name) for name in pkg.resources]


def test_check_on_a_new_package_exits_0_and_says_0_claims(tmp_path: Path) -> None:
    runner.invoke(app, ["init", str(tmp_path / "p")])
    result = runner.invoke(app, ["check", str(tmp_path / "p")])
    assert result.exit_code == 0, result.stderr
    assert "0 claims from 0 sources" in result.stdout
    assert (tmp_path / "p" / "reports" / "findings.json").is_file()


def test_publish_on_a_new_package_needs_nothing_init_did_not_ask_for(tmp_path: Path) -> None:
    runner.invoke(app, ["init", str(tmp_path / "p"), "--package-version", "2.0.0"])
    result = runner.invoke(app, ["publish", str(tmp_path / "p"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "o" / "claimledger-2.0.0.zip").is_file()


def test_init_refuses_a_folder_that_already_holds_a_package(tmp_path: Path) -> None:
    init_package(tmp_path, PackageSettings("a", "A"))
    before = (tmp_path / "datapackage.json").read_bytes()
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "a package already exists here" in result.stderr
    assert (tmp_path / "datapackage.json").read_bytes() == before


def test_init_refuses_a_name_that_cannot_name_a_package(tmp_path: Path) -> None:
    result = runner.invoke(app, ["init", str(tmp_path / "x"), "--name", "Bad Name"])
    assert result.exit_code == 2
    assert "column --name: package name 'Bad Name' is not usable" in result.stderr
    assert not (tmp_path / "x" / "datapackage.json").exists()


def test_the_shipped_schemas_are_the_repository_package_schemas() -> None:
    for name, _ in TABLES:
        shipped = REPO / "checks" / "data" / "package" / f"{name}.schema.json"
        if (REPO / "datapackage" / f"{name}.schema.json").exists():
            assert json.loads(shipped.read_text()) == json.loads(
                (REPO / "datapackage" / f"{name}.schema.json").read_text()
            ), name


def test_rules_on_a_package_with_zero_claims_give_findings_not_a_crash(tmp_path: Path) -> None:
    init_package(tmp_path, PackageSettings("p", "P"))
    for name in ("indicators", "rules"):
        shutil.copy(REPO / "datapackage" / f"{name}.csv", tmp_path / "datapackage")
    result = check_package(tmp_path, select=["arithmetic"])
    assert result.findings == []


def test_the_column_precheck_of_a_rule_with_no_claims_suspects_no_anchor(tmp_path: Path) -> None:
    expression = "[online-fraud-losses] / [online-fraud-reports]"
    root = build(tmp_path / "p", [], [rule("r", "ratio-bound", expression, maximum="50")])
    pkg = load_package(root)
    (bound,) = ledger(pkg).rules.rules
    anything = Interval(float("-inf"), 50.0)
    suspects = bulk.suspect_anchors(
        ledger(pkg).claims, bound.left, anything, parse_unit("VND/report"), 0.0
    )
    assert suspects == []


def test_check_in_a_folder_without_a_package_says_how_to_start_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert "`claimledger init` starts a new package" in result.stderr
