"""Parse numbers as printed in Vietnamese and English news into intervals.

``parse_number("gần 16.000")`` reads the words before the digits (a hedge ``gần``, a change
``giảm``/``fell``, a multiplier ``gấp``, a range opener ``between``/``từ``), the digits in
the locale's convention (Vietnamese: ``.`` groups thousands and ``,`` marks decimals), a
fraction (``2 1/2``), scientific notation (``2.48×10−5``), scale words and abbreviations
(``nghìn``, ``triệu``, ``tỷ``, ``million``, ``bn``, ``M``), unit tokens before or after
(``$``, ``VND``, ``€``, ``đồng``, ``%``, ``điểm phần trăm``, ``kg``), and a second end
(``8.000-10.000 tỷ``, ``between 44 and 50``). The digits go through babel's strict parser;
anything malformed or ambiguous raises :class:`NumberParseError` naming the string. Every
form is listed in ``docs/numbers.md``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Context, Decimal, InvalidOperation, localcontext
from functools import lru_cache
from typing import NamedTuple

from babel.numbers import NumberFormatError, parse_decimal

from checks.numbers.interval import Interval
from checks.numbers.number_words import read_fraction_words, scale_amount
from checks.numbers.qualifiers import widen
from checks.numbers.tables import (
    RATE_UNITS,
    ScaleWord,
    VagueQuantity,
    change_words,
    multiplier_words,
    qualifier_phrases,
    range_words,
    scale_words,
    unit_tokens,
    vague_quantities,
)

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
    kind: str = "number"
    """``number``, ``range`` (two ends), ``fraction``, ``multiplier`` or ``change``."""
    change: str = ""
    """``increase`` or ``decrease`` when a change word stands before the number."""
    ends: tuple[float, float] | None = None
    """The two printed values of a range, lower first."""

    @property
    def ratio(self) -> float | None:
        """The factor a multiplier or a percent change stands for (``tăng 15%`` → 1.15)."""
        if self.kind == "multiplier":
            return self.value
        if self.change and self.unit == "percent":
            return 1 + self.value / 100
        return None


def _normalise(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _take_prefix(rest: str, words: list[str], *, glued: bool = False) -> tuple[str | None, str]:
    """The first of ``words`` that ``rest`` starts with as a whole word (any case).

    With ``glued``, a word may also run straight into digits (``VND391.8``, ``US$3bn``).
    """
    low = rest.casefold()
    for word in words:
        w = word.casefold()
        if low.startswith(w) and (
            len(low) == len(w)
            or not low[len(w)].isalpha()
            or not w[-1].isalpha()
            or (glued and low[len(w)].isdigit())
        ):
            return word, rest[len(word) :].lstrip()
    return None, rest


def _read_digits(digits: str, locale: str, text: str) -> tuple[Decimal, int]:
    sign = -1 if digits[:1] in "-\u2212" else 1
    body = digits.lstrip("-\u2212")
    if sum(ch.isdigit() for ch in body) > _MAX_DIGITS:
        raise NumberParseError(text, f"more than {_MAX_DIGITS} digits")
    if body.isascii() and body.isdigit():  # plain digits read alike in both locales
        return Decimal(body) * sign, 0
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
    head, rest = _read_head(rest, locale)
    if head.ratio_word is not None:
        if rest:
            raise NumberParseError(text, f"unexpected text {rest!r} after the number")
        return _word_multiplier(text, head, locale)
    negative = False
    wrapped = rest.startswith("(") and rest.endswith(")")
    if wrapped:
        rest, negative = rest[1:-1].strip(), True
    vague = _read_vague(rest, locale, text) if not wrapped else None
    if vague is not None:  # hàng triệu, tens of thousands: a range of one order of magnitude
        return _build(text, *vague, -1 if head.direction == "decrease" else 1, head, locale)
    first, rest = _read_amount(rest, locale, text)
    second: _Amount | None = None
    join, after = _take_prefix(rest, _joins(locale, opened=head.opener)) if rest else (None, rest)
    if join is not None:
        try:
            second, after = _read_amount(after, locale, text)
        except NumberParseError:
            second = None
        if second is not None and first.marked and not (second.marked or second.unit):
            second = None  # "rose 15% to 1,234 cases": a percent, then a count
        if second is not None:
            rest = after
    if head.opener and second is None:
        raise NumberParseError(text, f"{head.opener!r} opens a range that has no second end")
    if rest == "+" and second is None:  # "50+", "2m+": more than (a hedge before says it)
        rest = ""
        if head.qualifier == "exact":
            head = head._replace(qualifier="more_than")
    if rest:
        raise NumberParseError(text, f"unexpected text {rest!r} after the number")
    if wrapped and (not is_currency(first.unit) or first.sign < 0 or second is not None):
        raise NumberParseError(text, "only an amount with a currency is negative in parentheses")
    if second is not None:
        first, second = _share(first, second, text)
    sign = -1 if negative or head.direction == "decrease" else 1
    return _build(text, first, second, sign, head, locale)


def _read_vague(rest: str, locale: str, text: str) -> tuple[_Amount, _Amount] | None:
    """An order of magnitude in words at the start of ``rest`` (``hàng triệu``, ``tens of
    thousands``), with the unit after it (``hàng trăm tỷ đồng``, ``millions of dollars``):
    its two ends, exact; None when ``rest`` does not start with one."""
    phrases, firsts = _vague_phrases(locale)
    if rest[:1].casefold() not in firsts:
        return None  # the common case: digits, a sign, a currency
    folded = rest.casefold()
    suffix_words, suffix_units = _unit_table("suffix")
    for vague in phrases:
        phrase = vague.phrase.casefold()
        if not folded.startswith(phrase) or folded[len(phrase) : len(phrase) + 1].isalnum():
            continue
        after = rest[len(phrase) :].lstrip()
        token, tail = _take_word(after, suffix_words)
        if token is None and after[:3].casefold() == "of ":  # millions of dollars
            token, tail = _take_word(after[3:], suffix_words)
            tail = after if token is None else tail
        unit = suffix_units[token] if token is not None else None
        if tail:
            raise NumberParseError(text, f"unexpected text {tail!r} after the number")
        ends = (
            _Amount(Decimal(bound), 0, 0, unit, 1, True, True, suffixed=unit is not None)
            for bound in (vague.low, vague.high)
        )
        return next(ends), next(ends)
    return None


@lru_cache(maxsize=4)
def _vague_phrases(locale: str) -> tuple[tuple[VagueQuantity, ...], frozenset[str]]:
    """The orders of magnitude of ``locale``, longest first, and their first letters."""
    phrases = tuple(v for v in vague_quantities() if v.language == locale)
    return phrases, frozenset(v.phrase[:1].casefold() for v in phrases)


def is_currency(unit: str | None) -> bool:
    """A currency code (``USD``, ``EUR``): what accounting parentheses make negative."""
    return unit is not None and len(unit) == 3 and unit.isupper()


class _Head(NamedTuple):
    qualifier: str
    direction: str
    multiplier: bool
    ratio_word: float | None
    opener: str


def _read_head(rest: str, locale: str) -> tuple[_Head, str]:
    """The words before the digits, in any order, each kind at most once: a hedge
    (``khoảng``), a change (``giảm``, ``fell``), a multiplier (``gấp``, ``gấp đôi``) and the
    opening word of a range (``between``, ``từ``)."""
    qualifier, direction, multiplier, ratio, opener = "exact", "", False, None, ""
    kinds = _head_words(locale)
    firsts = _head_first_letters(locale)
    while True:
        found = _longest_prefix(rest, kinds) if rest[:1].casefold() in firsts else None
        if found is None:
            break
        kind, word, value = found
        if kind == "hedge" and qualifier == "exact":
            qualifier = value
        elif kind == "change" and not direction:
            direction = value
        elif kind == "multiplier" and not multiplier:
            multiplier = True
            ratio = float(value) if value else None
        elif kind == "open" and not opener and not multiplier:
            opener = word
        else:
            break
        rest = rest[len(word) :].lstrip()
    return _Head(qualifier, direction, multiplier, ratio, opener), rest


@lru_cache(maxsize=4)
def _head_words(locale: str) -> tuple[tuple[str, str, str], ...]:
    """(kind, word, value) of every word that may stand before the digits, longest first."""
    words = [("hedge", p.phrase, p.qualifier) for p in qualifier_phrases() if p.language == locale]
    words += [("change", c.word, c.direction) for c in change_words() if c.language == locale]
    words += [
        ("multiplier", m.phrase, "" if m.ratio is None else repr(m.ratio))
        for m in multiplier_words()
        if m.language == locale
    ]
    words += [("open", r.word, "") for r in range_words() if r.role == "open"]
    words = [w for w in words if w[0] != "open" or _range_word_in(w[1], locale)]
    return tuple(sorted(words, key=lambda w: -len(w[1])))


@lru_cache(maxsize=4)
def _head_first_letters(locale: str) -> frozenset[str]:
    return frozenset(w[1][0].casefold() for w in _head_words(locale))


def _range_word_in(word: str, locale: str) -> bool:
    return any(r.word == word and r.language in (locale, "any") for r in range_words())


def _longest_prefix(
    rest: str, words: tuple[tuple[str, str, str], ...]
) -> tuple[str, str, str] | None:
    low = rest.casefold()
    for kind, word, value in words:
        w = word.casefold()
        if low.startswith(w) and (
            len(low) == len(w) or not low[len(w)].isalpha() or not w[-1].isalpha()
        ):
            return kind, rest[: len(word)], value
    return None


def _joins(locale: str, *, opened: str) -> list[str]:
    return list(_join_words(locale, bool(opened)))


@lru_cache(maxsize=8)
def _join_words(locale: str, opened: bool) -> tuple[str, ...]:
    roles = ("join", "join_after_open") if opened else ("join",)
    return tuple(r.word for r in range_words() if r.role in roles and r.language in (locale, "any"))


@dataclass(frozen=True, slots=True)
class _Amount:
    """One end of a printed number: digits, scale, unit and how they were printed."""

    number: Decimal
    decimals: int
    exponent: int
    unit: str | None
    sign: int
    exact: bool  # a fraction: no rounding to widen
    has_scale: bool
    suffixed: bool = False  # a unit printed after the digits (``15%``, ``5 kg``)

    @property
    def marked(self) -> bool:
        """A scale word or a unit after the digits: what the second end of a range must
        print too (``15% to 1,234`` is a percent and a count, not a range)."""
        return self.has_scale or self.suffixed


_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SCIENTIFIC = re.compile(
    r"(?:[eE](?P<e>[-+\u2212]?[0-9]{1,3})"
    r"|\s?[×xX·*]\s?10(?:\^(?P<caret>[-+\u2212]?[0-9]{1,3})|(?P<inline>[-+\u2212][0-9]{1,3})"
    r"|(?P<sup>[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})))(?![0-9])"
)
_FRACTION = re.compile(r"(?:(?P<whole>[0-9]+)(?:\s|-))?(?P<num>[0-9]+)/(?P<den>[0-9]+)(?![0-9/])")
_IN_RATIO = re.compile(
    r"(?P<num>[0-9]+)\s+(?:in|out\s+of)(?:\s+every)?\s+(?P<den>[0-9]{1,3}(?:,[0-9]{3})*)"
    r"(?![0-9,./])"
    r"|(?P<num_vi>[0-9]{1,2})\s+(?i:trong)(?:\s+(?i:số))?\s+(?P<den_vi>[0-9]{1,3}(?:\.[0-9]{3})*)"
    r"(?![0-9,./])"
)
"""``1 in 5``, ``1 in 10,000``, ``1 in every 5``, ``3 out of 10``, ``1 trong 5``, ``1 trong
số 10.000``: a share written as so many in so many (an exact fraction)."""
EVERY_SO_MANY = re.compile(
    r"(?i:cứ)\s+(?P<den>[0-9]{1,3}(?:\.[0-9]{3})*)\s+(?P<noun>(?:[^\W\d_]+\s+){1,4}?)"
    r"(?:(?i:thì|lại)\s+)?(?i:có)\s+(?P<num>[0-9]{1,3}(?:\.[0-9]{3})*)(?![0-9]|[.,][0-9])"
)
"""``cứ 5 người thì có 1``, ``cứ 10 doanh nghiệp lại có 3``: Vietnamese for one in so many
(an exact fraction; the counted noun, up to four words, stands between the numbers)."""
_VULGAR = {"½": (1, 2), "¼": (1, 4), "¾": (3, 4), "⅓": (1, 3), "⅔": (2, 3), "⅛": (1, 8)}
_VULGAR_RE = re.compile(rf"(?P<whole>[0-9]+)?\s?(?P<frac>[{''.join(_VULGAR)}])")


@lru_cache(maxsize=4)
def _unit_table(position: str) -> tuple[tuple[tuple[str, str, bool], ...], dict[str, str]]:
    """The unit tokens at ``position``, longest first, as (token, casefolded, ends with a
    letter), and casefolded token → unit."""
    rows = [t for t in unit_tokens() if t.position == position]
    words = tuple((t.token, t.token.casefold(), t.token[-1].isalpha()) for t in rows)
    return words, {t.token.casefold(): t.unit for t in rows}


def _take_word(
    rest: str, words: tuple[tuple[str, str, bool], ...], *, glued: bool = False
) -> tuple[str | None, str]:
    """:func:`_take_prefix` over a prepared table (token, casefolded, ends with a letter)."""
    if not rest:
        return None, rest
    low = rest[:40].casefold()
    for word, folded, alpha in words:
        if low.startswith(folded):
            n = len(folded)
            if len(low) == n or not alpha or not low[n].isalpha() or (glued and low[n].isdigit()):
                return folded, rest[len(word) :].lstrip()
    return None, rest


def _read_amount(rest: str, locale: str, text: str) -> tuple[_Amount, str]:
    """``[currency] [sign] digits [× 10^n] [scale] [unit]`` at the start of ``rest``."""
    sign = 1
    if rest[:1] in "-\u2212+" and rest[1:2].isdigit():
        sign, rest = (-1 if rest[0] != "+" else 1), rest[1:]
    unit: str | None = None
    prefix_words, prefix_units = _unit_table("prefix")
    token, rest = _take_word(rest, prefix_words, glued=True)
    if token is not None:
        unit = prefix_units[token]
    if rest[:1] in "-\u2212" and rest[1:2].isdigit() and sign == 1:
        sign, rest = -1, rest[1:]
    number, decimals, exact, rest = _read_core(rest, locale, text)
    exponent, has_scale = 0, False
    scientific = _SCIENTIFIC.match(rest) if not exact else None
    if scientific is not None:
        power = next(g for g in scientific.groups() if g is not None)
        exponent = int(power.translate(_SUPERSCRIPT).replace("\u2212", "-"))
        rest = rest[scientific.end() :]
    glued = bool(rest) and not rest[0].isspace()
    token = None
    if glued:  # a unit that is one only right after the digits: 45p, 40.5C, 3.2pc
        glued_words, glued_units = _unit_table("glued")
        token, rest = _take_word(rest, glued_words)
        if token is not None:
            unit = _one_unit(unit, glued_units[token], text)
    if token is None:
        rest = rest.lstrip()
        scale = _take_scale(rest, locale, glued=glued, currency=unit is not None)
        if scale is not None:
            word, power = scale
            exponent, has_scale, rest = exponent + power, True, rest[len(word) :].lstrip()
            if not exact and scientific is None:
                number, decimals, rest = _compound(number, decimals, power, rest, locale)
        suffix_words, suffix_units = _unit_table("suffix")
        token, rest = _take_word(rest, suffix_words)
        if token is not None:
            unit = _one_unit(unit, suffix_units[token], text)
    if unit is not None and unit not in RATE_UNITS and rest:
        unit, rest = _per(unit, rest)
    amount = _Amount(number * sign, decimals, exponent, unit, sign, exact, has_scale)
    return (replace(amount, suffixed=True) if token is not None else amount), rest


_COMPOUND_PART = re.compile(r"([0-9]{1,3})\s")


def _compound(
    number: Decimal, decimals: int, power: int, rest: str, locale: str
) -> tuple[Decimal, int, str]:
    """``2 triệu 500 nghìn``, ``1 tỷ 200 triệu``: smaller scale words adding to the first
    (Vietnamese prices and counts), each part at most three digits under a smaller scale.
    The number stays in units of the first scale; its precision is the last part's."""
    last = power
    while True:
        part = _COMPOUND_PART.match(rest)
        if part is None:
            return number, decimals, rest
        after = rest[part.end() :].lstrip()
        scale = _take_scale(after, locale, glued=False, currency=False)
        if scale is None or scale[1] >= last or not scale[0][-1:].isalpha():
            return number, decimals, rest
        if int(part.group(1)) * 10 ** scale[1] >= 10**last:
            return number, decimals, rest  # "2 vạn 50 nghìn": 50 nghìn is not under a vạn
        with localcontext(_CONTEXT):
            number += Decimal(part.group(1)).scaleb(scale[1] - power)
        decimals, last = max(decimals, power - scale[1]), scale[1]
        rest = after[len(scale[0]) :].lstrip()


def _one_unit(before: str | None, after: str, text: str) -> str:
    if before is not None and before != after:
        raise NumberParseError(text, f"two units: {before} and {after}")
    return after


def _per(unit: str, rest: str) -> tuple[str, str]:
    """``đ/kg``, ``$5.99/month``, ``USD/thùng``, ``€1,200 per capita``: a unit per another
    one (``VND/kilogram``). The second unit is a unit token or a ``per`` word (``tháng``,
    ``year``, ``người``, ``capita``)."""
    if rest[:1] == "/" and not rest[1:2].isspace():
        after_sign = rest[1:]
    elif rest[:4].casefold() == "per " and not rest[4:5].isspace():
        after_sign = rest[4:]
    else:
        return unit, rest
    for position in ("per", "suffix"):
        words, units = _unit_table(position)
        token, after = _take_word(after_sign, words)
        if token is not None:
            return f"{unit}/{units[token]}", after
    return unit, rest


def _read_core(rest: str, locale: str, text: str) -> tuple[Decimal, int, bool, str]:
    """The digits: a fraction (``1/4``, ``2 1/2``, ``2½``, ``1 in 5``, ``two-thirds``,
    ``hai phần ba``), a number in words before its scale word (``two million``, ``nửa
    triệu``) or a number in the locale."""
    amount = scale_amount(rest, 0, locale)
    if amount is not None:  # two million, half a million, ba tỷ: the scale word follows
        return amount.number, amount.decimals, False, rest[amount.scale_start :]
    words = read_fraction_words(rest, 0, locale)
    if words is not None:
        return _fraction(0, words.numerator, words.denominator, text), 0, True, rest[words.end :]
    vulgar = _VULGAR_RE.match(rest)
    if vulgar is not None:
        top, bottom = _VULGAR[vulgar.group("frac")]
        whole = int(vulgar.group("whole") or 0)
        return _fraction(whole, top, bottom, text), 0, True, rest[vulgar.end() :]
    every = EVERY_SO_MANY.match(rest) if locale == "vi" else None
    if every is not None:
        top, bottom = (int(every.group(g).replace(".", "")) for g in ("num", "den"))
        if bottom == 0 or top > bottom:
            raise NumberParseError(text, "a share of more than the whole, or of none")
        return _fraction(0, top, bottom, text), 0, True, rest[every.end() :]
    ratio = _IN_RATIO.match(rest)
    if ratio is not None:
        english = ratio.group("num") is not None
        top = int(ratio.group("num") if english else ratio.group("num_vi"))
        bottom = int(
            (ratio.group("den") or ratio.group("den_vi")).replace(",", "").replace(".", "")
        )
        if bottom == 0:
            raise NumberParseError(text, "one in zero is no share")
        return _fraction(0, top, bottom, text), 0, True, rest[ratio.end() :]
    fraction = _FRACTION.match(rest)
    if fraction is not None:
        whole = int(fraction.group("whole") or 0)
        top, bottom = int(fraction.group("num")), int(fraction.group("den"))
        if bottom == 0 or len(fraction.group(0)) > 24:
            raise NumberParseError(text, "a fraction with a zero or huge denominator")
        return _fraction(whole, top, bottom, text), 0, True, rest[fraction.end() :]
    match = _DIGITS.match(rest)
    if match is None:
        raise NumberParseError(text, "no digits where a number was expected")
    number, decimals = _read_digits(match.group(0), locale, text)
    return number, decimals, False, rest[match.end() :]


def _fraction(whole: int, top: int, bottom: int, text: str) -> Decimal:
    with localcontext(_CONTEXT):
        return Decimal(whole) + Decimal(top) / Decimal(bottom)


@lru_cache(maxsize=4)
def _scales(locale: str) -> tuple[ScaleWord, ...]:
    return tuple(s for s in scale_words() if s.language == locale)


def _take_scale(rest: str, locale: str, *, glued: bool, currency: bool) -> tuple[str, int] | None:
    if not rest or rest[0].isdigit():
        return None
    low = rest[:24].casefold()
    for scale in _scales(locale):
        if scale.form == "word":
            folded = scale.word.casefold()
            n = len(folded)
            if low.startswith(folded) and (len(low) == n or not low[n].isalpha()):
                return rest[: len(scale.word)], scale.exponent
            continue
        if scale.form == "after_currency" and not (currency and glued):
            continue
        if len(scale.word) == 1 and not glued:
            continue
        if (
            rest.startswith(scale.word)
            and not rest[len(scale.word) : len(scale.word) + 1].isalnum()
        ):
            return scale.word, scale.exponent
    return None


def _share(first: _Amount, second: _Amount, text: str) -> tuple[_Amount, _Amount]:
    """A range prints its scale and unit once: ``8.000-10.000 tỷ đồng``, ``$3-4 billion``."""
    if not first.has_scale and second.has_scale:
        first = _Amount(
            first.number,
            first.decimals,
            first.exponent + second.exponent,
            first.unit,
            first.sign,
            first.exact,
            True,
        )
    unit = first.unit or second.unit
    if first.unit and second.unit and first.unit != second.unit:
        raise NumberParseError(text, f"the two ends are in {first.unit} and {second.unit}")
    first = _Amount(
        first.number, first.decimals, first.exponent, unit, first.sign, first.exact, first.has_scale
    )
    second = _Amount(
        second.number,
        second.decimals,
        second.exponent,
        unit,
        second.sign,
        second.exact,
        second.has_scale,
    )
    return first, second


def _word_multiplier(text: str, head: _Head, locale: str) -> ParsedNumber:
    ratio = head.ratio_word if head.ratio_word is not None else 1.0
    point = Interval(ratio, ratio)
    return ParsedNumber(
        text=text,
        value=ratio,
        printed=point,
        interval=widen(point, head.qualifier, ratio),
        qualifier=head.qualifier,
        unit="times",
        exponent=0,
        decimals=0,
        locale=locale,
        kind="multiplier",
        change=head.direction,
    )


def _bounds(amount: _Amount, text: str) -> tuple[Decimal, Decimal, Decimal]:
    """Value and printed bounds of one end, exact decimals."""
    with localcontext(_CONTEXT):
        scale = Decimal(10) ** amount.exponent
        value = amount.number * scale
        if amount.exact:
            return value, value, value
        half = Decimal(5) * Decimal(10) ** (-amount.decimals - 1)
        return value, (amount.number - half) * scale, (amount.number + half) * scale


def _build(
    text: str,
    first: _Amount,
    second: _Amount | None,
    sign: int,
    head: _Head,
    locale: str,
) -> ParsedNumber:
    value, lo, hi = _bounds(first, text)
    low = high = None
    if second is not None:
        value2, _, hi2 = _bounds(second, text)
        if value2 < value:
            raise NumberParseError(text, "the first end of the range is above the second")
        with localcontext(_CONTEXT):
            low, high = value, value2
            value, hi = (value + value2) / 2, hi2
    multiplier = head.multiplier or first.unit == "times"
    if multiplier and head.direction == "decrease" and value > 0 and lo > 0:
        with localcontext(_CONTEXT):  # "giảm 3 lần": divided by three
            value, lo, hi = 1 / value, 1 / hi, 1 / lo
            sign = 1
    if sign < 0:
        with localcontext(_CONTEXT):
            value, lo, hi = -value, -hi, -lo
            if low is not None and high is not None:
                low, high = -high, -low
    unit = first.unit
    if head.multiplier and unit is None:
        unit = "times"
    if head.direction and first.exact and second is None and unit is None and not multiplier:
        with localcontext(_CONTEXT):  # rose by a third, giảm 1/3: a change of 33.3%
            value, lo, hi, unit = value * 100, lo * 100, hi * 100, "percent"
    try:
        as_float = float(value)
        printed = Interval(float(lo), float(hi))
        ends = (float(low), float(high)) if low is not None and high is not None else None
    except (OverflowError, ValueError) as exc:
        raise NumberParseError(text, f"out of range: {exc}") from None
    if not all(map(_finite, (as_float, printed.lo, printed.hi))):
        raise NumberParseError(text, "out of the range of a double")
    qualifier = head.qualifier
    if second is not None and qualifier == "exact":
        qualifier = "range"
    if second is not None:
        kind = "range"
    elif head.multiplier or unit == "times":
        kind = "multiplier"
    elif head.direction:
        kind = "change"
    elif first.exact:
        kind = "fraction"
    else:
        kind = "number"
    return ParsedNumber(
        text=text,
        value=as_float,
        printed=printed,
        interval=widen(printed, qualifier, as_float, first.decimals),
        qualifier=qualifier,
        unit=unit,
        exponent=first.exponent,
        decimals=first.decimals,
        locale=locale,
        kind=kind,
        change=head.direction,
        ends=ends,
    )


def _finite(x: float) -> bool:
    return x == x and x not in (float("inf"), float("-inf"))
