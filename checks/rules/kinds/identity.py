"""identity: ``[target] = expression``. The right side derives the target from other
claims of the same subject and a comparable period (the implied population from internet
users and penetration); the derived interval is compared with *each* claim of the target
for that subject. A claim in a comparable period that no reading can match is a finding
at the rule's severity; claims of other periods are listed for reference. With no
comparable claim at all, the derived value is reported as information.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from checks.ledger.claims import Claim, ClaimTable
from checks.ledger.grading import Verdict, grade, is_hedged, milder
from checks.ledger.measures import implied_rate, measure_of, through_rate, years_apart
from checks.model.codes import FindingCode
from checks.model.finding import Severity
from checks.model.package import Package
from checks.numbers.units import parse_unit
from checks.rules.binding import anchors, bind, comparable
from checks.rules.errors import RuleEvaluationError
from checks.rules.evaluate import Evaluation, agree_within, claim_value
from checks.rules.kinds.common import (
    IMPLIED_VALUE,
    Result,
    RuleFailure,
    RuleKind,
    equation_shape,
    label,
    relative_difference,
)
from checks.rules.outcome import Outcome, claim_label, consult, interval_entry, percent
from checks.rules.readings import also_read, same_reading
from checks.rules.rule import Rule
from checks.rules.syntax import Ref, references
from checks.rules.values import Quantity, UnitMismatch, show, unit_text


def evaluate(rule: Rule, table: ClaimTable, pkg: Package) -> Iterator[Result]:
    target = rule.target
    refs = references(rule.right)
    anchor_ref, others = refs[0], refs[1:]
    name = label(table, target.target)
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
            if target.is_claim:
                targets = anchors(table, target)
            else:
                targets = table.of_indicator(target.target, anchor.subject)
            groups = same_reading(targets)  # copies of one reading are compared once
            targets = [group[0] for group in groups]
            members = {group[0].claim_id: [c.claim_id for c in group[1:]] for group in groups}
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
            plain = _plain(ev, rule, unit)
            yield from _compare(
                rule, pkg, name, anchor, inputs, ev, implied, targets, table, plain, members
            )


def _plain(ev: Evaluation, rule: Rule, unit: str) -> Quantity | None:
    """The right side computed from the printed figures alone (no hedges)."""
    plain = ev.printed_value(rule.right)
    if not isinstance(plain, Quantity):
        return None
    if unit:
        try:
            return plain.to(parse_unit(unit))
        except UnitMismatch:
            return None
    return plain


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
    targets: list[Claim],
    table: ClaimTable,
    plain: Quantity | None,
    members: dict[str, list[str]],
) -> Iterator[Result]:
    ids = tuple(c.claim_id for c in inputs)
    rows: list[dict[str, Any]] = []
    intervals = [
        interval_entry(
            None, implied.interval, unit_text(implied.unit), f"implied {name} ({', '.join(ids)})"
        )
    ]
    steps = list(ev.steps)
    if plain is not None:
        steps.append(f"at the printed figures without their hedges: {plain}")
    steps.append(f"compare the implied {name} with each {name} claim of {anchor.subject}:")
    mismatches: list[tuple[Claim, Quantity, dict[str, Any], Verdict, str]] = []
    hedged_inputs = any(is_hedged(c.qualifier) for c in inputs)
    for claim in targets:
        value = claim_value(claim)
        if not isinstance(value, Quantity):
            continue
        try:
            derived = implied.to(value.unit)
            derived_plain = plain.to(value.unit) if plain is not None else derived
        except UnitMismatch:
            yield RuleFailure(
                f"the implied {name} is in {unit_text(implied.unit) or 'a pure number'}, "
                f"{claim.claim_id} in {claim.unit}",
                (*ids, claim.claim_id),
            )
            return
        same_time = anchor.period.comparable(claim.period, claim.kind)
        measure = measure_of(table.indicator(claim.indicator_id))
        through = ""
        compared, compared_plain = derived.interval, derived_plain.interval
        if measure.moves and anchor.period != claim.period:
            assert measure.max_change_per_year is not None
            years = years_apart(anchor.period, claim.period)
            rate = measure.max_change_per_year
            compared = through_rate(derived.interval, years, rate)
            compared_plain = through_rate(derived_plain.interval, years, rate)
            needed = implied_rate(derived_plain.interval, claim.printed or value.interval, years)
            through = (
                f"{anchor.period} and {claim.period} are up to {years:.2f} years apart; "
                f"{label(table, claim.indicator_id)} changes by at most {rate:.1%} a year "
                f"(declared), and these figures imply {_rate(needed)}"
            )
        verdict = grade(
            (compared, value.interval),
            (compared_plain, claim.printed or value.interval),
            severity=rule.severity,
            error_gap=rule.error_gap,
            edge_share=rule.edge_share,
            both_hedged=hedged_inputs and is_hedged(claim.qualifier),
            any_hedged=hedged_inputs or is_hedged(claim.qualifier),
            tolerance=rule.tolerance,
        )
        if through:
            verdict = _as_bound(verdict)
        agrees = agree_within(compared, value.interval, rule.tolerance)
        checked = same_time or bool(through)
        same_time = same_time and not through
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
            "printed_difference": verdict.difference,
            "comparable_period": same_time,
            "through_rate": bool(through),
            "agrees": agrees,
            "verdict": verdict.severity.value if verdict.severity else "agrees",
        }
        rows.append(row)
        intervals.append(
            interval_entry(claim.claim_id, value.interval, claim.unit, claim_label(claim))
        )
        said = "agrees" if verdict.severity is None else verdict.explain()
        period_note = (
            f" ({through})"
            if through
            else (
                ""
                if same_time
                else f" (period {claim.period} is not {anchor.period}: for reference)"
            )
        )
        steps.append(
            f"  {claim.claim_id} {claim.as_written!r}: {show(value.interval, value.unit)}; "
            f"implied {show(derived.interval, value.unit)}; "
            f"{percent(row['relative_difference'])}; {said}{period_note}"
        )
        if checked and verdict.severity is not None:
            mismatches.append((claim, derived, row, verdict, through))
    extra = {
        "implied": {
            "lo": implied.interval.lo,
            "hi": implied.interval.hi,
            "unit": unit_text(implied.unit),
            "label": f"implied {name}",
        },
        "comparisons": rows,
    }
    if not any(r["comparable_period"] or r["through_rate"] for r in rows):
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
    for claim, derived, row, verdict, through in mismatches:
        assert verdict.severity is not None
        relation = "cannot equal" if verdict.basis == "disjoint" else "barely agrees with"
        if through:
            relation = "cannot have moved to" if verdict.basis == "disjoint" else "barely reaches"
        message = (
            f"{rule.rule_id}: the {name} implied by {', '.join(ids)}, "
            f"{show(derived.interval, claim.unit)}, {relation} {claim.claim_id} "
            f"{claim.as_written!r} {show(claim.interval or derived.interval, claim.unit)}: "
            f"{percent(row['relative_difference'])}, relative gap {row['relative_gap']:.2%}; "
            f"{through or verdict.explain()}"
        ) + also_read(members.get(claim.claim_id, []))
        yield Outcome(
            code="identity-mismatch" if not through else "identity-trajectory",
            severity=verdict.severity,
            claim_ids=(*ids, claim.claim_id, *members.get(claim.claim_id, [])),
            message=message,
            steps=steps,
            intervals=intervals,
            resolve=f"find which {name} the figures of {consult(pkg, inputs)} were computed "
            f"on and compare it with {consult(pkg, [claim])}; different definitions or dates "
            f"of {name} explain a gap, a wrong figure does not",
            key=rule.rule_id,
            rule=rule,
            extra={**extra, "verdict": row["verdict"], "basis": verdict.basis},
        )


def _rate(rate: float) -> str:
    if rate == 0:
        return "no change"
    if math.isinf(rate):
        return "an unbounded change"
    return f"a change of at least {rate:.1%} a year"


def _as_bound(verdict: Verdict) -> Verdict:
    """A comparison through a declared plausible rate is a plausibility bound: a warning
    at most."""
    if verdict.severity is None:
        return verdict
    return replace(verdict, severity=milder(verdict.severity, Severity.WARNING))


KIND = RuleKind(
    name="identity",
    check="arithmetic",
    form="[target] = expression (the right side derives the target, compared with each claim)",
    shape=equation_shape,
    evaluate=evaluate,
    codes=(
        FindingCode(
            "identity-mismatch",
            "A figure disagrees with the one its identity derives",
            "The claims the rule binds cannot all be right, or agree only at the edges of their "
            "hedges: check that they measure the same thing for the same subject and period, "
            "and which of them was misprinted.",
            "graded/rule",
            "the rule's severity when no reading agrees; with an error_gap, an error at or beyond "
            "it and a warning below (an identity 13% off is an error, 1% off a warning); a "
            "warning when they agree only at the edges of their hedges",
        ),
        FindingCode(
            "identity-trajectory",
            "A derived level cannot reach a level of another date at the declared rate",
            "The identity derives a level (a population) at one date; a claim of that level at "
            "another date (or an average over a period around it) is further away than the "
            "indicator's max_change_per_year allows; the message gives the implied rate.",
            "warning",
            "the declared rate is a plausibility bound, not a published figure",
        ),
        IMPLIED_VALUE,
    ),
)
