"""duration: ``[duration] = expression`` — a stated duration ("47 năm", "sau 20 năm")
against the years between the dates it spans, e.g.
``years([claim:untoc-adoption], [claim:unis-cybercrime-convention-adoption])``. Event
references bind to dated claims of the same subject whatever their date; ``start(x)`` and
``end(x)`` use the dates of a claim's period, including the duration claim's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from checks.ledger.claims import ClaimTable
from checks.ledger.grading import grade, is_hedged
from checks.model.codes import FindingCode
from checks.model.package import Package
from checks.rules.binding import anchors, bind, dated_or_comparable
from checks.rules.errors import RuleEvaluationError
from checks.rules.evaluate import Evaluation, claim_value, comparable_intervals
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
            plain_left = left
            plain = ev.printed_value(rule.right)
            plain_right = right
            if anchor.printed is not None:
                plain_left = replace(stated, interval=anchor.printed).to(stated.unit).interval
            if plain is not None:
                try:
                    plain_right = comparable_intervals(stated, plain)[1]
                except FunctionError:
                    plain_right = right
            verdict = grade(
                (left, right),
                (plain_left, plain_right),
                severity=rule.severity,
                error_gap=rule.error_gap,
                edge_share=rule.edge_share,
                any_hedged=any(is_hedged(c.qualifier) for c in binding.claims.values()),
                tolerance=rule.tolerance,
            )
            if verdict.severity is None:
                continue
            dates = [c for c in binding.claims.values() if c.claim_id != anchor.claim_id]
            relation = "cannot be" if verdict.basis == "disjoint" else "is only at the edge of"
            yield Outcome(
                code="duration-mismatch",
                severity=verdict.severity,
                claim_ids=binding.claim_ids,
                message=f"{rule.rule_id}: {anchor.claim_id} says {anchor.as_written!r} "
                f"{show(left, unit)}, which {relation} what {rule.right} gives, "
                f"{show(right, unit)}; {verdict.explain()}",
                steps=[
                    *ev.steps,
                    f"as printed, without hedges: {show(plain_left, unit)} against "
                    f"{show(plain_right, unit)}",
                    f"stated {show(left, unit)} against {show(right, unit)}: {verdict.explain()}",
                ],
                intervals=[
                    interval_entry(anchor.claim_id, left, unit, f"stated: {anchor.as_written}"),
                    interval_entry(None, right, unit, f"from the dates: {rule.right}"),
                ],
                resolve=f"check which dates the duration counts between: consult "
                f"{consult(pkg, [anchor, *dates])}",
                key=rule.rule_id,
                rule=rule,
                extra={"verdict": verdict.basis, "printed_difference": verdict.difference},
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
            "The years between the dates cannot be the printed duration, or only at the edge "
            "of its rounding: check both dates and whether the duration is rounded.",
            "graded/rule",
            "the rule's severity when no reading agrees (a warning below the rule's error_gap "
            "when it declares one); a warning when the figures agree only at the edge of a "
            "hedge or of a round number's halo ('sau 20 năm' against 21.1 years)",
        ),
    ),
)
