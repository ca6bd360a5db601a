"""Adding an article to a package: archive its bytes, register it in ``sources.csv``.

The file must be UTF-8 (a byte-order mark is dropped by readers, kept here as printed) and
in NFC, the form claim offsets count characters of; ``normalize=True`` archives the NFC
form instead of refusing. The bytes are copied under ``sources/`` unchanged, their sha256
computed, a ``source_id`` proposed by the package's convention
(:mod:`checks.authoring.source_id`), and the row appended. The copy and the new
``sources.csv`` are written in one atomic step: a failure leaves both as they were.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from checks.authoring.source_id import propose_source_id
from checks.authoring.table_append import append_rows
from checks.model.csvfile import decode_utf8, read_regular_file
from checks.model.errors import InputError
from checks.model.package import Package
from checks.scan.language import LANGUAGES, guess_language

KINDS = ("news", "official", "statistical", "survey", "estimate")
TITLE_CHARS = 150  # a first line longer than this is a paragraph, not a headline
_SOURCE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class SourceMetadata:
    """What a fact-checker says about a source; empty strings where unknown."""

    title: str = ""
    publisher: str = ""
    url: str = ""
    published: str = ""
    kind: str = "news"
    language: str = ""  # guessed from the text when empty
    body_end: int | None = None
    source_id: str = ""  # proposed by the package's convention when empty
    note: str = ""


@dataclass(frozen=True)
class AddedSource:
    row: dict[str, str]
    archived: Path


def read_source_file(path: Path, *, normalize: bool) -> tuple[bytes, str]:
    """The bytes to archive and their text; refuses non-UTF-8 and (unless asked) non-NFC."""
    data = read_regular_file(path, display=str(path), what="source")
    text = decode_utf8(data, path=str(path))
    if not text.strip():
        raise InputError("the source is empty", path=str(path), expected="the article's text")
    if not unicodedata.is_normalized("NFC", text):
        if not normalize:
            raise InputError(
                "the text is not in Unicode NFC (letters and their marks stored apart)",
                path=str(path),
                expected="NFC text; pass --normalize to archive its NFC form",
            )
        text = unicodedata.normalize("NFC", text)
        data = text.encode("utf-8")
    return data, text


def _check(meta: SourceMetadata, text: str, taken: set[str]) -> None:
    if meta.kind not in KINDS:
        raise InputError(f"kind {meta.kind!r}", column="--kind", expected=", ".join(KINDS))
    if meta.language and meta.language not in LANGUAGES:
        raise InputError(
            f"language {meta.language!r}", column="--language", expected=", ".join(LANGUAGES)
        )
    if meta.published:
        try:
            date.fromisoformat(meta.published)
        except ValueError:
            raise InputError(
                f"published {meta.published!r} is not a date",
                column="--published",
                expected="an ISO date YYYY-MM-DD",
            ) from None
    if meta.body_end is not None and not 0 <= meta.body_end <= len(text):
        raise InputError(
            f"body_end {meta.body_end} is outside the text (0..{len(text)})",
            column="--body-end",
            expected="a character offset of the NFC text",
        )
    if meta.source_id and not _SOURCE_ID.match(meta.source_id):
        raise InputError(
            f"source_id {meta.source_id!r}",
            column="--id",
            expected="a slug: lower-case letters and digits joined by '-'",
        )
    if meta.source_id in taken:
        raise InputError(
            f"source_id {meta.source_id!r} is already in sources.csv",
            column="--id",
            expected="a new source_id",
        )


def _first_line_title(text: str, file: Path) -> str:
    first = next(line.strip() for line in text.splitlines() if line.strip())
    if len(first) > TITLE_CHARS:
        raise InputError(
            f"the first line is {len(first)} characters long, not a headline",
            path=str(file),
            column="--title",
            expected="a title given with --title",
        )
    return first


def add_source(
    pkg: Package, file: Path, meta: SourceMetadata, *, normalize: bool = False
) -> AddedSource:
    """Archive ``file`` under ``sources/`` and append its row to ``sources.csv``.

    The title defaults to the file's first non-empty line; the language is guessed from
    the text when not given. A file already in ``sources/`` is registered where it is;
    another is copied to ``sources/<source_id>.txt``, refused if that name holds other bytes.
    """
    resource = pkg.resources.get("sources")
    if resource is None:
        raise InputError(
            "the package has no 'sources' resource",
            path=pkg.descriptor_path.name,
            expected="a resource named sources",
        )
    data, text = read_source_file(file, normalize=normalize)
    table = resource.frame
    taken = set(table["source_id"].tolist()) if "source_id" in table.columns else set()
    _check(meta, text, taken)
    title = meta.title or _first_line_title(text, file)
    existing = list(zip(table.get("source_id", []), table.get("kind", []), strict=True))
    source_id = meta.source_id or propose_source_id(
        existing,
        kind=meta.kind,
        title=title,
        publisher=meta.publisher,
        published=meta.published,
    )
    folder = (pkg.root / "sources").resolve()
    in_place = file.resolve().parent == folder
    archived = file.resolve() if in_place else folder / f"{source_id}.txt"
    also: dict[Path, bytes] = {}
    if in_place and data != archived.read_bytes():
        raise InputError(
            "the file in sources/ is not in NFC; archive a copy from outside the package",
            path=f"sources/{archived.name}",
            expected="NFC text",
        )
    if in_place and f"sources/{archived.name}" in set(table.get("path", [])):
        raise InputError(
            "this file is already registered in sources.csv",
            path=f"sources/{archived.name}",
            expected="a file no row registers",
        )
    if archived.exists() and not in_place:
        if archived.read_bytes() != data:
            raise InputError(
                "another file is archived under this name",
                path=f"sources/{archived.name}",
                expected="a new source_id (--id)",
            )
    else:
        also[archived] = data
    row = {
        "source_id": source_id,
        "title": title,
        "publisher": meta.publisher,
        "url": meta.url,
        "published": meta.published,
        "language": meta.language or guess_language(text),
        "kind": meta.kind,
        "path": f"sources/{archived.name}",
        "sha256": hashlib.sha256(data).hexdigest(),
        "body_end": "" if meta.body_end is None else str(meta.body_end),
        "note": meta.note,
    }
    append_rows(resource, [row], also)
    return AddedSource(row, archived)
