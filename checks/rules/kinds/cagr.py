"""cagr: a stated compound annual growth rate against levels.

``[rate] = cagr([level])`` compares the rate with the rate implied by every pair of levels
that one source gives inside the rate's period (8 → 10.5 trillion USD from 2023 to 2025
against "15 percent per year"): a constant rate over a period implies the same rate
between any two of its years. ``[rate] = cagr(a, b[, years])`` names the levels. A pair
that no reading can reconcile is a finding at the rule's severity; a pair that agrees is
reported as information, because the implied rate is itself a figure no source printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations

from checks.ledger.claims import Claim, ClaimTable
from checks.ledger.grading import grade, is_hedged
from checks.model.codes import FindingCode
from checks.model.finding import Severity
from checks.model.package import Package
from checks.rules.binding import anchors, anywhere, bind
from checks.rules.errors import RuleEvaluationError
from checks.rules.evaluate import Evaluation, claim_value, comparable_intervals
from checks.rules.functions import FUNCTIONS, FunctionError
from checks.rules.kinds.common import Result, RuleFailure, RuleKind, equation_shape
from checks.rules.outcome import Outcome, consult, interval_entry
from checks.rules.rule import Rule, shape_error
from checks.rules.syntax import Call, Ref, references
from checks.rules.values import Quantity, Value, show


def evaluate(rule: Rule, table: ClaimTable, pkg: Package) -> Iterator[Result]:
    target = rule.target
    call = rule.right
    assert isinstance(call, Call)
    for anchor in anchors(table, target):
        stated = claim_value(anchor) if anchor.interval is not None else None
        if not isinstance(stated, Quantity):
            continue
        if len(call.args) == 1 and isinstance(call.args[0], Ref):
            for first, last in _pairs(table, call.args[0], anchor):
                yield from _pair(rule, pkg, anchor, stated, first, last)
            continue
        others = [r for r in references(call) if r.key != target.key]
        for binding in bind(table, target, anchor, others, anywhere):
            ev = Evaluation(rule.rule_id, binding.claims)
            try:
                computed = ev.value(call)
            except RuleEvaluationError as exc:
                yield RuleFailure(exc.reason, binding.claim_ids)
                continue
            inputs = [c for c in binding.claims.values() if c.claim_id != anchor.claim_id]
            yield _outcome(rule, pkg, anchor, stated, computed, inputs, ev.steps)


def _pairs(table: ClaimTable, ref: Ref, anchor: Claim) -> Iterator[tuple[Claim, Claim]]:
    if ref.is_claim:
        return
    levels = [
        c
        for c in table.of_indicator(ref.target, anchor.subject)
        if c.interval is not None and anchor.period.contains(c.period)
    ]
    by_source: dict[str, list[Claim]] = {}
    for claim in levels:
        by_source.setdefault(claim.source_id, []).append(claim)
    for source_id in sorted(by_source):
        ordered = sorted(by_source[source_id], key=lambda c: (c.period, c.claim_id))
        for first, last in combinations(ordered, 2):
            if first.period.end < last.period.start:
                yield first, last


def _pair(
    rule: Rule, pkg: Package, anchor: Claim, stated: Quantity, first: Claim, last: Claim
) -> Iterator[Result]:
    a, b = claim_value(first), claim_value(last)
    steps = [
        f"stated rate ← {anchor.describe()} = {stated}",
        f"first level ← {first.describe()} = {a}",
        f"last level ← {last.describe()} = {b}",
    ]
    if isinstance(a, Quantity) and isinstance(b, Quantity) and a.period and b.period:
        gaps = (
            b.period.as_years.lo - a.period.as_years.lo,
            b.period.as_years.hi - a.period.as_years.hi,
        )
        steps.append(f"years from {a.period} to {b.period}: {min(gaps):.4g} to {max(gaps):.4g}")
    notes = [c for c in (first, last) if c.is_forecast]
    if notes and len(notes) < 2:
        measured = first if last.is_forecast else last
        steps.append(
            f"note: {notes[0].claim_id} is a forecast and {measured.claim_id} is stated as "
            f"{measured.qualifier}: the rate links a forecast to a figure presented as measured"
        )
    try:
        computed: Value = FUNCTIONS["cagr"].apply([a, b])
    except FunctionError as exc:
        yield RuleFailure(str(exc), (anchor.claim_id, first.claim_id, last.claim_id))
        return
    steps.append(f"cagr = (last ÷ first)^(1 ÷ years) − 1 = {computed}")
    plain: Value | None = None
    widened = any(c.printed != c.interval for c in (first, last))
    if first.printed is not None and last.printed is not None:
        try:
            plain = FUNCTIONS["cagr"].apply([_printed(first), _printed(last)])
        except FunctionError:
            plain = None
    if widened and plain is not None:
        steps.append(f"at the printed figures without their hedge words: {plain}")
    yield _outcome(rule, pkg, anchor, stated, computed, [first, last], steps, plain, shown=widened)


def _printed(claim: Claim) -> Quantity:
    value = claim_value(claim)
    assert isinstance(value, Quantity) and claim.printed is not None
    return replace(value, interval=claim.printed)


def _outcome(
    rule: Rule,
    pkg: Package,
    anchor: Claim,
    stated: Quantity,
    computed: Value,
    inputs: list[Claim],
    steps: list[str],
    plain: Value | None = None,
    shown: bool = True,
) -> Result:
    ids = (anchor.claim_id, *(c.claim_id for c in inputs))
    try:
        left, right, unit = comparable_intervals(stated, computed)
        printed_right = comparable_intervals(stated, plain)[1] if plain is not None else right
    except FunctionError as exc:
        return RuleFailure(str(exc), ids)
    printed_left = left
    if anchor.printed is not None:
        printed_left = replace(stated, interval=anchor.printed).to(stated.unit).interval
    graded = grade(
        (left, right),
        (printed_left, printed_right),
        severity=rule.severity,
        error_gap=rule.error_gap,
        edge_share=rule.edge_share,
        any_hedged=any(is_hedged(c.qualifier) for c in (anchor, *inputs)),
        tolerance=rule.tolerance,
    )
    agrees = graded.severity is None
    levels = " → ".join(f"{c.as_written!r} ({c.period.start.year})" for c in inputs)
    verdict = (
        "agrees with"
        if agrees
        else ("cannot equal" if graded.basis == "disjoint" else "agrees only at the edges with")
    )
    why = "" if agrees or graded.basis == "disjoint" else f"; {graded.explain()}"
    bare = f" ({plain} at the printed figures)" if isinstance(plain, Quantity) and shown else ""
    intervals = [
        interval_entry(
            anchor.claim_id, left, unit, f"stated: {anchor.as_written} ({anchor.claim_id})"
        ),
        interval_entry(None, right, unit, f"implied by {levels}"),
    ]
    return Outcome(
        code="cagr-agrees" if agrees else "cagr-mismatch",
        severity=graded.severity or Severity.INFO,
        claim_ids=ids,
        message=f"{rule.rule_id}: {levels} implies {show(right, unit)} per year{bare}, which "
        f"{verdict} {anchor.claim_id} {anchor.as_written!r} {show(left, unit)}{why}",
        steps=[*steps, f"stated {show(left, unit)} {verdict} implied {show(right, unit)}"],
        intervals=intervals,
        resolve=f"compare the levels with the estimate they come from: consult "
        f"{consult(pkg, [anchor, *inputs])}; forecasts are not measurements",
        key=rule.rule_id,
        rule=rule,
        extra={"implied_rate": {"lo": right.lo, "hi": right.hi, "unit": unit}},
    )


def check_shape(rule: Rule) -> None:
    equation_shape(rule)
    right = rule.right
    if not (isinstance(right, Call) and right.name == "cagr"):
        raise shape_error(rule, "cagr(...) on the right of '=' in a cagr rule")
    if len(right.args) == 1 and not isinstance(right.args[0], Ref):
        raise shape_error(rule, "cagr([level]) with one reference to the levels")


KIND = RuleKind(
    name="cagr",
    check="arithmetic",
    form="[rate] = cagr([level]) or [rate] = cagr(a, b[, years])",
    shape=check_shape,
    evaluate=evaluate,
    codes=(
        FindingCode(
            "cagr-mismatch",
            "A stated compound growth rate disagrees with its levels",
            "The compound annual rate implied by the level and its forecast cannot be the "
            "stated one, or only at the edges of their hedges: check the years between them "
            "and which figure is a forecast.",
            "graded/rule",
            "the rule's severity when no reading agrees (graded by its error_gap if declared); "
            "a warning when the rate agrees only through hedges or round-number halos",
        ),
        FindingCode(
            "cagr-agrees",
            "A stated compound growth rate agrees with its levels",
            "The rate implied by the levels contains the stated rate; nothing to fix.",
            "info",
            "information: the recomputation confirms the figure",
        ),
    ),
)
