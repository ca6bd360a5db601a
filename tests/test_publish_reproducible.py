"""Publishing is a function of the data: same data, same bytes; timestamps from the data."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from tests.publish_support import ZIP, publish_copy


def digests(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def stamps(path: Path) -> set[tuple[int, ...]]:
    with zipfile.ZipFile(path) as archive:
        return {info.date_time for info in archive.infolist()}


def test_publishing_twice_gives_byte_identical_files(mini: Path, tmp_path: Path) -> None:
    publish_copy(mini, tmp_path / "first", include_texts=True)
    publish_copy(mini, tmp_path / "second", include_texts=True)
    first, second = digests(tmp_path / "first"), digests(tmp_path / "second")
    assert list(first) == [
        "claimledger-0.1.0.zip",
        "claimledger.db",
        "claimreview.jsonld",
        "metadata.json",
    ]
    assert first == second


def test_publishing_leaves_every_input_file_unchanged(mini: Path, tmp_path: Path) -> None:
    before = {p: p.read_bytes() for p in sorted(mini.rglob("*")) if p.is_file()}
    publish_copy(mini, tmp_path / "out", include_texts=True)
    after = {p: p.read_bytes() for p in sorted(mini.rglob("*")) if p.is_file()}
    assert after == before


def test_zip_entries_carry_the_descriptors_created_time(mini: Path, tmp_path: Path) -> None:
    pub = publish_copy(mini, tmp_path / "out")
    assert stamps(pub.files[ZIP]) == {(2026, 11, 26, 0, 0, 0)}


def test_without_created_the_latest_source_date_stamps_the_release(
    mini: Path, tmp_path: Path
) -> None:
    descriptor_path = mini / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    del descriptor["created"]
    descriptor_path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    pub = publish_copy(mini, tmp_path / "out")
    assert stamps(pub.files[ZIP]) == {(2024, 3, 1, 0, 0, 0)}
    assert pub.bundle.descriptor["created"] == "2024-03-01T00:00:00Z"


def test_an_explicit_created_time_restamps_zip_and_descriptor(mini: Path, tmp_path: Path) -> None:
    when = datetime(2030, 1, 2, 3, 4, 6, tzinfo=UTC)
    pub = publish_copy(mini, tmp_path / "out", created=when)
    assert stamps(pub.files[ZIP]) == {(2030, 1, 2, 3, 4, 6)}
    with zipfile.ZipFile(pub.files[ZIP]) as archive:
        descriptor = json.loads(archive.read("datapackage.json"))
    assert descriptor["created"] == "2030-01-02T03:04:06Z"
