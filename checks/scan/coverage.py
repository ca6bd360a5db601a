"""Which numbers of a text no claim captures.

A claim captures a number when each of the number's digit parts lies inside the claim's
``as_written`` where it occurs in the quote. A date is also captured when it lies anywhere
inside a claim's quote: an event claim's quote holds its date, and a number claim's quote
holds the date that fixes its period (docs/data-capture.md P1, E3). Identifiers are never
reported.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import accumulate

from checks.scan.mention import Kind, Mention
from checks.scan.patterns import MAX_TOKEN_GAP, in_token_gap

_FIRST_DIGIT = re.compile("[0-9]")
_LAST_DIGIT = re.compile("[0-9](?=[^0-9]*\\Z)")


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    """Where a claim sits in its source: its quote and, for a number, its as_written."""

    claim_id: str
    quote: tuple[int, int]
    number: tuple[int, int] | None


def claim_spans(rows: Iterable[Mapping[str, str]]) -> list[ClaimSpan]:
    """Spans of claim rows (cells as text); rows whose offsets are not integers are skipped.

    >>> row = {"claim_id": "c", "quote": "gây thiệt hại 390.000 tỷ đồng", "start": "100",
    ...        "end": "129", "as_written": "390.000 tỷ đồng"}
    >>> claim_spans([row])
    [ClaimSpan(claim_id='c', quote=(100, 129), number=(114, 129))]
    """
    spans: list[ClaimSpan] = []
    for row in rows:
        start, end = _integer(row.get("start", "")), _integer(row.get("end", ""))
        if start is None or end is None:
            continue
        quote, as_written = row.get("quote", ""), row.get("as_written", "")
        position = quote.find(as_written) if as_written else -1
        number = (start + position, start + position + len(as_written)) if position >= 0 else None
        spans.append(ClaimSpan(row.get("claim_id", ""), (start, end), number))
    return spans


def _integer(cell: str) -> int | None:
    cell = cell.strip()
    return int(cell) if cell.isdigit() else None


class SpanCover:
    """Answers "does one of these spans contain [start, end)?" by bisection.

    >>> SpanCover([(0, 10), (20, 30)]).covers(4, 10), SpanCover([(0, 10)]).covers(8, 12)
    (True, False)
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(accumulate((e for _, e in ordered), max))

    def covers(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and self._reach[index] >= end


def fully_captured(text: str, numbers: Iterable[tuple[int, int]]) -> bool:
    """A quick sufficient test that :func:`uncaptured` would find nothing in ``text``.

    ``numbers`` are the as_written spans of the claims. True when no digit lies outside
    them and no token can run from one span into the next: spans that overlap must nest,
    and between the last digit of a span and the first digit of the next there must be
    something a token cannot hold (:func:`~checks.scan.patterns.in_token_gap`). Then every
    token's digits lie inside one as_written, so every part of every mention does. The test
    costs a sort and ten substring searches; when it is False, scan.

    >>> fully_captured("gần 16.000 phản ánh", [(0, 10)])
    True
    >>> fully_captured("gần 16.000 phản ánh năm 2023", [(0, 10)])
    False
    >>> fully_captured("ngày 5 tháng 10", [(5, 6), (13, 15)])  # one date: scan to be sure
    False
    >>> fully_captured("9 chương và 71 điều", [(0, 1), (12, 14)])
    True
    """
    pieces: list[str] = []
    group: tuple[int, int] | None = None
    reach = 0  # the end of the current group (0 before the first): text before it is done
    for span in sorted(numbers, key=_start_then_longest):
        start, end = span
        if group is not None:
            if start < reach:
                if end > reach:
                    return False  # overlapping, not nested
                continue
            # the gap test of _may_join, inlined: most neighbours are far apart
            if start - reach <= MAX_TOKEN_GAP and _may_join(text, group, span):
                return False
        pieces.append(text[reach:start])
        group, reach = span, end
    pieces.append(text[reach:])
    outside = "".join(pieces)
    return not any(digit in outside for digit in "0123456789")


def _start_then_longest(span: tuple[int, int]) -> tuple[int, int]:
    return span[0], -span[1]


def _may_join(text: str, left: tuple[int, int], right: tuple[int, int]) -> bool:
    """Whether one token could hold the last digit of ``left`` and the first of ``right``."""
    if right[0] - left[1] > MAX_TOKEN_GAP:
        return False
    before = _LAST_DIGIT.search(text, left[0], left[1])
    after = _FIRST_DIGIT.search(text, right[0], right[1])
    if before is None or after is None:
        return False
    return in_token_gap().fullmatch(text, before.end(), after.start()) is not None


def uncaptured(mentions: Iterable[Mention], claims: Iterable[ClaimSpan]) -> list[Mention]:
    """The mentions (identifiers aside) that no claim captures, in text order."""
    claims = list(claims)
    numbers = SpanCover(c.number for c in claims if c.number is not None)
    quotes = SpanCover(c.quote for c in claims)
    missing: list[Mention] = []
    for mention in mentions:
        if mention.kind is Kind.IDENTIFIER or not mention.parts:
            continue
        cover = (
            (lambda s, e: numbers.covers(s, e) or quotes.covers(s, e))
            if mention.kind is Kind.DATE
            else numbers.covers
        )
        if not all(cover(s, e) for s, e in mention.parts):
            missing.append(mention)
    return missing
