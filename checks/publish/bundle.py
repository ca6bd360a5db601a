"""What gets published: the package's tables plus the findings, under one descriptor.

A :class:`Bundle` is built once from a loaded package and a fresh check result; the zip,
the SQLite database, the Datasette metadata and the ClaimReview file are all rendered
from it, so they cannot disagree with each other.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pandas as pd

from checks.model.csvfile import read_regular_file
from checks.model.dates import iso_dates
from checks.model.errors import InputError
from checks.model.package import Package
from checks.publish import findings_table
from checks.publish.urls import refuse_unsafe_urls
from checks.report.result import CheckResult
from checks.version import __version__

_VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.+_-]*$")
_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest time a zip entry can carry
REQUIRED = ("sources", "claims")


@dataclass(frozen=True)
class Table:
    """One tabular resource as published: its file bytes, schema and rows as text."""

    name: str
    path: str
    data: bytes
    schema: dict[str, Any]
    descriptor: dict[str, Any]
    rows: list[dict[str, str]]
    line_of: Callable[[int], int | None]

    @property
    def primary_key(self) -> list[str]:
        key = self.schema.get("primaryKey") or []
        return [key] if isinstance(key, str) else list(key)


@dataclass(frozen=True)
class Bundle:
    """The published package: descriptor, tables, optional source texts, timestamp."""

    descriptor: dict[str, Any]
    tables: list[Table]
    texts: list[tuple[str, bytes]]
    created: datetime

    @property
    def version(self) -> str:
        return str(self.descriptor["version"])

    def table(self, name: str) -> Table | None:
        return next((t for t in self.tables if t.name == name), None)

    def rows(self, name: str) -> list[dict[str, str]]:
        table = self.table(name)
        return table.rows if table is not None else []


def build_bundle(
    pkg: Package,
    result: CheckResult,
    *,
    include_texts: bool = False,
    created: datetime | None = None,
) -> Bundle:
    """Gather everything a publication holds, in a stable order.

    ``created`` defaults to the descriptor's ``created``, then to the latest source
    ``published`` date: a timestamp from the data, never the clock.

    >>> from checks.service import check_loaded  # doctest: +SKIP
    >>> bundle = build_bundle(pkg, check_loaded(pkg))  # doctest: +SKIP
    """
    descriptor_name = pkg.descriptor_path.name
    version = pkg.descriptor.get("version")
    if not isinstance(version, str) or not _VERSION.match(version):
        raise InputError(
            f"version {version!r} cannot name a release",
            path=descriptor_name,
            column="version",
            expected="a version such as 1.0.0 (letters, digits, . + _ -)",
        )
    licences = pkg.descriptor.get("licenses")
    if (
        not licences
        or not isinstance(licences, list)
        or not all(isinstance(entry, dict) for entry in licences)
    ):
        raise InputError(
            "the package has no licence; readers cannot reuse unlicensed data",
            path=descriptor_name,
            column="licenses",
            expected='a list such as [{"name": "CC-BY-4.0", "path": "https://..."}]',
        )
    for name in REQUIRED:
        if not pkg.has(name):
            raise InputError(
                f"the package has no {name!r} resource",
                path=descriptor_name,
                column="resources",
                expected=f"resources named {', '.join(REQUIRED)}",
            )
    if pkg.has(findings_table.NAME):
        raise InputError(
            "a resource named 'findings' would clash with the published findings",
            path=descriptor_name,
            column="resources",
            expected="another resource name",
        )
    stamp = _as_utc(created) if created is not None else _created_from_data(pkg)
    tables = [_package_table(pkg, name) for name in pkg.resources]
    tables.append(_findings_table(result))
    descriptor = copy.deepcopy(pkg.descriptor)
    descriptor["created"] = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    descriptor["resources"] = [t.descriptor for t in tables]
    refuse_unsafe_urls(descriptor, descriptor_name, tables)
    texts = _source_texts(pkg) if include_texts else []
    return Bundle(descriptor, tables, texts, stamp)


def _created_from_data(pkg: Package) -> datetime:
    raw = pkg.descriptor.get("created")
    if raw is not None:
        try:
            stamp = datetime.fromisoformat(str(raw))
        except ValueError:
            raise InputError(
                f"created {raw!r} is not a timestamp",
                path=pkg.descriptor_path.name,
                column="created",
                expected="an ISO 8601 timestamp such as 2025-10-25T00:00:00Z",
            ) from None
        return _as_utc(stamp)
    published = iso_dates(pkg.table("sources").get("published", pd.Series(dtype=str))).dropna()
    if published.empty:
        return _EPOCH
    return _as_utc(published.max().to_pydatetime())


def _as_utc(stamp: datetime) -> datetime:
    """An aware UTC time, no earlier than a zip entry can record (naive means UTC)."""
    aware = stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)
    return max(aware.astimezone(UTC), _EPOCH)


def _package_table(pkg: Package, name: str) -> Table:
    resource = pkg.resources[name]
    data = read_regular_file(resource.path, display=resource.display, what="resource")
    rows = [{k: str(v) for k, v in r.items()} for r in resource.frame.to_dict("records")]
    entry = copy.deepcopy(resource.descriptor)
    entry["path"] = resource.display
    entry["schema"] = copy.deepcopy(resource.schema)
    entry.update(_integrity(data))
    return Table(name, resource.display, data, resource.schema, entry, rows, resource.line_of)


def _findings_table(result: CheckResult) -> Table:
    schema = findings_table.findings_schema()
    data = findings_table.findings_csv(result.findings)
    entry: dict[str, Any] = {
        "name": findings_table.NAME,
        "type": "table",
        "path": findings_table.PATH,
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "title": "Findings of claimledger check",
        "description": (
            f"Every finding of claimledger {__version__} on this package at publication, "
            "waived ones included and marked."
        ),
        "schema": schema,
        **_integrity(data),
    }
    rows = [findings_table.finding_row(f) for f in result.findings]
    return Table(
        findings_table.NAME, findings_table.PATH, data, schema, entry, rows, lambda row: None
    )


def _integrity(data: bytes) -> dict[str, Any]:
    return {"hash": f"sha256:{hashlib.sha256(data).hexdigest()}", "bytes": len(data)}


def _source_texts(pkg: Package) -> list[tuple[str, bytes]]:
    paths = sorted({p for p in pkg.table("sources").get("path", []) if p})
    return [
        (relative, read_regular_file(pkg.source_path(relative), display=relative, what="source"))
        for relative in paths
    ]
