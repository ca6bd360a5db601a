"""The shortest clause around a span: the draft quote for a number."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from checks.scan.patterns import CLAUSE_BOUNDARY

_TRIM = " \t\r\n\u00a0\u202f*|"


class ClauseIndex:
    """Clause boundaries of a text, found once; each lookup is two bisections.

    >>> text = "Theo thống kê, trong năm 2023, đã ghi nhận gần 16.000 phản ánh."
    >>> start, end = ClauseIndex(text).around(47, 53)
    >>> text[start:end]
    'đã ghi nhận gần 16.000 phản ánh'
    """

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [m.span() for m in CLAUSE_BOUNDARY.finditer(text)]
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the clause holding ``text[start:end]``, without edge blanks or bars."""
        before = bisect_right(self._ends, start) - 1
        left = self._ends[before] if before >= 0 else 0
        after = bisect_left(self._starts, end)
        right = self._starts[after] if after < len(self._starts) else len(self.text)
        piece = self.text[left:right]
        lead = len(piece) - len(piece.lstrip(_TRIM))
        kept = len(piece.rstrip(_TRIM))
        if kept <= lead:
            return start, end
        return left + lead, left + kept
