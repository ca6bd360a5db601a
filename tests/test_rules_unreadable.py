"""A rule meets claims and indicators it cannot read: findings, never an exception
(issue 20, defect 4: FunctionError and pint errors escaped once a rule was present)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.claim_packages import INDICATORS, build, claim, codes, findings, rule

CAGR = rule("cagr", "cagr", "[cybercrime-cost-growth] = cagr([cybercrime-cost])")
IDENTITY = rule(
    "users-identity", "identity", "[population] = [internet-users] / [internet-penetration]"
)


def costs(**last: str) -> list[dict[str, str]]:
    return [
        claim("rate", "cybercrime-cost-growth", "15 percent", value="15", subject="WLD",
              period="2023-01-01..2025-12-31", source_id="vendor"),
        claim("c2023", "cybercrime-cost", "8.000 tỷ USD", value="8000000000000", subject="WLD"),
        claim("c2025", "cybercrime-cost", "10.500 tỷ USD", value="10500000000000",
              subject="WLD", period="2025", **last),
    ]  # fmt: skip


def internet(**pop: str) -> list[dict[str, str]]:
    return [
        claim("users", "internet-users", "78,44 triệu", period="2024-01-01", value="78440000"),
        claim("share", "internet-penetration", "79,1%", period="2024-01-01", value="79.1"),
        claim("pop", "population", "101,3 triệu", period="2024-01-01", value="101300000",
              source_id="ref", **pop),
    ]  # fmt: skip


@pytest.mark.parametrize("unit", ["bogus", "2", "person**", "USD/"])
def test_a_level_in_a_unit_that_does_not_parse_takes_no_part_in_a_cagr_rule(
    tmp_path: Path, unit: str
) -> None:
    root = build(tmp_path / "p", costs(unit=unit), [CAGR])
    found = findings(root, "arithmetic", "schema")
    assert [c for c in codes(found) if c[0] not in ("unit", "field")] == []


@pytest.mark.parametrize("field, value", [("unit", "bogus"), ("qualifier", "approxx")])
def test_an_identity_target_that_cannot_be_read_takes_no_part(
    tmp_path: Path, field: str, value: str
) -> None:
    root = build(tmp_path / "p", internet(**{field: value}), [IDENTITY])
    arithmetic = codes(findings(root, "arithmetic"))
    assert [c[0] for c in arithmetic] == ["implied-value"]


def test_an_indicator_unit_that_does_not_parse_is_a_rule_error_at_the_rule_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    changed = [(i, "bogus" if i == "population" else u, k, f) for i, u, k, f in INDICATORS]
    monkeypatch.setattr("tests.claim_packages.INDICATORS", changed)
    root = build(tmp_path / "p", internet(unit="bogus"), [IDENTITY])

    (error,) = findings(root, "arithmetic")

    assert (error.code, error.path, error.line) == ("rule-error", "datapackage/rules.csv", 2)
    assert error.message == (
        "rule users-identity: indicator population has unit 'bogus', which does not parse "
        "(unknown unit 'bogus': 'bogus' is not defined in the unit registry)"
    )
