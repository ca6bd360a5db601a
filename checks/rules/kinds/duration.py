"""duration: ``[duration] = expression`` — a stated duration ("47 năm", "sau 20 năm")
against the years between the dates it spans, e.g.
``years([claim:untoc-adoption], [claim:unis-cybercrime-convention-adoption])``. Event
references bind to dated claims of the same subject whatever their date; ``start(x)`` and
``end(x)`` use the dates of a claim's period, including the duration claim's own.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.ledger.claims import ClaimTable
from checks.model.codes import FindingCode
from checks.model.package import Package
from checks.rules.binding import anchors, bind, dated_or_comparable
from checks.rules.errors import RuleEvaluationError
from checks.rules.evaluate import Evaluation, agree_within, claim_value, comparable_intervals
from checks.rules.functions import FunctionError
from checks.rules.kinds.common import Result, RuleFailure, RuleKind, equation_shape
from checks.rules.outcome import Outcome, consult, interval_entry
from checks.rules.rule import Rule
from checks.rules.syntax import references
from checks.rules.values import Quantity, show


def evaluate(rule: Rule, table: ClaimTable, pkg: Package) -> Iterator[Result]:
    target = rule.target
    others = [r for r in references(rule.right) if r.key != target.key]
    for anchor in anchors(table, target):
        stated = claim_value(anchor) if anchor.interval is not None else None
        if not isinstance(stated, Quantity):
            continue
        for binding in bind(table, target, anchor, others, dated_or_comparable):
            ev = Evaluation(rule.rule_id, binding.claims)
            ev.steps.append(f"{target} ← {anchor.describe()} = {stated}")
            try:
                computed = ev.value(rule.right)
                left, right, unit = comparable_intervals(stated, computed)
            except RuleEvaluationError as exc:
                yield RuleFailure(exc.reason, binding.claim_ids)
                continue
            except FunctionError as exc:
                yield RuleFailure(str(exc), binding.claim_ids)
                continue
            if agree_within(left, right, rule.tolerance):
                continue
            dates = [c for c in binding.claims.values() if c.claim_id != anchor.claim_id]
            yield Outcome(
                code="duration-mismatch",
                severity=rule.severity,
                claim_ids=binding.claim_ids,
                message=f"{rule.rule_id}: {anchor.claim_id} says {anchor.as_written!r} "
                f"{show(left, unit)}, but {rule.right} gives {show(right, unit)}",
                steps=[*ev.steps, f"stated {show(left, unit)} cannot equal {show(right, unit)}"],
                intervals=[
                    interval_entry(anchor.claim_id, left, unit, f"stated: {anchor.as_written}"),
                    interval_entry(None, right, unit, f"from the dates: {rule.right}"),
                ],
                resolve=f"check which dates the duration counts between: consult "
                f"{consult(pkg, [anchor, *dates])}",
                key=rule.rule_id,
                rule=rule,
            )


def check_shape(rule: Rule) -> None:
    equation_shape(rule, derives=False)


KIND = RuleKind(
    name="duration",
    check="temporal",
    form="[duration] = expression giving years",
    shape=check_shape,
    evaluate=evaluate,
    codes=(
        FindingCode(
            "duration-mismatch",
            "A stated duration disagrees with the dates it spans",
            "The years between the dates cannot be the printed duration: check both dates "
            "and whether the duration is rounded.",
            "rule",
            "the rule's severity column",
        ),
    ),
)
