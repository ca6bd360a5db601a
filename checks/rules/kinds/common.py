"""Pieces every kind of rule shares: the declaration of a kind, failures, the label of an
indicator, comparisons."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from checks.ledger.claims import Claim, ClaimTable
from checks.model.codes import FindingCode
from checks.model.package import Package
from checks.rules.outcome import Outcome
from checks.rules.rule import Rule, article, shape_error
from checks.rules.syntax import Comparison, Ref, references


@dataclass(frozen=True)
class RuleFailure:
    """The rule could not be computed for these claims (reported once per rule)."""

    reason: str
    claim_ids: tuple[str, ...]


Result = Outcome | RuleFailure

Evaluator = Callable[[Rule, ClaimTable, Package], Iterator[Result]]
ShapeCheck = Callable[[Rule], None]


@dataclass(frozen=True)
class RuleKind:
    """A kind of rule, declared by its module in ``checks.rules.kinds``.

    ``name`` is the value of the rules table's ``kind`` column; ``check`` the registered
    check whose findings its rules raise; ``shape`` raises a
    :class:`~checks.rules.errors.RuleSyntaxError` for a rule of the wrong shape;
    ``evaluate`` yields the outcomes of a rule over the claims; ``codes`` the finding codes
    those outcomes carry; ``form`` the shape in one line, for the docs.
    """

    name: str
    check: str
    form: str
    shape: ShapeCheck
    evaluate: Evaluator
    codes: tuple[FindingCode, ...]


def equation_shape(rule: Rule, *, derives: bool = True) -> None:
    """``[reference] = expression``; with ``derives``, references on the right that do not
    include the left one (the right side derives the left)."""
    expr, kind = rule.expression, rule.kind
    if not (isinstance(expr, Comparison) and expr.ops == ("=",)):
        raise shape_error(rule, f"{article(kind)} {kind} rule of the form [reference] = expression")
    if not isinstance(expr.operands[0], Ref):
        raise shape_error(rule, f"a reference on the left of '=' in a {kind} rule")
    if not derives:
        return
    target = expr.operands[0]
    right_refs = references(expr.operands[1])
    if not right_refs:
        raise shape_error(rule, "at least one reference on the right of '='", expr.position)
    if target.key in {r.key for r in right_refs}:
        raise shape_error(
            rule, f"{target} only on the left: the right side derives it", target.position
        )


IMPLIED_VALUE = FindingCode(
    "implied-value",
    "A value the rule derives",
    "The value a rule derives from the claims it binds (an implied population, an implied "
    "rate), shown so a reader can judge it; nothing to fix.",
    "info",
    "information: derived from the claims, it contradicts nothing by itself",
)


def label(table: ClaimTable, indicator_id: str) -> str:
    """The indicator's label in lower case (``population``), or its id."""
    info = table.indicator(indicator_id)
    return info["label"].lower() if info and info["label"] else indicator_id


def as_written(claims: list[Claim]) -> str:
    return ", ".join(f"{c.as_written!r}" if c.as_written else str(c.period) for c in claims)


def relative_difference(value: float, reference: float) -> float:
    """``(value - reference) / reference``; 0 when the reference is 0."""
    return (value - reference) / reference if reference else 0.0
