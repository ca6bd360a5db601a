"""How each kind of rule is evaluated; one module per kind.

Each module has ``evaluate(rule, table, pkg)`` yielding :class:`~checks.rules.outcome.Outcome`
objects (findings in the making) or :class:`RuleFailure` (the rule could not be computed
for some claims).
"""

from checks.rules.kinds.common import Result, RuleFailure

__all__ = ["Result", "RuleFailure"]
