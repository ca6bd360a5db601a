"""Reading a CSV resource: all cells as text, with clear errors and physical line numbers."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd

from checks.model.errors import InputError

_LEGACY_ENCODINGS = (("windows-1258", "Windows-1258 (Vietnamese)"), ("latin-1", "Latin-1"))


def describe_encoding(data: bytes) -> str:
    """A best guess at what a non-UTF-8 byte string is, for the error message."""
    for codec, name in _LEGACY_ENCODINGS:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        return name
    return "an unknown encoding"


def decode_utf8(data: bytes, *, path: str) -> str:
    """Decode UTF-8 (a BOM is dropped); other encodings are an error that names them."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            f"looks like {describe_encoding(data)}",
            path=path,
            line=line,
            expected="UTF-8 text",
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_csv_text(path: Path, *, display: str, columns: list[str] | None) -> pd.DataFrame:
    """Read a CSV file into a frame of strings (empty cells are ``""``).

    Ragged rows, a missing header and non-UTF-8 bytes raise :class:`InputError`.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=display) from None
    text = decode_utf8(data, path=display)
    if not text.strip():
        raise InputError("file is empty", path=display, expected="a header row")
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            engine="c",
            on_bad_lines="error",
        )
    except pd.errors.ParserError as exc:
        raise InputError(
            f"malformed CSV: {_short(exc)}",
            path=display,
            expected="the same number of cells in every row",
        ) from None
    except pd.errors.EmptyDataError:
        raise InputError("file is empty", path=display, expected="a header row") from None
    if columns is not None:
        missing = [c for c in columns if c not in frame.columns]
        if missing:
            raise InputError(
                f"header lacks column(s) {', '.join(missing)}",
                path=display,
                line=1,
                expected="the fields of the table schema",
            )
    _check_rows_complete(text, frame, display)
    return frame


def _short(exc: Exception) -> str:
    return str(exc).strip().splitlines()[-1]


def _check_rows_complete(text: str, frame: pd.DataFrame, display: str) -> None:
    """A row with fewer cells than the header is filled with NaN by pandas: refuse it."""
    if frame.shape[1] == 0:
        return
    short = frame.isna().any(axis=1).to_numpy()
    if short.any():
        index = int(np.argmax(short))
        line = physical_lines(text)[index] if index < len(physical_lines(text)) else None
        raise InputError(
            f"row {index + 1} has fewer cells than the header",
            path=display,
            line=line,
            row=index + 1,
            expected=f"{frame.shape[1]} cells ({', '.join(map(str, frame.columns))})",
        )


def physical_lines(text: str) -> list[int]:
    """The 1-based physical line on which each data row starts (quoted newlines counted)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    starts: list[int] = []
    previous_end = 0
    for index, _row in enumerate(reader):
        if index > 0:
            starts.append(previous_end + 1)
        previous_end = reader.line_num
    return starts
