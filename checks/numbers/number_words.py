"""Numbers written in words: fractions (``two-thirds``, ``a quarter``, ``half``; ``hai
phần ba``, ``một nửa``) and counts or halves of a scale word (``two million``, ``half a
billion``; ``ba tỷ``, ``nửa triệu``).

A share printed in words is an exact fraction, as ``2/3`` is; ``two million`` is read as
``2 million`` is. The words are data (``checks/data/number_words.csv``): the counting
words (``two``, ``hai``; in English also ``eleven`` … ``nineteen`` and the tens, which
take a unit: ``twenty-five``), the parts they count (``thirds``; in Vietnamese the count
after ``phần``: ``hai phần ba``, or ``tư``), the words that are a fraction alone
(``half``, ``một nửa``), the halves before a scale word (``half a``, ``nửa``), and the
Vietnamese words after which a count is part of a longer number (``hai mươi``, ``một
trăm``: not read). The parser reads such a phrase wherever a number may stand; whether a
phrase in running text is a number (``a third of users``, not ``a third time``) is the
scanner's question.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import NamedTuple

from checks.numbers.tables import number_words, scale_words


class WordFraction(NamedTuple):
    """A fraction phrase found at a position: its value and where it ends."""

    numerator: int
    denominator: int
    end: int
    hyphenated: bool  # ``two-thirds``: a fraction whatever follows it


@cache
def _words(language: str, *roles: str) -> dict[str, int]:
    """The words of ``roles`` in ``language``, lower case, with their values (shared: not
    to be changed)."""
    return {
        w.word.casefold(): w.value or 0
        for w in number_words()
        if w.language == language and w.role in roles
    }


def _alternation(words: dict[str, int]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_ARTICLES = frozenset({"a", "an"})
"""Counting words that count one only before a part (``a third``): ``a in five`` is no share."""
_RATIO_DIGITS = r"[0-9]{1,3}(?:,[0-9]{3})*(?![0-9]|[.,][0-9])"
"""The second number of ``one in 10``, ``one in 10,000`` (as ``1 in 10,000`` is read)."""


@cache
def _pattern(language: str) -> re.Pattern[str] | None:
    counts, parts = _words(language, "count"), _words(language, "part")
    alone, joiners = _words(language, "alone"), _words(language, "joiner")
    if not counts and not alone:
        return None
    options = []
    if joiners:  # hai phần ba, ba phần tư
        options.append(
            rf"(?P<top>{_alternation(counts)})\s+(?:{_alternation(joiners)})\s+"
            rf"(?P<bottom>{_alternation({**counts, **parts})})"
        )
    elif parts:  # two thirds, two-thirds, a quarter
        options.append(
            rf"(?P<top>{_alternation(counts)})(?P<sep>\s+|[-\u2010\u2011])"
            rf"(?P<bottom>{_alternation(parts)})"
        )
    if alone:  # half, một nửa
        options.append(rf"(?P<alone>{_alternation(alone)})")
    ratio = _words(language, "ratio_joiner")
    if ratio:  # one in five, one in every 10, three out of ten
        bottoms = _words(language, "count", "teen", "tens")
        tops = {w: v for w, v in counts.items() if w not in _ARTICLES}
        tens = _alternation(_words(language, "tens"))
        options.insert(
            0,
            rf"(?P<r_top>{_alternation(tops)})\s+(?:{_alternation(ratio)})\s+(?P<r_bottom>"
            rf"(?:{tens})[-\u2010\u2011](?:{_alternation(tops)})|{_RATIO_DIGITS}"
            rf"|(?:{_alternation(bottoms)})(?![-\u2010\u2011]|\s+(?:{_alternation(tops)})\b))",
        )
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(options)})(?![^\W_])", re.IGNORECASE)


def _ratio_bottom(printed: str, language: str) -> int:
    """The second number of a ratio in words: digits, a word, or tens and a unit."""
    if printed[0].isdigit():
        return int(printed.replace(",", ""))
    words = _words(language, "count", "teen", "tens")
    parts = re.split(r"[-\u2010\u2011]", printed.casefold())
    return sum(words[part] for part in parts)


def read_fraction_words(text: str, at: int, language: str) -> WordFraction | None:
    """The fraction phrase of ``language`` that starts at ``at`` in ``text``, if any.

    >>> read_fraction_words("two-thirds of users", 0, "en")
    WordFraction(numerator=2, denominator=3, end=10, hyphenated=True)
    >>> read_fraction_words("gần hai phần ba số người", 4, "vi")[:3]
    (2, 3, 15)
    >>> read_fraction_words("a third time", 0, "fr") is None
    True
    """
    pattern = _pattern(language)
    match = pattern.match(text, at) if pattern is not None else None
    if match is None:
        return None
    if match.groupdict().get("r_top"):  # one in five: a share whatever follows it
        top = _words(language, "count")[match.group("r_top").casefold()]
        printed = match.group("r_bottom")
        bottom = _ratio_bottom(printed, language)
        if bottom == 0 or top > bottom:
            return None
        return WordFraction(top, bottom, match.end(), hyphenated=True)
    if match.group("alone"):
        bottom = _words(language, "alone")[" ".join(match.group("alone").casefold().split())]
        return WordFraction(1, bottom, match.end(), hyphenated=False)
    counts, parts = _words(language, "count"), _words(language, "part")
    top = counts[match.group("top").casefold()]
    bottom = {**counts, **parts}[match.group("bottom").casefold()]
    hyphenated = "sep" in match.groupdict() and not match.group("sep").isspace()
    if top > bottom:  # "five halves", "chín phần tám": not a share of something
        return None
    return WordFraction(top, bottom, match.end(), hyphenated)


@cache
def fraction_anchors() -> tuple[str, ...]:
    """The words a scanner looks for to find fraction phrases: the parts, the joiners and
    the last word of each word that is a fraction alone (``thirds``, ``phần``, ``nửa``),
    rarer in text than the counting words."""
    words = {
        w.word.split()[-1].casefold()
        for w in number_words()
        if w.role in ("part", "joiner", "alone") and (w.role != "part" or w.language != "vi")
    }
    return _shortest(words)


@cache
def ratio_anchors() -> tuple[frozenset[str], frozenset[str]]:
    """The first words of the ratio joiners (``in``, ``out``) and the counting words that
    may stand before them (``one``, ``three``; not ``a``): a scanner looks for the former
    only right after one of the latter (``in`` alone is far too common to look back from)."""
    joiners = frozenset(
        w.word.split()[0].casefold() for w in number_words() if w.role == "ratio_joiner"
    )
    languages = {w.language for w in number_words() if w.role == "ratio_joiner"}
    counts = frozenset(
        w.word.casefold()
        for w in number_words()
        if w.role == "count" and w.language in languages and w.word.casefold() not in _ARTICLES
    )
    return joiners, counts


def _shortest(words: set[str]) -> tuple[str, ...]:
    """The words none of the others starts (``third`` finds ``thirds`` too)."""
    return tuple(sorted(w for w in words if not any(o != w and w.startswith(o) for o in words)))


class ScaleAmount(NamedTuple):
    """A count or a half written in words before a scale word (``two million``)."""

    number: Decimal
    decimals: int  # printed precision: ``two million`` as ``2 million``, ``half a`` as 0.5
    scale_start: int
    scale_end: int


@cache
def _before_scale(language: str) -> re.Pattern[str] | None:
    scales = {w.word.casefold(): 0 for w in scale_words() if w.language == language}
    scales = {w: 0 for w in scales if all(c.isalpha() or c.isspace() for c in w) and len(w) > 1}
    small, teens, tens = (
        _words(language, "count"),
        _words(language, "teen"),
        _words(language, "tens"),
    )
    halves = _words(language, "half_of_scale")
    if not scales or not (small or halves):
        return None
    units = {w: v for w, v in small.items() if 1 <= v <= 9}
    options = []
    if tens:  # twenty-five, thirty
        options.append(
            rf"(?P<tens>{_alternation(tens)})(?:[-\u2010\u2011\s](?P<unit>{_alternation(units)}))?"
        )
    options.append(rf"(?P<count>{_alternation({**small, **teens})})")
    if halves:
        options.append(rf"(?P<half>{_alternation(halves)})")
    return re.compile(
        rf"(?<![^\W_])(?<![-\u2010\u2011])(?:{'|'.join(options)})\s+"
        rf"(?P<scale>{_alternation(scales)})(?![^\W_])",
        re.IGNORECASE,
    )


def scale_amount(text: str, at: int, language: str) -> ScaleAmount | None:
    """A count or a half written in words right before a scale word, at ``at``
    (``two million``, ``twenty-five billion``, ``half a million``; ``ba tỷ``, ``nửa
    triệu``); None when there is none, or when a Vietnamese count is the end of a longer
    number (``hai mươi ba tỷ``, not read).

    >>> a = scale_amount("two million people", 0, "en"); (a.number, a.decimals, a[2:])
    (Decimal('2'), 0, (4, 11))
    >>> scale_amount("half a million accounts", 0, "en")[:2]
    (Decimal('0.5'), 1)
    >>> scale_amount("nửa triệu tài khoản", 0, "vi")[2:]
    (4, 9)
    """
    pattern = _before_scale(language)
    match = pattern.match(text, at) if pattern is not None else None
    if match is None:
        return None
    scale = match.span("scale")
    groups = match.groupdict()
    if _runs_on(text, scale[1], language):
        return None  # two million five hundred thousand, ba nghìn năm trăm: not read
    if groups.get("half"):
        return ScaleAmount(Decimal("0.5"), 1, *scale)
    if _after_compound(text, at, language):
        return None
    if groups.get("tens"):
        tens, units = _words(language, "tens"), _words(language, "count")
        unit = units[match.group("unit").casefold()] if match.group("unit") else 0
        return ScaleAmount(Decimal(tens[match.group("tens").casefold()] + unit), 0, *scale)
    counts = {**_words(language, "count"), **_words(language, "teen")}
    return ScaleAmount(
        Decimal(counts[" ".join(match.group("count").casefold().split())]), 0, *scale
    )


def _runs_on(text: str, end: int, language: str) -> bool:
    """Whether the number in words goes on after its scale word (``two million five
    hundred``, ``two thousand and five``, ``ba nghìn năm trăm``, ``một triệu rưỡi``)."""
    numbers = _continuing(language)
    after = re.match(r"\s+(?:and\s+)?([^\W\d_]+)(?:\s+([^\W\d_]+))?", text[end : end + 40])
    if after is None:
        return False
    first, second = after.group(1).casefold(), (after.group(2) or "").casefold()
    if language == "vi":  # năm is also "year": a count only before another number word
        compound = _words(language, "compound")
        return first in compound or (first in numbers and second in numbers)
    return first in numbers


@cache
def _continuing(language: str) -> frozenset[str]:
    """The words that go on with a number in words after its scale word: counts, tens,
    scale words, ``hundred``; not the article (``two million a year``)."""
    words = {
        *_words(language, "count", "teen", "tens", "compound"),
        *(w.word.casefold() for w in scale_words() if w.language == language),
        "hundred",
    }
    return frozenset(words - _ARTICLES)


def _after_compound(text: str, at: int, language: str) -> bool:
    """Whether the word before ``at`` makes the count there part of a longer number."""
    compound = _words(language, "compound")
    if not compound:
        return False
    before = re.search(r"([^\W\d_]+)\s+\Z", text[max(0, at - 12) : at])
    return before is not None and before.group(1).casefold() in compound


@cache
def scale_anchors() -> tuple[str, ...]:
    """The scale words a count or a half in words may stand before (``million``, ``tỷ``)."""
    return _shortest(
        {
            w.word.split()[0].casefold()
            for w in scale_words()
            if w.form == "word" and len(w.word) > 1 and w.word.replace(" ", "").isalpha()
        }
    )


@cache
def number_word_set() -> frozenset[str]:
    """Every word of a number in words, any language, lower case (``two``, ``a``, ``half``,
    ``một``, ``nửa``): what may stand before a part or a scale word."""
    return frozenset(part.casefold() for w in number_words() for part in w.word.split())


def counting_words(language: str) -> dict[str, int]:
    """The words that count from one (``one`` ... ``twelve``, ``một`` ... ``mười``),
    lower case, with their values; not the article (``a``, ``an``)."""
    return {
        word: value
        for word, value in _words(language, "count", "teen").items()
        if word not in _ARTICLES
    }
