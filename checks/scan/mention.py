"""A number found in a text: where it is, how it is written, and what it reads as."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from checks.numbers.interval import Interval
from checks.scan.dates import Period


class Kind(StrEnum):
    """What a number in a text is."""

    QUANTITY = "quantity"
    """A count, an amount, a percentage (``gần 16.000``, ``390.000 tỷ đồng``, ``79,1%``)."""
    DURATION = "duration"
    """A length of time (``gần 5 năm``, ``3 tháng``)."""
    ORDINAL = "ordinal"
    """A rank written in digits (``149th``, ``thứ 2``)."""
    DATE = "date"
    """A day, month, year, range of them, or a time of day (``24/12``, ``năm 2025``)."""
    IDENTIFIER = "identifier"
    """A number that names something (``Điều 64``, ``57-NQ/TW``, ``24/7``, ``Đại hội XIII``)."""


@dataclass(frozen=True, slots=True)
class Mention:
    """One number in an NFC text.

    ``start``/``end`` delimit ``as_written`` (``text[start:end] == as_written``), written
    as the claims write it: an adverbial hedge, the number, its scale and currency words,
    the percent sign and a duration's ``năm``. ``parts`` are the spans of the digits
    themselves (two for a range); coverage is decided on them. ``quote_start``/``quote_end``
    delimit the shortest clause around the number, the draft quote.
    """

    start: int
    end: int
    as_written: str
    kind: Kind
    parts: tuple[tuple[int, int], ...]
    quote_start: int
    quote_end: int
    quote: str
    value: float | None = None
    interval: Interval | None = None
    qualifier: str = "exact"
    unit: str | None = None
    noun: str = ""
    period: Period | None = None
    rule: str = ""
    note: str = ""
    form: str = ""
    """How the number is printed: ``number``, ``range``, ``fraction``, ``multiplier``,
    ``change`` (see :class:`checks.numbers.parse.ParsedNumber`); empty for a date."""
    ends: tuple[float, float] | None = None
    """The two printed values of a range, lower first."""
    change: str = ""
    """``increase`` or ``decrease`` when a change word is part of ``as_written``."""
    language: str = ""
    """The number convention it was read in (its sentence's language when that is clear)."""
    ambiguous: tuple[tuple[str, float], ...] = ()
    """Both readings, when the digits read differently in ``vi`` and ``en`` and the
    sentence does not tell its language (``1,500``): a flag, never a silent guess."""

    @property
    def is_range(self) -> bool:
        """Two numbers joined by a dash (``8.000-10.000 tỷ đồng``, ``2021-2024``)."""
        return len(self.parts) > 1

    @property
    def reading(self) -> str:
        """The parsed interval of a number, the period of a date, the rule of an identifier."""
        if self.kind is Kind.IDENTIFIER:
            return self.rule
        if self.period is not None:
            return str(self.period)
        return str(self.interval) if self.interval is not None else ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form (intervals as ``[lo, hi]``, periods as ``[start, end]``)."""
        return {
            "start": self.start,
            "end": self.end,
            "as_written": self.as_written,
            "kind": self.kind.value,
            "value": self.value,
            "interval": [self.interval.lo, self.interval.hi] if self.interval else None,
            "qualifier": self.qualifier,
            "unit": self.unit,
            "noun": self.noun,
            "period": [self.period.start, self.period.end] if self.period else None,
            "rule": self.rule or None,
            "parts": [list(p) for p in self.parts],
            "quote": self.quote,
            "quote_start": self.quote_start,
            "quote_end": self.quote_end,
            "note": self.note or None,
            "form": self.form or None,
            "ends": list(self.ends) if self.ends else None,
            "change": self.change or None,
            "language": self.language or None,
            "ambiguous": {loc: value for loc, value in self.ambiguous} or None,
        }
