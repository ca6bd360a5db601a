"""A loaded data package: descriptor, tables as frames, archived source texts."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from checks.model.csvfile import decode_utf8, physical_lines, read_csv_text
from checks.model.errors import InputError
from checks.model.paths import find_descriptor, safe_resource_path


@dataclass(frozen=True)
class SourceText:
    """An archived source file: its NFC text and the sha256 of its bytes."""

    path: Path
    text: str
    sha256: str
    byte_count: int


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

    @property
    def fields(self) -> list[dict[str, Any]]:
        return list(self.schema.get("fields", []))

    @property
    def field_names(self) -> list[str]:
        return [f["name"] for f in self.fields]

    @property
    def frame(self) -> pd.DataFrame:
        """All cells as strings, empty cells as ``""``."""
        if self._frame is None:
            self._frame = read_csv_text(self.path, display=self.display, columns=self.field_names)
        return self._frame

    def line_of(self, row: int) -> int | None:
        """The physical line (1-based) where data row ``row`` (0-based) starts."""
        if self._lines is None:
            self._lines = physical_lines(decode_utf8(self.path.read_bytes(), path=self.display))
        return self._lines[row] if 0 <= row < len(self._lines) else None


@dataclass
class Package:
    """A Frictionless data package rooted at the folder of its descriptor."""

    root: Path
    descriptor_path: Path
    descriptor: dict[str, Any]
    resources: dict[str, Resource]
    _texts: dict[Path, SourceText] = field(default_factory=dict, repr=False)

    @property
    def name(self) -> str:
        return str(self.descriptor.get("name", self.root.name))

    def table(self, name: str) -> pd.DataFrame:
        """The rows of a resource as strings; an empty frame if the package lacks it."""
        resource = self.resources.get(name)
        if resource is None:
            return pd.DataFrame()
        return resource.frame

    def has(self, name: str) -> bool:
        return name in self.resources

    def locate(self, resource: str, row: int) -> tuple[str | None, int | None]:
        """The file (relative to the root) and physical line of a row."""
        res = self.resources.get(resource)
        if res is None:
            return None, None
        return res.display, res.line_of(row)

    @cached_property
    def claim_rows(self) -> dict[str, int]:
        """claim_id → row index in the claims table (first occurrence)."""
        ids = self.table("claims").get("claim_id", pd.Series(dtype=str))
        rows: dict[str, int] = {}
        for index, claim_id in enumerate(ids.tolist()):
            rows.setdefault(claim_id, index)
        return rows

    def locate_claim(self, claim_id: str) -> tuple[str | None, int | None]:
        row = self.claim_rows.get(claim_id)
        return self.locate("claims", row) if row is not None else (None, None)

    def source_path(self, relative: str) -> Path:
        return safe_resource_path(
            self.root, relative, descriptor="datapackage/sources.csv", field="path"
        )

    def source_text(self, relative: str) -> SourceText:
        """Read, hash and NFC-normalise an archived source once."""
        path = self.source_path(relative)
        cached = self._texts.get(path)
        if cached is not None:
            return cached
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read source: {exc.strerror}", path=relative) from None
        text = unicodedata.normalize("NFC", decode_utf8(data, path=relative))
        entry = SourceText(path, text, hashlib.sha256(data).hexdigest(), len(data))
        self._texts[path] = entry
        return entry


def load_package(target: Path | str | None = None) -> Package:
    """Load a package from its descriptor (a file or a folder holding ``datapackage.json``).

    >>> pkg = load_package()  # doctest: +SKIP
    """
    descriptor_path = find_descriptor(target)
    root = descriptor_path.parent
    display = descriptor_path.name
    try:
        raw = descriptor_path.read_bytes()
        descriptor = json.loads(decode_utf8(raw, path=display))
    except json.JSONDecodeError as exc:
        raise InputError(
            f"invalid JSON: {exc.msg}", path=display, line=exc.lineno, expected="a JSON object"
        ) from None
    if not isinstance(descriptor, dict):
        raise InputError("descriptor is not a JSON object", path=display, expected="a JSON object")
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
            raise InputError(f"duplicate resource name {name!r}", path=display, column=where)
        path = safe_resource_path(
            root, entry.get("path", ""), descriptor=display, field=f"{where}.path"
        )
        schema = _load_schema(root, entry.get("schema"), display, where)
        rel = path.relative_to(root.resolve()).as_posix()
        resources[name] = Resource(name, path, rel, entry, schema)
    return Package(root, descriptor_path, descriptor, resources)


def _load_schema(root: Path, schema: Any, display: str, where: str) -> dict[str, Any]:
    if isinstance(schema, dict):
        return schema
    if isinstance(schema, str):
        path = safe_resource_path(root, schema, descriptor=display, field=f"{where}.schema")
        try:
            loaded = json.loads(decode_utf8(path.read_bytes(), path=schema))
        except OSError as exc:
            raise InputError(f"cannot read table schema: {exc.strerror}", path=schema) from None
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", path=schema, line=exc.lineno) from None
        if not isinstance(loaded, dict):
            raise InputError("table schema is not a JSON object", path=schema)
        return loaded
    raise InputError(
        "resource has no table schema",
        path=display,
        column=f"{where}.schema",
        expected="a table schema object or a path to one",
    )
