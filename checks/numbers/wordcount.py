"""Counting the words of many short texts at once, on their UTF-8 bytes (numpy).

:func:`checks.numbers.language.sentence_language` splits a sentence into words with
Python's ``[^\\W\\d_]+`` and counts three things: the words, the words holding a marked
Vietnamese letter, and the English function words. A ledger asks this of hundreds of
thousands of quotes; a regex split costs about a third of a microsecond per word, so here
the texts' bytes are decoded to code points with array arithmetic and the words found as
runs of letters, the letters being told by a table built from that same Python pattern.

The table covers the code points below :data:`LIMIT` only; the caller keeps the texts
with other characters for the one-sentence function (``_KNOWN`` in ``language.py``).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt
import pyarrow as pa

LIMIT = 0x20C0
"""Code points told by the tables (Latin, Vietnamese, general punctuation, currency signs);
any other character counts as neither a letter nor marked."""
_LETTER = re.compile(r"[^\W\d_]")
_KEY_BYTES = 8
"""Words of up to this many ASCII letters are compared as one 64-bit integer."""

Counts = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]


@cache
def _tables(marked: frozenset[str]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    letter = np.array([_LETTER.match(chr(c)) is not None for c in range(LIMIT + 1)])
    letter[LIMIT] = False
    is_marked = np.zeros(LIMIT + 1, dtype=bool)
    is_marked[[ord(c) for c in marked if ord(c) < LIMIT]] = True
    return letter, is_marked & letter


@cache
def _keys(words: frozenset[str]) -> npt.NDArray[np.uint64]:
    """The ASCII words of up to eight letters as the integers :func:`count_words` makes."""
    packed = [_pack(w.encode("ascii")) for w in words if w.isascii() and len(w) <= _KEY_BYTES]
    return np.array(sorted(packed), dtype=np.uint64)


def _pack(word: bytes) -> int:
    return int.from_bytes(word.ljust(_KEY_BYTES, b"\0"), "little")


def count_words(texts: Any, marked: frozenset[str], common: frozenset[str]) -> Counts:
    """For each text of an Arrow string array: how many words, how many holding a letter of
    ``marked``, and how many ASCII words whose lower case is in ``common`` (lower-case
    ASCII words of at most eight letters).

    >>> import pyarrow as pa
    >>> count_words(pa.array(["Đây là the 2,5", "OF the, x"]), frozenset("đĐ"),
    ...             frozenset({"the", "of"}))[0].tolist()
    [3, 3]
    """
    size = len(texts)
    counts = np.zeros(size, np.int64), np.zeros(size, np.int64), np.zeros(size, np.int64)
    block = 1 << 16  # rows at a time: a few tens of MB of arrays
    for first in range(0, size, block):
        part = _count(texts.slice(first, block), marked, common)
        for total, found in zip(counts, part, strict=True):
            total[first : first + len(found)] = found
    return counts


def _count(texts: Any, marked: frozenset[str], common: frozenset[str]) -> Counts:
    size = len(texts)
    offsets_buffer, data_buffer = texts.buffers()[1], texts.buffers()[2]
    width = np.int64 if texts.type in (pa.large_string(), pa.large_binary()) else np.int32
    offsets = np.frombuffer(offsets_buffer, dtype=width)[texts.offset : texts.offset + size + 1]
    data = np.frombuffer(data_buffer, dtype=np.uint8) if data_buffer is not None else None
    low, high = int(offsets[0]), int(offsets[-1])
    raw = np.zeros(high - low + _KEY_BYTES, dtype=np.uint8)
    if data is not None:
        raw[: high - low] = data[low:high]
    body = raw[: high - low]
    starts = np.flatnonzero((body & 0xC0) != 0x80)  # each character's first byte
    lead = body[starts]
    letter_table, marked_table = _tables(marked)
    letter = letter_table[lead]  # right for ASCII; the wide characters are put right below
    wide = np.flatnonzero(lead >= 0x80)  # the characters of more than one byte
    points = _code_points(raw, starts[wide], lead[wide])
    wide_letter = letter_table[points]
    letter[wide] = wide_letter
    # a row's first character never continues a word of the row before
    first = np.zeros(len(starts) + 1, dtype=bool)
    first[np.searchsorted(starts, offsets[:-1] - low)] = True
    first = first[: len(starts)]
    begins = letter.copy()
    begins[1:] &= ~letter[:-1] | first[1:]
    ends = letter.copy()
    ends[:-1] &= ~letter[1:] | first[1:]
    word = np.cumsum(begins, dtype=np.int32) - 1  # the word of each character
    at_begin, at_end = np.flatnonzero(begins), np.flatnonzero(ends)
    words = len(at_begin)
    word_row = np.searchsorted(offsets[1:] - low, starts[at_begin], side="right")
    count = np.bincount(word_row, minlength=size)
    has_mark = np.zeros(words, dtype=bool)
    has_mark[word[wide[wide_letter & marked_table[points]]]] = True
    non_ascii = np.zeros(words, dtype=bool)
    non_ascii[word[wide[wide_letter]]] = True
    length = at_end - at_begin + 1  # in characters
    short = np.flatnonzero(~non_ascii & (length <= _KEY_BYTES))
    return (
        count.astype(np.int64),
        np.bincount(word_row[has_mark], minlength=size).astype(np.int64),
        _common(raw, starts[at_begin[short]], length[short], word_row[short], size, common),
    )


def _code_points(
    raw: npt.NDArray[np.uint8], at: npt.NDArray[np.intp], lead: npt.NDArray[np.uint8]
) -> npt.NDArray[np.int32]:
    """The code points of the characters of two to four bytes whose first byte is at
    ``at`` (UTF-8), or :data:`LIMIT` for one the tables do not cover."""
    first = lead.astype(np.int32)
    second = raw[at + 1].astype(np.int32) & 0x3F
    third = raw[at + 2].astype(np.int32) & 0x3F
    two = ((first & 0x1F) << 6) | second
    three = ((first & 0x0F) << 12) | (second << 6) | third
    points = np.where(first < 0xE0, two, np.where(first < 0xF0, three, LIMIT))
    return np.minimum(points, LIMIT).astype(np.int32)


def _common(
    raw: npt.NDArray[np.uint8],
    begins: npt.NDArray[np.intp],
    length: npt.NDArray[np.int64],
    word_row: npt.NDArray[np.intp],
    size: int,
    common: frozenset[str],
) -> npt.NDArray[np.int64]:
    """Per row: the ASCII words (first byte ``begins``, ``length`` letters) in ``common``."""
    if len(begins) == 0:
        return np.zeros(size, dtype=np.int64)
    at = np.arange(_KEY_BYTES)
    letters = raw[begins[:, None] + at[None, :]]
    letters = np.where(at[None, :] < length[:, None], letters, 0).astype(np.uint8)
    upper = (letters >= ord("A")) & (letters <= ord("Z"))
    letters = letters + (upper * 32).astype(np.uint8)  # ASCII lower case, as str.lower
    keys = np.ascontiguousarray(letters).view("<u8").ravel()
    table = _keys(common)  # sorted: a binary search per word, not a sort of all the words
    if len(table) == 0:
        return np.zeros(size, dtype=np.int64)
    hit = table[np.minimum(np.searchsorted(table, keys), len(table) - 1)] == keys
    return np.bincount(word_row[hit], minlength=size).astype(np.int64)
