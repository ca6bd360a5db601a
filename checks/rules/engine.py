"""Run the rules of some kinds over a package and turn what they find into findings.

A rule row that does not parse is one ``rule-invalid`` finding at its row; a rule that
cannot be computed for some claims (units that do not convert) is one ``rule-error``
finding, the first such binding, so one bad rule does not bury the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from checks.ledger.claims import ClaimTable
from checks.ledger.ledger import ledger
from checks.model.finding import Finding
from checks.model.package import Package
from checks.rules.kinds.common import Result, RuleFailure
from checks.rules.outcome import error_finding, problem_finding
from checks.rules.ruleset import Rule

Evaluator = Callable[[Rule, ClaimTable, Package], Iterator[Result]]


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
