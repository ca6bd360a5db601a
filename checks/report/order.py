"""The order in which findings are shown: most severe first, then the most telling checks.

A person (the HTML report) and GitHub (which shows only the first ten annotations of a
kind per step) should both see the errors first, then what the numbers contradict
(arithmetic, conflicts, temporal), then where a number comes from (provenance), and the
bookkeeping last. Within one check, findings keep their file and line order.
"""

from __future__ import annotations

from checks.model.finding import Finding

CHECK_ORDER: tuple[str, ...] = (
    "schema",
    "citation",
    "arithmetic",
    "conflicts",
    "temporal",
    "provenance",
    "waivers",
    "coverage",
)
"""Checks from the most to the least important; a check not listed comes after them."""


def check_rank(check: str) -> int:
    """The position of a check in :data:`CHECK_ORDER` (unknown checks last).

    >>> check_rank("arithmetic") < check_rank("provenance") < check_rank("other")
    True
    """
    return CHECK_ORDER.index(check) if check in CHECK_ORDER else len(CHECK_ORDER)


def importance(finding: Finding) -> tuple[int, int, str, int, str]:
    """Sort key: severity, then check, then file and line, then fingerprint."""
    return (
        finding.severity.rank,
        check_rank(finding.check),
        finding.path or "",
        finding.line if finding.line is not None else 0,
        finding.fingerprint,
    )
