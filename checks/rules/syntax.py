"""The tree a rule expression parses into. Each node can print itself back as text."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

SELECTORS: tuple[str, ...] = ("previous",)
"""Period selectors a reference may carry: ``[indicator@previous]``."""


@dataclass(frozen=True, slots=True)
class Number:
    value: float
    text: str
    position: int

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True, slots=True)
class Ref:
    """``[indicator-id]``, ``[indicator-id@previous]`` or ``[claim:claim-id]``."""

    target: str
    is_claim: bool
    selector: str | None
    position: int

    @property
    def key(self) -> str:
        """The identity of the reference inside one rule (the same key binds the same claim)."""
        if self.is_claim:
            return f"claim:{self.target}"
        return self.target + (f"@{self.selector}" if self.selector else "")

    def __str__(self) -> str:
        return f"[{self.key}]"


@dataclass(frozen=True, slots=True)
class Negate:
    operand: Node
    position: int

    def __str__(self) -> str:
        return f"-{_wrap(self.operand)}"


@dataclass(frozen=True, slots=True)
class BinaryOp:
    op: str
    left: Node
    right: Node
    position: int

    def __str__(self) -> str:
        return f"{_wrap(self.left)} {self.op} {_wrap(self.right)}"


@dataclass(frozen=True, slots=True)
class Call:
    name: str
    args: tuple[Node, ...]
    position: int

    def __str__(self) -> str:
        return f"{self.name}({', '.join(str(a) for a in self.args)})"


@dataclass(frozen=True, slots=True)
class Comparison:
    """A chain ``a op b op c``: each neighbouring pair must hold."""

    operands: tuple[Node, ...]
    ops: tuple[str, ...]
    position: int

    def __str__(self) -> str:
        parts = [str(self.operands[0])]
        for op, operand in zip(self.ops, self.operands[1:], strict=True):
            parts += [op, str(operand)]
        return " ".join(parts)


Node = Number | Ref | Negate | BinaryOp | Call
Expression = Node | Comparison


def _wrap(node: Node) -> str:
    return f"({node})" if isinstance(node, BinaryOp) else str(node)


def walk(node: Expression) -> Iterator[Expression]:
    """Every node of the tree, parents before children, left to right."""
    yield node
    if isinstance(node, Negate):
        yield from walk(node.operand)
    elif isinstance(node, BinaryOp):
        yield from walk(node.left)
        yield from walk(node.right)
    elif isinstance(node, Call):
        for arg in node.args:
            yield from walk(arg)
    elif isinstance(node, Comparison):
        for operand in node.operands:
            yield from walk(operand)


def references(node: Expression) -> list[Ref]:
    """The distinct references in order of first appearance.

    >>> from checks.rules.parser import parse_expression
    >>> [r.key for r in references(parse_expression("[a] = [b] / [a] + [claim:c]"))]
    ['a', 'b', 'claim:c']
    """
    seen: dict[str, Ref] = {}
    for item in walk(node):
        if isinstance(item, Ref):
            seen.setdefault(item.key, item)
    return list(seen.values())
