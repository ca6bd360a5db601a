"""Run the rules of some kinds over a package and turn what they find into findings.

A rule row that does not parse is one ``rule-invalid`` finding at its row; a rule that
cannot be computed for some claims (units that do not convert) is one ``rule-error``
finding, the first such binding, so one bad rule does not bury the rest.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from checks.ledger.ledger import ledger
from checks.model.codes import FindingCode
from checks.model.finding import Finding
from checks.model.package import Package
from checks.rules.kinds import evaluators, kind_codes
from checks.rules.kinds.common import Evaluator, RuleFailure
from checks.rules.outcome import error_finding, problem_finding

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
    table = ledger(pkg).claims
    for rule in rules.of_kind(*kinds):
        failed = False
        for result in kinds[rule.kind](rule, table, pkg):
            if isinstance(result, RuleFailure):
                if not failed:
                    failed = True
                    yield error_finding(pkg, check, rule, result.reason, result.claim_ids)
                continue
            yield result.finding(pkg, check)
