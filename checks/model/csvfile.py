"""Reading a CSV resource: all cells as text, with clear errors and physical line numbers.

The file is read once: its bytes are decoded as UTF-8 (a BOM is dropped; any other
encoding is an error that names the encoding it looks like), the text is NFC-normalised
(so a cell typed in decomposed form compares equal to the NFC source texts), and Python's
``csv`` reader parses it in strict mode. Every row must have exactly as many cells as the
header; a quoted field may span lines, and each row remembers the physical line it starts
on, so errors and findings point at the line an editor shows.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from checks.model.errors import InputError
from checks.model.fastcsv import FAST_MIN_BYTES, read_fast

# Read as Windows-1258, Vietnamese text has letters that Latin-1 text almost never gives:
# ă đ ơ ư, or a tone mark (Windows-1258 stores them as combining marks) after a vowel.
# Bytes 0x80-0x9f are printable in Windows code pages and control codes in Latin-1.
_VIETNAMESE = re.compile("[ăĂđĐơƠưƯ]|[aeiouyâêôăơưAEIOUYÂÊÔĂƠƯ][\u0300\u0301\u0303\u0309\u0323]")
_FIELD_LIMIT = 1 << 24  # 16 MiB in one cell: far above any quote, far below memory trouble


MAX_ROW_PROBLEMS = 100
"""Rows that cannot be read, kept per table in tolerant mode; the rest are only counted."""


@dataclass(frozen=True)
class CsvTable:
    """The cells of a CSV file as strings, and the physical line each data row starts on.

    In tolerant mode, ``problems`` holds the rows that could not be read (left out of
    ``frame``), at most :data:`MAX_ROW_PROBLEMS` of them; ``problem_count`` counts all.
    """

    frame: pd.DataFrame
    lines: list[int]
    problems: tuple[InputError, ...] = ()
    problem_count: int = 0


def describe_encoding(data: bytes) -> str:
    """A best guess at what a non-UTF-8 byte string is, for the error message.

    >>> describe_encoding("Đà Lạt".encode("cp1258", errors="ignore"))
    'Windows-1258 (Vietnamese)'
    >>> describe_encoding("café".encode("latin-1"))
    'Latin-1 (ISO-8859-1)'
    >>> describe_encoding("Đà Lạt".encode("utf-16"))
    'UTF-16 (little-endian, with a byte order mark)'
    """
    wide = utf16_or_32(data)
    if wide:
        return wide
    try:
        vietnamese = data.decode("cp1258")
    except UnicodeDecodeError:
        vietnamese = ""
    if _VIETNAMESE.search(vietnamese):
        return "Windows-1258 (Vietnamese)"
    if not any(0x80 <= b <= 0x9F for b in data):
        return "Latin-1 (ISO-8859-1)"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "an unknown encoding"
    return "Windows-1252"


_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32 (little-endian, with a byte order mark)"),
    (b"\x00\x00\xfe\xff", "UTF-32 (big-endian, with a byte order mark)"),
    (b"\xff\xfe", "UTF-16 (little-endian, with a byte order mark)"),
    (b"\xfe\xff", "UTF-16 (big-endian, with a byte order mark)"),
)


def utf16_or_32(data: bytes) -> str:
    """``UTF-16 (...)`` or ``UTF-32 (...)`` when the bytes look like it, else ``""``.

    A byte order mark says so; without one, text in UTF-16 has a NUL in most pairs of bytes
    at one parity and almost none at the other (ASCII and Vietnamese letters alike).

    >>> utf16_or_32("claim_id,quote".encode("utf-16-be")), utf16_or_32(b"plain")
    ('UTF-16 (big-endian, no byte order mark)', '')
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2:
        return ""
    even = sample[0 : 2 * pairs : 2].count(0)
    odd = sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.3 * pairs and even <= 0.05 * pairs:
        return "UTF-16 (little-endian, no byte order mark)"
    if even >= 0.3 * pairs and odd <= 0.05 * pairs:
        return "UTF-16 (big-endian, no byte order mark)"
    return ""


def _codec_hint(name: str) -> str:
    if name.startswith(("UTF-16", "UTF-32")):
        width = name[:6]
        if "with a byte order mark" in name:
            return f"; convert it with: iconv -f {width} -t UTF-8"
        order = "LE" if "little" in name else "BE"
        return f"; convert it with: iconv -f {width}{order} -t UTF-8"
    codec = {"Windows-1258": "CP1258", "Latin-1": "LATIN1", "Windows-1252": "CP1252"}
    for prefix, iconv in codec.items():
        if name.startswith(prefix):
            return f"; convert it with: iconv -f {iconv} -t UTF-8"
    return ""


def decode_utf8(data: bytes, *, path: str) -> str:
    """Decode UTF-8 (a BOM is dropped); other encodings are an error that names them.

    >>> decode_utf8(b"\\xef\\xbb\\xbfok", path="a.csv")
    'ok'
    >>> decode_utf8("Đà".encode("cp1258"), path="a.txt")
    Traceback (most recent call last):
    ...
    checks.model.errors.InputError: a.txt:1: not UTF-8 (byte 0xd0 at offset 0); \
looks like Windows-1258 (Vietnamese); convert it with: iconv -f CP1258 -t UTF-8 \
(expected UTF-8 text)
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise not_utf8_error(data, exc, path=path) from None
    if "\x00" in text:  # ASCII in UTF-16 is valid UTF-8, with a NUL in every other byte
        wide = utf16_or_32(data)
        if wide:
            raise InputError(
                f"not UTF-8: looks like {wide}{_codec_hint(wide)}",
                path=path,
                expected="UTF-8 text",
            )
    return text[1:] if text.startswith("\ufeff") else text


def not_utf8_error(
    data: bytes,
    exc: UnicodeDecodeError,
    *,
    path: str,
    offset: int = 0,
    first_line: int = 1,
    row: int | None = None,
    column: str | None = None,
) -> InputError:
    """The error for bytes that are not UTF-8: where, which byte, and what it looks like.

    ``data`` may be one chunk of a file: ``offset`` and ``first_line`` say where it starts.
    """
    guess = describe_encoding(data)
    position = offset + exc.start
    line = first_line + data[: exc.start].count(b"\n")
    return InputError(
        f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {position}); "
        f"looks like {guess}{_codec_hint(guess)}",
        path=path,
        line=line,
        row=row,
        column=column,
        expected="UTF-8 text",
    )


def read_regular_file(path: Path, *, display: str, what: str = "file") -> bytes:
    """The bytes of a regular file; a folder, a FIFO or a device is an error, not a hang."""
    try:
        if not path.is_file():
            reason = "no such file" if not path.exists() else "not a regular file"
            raise InputError(f"cannot read {what}: {reason}", path=display, expected="a file")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {what}: {exc.strerror or exc}", path=display) from None


def read_csv_table(
    path: Path, *, display: str, columns: list[str] | None, tolerant: bool = False
) -> CsvTable:
    """Read a CSV file: its cells as strings and each data row's physical start line.

    A row that cannot be read (ragged, a quote left open, text after a closing quote)
    raises :class:`InputError`; with ``tolerant`` it is left out and listed in
    ``problems`` instead, so every bad row of a table is reported in one run. A file that
    cannot be read at all (not UTF-8, empty, a bad header) raises in both modes.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "t.csv").write_bytes(b'id,note\\r\\na,"two\\r\\nlines"\\r\\nb,x\\r\\n')
    >>> table = read_csv_table(folder / "t.csv", display="t.csv", columns=["id"])
    >>> table.frame["note"].tolist(), table.lines
    (['two\\r\\nlines', 'x'], [2, 4])
    """
    data = read_regular_file(path, display=display)
    if len(data) >= FAST_MIN_BYTES:  # a large plain file: the same result, column-wise
        fast = read_fast(data, field_limit=_FIELD_LIMIT)
        if fast is not None:
            _check_header(fast[0], display, columns)
            return CsvTable(fast[1], fast[2])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _locate_bad_bytes(data, exc, display) from None
    if "\x00" in text:
        text = decode_utf8(data, path=display)  # names UTF-16 that happens to be valid UTF-8
    text = text[1:] if text.startswith("\ufeff") else text
    if not text.strip():
        raise InputError("file is empty", path=display, line=1, expected="a header row")
    # NFC never creates or removes a comma, a double quote or a line end, so the CSV
    # structure (and every physical line number) is the same before and after.
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    problems: list[InputError] = []
    header, rows, lines, count = _parse(text, display, problems if tolerant else None)
    _check_header(header, display, columns)
    frame = pd.DataFrame(rows, columns=pd.Index(header, dtype=str), dtype=str)
    return CsvTable(frame, lines, tuple(problems), count)


def _parse(
    text: str, display: str, problems: list[InputError] | None, limit: int = MAX_ROW_PROBLEMS
) -> tuple[list[str], list[list[str]], list[int], int]:
    """Header, rows, their start lines and the number of bad rows (the first ``limit``
    listed in ``problems``).

    Without a ``problems`` list the first bad row raises.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    rows: list[list[str]] = []
    lines: list[int] = []
    count = 0
    previous = csv.field_size_limit(_FIELD_LIMIT)
    try:
        while True:
            start = reader.line_num + 1
            number = len(rows) + count + 1
            error: InputError | None = None
            try:
                cells = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                if header is None:
                    raise _csv_error(exc, display, start, None) from None
                error, cells = _csv_error(exc, display, start, number), []
            if error is None and not cells:
                continue  # a blank line
            if header is None:
                header = cells
                continue
            if error is None and len(cells) != len(header):
                error = _ragged(display, start, number, len(cells), header)
            if error is not None:
                if problems is None:
                    raise error
                count += 1
                if len(problems) < limit:
                    problems.append(error)
                continue
            rows.append(cells)
            lines.append(start)
    finally:
        csv.field_size_limit(previous)
    if header is None:
        raise InputError("file is empty", path=display, line=1, expected="a header row")
    return header, rows, lines, count


def _csv_error(exc: csv.Error, display: str, line: int, row: int | None) -> InputError:
    reason = str(exc)
    if "unexpected end of data" in reason:
        return InputError(
            "a quoted cell is never closed (the file ends inside quotes)",
            path=display,
            line=line,
            row=row,
            expected='a closing " for every opening "',
        )
    if "expected after" in reason:
        return InputError(
            "text after the closing quote of a cell",
            path=display,
            line=line,
            row=row,
            expected='a comma or a line end after a closing " (write "" for a quote inside)',
        )
    if "field larger than field limit" in reason:
        return InputError(
            "a cell is larger than 16 MiB",
            path=display,
            line=line,
            row=row,
            expected="cells of reasonable size",
        )
    return InputError(f"malformed CSV: {reason}", path=display, line=line, row=row)


def _ragged(display: str, line: int, row: int, count: int, header: list[str]) -> InputError:
    relation = "fewer" if count < len(header) else "more"
    return InputError(
        f"row has {count} cells, {relation} than the header's {len(header)}",
        path=display,
        line=line,
        row=row,
        expected=f"{len(header)} cells ({', '.join(header)})",
    )


def _check_header(header: list[str], display: str, columns: list[str] | None) -> None:
    seen: set[str] = set()
    for name in header:
        if name in seen:
            raise InputError(
                f"header repeats column {name!r}",
                path=display,
                line=1,
                column=name,
                expected="each column named once",
            )
        seen.add(name)
    if columns is not None:
        missing = [c for c in columns if c not in seen]
        if missing:
            raise InputError(
                f"header lacks column(s) {', '.join(missing)}",
                path=display,
                line=1,
                expected="the fields of the table schema",
            )


def _locate_bad_bytes(data: bytes, exc: UnicodeDecodeError, display: str) -> InputError:
    """Name the row and column of the first non-UTF-8 cell, not just a byte offset.

    Latin-1 maps each byte to one character, so the CSV structure parses the same and
    each cell can be re-encoded to its original bytes.
    """
    reader = csv.reader(io.StringIO(data.decode("latin-1"), newline=""))
    header: list[str] = []
    row = 0
    try:
        for cells in reader:
            if not cells:
                continue
            for index, cell in enumerate(cells):
                try:
                    cell.encode("latin-1").decode("utf-8")
                except UnicodeDecodeError:
                    column = header[index] if header and index < len(header) else None
                    return not_utf8_error(data, exc, path=display, row=row or None, column=column)
            if not header:
                header = cells
            else:
                row += 1
    except csv.Error:
        pass
    return not_utf8_error(data, exc, path=display)


def physical_lines(text: str) -> list[int]:
    """The 1-based physical line on which each data row starts (quoted newlines counted).

    >>> physical_lines('id,note\\na,"two\\nlines"\\nb,x\\n')
    [2, 4]
    """
    reader = csv.reader(io.StringIO(text, newline=""))
    starts: list[int] = []
    seen_header = False
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except (StopIteration, csv.Error):
            break
        if not cells:
            continue
        if seen_header:
            starts.append(start)
        seen_header = True
    return starts
