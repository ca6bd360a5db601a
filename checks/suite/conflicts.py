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

from collections.abc import Iterator
from typing import ClassVar

from checks.compare.conflicting import (
    CONTAINED,
    INSTANT_IN_WINDOW,
    Pair,
    conflicting_pairs,
    contained_pairs,
)
from checks.compare.family import comparable_counts
from checks.ledger.claims import Claim, ClaimTable
from checks.ledger.ledger import ledger
from checks.model.codes import FindingCode
from checks.model.finding import Finding, Severity
from checks.model.package import Package
from checks.numbers.interval import Interval
from checks.registry import register
from checks.rules.engine import rule_codes, run_check_rules
from checks.rules.kinds.common import label, relative_difference
from checks.rules.outcome import Outcome, claim_label, consult, interval_entry, percent
from checks.rules.values import show

CHECK = "conflicts"


OWN_CODES: tuple[FindingCode, ...] = (
    FindingCode(
        "conflict",
        "Two figures for the same measure cannot both be right",
        "Same subject, indicator and comparable period, intervals that cannot overlap: find which"
        " source misprinted or measures something else.",
        "error",
        "no reading of the printed numbers makes them agree",
    ),
    FindingCode(
        "stock-window",
        "A stock figure disagrees with one at a date inside its window",
        "A level at a date inside another's period differs beyond what the window allows.",
        "warning",
        "the two may be taken at different dates inside the window",
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
        "Indicators of one family differ by more than their definitions explain after normalising"
        " to a rate per year; the message says why they differ.",
        "warning",
        "different definitions, not necessarily an error, but a reader comparing them is misled",
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
        conflicts, contained = list(conflicting_pairs(table)), list(contained_pairs(table))
        alike = list(comparable_counts(table))
        table.claims(  # one batch for every claim the findings show
            [p for pair in (*conflicts, *contained) for p in (pair.left, pair.right)]
            + [p.via for p in conflicts if p.via is not None]
            + [p for pair in alike for p in pair]
        )
        for pair in conflicts:
            yield conflict_outcome(pkg, table, pair).finding(pkg, CHECK)
        for pair in contained:
            yield containment_outcome(pkg, table, pair).finding(pkg, CHECK)
        for left, right in alike:
            yield comparability_outcome(pkg, table, table.claim(left), table.claim(right)).finding(
                pkg, CHECK
            )


def _entry(claim: Claim, bounds: tuple[float, float], unit: str) -> dict[str, object]:
    return interval_entry(claim.claim_id, Interval(*bounds), unit, claim_label(claim))


def conflict_outcome(pkg: Package, table: ClaimTable, pair: Pair) -> Outcome:
    a, b = table.claim(pair.left), table.claim(pair.right)
    name = label(table, a.indicator_id)
    rate = table.claim(pair.via) if pair.via is not None else None
    unit = a.canonical_unit
    left, right = Interval(*pair.left_interval), Interval(*pair.right_interval)
    forecast = a.is_forecast or b.is_forecast
    window = pair.basis == INSTANT_IN_WINDOW
    severity = Severity.WARNING if forecast or window else Severity.ERROR
    code = "forecast-disagrees" if forecast else ("stock-window" if window else "conflict")
    gap = left.relative_gap(right)
    diff = relative_difference(right.mid, left.mid)
    periods = str(a.period) if a.period == b.period else f"{a.period} and {b.period}"
    message = (
        f"{a.claim_id} {a.as_written!r} {show(left, unit)} and {b.claim_id} "
        f"{b.as_written!r} {show(right, unit)} give the {name} of {a.subject} for "
        f"{periods}; no reading of both can agree ({percent(diff)}, relative gap {gap:.2%})"
    )
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
            "value), hence a warning"
        )
    if forecast:
        who = ", ".join(c.claim_id for c in (a, b) if c.is_forecast)
        steps.append(
            f"{who} is a forecast: a forecast that a later figure does not "
            "confirm is not a contradiction between measurements"
        )
    steps.append(f"the intervals are {gap:.2%} apart: no value lies in both")
    intervals = [_entry(a, pair.left_interval, unit), _entry(b, pair.right_interval, unit)]
    claims = (a.claim_id, b.claim_id) + ((rate.claim_id,) if rate is not None else ())
    involved = [a, b] + ([rate] if rate is not None else [])
    return Outcome(
        code=code,
        severity=severity,
        claim_ids=claims,
        message=message,
        steps=steps,
        intervals=intervals,
        resolve=f"consult both sources and find which figure the primary statistics give for "
        f"this period: {consult(pkg, involved)}",
        key=pair.basis,
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


def comparability_outcome(pkg: Package, table: ClaimTable, a: Claim, b: Claim) -> Outcome:
    reasons: list[str] = []
    if a.indicator_id != b.indicator_id:
        info_a, info_b = table.indicator(a.indicator_id), table.indicator(b.indicator_id)
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
    return Outcome(
        code="comparability",
        severity=Severity.WARNING,
        claim_ids=(a.claim_id, b.claim_id),
        message=f"{a.claim_id} {a.as_written!r} {a.unit} over {a.period} and {b.claim_id} "
        f"{b.as_written!r} {b.unit} over {b.period} are not the same measure ({short}); "
        f"per year: {show(rate_a, unit_a)} vs {show(rate_b, unit_b)}",
        steps=[
            f"{a.describe()}: {show(a.interval or rate_a, a.unit)} over {a.period.years:.4g} "
            f"years = {show(rate_a, unit_a)}",
            f"{b.describe()}: {show(b.interval or rate_b, b.unit)} over {b.period.years:.4g} "
            f"years = {show(rate_b, unit_b)}",
            *[f"not the same measure — {r}" for r in reasons],
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
            "per_year": [
                {"claim_id": a.claim_id, "lo": rate_a.lo, "hi": rate_a.hi, "unit": unit_a},
                {"claim_id": b.claim_id, "lo": rate_b.lo, "hi": rate_b.hi, "unit": unit_b},
            ],
        },
    )
