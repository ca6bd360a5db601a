"""identity: ``[target] = expression``. The right side derives the target from other
claims of the same subject and a comparable period (the implied population from internet
users and penetration); the derived interval is compared with *each* claim of the target
for that subject. A claim in a comparable period that no reading can match is a finding
at the rule's severity; claims of other periods are listed for reference. With no
comparable claim at all, the derived value is reported as information.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from checks.ledger.claims import Claim, ClaimTable
from checks.model.finding import Severity
from checks.model.package import Package
from checks.numbers.units import parse_unit
from checks.rules.binding import anchors, bind, comparable
from checks.rules.errors import RuleEvaluationError
from checks.rules.evaluate import Evaluation, agree_within, claim_value
from checks.rules.kinds.common import Result, RuleFailure, label, relative_difference
from checks.rules.outcome import Outcome, claim_label, consult, interval_entry, percent
from checks.rules.readings import same_reading
from checks.rules.ruleset import Rule
from checks.rules.syntax import Ref, references
from checks.rules.values import Quantity, UnitMismatch, show, unit_text


def evaluate(rule: Rule, table: ClaimTable, pkg: Package) -> Iterator[Result]:
    target = rule.target
    refs = references(rule.right)
    anchor_ref, others = refs[0], refs[1:]
    name = label(table, target.target)
    of_subject: dict[str, list[list[Claim]]] = {}
    for anchor in anchors(table, anchor_ref):
        for binding in bind(table, anchor_ref, anchor, others, comparable, source_with_anchor=True):
            inputs = list(binding.claims.values())
            ev = Evaluation(rule.rule_id, binding.claims)
            try:
                implied = ev.value(rule.right)
            except RuleEvaluationError as exc:
                yield RuleFailure(exc.reason, binding.claim_ids)
                continue
            if not isinstance(implied, Quantity):
                yield RuleFailure("the right side is a date, not a number", binding.claim_ids)
                continue
            if anchor.subject not in of_subject:
                of_subject[anchor.subject] = same_reading(
                    anchors(table, target)
                    if target.is_claim
                    else table.of_indicator(target.target, anchor.subject)
                )
            groups = of_subject[anchor.subject]
            targets = [group[0] for group in groups]
            unit = _target_unit(table, target, targets)
            if unit:
                try:
                    implied = implied.to(parse_unit(unit))
                except UnitMismatch:
                    yield RuleFailure(
                        f"the right side is in {unit_text(implied.unit) or 'a pure number'}, "
                        f"not in {unit}",
                        binding.claim_ids,
                    )
                    continue
                ev.steps.append(f"in {unit}: {implied}")
            yield from _compare(rule, pkg, name, anchor, inputs, ev, implied, groups)


def _target_unit(table: ClaimTable, target: Ref, targets: list[Claim]) -> str:
    info = None if target.is_claim else table.indicator(target.target)
    if info is not None:
        return info["unit"]
    return targets[0].unit if targets else ""


def _compare(
    rule: Rule,
    pkg: Package,
    name: str,
    anchor: Claim,
    inputs: list[Claim],
    ev: Evaluation,
    implied: Quantity,
    groups: list[list[Claim]],
) -> Iterator[Result]:
    """Compare the implied value with each distinct reading of the target (the first claim
    of each group stands for the group; a mismatch names every claim of it)."""
    ids = tuple(c.claim_id for c in inputs)
    rows: list[dict[str, Any]] = []
    intervals = [
        interval_entry(
            None, implied.interval, unit_text(implied.unit), f"implied {name} ({', '.join(ids)})"
        )
    ]
    steps = list(ev.steps)
    steps.append(f"compare the implied {name} with each {name} claim of {anchor.subject}:")
    mismatches: list[tuple[list[Claim], Quantity, dict[str, Any]]] = []
    for group in groups:
        claim = group[0]
        value = claim_value(claim)
        if not isinstance(value, Quantity):
            continue
        try:
            derived = implied.to(value.unit)
        except UnitMismatch:
            yield RuleFailure(
                f"the implied {name} is in {unit_text(implied.unit) or 'a pure number'}, "
                f"{claim.claim_id} in {claim.unit}",
                (*ids, claim.claim_id),
            )
            return
        same_time = anchor.period.comparable(claim.period, claim.kind)
        agrees = agree_within(derived.interval, value.interval, rule.tolerance)
        row: dict[str, Any] = {
            "claim_id": claim.claim_id,
            "source_id": claim.source_id,
            "as_written": claim.as_written,
            "period": str(claim.period),
            "lo": value.interval.lo,
            "hi": value.interval.hi,
            "unit": claim.unit,
            "relative_difference": relative_difference(value.interval.mid, derived.interval.mid),
            "relative_gap": value.interval.relative_gap(derived.interval),
            "comparable_period": same_time,
            "agrees": agrees,
        }
        rows.append(row)
        intervals.append(
            interval_entry(claim.claim_id, value.interval, claim.unit, claim_label(claim))
        )
        verdict = "can agree" if agrees else "cannot agree"
        period_note = (
            "" if same_time else f" (period {claim.period} is not {anchor.period}: for reference)"
        )
        steps.append(
            f"  {claim.claim_id} {claim.as_written!r}: {show(value.interval, value.unit)}; "
            f"implied {show(derived.interval, value.unit)}; "
            f"{percent(row['relative_difference'])}; {verdict}{period_note}"
        )
        if same_time and not agrees:
            mismatches.append((group, derived, row))
    extra = {
        "implied": {
            "lo": implied.interval.lo,
            "hi": implied.interval.hi,
            "unit": unit_text(implied.unit),
            "label": f"implied {name}",
        },
        "comparisons": rows,
    }
    if not any(r["comparable_period"] for r in rows):
        yield Outcome(
            code="implied-value",
            severity=Severity.INFO,
            claim_ids=ids,
            message=f"{rule.rule_id}: {', '.join(ids)} imply {name} "
            f"{show(implied.interval, implied.unit)} for {anchor.subject} at {anchor.period}; "
            f"no {name} claim has a comparable period",
            steps=steps,
            intervals=intervals,
            resolve=f"find the {name} that {consult(pkg, inputs)} used, and archive it",
            key=rule.rule_id,
            rule=rule,
            extra=extra,
        )
        return
    for group, derived, row in mismatches:
        claim = group[0]
        yield Outcome(
            code="identity-mismatch",
            severity=rule.severity,
            claim_ids=(*ids, *(c.claim_id for c in group)),
            message=f"{rule.rule_id}: the {name} implied by {', '.join(ids)}, "
            f"{show(derived.interval, claim.unit)}, cannot equal {claim.claim_id} "
            f"{claim.as_written!r} {show(claim.interval or derived.interval, claim.unit)}: "
            f"{percent(row['relative_difference'])}, relative gap {row['relative_gap']:.2%}",
            steps=steps,
            intervals=intervals,
            resolve=f"find which {name} the figures of {consult(pkg, inputs)} were computed "
            f"on and compare it with {consult(pkg, [claim])}; different definitions or dates "
            f"of {name} explain a gap, a wrong figure does not",
            key=rule.rule_id,
            rule=rule,
            extra=extra,
        )
