"""An archived source: hashed in a stream, decoded to NFC text only when needed.

Sources can be large (an archived report, a scraped page with everything around it); a
check of its sha256 must not cost memory in proportion to its size.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from checks.model.csvfile import decode_utf8, not_utf8_error, read_regular_file
from checks.model.errors import InputError

DEFAULT_MAX_SOURCE_BYTES = 32 * 1024 * 1024
"""Sources above this size are hashed (streamed) but not decoded for offsets."""
MAX_SOURCE_BYTES_ENV = "CLAIMLEDGER_MAX_SOURCE_BYTES"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class SourceText:
    """An archived source file: the sha256 of its bytes and (on first use) its NFC text.

    Hashing streams the file in 1 MiB chunks and checks that it is UTF-8 on the way, so a
    source of any size costs bounded memory. ``text`` decodes the file only when a check
    asks for it; above ``max_bytes`` it raises :class:`InputError` instead.
    """

    path: Path
    sha256: str
    byte_count: int
    display: str = ""
    max_bytes: int = DEFAULT_MAX_SOURCE_BYTES

    @cached_property
    def text(self) -> str:
        """The NFC-normalised text (claims' offsets count characters of this string)."""
        where = self.display or self.path.name
        if self.byte_count > self.max_bytes:
            raise InputError(
                f"source is {self.byte_count:,} bytes, above the {self.max_bytes:,}-byte "
                f"limit for reading quotes (set {MAX_SOURCE_BYTES_ENV} to raise it)",
                path=where,
                expected=f"a source of at most {self.max_bytes:,} bytes",
            )
        data = read_regular_file(self.path, display=where, what="source")
        return unicodedata.normalize("NFC", decode_utf8(data, path=where))


def hash_source(path: Path, *, display: str, max_bytes: int) -> SourceText:
    """Stream a source file through sha256 and a UTF-8 decoder in bounded memory.

    Bytes that are not UTF-8 raise :class:`InputError` naming the line and the encoding
    they look like, as for a table.
    """
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    count = 0
    lines = 1
    try:
        if not path.is_file():
            reason = "no such file" if not path.exists() else "not a regular file"
            raise InputError(f"cannot read source: {reason}", path=display, expected="a file")
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError as exc:
                    # exc.object is the decoder's pending bytes (a partial character
                    # from the previous chunk, never a line end) followed by this chunk.
                    pending = len(exc.object) - len(chunk)
                    raise not_utf8_error(
                        exc.object, exc, path=display, offset=count - pending, first_line=lines
                    ) from None
                lines += chunk.count(b"\n")
                count += len(chunk)
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                raise InputError(
                    "not UTF-8 (the file ends inside a multi-byte character)",
                    path=display,
                    line=lines,
                    expected="UTF-8 text",
                ) from None
    except OSError as exc:
        raise InputError(f"cannot read source: {exc.strerror or exc}", path=display) from None
    return SourceText(path, digest.hexdigest(), count, display, max_bytes)


def max_source_bytes_from_env() -> int:
    """The decoding limit for sources: ``$CLAIMLEDGER_MAX_SOURCE_BYTES`` or the default."""
    raw = os.environ.get(MAX_SOURCE_BYTES_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_SOURCE_BYTES
    if not raw.isdigit() or len(raw) > 18:
        raise InputError(
            f"{raw!r} is not a byte count",
            path=f"${MAX_SOURCE_BYTES_ENV}",
            expected="a whole number of bytes, e.g. 100000000",
        )
    return int(raw)
