"""Run the rules of some kinds over a package and turn what they find into findings.

A rule row that does not parse is one ``rule-invalid`` finding at its row; a rule that
cannot be computed for some claims (units that do not convert) is one ``rule-error``
finding, the first such binding, so one bad rule does not bury the rest.

Claims that read the same are evaluated once (:mod:`checks.rules.readings`): findings that
differ only in which copy or which source gave the same figures are reported once, naming
every claim of the group.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace

from checks.ledger.claims import ClaimTable
from checks.ledger.ledger import ledger
from checks.model.finding import Finding
from checks.model.package import Package
from checks.numbers.units import UnitError, parse_unit
from checks.rules.kinds.common import Result, RuleFailure
from checks.rules.outcome import Outcome, error_finding, problem_finding
from checks.rules.readings import Readings, also_read, collapse
from checks.rules.ruleset import Rule
from checks.rules.syntax import references

Evaluator = Callable[[Rule, ClaimTable, Package], Iterator[Result]]


def run_rules(pkg: Package, check: str, kinds: Mapping[str, Evaluator]) -> Iterator[Finding]:
    """The findings of every rule of the given kinds, evaluated by ``kinds[rule.kind]``."""
    rules = ledger(pkg).rules
    for problem in rules.problems_of_kind(*kinds):
        yield problem_finding(pkg, check, problem)
    chosen = rules.of_kind(*kinds)
    if not chosen:
        return
    pinned = {r.target for rule in chosen for r in references(rule.expression) if r.is_claim}
    readings = collapse(ledger(pkg).claims, pinned)
    for rule in chosen:
        unreadable = _unreadable_unit(rule, readings.table)
        if unreadable:
            yield error_finding(pkg, check, rule, unreadable, ())
            continue
        failed = False
        for result in kinds[rule.kind](rule, readings.table, pkg):
            if isinstance(result, RuleFailure):
                if not failed:
                    failed = True
                    ids = readings.expand(result.claim_ids)
                    yield error_finding(pkg, check, rule, result.reason, ids)
                continue
            yield _reported_once(readings, result).finding(pkg, check)


def _reported_once(readings: Readings, first: Outcome) -> Outcome:
    """The outcome, naming every claim its claims stand for."""
    ids = readings.expand(first.claim_ids)
    if ids == first.claim_ids:
        return first
    own = set(first.claim_ids)
    return replace(
        first, claim_ids=ids, message=first.message + also_read([c for c in ids if c not in own])
    )


def _unreadable_unit(rule: Rule, table: ClaimTable) -> str:
    """Why the rule cannot be computed when an indicator it names has a unit that does not
    parse (the reason, or ``""``)."""
    for ref in references(rule.expression):
        info = None if ref.is_claim else table.indicator(ref.target)
        if info is None or not info["unit"]:
            continue
        try:
            parse_unit(info["unit"])
        except UnitError as exc:
            return f"indicator {ref.target} has unit {info['unit']!r}, which does not parse ({exc})"
    return ""
