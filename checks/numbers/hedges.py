"""The hedge word before a number: one rule for ``scan``, ``check`` and the drafts.

A hedge phrase of ``checks/data/qualifiers.csv`` (either language: a quote may mix them)
stands before a number when it ends at a word start, and only horizontal blanks (spaces,
tabs, non-breaking spaces, no line break) separate it from the number. The longest phrase
wins (``ước tính hơn`` over ``hơn``). :func:`hedge_match` is what the scanner runs on a
window of the text; :func:`hedge_before` what the citation check runs on a quote.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from checks.numbers.tables import qualifier_phrases

BLANK = r"[^\S\n]"
"""One horizontal blank: a space, a tab, a non-breaking or narrow no-break space."""


@cache
def hedge_pattern(language: str | None = None) -> re.Pattern[str]:
    """A hedge phrase (of ``language``, or of any language) that ends the searched text.

    >>> hedge_pattern().search("gây thiệt hại khoảng ").group("phrase")
    'khoảng'
    """
    phrases = sorted(
        {p.phrase for p in qualifier_phrases() if language is None or p.language == language},
        key=lambda w: (-len(w), w),
    )
    body = "|".join(f"{BLANK}+".join(re.escape(part) for part in p.split()) for p in phrases)
    return re.compile(rf"(?<!\w)(?P<phrase>(?i:{body})){BLANK}*\Z")


@cache
def qualifier_of(phrase: str, language: str | None = None) -> str:
    """The qualifier a hedge phrase (any case, any blanks) stands for."""
    folded = " ".join(phrase.split()).casefold()
    for row in qualifier_phrases():
        if row.phrase.casefold() == folded and (language is None or row.language == language):
            return row.qualifier
    raise KeyError(phrase)


def hedge_match(
    text: str, position: int, floor: int = 0, window: int | None = None
) -> re.Match[str] | None:
    """The hedge phrase that ends right before ``position`` in ``text`` (searched no
    further back than ``floor`` and ``window`` characters), or None."""
    reach = HEDGE_WINDOW if window is None else window
    low = max(floor, position - reach)
    last = _last_words()
    word = _word_ending(text, low, position)
    if last is not None and word != _ANY_WORD and word not in last:
        return None  # no phrase ends with the word there: skip the search
    return hedge_pattern().search(text, low, position)


_ODD_CASES = frozenset(
    "\u017f\u212a\u0131\u0130\u1e9e\u2126\u212b\u03c2\u03d0\u03d1\u03d5\u03d6\u03f0\u03f1\u03f5"
    "\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88\u1e9b\u03b9"
)
"""Letters the regex engine matches, ignoring case, with a letter that is not their lower
or upper case (the long s matches s, the Kelvin sign k): a word holding one is always
searched. Written as escapes: an editor or a tool that normalises the source to NFC would
turn the Kelvin sign into a Latin K, the Ohm sign into omega."""

_ANY_WORD = "\x00"
"""What :func:`_word_ending` gives for a word that any phrase may end with."""


@cache
def _last_words() -> frozenset[str] | None:
    """The lower-cased last words of the hedge phrases; None if one is not all letters
    (then every number is searched)."""
    words = {p.phrase.split()[-1].lower() for p in qualifier_phrases() if p.phrase.split()}
    return frozenset(words) if all(w.isalpha() for w in words) else None


def _word_ending(text: str, low: int, position: int) -> str:
    """The lower-cased letters that end ``text[low:position]`` after its trailing blanks
    (:data:`_ANY_WORD` when a letter the regex folds oddly is among them)."""
    end = position
    while end > low and text[end - 1] != "\n" and text[end - 1].isspace():
        end -= 1
    start = end
    while start > low and text[start - 1].isalpha():
        start -= 1
    word = text[start:end]
    return _ANY_WORD if not _ODD_CASES.isdisjoint(word) else word.lower()


def hedge_before(text: str, position: int, language: str | None = None) -> tuple[str, str] | None:
    """The qualifier phrase that ends right before ``position`` (blanks between).

    Returns ``(phrase, qualifier)`` or ``None``. ``language`` narrows the phrases to one
    language; ``None`` (what ``scan`` and ``check`` use) accepts either.

    >>> hedge_before("gây thiệt hại khoảng 8.000 tỷ USD", 20, "vi")
    ('khoảng', 'approx')
    >>> hedge_before("about 1,500 người", 6)
    ('about', 'approx')
    """
    head = unicodedata.normalize("NFC", text[:position])
    found = hedge_pattern(language).search(head, max(0, len(head) - HEDGE_WINDOW))
    if found is None:
        return None
    phrase = found.group("phrase")
    return phrase, qualifier_of(phrase, language)


def has_phrase_for(text: str, qualifier: str, language: str | None = None) -> bool:
    """Whether any phrase for ``qualifier`` occurs in ``text`` as whole words."""
    low = f" {unicodedata.normalize('NFC', text).casefold()} "
    for phrase in qualifier_phrases():
        if (language is None or phrase.language == language) and phrase.qualifier == qualifier:
            word = phrase.phrase.casefold()
            start = low.find(word)
            while start != -1:
                if not low[start - 1].isalnum() and not low[start + len(word)].isalnum():
                    return True
                start = low.find(word, start + 1)
    return False


HEDGE_WINDOW = 2 * max(len(p.phrase) for p in qualifier_phrases()) + 8
"""How far back a hedge phrase (with its blanks) may start."""
