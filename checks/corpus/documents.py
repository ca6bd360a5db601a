"""A corpus of documents to scan, cut into chunks that a worker reads on its own.

A corpus is a folder (every ``*.txt`` under it), a glob (``news/2025-*/*.txt``), a JSON
Lines file (one object a line: ``id``, ``text``, optional ``language`` and ``date``) or a
Parquet file (columns ``id``, ``text``, optional ``language`` and ``date``). A chunk is a
batch of files, a byte range of whole lines, or a row group: each becomes one partition
of the mentions table.
"""

from __future__ import annotations

import glob
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from checks.model.errors import InputError

FILES_PER_CHUNK = 200
JSONL_CHUNK_BYTES = 1024 * 1024
JSONL_SUFFIXES = (".jsonl", ".ndjson")
GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True)
class Document:
    """One text to scan: its id, the text, its language (``auto`` to guess) and date."""

    id: str
    text: str
    language: str = "auto"
    date: str | None = None


@dataclass(frozen=True)
class CorpusChunk:
    """A part of a corpus: ``files`` (with their ids), or a byte range of a JSON Lines
    file, or a row group of a Parquet file."""

    kind: str  # "files", "jsonl" or "parquet"
    path: str = ""
    files: tuple[tuple[str, str], ...] = ()  # (document id, path)
    start: int = 0
    end: int = 0
    first_line: int = 1
    row_group: int = 0


def is_corpus(source: str) -> bool:
    """A folder, a glob, a JSON Lines or a Parquet file (not a single text file)."""
    path = Path(source)
    return (
        path.is_dir()
        or bool(GLOB_CHARS.intersection(source))
        or path.suffix.lower() in (*JSONL_SUFFIXES, ".parquet")
    )


def corpus_chunks(source: str, *, files_per_chunk: int = FILES_PER_CHUNK) -> list[CorpusChunk]:
    """The chunks of a corpus, in a fixed order (the order of the mentions table).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("79,1%"); _ = (d / "b.txt").write_text("gần 16.000")
    >>> [c.files for c in corpus_chunks(str(d))][0][0][0]
    'a.txt'
    """
    path = Path(source)
    if path.suffix.lower() in JSONL_SUFFIXES and not path.is_dir():
        return _jsonl_chunks(path, source)
    if path.suffix.lower() == ".parquet" and not path.is_dir():
        return _parquet_chunks(path, source)
    files = _text_files(source)
    return [
        CorpusChunk("files", source, tuple(files[i : i + files_per_chunk]))
        for i in range(0, len(files), files_per_chunk)
    ]


def _text_files(source: str) -> list[tuple[str, str]]:
    path = Path(source)
    if path.is_dir():
        found = sorted(p for p in path.rglob("*.txt") if p.is_file())
        pairs = [(p.relative_to(path).as_posix(), str(p)) for p in found]
    else:
        found = sorted(Path(p) for p in glob.glob(source, recursive=True) if Path(p).is_file())
        pairs = [(p.as_posix(), str(p)) for p in found]
    if not pairs:
        raise InputError(
            "no documents found", path=source, expected="a folder of .txt files or a glob"
        )
    return pairs


def _jsonl_chunks(path: Path, display: str) -> list[CorpusChunk]:
    try:
        with open(path, "rb") as handle:
            return list(_jsonl_ranges(handle, path.stat().st_size, str(path)))
    except OSError as exc:
        raise InputError(f"cannot read corpus: {exc.strerror or exc}", path=display) from None


def _jsonl_ranges(handle: BinaryIO, size: int, path: str) -> Iterator[CorpusChunk]:
    """Ranges of about :data:`JSONL_CHUNK_BYTES`, each ending at the end of a line."""
    start, line = 0, 1
    while start < size:
        handle.seek(start + JSONL_CHUNK_BYTES)
        tail = handle.readline() if start + JSONL_CHUNK_BYTES < size else b""
        end = min(start + JSONL_CHUNK_BYTES + len(tail), size)
        handle.seek(start)
        lines = handle.read(end - start).count(b"\n")
        yield CorpusChunk("jsonl", path, start=start, end=end, first_line=line)
        start, line = end, line + lines


def _parquet_chunks(path: Path, display: str) -> list[CorpusChunk]:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(path).metadata
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read Parquet corpus: {exc}", path=display) from None
    return [CorpusChunk("parquet", str(path), row_group=i) for i in range(meta.num_row_groups)]


def read_documents(chunk: CorpusChunk) -> list[Document]:
    """The documents of a chunk, each checked: an id and a text, strings."""
    if chunk.kind == "files":
        return [_text_document(doc_id, file) for doc_id, file in chunk.files]
    if chunk.kind == "jsonl":
        return _jsonl_documents(chunk)
    return _parquet_documents(chunk)


def _text_document(doc_id: str, file: str) -> Document:
    try:
        data = Path(file).read_bytes()
        text = data.decode("utf-8")
    except OSError as exc:
        raise InputError(f"cannot read document: {exc.strerror or exc}", path=file) from None
    except UnicodeDecodeError as exc:
        raise InputError(
            f"not UTF-8 at byte {exc.start}", path=file, expected="a UTF-8 text file"
        ) from None
    return Document(doc_id, text[1:] if text.startswith("\ufeff") else text)


def _jsonl_documents(chunk: CorpusChunk) -> list[Document]:
    with open(chunk.path, "rb") as handle:
        handle.seek(chunk.start)
        data = handle.read(chunk.end - chunk.start)
    documents: list[Document] = []
    for offset, raw in enumerate(data.split(b"\n")):
        if not raw.strip():
            continue
        line = chunk.first_line + offset
        try:
            record = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(
                f"not a JSON object: {exc}", path=chunk.path, line=line, expected="JSON Lines"
            ) from None
        documents.append(_document(record, chunk.path, line=line))
    return documents


def _parquet_documents(chunk: CorpusChunk) -> list[Document]:
    import pyarrow.parquet as pq

    table = pq.ParquetFile(chunk.path).read_row_group(chunk.row_group)
    return [_document(record, chunk.path, row=n + 1) for n, record in enumerate(table.to_pylist())]


def _document(
    record: object, path: str, *, line: int | None = None, row: int | None = None
) -> Document:
    if not isinstance(record, dict):
        raise InputError("not a JSON object", path=path, line=line, row=row, expected="an object")
    for column in ("id", "text"):
        if not isinstance(record.get(column), str) or (column == "id" and not record[column]):
            raise InputError(
                f"{column} is {record.get(column)!r}",
                path=path,
                line=line,
                row=row,
                column=column,
                expected="a non-empty string" if column == "id" else "a string",
            )
    language = record.get("language") or "auto"
    date = record.get("date")
    return Document(
        record["id"],
        record["text"],
        str(language),
        None if date is None else str(date),
    )
