"""A large CSV resource read in chunks that start at record boundaries.

The dask engine never reads the claims table into one frame. The client splits the file
into byte ranges that begin and end between records (one streamed pass over the bytes,
numpy on each block: a line end outside double quotes ends a record); each worker reads
its range, with the header in front, through the same reader as the local engine
(:func:`checks.model.fastcsv.read_fast`, or Python's strict ``csv`` when the chunk is not
in plain form), so the cells are the same strings. Each chunk knows the number of the
first data row and the physical line it starts on, so findings are located exactly as
the local engine locates them.
"""

from __future__ import annotations

import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.model.csvfile import _FIELD_LIMIT, _check_header, _parse
from checks.model.errors import InputError
from checks.model.fastcsv import read_fast

ROW = "__row"
"""Column added to a chunk's frame: the record's index in the whole table (0-based),
unreadable rows counted (:func:`readable_rows` gives the local engine's row index)."""
LINE = "__line"
"""Column added to a chunk's frame: the physical line (1-based) where the row starts."""
PROBLEM = "__problem"
"""Column added to a chunk's frame: why the row cannot be read (empty for a row read)."""
EXPECTED = "__expected"
"""Column added to a chunk's frame: what an unreadable row should have been."""

BLOCK_BYTES = 32 * 1024 * 1024
"""Default chunk size: about 100,000 claims of the benchmark's packages."""

_READ_BYTES = 2 * 1024 * 1024  # the client's block: its arrays stay in tens of MB
_LF, _CR, _QUOTE = ord("\n"), ord("\r"), ord('"')
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Chunk:
    """Bytes ``[start, end)`` of a CSV file: whole records, after the header."""

    path: str
    display: str
    header: bytes
    start: int
    end: int
    first_row: int
    first_line: int


def split_csv(path: Path, *, display: str, block_bytes: int = BLOCK_BYTES) -> list[Chunk]:
    """Byte ranges of about ``block_bytes`` each, cut between records.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = f.write_bytes(b'id,note\\na,"x\\ny"\\nb,z\\n')
    >>> [(c.first_row, c.first_line) for c in split_csv(f, display="t.csv", block_bytes=4)]
    [(0, 2), (1, 4)]
    """
    size = _file_size(path, display)
    scanner = _RecordScanner(block_bytes)
    with open(path, "rb") as handle:
        offset = 0
        while offset < size:
            block = handle.read(min(block_bytes, _READ_BYTES))
            if not block:
                break
            scanner.feed(block, offset)
            offset += len(block)
    scanner.finish(size)
    if scanner.header_end is None:
        raise InputError("file is empty", path=display, line=1, expected="a header row")
    header = _head(path, scanner.header_end)
    cuts = scanner.cuts
    return [
        Chunk(str(path), display, header, start, next_start, row, line)
        for (start, row, line), next_start in zip(
            cuts, [*(c[0] for c in cuts[1:]), size][: len(cuts)], strict=True
        )
    ]


def _file_size(path: Path, display: str) -> int:
    try:
        return path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path=display) from None


def _head(path: Path, length: int) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(length)


class _RecordScanner:
    """Where the chunks start (byte offset, row, physical line), block by block.

    A chunk starts at the first record that starts ``block_bytes`` or more after the
    start of the previous chunk. Only the cuts are kept, never a list of every record.
    """

    def __init__(self, block_bytes: int) -> None:
        self.block_bytes = block_bytes
        self.cuts: list[tuple[int, int, int]] = []
        self.rows = 0  # data records seen so far
        self.next_cut = 0
        self.quotes = 0  # double quotes seen so far
        self.breaks = 0  # line ends seen so far (LF, CRLF or a lone CR)
        self.record_start = 0  # byte offset where the current record began
        self.record_line = 1
        self.record_empty = True
        self.header_end: int | None = None
        self._last_cr = False

    def feed(self, block: bytes, offset: int) -> None:
        raw = np.frombuffer(block, dtype=np.uint8)
        if offset == 0 and block.startswith(_BOM):
            self.record_start = len(_BOM)
        n = len(raw)
        quote_pos = np.flatnonzero(raw == _QUOTE)
        lf = np.flatnonzero(raw == _LF)
        cr = np.flatnonzero(raw == _CR)
        # a CR followed by LF is one line end, counted at the LF; a CR that ends the
        # block is decided here as a line end, and an LF opening the next block dropped
        lone_cr = cr[(cr == n - 1) | (raw[np.minimum(cr + 1, n - 1)] != _LF)]
        ends = np.sort(np.concatenate([lf, lone_cr]))
        if self._last_cr and n and raw[0] == _LF:
            ends = ends[ends != 0]
            if self.record_start == offset:
                self.record_start += 1
        self._last_cr = bool(n and raw[-1] == _CR)
        numbers = np.arange(len(ends))
        odd = (self.quotes + np.searchsorted(quote_pos, ends)) % 2 == 1
        outside, numbers = ends[~odd], numbers[~odd]
        content = np.ones(n, dtype=np.int32)
        content[lf] = 0
        content[cr] = 0
        # filled[i]: the content bytes before i
        filled = np.concatenate(([0], np.cumsum(content, dtype=np.int32)))
        first = max(self.record_start - offset, 0)
        begins = np.concatenate(([first], outside[:-1] + 1)).astype(np.int64)
        counts = filled[outside] - filled[begins]
        keep = counts > 0
        if len(keep) and not self.record_empty:
            keep[0] = True
        starts = np.concatenate(([self.record_start], offset + outside[:-1] + 1))
        lines = np.concatenate(([self.record_line], self.breaks + numbers[:-1] + 2))
        self._records(starts[keep], lines[keep], offset + outside[keep])
        if len(outside):
            self.record_start = offset + int(outside[-1]) + 1
            self.record_line = self.breaks + int(numbers[-1]) + 2
            self.record_empty = True
        tail = filled[n] - filled[min(max(self.record_start - offset, 0), n)]
        if tail > 0:
            self.record_empty = False
        self.quotes += len(quote_pos)
        self.breaks += len(ends)

    def _records(self, starts: np.ndarray, lines: np.ndarray, ends: np.ndarray) -> None:
        """Take in records (the first one of the file is the header)."""
        if self.header_end is None and len(starts):
            self.header_end = int(ends[0])
            starts, lines = starts[1:], lines[1:]
        first = 0
        while first < len(starts):
            if not self.cuts or starts[first] >= self.next_cut:
                cut = first
            else:
                cut = int(np.searchsorted(starts, self.next_cut, side="left"))
                if cut >= len(starts):
                    break
            self.cuts.append((int(starts[cut]), self.rows + cut, int(lines[cut])))
            self.next_cut = int(starts[cut]) + self.block_bytes
            first = cut + 1
        self.rows += len(starts)

    def finish(self, size: int) -> None:
        if not self.record_empty:
            self._records(
                np.array([self.record_start]), np.array([self.record_line]), np.array([size])
            )


def read_chunk(chunk: Chunk, columns: list[str] | None) -> pd.DataFrame:
    """The chunk's rows as strings, with :data:`ROW`, :data:`LINE` and :data:`PROBLEM`
    columns.

    A row that cannot be read (ragged, badly quoted) is kept as a row with empty cells and
    the reason in :data:`PROBLEM` (and :data:`EXPECTED`), where the local reader, in
    tolerant mode, leaves it out of the table and lists it; a chunk that cannot be read at
    all (not UTF-8, a bad header) raises, as the local reader does.
    """
    with open(chunk.path, "rb") as handle:
        handle.seek(chunk.start)
        body = handle.read(chunk.end - chunk.start)
    header = chunk.header + b"\n"
    data = header + body
    header_lines = _line_ends(header)
    shift = chunk.first_line - header_lines - 1
    fast = read_fast(data, field_limit=_FIELD_LIMIT)
    problems: list[InputError] = []
    if fast is not None:
        names, frame, lines = fast
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(
                f"not UTF-8 near byte {chunk.start + max(exc.start - len(header), 0)}",
                path=chunk.display,
                expected="a UTF-8 file",
            ) from None
        text = text[1:] if text.startswith("\ufeff") else text
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        try:
            names, rows, lines, _ = _parse(text, chunk.display, problems, limit=sys.maxsize)
        except InputError as exc:  # the header cannot be read
            raise _in_file(exc, chunk, header_lines, shift) from None
        frame = pd.DataFrame(rows, columns=pd.Index(names, dtype=str), dtype=str)
    _check_header(list(names), chunk.display, columns)
    frame = frame.reset_index(drop=True)
    records = len(frame) + len(problems)
    bad = np.array([p.row for p in problems], dtype=np.int64) - 1  # chunk-relative records
    good = np.setdiff1d(np.arange(records, dtype=np.int64), bad, assume_unique=True)
    frame[ROW] = good + chunk.first_row
    frame[LINE] = np.asarray(lines, dtype=np.int64) + shift
    frame[PROBLEM] = ""
    frame[EXPECTED] = ""
    if not problems:
        return frame
    unreadable = pd.DataFrame("", index=range(len(problems)), columns=frame.columns)
    unreadable[ROW] = bad + chunk.first_row
    unreadable[LINE] = [_in_file(p, chunk, header_lines, shift).line or 0 for p in problems]
    unreadable[PROBLEM] = [p.message for p in problems]
    unreadable[EXPECTED] = [p.expected or "" for p in problems]
    both = pd.concat([frame, unreadable], ignore_index=True)
    return both.sort_values(ROW, kind="stable").reset_index(drop=True)


def readable_rows(rows: npt.ArrayLike, unreadable: npt.ArrayLike) -> npt.NDArray[np.int64]:
    """The index in the local engine's table (which leaves unreadable rows out) of the
    records ``rows`` (:data:`ROW` values), given every unreadable record's :data:`ROW`.

    >>> readable_rows([0, 2, 5], [1, 3]).tolist()
    [0, 1, 3]
    """
    ordered = np.sort(np.asarray(unreadable, dtype=np.int64))
    records = np.asarray(rows, dtype=np.int64)
    found: npt.NDArray[np.int64] = records - np.searchsorted(ordered, records, side="left")
    return found


def _in_file(exc: InputError, chunk: Chunk, header_lines: int, shift: int) -> InputError:
    """An error located in the chunk (header in front) located in the whole file."""
    line = exc.line + shift if exc.line is not None and exc.line > header_lines else exc.line
    row = exc.row + chunk.first_row if exc.row is not None else None
    return InputError(
        exc.message, path=exc.path, line=line, row=row, column=exc.column, expected=exc.expected
    )


def _line_ends(data: bytes) -> int:
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")
