"""A text file to check: read as UTF-8, and where an offset in it is (line, column)."""

from __future__ import annotations

from pathlib import Path

from checks.model.csvfile import decode_utf8, read_regular_file


def read_text_file(path: Path) -> str:
    """The text of a regular UTF-8 file (a BOM dropped); anything else raises InputError
    naming the file."""
    display = str(path)
    return decode_utf8(read_regular_file(path, display=display), path=display)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``.

    >>> line_and_column("ab\\ncd", 4)
    (2, 2)
    """
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column
