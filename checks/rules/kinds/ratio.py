"""ratio-bound: an expression of claims of the same subject and comparable period (losses
per fraud report, losses as a share of GDP) must be able to fall inside
``[minimum, maximum]`` in the rule's unit. The bounds are the rule's own, with their
reasons in its rationale. A money result is also shown in the other currency through each
dated exchange-rate claim that fits its period.

Only the anchors that :func:`~checks.rules.bulk.suspect_anchors` cannot clear are
evaluated binding by binding.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from checks.ledger.claims import ClaimTable
from checks.model.codes import FindingCode
from checks.model.package import Package
from checks.numbers.interval import Interval
from checks.numbers.units import parse_unit
from checks.rules.binding import anchors, bind, comparable
from checks.rules.bulk import suspect_anchors
from checks.rules.errors import RuleEvaluationError
from checks.rules.evaluate import Evaluation, widen_relative
from checks.rules.exchange import convert_through, rate_claims
from checks.rules.kinds.common import Result, RuleFailure, RuleKind
from checks.rules.outcome import Outcome, consult, interval_entry
from checks.rules.rule import Rule, shape_error
from checks.rules.syntax import Comparison, references
from checks.rules.values import (
    DIMENSIONLESS,
    Quantity,
    UnitMismatch,
    number,
    show,
    unit_text,
)


def evaluate(rule: Rule, table: ClaimTable, pkg: Package) -> Iterator[Result]:
    refs = references(rule.expression)
    anchor_ref, others = refs[0], refs[1:]
    unit = parse_unit(rule.unit) if rule.unit else DIMENSIONLESS
    bounds = Interval(
        -math.inf if rule.minimum is None else rule.minimum,
        math.inf if rule.maximum is None else rule.maximum,
    )
    suspects = suspect_anchors(table, rule.left, bounds, unit, rule.tolerance)
    chosen = anchors(table, anchor_ref) if suspects is None else table.claims(suspects)
    for anchor in chosen:
        for binding in bind(table, anchor_ref, anchor, others, comparable, source_with_anchor=True):
            ev = Evaluation(rule.rule_id, binding.claims)
            try:
                value = ev.value(rule.left)
                if not isinstance(value, Quantity):
                    raise RuleEvaluationError(rule.rule_id, "the expression is a date")
                value = value.to(unit)
            except UnitMismatch:
                yield RuleFailure(
                    f"the expression is not in {rule.unit or 'a pure number'}",
                    binding.claim_ids,
                )
                continue
            except RuleEvaluationError as exc:
                yield RuleFailure(exc.reason, binding.claim_ids)
                continue
            if widen_relative(value.interval, rule.tolerance).overlaps(bounds):
                continue
            inputs = list(binding.claims.values())
            steps = list(ev.steps)
            shown = show(value.interval, unit)
            side = "above the maximum" if value.interval.lo > bounds.hi else "below the minimum"
            bound = bounds.hi if value.interval.lo > bounds.hi else bounds.lo
            steps.append(f"in the rule's unit: {shown}")
            steps.append(f"the rule allows [{_bound(bounds.lo)}, {_bound(bounds.hi)}] {rule.unit}")
            converted: list[str] = []
            extra_values = []
            for rate in rate_claims(table, anchor.subject, anchor.period):
                other = convert_through(value, rate)
                if other is None:
                    continue
                text = (
                    f"{show(other.interval, other.unit)} through {rate.claim_id} "
                    f"{rate.as_written!r} {rate.unit} ({rate.period})"
                )
                converted.append(text)
                steps.append(f"converted: {shown} ÷ {rate.claim_id} = {text}")
                extra_values.append(
                    {
                        "via": rate.claim_id,
                        "lo": other.interval.lo,
                        "hi": other.interval.hi,
                        "unit": unit_text(other.unit),
                    }
                )
            also = f" (= {'; '.join(converted)})" if converted else ""
            intervals = [
                interval_entry(None, value.interval, rule.unit, f"{rule.left} ({rule.rule_id})")
            ]
            if math.isfinite(bound):
                intervals.append(
                    interval_entry(
                        None,
                        _drawn(bounds, value.interval),
                        rule.unit,
                        f"allowed by {rule.rule_id}",
                    )
                )
            yield Outcome(
                code="ratio-out-of-bounds",
                severity=rule.severity,
                claim_ids=binding.claim_ids,
                message=f"{rule.rule_id}: {rule.left} = {shown}{also} is {side} "
                f"{number(bound)} {rule.unit} for every reading of "
                + ", ".join(repr(c.as_written) for c in inputs),
                steps=steps,
                intervals=intervals,
                resolve=f"check that the figures measure the same thing over the same period: "
                f"consult {consult(pkg, inputs)}; the bound's reasons are in the rule's rationale",
                key=rule.rule_id,
                rule=rule,
                extra={
                    "value": {"lo": value.interval.lo, "hi": value.interval.hi, "unit": rule.unit},
                    "converted": extra_values,
                },
            )


def _bound(x: float) -> str:
    return number(x) if math.isfinite(x) else ("-inf" if x < 0 else "inf")


def _drawn(bounds: Interval, near: Interval) -> Interval:
    """The allowed range for drawing: an open end stops just past the computed value."""
    lo = bounds.lo if math.isfinite(bounds.lo) else min(0.0, near.lo, bounds.hi)
    hi = bounds.hi if math.isfinite(bounds.hi) else max(near.hi, bounds.lo)
    return Interval(lo, hi)


def check_shape(rule: Rule) -> None:
    if isinstance(rule.expression, Comparison):
        raise shape_error(
            rule, "an expression without a comparison (the bounds go in minimum/maximum)"
        )
    if rule.minimum is None and rule.maximum is None:
        raise shape_error(rule, "a minimum or a maximum for a ratio-bound rule", column="maximum")
    if rule.minimum is not None and rule.maximum is not None and rule.minimum > rule.maximum:
        raise shape_error(
            rule, f"a maximum not below the minimum ({rule.minimum:g})", column="maximum"
        )
    if not references(rule.expression):
        raise shape_error(rule, "at least one reference")


KIND = RuleKind(
    name="ratio-bound",
    check="arithmetic",
    form="expression, with minimum and/or maximum in unit",
    shape=check_shape,
    evaluate=evaluate,
    codes=(
        FindingCode(
            "ratio-out-of-bounds",
            "A ratio of claims lies outside its plausible bounds",
            "No reading of the printed numbers puts the ratio inside the bounds the rule "
            "documents: the figures probably do not describe the same set of cases.",
            "rule",
            "the rule's severity column; the bound's reasons are in its rationale",
        ),
    ),
)
