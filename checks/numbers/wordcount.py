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

Counts = tuple[
    npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]
]


@cache
def _tables(marked: frozenset[str]) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    letter = np.array([_LETTER.match(chr(c)) is not None for c in range(LIMIT + 1)])
    letter[LIMIT] = False
    is_marked = np.zeros(LIMIT + 1, dtype=bool)
    is_marked[[ord(c) for c in marked if ord(c) < LIMIT]] = True
    return letter, is_marked & letter


@cache
def _known_tables(known: str) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Which single bytes, and which code points of wider characters, the character class
    ``known`` holds; :data:`LIMIT` and beyond, never."""
    pattern = re.compile(known)
    points = np.array([pattern.fullmatch(chr(c)) is not None for c in range(LIMIT + 1)])
    points[LIMIT] = False
    ascii_bytes = np.ones(256, dtype=bool)  # the bytes of wider characters: told by points
    ascii_bytes[:0x80] = points[:0x80]
    return ascii_bytes, points


@cache
def _keys(words: frozenset[str]) -> npt.NDArray[np.uint64]:
    """The ASCII words of up to eight letters as the integers :func:`count_words` makes."""
    packed = [_pack(w.encode("ascii")) for w in words if w.isascii() and len(w) <= _KEY_BYTES]
    return np.array(sorted(packed), dtype=np.uint64)


def _pack(word: bytes) -> int:
    return int.from_bytes(word.ljust(_KEY_BYTES, b"\0"), "little")


def count_words(
    texts: Any, marked: frozenset[str], common: frozenset[str], known: str = "[\\s\\S]"
) -> Counts:
    """For each text of an Arrow string array: how many words, how many holding a letter of
    ``marked``, how many ASCII words whose lower case is in ``common`` (lower-case ASCII
    words of at most eight letters), and how many characters are outside the class
    ``known`` (a regex class; any character at or past :data:`LIMIT` is outside).

    >>> import pyarrow as pa
    >>> count_words(pa.array(["Đây là the 2,5", "OF the, x"]), frozenset("đĐ"),
    ...             frozenset({"the", "of"}), "[a-z ,]")[3].tolist()
    [5, 2]
    """
    size = len(texts)
    counts = tuple(np.zeros(size, np.int64) for _ in range(4))
    block = 1 << 14  # rows at a time: arrays of a few MB, which the C heap reuses (a larger
    # array gets fresh pages from the system each time, and faulting them in costs more than
    # the counting)
    for first in range(0, size, block):
        part = _count(texts.slice(first, block), marked, common, known)
        for total, found in zip(counts, part, strict=True):
            total[first : first + len(found)] = found
    return counts  # type: ignore[return-value]  # four arrays, built in a loop


def _count(texts: Any, marked: frozenset[str], common: frozenset[str], known: str) -> Counts:
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
    letter_table, marked_table = _tables(marked)
    # Letters are told byte by byte: an ASCII byte by the table, and every byte of a wider
    # character as its code point says.
    letter = _ascii_letters()[body]
    lead_at = np.flatnonzero(body >= 0xC0)  # the first bytes of the wider characters
    lead = body[lead_at]
    points = _code_points(raw, lead_at, lead)
    wide_letter = letter_table[points]
    letter[lead_at] = wide_letter
    letter[lead_at + 1] = wide_letter
    three = lead >= 0xE0  # a letter of four bytes is beyond the tables: never a letter
    letter[lead_at[three] + 2] = wide_letter[three]
    # a row's first byte never continues a word of the row before
    row_first = np.zeros(len(body) + 1, dtype=bool)
    row_first[offsets[:-1] - low] = True
    begins = letter.copy()
    begins[1:] &= ~letter[:-1] | row_first[1:-1]
    ends = letter.copy()
    ends[:-1] &= ~letter[1:] | row_first[1:-1]
    at_begin, at_end = np.flatnonzero(begins), np.flatnonzero(ends)  # in bytes
    # each byte's row (an empty row has none), and a running count of the words begun,
    # tell each word its row and each letter its word
    byte_row = np.repeat(np.arange(size, dtype=np.int32), np.diff(offsets).astype(np.intp))
    word_row = byte_row[at_begin]
    count = np.bincount(word_row, minlength=size)
    wide_at = lead_at[wide_letter]
    word_of_wide = np.cumsum(begins, dtype=np.int32)[wide_at] - 1
    has_mark = np.zeros(len(at_begin), dtype=bool)
    has_mark[word_of_wide[marked_table[points[wide_letter]]]] = True
    non_ascii = np.zeros(len(at_begin), dtype=bool)
    non_ascii[word_of_wide] = True
    length = at_end - at_begin + 1  # bytes, which are letters for an ASCII word
    short = np.flatnonzero(~non_ascii & (length <= _KEY_BYTES))
    known_bytes, known_points = _known_tables(known)
    outside = np.concatenate([np.flatnonzero(~known_bytes[body]), lead_at[~known_points[points]]])
    return (
        count.astype(np.int64),
        np.bincount(word_row[has_mark], minlength=size).astype(np.int64),
        _common(raw, at_begin[short], length[short], word_row[short], size, common),
        np.bincount(byte_row[outside], minlength=size).astype(np.int64),
    )


@cache
def _ascii_letters() -> npt.NDArray[np.bool_]:
    """The letter table of single bytes: the ASCII letters, no byte of a wider character."""
    return np.array([c < 0x80 and _LETTER.match(chr(c)) is not None for c in range(256)])


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
    word_row: npt.NDArray[np.integer[Any]],
    size: int,
    common: frozenset[str],
) -> npt.NDArray[np.int64]:
    """Per row: the ASCII words (first byte ``begins``, ``length`` letters) in ``common``."""
    table = _keys(common)  # sorted: a binary search per word, not a sort of all the words
    if len(begins) == 0 or len(table) == 0:
        return np.zeros(size, dtype=np.int64)
    # the eight bytes from each word's first, read as one little-endian integer in place
    # (``raw`` has eight bytes of padding), the bytes past the word's end masked off
    window = np.ndarray((len(raw) - _KEY_BYTES + 1,), dtype="<u8", buffer=raw, strides=(1,))
    eight = np.uint64(8)
    keep = np.where(
        length >= _KEY_BYTES,
        np.uint64(0xFFFF_FFFF_FFFF_FFFF),
        (np.uint64(1) << (eight * np.minimum(length, _KEY_BYTES - 1).astype(np.uint64)))
        - np.uint64(1),
    )
    keys = (window[begins] | np.uint64(0x2020_2020_2020_2020)) & keep  # ASCII lower case
    hit = table[np.minimum(np.searchsorted(table, keys), len(table) - 1)] == keys
    return np.bincount(word_row[hit], minlength=size).astype(np.int64)
