"""Run the rules of some kinds over a package and turn what they find into findings.

A rule row that does not parse is one ``rule-invalid`` finding at its row; a rule that
cannot be computed for some claims (units that do not convert) is one ``rule-error``
finding, the first such binding, so one bad rule does not bury the rest.

Claims that read the same are evaluated once (:mod:`checks.rules.readings`): findings that
differ only in which copy or which source gave the same figures are reported once, naming
every claim of the group.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from checks.ledger.claims import ClaimTable
from checks.ledger.ledger import ledger
from checks.model.codes import FindingCode
from checks.model.finding import Finding
from checks.model.package import Package
from checks.numbers.units import UnitError, parse_unit
from checks.rules.exchange import rate_currencies
from checks.rules.kinds import evaluators, kind_codes
from checks.rules.kinds.common import Evaluator, RuleFailure
from checks.rules.outcome import Outcome, error_finding, problem_finding
from checks.rules.readings import Readings, also_read, collapse
from checks.rules.rule import Rule
from checks.rules.syntax import references

RULE_CODES = (
    FindingCode(
        "rule-invalid",
        "A rule row cannot be used",
        "The rule's expression, unit, bounds or severity do not parse, or it names an "
        "indicator or claim that does not exist: fix the row of rules.csv.",
        "error",
        "a rule that cannot run checks nothing, so the gate must not pass silently",
    ),
    FindingCode(
        "rule-error",
        "A rule cannot be computed for some claims",
        "The claims the rule binds have units that do not convert or values the functions "
        "refuse; reported once per rule (the first binding).",
        "error",
        "the rule checks nothing for these claims until the units or the rule are fixed",
    ),
)
"""The codes of every check that runs rules."""


def rule_codes(check: str) -> tuple[FindingCode, ...]:
    """The codes a check that runs the rules of its kinds can raise."""
    return (*RULE_CODES, *kind_codes(check))


def run_check_rules(pkg: Package, check: str) -> Iterator[Finding]:
    """The findings of every rule whose kind belongs to ``check``."""
    return run_rules(pkg, check, evaluators(check))


def run_rules(pkg: Package, check: str, kinds: Mapping[str, Evaluator]) -> Iterator[Finding]:
    """The findings of every rule of the given kinds, evaluated by ``kinds[rule.kind]``."""
    rules = ledger(pkg).rules
    for problem in rules.problems_of_kind(*kinds):
        yield problem_finding(pkg, check, problem)
    chosen = rules.of_kind(*kinds)
    if not chosen:
        return
    pinned = {r.target for rule in chosen for r in references(rule.expression) if r.is_claim}
    table = ledger(pkg).claims
    readings = collapse(table, pinned, within=bound_rows(table, chosen))
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


def bound_rows(table: ClaimTable, rules: Sequence[Rule]) -> npt.NDArray[np.bool_]:
    """The claims that the ``rules`` can bind: those of the indicators they name, those they
    name by id, and every exchange-rate claim (rules convert currencies through them). The
    rules are evaluated on these alone, so a large ledger is not copied for a few rules."""
    frame = table.frame
    refs = [r for rule in rules for r in references(rule.expression)]
    bound = frame["indicator_id"].isin({r.target for r in refs if not r.is_claim})
    named = {r.target for r in refs if r.is_claim}
    if named:
        bound |= frame["claim_id"].isin(named)
    rates = [u for u in frame["unit"].drop_duplicates().tolist() if rate_currencies(str(u))]
    if rates:
        bound |= frame["unit"].isin(rates)
    result: npt.NDArray[np.bool_] = bound.to_numpy(dtype=bool)
    return result


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
