"""Finding every number in a text: ``scan_text``.

The text is NFC-normalised first, so offsets are the ones claims use. One compiled
tokenizer (:func:`checks.scan.patterns.token_pattern`) walks the text; each match becomes a
:class:`Mention` after a look at its edges: the hedge phrase before it, the date or ordinal
word before it, the noun after it. Numbers inside an identifier (``Điều 64``,
``57-NQ/TW``, ``24/7``) are reported once, as the identifier.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from checks.numbers.hedges import HEDGE_WINDOW, hedge_match, qualifier_of
from checks.numbers.interval import Interval
from checks.numbers.language import AMBIGUOUS_DIGITS
from checks.numbers.number_words import (
    counting_words,
    fraction_anchors,
    number_word_set,
    ratio_anchors,
    read_fraction_words,
    scale_amount,
    scale_anchors,
)
from checks.numbers.parse import (
    EVERY_SO_MANY,
    NumberParseError,
    ParsedNumber,
    is_currency,
    parse_number,
)
from checks.numbers.qualifiers import widen
from checks.numbers.tables import (
    JOIN_ROLES,
    change_words,
    qualifier_phrases,
    range_words,
    unit_tokens,
    vague_compounds,
)
from checks.scan import dates
from checks.scan.clauses import ClauseIndex
from checks.scan.date_tokens import DATE_GROUPS, ROMAN_QUARTERS, period_of, roman_quarter
from checks.scan.dates import DateError, Period
from checks.scan.identifiers import IdentifierIndex, identifier_spans
from checks.scan.language import LANGUAGES, SentenceLanguages, guess_language
from checks.scan.lexicon import Noun, month_numbers, nouns, role_values, value_key
from checks.scan.mention import Kind, Mention
from checks.scan.patterns import (
    BLANK,
    DIGIT_RUN,
    NEEDS_OPEN,
    ROMAN_OR_DIGIT,
    WORD_AFTER,
    WORD_WINDOW,
    alternation,
    day_context_before,
    head_word_before,
    head_words,
    month_open_before,
    month_span_after,
    month_span_before,
    months_edge_before,
    months_in_words_before,
    months_of_year_after,
    multiplier_first_words,
    multiplier_words_pattern,
    noun_after,
    part_of_year_before,
    share_after,
    single_amount,
    token_pattern,
    unit_after,
    vague_pattern,
    word_before,
    written_head_before,
)
from checks.scan.wordfinder import WordFinder

_COUNTED_TIMES = re.compile(r"(?i)twice|\w+\s+times")
"""Multiplier words that also count how often something happened."""
_MULTIPLE_AFTER = re.compile(
    r"(?i)\s+(?:the|as|that|more|higher|larger|bigger|greater|lower|less|fewer|over|what|"
    r"than|its|their|those)(?!\w)"
)
"""What follows ``twice``/``three times`` when it compares (``twice the 1,500``, ``three
times as many``, ``twice that of 2022``)."""
_PHRASAL = frozenset(
    ("made", "make", "makes", "making", "add", "adds", "added", "adding", "sum", "sums",
     "summed", "end", "ends", "ended", "ending", "wound", "set", "sets", "picked", "broke",
     "broken", "break", "breaks", "split", "splits", "turned", "shut", "signed")
)  # fmt: skip
"""Verbs whose ``up``/``down`` is part of the verb (``made up``, ``broke down``), not a
change of the number after it."""
_QUARTER_YEAR_AFTER = re.compile(r"[^\S\n]+(?:(?i:năm)[^\S\n]+)?[12][0-9]{3}(?![0-9])")
"""A year after ``quý 3``: the quarter is of that year."""
_AFTER_CHANGE = re.compile(r"[\s,]*")
"""Between a change (``rose by 1,200``) and the ``from`` of its levels."""
_WORD_BEFORE_BRACKET = re.compile(r"(?P<word>[^\W\d_]+)[^\S\n]*\Z")
"""The word right before a bracketed amount."""
_STATES_A_VALUE = frozenset(
    ("at", "of", "was", "is", "were", "are", "be", "to", "by", "reached", "totalled", "là",
     "ở", "mức", "đạt", "bằng")
)  # fmt: skip
"""Words after which a bracketed amount is the value itself, an accountant's negative."""
_YEAR_SPAN_AFTER = re.compile(
    r"[^\S\n]+(?i:đến|tới|to|until|through|till)[^\S\n]+(?:(?i:năm|hết năm)[^\S\n]+)?"
    r"(?P<year>[12][0-9]{3})(?![0-9]|[.,][0-9])"
)
"""A later year joined to a year by a word, ``năm`` repeated: ``năm 2020 đến năm 2023``."""
_YEARS = range(1800, 2200)
_CHANGE_END = re.compile(r"(?:%|\bper ?cent|\bpoints?)[^\S\n]*\Z")
"""The end of a percentage or a change in points, right before ``over 2023``."""
_YEARS_AFTER_MARKER = range(1000, 3000)


class ScanError(ValueError):
    """A scan that was asked for something it cannot do (an unknown language)."""

    def __init__(self, message: str, value: str) -> None:
        super().__init__(message)
        self.value = value


_MONTHS_REACH = 40
_MONTH_GROUPS = frozenset({"thang", "monthyear", "monthy"})
_ENDS_A_YEAR = frozenset({"monthy", "dmonth", "monthd"})
"""The English dates a year may end with: ``the year to March 2024``, ``the year ended 31
March 2024``, ``the 12 months ending June 30, 2024``."""
"""The tokenizer's groups that read one month (``tháng 3``, ``3/2024``, ``March 2024``)."""
_MONTH_SPAN_REACH = 32
"""Characters a first month and its join may take before the second month (``between
September through``: the opening word is looked for before the first month)."""
"""Characters a count of months in words may take before its year (``the last twelve
months of the``)."""
_COUNT_REACH = 20
"""Characters a count in words may stand before its part or scale word (``three-quarters``,
``chín phần``, ``seventy-seven million``)."""
_LONGEST_COUNT = 8
"""Characters looked at for the word before ``in`` (a counting word of a ratio, ``seven``)
or before ``hàng`` (a word it makes a noun with, ``chuyến``)."""


@cache
def _change_before() -> re.Pattern[str]:
    """A change word right before a position (``giảm 1/3``, ``fell 1/4``): a day/month
    after it is the size of the change, not a date."""
    return re.compile(
        rf"(?<!\w)(?P<phrase>{alternation(c.word for c in change_words())}){BLANK}+\Z"
    )


@cache
def _change_by_before() -> re.Pattern[str]:
    """A change word that ends in ``by`` right before a position (``rose by``, ``fell
    by``): what makes ``a third`` after it the size of a change."""
    words = [c.word for c in change_words() if c.word.casefold().endswith(" by")]
    return re.compile(rf"(?<!\w)(?P<phrase>{alternation(words)}){BLANK}+\Z")


_TWELVE_MONTHS_TO = re.compile(
    rf"{BLANK}+(?i:months){BLANK}+(?i:to|ending|ended|through){BLANK}+(?=[A-Z0-9])"
)
"""After ``12``: the words of ``12 months to``, before the date the months end with."""
_EVERY_BEFORE = re.compile(r"(?<!\w)(?P<word>(?i:cứ))\s+\Z")
"""``cứ`` right before a number: perhaps the first number of ``cứ 5 người thì có 1``."""
_IN_SHARE = re.compile(r"\s(?:in|of|(?i:trong))\s")
"""Inside ``1 in 5`` or ``3 out of 10``: a share of what follows, not a count of it."""
_OF_AFTER = re.compile(r"\s+of(?=\s)", re.IGNORECASE)
_OF_YEAR = re.compile(r"\s+of\s+(?:the\s+year\s+)?[12][0-9]{3}(?![0-9])", re.IGNORECASE)
_DIGIT_AFTER = re.compile(r"\s*[0-9]")
_COMPARED_AFTER = re.compile(
    r"\s+(?:higher|lower|more|less|fewer|larger|smaller|bigger|greater|cheaper|longer)\b",
    re.IGNORECASE,
)
"""A comparative after a share in words: ``one-third higher`` is a change of the whole."""
_WORDS_BEFORE = re.compile(
    r"(?:(?P<digit>[0-9][-\u2010\u2011 ]?)|(?P<words>(?:[^\W\d_]+[-\u2010\u2011 ])+))\Z"
)
"""Right before a word: a digit (and a blank or hyphen), or the run of words (one blank or
hyphen apart) before it."""
_WORD_RUN = re.compile(r"[^\W\d_]+")
_DECADE = re.compile(r"(?<![\w.,'\u2019])(?P<year>[12][0-9]{2}0)(?:'|\u2019)?s(?![\w'\u2019])")
"""A decade printed as its first year and an ``s`` (``1990s``, ``2010's``)."""
_DECADE_TAIL = re.compile(r"(?:'|\u2019)s(?![\w'\u2019])")
_ORDINAL_BEFORE = re.compile(r"(?i:first|second|last|latter|former|1st|2nd)\s+\Z")


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
    nfc, language = _prepare(text, language)
    return Scan(nfc, language, tuple(_Scanner(nfc, language).run()))


def iter_mentions(text: str, language: str = "auto") -> tuple[str, str, Iterator[Mention]]:
    """Like :func:`scan_text`, but the mentions come one at a time, in text order.

    Returns the NFC text, the document's language and the iterator: a caller that prints
    each mention as it comes (``claimledger scan``) holds one mention at a time.
    """
    nfc, language = _prepare(text, language)
    return nfc, language, _Scanner(nfc, language).mentions()


def _prepare(text: str, language: str) -> tuple[str, str]:
    nfc = unicodedata.normalize("NFC", text)
    if language == "auto":
        language = guess_language(nfc)
    elif language not in LANGUAGES:
        raise ScanError(f"unknown language {language!r}; expected vi, en or auto", language)
    return nfc, language


@lru_cache(maxsize=65536)
def _parse(printed: str, language: str) -> ParsedNumber | NumberParseError:
    try:
        return parse_number(printed, locale=language)
    except NumberParseError as exc:
        return exc


def _short_year(first: int, second: int) -> int:
    """The second year of ``2022-23`` in full (2023); one that would not come after the
    first (``2022-19``) stays as printed and reads as no period."""
    full = first // 100 * 100 + second
    return full if first < full <= first + 99 else second


def _short_integer(digits: str) -> bool:
    """Plain digits short enough to be a year (never a 10,000-digit ``int()``)."""
    return len(digits) <= 4 and digits.isdigit()


_AMBIGUOUS = AMBIGUOUS_DIGITS
"""Digits that read differently in the two conventions (``1,500``, ``2.500``)."""
_RANGE_JOINS = frozenset(
    re.escape(r.word) for r in range_words() if r.role in JOIN_ROLES and r.word.isalpha()
)
_AFTER_OPEN = frozenset(r.word for r in range_words() if r.role == "join_after_open")
_OPENERS = frozenset(r.word.casefold() for r in range_words() if r.role == "open")


_BLANK_CHARS = frozenset(" \t\u00a0\u202f")
_HEAD_LAST_WORDS = frozenset(
    word.split()[-1].casefold()
    for word in [p.phrase for p in qualifier_phrases()] + head_words()
    if word.split()
)
"""The last word of every phrase ``as_written`` may keep before a number."""
_CURRENCY_AFTER = re.compile(
    "(?:"
    + "|".join(
        re.escape(t.token) + r"\Z"
        for t in unit_tokens()
        if t.position == "suffix" and is_currency(t.unit)
    )
    + ")"
)
"""A currency sign or code at the end of an amount (``(15€)``, ``(200 USD)``)."""
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute"})
"""Units of a length of time (``5 năm``, ``a 24-hour shift``): the number is a duration."""
_SEASON = re.compile(r"([0-9]{4})/([0-9]{2}|[0-9]{4})")
"""``2024/25``, ``2024/2025``: two years (the second perhaps by its last two digits)."""
_DASH_ONLY = re.compile(rf"{BLANK}?[-–]{BLANK}?")
"""The dash between two numbers that do not make a range (``312-98``)."""
_TRANSITIONS = frozenset(r.word.casefold() for r in range_words() if r.role == "transition")
_SIZE_HEDGES = frozenset({"approx", "nearly", "more_than", "at_least", "less_than"})
"""Qualifiers whose hedge words say a size (about, nearly, more, at least, fewer than)."""
_JOIN_ONLY = re.compile(
    rf"{BLANK}?[-–]{BLANK}?|{BLANK}{{1,3}}(?i:{'|'.join(sorted(_RANGE_JOINS))}){BLANK}{{1,3}}"
)
"""Only the dash or word between the two ends of a bare range (``2021-2024``)."""


def _group(match: re.Match[str], name: str) -> str | None:
    """``match.group(name)``, or None when the pattern has no such group (a single amount)."""
    return match.group(name) if name in match.re.groupindex else None


def _other(language: str) -> str:
    return "en" if language == "vi" else "vi"


@dataclass(frozen=True, slots=True)
class Reading:
    """How a printed number was read: the parse, a note, the language, and both readings
    when the digits are ambiguous between the conventions."""

    parsed: ParsedNumber | None
    note: str
    language: str
    readings: tuple[tuple[str, float], ...]


def _order(mention: Mention) -> tuple[int, int]:
    return mention.start, mention.end


class _Scanner:
    """One pass over one text."""

    def __init__(self, text: str, language: str) -> None:
        self.text = text
        self.language = language
        self.words = WordFinder(text)
        self.identifiers = IdentifierIndex(identifier_spans(text, self.words))
        self.clauses = ClauseIndex(text)
        self.sentences = SentenceLanguages(text)
        self.floor = 0
        self.second_end: int | None = None
        self.last_end = -1  # where the last number of the text so far ends
        self.last_change = False  # whether that number is a change (``rose by 1,200``)
        self.change_words = frozenset(c.word.casefold() for c in change_words())
        self.transitions = self.change_words | _TRANSITIONS
        self.nouns: dict[str, Noun] = {
            n.noun.casefold(): n for n in nouns() if n.language == language
        }
        self.other = _other(language)
        self.others: dict[str, Noun] = {
            n.noun.casefold(): n for n in nouns() if n.language == self.other
        }

    def run(self) -> list[Mention]:
        found = [*self._tokens(), *self._in_words(), *self._identifiers()]
        found.sort(key=_order)
        return found

    def mentions(self) -> Iterator[Mention]:
        """Every mention in text order: numbers (in digits and in words), multiplier
        words, decades and identifiers."""
        yield from heapq.merge(
            self._tokens(), iter(self._in_words()), self._identifiers(), key=_order
        )

    def _in_words(self) -> list[Mention]:
        """The numbers without digits, in text order: multiplier words, numbers and orders
        of magnitude in words, decades. A number in words inside a multiplier phrase
        (``một nửa`` of ``giảm một nửa``) is the multiplier's."""
        multipliers = list(self._word_multipliers())
        words = [*self._word_numbers(), *self._vague_numbers()]
        words = [w for w in words if not any(m.start <= w.start < m.end for m in multipliers)]
        return sorted([*multipliers, *words, *self._decades()], key=_order)

    def _tokens(self) -> Iterator[Mention]:
        """The tokenizer's mentions in text order. A range cut back to its first end
        (``1 and 2``) resumes the search right after that end."""
        pattern = token_pattern(self.language)
        position = 0
        while position <= len(self.text):
            for match in pattern.finditer(self.text, position):
                self.second_end = None
                mention, resume = self._mention(match)
                self.floor = max(resume, match.start() + 1)
                if mention is not None:
                    self.last_end = mention.end
                    self.last_change = mention.form == "change"
                    yield mention
                if self.second_end is not None:  # "312-98", "10-5": the second number too
                    second = single_amount().match(self.text, self.second_end)
                    if second is not None:
                        mention, resume = self._number(second)
                        self.floor = max(resume, self.floor)
                        if mention is not None:
                            self.last_end = mention.end
                            self.last_change = mention.form == "change"
                            yield mention
                if resume != match.end():
                    position = self.floor
                    break
            else:
                return

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
        reading: Reading | None = None,
    ) -> Mention:
        quote_start, quote_end = self.clauses.around(start, end)
        parsed = reading.parsed if reading is not None else None
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
            form=parsed.kind if parsed is not None else "",
            ends=parsed.ends if parsed is not None else None,
            change=parsed.change if parsed is not None else "",
            language=reading.language if reading is not None else "",
            ambiguous=reading.readings if reading is not None else (),
        )

    def _digit_parts(self, start: int, end: int) -> tuple[tuple[int, int], ...]:
        runs = [m.span() for m in DIGIT_RUN.finditer(self.text, start, end)]
        return ((runs[0][0], runs[-1][1]),) if runs else ()

    def _mention(self, match: re.Match[str]) -> tuple[Mention | None, int]:
        """The mention of a token and where the search goes on."""
        group = match.lastgroup or ""
        first, last = match.span(group)
        if group == "number":
            return self._number(match)
        if self.identifiers.touching(*self._digits_of(first, last)) is not None:
            return None, last
        if group in DATE_GROUPS:
            return self._date(match, group)
        if group == "ordinal":
            digits = match.group(group).rstrip("stndrh")
            return self._ordinal(first, first + len(digits), noun_at=last), last
        return self._number(match)  # pragma: no cover - every other group is a date

    def _digits_of(self, start: int, end: int) -> tuple[int, int]:
        parts = self._digit_parts(start, end)
        return parts[0] if parts else (start, end)

    def _before(self, pattern: re.Pattern[str], start: int, window: int) -> re.Match[str] | None:
        return pattern.search(self.text, max(self.floor, start - window), start)

    # -- dates ---------------------------------------------------------------------------

    def _date(self, match: re.Match[str], group: str) -> tuple[Mention | None, int]:
        start, end = match.span(group)
        if group == "dotdm" and (
            self._before(day_context_before(), start, WORD_WINDOW) is None
            or self._language_at(start) == "en"
        ):
            return self._dotted_number(start, end), end
        if group == "dm" and (fraction := self._fraction(start, end)) is not None:
            return fraction
        if group == "romanquarter":
            return self._roman_quarter(start, end, int(match.group(group))), end
        if group == "monthyear":
            quarter = self._before(word_before("quarter_word"), start, WORD_WINDOW)
            if quarter is not None:
                return self._quarter(quarter.start("word"), end, match, group), end
        if group not in ("monthd", "monthy"):
            word = self._before(word_before("date_word"), start, WORD_WINDOW)
            if word is not None:
                start = word.start("word")
        if group == "clock":
            return self._make(start, end, Kind.DATE, note="time of day"), end
        try:
            period = period_of(match, group)
        except DateError as exc:
            if group == "dm":
                return self._make(start, end, Kind.QUANTITY, note=f"{exc}; a ratio?"), end
            return self._make(start, end, Kind.DATE, note=str(exc)), end
        if group in _MONTH_GROUPS and (spanned := self._month_span(start, end, period)):
            return spanned
        if period.fixed and group in _ENDS_A_YEAR:
            year_to = self._before(word_before("year_to"), start, WORD_WINDOW)
            if year_to is not None:  # the year to March 2024: the twelve months it ends
                return self._make(
                    year_to.start("word"), end, Kind.DATE, period=dates.year_to(period)
                ), end
        return self._make(start, end, Kind.DATE, period=period), end

    def _month_span(self, start: int, end: int, month: Period) -> tuple[Mention, int] | None:
        """A span of months read as one period: the month just read and the one joined
        after it (``tháng 1 đến tháng 3/2024``, ``tháng 1-3/2024``, ``October 2023 to March
        2024``), or a month joined before it (``between January and March 2024``, ``Jan-Mar
        2024``). A first month without a year takes the second's; the span must run
        forward, and ``and`` joins a span only after ``between``."""
        after = month_span_after().match(self.text, end)
        if after is not None and self._opened(after.group("join"), start):
            year = int(after.group("y") or after.group("y_vi") or after.group("y_en"))
            name = after.group("name")
            second = month_numbers()[name.casefold()] if name else int(after.group("m"))
            first_month = int(month.start[-5:-3] if month.fixed else month.start[2:4])
            try:
                first = month if month.fixed else dates.month(year, first_month)
                last = dates.month(year, second)
            except DateError:
                return None
            if first.start < last.start:
                span = dates.span(first, last)
                return self._make(start, after.end(), Kind.DATE, period=span), after.end()
        if not month.fixed:
            return None
        before = self._before(month_span_before(), start, _MONTH_SPAN_REACH)
        if before is None or not self._opened(before.group("join"), before.start("word")):
            return None
        first = dates.month(int(month.start[:4]), month_numbers()[before.group("name").casefold()])
        if first.start >= month.start:
            return None
        span = dates.span(first, month)
        return self._make(before.start("word"), end, Kind.DATE, period=span), end

    def _opened(self, join: str, first_start: int) -> bool:
        """Whether ``join`` may join two months here: any join but ``and``, which needs
        ``between`` right before the first month."""
        if join.casefold() != NEEDS_OPEN:
            return True
        head = self._before(month_open_before(), first_start, WORD_WINDOW)
        return head is not None and head.group("word").casefold() == "between"

    def _fraction(self, start: int, end: int) -> tuple[Mention | None, int] | None:
        """A day/month form is a fraction when a unit follows it (``1/4 inch``), a word of
        share follows it (``1/3 số người``, ``1/3 of the firms``) or a hedge of size comes
        before it (``khoảng 1/3``, ``more than 1/3``): nobody is hedged about the first
        of March. A hedge of time or forecast (``dự kiến 1/3``, ``up to 1/3``) or a day
        word before it (``Ngày 1/3 số vụ``) keeps it a date."""
        match = single_amount().match(self.text, start)
        if match is None or match.end() < end:
            return None
        if match.end() == end:  # no unit read with it: a word of share or a hedge of size
            if self._before(day_context_before(), start, WORD_WINDOW) is not None:
                return None  # Ngày 1/3 số vụ ...: a day word makes it the date
            hedge = hedge_match(self.text, start, self.floor)
            sized = hedge is not None and qualifier_of(hedge.group("phrase")) in _SIZE_HEDGES
            changed = self._before(_change_before(), start, WORD_WINDOW) is not None
            if not (sized or changed) and share_after().match(self.text, end) is None:
                return None
        elif unit_after().match(self.text, end) is None:
            return None
        return self._number(match)

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
        read = self._read(self.text[start:end], start)
        note = read.note
        if self._language_at(start) != "en":
            note = note or "a day.month date only after a day word such as 'ngày'"
        return self._make(
            start,
            end,
            Kind.QUANTITY,
            value=read.parsed.value if read.parsed else None,
            interval=read.parsed.printed if read.parsed else None,
            noun=self._noun_after(end)[0],
            note=note,
            reading=read,
        )

    def _twelve_months_to(self, start: int, end: int) -> Mention | None:
        """``12 months to June 2024``, ``12 months ending June 30, 2024``: the twelve months
        the date ends, one period (not a duration and a date)."""
        words = _TWELVE_MONTHS_TO.match(self.text, end)
        if words is None:
            return None
        date = token_pattern(self.language).match(self.text, words.end())
        if date is None or date.lastgroup not in _ENDS_A_YEAR:
            return None
        try:
            period = period_of(date, date.lastgroup)
        except DateError:
            return None
        if not period.fixed:
            return None
        return self._make(start, date.end(), Kind.DATE, period=dates.year_to(period))

    def _every_so_many(self, start: int) -> Mention | None:
        """``cứ 5 người thì có 1`` (one in five people), the number at ``start`` being the
        first: one share, from ``cứ`` (or the hedge before it) to the second number, whose
        noun is the words between."""
        head = _EVERY_BEFORE.search(self.text, max(self.floor, start - 8), start)
        if head is None or self._language_at(start) == "en":
            return None
        found = EVERY_SO_MANY.match(self.text, head.start("word"))
        if found is None or found.start("den") != start:
            return None
        begin = head.start("word")
        hedge = hedge_match(self.text, begin, self.floor)
        if hedge is not None:
            begin = hedge.start("phrase")
        read = self._read(self.text[begin : found.end()], begin)
        parsed = read.parsed
        if parsed is None:
            return None
        return self._make(
            begin,
            found.end(),
            Kind.QUANTITY,
            value=parsed.value,
            interval=widen(parsed.printed, parsed.qualifier, parsed.value, parsed.decimals),
            qualifier=parsed.qualifier,
            noun=" ".join(found.group("noun").split()),
            reading=read,
        )

    def _months_of_year(self, start: int, end: int, count: int) -> Mention | None:
        """``6 tháng đầu năm 2024``, ``9 tháng năm 2024`` (the first months, as Vietnamese
        statistics print them), ``3 tháng cuối năm 2023``, ``first 6 months of 2024``,
        ``last 3 months of 2023``: one period, not a duration and a whole year."""
        after = months_of_year_after().match(self.text, end)
        if after is None or int(after.group("year")) not in _YEARS:
            return None
        last = (after.group("edge") or "").casefold() == "cuối"
        if after.group("en") is not None:  # English says which months: first, last
            edge = self._before(months_edge_before(), start, WORD_WINDOW)
            if edge is None:
                return None
            start, last = edge.start("word"), edge.group("edge").casefold() != "first"
        period = _months(int(after.group("year")), count, last=last)
        return self._make(start, after.end(), Kind.DATE, period=period)

    def _year(self, start: int, end: int, first: int, second: int | None) -> Mention:
        marker = self._before(word_before("date_word"), start, WORD_WINDOW)
        if marker is not None:
            start = marker.start("word")
        period = dates.year(first)
        later = _YEAR_SPAN_AFTER.match(self.text, end) if second is None else None
        if later is not None and first < int(later.group("year")) < _YEARS.stop:
            second, end = int(later.group("year")), later.end()  # năm 2020 đến năm 2023
        if second is not None:
            period = dates.span(period, dates.year(second))
        else:
            part = self._before(part_of_year_before(), start, WORD_WINDOW)
            part = part or self._quarter_before(start)
            months = self._before(months_in_words_before(), start, _MONTHS_REACH)
            in_words = _months_in_words(months, first) if months is not None else None
            if months is not None and in_words is not None:  # first six months of 2024
                start, period = months.start("word"), in_words
            elif part is not None:  # Q3 2023, the first half of 2024, nửa đầu năm 2024
                start, period = part.start("word"), _part_of_year(part, first)
            elif first % 10 == 0 and (
                decade := self._before(word_before("decade_of"), start, WORD_WINDOW)
            ):  # những năm 1990: the 1990s
                start, period = decade.start("word"), _decade(first)
        return self._make(start, end, Kind.DATE, period=period)

    def _quarter_before(self, start: int) -> re.Match[str] | None:
        """``quý 3`` before the year at ``start``: its digit was passed over for the year
        (the search floor is after it), so it is looked for behind the floor."""
        found = part_of_year_before().search(self.text, max(0, start - WORD_WINDOW), start)
        return found if found is not None and found.group("qv") else None

    def _decades(self) -> list[Mention]:
        """``the 1990s``, ``1990s``, ``1990's``: a decade (1990-01-01..1999-12-31). The
        digits run into the ``s``, so the number tokens never see them; found from ``0s``."""
        found: list[Mention] = []
        for anchor in ("0s", "0's", "0’s"):
            for at in self.words.starts(anchor):
                match = _DECADE.match(self.text, max(0, at - 3))
                if match is None or match.start("year") != at - 3:
                    continue
                year = int(match.group("year"))
                if year not in _YEARS:
                    continue
                start, end = match.span()
                found.append(self._make(start, end, Kind.DATE, period=_decade(year)))
        return found

    # -- ordinals and quantities ------------------------------------------------------

    def _ordinal(self, start: int, end: int, noun_at: int | None = None) -> Mention:
        """A rank; ``as_written`` is the digits without the suffix (``149`` of ``149th``)."""
        noun, entry = self._noun_after(end if noun_at is None else noun_at)
        read = self._read(self.text[start:end], start)
        value = read.parsed.value if read.parsed is not None else None
        return self._make(
            start,
            end,
            Kind.ORDINAL,
            value=value,
            interval=Interval.point(value) if value is not None else None,
            note=read.note,
            unit=entry.unit if entry is not None and entry.kind == "count" else None,
            noun=noun,
        )

    def _number(self, match: re.Match[str]) -> tuple[Mention | None, int]:
        start, end = match.span("number")
        every = self._every_so_many(start)
        if every is not None:
            return every, every.end
        num = match.group("num")
        num2 = match.group("num2") if "num2" in match.re.groupindex else None
        if num2 is not None and (
            not self._range_joined(match, start) or self._year_then_amount(start, num, num2)
        ):
            return self._first_end(start, match)
        num_start, num_end = match.span("num")
        if self.identifiers.touching(*self._digits_of(num_start, num_end)) is not None:
            return None, num_end
        signed = self._signed(start, end, match)
        if signed is not None:
            start, end = signed
        if num2 is None:
            bare = start == num_start and end == num_end
        else:
            bare = (
                start == num_start
                and end == match.end("num2")
                and _JOIN_ONLY.fullmatch(self.text, num_end, match.start("num2")) is not None
            )
        if bare and num2 is None and len(num) <= 2 and num.isdigit() and 1 <= int(num) <= 12:
            months = self._months_of_year(start, end, int(num))
            if months is None and num == "12":
                months = self._twelve_months_to(start, end)
            if months is not None:
                return months, months.end
        season = _SEASON.fullmatch(num) if bare and num2 is None else None
        if season is not None:  # 2024/25: a fiscal year or a season, not a fraction
            opening, printed = int(season.group(1)), season.group(2)
            closing = int(printed) if len(printed) == 4 else _short_year(opening, int(printed))
            if opening in _YEARS and opening < closing <= opening + 99:
                return self._year(start, end, opening, closing), end
        noun, noun_entry = self._noun_after(end)
        counted = noun_entry is not None and noun_entry.kind in ("count", "duration")
        hedge = hedge_match(self.text, start, self.floor)
        years = bare and _short_integer(num) and (num2 is None or _short_integer(num2))
        first, second = (int(num), int(num2) if num2 else None) if years else (0, None)
        if second is not None and num2 is not None and len(num2) == 2 and first in _YEARS:
            second = _short_year(first, second)  # 2022-23: the season, the fiscal year
        if years and second is None and first % 10 == 0 and _DECADE_TAIL.match(self.text, end):
            return None, end  # 2010's: a decade (:meth:`_decades`)
        if years and self._as_year(start, first, second, hedge, counted):
            year = self._year(start, end, first, second)
            return year, year.end
        if bare and num2 is None and num.isdigit():
            ordinal = self._before(word_before("ordinal_marker"), start, WORD_WINDOW)
            if (
                ordinal is not None
                and ordinal.group("word").casefold() == "quý"
                and _QUARTER_YEAR_AFTER.match(self.text, end)
            ):
                return None, end  # quý 3 năm 2023: the year reads its quarter with it
            if ordinal is not None:
                return self._ordinal(start, end), end
        written_start = self._head_start(start, ranged=num2 is not None)
        if hedge is None and written_start < start:
            hedge = hedge_match(self.text, written_start, self.floor)
        read = self._read(self.text[written_start:end], start)
        if noun_entry is not None and noun_entry.kind == "length" and read.parsed is not None:
            read = self._metres(read, match, written_start, end)
        parsed = read.parsed
        if parsed is None and num2 is not None:
            return self._first_end(start, match)
        qualifier = (
            qualifier_of(hedge.group("phrase"))
            if hedge is not None
            else (parsed.qualifier if parsed is not None else "exact")
        )
        interval = (
            widen(parsed.printed, qualifier, parsed.value, parsed.decimals) if parsed else None
        )
        unit = parsed.unit if parsed else None
        kind = Kind.DURATION if unit in _TIME_UNITS else Kind.QUANTITY
        shown_noun = noun if unit is None else ""
        share = (
            parsed is not None
            and parsed.kind == "fraction"
            and _IN_SHARE.search(_num_text(match)) is not None
        )
        if share:  # 1 in 10,000 users: a share of the users, not a count of them
            noun_entry = None
        if unit is None and noun_entry is not None and noun_entry.kind in ("count", "duration"):
            unit = noun_entry.unit
            if noun_entry.kind == "duration":
                kind = Kind.DURATION
        mention = self._make(
            written_start,
            end,
            kind,
            parts=self._number_parts(match),
            value=parsed.value if parsed else None,
            interval=interval,
            qualifier=qualifier,
            unit=unit,
            noun=shown_noun,
            note=read.note,
            reading=read,
        )
        return mention, end

    def _metres(self, read: Reading, match: re.Match[str], start: int, end: int) -> Reading:
        """``the 100m sprint``, ``2.5m tall``: a glued ``m`` before a word of length may be
        metres, not millions. ``as_written`` reads as millions wherever it is read (the
        claims table reads it alone), so the mention keeps that reading and is flagged
        with both, never a silent guess."""
        if _group(match, "abbr") != "m" or _group(match, "prefix") or _group(match, "num2"):
            return read
        metres = _parse(f"{self.text[start : end - 1]} m", read.language)
        if not isinstance(metres, ParsedNumber) or read.parsed is None:
            return read  # pragma: no cover - the digits read a moment ago
        both = (("million", read.parsed.value), ("metre", metres.value))
        note = f"ambiguous: a glued m before a word of length (millions {read.parsed.value:g}"
        note += f" or metres {metres.value:g}); write '{metres.value:g} m' for metres"
        return Reading(read.parsed, note, read.language, both)

    def _signed(self, start: int, end: int, match: re.Match[str]) -> tuple[int, int] | None:
        """``-15€``, ``−2``, ``+5%``: a sign right before the number (after a blank, a bracket
        or the start); ``($99.99)``: an amount with a currency in parentheses. Returns the
        widened span, or None."""
        text = self.text
        if start == 0:
            return None
        before = text[start - 1]
        if before in "-\u2212+" and (
            start < 2 or not (text[start - 2].isalnum() or text[start - 2] in ".,")
        ):
            return start - 1, end
        if (
            before == "("
            and end < len(text)
            and text[end] == ")"
            and (match.group("prefix") or _CURRENCY_AFTER.search(text, start, end))
            and not self._converts(start - 1)
            and not self._aside(start - 1)
        ):
            return start - 1, end + 1
        return None

    def _aside(self, bracket: int) -> bool:
        """Whether the amount in brackets at ``bracket`` is an aside on the word before it
        (``so với cùng kỳ năm trước (20 tỷ USD)``), not a negative: a word other than a verb
        or preposition that states a value (``the figure at ($99.99)``, ``lỗ là (20 tỷ)``)."""
        word = _WORD_BEFORE_BRACKET.search(self.text, max(0, bracket - 40), bracket)
        return word is not None and word.group("word").casefold() not in _STATES_A_VALUE

    def _converts(self, bracket: int) -> bool:
        """Whether the amount in brackets at ``bracket`` follows another amount with only
        blanks between: ``$3.2bn (£2.5bn)`` converts, it is not a negative."""
        last = self.last_end
        return 0 <= last <= bracket and not self.text[last:bracket].strip()

    def _range_joined(self, match: re.Match[str], start: int) -> bool:
        """``and``/``và`` join two numbers into a range only after ``between``/``từ``;
        after a change or a transition verb (``rose from 4.1% to 5.3%``, ``went from``),
        ``from … to …`` is a before and an after: two numbers, not a range."""
        opener = self._before(head_word_before(), start, WORD_WINDOW)
        opened = opener is not None and opener.group("phrase").casefold() in _OPENERS
        if opened and opener is not None and self._word_before(opener.start()) in self.transitions:
            return False
        if opener is not None and opener.group("phrase").casefold() in self.change_words:
            return False  # rose 1,200 to 8,400: the change, then the new level
        if (
            opened
            and opener is not None
            and self.last_change
            and _AFTER_CHANGE.fullmatch(self.text, max(self.last_end, 0), opener.start())
        ):
            return False  # rose by 1,200, from 7,400 to 8,400: the levels of that change
        join = _group(match, "join")
        if join is None or join.casefold() not in _AFTER_OPEN:
            return True
        return opened

    def _year_then_amount(self, start: int, num: str, num2: str) -> bool:
        """``in 2022 to 15,000``: a year after its marker, then an amount that is not a
        later year, is a date and the number after it, not a range from 2,022."""
        if not (len(num) == 4 and num.isdigit() and int(num) in _YEARS_AFTER_MARKER):
            return False
        marker = self._before(word_before("year_marker"), start, WORD_WINDOW)
        if marker is None or marker.group("word").casefold() in _OPENERS:
            return False
        later = num2.isdigit() and len(num2) in (2, 4) and int(num2) >= int(num) % 100
        return not later

    def _first_end(
        self, start: int, match: re.Match[str] | None = None
    ) -> tuple[Mention | None, int]:
        """A range that does not read as one: its first number alone, the rest scanned on.
        After a dash (``312-98``, ``10-5``) the second number is read right after it: the
        tokenizer does not start a number after a digit and a dash (``COVID-19``)."""
        single = single_amount().match(self.text, start)
        if single is None:  # pragma: no cover - the first end of a range is an amount
            return None, start + 1
        if match is not None and _group(match, "num2") is not None:
            gap = self.text[single.end() : match.start("num2")]
            if _DASH_ONLY.fullmatch(gap):
                self.second_end = match.start("num2")
        return self._number(single)

    def _head_start(self, start: int, *, ranged: bool) -> int:
        """Where ``as_written`` starts: the adverbial hedge, change, multiplier and range
        opener words right before the number belong to it (``giảm gần 20%``)."""
        position = start
        while True:
            if self._word_before(position) not in _HEAD_LAST_WORDS:
                return position  # no head word ends there: skip the search
            word = self._before(written_head_before(), position, HEDGE_WINDOW)
            if word is None:
                return position
            phrase = " ".join(word.group("phrase").split()).casefold()
            if not ranged and phrase in _OPENERS:
                return position
            if phrase in ("up", "down") and self._word_before(word.start("phrase")) in _PHRASAL:
                return position  # made up 12% of reports: a share, not a rise
            position = word.start("phrase")

    def _word_before(self, position: int) -> str:
        """The casefolded word that ends a blank before ``position`` ('' if none)."""
        text = self.text
        end = position
        while end > self.floor and text[end - 1] in _BLANK_CHARS:
            end -= 1
        if end == position:
            return ""
        begin = max(self.floor, end - WORD_WINDOW)
        start = end
        while start > begin and text[start - 1].isalpha():
            start -= 1
        return text[start:end].casefold()

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
        if counted:
            return False
        if hedge is not None:  # over 2023 after a change (up 24.2% over 2023): its base year
            return second is None and first in _YEARS and self._compared_over(hedge)
        if second is not None:
            return first in _YEARS and second in _YEARS and second >= first
        if first in _YEARS:
            return True
        marker = self._before(word_before("year_marker"), start, WORD_WINDOW)
        return marker is not None and first in _YEARS_AFTER_MARKER

    def _compared_over(self, hedge: re.Match[str]) -> bool:
        """Whether the hedge before a year-like number is ``over`` right after a change in
        percent or points (``up 24.2% over 2023``): the year compared with, not a count."""
        word = hedge.group().strip().casefold()
        before = self.text[max(0, hedge.start() - 16) : hedge.start()]
        return word in ("over", "above") and _CHANGE_END.search(before) is not None

    def _number_parts(self, match: re.Match[str]) -> tuple[tuple[int, int], ...]:
        first = match.span("num")
        num2 = _group(match, "num2")
        return (first, match.span("num2")) if num2 else (first,)

    def _language_at(self, offset: int) -> str | None:
        return self.sentences.at(offset)

    def _read(self, printed: str, at: int) -> Reading:
        """``printed`` read in the language of its sentence.

        The document's language reads most numbers; the sentence's own language is asked
        for only when it matters: when the digits read differently in the two conventions
        (``1,500``) or the document's language cannot read them (``5 million`` in a
        Vietnamese text). A sentence that does not tell its language leaves an ambiguous
        number flagged with both readings: never a silent guess.
        """
        parsed = _parse(printed, self.language)
        if isinstance(parsed, ParsedNumber):
            if not _AMBIGUOUS.search(printed):
                return Reading(parsed, "", self.language, ())
            settled = self._language_at(at)
            if settled is None:
                other = _parse(printed, _other(self.language))
                if isinstance(other, ParsedNumber) and other.value != parsed.value:
                    both = ((self.language, parsed.value), (other.locale, other.value))
                    shown = ", ".join(f"{loc}: {value:g}" for loc, value in both)
                    note = f"ambiguous: the sentence does not tell its language ({shown})"
                    return Reading(parsed, note, self.language, both)
                return Reading(parsed, "", self.language, ())
            if settled == self.language:
                return Reading(parsed, "", self.language, ())
            own = _parse(printed, settled)
            if isinstance(own, ParsedNumber):
                return Reading(
                    own, f"read in the {settled} convention of its sentence", settled, ()
                )
            return Reading(parsed, "", self.language, ())
        other_language = _other(self.language)
        fallback = _parse(printed, other_language)
        if isinstance(fallback, ParsedNumber):
            how = (
                "of its sentence"
                if self._language_at(at) == other_language
                else "number convention"
            )
            return Reading(fallback, f"read in the {other_language} {how}", other_language, ())
        return Reading(None, parsed.reason, self.language, ())

    def _word_multipliers(self) -> Iterator[Mention]:
        """``gấp đôi``, ``tăng gấp rưỡi``, ``doubled``: multipliers without digits.

        Their first words are looked up with ``str.find`` (:class:`WordFinder`, which the
        identifier rules share): a regular expression over the whole text would cost
        several times more.
        """
        starts: set[int] = set()
        for first in multiplier_first_words():
            for word in {first, first.capitalize(), first.upper()}:
                starts.update(self.words.starts(word))
        pattern = multiplier_words_pattern()
        for start in sorted(starts):
            if start > 0 and self.text[start - 1].isalnum():
                continue
            match = pattern.match(self.text, start)
            if match is None:
                continue
            end = match.end()
            if _COUNTED_TIMES.fullmatch(match.group("word")) and not _MULTIPLE_AFTER.match(
                self.text, end
            ):
                continue  # arrested twice, fined three times: how often, not a multiple
            hedge = hedge_match(self.text, start)
            if hedge is not None:  # gần gấp đôi, nearly doubled: the hedge is printed with it
                start = hedge.start("phrase")
            change = self._before(head_word_before(), start, WORD_WINDOW)
            if change is not None and change.group("phrase").casefold() in self.change_words:
                start = change.start("phrase")
            read = self._read(self.text[start:end], start)
            if read.parsed is None:
                continue
            qualifier = qualifier_of(hedge.group("phrase")) if hedge else read.parsed.qualifier
            yield self._make(
                start,
                end,
                Kind.QUANTITY,
                parts=(),
                value=read.parsed.value,
                interval=widen(
                    read.parsed.printed, qualifier, read.parsed.value, read.parsed.decimals
                ),
                qualifier=qualifier,
                unit=read.parsed.unit,
                reading=read,
            )

    def _word_numbers(self) -> list[Mention]:
        """Numbers in words (:mod:`checks.numbers.number_words`): shares (``two-thirds of
        users``, ``a quarter of firms``, ``half of``; ``hai phần ba số``, ``một nửa``) and
        counts or halves of a scale word (``two million``, ``half a billion``; ``ba tỷ``,
        ``nửa triệu``).

        Found from their rarer words (``thirds``, ``phần``, ``million``) looking back for
        the count. In English a share is a number when it is hyphenated or followed by
        ``of`` (``a third time`` is an ordinal, ``the first half of 2024`` a period), and
        not before a comparative (``one-third higher`` is a change, not read); in either
        language not when a digit follows (``một phần năm 2023`` is "part of the year
        2023").
        """
        found: list[Mention] = []
        taken = -1
        anchors = (*fraction_anchors(), *scale_anchors())
        found_at = {a for word in anchors for a in self.words.starts(word)}
        found_at.update(self._ratio_anchors())
        for at in sorted(found_at):
            if at < taken or (at > 0 and self.text[at - 1].isalnum()):
                continue
            phrase = self._words_at(at)
            if phrase is None:
                continue
            start, end, language = phrase
            hedge = hedge_match(self.text, start)
            if hedge is not None:  # gần hai phần ba, nearly two-thirds
                start = hedge.start("phrase")
            change = _change_by_before().search(self.text, max(0, start - _COUNT_REACH), start)
            if change is not None:  # rose by a third: a change of 33.3%
                start = change.start("phrase")
            read = self._read(self.text[start:end], start)
            if read.parsed is None:
                continue
            parsed = read.parsed
            after = _OF_AFTER.match(self.text, end) if language == "en" else None
            noun, entry = self._noun_after(after.end() if after is not None else end)
            unit = parsed.unit
            if parsed.kind != "fraction" and unit is None and entry is not None:
                unit = entry.unit if entry.kind == "count" else None  # two million people
            taken = end
            found.append(
                self._wordless(start, end, read, parsed, unit, noun if unit is None else "")
            )
        return found

    def _vague_numbers(self) -> list[Mention]:
        """Orders of magnitude in words (``hàng triệu người``, ``hàng trăm tỷ đồng``, ``tens
        of thousands of accounts``, ``hundreds of millions of dollars``): each a range from
        one power of ten to the next (``checks/data/vague_quantities.csv``), found from its
        first word. They print no digits, so the coverage check does not ask for them."""
        found: list[Mention] = []
        pattern, firsts = vague_pattern()
        taken = -1
        for at in sorted({a for word in firsts for a in self.words.starts(word)}):
            if at < taken or (at > 0 and self.text[at - 1].isalnum()):
                continue
            match = pattern.match(self.text, at)
            if match is None or self._compound_before(at):
                continue
            end = noun_at = match.end()
            of = _OF_AFTER.match(self.text, end)
            unit = unit_after().match(self.text, end if of is None else of.end())
            if unit is not None and not self.text[unit.end() : unit.end() + 1].isalnum():
                end = noun_at = unit.end()  # hàng trăm tỷ đồng, millions of dollars
            elif of is not None:
                noun_at = of.end()  # tens of thousands of accounts
            start = at
            hedge = hedge_match(self.text, start)  # found apart from the tokens: no floor
            if hedge is not None:  # khoảng hàng nghìn, nearly tens of thousands
                start = hedge.start("phrase")
            read = self._read(self.text[start:end], start)
            parsed = read.parsed
            if parsed is None:
                continue
            noun, entry = self._noun_after(noun_at)
            counted = parsed.unit is None and entry is not None and entry.kind == "count"
            taken = end
            counts = entry.unit if counted and entry is not None else parsed.unit
            shown = noun if parsed.unit is None and not counted else ""
            found.append(self._wordless(start, end, read, parsed, counts, shown))
        return found

    def _wordless(
        self,
        start: int,
        end: int,
        read: Reading,
        parsed: ParsedNumber,
        unit: str | None,
        noun: str,
    ) -> Mention:
        """A quantity printed without digits (``two-thirds``, ``hàng triệu người``): no
        digit parts, so the coverage check does not ask for it."""
        return self._make(
            start,
            end,
            Kind.QUANTITY,
            parts=(),
            value=parsed.value,
            interval=widen(parsed.printed, parsed.qualifier, parsed.value, parsed.decimals),
            qualifier=parsed.qualifier,
            unit=unit,
            noun=noun,
            reading=read,
        )

    def _changed_by(self, start: int) -> bool:
        """Whether a change word ending in ``by`` stands right before ``start`` (``rose by
        a third``, ``fell by half``): the share is the size of the change."""
        at = start
        hedge = hedge_match(self.text, start)
        if hedge is not None:
            at = hedge.start("phrase")
        return _change_by_before().search(self.text, max(0, at - _COUNT_REACH), at) is not None

    def _compound_before(self, at: int) -> bool:
        """Whether the word before ``at`` makes a noun with the word at ``at`` (``ngân
        hàng``, ``khách hàng``): then ``hàng trăm`` after it is no quantity."""
        return self._short_word_before(at) in vague_compounds()

    def _ratio_anchors(self) -> list[int]:
        """Where ``in`` or ``out`` follows a counting word (``one in five``, ``three out
        of ten``): the anchors of ratios in words, checked on the word before."""
        joiners, counts = ratio_anchors()
        found: list[int] = []
        for joiner in joiners:
            for at in self.words.starts(f" {joiner} "):
                if self._short_word_before(at) in counts:
                    found.append(at + 1)
        return found

    def _short_word_before(self, at: int) -> str:
        """The casefolded word before ``at`` (blanks between), looked for in the
        :data:`_LONGEST_COUNT` characters before it: a counting word, ``ngân``. Unlike
        :meth:`_word_before` it ignores the token stream's floor (the words in numbers are
        found apart from it)."""
        before = self.text[max(0, at - _LONGEST_COUNT) : at].rsplit(None, 1)
        return before[-1].casefold() if before else ""

    def _words_at(self, anchor: int) -> tuple[int, int, str] | None:
        """The number in words holding the word at ``anchor``: its start, end and language.

        It starts at the anchor (``half of``) or at one of the few words before it, each a
        number word (``half a million``, ``twenty-one million``, ``hai phần ba``): a scale
        word after digits (``390.000 tỷ``), the common case, is ruled out at once."""
        starts = self._number_words_before(anchor)
        if starts is None:
            return None
        for language in (self.language, self.other):
            for start in starts:
                amount = scale_amount(self.text, start, language)
                if amount is not None and amount.scale_start == anchor:  # two million, nửa tỷ
                    unit = unit_after().match(self.text, amount.scale_end)
                    return start, unit.end() if unit is not None else amount.scale_end, language
                words = read_fraction_words(self.text, start, language)
                if words is None or words.end <= anchor:
                    continue
                follows = self.text[words.end : words.end + 24]
                if _DIGIT_AFTER.match(follows):
                    return None
                if language == "en" and _COMPARED_AFTER.match(follows):
                    return None  # one-third higher: a change, not a share (not read)
                if language == "en" and not words.hyphenated and not self._changed_by(start):
                    if not _OF_AFTER.match(follows) or _OF_YEAR.match(follows):
                        return None
                    if _ORDINAL_BEFORE.search(self.text, max(0, start - 12), start):
                        return None
                return start, words.end, language
        return None

    def _number_words_before(self, anchor: int) -> list[int] | None:
        """The starts of the number words right before ``anchor`` (earliest first), then
        the anchor's own; None when a digit stands right before it."""
        before = _WORDS_BEFORE.search(self.text, max(0, anchor - _COUNT_REACH), anchor)
        if before is None:
            return [anchor]
        if before.group("digit"):
            return None
        starts = [anchor]
        for word in reversed(_WORD_RUN.findall(before.group("words"))):
            if word.casefold() not in number_word_set():
                break
            starts.append(starts[-1] - len(word) - 1)
        return starts[::-1]

    def _noun_after(self, end: int) -> tuple[str, Noun | None]:
        """The counted noun after a number: one of the document's language, else one of
        the other language (``1,500 people`` in an English sentence of a Vietnamese file)."""
        for language, known_nouns in ((self.language, self.nouns), (self.other, self.others)):
            known = noun_after(language).match(self.text, end)
            if known is not None:
                entry = known_nouns[" ".join(known.group("noun").split()).casefold()]
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

    def _identifiers(self) -> Iterator[Mention]:
        for span in self.identifiers.spans:
            if ROMAN_OR_DIGIT.search(self.text, span.start, span.end) is None:
                continue
            runs = tuple(m.span() for m in DIGIT_RUN.finditer(self.text, span.start, span.end))
            yield self._make(
                span.start,
                span.end,
                Kind.IDENTIFIER,
                parts=runs,
                qualifier="",
                rule=span.rule,
            )


def _months(year: int, count: int, *, last: bool) -> Period:
    """The first (or last) ``count`` months of ``year``."""
    first_month = 13 - count if last else 1
    return dates.span(dates.month(year, first_month), dates.month(year, first_month + count - 1))


def _months_in_words(found: re.Match[str], year: int) -> Period | None:
    """The months of ``year`` that :func:`months_in_words_before` matched (None for more
    than twelve: ``first fifteen months of 2024`` is no part of the year)."""
    language = "en" if found.group("count_en") else "vi"
    count = counting_words(language)[value_key(found.group(f"count_{language}"))]
    edge = (found.group(f"edge_{language}") or "").casefold()
    return _months(year, count, last=edge in ("last", "past", "cuối")) if count <= 12 else None


def _decade(year: int) -> Period:
    """The ten years from ``year`` (a year ending in 0)."""
    return dates.span(dates.year(year), dates.year(year + 9))


def _part_of_year(part: re.Match[str], year: int) -> Period:
    """The quarter or half of ``year`` that :func:`part_of_year_before` matched."""
    if part.group("quarter"):
        return dates.quarter(year, role_values("quarter_of")[value_key(part.group("quarter"))])
    if part.group("q") or part.group("qv"):
        number = part.group("q") or part.group("qv")
        quarter = ROMAN_QUARTERS.index(number) + 1 if number in ROMAN_QUARTERS else int(number)
        return dates.quarter(year, quarter)
    if part.group("half"):
        half = role_values("half_of")[value_key(part.group("half"))]
    else:
        half = int(part.group("h"))
    first_month = 1 if half == 1 else 7
    return dates.span(dates.month(year, first_month), dates.month(year, first_month + 5))


def _num_text(match: re.Match[str]) -> str:
    """The first amount's digits as printed (``1 in 5`` for a share of that form)."""
    return " ".join(match.group("num").split())
