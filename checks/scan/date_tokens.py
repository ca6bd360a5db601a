"""Reading the date groups of the tokenizer into periods."""

from __future__ import annotations

import re

from checks.scan import dates
from checks.scan.dates import DateError, Period
from checks.scan.lexicon import month_numbers

DATE_GROUPS = frozenset(
    {
        "monthyear",
        "romanquarter",
        "isodate",
        "isomonth",
        "dmy",
        "dayrange",
        "dm",
        "clock",
        "dmonth",
        "monthd",
        "monthy",
        "ngaythang",
        "thang",
        "dotdm",
    }
)
"""The named groups of the tokenizer that are dates."""

ROMAN_QUARTERS = ("I", "II", "III", "IV")
_ROMAN_QUARTER = re.compile(r"(?<!\w)(?i:quý)[^\S\n](?P<numeral>IV|I{1,3})/\Z")
_WINDOW = 16


def period_of(match: re.Match[str], group: str) -> Period:
    """The period a date group of :func:`~checks.scan.patterns.token_pattern` names.

    Raises :class:`~checks.scan.dates.DateError` for a day or month that does not exist.

    >>> from checks.scan.patterns import token_pattern
    >>> match = token_pattern("vi").search("ký ngày 22/12/2024")
    >>> str(period_of(match, match.lastgroup))
    '2024-12-22'
    """

    def num(name: str) -> int | None:
        value = match.group(name)
        return int(value) if value is not None else None

    def need(name: str) -> int:
        value = num(name)
        if value is None:  # pragma: no cover - the pattern makes the group mandatory
            raise DateError(match.group(group))
        return value

    text = match.group(group)
    if group == "isodate":
        y, m, d = (int(p) for p in text.split("-"))
        return dates.day(y, m, d)
    if group == "isomonth":
        y, m = (int(p) for p in text.split("-"))
        return dates.month(y, m)
    if group == "dmy":
        return dates.day(need("dmy_y"), need("dmy_m"), need("dmy_d"))
    if group == "dayrange":
        printed_year, dr_month = num("dr_y"), need("dr_m")
        first = dates.day(printed_year, dr_month, need("dr_d1"))
        second = dates.day(printed_year, dr_month, need("dr_d2"))
        if first.start > second.start:
            raise DateError(text)
        return dates.span(first, second)
    if group == "dm":
        return dates.day(num("dm_y"), need("dm_m"), need("dm_d"))
    if group == "monthyear":
        return dates.month(need("mo_y"), need("mo_m"))
    if group == "dotdm":
        return dates.day(None, need("dd_m"), need("dd_d"))
    if group == "ngaythang":
        return dates.day(num("nt_y"), need("nt_m"), need("nt_d"))
    if group == "thang":
        return dates.month(num("th_y1") or num("th_y2"), need("th_m"))
    months = month_numbers()
    if group == "dmonth":
        return dates.day(num("dmo_y"), months[match.group("dmo_m").casefold()], need("dmo_d"))
    if group == "monthd":
        month = months[match.group("md_m").casefold()]
        first = dates.day(num("md_y"), month, need("md_d"))
        if num("md_d2") is None:
            return first
        last = dates.day(num("md_y"), month, need("md_d2"))  # October 25-26, 2025
        if first.start > last.start:
            raise DateError(text)
        return dates.span(first, last)
    return dates.month(need("my_y"), months[match.group("my_m").casefold()])


def roman_quarter(text: str, year_start: int, year: int) -> tuple[int, Period | None]:
    """Where ``quý II/`` starts before a year, and the quarter's period.

    >>> roman_quarter("GDP quý II/2024", 11, 2024)
    (4, Period(start='2024-04-01', end='2024-06-30'))
    """
    head = _ROMAN_QUARTER.search(text, max(0, year_start - _WINDOW), year_start)
    if head is None:
        return year_start, None
    return head.start(), dates.quarter(year, ROMAN_QUARTERS.index(head.group("numeral")) + 1)
