"""A rule: one row of the rules table, parsed, and what is wrong with a row that is not.

The kinds of rule (``checks.rules.kinds``) say what shape a rule of theirs must have;
:func:`shape_error` is how they say it is not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checks.model.finding import Severity
from checks.rules.errors import RuleSyntaxError
from checks.rules.syntax import Comparison, Expression, Node, Ref


@dataclass(frozen=True)
class Rule:
    """One row of the rules table, parsed."""

    rule_id: str
    kind: str
    text: str
    expression: Expression
    minimum: float | None
    maximum: float | None
    unit: str
    severity: Severity
    tolerance: float
    rationale: str
    row: int
    error_gap: float | None = None
    """Relative difference of the printed figures at which a violation is an error (below
    it a warning); None: every violation has the rule's severity."""
    edge_share: float | None = None
    """Relative difference of the printed figures beyond which an agreement only at the
    edges of the hedges is a warning; None: the package default (verdict_policy.csv)."""

    @property
    def left(self) -> Node:
        """The left side of a comparison (the whole expression for a ratio bound)."""
        return (
            self.expression.operands[0]
            if isinstance(self.expression, Comparison)
            else self.expression
        )

    @property
    def right(self) -> Node:
        if not isinstance(self.expression, Comparison):
            raise ValueError(f"rule {self.rule_id} has no right side")
        return self.expression.operands[1]

    @property
    def target(self) -> Ref:
        """The reference on the left of ``=`` for identity, growth, cagr and duration rules."""
        left = self.left
        if not isinstance(left, Ref):
            raise ValueError(f"rule {self.rule_id}: the left side is not a reference")
        return left

    def evidence(self) -> dict[str, Any]:
        """The rule as it goes into a finding's evidence."""
        return {
            "rule_id": self.rule_id,
            "kind": self.kind,
            "expression": self.text,
            "minimum": self.minimum,
            "maximum": self.maximum,
            "unit": self.unit,
            "tolerance": self.tolerance,
            "error_gap": self.error_gap,
            "edge_share": self.edge_share,
            "rationale": self.rationale,
        }


@dataclass(frozen=True)
class RuleProblem:
    """A rule row that cannot be used, with where and why."""

    rule_id: str
    kind: str
    row: int
    detail: str
    column: str
    expected: str | None = None
    position: int | None = None
    pointer: str | None = None


def shape_error(
    rule: Rule, expected: str, position: int = 0, column: str = "expression"
) -> RuleSyntaxError:
    """A rule whose expression (or ``column``) does not have the shape its kind needs."""
    if column != "expression":
        return RuleSyntaxError(rule.rule_id, "", 0, expected, "", column=column)
    return RuleSyntaxError(
        rule.rule_id, rule.text, position, expected, rule.text[position:], column=column
    )


def article(word: str) -> str:
    """``a`` or ``an`` before ``word``."""
    return "an" if word[:1] in "aeiou" else "a"


def position_of(node: Node) -> int:
    return int(getattr(node, "position", 0))
