"""The tokens of the rule language, read left to right with their positions.

``[internet-users] = [internet-penetration] * [population]`` reads as a reference, a
comparison, a reference, an operator and a reference. Nothing in a rule is ever handed to
Python's ``eval``: the text becomes tokens, the tokens a tree (:mod:`checks.rules.parser`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checks.rules.errors import RuleSyntaxError

#: Token kinds: NUMBER, REF, NAME, OP (+ - * /), CMP (= < <= > >=), LPAREN, RPAREN, COMMA, END.
_ALIASES = {"×": "*", "÷": "/", "−": "-", "≤": "<=", "≥": ">=", "==": "="}
_PATTERN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<number>[0-9]+(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)
  | (?P<ref>\[[^\[\]]*\])
  | (?P<name>[a-z_][a-z0-9_]*)
  | (?P<cmp><=|>=|==|[=<>≤≥])
  | (?P<op>[-+*/×÷−])
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<comma>,)
    """,
    re.VERBOSE,
)


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind, its text (aliases such as ``×`` normalised) and its offset."""

    kind: str
    text: str
    position: int


def tokenize(text: str, rule_id: str = "") -> list[Token]:
    """Split a rule expression into tokens, ending with an ``END`` token.

    >>> [t.text for t in tokenize("[a] × 2")]
    ['[a]', '*', '2', '']
    """
    tokens: list[Token] = []
    position = 0
    while position < len(text):
        match = _PATTERN.match(text, position)
        if match is None:
            raise RuleSyntaxError(
                rule_id,
                text,
                position,
                "a number, a [reference], a function name, an operator + - * / or a comparison",
                text[position],
            )
        kind = match.lastgroup or ""
        if kind != "space":
            raw = match.group(0)
            tokens.append(Token(kind.upper(), _ALIASES.get(raw, raw), position))
        position = match.end()
    tokens.append(Token("END", "", len(text)))
    return tokens
