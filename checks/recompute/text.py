"""Recompute the arithmetic of a whole text."""

from __future__ import annotations

from checks.recompute.relations import find_relations
from checks.recompute.verdict import Recomputed, recompute
from checks.scan.scanner import scan_text


def recompute_text(text: str, language: str = "auto") -> tuple[str, list[Recomputed]]:
    """The NFC text and every relation of its sentences, recomputed, in text order.

    >>> _, found = recompute_text("Số vụ tăng từ 10.000 vụ lên 16.000 vụ, tức tăng 60%.")
    >>> [(r.relation.kind, r.severity) for r in found]
    [('change', None)]
    """
    scan = scan_text(text, language)
    found = [recompute(r) for r in find_relations(scan.text, scan.mentions, scan.language)]
    return scan.text, [r for r in found if r is not None]
