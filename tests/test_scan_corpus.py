"""``scan`` over a corpus: the same Parquet table of mentions from every input form and
from both engines."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from checks.corpus.documents import Document, corpus_chunks, read_documents
from checks.corpus.mentions import MENTIONS, scan_documents
from checks.corpus.run import read_mentions, scan_corpus
from checks.engine import EngineOptions
from checks.model.errors import InputError
from checks.scan.scanner import scan_text

REPO = Path(__file__).resolve().parents[1]
DOCUMENTS = 1_000


def _paragraphs() -> list[str]:
    found: list[str] = []
    for path in sorted((REPO / "sources").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found += [p.strip() for p in text.split("\n") if any(c.isdigit() for c in p)]
    return found


def _corpus(count: int, seed: int = 3) -> list[Document]:
    """The package's paragraphs that hold numbers, each with a synthetic sentence added."""
    rng = random.Random(seed)
    paragraphs = _paragraphs()
    documents = []
    for n in range(count):
        amount = f"{rng.randint(1, 999)},{rng.randint(0, 9)}"
        vi = n % 2 == 0
        extra = (
            f" Năm {rng.randint(2000, 2025)}, gần {amount} triệu người dùng Internet."
            if vi
            else f" In {rng.randint(2000, 2025)}, about {amount.replace(',', '.')} million users."
        )
        documents.append(
            Document(f"doc-{n:04d}", paragraphs[n % len(paragraphs)] + extra, "vi" if vi else "en")
        )
    return documents


def _write_folder(folder: Path, documents: list[Document]) -> None:
    folder.mkdir()
    for doc in documents:
        (folder / f"{doc.id}.txt").write_text(doc.text, encoding="utf-8")


def test_a_document_mentions_are_what_scan_text_finds(tmp_path: Path) -> None:
    doc = _corpus(1)[0]
    table = scan_documents([doc])
    expected = scan_text(doc.text, doc.language).mentions
    assert table.schema == MENTIONS
    assert table.column("as_written").to_pylist() == [m.as_written for m in expected]
    assert table.column("start").to_pylist() == [m.start for m in expected]
    assert set(table.column("document_id").to_pylist()) == {doc.id}


def test_a_folder_a_jsonl_and_a_parquet_file_give_one_table(tmp_path: Path) -> None:
    documents = _corpus(40)
    _write_folder(tmp_path / "folder", documents)
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text(
        "".join(
            json.dumps({"id": f"{d.id}.txt", "text": d.text}, ensure_ascii=False) + "\n"
            for d in documents
        ),
        encoding="utf-8",
    )
    parquet = tmp_path / "docs.parquet"
    pq.write_table(
        pa.table({"id": [f"{d.id}.txt" for d in documents], "text": [d.text for d in documents]}),
        parquet,
        row_group_size=7,
    )
    tables = {}
    for name, source in {"folder": tmp_path / "folder", "jsonl": jsonl, "parquet": parquet}.items():
        scan_corpus(str(source), tmp_path / f"out-{name}", files_per_chunk=9)
        tables[name] = read_mentions(tmp_path / f"out-{name}")
    assert tables["folder"].num_rows > 80
    assert tables["jsonl"].equals(tables["folder"])
    assert tables["parquet"].equals(tables["folder"])
    assert len(list((tmp_path / "out-parquet").glob("part-*.parquet"))) == 6  # 40 rows / 7


@pytest.mark.slow
def test_a_1000_document_corpus_gives_the_same_mentions_on_both_engines(
    tmp_path: Path, dask_scheduler: str
) -> None:
    _write_folder(tmp_path / "corpus", _corpus(DOCUMENTS))
    local = scan_corpus(str(tmp_path / "corpus"), tmp_path / "local", files_per_chunk=100)
    dask = scan_corpus(
        str(tmp_path / "corpus"),
        tmp_path / "dask",
        engine=EngineOptions("dask", dask_scheduler),
        files_per_chunk=100,
    )
    assert (local.documents, local.partitions) == (DOCUMENTS, 10)
    assert (dask.documents, dask.mentions) == (local.documents, local.mentions)
    for number in range(10):
        part = f"part-{number:05d}.parquet"
        assert pq.read_table(tmp_path / "dask" / part).equals(
            pq.read_table(tmp_path / "local" / part)
        )
    ids = set(read_mentions(tmp_path / "dask").column("document_id").to_pylist())
    assert len(ids) == DOCUMENTS


def test_a_jsonl_line_without_text_is_an_input_error_naming_its_line(tmp_path: Path) -> None:
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text('{"id": "a", "text": "1"}\n\n{"id": "b"}\n', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_documents(corpus_chunks(str(jsonl))[0])
    assert (caught.value.line, caught.value.column) == (3, "text")


def test_an_existing_folder_that_is_not_a_mentions_table_is_left_alone(tmp_path: Path) -> None:
    _write_folder(tmp_path / "corpus", _corpus(3))
    keep = tmp_path / "out" / "notes.txt"
    keep.parent.mkdir()
    keep.write_text("mine", encoding="utf-8")
    with pytest.raises(InputError):
        scan_corpus(str(tmp_path / "corpus"), tmp_path / "out")
    assert keep.read_text(encoding="utf-8") == "mine"


def test_scan_cli_writes_the_table_and_needs_out_for_a_corpus(tmp_path: Path) -> None:
    _write_folder(tmp_path / "corpus", _corpus(5))
    base = [sys.executable, "-m", "checks.cli", "scan", str(tmp_path / "corpus")]
    missing = subprocess.run(base, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "--out" in missing.stderr
    done = subprocess.run(
        [*base, "--out", str(tmp_path / "m")], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "scanned 5 document(s)" in done.stdout
    assert read_mentions(tmp_path / "m").num_rows > 5
