"""The rules table read into :class:`Rule` objects, with a problem for each bad row.

A rule's shape depends on its kind (see docs/rules.md):

=============  ==============================================================
identity       ``[target] = expression``  (the target is derived and compared)
ratio-bound    ``expression`` with ``minimum``/``maximum`` in ``unit``
growth         ``[rate] = expression`` (usually ``growth([level], [level@previous])``)
cagr           ``[rate] = cagr([level])`` or ``[rate] = cagr(a, b[, years])``
containment    ``inner <= outer``, one reference on each side
order          ``[a] < [b] <= [c] ...``, references to dated claims
duration       ``[duration] = expression`` giving years
=============  ==============================================================
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from checks.model.finding import Severity
from checks.model.package import Package
from checks.numbers.units import UnitError, parse_unit
from checks.rules.errors import RuleSyntaxError
from checks.rules.parser import parse_expression
from checks.rules.syntax import Call, Comparison, Expression, Node, Ref, references

KINDS: tuple[str, ...] = (
    "identity",
    "ratio-bound",
    "growth",
    "cagr",
    "containment",
    "order",
    "duration",
)


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


@dataclass(frozen=True)
class RuleSet:
    rules: tuple[Rule, ...]
    problems: tuple[RuleProblem, ...]

    def of_kind(self, *kinds: str) -> list[Rule]:
        return [r for r in self.rules if r.kind in kinds]

    def problems_of_kind(self, *kinds: str) -> list[RuleProblem]:
        return [p for p in self.problems if p.kind in kinds]


def load_rules(pkg: Package) -> RuleSet:
    """Parse every rule row; rows the schema check rejects (unknown kind) are skipped."""
    frame = pkg.table("rules")
    rules: list[Rule] = []
    problems: list[RuleProblem] = []
    if frame.empty or "rule_id" not in frame.columns:
        return RuleSet((), ())
    parsed: list[tuple[int, str, str, Rule | RuleSyntaxError]] = []
    for row, record in enumerate(frame.to_dict("records")):
        cells = {k: str(v) for k, v in record.items()}
        kind = cells.get("kind", "")
        rule_id = cells.get("rule_id", "") or f"row{row + 1}"
        if kind not in KINDS:
            continue
        try:
            parsed.append((row, rule_id, kind, _rule(rule_id, kind, cells, row)))
        except RuleSyntaxError as exc:
            parsed.append((row, rule_id, kind, exc))
    mentioned = {
        ref.target
        for *_, rule in parsed
        if isinstance(rule, Rule)
        for ref in references(rule.expression)
        if ref.is_claim
    }
    known = _known(pkg, mentioned)
    for row, rule_id, kind, outcome in parsed:
        try:
            if isinstance(outcome, RuleSyntaxError):
                raise outcome
            _check_references(outcome, *known)
            rules.append(outcome)
        except RuleSyntaxError as exc:
            problems.append(
                RuleProblem(
                    rule_id,
                    kind,
                    row,
                    exc.detail,
                    exc.column or "expression",
                    exc.expected,
                    exc.position,
                    exc.pointer if exc.column == "expression" else None,
                )
            )
    return RuleSet(tuple(rules), tuple(problems))


def _known(pkg: Package, mentioned: set[str]) -> tuple[set[str], set[str]]:
    """The indicator ids, and those of the ``mentioned`` claim ids that exist.

    Only the claim ids the rules mention are looked up, so the cost does not follow the
    size of the ledger.
    """
    indicators = pkg.table("indicators")
    claims = pkg.table("claims")
    present: set[str] = set()
    if mentioned and "claim_id" in claims.columns:
        wanted = sorted(mentioned)
        hits = claims["claim_id"][claims["claim_id"].isin(wanted).to_numpy(dtype=bool)]
        present = set(hits.tolist())
    return (
        set(indicators["indicator_id"]) if "indicator_id" in indicators.columns else set(),
        present,
    )


def _check_references(rule: Rule, indicators: set[str], claims: set[str]) -> None:
    """Every reference names an indicator of indicators.csv or a claim of claims.csv."""
    for ref in references(rule.expression):
        names, what = (claims, "claim") if ref.is_claim else (indicators, "indicator")
        if ref.target not in names:
            raise RuleSyntaxError(
                rule.rule_id,
                rule.text,
                ref.position,
                f"{_a(what)} {what} id that exists in {what}s.csv",
                str(ref),
            )


def _number(cells: dict[str, str], column: str, rule_id: str) -> float | None:
    text = cells.get(column, "").strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        raise RuleSyntaxError(rule_id, text, 0, "a finite number", text, column=column)
    return value


def _share(cells: dict[str, str], column: str, rule_id: str) -> float | None:
    value = _number(cells, column, rule_id)
    if value is not None and value < 0:
        text = cells.get(column, "").strip()
        raise RuleSyntaxError(rule_id, text, 0, "a share of at least 0", text, column=column)
    return value


def _rule(rule_id: str, kind: str, cells: dict[str, str], row: int) -> Rule:
    text = cells.get("expression", "")
    expression = parse_expression(text, rule_id)
    unit = cells.get("unit", "").strip()
    if unit:
        try:
            parse_unit(unit)
        except UnitError:
            raise RuleSyntaxError(
                rule_id, unit, 0, "a unit the unit registry knows", unit, column="unit"
            ) from None
    severity_text = cells.get("severity", "")
    severity = Severity(severity_text) if severity_text in Severity._value2member_map_ else None
    if severity is None:
        raise RuleSyntaxError(
            rule_id, severity_text, 0, "error, warning or info", severity_text, column="severity"
        )
    rule = Rule(
        rule_id=rule_id,
        kind=kind,
        text=text,
        expression=expression,
        minimum=_number(cells, "minimum", rule_id),
        maximum=_number(cells, "maximum", rule_id),
        unit=unit,
        severity=severity,
        tolerance=_number(cells, "tolerance", rule_id) or 0.0,
        rationale=cells.get("rationale", ""),
        row=row,
        error_gap=_share(cells, "error_gap", rule_id),
        edge_share=_share(cells, "edge_share", rule_id),
    )
    _check_shape(rule)
    return rule


def _shape_error(
    rule: Rule, expected: str, position: int = 0, column: str = "expression"
) -> RuleSyntaxError:
    if column != "expression":
        return RuleSyntaxError(rule.rule_id, "", 0, expected, "", column=column)
    return RuleSyntaxError(
        rule.rule_id, rule.text, position, expected, rule.text[position:], column=column
    )


def _check_shape(rule: Rule) -> None:
    expr = rule.expression
    kind = rule.kind
    if kind in ("identity", "growth", "cagr", "duration"):
        if not (isinstance(expr, Comparison) and expr.ops == ("=",)):
            raise _shape_error(rule, f"{_a(kind)} {kind} rule of the form [reference] = expression")
        if not isinstance(expr.operands[0], Ref):
            raise _shape_error(rule, f"a reference on the left of '=' in a {kind} rule")
        target = expr.operands[0]
        right_refs = references(expr.operands[1])
        if kind != "duration" and not right_refs:
            raise _shape_error(rule, "at least one reference on the right of '='", expr.position)
        if target.key in {r.key for r in right_refs} and kind != "duration":
            raise _shape_error(
                rule, f"{target} only on the left: the right side derives it", target.position
            )
        if kind == "cagr":
            right = expr.operands[1]
            if not (isinstance(right, Call) and right.name == "cagr"):
                raise _shape_error(rule, "cagr(...) on the right of '=' in a cagr rule")
            if len(right.args) == 1 and not isinstance(right.args[0], Ref):
                raise _shape_error(rule, "cagr([level]) with one reference to the levels")
    elif kind == "ratio-bound":
        if isinstance(expr, Comparison):
            raise _shape_error(
                rule, "an expression without a comparison (the bounds go in minimum/maximum)"
            )
        if rule.minimum is None and rule.maximum is None:
            raise _shape_error(
                rule, "a minimum or a maximum for a ratio-bound rule", column="maximum"
            )
        if rule.minimum is not None and rule.maximum is not None and rule.minimum > rule.maximum:
            raise _shape_error(
                rule, f"a maximum not below the minimum ({rule.minimum:g})", column="maximum"
            )
        if not references(expr):
            raise _shape_error(rule, "at least one reference")
    elif kind == "containment":
        if not (isinstance(expr, Comparison) and len(expr.ops) == 1 and expr.ops[0] != "="):
            raise _shape_error(rule, "inner <= outer (one comparison: <, <=, > or >=)")
        for side in expr.operands:
            if len(references(side)) != 1:
                raise _shape_error(rule, "exactly one reference on each side of a containment")
    elif kind == "order":
        if not (isinstance(expr, Comparison) and set(expr.ops) <= {"<", "<="}):
            raise _shape_error(rule, "a chain [a] < [b] <= [c] of references (only < and <=)")
        for operand in expr.operands:
            if not isinstance(operand, Ref):
                raise _shape_error(rule, "a reference to a dated claim", _pos(operand))


def _a(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _pos(node: Node) -> int:
    return int(getattr(node, "position", 0))
