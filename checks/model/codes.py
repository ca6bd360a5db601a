"""Finding codes: every code a check can raise, declared once with its title and help.

Like frictionless-py's error classes, a code is data: the check that raises it declares
it (``codes`` on the check class, or ``codes`` on a rule kind for the codes its rules
raise), with a one-line title, a help text that says what to do about it, the severity
it is raised at and why. The runner refuses a finding whose code its check did not
declare, the SARIF report has one rule per code, and the severity policy in
``docs/severity.md`` is generated from the catalogue.

>>> UNIT = FindingCode("unit", "Unit does not parse", "Use a unit the registry knows.",
...                    "error", "a figure with no readable unit cannot be compared")
>>> UNIT.severity
'error'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SEVERITIES = ("error", "warning", "info", "graded", "rule")
"""How a code's severity is decided (several joined by ``/`` when the code is raised at
either, for reasons its ``why`` gives): fixed (error, warning, info), ``graded`` (error,
warning or info by how far the figures are apart, see docs/severity.md) or ``rule`` (the
severity column of the rule that raised it)."""


@dataclass(frozen=True, slots=True)
class FindingCode:
    """One code a check can raise."""

    code: str
    title: str
    help: str
    severity: str
    why: str

    def __post_init__(self) -> None:
        if not set(self.severity.split("/")) <= set(SEVERITIES):
            raise ValueError(
                f"code {self.code!r}: severity={self.severity!r} is not one of {SEVERITIES} "
                "(or several joined by '/')"
            )
        if not self.code or self.code != self.code.strip().lower() or " " in self.code:
            raise ValueError(f"code={self.code!r} is not a kebab-case code")


def catalogue(codes: Iterable[FindingCode], owner: str) -> dict[str, FindingCode]:
    """The codes by name, refusing a code declared twice by the same owner."""
    out: dict[str, FindingCode] = {}
    for entry in codes:
        if entry.code in out:
            raise ValueError(f"{owner}: code {entry.code!r} is declared twice")
        out[entry.code] = entry
    return out
