"""Fractions written in words: ``two-thirds``, ``a quarter``, ``half``; ``hai phần ba``,
``một nửa``.

A share printed in words is an exact fraction, as ``2/3`` is. The words are data
(``checks/data/fraction_words.csv``): the counting words (``two``, ``hai``), the parts
they count (``thirds``; in Vietnamese the count after ``phần``: ``hai phần ba``, or
``tư``), and the words that are a fraction alone (``half``, ``một nửa``). English puts
the count before the part (``two thirds``, ``two-thirds``, ``a quarter``); Vietnamese
joins two counts with ``phần``. The parser reads such a phrase wherever a number may
stand; whether a phrase in running text is a number (``a third of users``, not ``a third
time``) is the scanner's question.
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from checks.numbers.tables import scale_words


class FractionWord(NamedTuple):
    word: str
    language: str
    role: str  # count, part, alone, joiner
    value: int | None


class WordFraction(NamedTuple):
    """A fraction phrase found at a position: its value and where it ends."""

    numerator: int
    denominator: int
    end: int
    hyphenated: bool  # ``two-thirds``: a fraction whatever follows it


@cache
def fraction_words() -> tuple[FractionWord, ...]:
    """The rows of ``fraction_words.csv``."""
    text = resources.files("checks.data").joinpath("fraction_words.csv").read_text("utf-8")
    return tuple(
        FractionWord(r["word"], r["language"], r["role"], int(r["value"]) if r["value"] else None)
        for r in csv.DictReader(io.StringIO(text, newline=""))
    )


def _words(language: str, *roles: str) -> dict[str, int]:
    return {
        w.word.casefold(): w.value or 0
        for w in fraction_words()
        if w.language == language and w.role in roles
    }


def _alternation(words: dict[str, int]) -> str:
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


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
    return re.compile(rf"(?<![^\W_])(?:{'|'.join(options)})(?![^\W_])", re.IGNORECASE)


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
        for w in fraction_words()
        if w.role in ("part", "joiner", "alone") and (w.role != "part" or w.language != "vi")
    }
    return tuple(sorted(words))


_HALF_BEFORE_SCALE = {"en": r"half\s+an?", "vi": r"(?:một\s+)?nửa"}
"""Half of a scale, written before its scale word: ``half a million``, ``nửa triệu``."""


@cache
def _half_scale(language: str) -> re.Pattern[str] | None:
    half = _HALF_BEFORE_SCALE.get(language)
    scales = [w.word for w in scale_words() if w.language == language and w.form == "word"]
    if half is None or not scales:
        return None
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(scales, key=len)[::-1])
    return re.compile(rf"(?<![^\W_])(?P<half>{half})\s+(?P<scale>{words})(?![^\W_])", re.IGNORECASE)


def half_before_scale(text: str, at: int, language: str) -> tuple[int, int] | None:
    """Where the scale word starts and ends after a half written before it at ``at``
    (``half a million``, ``nửa triệu``); None when there is none. The amount is 0.5 of
    the scale, printed to a tenth (as ``0.5 million``).

    >>> half_before_scale("half a million accounts", 0, "en")
    (7, 14)
    >>> half_before_scale("nửa triệu tài khoản", 0, "vi")
    (4, 9)
    """
    pattern = _half_scale(language)
    match = pattern.match(text, at) if pattern is not None else None
    return match.span("scale") if match is not None else None
