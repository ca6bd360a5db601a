"""Which number convention a sentence is written in: Vietnamese or English.

``1,500`` is fifteen hundred in English and one and a half in Vietnamese; ``2.500`` the
other way round. A file, or a quote, may mix both languages, so the reader of a number
asks its sentence, and says so when the sentence cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

_MARKED = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_WORD = re.compile(r"[^\W\d_]+")
_MARKED_LETTERS = frozenset(_MARKED + _MARKED.upper())
"""The marked letters in both cases: a word holding one is Vietnamese."""
_SHARE = 0.3
AMBIGUOUS_DIGITS = re.compile(r"[0-9][.,][0-9]{3}(?![0-9])")
"""Digits that may read differently in the two conventions (``1,500``, ``2.500``)."""
_AMBIGUOUS_RE2 = AMBIGUOUS_DIGITS.pattern.replace("(?![0-9])", "(?:[^0-9]|$)")
"""The same test in RE2's syntax (no look-ahead): a search finds the same strings."""


def ambiguous_digits(cells: Sequence[object]) -> npt.NDArray[np.bool_]:
    """For each cell (a string or None): does :data:`AMBIGUOUS_DIGITS` occur in it?
    Searched on a column (pyarrow), not cell by cell.

    >>> ambiguous_digits(["1,500 người", "1,5", None]).tolist()
    [True, False, False]
    """
    import numpy as np  # here: scan reads sentences one at a time and stays free of pyarrow
    import pyarrow as pa
    import pyarrow.compute as pc

    column = pa.array(cells, type=pa.string(), from_pandas=True)
    found = pc.fill_null(pc.match_substring_regex(column, _AMBIGUOUS_RE2), False)
    out: npt.NDArray[np.bool_] = np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)
    return out


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


_KNOWN = "[\t-\r\x1c-\x7e\x85\xa0-\u024f\u1e00-\u1eff\u2000-\u206f\u20a0-\u20bf]"
"""Quotes made only of these characters (ASCII, Latin, Vietnamese, general punctuation,
currency signs) are told column-wise: the word tables of :mod:`checks.numbers.wordcount`,
built from Python's ``[^\\W\\d_]``, cover all of them. Any other quote is told by
:func:`sentence_language` itself."""


def sentence_languages(sentences: Sequence[str] | Any) -> list[str | None]:
    """:func:`sentence_language` of each sentence (a list, or an Arrow string array),
    counted on columns: the words of all the sentences at once
    (:mod:`checks.numbers.wordcount`), each distinct sentence once.

    >>> sentence_languages(["Khoảng 1.500 người đã tham gia.", "About 1,500 people", "IMF"])
    ['vi', 'en', None]
    """
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from checks.numbers.wordcount import count_words

    if len(sentences) == 0:
        return []
    column = sentences if isinstance(sentences, pa.Array) else pa.array(sentences, pa.string())
    column = pc.fill_null(column, "")  # a missing sentence tells nothing, as an empty one
    # A sentence quoted by several claims in a row is read once. Only neighbours are
    # compared: hashing every sentence to find repeats far apart costs more than it saves
    # on a ledger whose sentences are mostly distinct.
    first = np.ones(len(column), dtype=bool)
    if len(column) > 1:
        repeated = pc.equal(column.slice(1), column.slice(0, len(column) - 1))
        first[1:] = ~np.asarray(repeated.to_numpy(zero_copy_only=False), dtype=bool)
    distinct = column.filter(pa.array(first))
    text = pc.utf8_slice_codeunits(distinct, 0, _SAMPLE)
    words, marked, english, unknown = count_words(text, _MARKED_LETTERS, _ENGLISH, _KNOWN)
    known = unknown == 0
    enough = words >= _MIN_WORDS
    share = _SHARE * words  # float64, as in _decide
    vi = enough & (marked >= share) & (marked > english)
    en = enough & ~vi & (english > 0) & (marked < share) & (english >= marked)
    told = np.full(len(words), None, dtype=object)
    told[vi], told[en] = "vi", "en"
    for i in np.flatnonzero(~known).tolist():  # characters the word tables do not cover
        told[i] = sentence_language(str(distinct[i].as_py()))
    result: list[str | None] = told[np.cumsum(first) - 1].tolist()
    return result


def _decide(words: int, marked: int, english: int) -> str | None:
    """The rule of :func:`sentence_language` on its three counts."""
    if words < _MIN_WORDS:
        return None
    if marked >= _SHARE * words and marked > english:
        return "vi"
    if english and marked < _SHARE * words and english >= marked:
        return "en"
    return None
