"""Which anchors of a rule can fail at all, decided for every binding at once with columns.

The kinds evaluate a rule one binding at a time with :class:`~checks.rules.evaluate.Evaluation`
(units, steps for the explanation), which costs a few microseconds of Python per claim.
On a ledger of a million claims almost every binding passes, so this module first
evaluates the expression for every *possible* binding as columns: the anchor's claims are
paired with the claims of each other reference of the same subject and a comparable
period (equal periods; for stocks and ratios also an instant inside a window), and the
interval arithmetic runs on numpy arrays in the indicators' units.

The answer is conservative. It is a superset of the bindings the kind would evaluate
(every combination, not only the preferred one-source ones), it keeps every binding whose
result is not certainly inside the bounds (a margin of 1e-9 of the magnitude covers the
difference between computing in the indicator's unit and in the claim's), and it gives up
(``None``: evaluate everything) on whatever it does not model: claim references, period
selectors, functions, events, units that do not combine. The kind then evaluates only
the anchors returned, exactly as before, so findings are the same with or without it
(``tests/test_rules_bulk.py`` compares both).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd
import pint

from checks.ledger.claims import ClaimTable
from checks.ledger.periods import comparable_pairs
from checks.numbers.interval import Interval
from checks.numbers.units import UnitError, parse_unit
from checks.rules.syntax import BinaryOp, Negate, Node, Number, Ref, references
from checks.rules.values import DIMENSIONLESS, UnitMismatch, factor

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]

MARGIN = 1e-9
"""Relative margin by which a result must lie inside the bounds to be passed unseen."""


MAX_COMBINATIONS = 4_000_000
"""Combinations of one subject and period above which the columns would take gigabytes:
the kind then binds each anchor through its own source instead (linear in the claims)."""


class _GiveUp(Exception):
    """The expression uses something the column evaluation does not model."""


def suspect_anchors(
    table: ClaimTable, expression: Node, bounds: Interval, unit: pint.Unit, tolerance: float
) -> list[int] | None:
    """Row positions of the anchor claims that some binding may put outside ``bounds``.

    ``expression`` is evaluated for every binding, converted to ``unit`` and widened by
    ``tolerance`` (as the ratio-bound kind does); anchors whose every binding certainly
    overlaps ``bounds`` are left out. ``None`` means: not decidable here, evaluate all.
    """
    refs = references(expression)
    if not refs or any(r.is_claim or r.selector for r in refs):
        return None
    try:
        units = {r.key: _indicator_unit(table, r) for r in refs}
        result_unit = _unit_of(expression, units)
        to_rule = factor(result_unit, unit)
    except (_GiveUp, UnitError, UnitMismatch):
        return None
    rows = {r.key: _usable_rows(table, r.target) for r in refs}
    if any(np.any(events) for _, events in rows.values()):
        return None
    anchor, others = refs[0], refs[1:]
    if _equal_period_combinations(table, rows[anchor.key][0], [rows[r.key][0] for r in others]) > (
        MAX_COMBINATIONS
    ):
        return None  # thousands of claims of one subject and period: bind them one by one
    combos = _combinations(table, rows[anchor.key][0], [rows[r.key][0] for r in others])
    keys = [anchor.key, *(r.key for r in others)]
    columns = dict(zip(keys, combos, strict=True))
    lo, hi = _evaluate(expression, table, columns, units)
    lo, hi = np.minimum(lo * to_rule, hi * to_rule), np.maximum(lo * to_rule, hi * to_rule)
    if tolerance > 0:
        margin = tolerance * np.maximum(np.abs(lo), np.abs(hi))
        lo, hi = lo - margin, hi + margin
    slack = MARGIN * np.maximum(np.abs(lo), np.abs(hi))
    with np.errstate(invalid="ignore"):
        certain = (lo + slack <= bounds.hi) & (hi - slack >= bounds.lo)
    suspects = columns[anchor.key][~certain]
    return sorted(set(suspects.tolist()))


def _indicator_unit(table: ClaimTable, ref: Ref) -> pint.Unit:
    info = table.indicator(ref.target)
    if info is None:
        raise _GiveUp(ref.target)
    return parse_unit(info["unit"])


def _unit_of(node: Node, units: dict[str, pint.Unit]) -> pint.Unit:
    """The unit of the expression when every reference is in its indicator's unit."""
    if isinstance(node, Number):
        return DIMENSIONLESS
    if isinstance(node, Ref):
        return units[node.key]
    if isinstance(node, Negate):
        return _unit_of(node.operand, units)
    if isinstance(node, BinaryOp):
        left, right = _unit_of(node.left, units), _unit_of(node.right, units)
        if node.op in "+-":
            factor(right, left)  # raises UnitMismatch as the evaluator would
            return left
        if node.op == "*":
            product: pint.Unit = left * right
            return product
        if node.op == "/":
            quotient: pint.Unit = left / right
            return quotient
    raise _GiveUp(str(node))


def _usable_rows(table: ClaimTable, indicator: str) -> tuple[Ints, npt.NDArray[np.bool_]]:
    """Positions of the claims a reference may bind (events included) and which are events."""
    frame = table.frame
    of_indicator = (frame["indicator_id"] == indicator).to_numpy(dtype=bool)
    events = (frame["as_written"] == "").to_numpy(dtype=bool)
    readable = frame["clo"].notna().to_numpy() & frame["chi"].notna().to_numpy()
    positions = np.flatnonzero(of_indicator & (events | readable)).astype(np.int64)
    return positions, events[positions]


def _combinations(table: ClaimTable, anchors: Ints, others: list[Ints]) -> list[Ints]:
    """Every combination (anchor, one candidate per other reference) as aligned columns.

    A candidate has the anchor's subject, a comparable period and another claim id; the
    claims of one combination are distinct.
    """
    columns = [anchors]
    for candidates in others:
        left, right = _comparable_pairs(table, columns[0], candidates)
        columns = [column[left] for column in columns] + [right]
    if len(columns) > 2:
        stacked = np.sort(np.vstack(columns), axis=0)
        distinct = np.all(stacked[1:] != stacked[:-1], axis=0)
        columns = [column[distinct] for column in columns]
    return columns


def _equal_period_combinations(table: ClaimTable, anchors: Ints, others: list[Ints]) -> int:
    """How many combinations share one subject and one period (a lower bound of what
    :func:`_combinations` builds), counted per group without building any."""
    everything = np.concatenate([anchors, *others])
    if len(everything) == 0:
        return 0
    codes = table.group_codes(everything, ["subject", "start_day", "end_day"])
    size = int(codes.max()) + 1
    total = np.bincount(codes[: len(anchors)], minlength=size).astype(np.float64)
    at = len(anchors)
    for candidates in others:
        total *= np.bincount(codes[at : at + len(candidates)], minlength=size)
        at += len(candidates)
    return int(min(total.sum(), 2**62))


def _comparable_pairs(table: ClaimTable, anchors: Ints, candidates: Ints) -> tuple[Ints, Ints]:
    """Pairs (index into ``anchors``, candidate position) of the same subject, comparable
    periods (:func:`~checks.ledger.periods.comparable_pairs`) and different claims."""
    if len(anchors) == 0 or len(candidates) == 0:  # no claims of a reference: no pairs
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    frame = table.frame
    subjects = frame["subject"].to_numpy(dtype=object)
    codes, _ = pd.factorize(np.concatenate([subjects[anchors], subjects[candidates]]))
    codes = codes.astype(np.int64)
    start = frame["start_day"].to_numpy(np.int64)
    end = frame["end_day"].to_numpy(np.int64)
    flows = frame["kind"].to_numpy(dtype=object)[candidates] == "flow"
    left, right = comparable_pairs(
        (codes[: len(anchors)], codes[len(anchors) :]),
        (start[anchors], start[candidates]),
        (end[anchors], end[candidates]),
        np.asarray(flows, dtype=bool),
    )
    candidate = candidates[right]
    distinct = anchors[left] != candidate
    return left[distinct].astype(np.int64), candidate[distinct].astype(np.int64)


def _evaluate(
    node: Node, table: ClaimTable, columns: dict[str, Ints], units: dict[str, pint.Unit]
) -> tuple[Floats, Floats]:
    """The interval of ``node`` for every combination; NaN where it cannot be decided."""
    size = len(next(iter(columns.values())))
    if isinstance(node, Number):
        return np.full(size, node.value), np.full(size, node.value)
    if isinstance(node, Ref):
        positions = columns[node.key]
        return (
            table.frame["clo"].to_numpy(float)[positions],
            table.frame["chi"].to_numpy(float)[positions],
        )
    if isinstance(node, Negate):
        lo, hi = _evaluate(node.operand, table, columns, units)
        return -hi, -lo
    if not isinstance(node, BinaryOp):
        raise _GiveUp(str(node))
    a_lo, a_hi = _evaluate(node.left, table, columns, units)
    b_lo, b_hi = _evaluate(node.right, table, columns, units)
    if node.op in "+-":
        scale = factor(_unit_of(node.right, units), _unit_of(node.left, units))
        b_lo, b_hi = b_lo * scale, b_hi * scale
        return (a_lo + b_lo, a_hi + b_hi) if node.op == "+" else (a_lo - b_hi, a_hi - b_lo)
    if node.op == "/":
        with np.errstate(divide="ignore", invalid="ignore"):
            zero = (b_lo <= 0) & (b_hi >= 0)
            b_lo, b_hi = np.where(zero, np.nan, 1 / b_hi), np.where(zero, np.nan, 1 / b_lo)
    with np.errstate(invalid="ignore", over="ignore"):
        products = np.stack([a_lo * b_lo, a_lo * b_hi, a_hi * b_lo, a_hi * b_hi])
    return products.min(axis=0), products.max(axis=0)
