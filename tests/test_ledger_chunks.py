"""A CSV read in chunks (the dask engine's claims) gives the rows, cells, physical lines
and unreadable rows that the whole-file reader gives (the local engine's, in tolerant
mode), wherever the cuts fall."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.engine.chunks import (
    EXPECTED,
    LINE,
    PROBLEM,
    ROW,
    read_chunk,
    readable_rows,
    split_csv,
)
from checks.model.csvfile import read_csv_table
from checks.model.errors import InputError

REPO = Path(__file__).resolve().parents[1]
PIECES = st.sampled_from([*'ab ,"\n\r', "\r\n", "ệ", "e\u0301", "1,5", "8.000"])
CELLS = st.lists(PIECES, max_size=8).map("".join)


def _chunked(path: Path, block_bytes: int) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """The readable rows and the unreadable ones, as the chunks give them."""
    chunks = split_csv(path, display=path.name, block_bytes=block_bytes)
    parts = [read_chunk(c, None) for c in chunks]
    if not parts:
        return pd.DataFrame(), pd.DataFrame(), 0
    frame = pd.concat(parts, ignore_index=True)
    bad = frame[PROBLEM] != ""
    return frame[~bad].reset_index(drop=True), frame[bad], len(chunks)


def _assert_same_as_whole(path: Path, block_bytes: int) -> int:
    try:
        whole = read_csv_table(path, display=path.name, columns=None, tolerant=True)
    except InputError as exc:  # the chunks say the same, at the same place
        with pytest.raises(InputError) as chunked:
            _chunked(path, block_bytes)
        assert (chunked.value.line, chunked.value.row) == (exc.line, exc.row)
        return 0
    frame, unreadable, count = _chunked(path, block_bytes)
    if not count:  # a header and no row: nothing to read
        assert whole.frame.empty and not whole.problem_count
        return count
    listed = [(p.line, p.row, p.message, p.expected or "") for p in whole.problems]
    assert len(unreadable) == whole.problem_count
    columns = [unreadable[LINE], unreadable[ROW] + 1, unreadable[PROBLEM], unreadable[EXPECTED]]
    got = [(int(a), int(b), c, d) for a, b, c, d in zip(*columns, strict=True)]
    assert got[: len(listed)] == listed
    if frame.empty:  # no readable row
        assert whole.frame.empty
        return count
    assert [int(x) for x in frame[LINE]] == whole.lines
    rows = readable_rows(frame[ROW], unreadable[ROW])
    assert rows.tolist() == list(range(len(whole.frame)))
    cells = frame.drop(columns=[ROW, LINE, PROBLEM, EXPECTED])
    pd.testing.assert_frame_equal(cells, whole.frame)
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
    ragged=st.sets(st.integers(min_value=0, max_value=11), max_size=3),
    bom=st.booleans(),
    block_bytes=st.integers(min_value=1, max_value=60),
)
def test_any_plain_or_quoted_csv_reads_the_same_in_chunks(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[tuple[str, str]],
    line_end: str,
    blank: bool,
    ragged: set[int],
    bom: bool,
    block_bytes: int,
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator=line_end)
    writer.writerow(["id", "note"])
    for n, row in enumerate(rows):
        writer.writerow(row if n not in ragged else (*row, "extra"))
        if blank and n % 3 == 0:
            buffer.write(line_end)
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buffer.getvalue().encode("utf-8"))
    _assert_same_as_whole(path, block_bytes)


def test_a_ragged_row_in_a_later_chunk_is_listed_at_its_line_in_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.csv"
    path.write_text("id,note\na,1\nb,2\nc,3,extra\nd,4\n", encoding="utf-8")
    whole = read_csv_table(path, display="t.csv", columns=None, tolerant=True)
    chunks = split_csv(path, display="t.csv", block_bytes=1)
    chunked = read_chunk(chunks[2], None)
    problem = whole.problems[0]
    assert (problem.line, problem.row) == (4, 3)
    assert chunked[[LINE, ROW]].values.tolist() == [[4, 2]]  # ROW is 0-based
    assert chunked[PROBLEM].tolist() == [problem.message]
    assert chunked["id"].tolist() == [""]
    after = read_chunk(chunks[3], None)
    at = whole.frame["id"].tolist().index("d")
    assert readable_rows(after[ROW], chunked[ROW]).tolist() == [at]
