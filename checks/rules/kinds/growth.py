"""growth: a stated growth rate against the levels it links,
``[rate] = growth([level], [level@previous])``. With both levels present the rate is
recomputed and compared; with one missing, the missing level is derived from the rate and
the other level (the implied 2022 losses from 2023 losses and "tăng 64,78%") and reported
as information.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from checks.ledger.claims import Claim, ClaimTable
from checks.ledger.grading import grade, is_hedged
from checks.model.codes import FindingCode
from checks.model.finding import Severity
from checks.model.package import Package
from checks.rules.binding import anchors, bind, comparable
from checks.rules.errors import RuleEvaluationError
from checks.rules.evaluate import Evaluation, claim_value, comparable_intervals
from checks.rules.kinds.common import (
    IMPLIED_VALUE,
    Result,
    RuleFailure,
    RuleKind,
    equation_shape,
    label,
)
from checks.rules.outcome import Outcome, claim_interval, consult, interval_entry
from checks.rules.rule import Rule
from checks.rules.syntax import Ref, references
from checks.rules.values import Quantity, show, unit_text


def evaluate(rule: Rule, table: ClaimTable, pkg: Package) -> Iterator[Result]:
    target = rule.target
    others = [r for r in references(rule.right) if r.key != target.key]
    for anchor in anchors(table, target):
        stated = claim_value(anchor) if anchor.interval is not None else None
        if not isinstance(stated, Quantity):
            continue
        for binding in bind(table, target, anchor, others, comparable, allow_missing=1):
            ev = Evaluation(rule.rule_id, binding.claims)
            ev.steps.append(f"{target} ← {anchor.describe()} = {stated}")
            inputs = list(binding.claims.values())
            try:
                if binding.missing:
                    yield from _derive(rule, table, pkg, ev, binding.missing[0], stated, inputs)
                    continue
                computed = ev.value(rule.right)
                left, right, unit = comparable_intervals(stated, computed)
            except RuleEvaluationError as exc:
                yield RuleFailure(exc.reason, binding.claim_ids)
                continue
            except ValueError as exc:
                yield RuleFailure(str(exc), binding.claim_ids)
                continue
            plain = ev.printed_value(rule.right)
            printed_right = right
            if plain is not None:
                try:
                    printed_right = comparable_intervals(stated, plain)[1]
                except ValueError:
                    printed_right = right
            printed_left = left
            if anchor.printed is not None:
                printed_left = replace(stated, interval=anchor.printed).to(stated.unit).interval
            verdict = grade(
                (left, right),
                (printed_left, printed_right),
                severity=rule.severity,
                error_gap=rule.error_gap,
                edge_share=rule.edge_share,
                any_hedged=any(is_hedged(c.qualifier) for c in inputs),
                tolerance=rule.tolerance,
            )
            if verdict.severity is None:
                continue
            yield Outcome(
                code="growth-mismatch",
                severity=verdict.severity,
                claim_ids=binding.claim_ids,
                message=f"{rule.rule_id}: {anchor.claim_id} states {anchor.as_written!r} "
                f"{show(left, unit)}, but the levels give {show(right, unit)}; "
                f"{verdict.explain()}",
                steps=ev.steps,
                intervals=[
                    interval_entry(anchor.claim_id, left, unit, f"stated: {anchor.as_written}"),
                    interval_entry(None, right, unit, f"recomputed: {rule.right}"),
                ],
                resolve=f"check which periods the rate compares and which levels it was "
                f"computed from: consult {consult(pkg, inputs)}",
                key=rule.rule_id,
                rule=rule,
            )


def _derive(
    rule: Rule,
    table: ClaimTable,
    pkg: Package,
    ev: Evaluation,
    missing: Ref,
    stated: Quantity,
    inputs: list[Claim],
) -> Iterator[Result]:
    anchor = inputs[0]
    solved = ev.solve(rule.right, missing, stated)
    if not isinstance(solved, Quantity):
        return
    period = anchor.period.previous() if missing.selector == "previous" else anchor.period
    name = label(table, missing.target)
    ids = tuple(c.claim_id for c in inputs)
    ev.steps.append(f"implied {missing} for {period}: {solved}")
    yield Outcome(
        code="implied-value",
        severity=Severity.INFO,
        claim_ids=ids,
        message=f"{rule.rule_id}: {', '.join(ids)} imply {name} of "
        f"{show(solved.interval, solved.unit)} for {anchor.subject} in {period}; "
        "the package has no claim for that period",
        steps=ev.steps,
        intervals=[
            interval_entry(
                None, solved.interval, unit_text(solved.unit), f"implied {name}, {period}"
            ),
            *[i for i in (claim_interval(c) for c in inputs[1:]) if i is not None],
        ],
        resolve=f"find the {name} of {period} in the statistics that {consult(pkg, inputs)} "
        f"relies on, and compare it with the implied interval",
        key=f"{rule.rule_id}:{missing.key}",
        rule=rule,
        extra={
            "implied": {
                "lo": solved.interval.lo,
                "hi": solved.interval.hi,
                "unit": unit_text(solved.unit),
                "period": str(period),
                "label": f"implied {name}",
            }
        },
    )


KIND = RuleKind(
    name="growth",
    check="arithmetic",
    form="[rate] = expression (usually growth([level], [level@previous]))",
    shape=equation_shape,
    evaluate=evaluate,
    codes=(
        FindingCode(
            "growth-mismatch",
            "A stated growth rate disagrees with the levels it links",
            "The stated rate cannot be the change between the two levels for any reading of "
            "the printed numbers: check the base period and what the rate measures.",
            "graded/rule",
            "the rule's severity when no reading agrees (graded by its error_gap if declared); "
            "a warning when the rate agrees only through hedges or round-number halos",
        ),
        IMPLIED_VALUE,
    ),
)
