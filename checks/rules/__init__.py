"""Rules as data: the rule language, the claims as intervals, and how rules are evaluated.

>>> from checks.rules import parse_expression
>>> str(parse_expression("[population] = [internet-users] / [internet-penetration]"))
'[population] = [internet-users] / [internet-penetration]'
"""

from checks.rules.claims import Claim, ClaimTable, claim_table
from checks.rules.errors import RuleEvaluationError, RuleSyntaxError
from checks.rules.parser import parse_expression
from checks.rules.ruleset import KINDS, Rule, RuleSet, load_rules, rule_set

__all__ = [
    "KINDS",
    "Claim",
    "ClaimTable",
    "Rule",
    "RuleEvaluationError",
    "RuleSet",
    "RuleSyntaxError",
    "claim_table",
    "load_rules",
    "parse_expression",
    "rule_set",
]
