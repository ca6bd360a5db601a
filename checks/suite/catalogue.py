"""The catalogue of finding codes: every code of every registered check, in run order.

>>> rows = catalogue_rows()  # doctest: +SKIP
>>> rows[0].check, rows[0].code.code  # doctest: +SKIP
('schema', 'descriptor')
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.model.codes import FindingCode
from checks.registry import described


@dataclass(frozen=True)
class CatalogueRow:
    check: str
    code: FindingCode


def catalogue_rows() -> list[CatalogueRow]:
    """One row per (check, code), checks in run order, codes as each check declares them."""
    return [CatalogueRow(cid, code) for cid, cls in described().items() for code in cls.codes]


SEVERITY_WORDS = {
    "rule": "the rule's `severity`",
    "graded": "graded: error, warning or info by the gap",
}


def severity_table() -> str:
    """The Markdown table of every finding code, its severity and why (docs/severity.md)."""
    lines = [
        "| check | code | severity | what it means | why this severity |",
        "|---|---|---|---|---|",
    ]
    for row in catalogue_rows():
        code = row.code
        severity = " or ".join(
            SEVERITY_WORDS.get(part, f"**{part}**") for part in code.severity.split("/")
        )
        lines.append(
            f"| `{row.check}` | `{code.code}` | {severity} | {_cell(code.title)} | "
            f"{_cell(code.why)} |"
        )
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")
