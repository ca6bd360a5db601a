"""The rules table: rows that do not parse, do not fit their kind, or cannot be computed
become one finding at their row, with the column, position and what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.model.package import load_package
from checks.rules.ruleset import load_rules
from tests.claim_packages import build, claim, findings, rule

ROWS = [
    claim("users", "internet-users", "78,44 triệu", period="2024-01-01", value="78440000"),
    claim("share", "internet-penetration", "79,1%", period="2024-01-01", value="79.1"),
]


def _invalid(
    tmp_path: Path, bad: dict[str, str], check: str
) -> tuple[str, dict[str, object], int | None]:
    root = build(tmp_path / "p", ROWS, [rule("fine", "order", "[adoption] < [signing]"), bad])
    found = [f for f in findings(root, check) if f.code == "rule-invalid"]
    assert len(found) == 1, found
    (one,) = found
    assert (one.severity.value, one.key, one.path) == (
        "error",
        bad["rule_id"],
        "datapackage/rules.csv",
    )
    return one.message, dict(one.evidence), one.line


def test_a_syntax_error_is_reported_at_the_rule_row_with_its_position(tmp_path: Path) -> None:
    message, evidence, line = _invalid(
        tmp_path, rule("broken", "identity", "[population] = [internet-users] /"), "arithmetic"
    )
    assert line == 3
    assert message == (
        "rule broken: column expression: '[population] = [internet-users] /' at position 33: "
        "found the end of the expression (expected an operand: a number, a [reference], a "
        "function call or '(')"
    )
    assert evidence["pointer"] == "[population] = [internet-users] /\n" + " " * 33 + "^"


@pytest.mark.parametrize(
    ("kind", "expression", "check", "expected"),
    [
        ("identity", "[internet-users] / [internet-penetration]", "arithmetic",
         "an identity rule of the form [reference] = expression"),
        ("identity", "[population] = [population] * 2", "arithmetic",
         "[population] only on the left: the right side derives it"),
        ("ratio-bound", "[internet-users] / [internet-penetration]", "arithmetic",
         "a minimum or a maximum for a ratio-bound rule"),
        ("cagr", "[cybercrime-cost-growth] = growth([cybercrime-cost], [cybercrime-cost@previous])",
         "arithmetic", "cagr(...) on the right of '=' in a cagr rule"),
        ("order", "[adoption] < [signing] + 1", "temporal", "a reference to a dated claim"),
        ("containment", "[online-fraud-reports] <= [online-fraud-reports] + [cyber-incidents]",
         "conflicts", "exactly one reference on each side of a containment"),
        ("identity", "[population] = [internet-users] / [no-such-indicator]", "arithmetic",
         "an indicator id that exists in indicators.csv"),
        ("duration", "[partnership-years] = years([claim:missing], [claim:users])", "temporal",
         "a claim id that exists in claims.csv"),
    ],
)  # fmt: skip
def test_a_rule_that_does_not_fit_its_kind(
    tmp_path: Path, kind: str, expression: str, check: str, expected: str
) -> None:
    message, evidence, _ = _invalid(tmp_path, rule("bad", kind, expression), check)
    assert evidence["expected"] == expected
    column = "maximum" if kind == "ratio-bound" else "expression"
    assert message.startswith(f"rule bad: column {column}: ")
    assert message.endswith(f"(expected {expected})")


def test_an_unknown_unit_is_reported_in_the_unit_column(tmp_path: Path) -> None:
    bad = rule("bad", "ratio-bound", "[internet-users] / [internet-penetration]",
               maximum="5", unit="bananas")  # fmt: skip
    _, evidence, _ = _invalid(tmp_path, bad, "arithmetic")
    assert (evidence["column"], evidence["expected"]) == ("unit", "a unit the unit registry knows")


def test_a_ratio_bound_whose_maximum_is_below_its_minimum_is_invalid(tmp_path: Path) -> None:
    bad = rule("bad", "ratio-bound", "[internet-users] / [internet-penetration]",
               minimum="5", maximum="1")  # fmt: skip
    message, evidence, _ = _invalid(tmp_path, bad, "arithmetic")
    assert (evidence["column"], evidence["expected"]) == (
        "maximum",
        "a maximum not below the minimum (5)",
    )
    assert message.startswith("rule bad: column maximum: ")


def test_a_rule_that_cannot_be_computed_is_reported_once(tmp_path: Path) -> None:
    rows = [
        claim("l1", "online-fraud-losses", "1 tỷ đồng", value="1000000000"),
        claim("r1", "online-fraud-reports", "10", value="10"),
        claim("l2", "online-fraud-losses", "2 tỷ đồng", value="2000000000", period="2022"),
        claim("r2", "online-fraud-reports", "20", value="20", period="2022"),
    ]
    wrong = rule("sum", "ratio-bound", "[online-fraud-losses] + [online-fraud-reports]",
                 maximum="5", unit="VND")  # fmt: skip
    found = findings(build(tmp_path / "p", rows, [wrong]), "arithmetic")
    assert [(f.code, f.key) for f in found] == [("rule-error", "sum")]
    assert found[0].message == "rule sum: cannot add report to VND (claims l1, r1)"


def test_the_package_rules_all_parse() -> None:
    rules = load_rules(load_package(Path(__file__).resolve().parents[1]))
    assert rules.problems == ()
    assert {r.kind for r in rules.rules} == {
        "identity",
        "ratio-bound",
        "growth",
        "cagr",
        "containment",
        "order",
        "duration",
    }
    assert all(len(r.rationale) > 80 for r in rules.rules)
