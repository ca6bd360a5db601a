"""Arithmetic a text states: changes, multiples, shares, averages and parts recomputed
from the numbers of the same sentence (no rule needed), graded like every comparison."""

from __future__ import annotations

from checks.recompute.relations import Relation, find_relations
from checks.recompute.text import recompute_text
from checks.recompute.verdict import Recomputed, recompute

__all__ = ["Recomputed", "Relation", "find_relations", "recompute", "recompute_text"]
