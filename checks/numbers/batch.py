"""Parse a whole column of printed numbers at once, with the results of :func:`parse_number`.

A ledger of a million claims holds a few hundred thousand distinct ``as_written``
strings; parsing each one through babel costs tens of microseconds. They differ mostly in
their digits, not in their words: ``gần 16.000`` and ``gần 17.500`` share the *shape*
``gần 1``. So each distinct string is split into its first run of digits and the text
around it; every distinct shape (a few hundred) goes through :func:`parse_number` once,
which fixes the hedge, the unit and the scale word; the digits are read column-wise.

Digits are read column-wise only in the plain forms that babel's strict parser is known
to accept with their obvious value (``16.000``, ``1.234,5``, ``79,1`` in Vietnamese;
``16,000``, ``1,234.5`` in English; at most 14 digits, no leading zero, no signed zero);
anything else, any other locale, and every shape that does not parse go through
:func:`parse_number` whole, so the results (values, printed intervals, error reasons) are
those of :func:`parse_number` for every string. ``tests/test_fast_paths.py`` checks this
against :func:`parse_number` on generated strings.

>>> frame = parse_numbers(pd.Series(["gần 16.000", "1.234,5 triệu", "12..5"]),
...                       pd.Series(["vi", "vi", "vi"]))
>>> frame["value"].tolist()[:2], frame["qualifier"].tolist()[:2], frame["error"].tolist()[2]
([16000.0, 1234500000.0], ['nearly', 'exact'], "unexpected text '..5' after the number")
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checks.numbers.hedges import hedge_before
from checks.numbers.parse import LOCALES, NumberParseError, parse_number
from checks.numbers.qualifiers import DECIMAL_STEPS, KEEP_PRINTED, MAX_EXACT_MANTISSA, ROUND_STEPS
from checks.numbers.tables import qualifier_phrases, qualifier_widths, unit_tokens

COLUMNS = (
    "value",
    "printed_lo",
    "printed_hi",
    "lo",
    "hi",
    "qualifier",
    "unit",
    "exponent",
    "decimals",
    "error",
)
_MINUS = "\u2212"
# Python's \s (str.isspace) plus the two spaces parse.py adds, spelled out for RE2.
_SPACE = "[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+"
_NOT_SINGLE_SPACE = _SPACE[:-2].replace(" ", "") + "]|  "
# Characters whose NFC behaviour has not changed since Unicode 3 (ASCII, Latin, the
# Vietnamese letters, combining diacritics, spaces): NFC in pyarrow and in Python agree.
_STABLE = (
    "^[\t-\r\x1c-\x7e\x85\xa0-\u024f\u0300-\u036f\u1e00-\u1eff"
    "\u2000-\u200a\u2028\u2029\u202f\u205f\u2212\u3000]*$"
)
_SPLIT = f"^(?P<pre>[^0-9]*?)(?P<num>[-{_MINUS}]?[0-9]+(?:[.,][0-9]+)*)(?P<post>.*)$"
_PLAIN = {
    "vi": f"[-{_MINUS}]?(?:[1-9][0-9]{{0,2}}(?:\\.[0-9]{{3}})+|0|[1-9][0-9]*)(?:,[0-9]+)?",
    "en": f"[-{_MINUS}]?(?:[1-9][0-9]{{0,2}}(?:,[0-9]{{3}})+|0|[1-9][0-9]*)(?:\\.[0-9]+)?",
}
_DECIMAL_MARK = {"vi": ",", "en": "."}
_DIGIT = re.compile("[0-9]")
_MAX_FAST_DIGITS = 14  # 10·M + 5 stays below 2**53: exact in a double


@cache
def _words_are_digit_free() -> bool:
    """The shape trick needs the words that stand before the digits (hedges, currency
    signs and codes) free of digits: the first run of digits must be the number's. A word
    after the number may hold digits (``km2``): such a row has digits after its number and
    is parsed whole (see :func:`_fast_rows`)."""
    words = [p.phrase for p in qualifier_phrases()]
    words += [t.token for t in unit_tokens() if t.position == "prefix"]
    return not any(ch.isdigit() for word in words for ch in word)


def parse_numbers(texts: pd.Series, locales: pd.Series) -> pd.DataFrame:
    """Parse each ``texts[i]`` in ``locales[i]`` (``vi``, ``en``, anything else: ``auto``).

    Returns a frame with the index of ``texts`` and the columns ``value``, ``printed_lo``,
    ``printed_hi`` (the printed precision), ``lo``, ``hi`` (widened by the qualifier),
    ``qualifier``, ``unit`` (``""`` when none), ``exponent``, ``decimals`` and ``error``
    (the :class:`NumberParseError` reason, ``""`` when the text parsed; the numeric
    columns are then NaN).
    """
    text = texts.astype("str").reset_index(drop=True)
    locale = locales.astype("str").reset_index(drop=True)
    locale = locale.where(locale.isin(LOCALES), "auto")
    if len(text) == 0:
        return _empty(texts.index)
    codes = _pair_codes(text, locale)
    first = _first_positions(codes)
    unique_text = text.take(first).reset_index(drop=True)
    unique_locale = locale.take(first).reset_index(drop=True)
    result = _parse_unique(unique_text, unique_locale)
    out = result.take(codes).reset_index(drop=True)
    out.index = texts.index
    return out


def _pair_codes(left: Any, right: Any) -> np.ndarray:
    """One code per distinct (left, right) pair, numbered in order of first appearance."""
    left_codes, _ = pd.factorize(left)
    right_codes, right_uniques = pd.factorize(right)
    combined = left_codes.astype(np.int64) * max(len(right_uniques), 1) + right_codes
    codes, _ = pd.factorize(combined)
    return np.asarray(codes)


def _first_positions(codes: np.ndarray) -> np.ndarray:
    """Where each code first occurs, for codes numbered in order of first appearance."""
    seen_before = np.maximum.accumulate(np.concatenate(([-1], codes[:-1])))
    return np.flatnonzero(codes > seen_before)


def _empty(index: pd.Index) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            name: pd.Series(
                dtype=object if name in ("qualifier", "unit", "error") else "float64",
            )
            for name in COLUMNS
        }
    )
    frame.index = index
    return frame


@dataclass
class _Columns:
    """The result columns for the distinct strings, filled in place."""

    value: np.ndarray
    printed_lo: np.ndarray
    printed_hi: np.ndarray
    exponent: np.ndarray
    decimals: np.ndarray
    qualifier: np.ndarray
    unit: np.ndarray
    error: np.ndarray

    @classmethod
    def empty(cls, n: int) -> _Columns:
        return cls(
            np.full(n, np.nan),
            np.full(n, np.nan),
            np.full(n, np.nan),
            np.zeros(n, dtype=np.int64),
            np.zeros(n, dtype=np.int64),
            np.full(n, "", dtype=object),
            np.full(n, "", dtype=object),
            np.full(n, "", dtype=object),
        )

    def frame(self) -> pd.DataFrame:
        lo, hi = widen_columns(
            self.printed_lo, self.printed_hi, self.value, self.qualifier, self.decimals
        )
        return pd.DataFrame(
            {
                "value": self.value,
                "printed_lo": self.printed_lo,
                "printed_hi": self.printed_hi,
                "lo": lo,
                "hi": hi,
                "qualifier": pd.Series(self.qualifier, dtype="str"),
                "unit": pd.Series(self.unit, dtype="str"),
                "exponent": self.exponent,
                "decimals": self.decimals,
                "error": pd.Series(self.error, dtype="str"),
            }
        )


def _parse_unique(text: pd.Series, locale: pd.Series) -> pd.DataFrame:
    out = _Columns.empty(len(text))
    done = _fast_rows(text, locale, out) if _words_are_digit_free() else np.zeros(0, dtype=bool)
    slow = np.flatnonzero(~done) if len(done) else np.arange(len(text))
    for i in slow:
        try:
            parsed = parse_number(str(text.iloc[i]), locale=str(locale.iloc[i]))
        except NumberParseError as exc:
            out.error[i] = exc.reason
            continue
        out.value[i] = parsed.value
        out.printed_lo[i], out.printed_hi[i] = parsed.printed.lo, parsed.printed.hi
        out.qualifier[i], out.unit[i] = parsed.qualifier, parsed.unit or ""
        out.exponent[i], out.decimals[i] = parsed.exponent, parsed.decimals
    return out.frame()


@lru_cache(maxsize=1 << 14)
def _shape(shape: str, locale: str) -> tuple[str, str, int] | None:
    """Qualifier, unit and scale exponent of a shape such as ``gần 1 tỷ đồng``.

    Cached: the citation check parses its claims in parts, and the parts share shapes.
    """
    try:
        parsed = parse_number(shape, locale=locale)
        # A second digit: a word that changes the digits' value is seen on either (a sign
        # makes 1 into -1; a decrease of a multiplier makes 1 into 1 but 2 into 0.5).
        two = parse_number(_DIGIT.sub("2", shape, count=1), locale=locale)
    except NumberParseError:
        return None
    if parsed.kind == "fraction" or parsed.value != 10.0**parsed.exponent:
        return None  # a sign, a fraction or a word that changes the digits' value
    if two.value != 2 * 10.0**parsed.exponent:
        return None
    return parsed.qualifier, parsed.unit or "", parsed.exponent


def _fast_rows(text: pd.Series, locale: pd.Series, out: _Columns) -> np.ndarray:
    """Fill the rows whose digits are plain and whose shape parses; return which ones.

    The value is ``M·10^k`` and the printed bounds ``(10M ∓ 5)·10^(k-1)`` with ``M`` the
    digits as an integer and ``k`` = exponent − decimals: one multiplication or division
    of two exactly representable doubles each, so the result is the correctly rounded
    double of the exact decimal, as :func:`parse_number` computes it.
    """
    raw = pa.array(text, type=pa.large_string()).cast(pa.string())
    loc = locale.to_numpy(dtype=object)
    # Only letters whose NFC form has been stable since Unicode 3: Latin, Vietnamese,
    # combining diacritics, spaces; anything else is parsed whole.
    fast = _bool(pc.match_substring_regex(raw, _STABLE))
    fast &= np.isin(loc, list(_PLAIN))
    # _normalise: NFC, runs of whitespace to one space, stripped
    normal = pc.utf8_normalize(raw, form="NFC")
    if pc.any(pc.match_substring_regex(normal, _NOT_SINGLE_SPACE)).as_py():
        normal = pc.replace_substring_regex(normal, pattern=_SPACE, replacement=" ")
    normal = pc.utf8_trim(normal, " ")
    parts = pc.extract_regex(normal, _SPLIT)
    fast &= _bool(pc.is_valid(parts))
    prefix = pc.fill_null(pc.struct_field(parts, "pre"), "")
    digits = pc.fill_null(pc.struct_field(parts, "num"), "")
    suffix = pc.fill_null(pc.struct_field(parts, "post"), "")
    fast &= ~_bool(pc.match_substring_regex(suffix, "[0-9]"))  # ranges, fractions, 10^n
    for name, pattern in _PLAIN.items():
        fast &= (loc != name) | _bool(pc.match_substring_regex(digits, f"^(?:{pattern})$"))
    negative = _bool(pc.starts_with(digits, "-")) | _bool(pc.starts_with(digits, _MINUS))
    bare = pc.replace_substring_regex(digits, pattern=f"[-{_MINUS}.,]", replacement="")
    length = pc.utf8_length(bare).to_numpy(zero_copy_only=False)
    fast &= length <= _MAX_FAST_DIGITS
    zero = _bool(pc.match_substring_regex(bare, "^0*$"))
    fast &= ~(negative & zero)
    rows = np.flatnonzero(fast)
    if len(rows) == 0:
        return fast
    take = pa.array(rows)
    shapes = pc.binary_join_element_wise(
        pc.take(prefix, take), pc.take(suffix, take), pa.scalar("1")
    ).to_numpy(zero_copy_only=False)
    row_locale = loc[rows]
    codes = _pair_codes(shapes, row_locale)
    first = _first_positions(codes)
    found = [_shape(shapes[i], row_locale[i]) for i in first]
    ok_shape = np.array([f is not None for f in found], dtype=bool)[codes]
    known = [f if f is not None else ("", "", 0) for f in found]
    qualifier = np.array([k[0] for k in known], dtype=object)[codes]
    unit = np.array([k[1] for k in known], dtype=object)[codes]
    exponent = np.array([k[2] for k in known], dtype=np.int64)[codes]
    fast[rows[~ok_shape]] = False
    rows, qualifier, unit, exponent = (
        rows[ok_shape],
        qualifier[ok_shape],
        unit[ok_shape],
        exponent[ok_shape],
    )
    if len(rows) == 0:
        return fast
    take = pa.array(rows)
    body = pc.take(digits, take)
    decimals = np.zeros(len(rows), dtype=np.int64)
    for name, mark in _DECIMAL_MARK.items():
        mine = loc[rows] == name
        tail = pc.extract_regex(body, f"[{re.escape(mark)}](?P<frac>[0-9]+)$")
        count = pc.utf8_length(pc.struct_field(tail, "frac"))
        count = pc.fill_null(count, 0).to_numpy(zero_copy_only=False)
        decimals = np.where(mine, count, decimals)
    mantissa = pc.cast(pc.take(bare, take), pa.int64()).to_numpy(zero_copy_only=False)
    mantissa = np.where(negative[rows], -mantissa, mantissa)
    k = exponent - decimals
    out.value[rows] = _scaled(mantissa, k)
    out.printed_lo[rows] = _scaled(10 * mantissa - 5, k - 1)
    out.printed_hi[rows] = _scaled(10 * mantissa + 5, k - 1)
    out.exponent[rows], out.decimals[rows] = exponent, decimals
    out.qualifier[rows], out.unit[rows] = qualifier, unit
    return fast


def _bool(array: pa.Array) -> np.ndarray:
    return np.asarray(pc.fill_null(array, False).to_numpy(zero_copy_only=False), dtype=bool)


def _scaled(integer: np.ndarray, power: np.ndarray) -> np.ndarray:
    """``integer · 10^power`` rounded once (|integer| < 2^53, |power| <= 22)."""
    number = integer.astype(np.float64)
    up = 10.0 ** np.maximum(power, 0)
    down = 10.0 ** np.maximum(-power, 0)
    scaled: np.ndarray = np.where(power >= 0, number * up, number / down)
    return scaled


def widen_columns(
    printed_lo: np.ndarray,
    printed_hi: np.ndarray,
    value: np.ndarray,
    qualifier: np.ndarray,
    decimals: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """:func:`checks.numbers.qualifiers.widen` on columns (same float operations)."""
    lo, hi = printed_lo.copy(), printed_hi.copy()
    places = np.zeros(len(value), dtype=np.int64) if decimals is None else decimals
    for name, width in qualifier_widths().items():
        if name in KEEP_PRINTED:
            continue
        rows = qualifier == name
        if not rows.any():
            continue
        v, plo, phi = value[rows], printed_lo[rows], printed_hi[rows]
        unit = phi - plo
        steps = DECIMAL_STEPS if name == "exact" else ROUND_STEPS
        step = np.maximum(unit, granularity_columns(v, unit, places[rows], steps))
        magnitude = np.abs(v)
        negative = v < 0  # mirrored: a hedge speaks of the magnitude (see widen)
        down = np.where(negative, width.upper_steps, width.lower_steps)
        up = np.where(negative, width.lower_steps, width.upper_steps)
        down_cap = np.where(negative, width.upper_cap, width.lower_cap)
        up_cap = np.where(negative, width.lower_cap, width.upper_cap)
        low = v - np.minimum(down_cap * magnitude, down * step)
        high = v + np.minimum(up_cap * magnitude, up * step)
        if width.lower_steps > 0 and width.upper_steps > 0:
            low, high = np.minimum(low, plo), np.maximum(high, phi)
        if name == "exact":
            coarse = step > unit
            low, high = np.where(coarse, low, plo), np.where(coarse, high, phi)
        lo[rows], hi[rows] = low, high
    return lo, hi


def granularity_columns(
    value: np.ndarray,
    unit: np.ndarray,
    decimals: np.ndarray,
    steps: tuple[float, ...] = ROUND_STEPS,
) -> np.ndarray:
    """:func:`checks.numbers.qualifiers.granularity` on columns."""
    with np.errstate(invalid="ignore", divide="ignore"):
        digits = np.rint(np.abs(value) / unit)
        eligible = (decimals <= 0) & (unit > 0) & np.isfinite(value)
        eligible &= np.isfinite(digits) & (digits < MAX_EXACT_MANTISSA)
        best = np.ones(len(value))
        for step in steps:
            divides = eligible & (step <= digits) & (np.fmod(digits, step) == 0.0)
            best = np.where(divides, step, best)
    result: np.ndarray = np.where(eligible, best * unit, unit)
    return result


@cache
def _hedge_filter() -> tuple[str, str]:
    """Two RE2 patterns that together flag every head :func:`hedge_before` could match.

    ``ends``: the lower-cased head ends with a hedge phrase (then trailing spaces);
    ``unsafe``: the head holds a character for which lower-casing in pyarrow may differ
    from Python's ``casefold`` or that NFC may change or compose. A head that matches
    neither has no hedge phrase at its end, so :func:`hedge_before` returns None for it.
    """
    safe = []
    for code in (*range(0x20, 0x7F), *range(0xA0, 0x250), *range(0x1E00, 0x1F00)):
        ch = chr(code)
        if (
            len(ch.lower()) == 1
            and ch.casefold() == ch.lower()
            and unicodedata.normalize("NFC", ch) == ch
            and unicodedata.combining(ch) == 0
            and not unicodedata.decomposition(ch).startswith("<")
        ):
            safe.append(ch)
    lowered = pc.utf8_lower(pa.array(safe)).to_pylist()
    safe = [ch for ch, low in zip(safe, lowered, strict=True) if low == ch.lower()]
    composing = _composing_starters()
    safe_class = "".join(f"\\x{{{ord(ch):x}}}" for ch in safe if ch not in composing)
    phrases = sorted({p.phrase.casefold() for p in qualifier_phrases()}, key=len, reverse=True)
    ends = "(?:" + "|".join(re.escape(p) for p in phrases) + ")" + _SPACE[:-1] + "*$"
    return ends, f"[^{safe_class}]"


# No code point above the CJK Compatibility Ideographs Supplement has a decomposition.
_LAST_DECOMPOSABLE = 0x2FA1D


def _composing_starters() -> frozenset[str]:
    """Starters that NFC composes with the character before them (Indic vowel signs)."""
    return frozenset(
        chr(int(part, 16))
        for code in range(_LAST_DECOMPOSABLE + 1)
        if (decomposition := unicodedata.decomposition(chr(code)))
        and not decomposition.startswith("<")
        and len(parts := decomposition.split()) == 2
        for part in parts[1:]
        if unicodedata.combining(chr(int(part, 16))) == 0
    )


def hedges_before(
    quotes: list[str], positions: list[int], languages: list[str | None]
) -> list[tuple[str, str] | None]:
    """:func:`hedge_before` for many (quote, position, language) at once.

    Heads that cannot end with a hedge phrase are ruled out column-wise; the rest go
    through :func:`hedge_before` itself.

    >>> hedges_before(["gây thiệt hại khoảng 8.000 tỷ USD", "đạt 5"], [20, 4], ["vi", "vi"])
    [('khoảng', 'approx'), None]
    """
    heads = [quote[:position] for quote, position in zip(quotes, positions, strict=True)]
    if not heads:
        return []
    ends, unsafe = _hedge_filter()
    array = pa.array(heads, type=pa.string())
    maybe = _bool(pc.match_substring_regex(pc.utf8_lower(array), ends))
    maybe |= _bool(pc.match_substring_regex(array, unsafe))
    out: list[tuple[str, str] | None] = [None] * len(heads)
    for i in np.flatnonzero(maybe):
        out[i] = hedge_before(quotes[i], positions[i], languages[i])
    return out
