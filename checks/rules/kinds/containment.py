"""containment: ``inner <= outer`` — for a flow, the count over a period is at least the
count over any period inside it. The left reference binds to every claim of its
indicator; the right one to claims of the same subject whose period contains the left
claim's. ``count(...)`` lets a subset relation compare different counted things
(serious attacks are incidents). A finding when no reading satisfies the comparison.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.ledger.claims import Claim, ClaimTable
from checks.model.codes import FindingCode
from checks.model.package import Package
from checks.rules.binding import anchors, candidates
from checks.rules.errors import RuleEvaluationError
from checks.rules.evaluate import Evaluation, comparable_intervals, relation_holds
from checks.rules.functions import FunctionError
from checks.rules.kinds.common import Result, RuleFailure, RuleKind
from checks.rules.outcome import Outcome, claim_label, consult, interval_entry
from checks.rules.rule import Rule, shape_error
from checks.rules.syntax import Comparison, Node, Ref, references
from checks.rules.values import show

_FLIP = {">": "<", ">=": "<="}


def inside(ref: Ref, anchor: Claim, candidate: Claim) -> bool:
    """The candidate's period contains the anchor's (and is not the same claim)."""
    return candidate.period.contains(anchor.period)


def evaluate(rule: Rule, table: ClaimTable, pkg: Package) -> Iterator[Result]:
    chain = rule.expression
    assert isinstance(chain, Comparison)
    op = chain.ops[0]
    inner_side: Node = chain.operands[0]
    outer_side: Node = chain.operands[1]
    if op in _FLIP:
        op, inner_side, outer_side = _FLIP[op], outer_side, inner_side
    inner_ref, outer_ref = references(inner_side)[0], references(outer_side)[0]
    for inner in anchors(table, inner_ref):
        for outer in candidates(table, outer_ref, inner, inside):
            if outer.period == inner.period and outer.indicator_id == inner.indicator_id:
                continue
            ev = Evaluation(rule.rule_id, {inner_ref.key: inner, outer_ref.key: outer})
            try:
                left, right, unit = comparable_intervals(ev.value(inner_side), ev.value(outer_side))
            except RuleEvaluationError as exc:
                yield RuleFailure(exc.reason, (inner.claim_id, outer.claim_id))
                continue
            except FunctionError as exc:
                yield RuleFailure(str(exc), (inner.claim_id, outer.claim_id))
                continue
            if relation_holds(op, left, right):
                continue
            yield Outcome(
                code="containment-violated",
                severity=rule.severity,
                claim_ids=(inner.claim_id, outer.claim_id),
                message=f"{rule.rule_id}: {inner.claim_id} counts {show(left, unit)} over "
                f"{inner.period}, more than {outer.claim_id} {show(right, unit)} over "
                f"{outer.period}, which contains it",
                steps=[
                    *ev.steps,
                    f"{inner_side} {op} {outer_side} cannot hold: "
                    f"{show(left, unit)} vs {show(right, unit)}",
                ],
                intervals=[
                    interval_entry(inner.claim_id, left, unit, claim_label(inner)),
                    interval_entry(outer.claim_id, right, unit, claim_label(outer)),
                ],
                resolve=f"check what each figure counts and over which period: consult "
                f"{consult(pkg, [inner, outer])}",
                key=rule.rule_id,
                rule=rule,
            )


def check_shape(rule: Rule) -> None:
    expr = rule.expression
    if not (isinstance(expr, Comparison) and len(expr.ops) == 1 and expr.ops[0] != "="):
        raise shape_error(rule, "inner <= outer (one comparison: <, <=, > or >=)")
    for side in expr.operands:
        if len(references(side)) != 1:
            raise shape_error(rule, "exactly one reference on each side of a containment")


KIND = RuleKind(
    name="containment",
    check="conflicts",
    form="inner <= outer, one reference on each side",
    shape=check_shape,
    evaluate=evaluate,
    codes=(
        FindingCode(
            "containment-violated",
            "A part exceeds the whole that contains it",
            "The inner figure is larger than the outer one for every reading: check their "
            "periods and definitions.",
            "rule",
            "the rule's severity column",
        ),
    ),
)
