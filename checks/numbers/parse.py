"""Parse numbers as printed in Vietnamese and English news into intervals.

``parse_number("gần 16.000")`` reads the hedge word, the digits in the locale's
convention (Vietnamese: ``.`` groups thousands and ``,`` marks decimals), scale words
(``nghìn``, ``triệu``, ``tỷ``, ``nghìn tỷ``, ``million`` ...) and unit tokens (``đồng``,
``USD``, ``$``, ``%``, ``năm``). The digits go through babel's strict parser; anything
malformed or ambiguous raises :class:`NumberParseError` naming the string.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Context, Decimal, InvalidOperation, localcontext

from babel.numbers import NumberFormatError, parse_decimal

from checks.numbers.interval import Interval
from checks.numbers.qualifiers import widen
from checks.numbers.tables import qualifier_phrases, scale_words, unit_tokens

LOCALES = ("vi", "en")
_DIGITS = re.compile(r"[-\u2212]?[0-9]+(?:[.,][0-9]+)*")
_SPACE = re.compile(r"[\s\u00a0\u202f]+")
_MAX_DIGITS = 40
# Enough precision for any accepted number: babel's strict check and the interval bounds
# are exact (the default 28 digits made 29-40 digit numbers fail with InvalidOperation).
_CONTEXT = Context(prec=_MAX_DIGITS + 30)


class NumberParseError(ValueError):
    """A printed number that cannot be read without guessing.

    >>> try:
    ...     parse_number("12..5")
    ... except NumberParseError as exc:
    ...     exc.text
    '12..5'
    """

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(f"cannot parse number {text!r}: {reason}")
        self.text = text
        self.reason = reason


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A printed number: its value, the interval it stands for, and how it was read."""

    text: str
    value: float
    printed: Interval
    interval: Interval
    qualifier: str
    unit: str | None
    exponent: int
    decimals: int
    locale: str


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _take_prefix(rest: str, words: list[str]) -> tuple[str | None, str]:
    low = rest.casefold()
    for word in words:
        w = word.casefold()
        if low.startswith(w) and (
            len(low) == len(w) or not low[len(w)].isalpha() or not w[-1].isalpha()
        ):
            return word, rest[len(word) :].lstrip()
    return None, rest


def _read_digits(digits: str, locale: str, text: str) -> tuple[Decimal, int]:
    sign = -1 if digits[:1] in "-\u2212" else 1
    body = digits.lstrip("-\u2212")
    if sum(ch.isdigit() for ch in body) > _MAX_DIGITS:
        raise NumberParseError(text, f"more than {_MAX_DIGITS} digits")
    try:
        with localcontext(_CONTEXT):
            number = parse_decimal(body, locale=locale, strict=True)
    except NumberFormatError as exc:
        raise NumberParseError(text, f"not a {locale!r} number: {exc}") from None
    except (InvalidOperation, ValueError, ArithmeticError):
        raise NumberParseError(text, f"not a {locale!r} number") from None
    decimal_sep = "," if locale == "vi" else "."
    decimals = len(body.rsplit(decimal_sep, 1)[1]) if decimal_sep in body else 0
    return number * sign, decimals


def _locales_for(text: str, locale: str) -> tuple[str, ...]:
    if locale in LOCALES:
        return (locale,)
    if locale != "auto":
        raise NumberParseError(text, f"unknown locale {locale!r}; expected one of vi, en, auto")
    return LOCALES


def parse_number(text: str, locale: str = "vi") -> ParsedNumber:
    """Parse one printed number with its hedge word, scale word and unit.

    ``locale`` is ``"vi"`` (the default), ``"en"``, or ``"auto"``; ``"auto"`` accepts a
    string only when exactly one reading exists (or all readings agree).

    >>> parse_number("78,44 triệu").value
    78440000.0
    >>> str(parse_number("79,1%").printed)
    '[79.05, 79.15]'
    >>> p = parse_number("hơn 100 nghìn"); (p.qualifier, p.value)
    ('more_than', 100000.0)
    >>> parse_number("$10.5 trillion", locale="en").unit
    'USD'
    """
    readings: dict[str, ParsedNumber] = {}
    errors: list[NumberParseError] = []
    for loc in _locales_for(text, locale):
        try:
            readings[loc] = _parse_in(text, loc)
        except NumberParseError as exc:
            errors.append(exc)
    if not readings:
        raise (
            errors[0]
            if len(errors) == 1
            else NumberParseError(text, "; ".join(dict.fromkeys(e.reason for e in errors)))
        )
    values = {r.value for r in readings.values()}
    if len(values) > 1:
        shown = ", ".join(f"{loc}: {r.value:g}" for loc, r in readings.items())
        raise NumberParseError(text, f"ambiguous between locales ({shown})")
    return next(iter(readings.values()))


def _parse_in(text: str, locale: str) -> ParsedNumber:
    if not isinstance(text, str):
        raise NumberParseError(repr(text), "expected a string")
    rest = _normalise(text)
    if not rest:
        raise NumberParseError(text, "empty string")
    qualifier = "exact"
    phrases = [p for p in qualifier_phrases() if p.language == locale]
    found, rest = _take_prefix(rest, [p.phrase for p in phrases])
    if found is not None:
        qualifier = next(p.qualifier for p in phrases if p.phrase == found)
    unit: str | None = None
    prefix_tokens = [t for t in unit_tokens() if t.position == "prefix"]
    token, rest = _take_prefix(rest, [t.token for t in prefix_tokens])
    if token is not None:
        unit = next(t.unit for t in prefix_tokens if t.token == token)
    match = _DIGITS.match(rest)
    if match is None:
        raise NumberParseError(text, "no digits where a number was expected")
    number, decimals = _read_digits(match.group(0), locale, text)
    rest = rest[match.end() :].lstrip()
    exponent = 0
    scales = [s for s in scale_words() if s.language == locale]
    word, rest = _take_prefix(rest, [s.word for s in scales])
    if word is not None:
        exponent = next(s.exponent for s in scales if s.word == word)
    suffix_tokens = [t for t in unit_tokens() if t.position == "suffix"]
    token, rest = _take_prefix(rest, [t.token for t in suffix_tokens])
    if token is not None:
        suffix_unit = next(t.unit for t in suffix_tokens if t.token == token)
        if unit is not None and unit != suffix_unit:
            raise NumberParseError(text, f"two units: {unit} and {suffix_unit}")
        unit = suffix_unit
    if rest:
        raise NumberParseError(text, f"unexpected text {rest!r} after the number")
    return _build(text, number, decimals, exponent, qualifier, unit, locale)


def _build(
    text: str,
    number: Decimal,
    decimals: int,
    exponent: int,
    qualifier: str,
    unit: str | None,
    locale: str,
) -> ParsedNumber:
    with localcontext(_CONTEXT):
        scale = Decimal(10) ** exponent
        half = Decimal(5) * Decimal(10) ** (-decimals - 1)
        value = number * scale
        lo, hi = (number - half) * scale, (number + half) * scale
    try:
        as_float = float(value)
        printed = Interval(float(lo), float(hi))
    except (OverflowError, ValueError) as exc:
        raise NumberParseError(text, f"out of range: {exc}") from None
    if not all(map(_finite, (as_float, printed.lo, printed.hi))):
        raise NumberParseError(text, "out of the range of a double")
    return ParsedNumber(
        text=text,
        value=as_float,
        printed=printed,
        interval=widen(printed, qualifier, as_float, decimals),
        qualifier=qualifier,
        unit=unit,
        exponent=exponent,
        decimals=decimals,
        locale=locale,
    )


def _finite(x: float) -> bool:
    return x == x and x not in (float("inf"), float("-inf"))
