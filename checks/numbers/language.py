"""Which number convention a sentence is written in: Vietnamese or English.

``1,500`` is fifteen hundred in English and one and a half in Vietnamese; ``2.500`` the
other way round. A file, or a quote, may mix both languages, so the reader of a number
asks its sentence, and says so when the sentence cannot tell.
"""

from __future__ import annotations

import re

_MARKED = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_WORD = re.compile(r"[^\W\d_]+")
_MARKED_LETTERS = frozenset(_MARKED + _MARKED.upper())
"""The marked letters in both cases: a word holding one is Vietnamese."""
_SHARE = 0.3
AMBIGUOUS_DIGITS = re.compile(r"[0-9][.,][0-9]{3}(?![0-9])")
"""Digits that may read differently in the two conventions (``1,500``, ``2.500``)."""


_ENGLISH = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "against",
        "all",
        "also",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "been",
        "before",
        "being",
        "between",
        "billion",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "her",
        "his",
        "how",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "last",
        "least",
        "less",
        "many",
        "may",
        "million",
        "more",
        "most",
        "much",
        "new",
        "no",
        "not",
        "of",
        "on",
        "one",
        "only",
        "or",
        "other",
        "our",
        "out",
        "over",
        "per",
        "percent",
        "said",
        "says",
        "she",
        "should",
        "since",
        "so",
        "some",
        "than",
        "that",
        "the",
        "their",
        "them",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "thousand",
        "to",
        "trillion",
        "under",
        "until",
        "up",
        "was",
        "we",
        "were",
        "what",
        "when",
        "which",
        "while",
        "who",
        "will",
        "with",
        "would",
        "year",
        "years",
    ]
)
_MIN_WORDS = 2
_SAMPLE = 400
"""Characters of a sentence looked at: enough words to tell, a bounded cost."""


def sentence_language(sentence: str) -> str | None:
    """``vi`` or ``en`` when the sentence's own words say so, else ``None``.

    Vietnamese marks most syllables with its letters (ă, ơ, ư, đ, tones); English is told by
    its function words (the, of, and, about ...). A sentence too short to tell, or one where
    the two signals disagree, is ``None``: the caller falls back to the document's language.

    >>> sentence_language("Khoảng 1.500 người đã tham gia.")
    'vi'
    >>> sentence_language("About 1,500 people")
    'en'
    >>> sentence_language("IMF: 1,500") is None
    True
    """
    words = _WORD.findall(sentence, 0, _SAMPLE)
    if len(words) < _MIN_WORDS:
        return None
    marked = english = 0
    for word in words:  # one pass: a set lookup per word costs less than a second regex
        if word.isascii():
            english += word.lower() in _ENGLISH
        elif not _MARKED_LETTERS.isdisjoint(word):
            marked += 1
    if marked >= _SHARE * len(words) and marked > english:
        return "vi"
    if english and marked < _SHARE * len(words) and english >= marked:
        return "en"
    return None
