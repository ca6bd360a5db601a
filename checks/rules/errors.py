"""Errors in rules: a rule that does not parse, or one that cannot be evaluated.

Both carry the rule id, the column (``expression`` unless told otherwise) and what was
expected, so the rules check can report them at the rule's row.
"""

from __future__ import annotations

from checks.model.errors import InputError


class RuleSyntaxError(InputError):
    """A rule expression that does not parse: where, what was expected, what was found.

    >>> from checks.rules.parser import parse_expression
    >>> try:
    ...     parse_expression("[a] = ", rule_id="r1")
    ... except RuleSyntaxError as exc:
    ...     (exc.rule_id, exc.column, exc.position, exc.expected)
    ('r1', 'expression', 6, "an operand: a number, a [reference], a function call or '('")
    """

    def __init__(
        self,
        rule_id: str,
        text: str,
        position: int,
        expected: str,
        found: str,
        *,
        column: str = "expression",
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        self.rule_id = rule_id
        self.text = text
        self.position = position
        self.found = found
        if column == "expression":
            shown = repr(found) if found else "the end of the expression"
            self.detail = f"{text!r} at position {position}: found {shown}"
        else:
            self.detail = f"found {text!r}" if text else "the cell is empty"
        super().__init__(
            f"rule {rule_id}: {self.detail}",
            path=path,
            line=line,
            column=column,
            expected=expected,
        )

    @property
    def pointer(self) -> str:
        """The expression with a caret under the position of the error."""
        return f"{self.text}\n{' ' * self.position}^"


class RuleEvaluationError(ValueError):
    """A rule that parses but cannot be computed (units that do not match, wrong argument).

    >>> str(RuleEvaluationError("r1", "cannot add person and VND"))
    'rule r1: cannot add person and VND'
    """

    def __init__(self, rule_id: str, reason: str) -> None:
        super().__init__(f"rule {rule_id}: {reason}")
        self.rule_id = rule_id
        self.reason = reason
