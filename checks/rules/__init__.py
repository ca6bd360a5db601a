"""Rules as data: the rule language (tokens, parser, syntax, the rules table) and its
evaluation (values, functions, binding, one module per kind in ``kinds/``).

>>> from checks.rules import parse_expression
>>> str(parse_expression("[population] = [internet-users] / [internet-penetration]"))
'[population] = [internet-users] / [internet-penetration]'
"""

from checks.rules.errors import RuleEvaluationError, RuleSyntaxError
from checks.rules.parser import parse_expression

__all__ = ["RuleEvaluationError", "RuleSyntaxError", "parse_expression"]
