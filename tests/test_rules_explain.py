"""``claimledger explain``: the rule, the computation step by step, the intervals, both
quotes with their sources, and what would resolve the finding."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from checks.cli import app
from checks.explain import explain_text
from checks.model.package import load_package
from tests.claim_packages import build, claim, findings, rule


def _package(tmp_path: Path) -> Path:
    rows = [
        claim("users", "internet-users", "78,44 triệu", period="2024-01-01", value="78440000",
              speaker="A minister"),
        claim("share", "internet-penetration", "79,1%", period="2024-01-01", value="79.1"),
        claim("pop", "population", "101,3 triệu", period="2024", value="101300000",
              source_id="office"),
    ]  # fmt: skip
    identity = rule("users-identity", "identity",
                    "[population] = [internet-users] / [internet-penetration]")  # fmt: skip
    return build(tmp_path / "p", rows, [identity], {"office": {"kind": "statistical"}})


def test_explain_shows_rule_steps_intervals_quotes_sources_and_resolution(tmp_path: Path) -> None:
    root = _package(tmp_path)
    (finding,) = findings(root, "arithmetic")
    text = explain_text(load_package(root), finding)
    lines = text.splitlines()
    assert lines[0] == f"ERROR arithmetic/identity-mismatch  [{finding.fingerprint}]"
    assert (
        "rule users-identity (identity): [population] = [internet-users] / [internet-penetration]"
        in lines
    )
    assert "  rationale: test rule users-identity" in lines
    assert "  4. in person: [99.096, 99.235] million person" in lines
    assert "  implied population (users, share): [99,096,652, 99,234,662] person" in lines
    assert (
        "  pop: 101,3 triệu (exact, 2024-01-01..2024-12-31): [101,250,000, 101,350,000] person"
        in lines
    )
    assert "  users: …»users: 78,44 triệu« share: 79,1% …" in lines
    assert "    source: office: Source office (statistical)" in lines
    assert lines[-1].startswith("to resolve: find which population the figures of article")


def test_explain_command_prints_the_same_explanation(tmp_path: Path) -> None:
    root = _package(tmp_path)
    (finding,) = findings(root, "arithmetic")
    result = CliRunner().invoke(
        app, ["explain", finding.fingerprint[:10], "--package", str(root)], env={"NO_COLOR": "1"}
    )
    assert result.exit_code == 0, result.output
    assert "computation:" in result.output
    assert "intervals:" in result.output
    assert "to resolve:" in result.output


def test_explain_of_a_finding_the_data_no_longer_raises_points_to_the_last_report(
    tmp_path: Path,
) -> None:
    root = _package(tmp_path)
    checked = CliRunner().invoke(app, ["check", str(root)], env={"NO_COLOR": "1"})
    assert (root / "reports" / "findings.json").is_file(), checked.output
    (finding,) = findings(root, "arithmetic")
    rules = root / "datapackage" / "rules.csv"
    header, *_ = rules.read_text(encoding="utf-8").splitlines()
    rules.write_text(header + "\n", encoding="utf-8")  # the rule is gone: so is its finding
    result = CliRunner().invoke(
        app, ["explain", finding.fingerprint[:10], "--package", str(root)], env={"NO_COLOR": "1"}
    )
    assert result.exit_code == 2
    said = " ".join(result.output.split())
    assert "holds it, so the data changed since" in said
    assert f"--findings {root / 'reports' / 'findings.json'}" in said
