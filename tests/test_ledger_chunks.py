"""A CSV read in chunks (the dask engine's claims) gives the rows, cells and physical
lines that the whole-file reader gives (the local engine's), wherever the cuts fall."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.engine.chunks import LINE, ROW, read_chunk, split_csv
from checks.model.csvfile import read_csv_table
from checks.model.errors import InputError

REPO = Path(__file__).resolve().parents[1]
PIECES = st.sampled_from([*'ab ,"\n\r', "\r\n", "ệ", "e\u0301", "1,5", "8.000"])
CELLS = st.lists(PIECES, max_size=8).map("".join)


def _chunked(path: Path, block_bytes: int) -> tuple[pd.DataFrame, list[int], int]:
    chunks = split_csv(path, display=path.name, block_bytes=block_bytes)
    parts = [read_chunk(c, None) for c in chunks]
    frame = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    return frame, [int(x) for x in frame.get(LINE, [])], len(chunks)


def _assert_same_as_whole(path: Path, block_bytes: int) -> int:
    try:
        whole = read_csv_table(path, display=path.name, columns=None)
    except InputError as exc:  # the chunks say the same, at the same place
        with pytest.raises(InputError) as chunked:
            _chunked(path, block_bytes)
        assert (chunked.value.line, chunked.value.row) == (exc.line, exc.row)
        return 0
    frame, lines, count = _chunked(path, block_bytes)
    assert lines == whole.lines
    if not count:  # a header and no row: nothing to read
        assert whole.frame.empty
        return count
    assert frame[ROW].tolist() == list(range(len(whole.frame)))
    pd.testing.assert_frame_equal(frame.drop(columns=[ROW, LINE]), whole.frame)
    return count


@pytest.mark.parametrize("block_bytes", [1, 700, 10**9])
def test_the_package_claims_read_in_chunks_equal_the_whole_read(block_bytes: int) -> None:
    count = _assert_same_as_whole(REPO / "datapackage" / "claims.csv", block_bytes)
    assert (count > 10) == (block_bytes < 1000)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(st.tuples(CELLS, CELLS), min_size=0, max_size=12),
    line_end=st.sampled_from(["\n", "\r\n", "\r"]),
    blank=st.booleans(),
    bom=st.booleans(),
    block_bytes=st.integers(min_value=1, max_value=60),
)
def test_any_plain_or_quoted_csv_reads_the_same_in_chunks(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[str, str]],
    line_end: str,
    blank: bool,
    bom: bool,
    block_bytes: int,
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    writer.writerow(["id", "note"])
    for n, row in enumerate(rows):
        writer.writerow(row)
        if blank and n % 3 == 0:
            buffer.write(line_end)
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    _assert_same_as_whole(path, block_bytes)


def test_a_ragged_row_in_a_later_chunk_is_reported_at_its_line_in_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,note\na,1\nb,2\nc,3,extra\n", encoding="utf-8")
    with pytest.raises(InputError) as whole:
        read_csv_table(path, display="t.csv", columns=None)
    chunks = split_csv(path, display="t.csv", block_bytes=1)
    with pytest.raises(InputError) as chunked:
        read_chunk(chunks[2], None)
    assert (chunked.value.line, chunked.value.row) == (whole.value.line, whole.value.row) == (4, 3)
