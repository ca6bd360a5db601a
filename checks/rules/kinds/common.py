"""Pieces every kind of rule shares: failures, the label of an indicator, comparisons."""

from __future__ import annotations

from dataclasses import dataclass

from checks.ledger.claims import Claim, ClaimTable
from checks.rules.outcome import Outcome


@dataclass(frozen=True)
class RuleFailure:
    """The rule could not be computed for these claims (reported once per rule)."""

    reason: str
    claim_ids: tuple[str, ...]


Result = Outcome | RuleFailure


def label(table: ClaimTable, indicator_id: str) -> str:
    """The indicator's label in lower case (``population``), or its id."""
    info = table.indicator(indicator_id)
    return info["label"].lower() if info and info["label"] else indicator_id


def as_written(claims: list[Claim]) -> str:
    return ", ".join(f"{c.as_written!r}" if c.as_written else str(c.period) for c in claims)


def relative_difference(value: float, reference: float) -> float:
    """``(value - reference) / reference``; 0 when the reference is 0."""
    return (value - reference) / reference if reference else 0.0
