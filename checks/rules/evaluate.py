"""Evaluate a rule expression for one binding of its references to claims.

The evaluator walks the tree; every reference becomes its claim's value (a quantity, or a
moment for an event), every operation an interval operation in pint units. It records
each step as a sentence, so that a finding can show the computation.

>>> import datetime as dt
>>> from checks.rules.parser import parse_expression
>>> from checks.rules.values import Quantity, parse_unit
>>> from checks.numbers.interval import Interval
>>> ev = Evaluation("r", {})
>>> str(ev.value(parse_expression("2 * (3 + 4)")))
'[14, 14]'
"""

from __future__ import annotations

from collections.abc import Mapping

from checks.ledger.claims import Claim
from checks.numbers.interval import Interval, IntervalError
from checks.numbers.units import UnitError, parse_unit
from checks.rules.errors import RuleEvaluationError
from checks.rules.functions import FUNCTIONS, PERCENT, FunctionError
from checks.rules.syntax import BinaryOp, Call, Negate, Node, Number, Ref
from checks.rules.values import (
    DIMENSIONLESS,
    Moment,
    Quantity,
    UnitMismatch,
    Value,
    unit_text,
)

RELATIONS: tuple[str, ...] = ("=", "<", "<=", ">", ">=")


def claim_value(claim: Claim, printed: bool = False) -> Value:
    """A claim as a value: its interval in its unit (``printed``: its printed precision
    alone, before the hedge widens it), or its period for an event."""
    if claim.is_event:
        return Moment.of(claim.period, claim.claim_id)
    interval = claim.printed if printed else claim.interval
    if interval is None:
        raise FunctionError(f"{claim.claim_id}: the number {claim.as_written!r} cannot be read")
    try:
        unit = parse_unit(claim.unit)
    except UnitError as exc:
        raise FunctionError(f"{claim.claim_id}: {exc}") from None
    return Quantity(interval, unit, claim.period, claim.claim_id)


def describe_value(value: Value) -> str:
    if isinstance(value, Moment):
        return f"{value.period} (decimal years {value.interval.lo:.4f} to {value.interval.hi:.4f})"
    return str(value)


def combine(op: str, a: Value, b: Value) -> Value:
    """``a op b`` for two values (moment - moment is a duration in years)."""
    if isinstance(a, Moment) or isinstance(b, Moment):
        if op == "-" and isinstance(a, Moment) and isinstance(b, Moment):
            return FUNCTIONS["years"].apply([b, a])
        raise FunctionError(f"cannot apply {op!r} to a date: {describe_value(a)} {op} {b}")
    period = a.period or b.period
    try:
        if op in "+-":
            right = b.to(a.unit).interval
            interval = a.interval + right if op == "+" else a.interval - right
            return Quantity(interval, a.unit, period)
        if op == "*":
            return Quantity(a.interval * b.interval, a.unit * b.unit, period)
        return Quantity(a.interval / b.interval, a.unit / b.unit, period)
    except UnitMismatch:
        raise FunctionError(
            f"cannot {'add' if op == '+' else 'subtract'} {unit_text(b.unit) or 'a number'} "
            f"{'to' if op == '+' else 'from'} {unit_text(a.unit) or 'a number'}"
        ) from None
    except IntervalError as exc:
        raise FunctionError(str(exc)) from None


def relation_holds(op: str, left: Interval, right: Interval) -> bool:
    """Whether some reading of ``left`` and ``right`` satisfies ``left op right``."""
    if op == "=":
        return left.overlaps(right)
    if op == "<":
        return left.lo < right.hi
    if op == "<=":
        return left.lo <= right.hi
    if op == ">":
        return left.hi > right.lo
    return left.hi >= right.lo


def widen_relative(interval: Interval, tolerance: float) -> Interval:
    """Widen both ends by ``tolerance`` times the larger magnitude of the bounds."""
    if tolerance <= 0:
        return interval
    margin = tolerance * max(abs(interval.lo), abs(interval.hi))
    return interval + Interval(-margin, margin)


def agree_within(left: Interval, right: Interval, tolerance: float) -> bool:
    """Whether two intervals can agree once each is widened by the rule's tolerance.

    >>> agree_within(Interval(1, 2), Interval(2.1, 3), 0.05)
    True
    """
    return widen_relative(left, tolerance).overlaps(widen_relative(right, tolerance))


def comparable_intervals(left: Value, right: Value) -> tuple[Interval, Interval, str]:
    """Both sides of a comparison as intervals in one unit (the left one's)."""
    if isinstance(left, Moment) and isinstance(right, Moment):
        return left.interval, right.interval, ""
    if isinstance(left, Quantity) and isinstance(right, Quantity):
        try:
            return left.interval, right.to(left.unit).interval, unit_text(left.unit)
        except UnitMismatch:
            raise FunctionError(
                f"cannot compare {unit_text(left.unit) or 'a number'} with "
                f"{unit_text(right.unit) or 'a number'}"
            ) from None
    raise FunctionError("cannot compare a date with a number")


class Evaluation:
    """One evaluation: the claims bound to references, and the steps taken so far."""

    def __init__(self, rule_id: str, bound: Mapping[str, Claim], printed: bool = False) -> None:
        self.rule_id = rule_id
        self.bound = bound
        self.printed = printed
        """Read every claim at its printed precision, without its hedge (for grading)."""
        self.steps: list[str] = []
        self._seen: set[str] = set()

    def printed_value(self, node: Node) -> Value | None:
        """The node's value with every claim at its printed precision (no hedges); None
        when it cannot be had."""
        try:
            return Evaluation(self.rule_id, self.bound, printed=True).value(node)
        except RuleEvaluationError:
            return None

    def fail(self, reason: str) -> RuleEvaluationError:
        return RuleEvaluationError(self.rule_id, reason)

    def value(self, node: Node) -> Value:
        """The value of a node; raises :class:`RuleEvaluationError` when it cannot be had."""
        try:
            return self._value(node)
        except FunctionError as exc:
            raise self.fail(str(exc)) from None

    def ref_value(self, ref: Ref) -> Value:
        claim = self.bound.get(ref.key)
        if claim is None:
            raise FunctionError(f"{ref} is not bound to a claim")
        value = claim_value(claim, self.printed)
        if ref.key not in self._seen:
            self._seen.add(ref.key)
            self.steps.append(f"{ref} ← {claim.describe()} = {describe_value(value)}")
        return value

    def _value(self, node: Node) -> Value:
        if isinstance(node, Number):
            return Quantity(Interval.point(node.value), DIMENSIONLESS)
        if isinstance(node, Ref):
            return self.ref_value(node)
        if isinstance(node, Negate):
            inner = self._value(node.operand)
            if not isinstance(inner, Quantity):
                raise FunctionError("cannot negate a date")
            result: Value = Quantity(Interval(-inner.interval.hi, -inner.interval.lo), inner.unit)
        elif isinstance(node, BinaryOp):
            result = combine(node.op, self._value(node.left), self._value(node.right))
        else:
            result = self.call(node)
        self.steps.append(f"{node} = {describe_value(result)}")
        return result

    def call(self, node: Call) -> Value:
        args = [self._value(arg) for arg in node.args]
        return FUNCTIONS[node.name].apply(args)

    def solve(self, node: Node, missing: Ref, target: Value) -> Value | None:
        """The values of ``missing`` for which ``node`` can equal ``target``.

        Works when the missing reference occurs once, under + - * /, negation and
        growth(); returns None for anything else.
        """
        try:
            return self._solve(node, missing, target)
        except FunctionError as exc:
            raise self.fail(str(exc)) from None

    def _solve(self, node: Node, missing: Ref, target: Value) -> Value | None:
        if isinstance(node, Ref):
            return target if node.key == missing.key else None
        if isinstance(node, Negate) and isinstance(target, Quantity):
            flipped = Quantity(Interval(-target.interval.hi, -target.interval.lo), target.unit)
            return self._solve(node.operand, missing, flipped)
        if isinstance(node, BinaryOp):
            in_left = _mentions(node.left, missing)
            known = self._value(node.right if in_left else node.left)
            inverse = _invert(node.op, in_left, target, known)
            return self._solve(node.left if in_left else node.right, missing, inverse)
        if isinstance(node, Call) and node.name == "growth" and isinstance(target, Quantity):
            in_now = _mentions(node.args[0], missing)
            known = self._value(node.args[1] if in_now else node.args[0])
            factor = combine("+", target.to(DIMENSIONLESS), _one())
            inverse = combine("*" if in_now else "/", known, factor)
            step = "now = base × (1 + rate)" if in_now else "base = now ÷ (1 + rate)"
            self.steps.append(f"{step}: {describe_value(inverse)}")
            return self._solve(node.args[0] if in_now else node.args[1], missing, inverse)
        return None


def _one() -> Quantity:
    return Quantity(Interval.point(1.0), DIMENSIONLESS)


def _mentions(node: Node, ref: Ref) -> bool:
    from checks.rules.syntax import walk

    return any(isinstance(n, Ref) and n.key == ref.key for n in walk(node))


def _invert(op: str, in_left: bool, target: Value, known: Value) -> Value:
    if op == "+":
        return combine("-", target, known)
    if op == "-":
        return combine("+", target, known) if in_left else combine("-", known, target)
    if op == "*":
        return combine("/", target, known)
    return combine("*", target, known) if in_left else combine("/", known, target)


__all__ = [
    "PERCENT",
    "RELATIONS",
    "Evaluation",
    "agree_within",
    "claim_value",
    "combine",
    "comparable_intervals",
    "relation_holds",
    "widen_relative",
]
