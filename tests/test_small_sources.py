"""A small source is read in one open and gives what streaming it gives; anything else is
left to the stream, which says what is wrong."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from checks.model.package import _read_small_source
from checks.model.sourcetext import hash_source


def test_a_small_source_read_at_once_is_what_the_stream_reads(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    data = "\ufeffVie\u0302\u0323t Nam: 1.500 người".encode()
    path.write_bytes(data)
    entry = _read_small_source(path, "s.txt", 100)
    streamed = hash_source(path, display="s.txt", max_bytes=100)
    assert entry is not None
    assert (entry.sha256, entry.byte_count) == (streamed.sha256, streamed.byte_count)
    assert entry.sha256 == hashlib.sha256(data).hexdigest()
    assert entry.text == streamed.text == "Việt Nam: 1.500 người"


def test_sources_that_must_be_streamed_are_left_to_the_stream(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 101)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Vi\u1ec7t".encode() + b"\xe9")
    folder = tmp_path / "folder"
    folder.mkdir()
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # must not block the read
    for path in (big, latin1, folder, fifo, tmp_path / "missing.txt"):
        assert _read_small_source(path, path.name, 100) is None
