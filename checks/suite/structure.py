"""Rows of a table that cannot be read at all, as findings of the schema check.

A ragged row, a quote left open or text after a closing quote makes a row unreadable; it
is left out of its table (:func:`checks.model.csvfile.read_csv_table` in tolerant mode) so
the checks can run on the other rows, and each such row becomes an error finding here.
At most :data:`~checks.model.csvfile.MAX_ROW_PROBLEMS` per table are listed; one more
finding counts the rest. ``claimledger check`` exits 2 when any is found (the input
could not be read), after writing the reports.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checks.model.codes import FindingCode
from checks.model.csvfile import MAX_ROW_PROBLEMS
from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.model.package import Resource

CODE = "row-unreadable"
TITLE = "A row of a table cannot be read (ragged, or quotes that do not close)"
MORE_CODE = "rows-unreadable-more"


STRUCTURE_CODES = (
    FindingCode(
        CODE,
        "A row of a table cannot be read",
        "The row is ragged (more or fewer cells than the header) or badly quoted: fix it "
        "in the CSV. Every such row is listed (up to a cap per table) in one run.",
        "error",
        "the row's data is not checked at all, and check exits 2",
    ),
    FindingCode(
        MORE_CODE,
        "More unreadable rows than are listed",
        "Counts the unreadable rows beyond the cap of rows listed for one table.",
        "error",
        "as for each unreadable row",
    ),
)
"""The codes of unreadable rows, declared by the check that reports them (schema)."""


def structure_findings(resource: Resource, check: str) -> Iterator[Finding]:
    """One error finding per unreadable row of the resource, then one for the uncounted."""
    problems, count = resource.row_problems
    yield from unreadable_row_findings(resource.name, resource.display, problems, count, check)


def unreadable_row_findings(
    name: str, display: str, problems: Sequence[InputError], count: int, check: str
) -> Iterator[Finding]:
    """The findings of :func:`structure_findings` for the listed ``problems`` of table
    ``name`` (file ``display``) and ``count`` unreadable rows in all."""
    for problem in problems:
        text = problem.message + (f" (expected {problem.expected})" if problem.expected else "")
        yield Finding(
            check,
            CODE,
            Severity.ERROR,
            (),
            f"row {problem.row}: {text}" if problem.row is not None else text,
            {"resource": name, "row": problem.row},
            display,
            problem.line,
            key=f"{name}:{problem.line}",
        )
    if count > len(problems):
        yield Finding(
            check,
            MORE_CODE,
            Severity.ERROR,
            (),
            f"and {count - len(problems)} more unreadable row(s) not listed ({count} in all)",
            {"resource": name, "count": count},
            display,
            None,
            key=name,
        )


def is_unreadable_row(finding: Finding) -> bool:
    """A finding that says part of the input could not be read (exit 2)."""
    return finding.code in (CODE, MORE_CODE)


def unreadable_row_count(findings: list[Finding]) -> int:
    """How many rows could not be read, the ones beyond the cap included."""
    listed = sum(1 for f in findings if f.code == CODE)
    more = sum(
        int(f.evidence.get("count", 0)) - MAX_ROW_PROBLEMS for f in findings if f.code == MORE_CODE
    )
    return listed + more
