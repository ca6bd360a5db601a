"""Errors about input that cannot be read. The CLI turns them into exit code 2."""

from __future__ import annotations


class InputError(Exception):
    """Input that cannot be read: names the file, row, column and the expected form.

    >>> str(InputError("bad date", path="datapackage/claims.csv", line=4, column="period_start",
    ...                expected="an ISO date YYYY-MM-DD"))
    'datapackage/claims.csv:4: column period_start: bad date (expected an ISO date YYYY-MM-DD)'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        row: int | None = None,
        column: str | None = None,
        expected: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.row = row
        self.column = column
        self.expected = expected
        super().__init__(str(self))

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where += f":{self.line}"
        parts = [where]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            parts.append(f"column {self.column}")
        text = ": ".join(parts) + f": {self.message}"
        if self.expected:
            text += f" (expected {self.expected})"
        return text
