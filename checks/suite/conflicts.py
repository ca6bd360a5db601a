"""conflicts: claims that cannot all be true about the same measure, and claims that look
alike but are not the same measure.

Without rules: same subject, indicator and comparable period with intervals that cannot
overlap (an error; a warning when a forecast is involved, or when an instant is compared
with a stock's window); a flow counted over a period that exceeds the count over a period
containing it; and same-family counts that differ in definition, period or speaker,
normalised to a rate per year (a comparability warning). With rules: containment between
indicators. Rows are grouped by (subject, indicator) and compared after sorting.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import replace
from typing import ClassVar, TypeVar

import numpy as np
import numpy.typing as npt

from checks.compare.conflicting import (
    CONTAINED,
    INSTANT_IN_WINDOW,
    Pair,
    conflicting_pairs,
    contained_pairs,
)
from checks.compare.family import comparable_counts
from checks.compare.trajectory import Move, too_fast
from checks.ledger.claims import Claim, ClaimTable
from checks.ledger.grading import FORECAST, Verdict, default_family_factor, grade, is_hedged
from checks.ledger.ledger import ledger
from checks.model.codes import FindingCode
from checks.model.finding import Finding, Severity
from checks.model.package import Package
from checks.numbers.interval import Interval
from checks.numbers.units import parse_unit
from checks.registry import register
from checks.rules.engine import rule_codes, run_check_rules
from checks.rules.exchange import convert_through, rate_claims
from checks.rules.kinds.common import label, relative_difference
from checks.rules.outcome import Outcome, claim_label, consult, interval_entry, percent
from checks.rules.syntax import Comparison, references
from checks.rules.values import Quantity, UnitMismatch, currency_of, show

CHECK = "conflicts"
TRAJECTORY = "trajectory"


OWN_CODES: tuple[FindingCode, ...] = (
    FindingCode(
        "conflict",
        "Two figures for the same measure cannot both be right",
        "Same subject, indicator and comparable period, intervals that cannot overlap: find which"
        " source misprinted or measures something else.",
        "graded",
        "an error when no reading of the printed numbers makes them agree; a warning when both "
        "figures carry a hedge word (two estimates that diverge)",
    ),
    FindingCode(
        "hedged-divergence",
        "Two figures for the same measure agree only at the edges of their hedges",
        "Their intervals overlap, but the printed values differ by more than the declared share "
        "(5% by default): ask each source which figure it means.",
        "warning",
        "some reading makes them agree, so not an error; the printed values diverge, so never "
        "silent",
    ),
    FindingCode(
        "stock-window",
        "A stock figure disagrees with one at a date inside its window",
        "A level at a date inside another's period differs beyond what the window allows. "
        "Declare the indicator's max_change_per_year to compare them through a rate instead.",
        "warning",
        "the two may be taken at different dates inside the window",
    ),
    FindingCode(
        "trajectory",
        "A level moves faster between two dates than its indicator declares plausible",
        "Two levels of one subject (a count on a day, an average over a period) are further "
        "apart than the declared max_change_per_year allows over the time between them; the "
        "message gives the implied rate. Check that both use one definition.",
        "warning",
        "the declared rate is a plausibility bound, not a published figure",
    ),
    FindingCode(
        "forecast-disagrees",
        "A forecast disagrees with another figure",
        "A forecast and another figure for the same period cannot overlap.",
        "warning",
        "a forecast may be revised; it is not a measurement",
    ),
    FindingCode(
        "containment",
        "A count over a period exceeds the count over a period containing it",
        "A flow over an inner period is larger than over the outer one for every reading.",
        "error",
        "a part cannot exceed its whole",
    ),
    FindingCode(
        "comparability",
        "Figures of one family measure different things",
        "Two figures of one family (counts, or money in one currency through a dated exchange "
        "rate), normalised to a rate per year; the message gives both definitions and the "
        "factor between them.",
        "warning/info",
        "a warning when one is more than the family's declared factor times the other (10 by "
        "default) or a declared part outnumbers its whole: a reader comparing them is misled; "
        "information when they are compatible",
    ),
)


@register
class ConflictsCheck:
    id: ClassVar[str] = CHECK
    title: ClassVar[str] = "Sources agree about the same measure"
    codes: ClassVar[tuple[FindingCode, ...]] = (*OWN_CODES, *rule_codes(CHECK))
    help: ClassVar[str] = (
        "Same subject, indicator and comparable period whose intervals cannot overlap; a "
        "flow over a period larger than over a period containing it; same-family counts "
        "that are not the same measure, normalised to a rate per year; containment rules."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        yield from run_check_rules(pkg, CHECK)
        table = ledger(pkg).claims
        qualifiers = table.frame["qualifier"].astype(str).to_numpy(dtype=object)
        graded = [(pair, conflict_verdict(pair, qualifiers)) for pair in conflicting_pairs(table)]
        conflicts = [(pair, verdict) for pair, verdict in graded if verdict.severity is not None]
        contained = list(contained_pairs(table))
        alike = list(comparable_counts(table))
        table.claims(  # one batch for every claim the findings show
            [
                p
                for pair in (*(c for c, _ in conflicts), *contained)
                for p in (pair.left, pair.right)
            ]
            + [p.via for p, _ in conflicts if p.via is not None]
            + [p for pair in alike for p in pair]
        )
        pairs = [(pair.left, pair.right, (pair, verdict)) for pair, verdict in conflicts]
        for left, right, (pair, verdict), repeats in one_per_reading(table, pairs):
            outcome = conflict_outcome(pkg, table, pair, verdict)
            yield _with_repeats(outcome, table, (left, right), repeats).finding(pkg, CHECK)
        for move in too_fast(table):
            yield trajectory_outcome(pkg, table, move).finding(pkg, CHECK)
        for pair in contained:
            yield containment_outcome(pkg, table, pair).finding(pkg, CHECK)
        for left, right, _, repeats in one_per_reading(table, [(a, b, None) for a, b in alike]):
            outcome = comparability_outcome(pkg, table, table.claim(left), table.claim(right))
            yield _with_repeats(outcome, table, (left, right), repeats).finding(pkg, CHECK)


Reading = tuple[str, str, str, str, str]
"""What makes two claims one figure of one source: source, as_written, qualifier, period."""
Repeats = tuple[list[int], list[int]]
"""The rows of the other printings of a pair's left figure and of its right figure."""
T = TypeVar("T")


def _reading(claim: Claim) -> Reading:
    return (claim.source_id, claim.as_written, claim.qualifier, str(claim.period), claim.unit)


def one_per_reading(
    table: ClaimTable, pairs: list[tuple[int, int, T]]
) -> Iterator[tuple[int, int, T, Repeats]]:
    """Pairs of rows (with what was found about them) between the same two figures, once:
    an article that prints its figure in the lead and again in the body disagrees with
    another source once, not once per printing, as a rule reports once per group of
    identical readings. Each pair comes with the rows of the other printings of its left
    and right figures."""
    groups: dict[tuple[Reading, Reading], list[tuple[int, int, T]]] = {}
    for left, right, found in pairs:
        key = (_reading(table.claim(left)), _reading(table.claim(right)))
        if key[0] != key[1] and (key[1], key[0]) in groups:  # named the other way round
            key, left, right = (key[1], key[0]), right, left
        groups.setdefault(key, []).append((left, right, found))
    for members in groups.values():
        head_left, head_right, found = members[0]
        lefts: list[int] = []
        rights: list[int] = []
        for left, right, _ in members:
            lefts += [] if left in (head_left, *lefts) else [left]
            rights += [] if right in (head_right, *rights) else [right]
        yield head_left, head_right, found, (lefts, rights)


def _with_repeats(
    outcome: Outcome, table: ClaimTable, rows: tuple[int, int], repeats: Repeats
) -> Outcome:
    """The outcome naming the other printings of its two figures, if any, in its message
    and evidence. Its claims stay the pair's, so its fingerprint (and a waiver of it) holds
    when the article prints the figure once more."""
    if not any(repeats):
        return outcome
    notes, listed = [], []
    for row, others in zip(rows, repeats, strict=True):
        if not others:
            continue
        claim = table.claim(row)
        ids = [claim.claim_id, *(table.claim(o).claim_id for o in others)]
        listed.append(ids)
        notes.append(
            f"{claim.source_id} prints {claim.as_written!r} {len(ids)} times: {', '.join(ids)}"
        )
    return replace(
        outcome,
        message=f"{outcome.message} ({'; '.join(notes)})",
        extra={**outcome.extra, "printings": listed},
    )


def _entry(claim: Claim, bounds: tuple[float, float], unit: str) -> dict[str, object]:
    return interval_entry(claim.claim_id, Interval(*bounds), unit, claim_label(claim))


def conflict_verdict(pair: Pair, qualifiers: npt.NDArray[np.object_]) -> Verdict:
    """The graded verdict on two figures of one measure (its severity is None when they
    agree), from the pair and the claims' qualifiers (by row position) alone."""
    first, second = str(qualifiers[pair.left]), str(qualifiers[pair.right])
    left, right = Interval(*pair.left_interval), Interval(*pair.right_interval)
    forecast = FORECAST in (first, second)
    window = pair.basis == INSTANT_IN_WINDOW
    return grade(
        (left, right),
        (_printed(pair.left_printed, left), _printed(pair.right_printed, right)),
        severity=Severity.WARNING if forecast or window else Severity.ERROR,
        both_hedged=is_hedged(first) and is_hedged(second),
        any_hedged=is_hedged(first) or is_hedged(second),
    )


def conflict_outcome(pkg: Package, table: ClaimTable, pair: Pair, verdict: Verdict) -> Outcome:
    """The finding on two figures of one measure that :func:`conflict_verdict` grades."""
    a, b = table.claim(pair.left), table.claim(pair.right)
    name = label(table, a.indicator_id)
    rate = table.claim(pair.via) if pair.via is not None else None
    unit = a.canonical_unit
    left, right = Interval(*pair.left_interval), Interval(*pair.right_interval)
    forecast = a.is_forecast or b.is_forecast
    window = pair.basis == INSTANT_IN_WINDOW
    hedged = is_hedged(a.qualifier) and is_hedged(b.qualifier)
    assert verdict.severity is not None, "only a disagreement is an outcome"
    disjoint = verdict.basis == "disjoint"
    code = "forecast-disagrees" if forecast else ("stock-window" if window else "conflict")
    if not disjoint and not forecast and not window:
        code = "hedged-divergence"
    gap = left.relative_gap(right)
    diff = relative_difference(right.mid, left.mid)
    periods = str(a.period) if a.period == b.period else f"{a.period} and {b.period}"
    message = (
        f"{a.claim_id} {a.as_written!r} {show(left, unit)} and {b.claim_id} "
        f"{b.as_written!r} {show(right, unit)} give the {name} of {a.subject} for "
        f"{periods}; {verdict.explain()} ({percent(diff)}, relative gap {gap:.2%})"
    )
    if hedged and disjoint:
        message += "; both figures are hedged estimates, hence a warning"
    steps = [
        f"{a.describe()}: {show(left, unit)}",
        f"{b.describe()}: {show(right, unit)}",
    ]
    if rate is not None:
        converted = a if a.canonical is None else b
        steps.insert(
            0,
            f"{converted.claim_id} is in {converted.unit}; converted to {unit} through "
            f"{rate.claim_id} {rate.as_written!r} {rate.unit} ({rate.period})",
        )
    if window:
        steps.append(
            f"{a.period} and {b.period}: an instant inside a window; a stock's value on "
            "one day need not equal its value over the window (an average, an end "
            "value), hence a warning; declaring the indicator's max_change_per_year "
            "compares them through a plausible rate of change instead"
        )
    if forecast:
        who = ", ".join(c.claim_id for c in (a, b) if c.is_forecast)
        steps.append(
            f"{who} is a forecast: a forecast that a later figure does not "
            "confirm is not a contradiction between measurements"
        )
    if disjoint:
        steps.append(f"the intervals are {gap:.2%} apart: no value lies in both")
    else:
        steps.append(f"the intervals overlap only at the edges of the hedges; {verdict.explain()}")
    intervals = [_entry(a, pair.left_interval, unit), _entry(b, pair.right_interval, unit)]
    claims = (a.claim_id, b.claim_id) + ((rate.claim_id,) if rate is not None else ())
    involved = [a, b] + ([rate] if rate is not None else [])
    return Outcome(
        code=code,
        severity=verdict.severity,
        claim_ids=claims,
        message=message,
        steps=steps,
        intervals=intervals,
        resolve=f"consult both sources and find which figure the primary statistics give for "
        f"this period: {consult(pkg, involved)}",
        key=pair.basis,
        extra={"verdict": verdict.basis, "printed_difference": verdict.difference},
    )


def _printed(printed: tuple[float, float] | None, hedged: Interval) -> Interval:
    """The printed precision alone (the hedged interval when it is not known)."""
    return Interval(*printed) if printed is not None else hedged


def trajectory_outcome(pkg: Package, table: ClaimTable, move: Move) -> Outcome:
    """Two levels at different dates further apart than the declared rate allows."""
    a, b = table.claim(move.earlier), table.claim(move.later)
    assert a.canonical is not None and b.canonical is not None
    name = label(table, a.indicator_id)
    unit = a.canonical_unit
    needed = "an unbounded change" if math.isinf(move.needed) else f"{move.needed:.1%} a year"
    return Outcome(
        code="trajectory",
        severity=Severity.WARNING,
        claim_ids=(a.claim_id, b.claim_id),
        message=f"{a.claim_id} {a.as_written!r} {show(a.canonical, unit)} ({a.period}) and "
        f"{b.claim_id} {b.as_written!r} {show(b.canonical, unit)} ({b.period}): the {name} "
        f"of {a.subject} would have to change by at least {needed} over up to "
        f"{move.years:.2f} years; the indicator declares at most {move.rate:.1%} a year",
        steps=[
            f"{a.describe()}: {show(a.canonical, unit)}",
            f"{b.describe()}: {show(b.canonical, unit)}",
            f"the figures stand for levels at most {move.years:.3f} years apart (an average "
            "over a window equals the level at some instant in it)",
            f"at most {move.rate:.1%} a year, {a.claim_id} can reach "
            f"{show(move.reachable, unit)}, which does not include {b.claim_id}",
            f"implied rate of change: at least {needed}",
        ],
        intervals=[
            interval_entry(a.claim_id, a.canonical, unit, claim_label(a)),
            interval_entry(None, move.reachable, unit, f"reachable from {a.claim_id}"),
            interval_entry(b.claim_id, b.canonical, unit, claim_label(b)),
        ],
        resolve=f"check whether both figures use one definition of {name} (a census, an "
        f"estimate, another statistical office): {consult(pkg, [a, b])}",
        key=TRAJECTORY,
        extra={"years": move.years, "max_change_per_year": move.rate, "implied": move.needed},
    )


def containment_outcome(pkg: Package, table: ClaimTable, pair: Pair) -> Outcome:
    inner, outer = table.claim(pair.left), table.claim(pair.right)
    unit = inner.canonical_unit
    left, right = Interval(*pair.left_interval), Interval(*pair.right_interval)
    return Outcome(
        code="containment",
        severity=Severity.ERROR,
        claim_ids=(inner.claim_id, outer.claim_id),
        message=f"{inner.claim_id} counts {show(left, unit)} over {inner.period}, more than "
        f"{outer.claim_id} {show(right, unit)} over {outer.period}, which contains it",
        steps=[
            f"{inner.describe()}: {show(left, unit)}",
            f"{outer.describe()}: {show(right, unit)}",
            f"{outer.period} contains {inner.period}; a flow over a longer period counts at "
            "least as much as over any part of it",
        ],
        intervals=[
            _entry(inner, pair.left_interval, unit),
            _entry(outer, pair.right_interval, unit),
        ],
        resolve=f"check what each figure counts and the periods they cover: "
        f"{consult(pkg, [inner, outer])}",
        key=CONTAINED,
    )


def _per_year(claim: Claim) -> Interval:
    assert claim.interval is not None
    return claim.interval / Interval.point(claim.period.years)


def _in_currency(table: ClaimTable, claim: Claim, rate: Interval, unit: str) -> Interval | None:
    """A money claim's rate per year in another currency, through the first exchange-rate
    claim of its subject and period that converts it; None when none does. Counts of
    different things (attacks, incidents) are compared as they are."""
    if claim.unit == unit:
        return rate
    try:
        target = parse_unit(unit)
        value = Quantity(rate, parse_unit(claim.unit), claim.period, claim.claim_id)
        if currency_of(target) is None or currency_of(value.unit) is None:
            return rate
    except ValueError:
        return None
    try:
        return value.to(target).interval
    except UnitMismatch:
        pass
    for exchange in rate_claims(table, claim.subject, claim.period):
        converted = convert_through(value, exchange)
        if converted is None:
            continue
        try:
            return converted.to(target).interval
        except UnitMismatch:
            continue
    return None


def _factor(table: ClaimTable, a: Claim, b: Claim) -> float:
    """The family factor the two indicators declare (the larger), else the default."""
    declared: list[float] = []
    for indicator in (a.indicator_id, b.indicator_id):
        text = (table.indicator(indicator) or {}).get("family_factor", "")
        try:
            value = float(text)
        except ValueError:
            continue
        if math.isfinite(value) and value >= 1:
            declared.append(value)
    return max(declared) if declared else default_family_factor()


def _subsets(pkg: Package) -> set[tuple[str, str]]:
    """(inner, outer) indicator pairs that a containment rule declares: every counted
    thing of the inner indicator is one of the outer's."""
    pairs: set[tuple[str, str]] = set()
    for rule in ledger(pkg).rules.of_kind("containment"):
        expression = rule.expression
        if not isinstance(expression, Comparison) or len(expression.operands) != 2:
            continue
        left, right = (references(side) for side in expression.operands)
        if not left or not right:
            continue
        inner, outer = left[0].target, right[0].target
        if expression.ops[0] in (">", ">="):
            inner, outer = outer, inner
        pairs.add((inner, outer))
    return pairs


def comparability_outcome(pkg: Package, table: ClaimTable, a: Claim, b: Claim) -> Outcome:
    """Two figures of one family that are not the same measure, normalised to a rate per
    year and one currency: a warning when one is more than the family's factor times the
    other, or when a declared subset outnumbers its whole; information otherwise."""
    reasons: list[str] = []
    info_a, info_b = table.indicator(a.indicator_id), table.indicator(b.indicator_id)
    if a.indicator_id != b.indicator_id:
        reasons.append(
            f"different definition: {a.indicator_id} ({info_a['definition'] if info_a else ''}) "
            f"vs {b.indicator_id} ({info_b['definition'] if info_b else ''})"
        )
    if a.period != b.period:
        reasons.append(
            f"different period: {a.period} ({a.period.years:.2f} years) vs {b.period} "
            f"({b.period.years:.2f} years)"
        )
    if a.speaker != b.speaker:
        reasons.append(
            f"different speaker: {a.speaker or 'the article itself'} ({a.source_id}) vs "
            f"{b.speaker or 'the article itself'} ({b.source_id})"
        )
    elif a.source_id != b.source_id:
        reasons.append(f"different source: {a.source_id} vs {b.source_id}")
    rate_a, rate_b = _per_year(a), _per_year(b)
    unit_a, unit_b = f"{a.unit}/year", f"{b.unit}/year"
    short = ", ".join(r.split(":")[0] for r in reasons) or "different claims"
    common = _in_currency(table, b, rate_b, a.unit)
    factor = _factor(table, a, b)
    subsets = _subsets(pkg)
    severity = Severity.WARNING
    judged: str
    ratio = math.nan
    if common is None:
        judged = f"{b.unit} cannot be converted to {a.unit} through an exchange-rate claim"
    else:
        ratio = _least_ratio(rate_a, common)
        pair = (a.indicator_id, b.indicator_id)
        if pair in subsets or pair[::-1] in subsets:
            inner, outer = (rate_a, common) if pair in subsets else (common, rate_a)
            fits = inner.lo <= outer.hi
            severity = Severity.INFO if fits else Severity.WARNING
            judged = (
                "a containment rule declares one a part of the other, and per year the part "
                + ("does not exceed the whole: compatible" if fits else "exceeds the whole")
            )
        else:
            severity = Severity.WARNING if ratio > factor else Severity.INFO
            judged = (
                f"per year one is at least {ratio:.3g} times the other, "
                f"{'more' if ratio > factor else 'not more'} than the family's factor "
                f"{factor:g}"
            )
            if severity is Severity.WARNING and a.indicator_id != b.indicator_id:
                judged += (
                    f" ({a.indicator_id}: {info_a['definition'] if info_a else '?'}; "
                    f"{b.indicator_id}: {info_b['definition'] if info_b else '?'})"
                )
    converted = ""
    if common is not None and common is not rate_b:
        converted = f" (= {show(common, unit_a)})"
    return Outcome(
        code="comparability",
        severity=severity,
        claim_ids=(a.claim_id, b.claim_id),
        message=f"{a.claim_id} {a.as_written!r} {a.unit} over {a.period} and {b.claim_id} "
        f"{b.as_written!r} {b.unit} over {b.period} are not the same measure ({short}); "
        f"per year: {show(rate_a, unit_a)} vs {show(rate_b, unit_b)}{converted}; {judged}",
        steps=[
            f"{a.describe()}: {show(a.interval or rate_a, a.unit)} over {a.period.years:.4g} "
            f"years = {show(rate_a, unit_a)}",
            f"{b.describe()}: {show(b.interval or rate_b, b.unit)} over {b.period.years:.4g} "
            f"years = {show(rate_b, unit_b)}{converted}",
            *[f"not the same measure — {r}" for r in reasons],
            judged,
        ],
        intervals=[
            interval_entry(a.claim_id, rate_a, unit_a, f"{claim_label(a)}, per year"),
            interval_entry(b.claim_id, rate_b, unit_b, f"{claim_label(b)}, per year"),
        ],
        resolve=f"do not set these figures side by side as one trend; for a like-for-like "
        f"comparison find one source giving both on one definition and period: "
        f"{consult(pkg, [a, b])}",
        key=f"family:{a.family}",
        extra={
            "reasons": reasons,
            "definitions": {
                a.indicator_id: info_a["definition"] if info_a else "",
                b.indicator_id: info_b["definition"] if info_b else "",
            },
            "ratio": None if math.isnan(ratio) else ratio,
            "factor": factor,
            "per_year": [
                {"claim_id": a.claim_id, "lo": rate_a.lo, "hi": rate_a.hi, "unit": unit_a},
                {"claim_id": b.claim_id, "lo": rate_b.lo, "hi": rate_b.hi, "unit": unit_b},
            ],
        },
    )


def _least_ratio(a: Interval, b: Interval) -> float:
    """The smallest factor between a reading of ``a`` and one of ``b`` (1 when they overlap)."""
    if a.overlaps(b):
        return 1.0
    low, high = (a, b) if a.hi < b.lo else (b, a)
    if low.hi <= 0:
        return math.inf
    return high.lo / low.hi
