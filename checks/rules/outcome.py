"""What a rule or comparison found, and how it becomes a :class:`Finding`.

Every outcome carries the same evidence shape, which the reports and ``explain`` read:
``rule`` (the rule row, when a rule fired), ``steps`` (the computation, one sentence
each), ``intervals`` (a list of ``{claim_id, lo, hi, unit, label}``; ``claim_id`` is
None for a derived value) and ``resolve`` (what would settle it, which source to consult).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checks.ledger.claims import Claim
from checks.ledger.ledger import ledger
from checks.model.finding import Finding, Severity
from checks.model.package import Package
from checks.numbers.interval import Interval
from checks.rules.rule import Rule, RuleProblem


@dataclass(frozen=True)
class Outcome:
    """One finding in the making."""

    code: str
    severity: Severity
    claim_ids: tuple[str, ...]
    message: str
    steps: Sequence[str]
    intervals: Sequence[Mapping[str, Any]]
    resolve: str
    key: str
    rule: Rule | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def evidence(self) -> dict[str, Any]:
        evidence: dict[str, Any] = {}
        if self.rule is not None:
            evidence["rule"] = self.rule.evidence()
        evidence["steps"] = list(self.steps)
        evidence["intervals"] = [dict(i) for i in self.intervals]
        evidence.update(self.extra)
        evidence["resolve"] = self.resolve
        return evidence

    def finding(self, pkg: Package, check: str) -> Finding:
        """The finding, located at the first of its claims."""
        path, line = pkg.locate_claim(self.claim_ids[0]) if self.claim_ids else (None, None)
        return Finding(
            check, self.code, self.severity, self.claim_ids, self.message,
            self.evidence(), path, line, self.key,
        )  # fmt: skip


def interval_entry(
    claim_id: str | None, interval: Interval, unit: str, label: str
) -> dict[str, Any]:
    """One interval for the evidence, in exactly the shape the HTML report draws."""
    return {
        "claim_id": claim_id,
        "lo": interval.lo,
        "hi": interval.hi,
        "unit": unit,
        "label": label,
    }


def claim_label(claim: Claim) -> str:
    if claim.is_event:
        return f"{claim.claim_id}: {claim.period}"
    return f"{claim.claim_id}: {claim.as_written} ({claim.qualifier}, {claim.period})"


def claim_interval(claim: Claim, canonical: bool = False) -> dict[str, Any] | None:
    """The claim's interval (in its unit, or in its indicator's unit) as an evidence entry."""
    interval = claim.canonical if canonical else claim.interval
    if interval is None:
        return None
    unit = claim.canonical_unit if canonical else claim.unit
    return interval_entry(claim.claim_id, interval, unit, claim_label(claim))


def consult(pkg: Package, claims: Iterable[Claim]) -> str:
    """The sources behind some claims, named for a reader: title, publisher, address."""
    rows = ledger(pkg).source_names
    names: list[str] = []
    for source_id in dict.fromkeys(c.source_id for c in claims):
        row = rows.get(source_id, {})
        parts = [row.get("title", "") or source_id]
        if row.get("publisher"):
            parts.append(row["publisher"])
        if row.get("url"):
            parts.append(row["url"])
        names.append(f"{source_id} ({'; '.join(parts)})")
    return "; ".join(names)


def problem_finding(pkg: Package, check: str, problem: RuleProblem) -> Finding:
    """A rule row that cannot be used, located at its row of the rules table."""
    expected = f" (expected {problem.expected})" if problem.expected else ""
    return _rule_row_finding(
        pkg,
        check=check,
        code="rule-invalid",
        row=problem.row,
        message=f"rule {problem.rule_id}: column {problem.column}: {problem.detail}{expected}",
        evidence={
            "rule_id": problem.rule_id,
            "column": problem.column,
            "position": problem.position,
            "expected": problem.expected,
            "pointer": problem.pointer,
            "resolve": f"fix column {problem.column} of rule {problem.rule_id} in the rules table",
        },
        key=problem.rule_id,
    )


def error_finding(
    pkg: Package, check: str, rule: Rule, reason: str, claim_ids: tuple[str, ...]
) -> Finding:
    """A rule that parses but cannot be computed for some claims (units, dates)."""
    return _rule_row_finding(
        pkg,
        check=check,
        code="rule-error",
        row=rule.row,
        message=f"rule {rule.rule_id}: {reason}"
        + (f" (claims {', '.join(claim_ids)})" if claim_ids else ""),
        claim_ids=claim_ids,
        evidence={
            "rule": rule.evidence(),
            "resolve": f"correct rule {rule.rule_id} or the units/dates of the claims",
        },
        key=rule.rule_id,
    )


def _rule_row_finding(
    pkg: Package,
    *,
    check: str,
    code: str,
    row: int,
    message: str,
    evidence: Mapping[str, Any],
    key: str,
    claim_ids: tuple[str, ...] = (),
) -> Finding:
    """An error located at a row of the rules table."""
    path, line = pkg.locate("rules", row)
    return Finding(check, code, Severity.ERROR, claim_ids, message, dict(evidence), path, line, key)


def percent(x: float) -> str:
    """A signed relative difference as a percentage: ``+2.1%``."""
    return f"{x * 100:+.2g}%" if abs(x) < 0.1 else f"{x * 100:+.1f}%"
