"""The fast path for reading a large CSV resource, with the results of the exact path.

:func:`checks.model.csvfile.read_csv_table` parses with Python's ``csv`` module in strict
mode: exact, with clear errors, but a million rows cost tens of seconds and gigabytes.
For a large file this module first proves, column-wise on the raw bytes, that the file is
in the plain form on which pyarrow's CSV parser and strict ``csv`` cannot disagree:

- no NUL byte, and the bytes decode as UTF-8 (pyarrow raises otherwise);
- every double quote opens a field (after a comma, a line end or the start), closes one
  (before a comma, a line end or the end), or is one of a doubled pair inside a quoted
  field; so a byte is inside quotes exactly when an odd number of quotes precede it;
- every record (lines outside quotes; blank lines skipped by both parsers) has as many
  cells as the header (pyarrow raises otherwise), and there are as many records as rows;
- the header names are distinct, and every character is one whose NFC form pyarrow and
  Python's ``unicodedata`` agree on (Latin, Vietnamese, combining diacritics,
  punctuation); cells that need it are NFC-normalised column-wise;
- no cell is longer than the strict parser's field limit.

Then pyarrow reads the cells and the physical line of each row comes from the positions
of the line ends. If any condition fails, :func:`read_fast` returns None and the caller
takes the exact path, which gives the same frame or the precise error.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

FAST_MIN_BYTES = 1 << 20
"""Files below this size take the exact path: it is fast enough and gives every error."""

_BOM = b"\xef\xbb\xbf"
_QUOTE, _COMMA, _LF, _CR = 0x22, 0x2C, 0x0A, 0x0D
# Ranges whose NFC behaviour has been fixed since Unicode 3: ASCII, Latin-1, Latin
# Extended-A/B, combining diacritics, Latin Extended Additional (Vietnamese), general
# punctuation, currency symbols.
_STABLE_RANGES: tuple[tuple[int, int], ...] = (
    *((0x09, 0x0D), (0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F)),
    *((0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF)),
)


@cache
def _classes() -> tuple[str, str]:
    """RE2 classes: any character but the plain ones; characters outside the stable ranges.

    Plain: in the stable ranges and left alone by NFC (neither changed nor combining).
    """
    plain: list[tuple[int, int]] = []
    for lo, hi in _STABLE_RANGES:
        for code in range(lo, hi + 1):
            ch = chr(code)
            if unicodedata.normalize("NFC", ch) != ch or unicodedata.combining(ch):
                continue
            if plain and plain[-1][1] == code - 1:
                plain[-1] = (plain[-1][0], code)
            else:
                plain.append((code, code))
    return _negated(plain), _negated(list(_STABLE_RANGES))


def _negated(ranges: list[tuple[int, int]]) -> str:
    return "[^" + "".join(f"\\x{{{lo:x}}}-\\x{{{hi:x}}}" for lo, hi in ranges) + "]"


def read_fast(data: bytes, *, field_limit: int) -> tuple[list[str], pd.DataFrame, list[int]] | None:
    """Header, cells and row start lines of a plain CSV file, or None to take the exact path.

    ``header`` is NFC; the frame's cells are NFC strings; ``lines`` are 1-based.

    >>> header, frame, lines = read_fast(b'id,note\\na,"two\\nlines"\\nb,x\\n', field_limit=99)
    >>> header, frame["note"].tolist(), lines
    (['id', 'note'], ['two\\nlines', 'x'], [2, 4])
    """
    if b"\x00" in data:
        return None
    start = len(_BOM) if data.startswith(_BOM) else 0
    structure = _structure(np.frombuffer(data, dtype=np.uint8)[start:])
    if structure is None:
        return None
    header_end, records, lines = structure
    try:
        names = next(csv.reader(io.StringIO(data[start : start + header_end].decode("utf-8"))))
    except (UnicodeDecodeError, csv.Error, StopIteration):
        return None
    if len(names) < 2 or len(set(names)) != len(names):
        return None
    try:
        table = pcsv.read_csv(
            pa.BufferReader(pa.py_buffer(data)),
            parse_options=pcsv.ParseOptions(newlines_in_values=True),
            convert_options=pcsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowException, ValueError):
        return None
    if table.column_names != names or table.num_rows != records - 1:
        return None
    header = [unicodedata.normalize("NFC", name) for name in names]
    if len(set(header)) != len(header):
        return None
    table = _normalised(table, field_limit)
    if table is None:
        return None
    frame = table.to_pandas()
    frame.columns = pd.Index(header, dtype=str)
    return header, frame, lines


def _structure(raw: np.ndarray) -> tuple[int, int, list[int]] | None:
    """Where the header ends, how many records, each data row's start line; None if the
    quoting is not plain."""
    n = len(raw)
    quotes = _positions(raw, _QUOTE)
    if len(quotes) % 2:
        return None
    opens, closes = quotes[0::2], quotes[1::2]
    before = raw[np.maximum(opens - 1, 0)]
    after = raw[np.minimum(closes + 1, n - 1)]
    opens_ok = (opens == 0) | (before == _COMMA) | (before == _LF) | (before == _CR)
    opens_ok[1:] |= opens[1:] == closes[:-1] + 1  # the second quote of a doubled pair
    closes_ok = (closes == n - 1) | (after == _COMMA) | (after == _LF) | (after == _CR)
    closes_ok |= after == _QUOTE
    if not (opens_ok.all() and closes_ok.all()):
        return None
    lf = _positions(raw, _LF)
    cr = _positions(raw, _CR)
    crlf = raw[np.maximum(lf - 1, 0)] == _CR
    crlf[lf == 0] = False
    lone_cr = cr[raw[np.minimum(cr + 1, n - 1)] != _LF] if len(cr) else cr
    break_start = np.sort(np.concatenate([np.where(crlf, lf - 1, lf), lone_cr]))
    break_end = np.sort(np.concatenate([lf, lone_cr]))
    outside = np.searchsorted(quotes, break_start) % 2 == 0
    record_start = np.concatenate(([0], break_end[outside] + 1))
    record_end = np.concatenate((break_start[outside], [n]))
    filled = record_end > record_start
    record_start, record_end = record_start[filled], record_end[filled]
    if len(record_start) == 0:
        return None
    lines = np.searchsorted(break_start, record_start[1:]) + 1
    return int(record_end[0]), len(record_start), lines.tolist()


_STEP = 1 << 22
"""Bytes compared at a time: a comparison of the whole file would allocate (and fault in)
a temporary as large as the file, three times."""


def _positions(raw: np.ndarray, byte: int) -> np.ndarray:
    """Where ``byte`` occurs in ``raw`` (``np.flatnonzero(raw == byte)``), a block at a time."""
    parts = [np.flatnonzero(raw[at : at + _STEP] == byte) + at for at in range(0, len(raw), _STEP)]
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.intp)


def _normalised(table: pa.Table, field_limit: int) -> pa.Table | None:
    """The table with its cells NFC-normalised; None if a cell needs the exact path.

    Columns are scanned on all cores (pyarrow releases the GIL).
    """
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        columns = list(pool.map(lambda c: _normalised_column(c, field_limit), table.columns))
    if any(column is None for column in columns):
        return None
    return pa.table(columns, names=table.column_names)


def _normalised_column(column: pa.ChunkedArray, field_limit: int) -> pa.ChunkedArray | None:
    not_plain, outside = _classes()
    longest = pc.max(pc.binary_length(column)).as_py() or 0  # bytes >= characters
    if longest > field_limit and (pc.max(pc.utf8_length(column)).as_py() or 0) > field_limit:
        return None
    column = _one_chunk(column)
    cells = _all_cells(column.chunk(0))
    if not pc.any(pc.match_substring_regex(cells, not_plain)).as_py():
        return column
    if pc.any(pc.match_substring_regex(cells, outside)).as_py():
        return None
    return _one_chunk(pc.utf8_normalize(column, form="NFC"))


def _all_cells(array: pa.Array) -> pa.Array:
    """The cells of a ``large_string`` array as one string, end to end, without a copy.

    Both classes of :func:`_classes` match one character, and a character never spans two
    cells, so a cell matches exactly when the joined cells do: one regex over the column's
    bytes costs a fraction of one per cell (about 45 ns a cell at a million rows).
    """
    if len(array) == 0:
        return pa.array([""], pa.large_string())
    offsets = np.frombuffer(array.buffers()[1], dtype=np.int64)
    low, high = int(offsets[array.offset]), int(offsets[array.offset + len(array)])
    data = array.buffers()[2]
    if data is None or high == low:
        return pa.array([""], pa.large_string())
    ends = pa.py_buffer(np.array([0, high - low], dtype=np.int64))
    return pa.Array.from_buffers(pa.large_string(), 1, [None, ends, data.slice(low, high - low)])


def _one_chunk(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """The column as one chunk of ``large_string`` (64-bit offsets: any size fits), as
    pandas holds it: a later take or filter of a chunked string column would first join
    all its chunks, a copy of the whole column each time."""
    return pa.chunked_array([column.cast(pa.large_string()).combine_chunks()])
