"""Every finding code is declared once, by its check, and the outputs follow the catalogue.

A check declares the codes it can raise (``codes``; the checks that run rules take their
kinds' codes); the runner refuses a finding with an undeclared code; the rule kinds are
the modules of ``checks/rules/kinds`` and equal the enum of the rules table schema; SARIF
has one rule per code; the severity table in the docs is generated from the catalogue.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import ClassVar

import pytest

from checks.model.codes import FindingCode
from checks.model.finding import Finding, Severity
from checks.model.package import load_package
from checks.registry import RegistryError, described, gates, register, registered
from checks.report.result import CheckResult
from checks.report.sarif import to_sarif
from checks.rules.kinds import KINDS, evaluators
from checks.runner import run_checks
from checks.suite.catalogue import catalogue_rows, severity_table
from checks.suite.provenance import ProvenanceCheck

ROOT = Path(__file__).resolve().parent.parent


def test_every_registered_check_declares_its_codes_once() -> None:
    for check_id, cls in described().items():
        names = [code.code for code in cls.codes]
        assert names, check_id
        assert len(names) == len(set(names)), check_id


def test_waivers_is_a_registered_check_that_reviews_the_others() -> None:
    assert "waivers" in described()
    assert list(gates()) == ["waivers"]
    assert "waivers" not in registered()


def test_registering_a_check_without_codes_is_refused() -> None:
    class NoCodes:
        id: ClassVar[str] = "no-codes-check"
        title: ClassVar[str] = "x"
        help: ClassVar[str] = "x"

    with pytest.raises(RegistryError, match="declares no codes"):
        register(NoCodes)  # type: ignore[type-var]


def test_registering_a_code_twice_is_refused() -> None:
    code = FindingCode("same", "t", "h", "info", "w")

    class Twice:
        id: ClassVar[str] = "twice-check"
        title: ClassVar[str] = "x"
        help: ClassVar[str] = "x"
        codes: ClassVar[tuple[FindingCode, ...]] = (code, code)

    with pytest.raises(RegistryError, match="declared twice"):
        register(Twice)


def test_a_code_with_an_unknown_severity_is_refused() -> None:
    with pytest.raises(ValueError, match="severity='fatal'"):
        FindingCode("x", "t", "h", "fatal", "w")


def test_the_runner_refuses_a_code_its_check_did_not_declare(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pkg = load_package(ROOT)
    raised = {f.code for f in run_checks(pkg, ["provenance"])}
    assert raised, "the package's own data raises provenance findings"
    dropped = next(iter(sorted(raised)))
    kept = tuple(c for c in ProvenanceCheck.codes if c.code != dropped)
    monkeypatch.setattr(ProvenanceCheck, "codes", kept)
    with pytest.raises(RegistryError, match=f"provenance/{dropped}"):
        run_checks(load_package(ROOT), ["provenance"])


def test_the_rule_kinds_equal_the_enum_of_the_rules_table_schema() -> None:
    schema = json.loads((ROOT / "datapackage" / "rules.schema.json").read_text("utf-8"))
    (kind,) = [f for f in schema["fields"] if f["name"] == "kind"]
    assert sorted(kind["constraints"]["enum"]) == sorted(KINDS)


def test_each_kind_belongs_to_a_registered_check_that_evaluates_it() -> None:
    checks = registered()
    for name, kind in KINDS.items():
        assert kind.check in checks, name
        assert evaluators(kind.check)[name] is kind.evaluate
        declared = {c.code for c in checks[kind.check].codes}
        assert {c.code for c in kind.codes} <= declared, name


def test_sarif_has_one_rule_per_declared_code_and_results_point_at_them() -> None:
    finding = Finding("provenance", "news-only", Severity.WARNING, ("a",), "m")
    checks = {cid: cls.title for cid, cls in described().items()}
    log = to_sarif(CheckResult("demo", [finding], None, checks))
    run = log["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(rules) == len(set(rules)) == len(catalogue_rows())
    assert {f"{row.check}/{row.code.code}" for row in catalogue_rows()} == set(rules)
    (result,) = run["results"]
    assert rules[result["ruleIndex"]] == result["ruleId"] == "provenance/news-only"


def test_sarif_keeps_a_rule_for_a_code_from_an_older_findings_file() -> None:
    finding = Finding("provenance", "retired-code", Severity.INFO, ("a",), "m")
    run = to_sarif(CheckResult("demo", [finding]))["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "provenance/retired-code" in rules
    assert rules[run["results"][0]["ruleIndex"]] == "provenance/retired-code"


def test_the_severity_table_in_the_docs_is_generated_from_the_catalogue() -> None:
    doc = (ROOT / "docs" / "severity.md").read_text("utf-8")
    assert severity_table() in doc, "run: python tools/severity_table.py"
