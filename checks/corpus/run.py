"""``scan_corpus``: every chunk of a corpus scanned, one Parquet partition each.

On the local engine the chunks are scanned one after the other in this process; on the
dask engine each chunk is a task (scanning is independent per document) and the client
writes each partition as its task finishes. Either way ``part-NNNNN.parquet`` holds the
mentions of chunk NNNNN, so the table is the same whichever engine made it. The folder is
written beside its destination and moved into place when complete.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from checks.corpus.documents import CorpusChunk, corpus_chunks, read_documents
from checks.corpus.mentions import scan_documents
from checks.engine import LOCAL, EngineOptions
from checks.model.errors import InputError

PART = "part-{:05d}.parquet"
ChunkCallback = Callable[[int, int], None]
"""``on_chunk(done, total)``: called as chunks finish (for a progress bar)."""


@dataclass(frozen=True)
class CorpusScan:
    """What a corpus scan wrote: the folder, its partitions, documents and mentions."""

    out: Path
    partitions: int
    documents: int
    mentions: int


def scan_chunk(chunk: CorpusChunk) -> tuple[int, pa.Table]:
    """The number of documents of a chunk and their mentions."""
    documents = read_documents(chunk)
    return len(documents), scan_documents(documents)


def scan_corpus(
    source: str,
    out: Path,
    *,
    engine: EngineOptions = LOCAL,
    on_chunk: ChunkCallback | None = None,
    files_per_chunk: int | None = None,
) -> CorpusScan:
    """Scan every document of ``source`` and write the mentions under ``out``.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("gần 16.000 phản ánh", encoding="utf-8")
    >>> scan_corpus(str(d), d / "mentions").mentions
    1
    """
    chunks = (
        corpus_chunks(source, files_per_chunk=files_per_chunk)
        if files_per_chunk
        else corpus_chunks(source)
    )
    staging = _staging(out)
    try:
        if engine.distributed:
            documents, mentions = _scan_dask(chunks, staging, engine, on_chunk)
        else:
            documents, mentions = _scan_local(chunks, staging, on_chunk)
        _replace(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return CorpusScan(out, len(chunks), documents, mentions)


def _scan_local(
    chunks: list[CorpusChunk], staging: Path, on_chunk: ChunkCallback | None
) -> tuple[int, int]:
    documents = mentions = 0
    for number, chunk in enumerate(chunks):
        count, table = scan_chunk(chunk)
        pq.write_table(table, staging / PART.format(number))
        documents, mentions = documents + count, mentions + table.num_rows
        if on_chunk is not None:
            on_chunk(number + 1, len(chunks))
    return documents, mentions


def _scan_dask(
    chunks: list[CorpusChunk],
    staging: Path,
    engine: EngineOptions,
    on_chunk: ChunkCallback | None,
) -> tuple[int, int]:
    from checks.engine.cluster import dask_client, dask_module

    as_completed = dask_module("distributed").as_completed

    documents = mentions = 0
    with dask_client(engine) as client:
        futures = client.map(scan_chunk, chunks, pure=False)
        number_of = {future.key: n for n, future in enumerate(futures)}
        for done, future in enumerate(as_completed(futures), start=1):
            count, table = future.result()
            pq.write_table(table, staging / PART.format(number_of[future.key]))
            documents, mentions = documents + count, mentions + table.num_rows
            future.release()
            if on_chunk is not None:
                on_chunk(done, len(chunks))
    return documents, mentions


def _staging(out: Path) -> Path:
    if out.exists() and not _is_mentions_folder(out):
        raise InputError(
            "the output exists and is not a mentions table written by scan",
            path=str(out),
            column="--out",
            expected="a new folder, or one holding only part-NNNNN.parquet files",
        )
    staging = out.parent / f".{out.name}.partial-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        staging.mkdir(parents=True)
    except OSError as exc:
        raise InputError(
            f"cannot create the output: {exc.strerror or exc}", path=str(out), column="--out"
        ) from None
    return staging


def _is_mentions_folder(path: Path) -> bool:
    return path.is_dir() and all(
        p.name.startswith("part-") and p.suffix == ".parquet" for p in path.iterdir()
    )


def _replace(staging: Path, out: Path) -> None:
    """Move the finished folder into place; a previous table is removed only then."""
    if out.exists():
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        os.replace(out, old)
        os.replace(staging, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, out)


def read_mentions(out: Path) -> pa.Table:
    """The mentions table written under ``out``, partitions in order."""
    from checks.corpus.mentions import MENTIONS

    parts = sorted(out.glob("part-*.parquet"))
    return pa.concat_tables([MENTIONS.empty_table(), *(pq.read_table(p) for p in parts)])
