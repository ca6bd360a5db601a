"""A recursive-descent parser for rule expressions.

Grammar (one comparison chain at most)::

    rule     := sum (CMP sum)* END
    sum      := product (("+" | "-") product)*
    product  := unary (("*" | "/") unary)*
    unary    := "-" unary | primary
    primary  := NUMBER | REF | NAME "(" [sum ("," sum)*] ")" | "(" sum ")"
    REF      := "[" slug ("@" selector)? "]" | "[claim:" slug "]"

Function names and their number of arguments are checked against
:data:`checks.rules.functions.FUNCTIONS` while parsing, so a misspelt function is a
syntax error with a position, not a failure later.
"""

from __future__ import annotations

import math
import re

from checks.rules.errors import RuleSyntaxError
from checks.rules.functions import FUNCTIONS
from checks.rules.syntax import (
    SELECTORS,
    BinaryOp,
    Call,
    Comparison,
    Expression,
    Negate,
    Node,
    Number,
    Ref,
)
from checks.rules.tokens import Token, tokenize

_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_REF = re.compile(
    rf"\[(?:(?P<claim>claim:)(?P<cid>{_SLUG})|(?P<ind>{_SLUG})(?:@(?P<sel>[a-z]+))?)\]"
)
OPERAND = "an operand: a number, a [reference], a function call or '('"
MAX_DEPTH = 64
MAX_OPERATORS = 100
"""Binary operators in one expression. A chain ``a + b + c ...`` nests one level per
operator in the tree, so bounding both keeps every walk of the tree (evaluation, units,
printing) far from Python's recursion limit."""


class _Parser:
    def __init__(self, text: str, rule_id: str) -> None:
        self.text = text
        self.rule_id = rule_id
        self.tokens = tokenize(text, rule_id)
        self.index = 0
        self.depth = 0
        self.operators = 0

    @property
    def token(self) -> Token:
        return self.tokens[self.index]

    def fail(self, expected: str, token: Token | None = None) -> RuleSyntaxError:
        at = token or self.token
        return RuleSyntaxError(self.rule_id, self.text, at.position, expected, at.text)

    def operator(self) -> Token:
        """The binary operator at the cursor, counted against :data:`MAX_OPERATORS`."""
        self.operators += 1
        if self.operators > MAX_OPERATORS:
            raise self.fail(f"at most {MAX_OPERATORS} operators + - * / in one expression")
        return self.advance()

    def advance(self) -> Token:
        token = self.token
        self.index += 1
        return token

    def expect(self, kind: str, expected: str) -> Token:
        if self.token.kind != kind:
            raise self.fail(expected)
        return self.advance()

    def rule(self) -> Expression:
        if self.token.kind == "END":
            raise self.fail(OPERAND)
        first = self.sum()
        operands: list[Node] = [first]
        ops: list[str] = []
        while self.token.kind == "CMP":
            ops.append(self.advance().text)
            operands.append(self.sum())
        if self.token.kind != "END":
            expected = "an operator + - * /, a comparison or the end of the expression"
            if self.token.kind == "RPAREN":
                expected = "the end of the expression (this ')' closes nothing)"
            raise self.fail(expected)
        if not ops:
            return first
        return Comparison(tuple(operands), tuple(ops), _position(first))

    def sum(self) -> Node:
        node = self.product()
        while self.token.kind == "OP" and self.token.text in "+-":
            op = self.operator()
            node = BinaryOp(op.text, node, self.product(), op.position)
        return node

    def product(self) -> Node:
        node = self.unary()
        while self.token.kind == "OP" and self.token.text in "*/":
            op = self.operator()
            node = BinaryOp(op.text, node, self.unary(), op.position)
        return node

    def unary(self) -> Node:
        # Every level of nesting (parentheses, calls, minus signs) passes through here:
        # bounding the depth keeps parsing and evaluation off Python's recursion limit.
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail(f"at most {MAX_DEPTH} levels of nesting")
        try:
            if self.token.kind == "OP" and self.token.text == "-":
                op = self.advance()
                return Negate(self.unary(), op.position)
            return self.primary()
        finally:
            self.depth -= 1

    def primary(self) -> Node:
        token = self.token
        if token.kind == "NUMBER":
            value = float(token.text)
            if not math.isfinite(value):  # 1e999 overflows to infinity
                raise self.fail("a finite number (at most about 1.8e308)")
            self.advance()
            return Number(value, token.text, token.position)
        if token.kind == "REF":
            self.advance()
            return self.reference(token)
        if token.kind == "NAME":
            return self.call()
        if token.kind == "LPAREN":
            self.advance()
            node = self.sum()
            self.expect("RPAREN", "')' to close the '(' at position " + str(token.position))
            return node
        raise self.fail(OPERAND)

    def reference(self, token: Token) -> Ref:
        match = _REF.fullmatch(token.text)
        if match is None:
            raise self.fail(
                "a reference [indicator-id], [indicator-id@previous] or [claim:claim-id] "
                "(lower-case slugs)",
                token,
            )
        if match.group("claim"):
            return Ref(match.group("cid"), True, None, token.position)
        selector = match.group("sel")
        if selector is not None and selector not in SELECTORS:
            raise self.fail(f"a period selector: one of {', '.join(SELECTORS)}", token)
        return Ref(match.group("ind"), False, selector, token.position)

    def call(self) -> Call:
        name = self.advance()
        spec = FUNCTIONS.get(name.text)
        if spec is None:
            raise self.fail(f"a function name: one of {', '.join(sorted(FUNCTIONS))}", name)
        self.expect("LPAREN", f"'(' after the function name {name.text}")
        args: list[Node] = []
        if self.token.kind != "RPAREN":
            args.append(self.sum())
            while self.token.kind == "COMMA":
                self.advance()
                args.append(self.sum())
        closing = self.expect("RPAREN", "',' or ')' in the argument list of " + name.text)
        if not spec.min_args <= len(args) <= spec.max_args:
            raise RuleSyntaxError(
                self.rule_id,
                self.text,
                name.position,
                f"{name.text} takes {spec.arity_text}, not {len(args):,}",
                self.text[name.position : closing.position + 1],
            )
        return Call(name.text, tuple(args), name.position)


def _position(node: Node) -> int:
    if isinstance(node, BinaryOp):
        return _position(node.left)
    return node.position


def parse_expression(text: str, rule_id: str = "") -> Expression:
    """Parse one rule expression into a tree.

    >>> str(parse_expression("[population]=[internet-users]/[internet-penetration]"))
    '[population] = [internet-users] / [internet-penetration]'
    >>> str(parse_expression("growth([a], [a@previous]) * (1 + 2)"))
    'growth([a], [a@previous]) * (1 + 2)'
    """
    return _Parser(text, rule_id).rule()
