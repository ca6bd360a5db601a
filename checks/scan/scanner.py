"""Finding every number in a text: ``scan_text``.

The text is NFC-normalised first, so offsets are the ones claims use. One compiled
tokenizer (:func:`checks.scan.patterns.token_pattern`) walks the text; each match becomes a
:class:`Mention` after a look at its edges: the hedge phrase before it, the date or ordinal
word before it, the noun after it. Numbers inside an identifier (``Điều 64``,
``57-NQ/TW``, ``24/7``) are reported once, as the identifier.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from checks.numbers.interval import Interval
from checks.numbers.parse import NumberParseError, ParsedNumber, parse_number
from checks.numbers.qualifiers import widen
from checks.numbers.tables import qualifier_phrases
from checks.scan import dates
from checks.scan.clauses import ClauseIndex
from checks.scan.date_tokens import DATE_GROUPS, period_of, roman_quarter
from checks.scan.dates import DateError, Period
from checks.scan.identifiers import IdentifierIndex, identifier_spans
from checks.scan.language import LANGUAGES, guess_language
from checks.scan.lexicon import Noun, nouns
from checks.scan.mention import Kind, Mention
from checks.scan.patterns import (
    DIGIT_RUN,
    HEDGE_WINDOW,
    ROMAN_OR_DIGIT,
    WORD_AFTER,
    WORD_WINDOW,
    adverb_before,
    day_context_before,
    hedge_before,
    noun_after,
    token_pattern,
    word_before,
)

_YEARS = range(1800, 2200)
_YEARS_AFTER_MARKER = range(1000, 3000)


class ScanError(ValueError):
    """A scan that was asked for something it cannot do (an unknown language)."""

    def __init__(self, message: str, value: str) -> None:
        super().__init__(message)
        self.value = value


@dataclass(frozen=True)
class Scan:
    """The result of a scan: the NFC text the offsets refer to, and what was found."""

    text: str
    language: str
    mentions: tuple[Mention, ...]

    @property
    def numbers(self) -> tuple[Mention, ...]:
        """Everything but identifiers."""
        return tuple(m for m in self.mentions if m.kind is not Kind.IDENTIFIER)


def scan_text(text: str, language: str = "auto") -> Scan:
    """Find every number in ``text`` (``vi``, ``en``, or ``auto`` to guess).

    >>> scan = scan_text("đã ghi nhận gần 16.000 phản ánh, gây thiệt hại 390.000 tỷ đồng")
    >>> [(m.start, m.as_written, m.qualifier, m.unit or m.noun) for m in scan.mentions]
    [(12, 'gần 16.000', 'nearly', 'report'), (47, '390.000 tỷ đồng', 'exact', 'VND')]
    """
    nfc = unicodedata.normalize("NFC", text)
    if language == "auto":
        language = guess_language(nfc)
    elif language not in LANGUAGES:
        raise ScanError(f"unknown language {language!r}; expected vi, en or auto", language)
    return Scan(nfc, language, tuple(_Scanner(nfc, language).run()))


@lru_cache(maxsize=65536)
def _parse(printed: str, language: str) -> ParsedNumber | NumberParseError:
    try:
        return parse_number(printed, locale=language)
    except NumberParseError as exc:
        return exc


def _short_integer(digits: str) -> bool:
    """Plain digits short enough to be a year (never a 10,000-digit ``int()``)."""
    return len(digits) <= 4 and digits.isdigit()


def _qualifier_of() -> dict[str, str]:
    table: dict[str, str] = {}
    for phrase in qualifier_phrases():
        table.setdefault(phrase.phrase.casefold(), phrase.qualifier)
    return table


class _Scanner:
    """One pass over one text."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self.identifiers = IdentifierIndex(identifier_spans(text))
        self.clauses = ClauseIndex(text)
        self.floor = 0
        self.qualifiers = _qualifier_of()
        self.nouns: dict[str, Noun] = {
            n.noun.casefold(): n for n in nouns() if n.language == language
        }

    def run(self) -> list[Mention]:
        found: list[Mention] = []
        for match in token_pattern(self.language).finditer(self.text):
            mention = self._mention(match)
            self.floor = match.end()
            if mention is not None:
                found.append(mention)
        found.extend(self._identifiers())
        found.sort(key=lambda m: (m.start, m.end))
        return found

    # -- building mentions -------------------------------------------------------------

    def _make(
        self,
        start: int,
        end: int,
        kind: Kind,
        *,
        parts: tuple[tuple[int, int], ...] | None = None,
        value: float | None = None,
        interval: Interval | None = None,
        qualifier: str = "exact",
        unit: str | None = None,
        noun: str = "",
        period: Period | None = None,
        rule: str = "",
        note: str = "",
    ) -> Mention:
        quote_start, quote_end = self.clauses.around(start, end)
        return Mention(
            start=start,
            end=end,
            as_written=self.text[start:end],
            kind=kind,
            parts=self._digit_parts(start, end) if parts is None else parts,
            quote_start=quote_start,
            quote_end=quote_end,
            quote=self.text[quote_start:quote_end],
            value=value,
            interval=interval,
            qualifier=qualifier,
            unit=unit,
            noun=noun,
            period=period,
            rule=rule,
            note=note,
        )

    def _digit_parts(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        runs = [m.span() for m in DIGIT_RUN.finditer(self.text, start, end)]
        return ((runs[0][0], runs[-1][1]),) if runs else ()

    def _mention(self, match: re.Match[str]) -> Mention | None:
        group = match.lastgroup or ""
        first, last = match.span(group)
        if self.identifiers.touching(*self._digits_of(first, last)) is not None:
            return None
        if group in DATE_GROUPS:
            return self._date(match, group)
        if group == "ordinal":
            digits = match.group(group).rstrip("stndrh")
            return self._ordinal(first, first + len(digits), noun_at=last)
        return self._number(match)

    def _digits_of(self, start: int, end: int) -> tuple[int, int]:
        parts = self._digit_parts(start, end)
        return parts[0] if parts else (start, end)

    def _before(self, pattern: re.Pattern[str], start: int, window: int) -> re.Match[str] | None:
        return pattern.search(self.text, max(self.floor, start - window), start)

    # -- dates ---------------------------------------------------------------------------

    def _date(self, match: re.Match[str], group: str) -> Mention:
        start, end = match.span(group)
        if group == "dotdm" and self._before(day_context_before(), start, WORD_WINDOW) is None:
            return self._dotted_number(start, end)
        if group == "romanquarter":
            return self._roman_quarter(start, end, int(match.group(group)))
        if group == "monthyear":
            quarter = self._before(word_before("quarter_word"), start, WORD_WINDOW)
            if quarter is not None:
                return self._quarter(quarter.start("word"), end, match, group)
        if group not in ("monthd", "monthy"):
            word = self._before(word_before("date_word"), start, WORD_WINDOW)
            if word is not None:
                start = word.start("word")
        if group == "clock":
            return self._make(start, end, Kind.DATE, note="time of day")
        try:
            period = period_of(match, group)
        except DateError as exc:
            if group == "dm":
                return self._make(start, end, Kind.QUANTITY, note=f"{exc}; a ratio?")
            return self._make(start, end, Kind.DATE, note=str(exc))
        return self._make(start, end, Kind.DATE, period=period)

    def _quarter(self, start: int, end: int, match: re.Match[str], group: str) -> Mention:
        """``quý 1/2024``: the slash joins a quarter and a year, not a month."""
        try:
            period = dates.quarter(int(match.group("mo_y")), int(match.group("mo_m")))
        except DateError as exc:
            return self._make(start, end, Kind.DATE, note=str(exc))
        return self._make(start, end, Kind.DATE, period=period)

    def _roman_quarter(self, year_start: int, end: int, year: int) -> Mention:
        """``quý II/2024``: the numeral before the slash is the quarter."""
        start, period = roman_quarter(self.text, year_start, year)
        return self._make(start, end, Kind.DATE, period=period)

    def _dotted_number(self, start: int, end: int) -> Mention:
        """``24.4`` with no day word before it: a number, read as written."""
        parsed, note = self._read(self.text[start:end])
        return self._make(
            start,
            end,
            Kind.QUANTITY,
            value=parsed.value if parsed else None,
            interval=parsed.printed if parsed else None,
            noun=self._noun_after(end)[0],
            note=note or "a day.month date only after a day word such as 'ngày'",
        )

    def _year(self, start: int, end: int, first: int, second: int | None) -> Mention:
        marker = self._before(word_before("date_word"), start, WORD_WINDOW)
        if marker is not None:
            start = marker.start("word")
        period = dates.year(first)
        if second is not None:
            period = dates.span(period, dates.year(second))
        return self._make(start, end, Kind.DATE, period=period)

    # -- ordinals and quantities ------------------------------------------------------

    def _ordinal(self, start: int, end: int, noun_at: int | None = None) -> Mention:
        """A rank; ``as_written`` is the digits without the suffix (``149`` of ``149th``)."""
        noun, entry = self._noun_after(end if noun_at is None else noun_at)
        parsed, note = self._read(self.text[start:end])
        value = parsed.value if parsed is not None else None
        return self._make(
            start,
            end,
            Kind.ORDINAL,
            value=value,
            interval=Interval.point(value) if value is not None else None,
            note=note,
            unit=entry.unit if entry is not None and entry.kind == "count" else None,
            noun=noun,
        )

    def _number(self, match: re.Match[str]) -> Mention | None:
        start, end = match.span("number")
        num, num2 = match.group("num"), match.group("num2")
        bare = not (match.group("prefix") or match.group("scale") or match.group("unit"))
        noun, noun_entry = self._noun_after(end)
        counted = noun_entry is not None and noun_entry.kind != "stop"
        hedge = self._before(hedge_before(), start, HEDGE_WINDOW)
        years = bare and _short_integer(num) and (num2 is None or _short_integer(num2))
        first, second = (int(num), int(num2) if num2 else None) if years else (0, None)
        if years and self._as_year(start, first, second, hedge, counted):
            return self._year(start, end, first, second)
        ordinal = self._before(word_before("ordinal_marker"), start, WORD_WINDOW)
        if bare and num.isdigit() and num2 is None and ordinal is not None:
            return self._ordinal(start, end)
        qualifier = self.qualifiers[hedge.group("phrase").casefold()] if hedge else "exact"
        adverb = self._before(adverb_before(), start, HEDGE_WINDOW)
        written_start = adverb.start("phrase") if adverb is not None else start
        if num2 is None:
            parsed, note = self._read(match.group("number"))
            interval = (
                widen(parsed.printed, qualifier, parsed.value, parsed.decimals) if parsed else None
            )
            value = parsed.value if parsed else None
            unit = parsed.unit if parsed else None
        else:
            interval, unit, note = self._read_range(match, qualifier)
            value = None
        kind = Kind.DURATION if unit == "year" else Kind.QUANTITY
        shown_noun = noun if unit is None else ""
        if unit is None and noun_entry is not None and noun_entry.kind != "stop":
            unit = noun_entry.unit
            if noun_entry.kind == "duration":
                kind = Kind.DURATION
        return self._make(
            written_start,
            end,
            kind,
            parts=self._number_parts(match),
            value=value,
            interval=interval,
            qualifier=qualifier,
            unit=unit,
            noun=shown_noun,
            note=note,
        )

    def _as_year(
        self,
        start: int,
        first: int,
        second: int | None,
        hedge: re.Match[str] | None,
        counted: bool,
    ) -> bool:
        """Whether a bare integer (or a dash between two) is a year, not a count.

        A year is 1800-2199 (1000-2999 after ``năm``, ``in``, ``by`` ...), with no hedge
        before it and no counted noun after it; a range needs both ends to be years, in order.
        """
        if counted or hedge is not None:
            return False
        if second is not None:
            return first in _YEARS and second in _YEARS and second >= first
        if first in _YEARS:
            return True
        marker = self._before(word_before("year_marker"), start, WORD_WINDOW)
        return marker is not None and first in _YEARS_AFTER_MARKER

    def _number_parts(self, match: re.Match[str]) -> tuple[tuple[int, int], ...]:
        first = match.span("num")
        return (first, match.span("num2")) if match.group("num2") else (first,)

    def _read(self, printed: str) -> tuple[ParsedNumber | None, str]:
        parsed = _parse(printed, self.language)
        if isinstance(parsed, ParsedNumber):
            return parsed, ""
        other = "en" if self.language == "vi" else "vi"
        fallback = _parse(printed, other)
        if isinstance(fallback, ParsedNumber):
            return fallback, f"read in the {other} number convention"
        return None, parsed.reason

    def _read_range(
        self, match: re.Match[str], qualifier: str
    ) -> tuple[Interval | None, str | None, str]:
        """Both ends read with the scale and unit printed after the second one.

        The interval runs from the lower end (widened by the qualifier) to the upper end.
        """
        number_start, number_end = match.span("number")
        (s1, e1), (s2, e2) = match.span("num"), match.span("num2")
        head, tail = self.text[number_start:s1], self.text[e2:number_end]
        low, note_low = self._read(head + self.text[s1:e1] + tail)
        high, note_high = self._read(head + self.text[s2:e2] + tail)
        note = "; ".join(n for n in ("range", note_low, note_high) if n)
        if low is None or high is None:
            return None, None, note
        lo = widen(low.printed, qualifier, low.value, low.decimals).lo
        hi = widen(high.printed, qualifier, high.value, high.decimals).hi
        if lo > hi:
            return None, low.unit, f"{note}; the first end is above the second"
        return Interval(lo, hi), low.unit, note

    def _noun_after(self, end: int) -> tuple[str, Noun | None]:
        known = noun_after(self.language).match(self.text, end)
        if known is not None:
            entry = self.nouns[" ".join(known.group("noun").split()).casefold()]
            return ("" if entry.kind == "stop" else known.group("noun")), entry
        words = WORD_AFTER.match(self.text, end)
        if words is None or not words.group("word")[0].islower():
            return "", None
        noun = words.group("word")
        second = words.group("second")
        if (
            self.language == "vi"
            and second is not None
            and second[0].islower()
            and second.casefold() not in self.nouns
        ):
            noun = self.text[words.start("word") : words.end("second")]
        return noun, None

    # -- identifiers -----------------------------------------------------------------------

    def _identifiers(self) -> list[Mention]:
        found = []
        for span in self.identifiers.spans:
            if ROMAN_OR_DIGIT.search(self.text, span.start, span.end) is None:
                continue
            runs = tuple(m.span() for m in DIGIT_RUN.finditer(self.text, span.start, span.end))
            found.append(
                self._make(
                    span.start,
                    span.end,
                    Kind.IDENTIFIER,
                    parts=runs,
                    qualifier="",
                    rule=span.rule,
                )
            )
        return found
