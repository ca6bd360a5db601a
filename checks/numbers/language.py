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
    return _decide(len(words), marked, english)


_KNOWN = "^[\t-\r\x1c-\x7e\x85\xa0-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20bf]*$"
"""Quotes made only of these characters (ASCII, Latin, Vietnamese, general punctuation,
currency signs) are told column-wise: there Python's ``[^\\W\\d_]`` and RE2's letter and
numeral classes agree. Any other quote is told by :func:`sentence_language` itself."""
_NOT_WORD_RE2 = r"[^\pL\p{Nl}\p{No}]+"
_MARKED_RE2 = "[" + "".join(sorted(_MARKED_LETTERS)) + "]"


def sentence_languages(sentences: list[str]) -> list[str | None]:
    """:func:`sentence_language` of each sentence, counted on columns (pyarrow): one
    split into words, one set lookup and one pattern match for all the words at once.

    >>> sentence_languages(["Khoảng 1.500 người đã tham gia.", "About 1,500 people", "IMF"])
    ['vi', 'en', None]
    """
    import numpy as np  # here: scan reads sentences one at a time and stays free of pyarrow
    import pyarrow as pa
    import pyarrow.compute as pc

    size = len(sentences)
    if size == 0:
        return []
    text = pc.utf8_slice_codeunits(pa.array(sentences, type=pa.string()), 0, _SAMPLE)
    known = np.asarray(pc.match_substring_regex(text, _KNOWN).to_numpy(zero_copy_only=False))
    lists = pc.split_pattern_regex(text, pattern=_NOT_WORD_RE2)
    words = pc.list_flatten(lists)
    owner = np.asarray(pc.list_parent_indices(lists).to_numpy(zero_copy_only=False))
    present = np.asarray(pc.greater(pc.utf8_length(words), 0).to_numpy(zero_copy_only=False))
    ascii_ = np.asarray(pc.string_is_ascii(words).to_numpy(zero_copy_only=False))
    common = pc.is_in(pc.utf8_lower(words), value_set=pa.array(sorted(_ENGLISH)))
    english_word = ascii_ & np.asarray(common.to_numpy(zero_copy_only=False))
    marked_word = ~ascii_ & np.asarray(
        pc.match_substring_regex(words, _MARKED_RE2).to_numpy(zero_copy_only=False)
    )
    count = np.bincount(owner[present], minlength=size)
    english = np.bincount(owner[english_word & present], minlength=size)
    marked = np.bincount(owner[marked_word & present], minlength=size)
    out: list[str | None] = []
    for i in range(size):
        if not known[i]:
            out.append(sentence_language(sentences[i]))
        else:
            out.append(_decide(int(count[i]), int(marked[i]), int(english[i])))
    return out


def _decide(words: int, marked: int, english: int) -> str | None:
    """The rule of :func:`sentence_language` on its three counts."""
    if words < _MIN_WORDS:
        return None
    if marked >= _SHARE * words and marked > english:
        return "vi"
    if english and marked < _SHARE * words and english >= marked:
        return "en"
    return None
