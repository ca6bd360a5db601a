"""temporal: events in order, and durations that agree with the dates they span.

The order and duration rules of the rules table (adoption before signing before the
deadline; "sau 20 năm" against the adoption dates of UNTOC/UNCAC and of the new
convention; "47 năm" against 1977), and, without a rule, every duration claim against the
span of its own period when the text prints that span ("gần 5 năm … (2021-2024)").
Dates are spans of days, durations intervals of years.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from checks.ledger.claims import Claim
from checks.ledger.ledger import ledger
from checks.model.codes import FindingCode
from checks.model.finding import Finding, Severity
from checks.model.package import Package
from checks.registry import register
from checks.rules.engine import rule_codes, run_check_rules
from checks.rules.evaluate import claim_value, describe_value
from checks.rules.functions import FUNCTIONS, YEAR
from checks.rules.outcome import Outcome, consult, interval_entry
from checks.rules.values import Moment, Quantity, UnitMismatch, show

CHECK = "temporal"


OWN_CODES: tuple[FindingCode, ...] = (
    FindingCode(
        "duration-span",
        "A duration disagrees with its own period",
        "The printed duration cannot be the time its own period spans: check the dates the text "
        "gives.",
        "error",
        "both come from the same text: no reading reconciles them",
    ),
)


@register
class TemporalCheck:
    id: ClassVar[str] = CHECK
    title: ClassVar[str] = "Events in order, durations agree with their dates"
    codes: ClassVar[tuple[FindingCode, ...]] = (*OWN_CODES, *rule_codes(CHECK))
    help: ClassVar[str] = (
        "Evaluates the order and duration rules of the rules table; checks every duration "
        "claim not covered by a duration rule against the span of its own period. A "
        "finding only when no reading of the dates and the printed duration agrees."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        yield from run_check_rules(pkg, CHECK)
        yield from _own_spans(pkg)


def _own_spans(pkg: Package) -> Iterator[Finding]:
    covered_indicators: set[str] = set()
    covered_claims: set[str] = set()
    for rule in ledger(pkg).rules.of_kind("duration"):
        target = rule.target
        (covered_claims if target.is_claim else covered_indicators).add(target.target)
    table = ledger(pkg).claims
    frame = table.frame
    if frame.empty:
        return
    mask = (
        (frame["kind"] == "duration")
        & frame["lo"].notna()
        & (frame["start_day"] < frame["end_day"])
        & ~frame["indicator_id"].isin(covered_indicators)
        & ~frame["claim_id"].isin(covered_claims)
    )
    for position in mask[mask].index:
        claim = table.claim(int(position))
        outcome = span_outcome(pkg, claim)
        if outcome is not None:
            yield outcome.finding(pkg, CHECK)


def span_outcome(pkg: Package, claim: Claim) -> Outcome | None:
    """A finding when a duration claim cannot be the time its own period spans."""
    stated = claim_value(claim)
    if not isinstance(stated, Quantity):
        return None
    try:
        stated = stated.to(YEAR)
    except UnitMismatch:
        return None
    first = FUNCTIONS["start"].apply([stated])
    last = FUNCTIONS["end"].apply([stated])
    span = FUNCTIONS["years"].apply([first, last])
    assert isinstance(span, Quantity) and isinstance(first, Moment) and isinstance(last, Moment)
    if span.interval.overlaps(stated.interval):
        return None
    steps = [
        f"stated: {claim.describe()} = {stated}",
        f"start of the period: {describe_value(first)}",
        f"end of the period: {describe_value(last)}",
        f"years from start to end = {span}",
        f"{show(stated.interval, 'year')} and {show(span.interval, 'year')} share no value",
    ]
    return Outcome(
        code="duration-span",
        severity=Severity.ERROR,
        claim_ids=(claim.claim_id,),
        message=f"{claim.claim_id}: {claim.as_written!r} {show(stated.interval, 'year')} cannot "
        f"be the time from {claim.period.start} to {claim.period.end}, "
        f"{show(span.interval, 'year')}",
        steps=steps,
        intervals=[
            interval_entry(claim.claim_id, stated.interval, "year", f"stated: {claim.as_written}"),
            interval_entry(None, span.interval, "year", f"span of {claim.period}"),
        ],
        resolve=f"check the dates the text gives for the span against the stated duration "
        f"(the claim's note says where its dates come from: {claim.note or 'no note'}); "
        f"consult {consult(pkg, [claim])}",
        key="duration-span",
    )
