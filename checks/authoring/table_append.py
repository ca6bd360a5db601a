"""Appending rows to a package's CSV table: the existing bytes kept, the whole file atomic.

New rows are written with the table's header order and ``\\n`` line ends after the file's
last byte (a missing final line end is added first), so every existing row stays as it
was. The new file, and any other file written with it (an archived source), replace the
old ones together (:func:`checks.io.atomic_write_files`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from checks.io import atomic_write_files
from checks.model.csvfile import read_regular_file
from checks.model.package import Resource


def appended_bytes(resource: Resource, rows: Sequence[Mapping[str, str]]) -> bytes:
    """The resource's file as it is, followed by ``rows`` in its header's column order.

    >>> import tempfile
    >>> from checks.model.package import load_package
    >>> pkg = load_package("tests/fixtures/mini")
    >>> data = appended_bytes(pkg.resources["waivers"], [{"fingerprint": "ab12"}])
    >>> data.decode().splitlines()[-1]
    'ab12,,,'
    """
    old = read_regular_file(resource.path, display=resource.display)
    header = list(resource.frame.columns)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n", extrasaction="ignore")
    for row in rows:
        writer.writerow({column: row.get(column, "") for column in header})
    prefix = old if not old or old.endswith(b"\n") else old + b"\n"
    return prefix + out.getvalue().encode("utf-8")


def append_rows(
    resource: Resource,
    rows: Sequence[Mapping[str, str]],
    also: Mapping[Path, bytes] | None = None,
) -> None:
    """Append ``rows`` to the resource's file; write ``also`` in the same atomic step."""
    files: dict[Path, bytes | str] = dict(also or {})
    files[resource.path] = appended_bytes(resource, rows)
    atomic_write_files(files)
