"""The shortest clause around a span: the draft quote for a number."""

from __future__ import annotations

import re

from checks.scan.patterns import CLAUSE_BOUNDARY

TRIM = " \t\r\n\u00a0\u202f*|"
QUOTE_WINDOW = 160
"""At most this many characters of a clause on each side of a number: the context of a
number stays bounded however long its sentence (a text of numbers with no punctuation
would otherwise give every number the whole text)."""

_LAST_BOUNDARY = re.compile(rf"(?s:.*)(?:{CLAUSE_BOUNDARY.pattern})")
"""The last clause boundary of a stretch, found in one match: the greedy ``.*`` runs to
the end of the stretch and gives characters back until a boundary matches."""


class ClauseIndex:
    """The clause around a number, found by looking at most :data:`QUOTE_WINDOW`
    characters each way (a clause longer than that is cut at a blank).

    >>> text = "Theo thống kê, trong năm 2023, đã ghi nhận gần 16.000 phản ánh."
    >>> start, end = ClauseIndex(text).around(47, 53)
    >>> text[start:end]
    'đã ghi nhận gần 16.000 phản ánh'
    """

    def __init__(self, text: str) -> None:
        self.text = text

    def around(self, start: int, end: int) -> tuple[int, int]:
        """Offsets of the clause holding ``text[start:end]``, without edge blanks or bars."""
        text = self.text
        low = max(0, start - QUOTE_WINDOW - 1)
        left = low  # no boundary within reach: the window's edge (cut at a blank below)
        last = _LAST_BOUNDARY.match(text, low, min(len(text), start + 1))
        if last is not None and last.end() <= start:
            left = last.end()
        high = min(len(text), end + QUOTE_WINDOW + 1)
        after = CLAUSE_BOUNDARY.search(text, end, min(len(text), high + 1))
        right = after.start() if after is not None and after.start() <= high else high
        left, right = self._bounded(left, right, start, end)
        piece = self.text[left:right]
        lead = len(piece) - len(piece.lstrip(TRIM))
        kept = len(piece.rstrip(TRIM))
        if kept <= lead:
            return start, end
        return left + lead, left + kept

    def _bounded(self, left: int, right: int, start: int, end: int) -> tuple[int, int]:
        """The clause cut to :data:`QUOTE_WINDOW` characters each side, at a blank."""
        if start - left > QUOTE_WINDOW:
            cut = start - QUOTE_WINDOW
            blank = self.text.find(" ", cut, start)
            left = blank + 1 if blank >= 0 else cut
        if right - end > QUOTE_WINDOW:
            cut = end + QUOTE_WINDOW
            blank = self.text.rfind(" ", end, cut)
            right = blank if blank > end else cut
        return left, right

    def sentence_clauses(
        self, start: int, end: int, sentence: tuple[int, int]
    ) -> list[tuple[int, int]]:
        """The other clauses of ``sentence`` within :data:`QUOTE_WINDOW` of ``start..end``:
        those before it, nearest first, then those after it, nearest first."""
        low, high = max(sentence[0], start - QUOTE_WINDOW), min(sentence[1], end + QUOTE_WINDOW)
        bounds = [low]
        for boundary in CLAUSE_BOUNDARY.finditer(self.text, low, high):
            bounds += [boundary.start(), boundary.end()]
        bounds.append(high)
        pieces = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds) - 1, 2)]
        own = [p for p in pieces if p[0] <= start and end <= p[1]]
        others = [p for p in pieces if p not in own and p[1] > p[0]]
        before = sorted((p for p in others if p[1] <= start), key=lambda p: -p[1])
        return before + sorted((p for p in others if p[0] >= end), key=lambda p: p[0])
