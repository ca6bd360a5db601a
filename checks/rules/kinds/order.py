"""order: ``[a] < [b] <= [c]`` — dated claims happen in this order. Each claim is the
span of days of its period; ``a < b`` fails only when every day of ``a`` is after every
day of ``b`` (at the resolution of a day, ``<`` and ``<=`` say the same). Every claim of
one indicator is compared with every claim of the next about the same subject.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.ledger.claims import ClaimTable
from checks.model.codes import FindingCode
from checks.model.package import Package
from checks.rules.binding import anchors, anywhere, candidates
from checks.rules.evaluate import relation_holds
from checks.rules.kinds.common import Result, RuleKind
from checks.rules.outcome import Outcome, claim_label, consult, interval_entry
from checks.rules.rule import Rule, position_of, shape_error
from checks.rules.syntax import Comparison, Ref


def evaluate(rule: Rule, table: ClaimTable, pkg: Package) -> Iterator[Result]:
    chain = rule.expression
    assert isinstance(chain, Comparison)
    for op, left, right in zip(chain.ops, chain.operands, chain.operands[1:], strict=False):
        assert isinstance(left, Ref) and isinstance(right, Ref)
        for before in anchors(table, left):
            for after in candidates(table, right, before, anywhere):
                if relation_holds(op, before.period.as_years, after.period.as_years):
                    continue
                yield Outcome(
                    code="order-violated",
                    severity=rule.severity,
                    claim_ids=(before.claim_id, after.claim_id),
                    message=f"{rule.rule_id}: {left} must come before {right}, but "
                    f"{before.claim_id} ({before.period}) is after {after.claim_id} "
                    f"({after.period})",
                    steps=[
                        f"{left} ← {claim_label(before)}",
                        f"{right} ← {claim_label(after)}",
                        f"{left} {op} {right} needs the first day of {before.period} to be on "
                        f"or before the last day of {after.period}",
                    ],
                    intervals=[
                        interval_entry(
                            before.claim_id, before.period.as_years, "year", claim_label(before)
                        ),
                        interval_entry(
                            after.claim_id, after.period.as_years, "year", claim_label(after)
                        ),
                    ],
                    resolve="check both dates against their sources: "
                    + consult(pkg, [before, after]),
                    key=f"{rule.rule_id}:{left.key}<{right.key}",
                    rule=rule,
                )


def check_shape(rule: Rule) -> None:
    expr = rule.expression
    if not (isinstance(expr, Comparison) and set(expr.ops) <= {"<", "<="}):
        raise shape_error(rule, "a chain [a] < [b] <= [c] of references (only < and <=)")
    for operand in expr.operands:
        if not isinstance(operand, Ref):
            raise shape_error(rule, "a reference to a dated claim", position_of(operand))


KIND = RuleKind(
    name="order",
    check="temporal",
    form="[a] < [b] <= [c] ..., references to dated claims",
    shape=check_shape,
    evaluate=evaluate,
    codes=(
        FindingCode(
            "order-violated",
            "Events out of order",
            "Every day of the first event is after every day of the second: check both dates.",
            "rule",
            "the rule's severity column",
        ),
    ),
)
