"""The words the scanner knows, read from data tables in ``checks/data/``.

The number parser's own tables (qualifier phrases, scale words, unit tokens) come through
:mod:`checks.numbers.tables`; the scanner adds four of its own:

- ``identifiers.csv``: patterns of numbers that are not quantities (document numbers,
  round-the-clock ``24/7``, Roman numerals ...), the rules of docs/data-capture.md section 8;
- ``nouns.csv``: counted nouns and time nouns after a number, with the unit they give, and
  the function words that are not nouns;
- ``calendar.csv``: words around dates (``ngày``, ``năm``, month names, base-period words);
- ``verbal_hedges.csv``: hedge phrases that set the qualifier but stay outside ``as_written``.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources
from typing import NamedTuple


class LexiconError(ValueError):
    """A data table of the scanner that cannot be used (bad pattern, unknown role)."""

    def __init__(self, table: str, row: int, message: str) -> None:
        super().__init__(f"checks/data/{table} row {row}: {message}")
        self.table = table
        self.row = row


class IdentifierRule(NamedTuple):
    rule: str
    language: str
    pattern: re.Pattern[str]
    description: str


class Noun(NamedTuple):
    noun: str
    language: str
    kind: str
    unit: str


class CalendarWord(NamedTuple):
    word: str
    language: str
    role: str
    value: int | None


NOUN_KINDS = ("count", "duration", "stop", "length")
"""``length``: a word after a length (``tall``, ``sprint``) that makes a glued ``m`` metres."""
CALENDAR_ROLES = (
    "date_word",
    "year_marker",
    "day_context",
    "ordinal_marker",
    "quarter_word",
    "base_period",
    "period_start",
    "period_end",
    "month_name",
    "quarter_of",
    "half_of",
    "decade_of",
    "month_join",
    "month_open",
    "year_to",
)


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a CSV table shipped in ``checks/data`` (all cells as text)."""
    text = resources.files("checks.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def identifier_rules() -> tuple[IdentifierRule, ...]:
    """The exclusion rules, in file order; each pattern compiled once.

    >>> sorted({r.rule for r in identifier_rules()})[:2]
    ['X1-document-number', 'X2-document-title']
    """
    rules: list[IdentifierRule] = []
    for index, row in enumerate(read_table("identifiers.csv"), start=2):
        try:
            pattern = re.compile(row["pattern"])
        except re.error as exc:
            raise LexiconError(
                "identifiers.csv", index, f"pattern does not compile: {exc}"
            ) from None
        if pattern.groups:
            raise LexiconError("identifiers.csv", index, "use (?:...) groups, not capturing ones")
        rules.append(IdentifierRule(row["rule"], row["language"], pattern, row["description"]))
    return tuple(rules)


@cache
def nouns() -> tuple[Noun, ...]:
    """Nouns after numbers, longest first so that ``phiên họp`` wins over ``phiên``."""
    rows: list[Noun] = []
    for index, row in enumerate(read_table("nouns.csv"), start=2):
        if row["kind"] not in NOUN_KINDS:
            raise LexiconError("nouns.csv", index, f"kind {row['kind']!r} not in {NOUN_KINDS}")
        rows.append(Noun(row["noun"], row["language"], row["kind"], row["unit"]))
    return tuple(sorted(rows, key=lambda n: -len(n.noun)))


@cache
def calendar_words() -> tuple[CalendarWord, ...]:
    """Words around dates, longest first."""
    rows: list[CalendarWord] = []
    for index, row in enumerate(read_table("calendar.csv"), start=2):
        if row["role"] not in CALENDAR_ROLES:
            raise LexiconError("calendar.csv", index, f"role {row['role']!r} is unknown")
        value = int(row["value"]) if row["value"] else None
        rows.append(CalendarWord(row["word"], row["language"], row["role"], value))
    return tuple(sorted(rows, key=lambda w: -len(w.word)))


def words_with_role(role: str) -> tuple[str, ...]:
    """The calendar words of one role (all languages), longest first, without repeats."""
    return tuple(dict.fromkeys(w.word for w in calendar_words() if w.role == role))


def month_numbers() -> dict[str, int]:
    """English month names and abbreviations (casefolded) → month number."""
    return role_values("month_name")


@cache
def role_values(role: str) -> dict[str, int]:
    """The calendar words of ``role`` (casefolded, blanks as one space) → their value."""
    return {
        value_key(w.word): w.value
        for w in calendar_words()
        if w.role == role and w.value is not None
    }


def value_key(word: str) -> str:
    """A calendar word as :func:`role_values` keys it: casefolded, blanks as one space."""
    return " ".join(word.casefold().split())


@cache
def verbal_hedges() -> frozenset[str]:
    """Casefolded hedge phrases that frame a number verbally (docs/data-capture.md A2)."""
    return frozenset(row["phrase"].casefold() for row in read_table("verbal_hedges.csv"))
