"""The data tables behind the parser: qualifier phrases, scale words, unit tokens, the words
of changes, multipliers and ranges."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from typing import NamedTuple


class QualifierPhrase(NamedTuple):
    phrase: str
    language: str
    qualifier: str


SCALE_FORMS = ("word", "abbreviation", "after_currency")


class ScaleWord(NamedTuple):
    """A scale word. ``form``: ``word`` (any case, a whole word, blanks before it allowed);
    ``abbreviation`` (exact case; a single letter only right after the digits);
    ``after_currency`` (exact case, right after the digits of an amount with a currency
    sign or code before it: ``$5m``, ``£3b``)."""

    word: str
    language: str
    exponent: int
    form: str = "word"


class ChangeWord(NamedTuple):
    """A word that makes the number after it a change: ``increase`` or ``decrease``."""

    word: str
    language: str
    direction: str


class MultiplierWord(NamedTuple):
    """``gấp`` before a number (ratio None), or a word that is a multiplier (``gấp đôi``)."""

    phrase: str
    language: str
    ratio: float | None


class NumberWord(NamedTuple):
    """A word of a number written in words (:mod:`checks.numbers.number_words`)."""

    word: str
    language: str
    role: str  # one of NUMBER_WORD_ROLES
    value: int | None


NUMBER_WORD_ROLES = (
    "count",
    "teen",
    "tens",
    "part",
    "alone",
    "joiner",
    "half_of_scale",
    "compound",
    "ratio_joiner",
)


JOIN_ROLES = ("join", "join_after_open")


class RangeWord(NamedTuple):
    """``open`` (between, từ), ``join`` (-, to, đến), ``join_after_open`` (and, và) or
    ``transition`` (went, changed: a verb after which ``from X to Y`` is a before and an
    after, two numbers, not a range; change words such as ``rose`` do the same)."""

    word: str
    language: str
    role: str


UNIT_POSITIONS = ("prefix", "suffix", "glued", "per")
RATE_UNITS = frozenset({"percent", "percentage_point", "basis_point"})
"""Units that are rates already: ``15 percent per year`` stays in percent (a growth rate
is compared with other percentages, not with a percent per unit of time)."""


class UnitToken(NamedTuple):
    """A unit printed with a number. ``position``: ``prefix`` (before the digits, ``$``,
    ``VND``), ``suffix`` (after them, blanks allowed: ``15 %``, ``5 kg``), ``glued`` (a
    unit only right after the digits, too short to be one elsewhere: ``45p``, ``40.5C``,
    ``3.2pc``) or ``per`` (only after a slash, the second unit of a rate: ``đ/tháng``)."""

    token: str
    position: str
    unit: str


class QualifierWidth(NamedTuple):
    """How far a qualifier widens a printed number below and above it.

    Each side reaches ``steps`` steps of the number's granularity, and at most ``cap`` times
    its magnitude (:func:`checks.numbers.qualifiers.widen`).
    """

    qualifier: str
    lower_steps: float
    upper_steps: float
    lower_cap: float
    upper_cap: float
    rationale: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("checks.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def qualifier_phrases() -> tuple[QualifierPhrase, ...]:
    """Hedge phrases, longest first so that 'ước tính hơn' wins over 'ước tính'."""
    rows = [
        QualifierPhrase(r["phrase"], r["language"], r["qualifier"]) for r in _rows("qualifiers.csv")
    ]
    return tuple(sorted(rows, key=lambda r: -len(r.phrase)))


@cache
def scale_words() -> tuple[ScaleWord, ...]:
    rows = [
        ScaleWord(r["word"], r["language"], int(r["exponent"]), r.get("form") or "word")
        for r in _rows("scales.csv")
    ]
    for row in rows:
        if row.form not in SCALE_FORMS:
            raise ValueError(f"checks/data/scales.csv: form {row.form!r} not in {SCALE_FORMS}")
    return tuple(sorted(rows, key=lambda r: -len(r.word)))


@cache
def change_words() -> tuple[ChangeWord, ...]:
    """Words of increase and decrease, longest first."""
    rows = [ChangeWord(r["word"], r["language"], r["direction"]) for r in _rows("changes.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r.word)))


@cache
def multiplier_words() -> tuple[MultiplierWord, ...]:
    """Multiplier words, longest first so that ``gấp đôi`` wins over ``gấp``."""
    rows = [
        MultiplierWord(r["phrase"], r["language"], float(r["ratio"]) if r["ratio"] else None)
        for r in _rows("multipliers.csv")
    ]
    return tuple(sorted(rows, key=lambda r: -len(r.phrase)))


@cache
def number_words() -> tuple[NumberWord, ...]:
    """The words of numbers written in words (``number_words.csv``), in the table's order."""
    rows = [
        NumberWord(r["word"], r["language"], r["role"], int(r["value"]) if r["value"] else None)
        for r in _rows("number_words.csv")
    ]
    for row in rows:
        if row.role not in NUMBER_WORD_ROLES:
            raise ValueError(
                f"checks/data/number_words.csv: role {row.role!r} not in {NUMBER_WORD_ROLES}"
            )
    return tuple(rows)


class VagueQuantity(NamedTuple):
    """A quantity printed as an order of magnitude (``tens of thousands``, ``hàng triệu``):
    the range it stands for, from ``low`` to ``high``."""

    phrase: str
    language: str
    low: int
    high: int


@cache
def vague_quantities() -> tuple[VagueQuantity, ...]:
    """The orders of magnitude in words (``vague_quantities.csv``), longest first, so that
    ``hàng chục nghìn`` wins over ``hàng chục``."""
    rows = [
        VagueQuantity(r["phrase"], r["language"], int(r["low"]), int(r["high"]))
        for r in _rows("vague_quantities.csv")
    ]
    for row in rows:
        if not 0 < row.low < row.high:
            raise ValueError(
                f"checks/data/vague_quantities.csv: {row.phrase!r} needs 0 < low < high"
            )
    return tuple(sorted(rows, key=lambda r: -len(r.phrase)))


@cache
def vague_compounds() -> frozenset[str]:
    """Words that make a noun with the first word of an order of magnitude (``ngân hàng``,
    ``khách hàng``, ``mặt hàng``): after them ``hàng trăm`` is no quantity
    (``vague_compounds.csv``)."""
    return frozenset(r["word"].casefold() for r in _rows("vague_compounds.csv"))


@cache
def range_words() -> tuple[RangeWord, ...]:
    """Words that open or join the two ends of a range, longest first."""
    rows = [RangeWord(r["word"], r["language"], r["role"]) for r in _rows("ranges.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r.word)))


@cache
def unit_tokens() -> tuple[UnitToken, ...]:
    rows = [UnitToken(r["token"], r["position"], r["unit"]) for r in _rows("currencies.csv")]
    for row in rows:
        if row.position not in UNIT_POSITIONS:
            raise ValueError(
                f"checks/data/currencies.csv: position {row.position!r} not in {UNIT_POSITIONS}"
            )
    return tuple(sorted(rows, key=lambda r: -len(r.token)))


@cache
def qualifier_widths() -> dict[str, QualifierWidth]:
    return {
        r["qualifier"]: QualifierWidth(
            r["qualifier"],
            float(r["lower_steps"]),
            float(r["upper_steps"]),
            float(r["lower_cap"]),
            float(r["upper_cap"]),
            r["rationale"],
        )
        for r in _rows("qualifier_widths.csv")
    }
