"""A loaded data package: descriptor, tables as frames, archived source texts."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar, cast

import pandas as pd

from checks.model.count_units import declare_count_units
from checks.model.csvfile import CsvTable, decode_utf8, read_csv_table, read_regular_file
from checks.model.errors import InputError
from checks.model.first_rows import FirstRows
from checks.model.memory import trim_heap
from checks.model.paths import ResourcePaths, find_descriptor, safe_resource_path
from checks.model.resource_format import check_readable, check_required
from checks.model.sourcetext import DEFAULT_MAX_SOURCE_BYTES, hash_source, max_source_bytes_from_env
from checks.model.sourcetext import SourceText as SourceText
from checks.model.tableschema import check_table_schema

_MAX_JSON_BYTES = 16 * 1024 * 1024
T = TypeVar("T")


@dataclass
class Resource:
    """One tabular resource: its descriptor, its file, and (lazily) its rows as text."""

    name: str
    path: Path
    display: str
    descriptor: dict[str, Any]
    schema: dict[str, Any]
    _frame: pd.DataFrame | None = field(default=None, repr=False)
    _lines: list[int] | None = field(default=None, repr=False)
    _table: CsvTable | None = field(default=None, repr=False)

    @property
    def fields(self) -> list[dict[str, Any]]:
        return list(self.schema.get("fields", []))

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def needed_names(self) -> list[str]:
        """The fields a CSV header must have: the required ones and the primary key. An
        optional field the header leaves out (a column added to the schema after the
        table was written, such as ``measure``) reads as empty."""
        key = self.schema.get("primaryKey", [])
        keys = {key} if isinstance(key, str) else set(key if isinstance(key, list) else [])
        return [
            f["name"]
            for f in self.fields
            if f["name"] in keys or (f.get("constraints") or {}).get("required")
        ]

    @property
    def frame(self) -> pd.DataFrame:
        """All cells as strings, empty cells as ``""`` (rows that cannot be read left out)."""
        if self._frame is None:
            table = read_csv_table(
                self.path, display=self.display, columns=self.needed_names, tolerant=True
            )
            frame = table.frame
            for name in self.field_names:  # an optional column the header leaves out
                if name not in frame.columns:
                    frame[name] = ""
            self._frame, self._lines, self._table = frame, table.lines, table
        return self._frame

    def append_in_memory(self, rows: pd.DataFrame) -> None:
        """Add rows to the loaded table, not to the file: a dry run of an append.

        ``claimledger claims add`` checks a package with the new claims this way before it
        writes anything. The new rows get line numbers after the file's last row.
        """
        frame = self.frame
        lines = list(self._lines or [])
        added = rows.reindex(columns=frame.columns).fillna("").astype(str)
        last = max([*lines, 1])
        self._frame = pd.concat([frame, added], ignore_index=True)
        self._lines = [*lines, *range(last + 1, last + 1 + len(added))]

    @property
    def row_problems(self) -> tuple[tuple[InputError, ...], int]:
        """The rows left out because they cannot be read (at most 100) and how many in all."""
        _ = self.frame
        if self._table is None:
            return (), 0
        return self._table.problems, self._table.problem_count

    def line_of(self, row: int) -> int | None:
        """The physical line (1-based) where data row ``row`` (0-based) starts."""
        if self._lines is None:
            _ = self.frame
        lines = self._lines or []
        return lines[row] if 0 <= row < len(lines) else None


@dataclass
class Package:
    """A Frictionless data package rooted at the folder of its descriptor."""

    root: Path
    descriptor_path: Path
    descriptor: dict[str, Any]
    resources: dict[str, Resource]
    max_source_bytes: int = DEFAULT_MAX_SOURCE_BYTES
    _texts: dict[Path, SourceText] = field(default_factory=dict, repr=False)
    _source_paths: ResourcePaths | None = field(default=None, repr=False)
    _shared: dict[type, Any] = field(default_factory=dict, repr=False, compare=False)
    _shared_locks: dict[type, threading.Lock] = field(
        default_factory=dict, repr=False, compare=False
    )
    _guard: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    counted_claims: int | None = field(default=None, repr=False, compare=False)
    """The distinct non-empty claim ids, when an engine counted them without reading the
    claims table in this process (the dask engine); None otherwise."""

    @property
    def name(self) -> str:
        return str(self.descriptor.get("name", self.root.name))

    def table(self, name: str) -> pd.DataFrame:
        """The rows of a resource as strings; an empty frame if the package lacks it."""
        resource = self.resources.get(name)
        if resource is None:
            return pd.DataFrame()
        return resource.frame

    def derived(self, kind: type[T], build: Callable[[], T]) -> T:
        """The one object of type ``kind`` derived from this package, built on first use.

        The :class:`~checks.ledger.ledger.Ledger` (everything the checks derive from the
        tables) is kept here, so that it lives and dies with the package. The checks may
        run on two threads: a second caller waits for the first to finish building.
        """
        if kind in self._shared:
            return cast(T, self._shared[kind])
        with self._guard:
            lock = self._shared_locks.setdefault(kind, threading.Lock())
        with lock:
            if kind not in self._shared:
                self._shared[kind] = build()
            return cast(T, self._shared[kind])

    def has(self, name: str) -> bool:
        return name in self.resources

    def locate(self, resource: str, row: int) -> tuple[str | None, int | None]:
        """The file (relative to the root) and physical line of a row."""
        res = self.resources.get(resource)
        if res is None:
            return None, None
        return res.display, res.line_of(row)

    @cached_property
    def _claim_rows(self) -> FirstRows:
        """claim_id → row in the claims table (first occurrence), sorted once in Arrow."""
        return FirstRows(self.table("claims").get("claim_id", pd.Series(dtype=str)))

    def claim_row(self, claim_id: str) -> int | None:
        """The row index of a claim id in the claims table (its first occurrence)."""
        return self._claim_rows.get(claim_id)

    def locate_claim(self, claim_id: str) -> tuple[str | None, int | None]:
        row = self.claim_row(claim_id)
        return self.locate("claims", row) if row is not None else (None, None)

    def source_path(self, relative: str) -> Path:
        """The resolved path of a source named in sources.csv (inside the package, or an error).

        Resolved once per distinct path: the citation and coverage checks both ask.
        """
        if self._source_paths is None:
            self._source_paths = ResourcePaths(
                self.root, descriptor="datapackage/sources.csv", field="path"
            )
        return self._source_paths.resolve(relative)

    def release_texts(self) -> None:
        """Forget the archived sources read so far (a later use reads them again).

        At a million claims their decoded texts are about 300 MB; the checks that read
        them drop them when they are done, and the freed heap goes back to the system.
        """
        self._texts = {}
        trim_heap()

    def source_text(self, relative: str) -> SourceText:
        """Hash an archived source once (streamed); its ``.text`` is decoded on first use."""
        path = self.source_path(relative)
        cached = self._texts.get(path)
        if cached is not None:
            return cached
        entry = _read_small_source(path, relative, self.max_source_bytes) or hash_source(
            path, display=relative, max_bytes=self.max_source_bytes
        )
        self._texts[path] = entry
        return entry


_ONE_READ_BYTES = 1 << 20  # the chunk size of hash_source: below it one read gives the same


def _read_small_source(path: Path, display: str, max_bytes: int) -> SourceText | None:
    """A small UTF-8 source read once: hashed and decoded from the same bytes.

    Anything else (large, unreadable, not UTF-8, not a regular file) returns None, and
    :func:`hash_source` streams it and raises the precise error.
    """
    limit = min(_ONE_READ_BYTES, max_bytes)
    data = _read_whole(path, limit)
    if data is None:
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    entry = SourceText(path, hashlib.sha256(data).hexdigest(), len(data), display, max_bytes)
    text = text[1:] if text.startswith("\ufeff") else text
    entry.__dict__["text"] = unicodedata.normalize("NFC", text)  # fills the cached_property
    return entry


def _read_whole(path: Path, limit: int) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes, in one open; else None."""
    try:  # non-blocking: a FIFO among the sources must not hang the run
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        parts, size = [], 0
        while size <= limit:  # to one byte past the limit: a file that grew is streamed
            part = os.read(fd, limit + 1 - size)
            if not part:
                break
            parts.append(part)
            size += len(part)
    except OSError:
        return None
    finally:
        os.close(fd)
    return b"".join(parts) if size <= limit else None


def load_package(
    target: Path | str | None = None, *, max_source_bytes: int | None = None
) -> Package:
    """Load a package from its descriptor (a file or a folder holding ``datapackage.json``).

    Every path the descriptor names must stay inside the package folder; every table
    schema must be well formed. ``max_source_bytes`` (default: ``$CLAIMLEDGER_MAX_SOURCE_BYTES``
    or 32 MiB) bounds the sources that are decoded to check quotes; larger ones are
    only hashed.

    >>> pkg = load_package("tests/fixtures/mini")
    >>> sorted(pkg.resources)[:2], pkg.table("claims").shape[0] > 0
    (['claims', 'indicators'], True)
    """
    limit = max_source_bytes_from_env() if max_source_bytes is None else max_source_bytes
    descriptor_path = find_descriptor(target)
    root = descriptor_path.parent
    display = descriptor_path.name
    descriptor = read_json(descriptor_path, display=display, what="package descriptor")
    entries = descriptor.get("resources")
    if not isinstance(entries, list) or not entries:
        raise InputError(
            "descriptor has no resources",
            path=display,
            column="resources",
            expected="a non-empty list of resources",
        )
    resources: dict[str, Resource] = {}
    for index, entry in enumerate(entries):
        where = f"resources[{index}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise InputError(
                "resource without a name",
                path=display,
                column=where,
                expected="an object with a string 'name'",
            )
        name = entry["name"]
        if name in resources:
            raise InputError(
                f"duplicate resource name {name!r}",
                path=display,
                column=f"{where}.name",
                expected="each resource named once",
            )
        path = safe_resource_path(
            root, entry.get("path", ""), descriptor=display, field=f"{where}.path"
        )
        check_readable(entry, descriptor=display, where=where)
        schema, schema_display, prefix = _load_schema(root, entry.get("schema"), display, where)
        check_table_schema(schema, path=schema_display, prefix=prefix)
        rel = path.relative_to(root.resolve()).as_posix()
        resources[name] = Resource(name, path, rel, entry, schema)
    check_required(resources, descriptor=display)
    declare_count_units(descriptor, display=display)
    return Package(root, descriptor_path, descriptor, resources, limit)


def read_json(path: Path, *, display: str, what: str) -> dict[str, Any]:
    """A JSON object from a file, or an :class:`InputError` saying what is wrong with it."""
    raw = read_regular_file(path, display=display, what=what)
    if len(raw) > _MAX_JSON_BYTES:
        raise InputError(
            f"{what} is {len(raw):,} bytes",
            path=display,
            expected=f"a JSON file under {_MAX_JSON_BYTES:,} bytes",
        )
    try:
        loaded = json.loads(decode_utf8(raw, path=display))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON: {exc.msg} (column {exc.colno})",
            path=display,
            line=exc.lineno,
            expected="a JSON object",
        ) from None
    except RecursionError:
        raise InputError(
            "JSON nested too deeply", path=display, expected="a JSON object of modest depth"
        ) from None
    if not isinstance(loaded, dict):
        raise InputError(
            f"{what} is a JSON {type(loaded).__name__}, not an object",
            path=display,
            expected="a JSON object",
        )
    return loaded


def _load_schema(
    root: Path, schema: Any, display: str, where: str
) -> tuple[dict[str, Any], str, str]:
    """The table schema, the file it is in, and the prefix of its fields' location."""
    if isinstance(schema, dict):
        return schema, display, f"{where}.schema."
    if isinstance(schema, str):
        path = safe_resource_path(root, schema, descriptor=display, field=f"{where}.schema")
        return read_json(path, display=schema, what="table schema"), schema, ""
    raise InputError(
        "resource has no table schema",
        path=display,
        column=f"{where}.schema",
        expected="a table schema object or a path to one",
    )
