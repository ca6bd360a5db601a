"""What a resource must declare for claimledger to read it as it is shipped.

claimledger reads every table as UTF-8 CSV with a comma, double quotes and a header row.
A resource that declares anything else (a ``;`` dialect, ``encoding: utf-16``, ``format:
xlsx``, ``compression``) would be checked as one table and published as another, which
``frictionless validate`` then reads differently: the data checked would not be the data
shipped. Such a resource is refused (exit 2) rather than read in a way it does not declare.
A package without the tables every check needs (``claims``, ``sources``, ``indicators``)
is refused too: an empty run must not pass a CI gate.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from checks.model.errors import InputError

REQUIRED = ("sources", "claims", "indicators")
"""The resources every claimledger package has."""

_DIALECT_READ: dict[str, Any] = {
    "delimiter": ",",
    "quoteChar": '"',
    "doubleQuote": True,
    "header": True,
    "headerRows": [1],
    "skipInitialSpace": False,
    "csvddfVersion": 1.2,
}
"""Dialect properties and the only value claimledger reads; others are refused when present."""
_DIALECT_FREE = {"lineTerminator", "$schema", "commentChar", "headerJoin", "caseSensitiveHeader"}
_ENCODINGS = {"utf-8", "utf8", "utf-8-sig"}


def check_readable(entry: Mapping[str, Any], *, descriptor: str, where: str) -> None:
    """Refuse a resource whose declared format, encoding, dialect or compression is not read."""
    fmt = entry.get("format")
    if fmt is not None and (not isinstance(fmt, str) or fmt.lower() != "csv"):
        _refuse(descriptor, f"{where}.format", f"format {fmt!r} is not read", "'csv' or nothing")
    path = entry.get("path")
    if isinstance(path, str) and not path.lower().endswith(".csv"):
        _refuse(
            descriptor, f"{where}.path", f"data file {path!r} is not a .csv file",
            "a CSV file whose name ends in .csv",
        )  # fmt: skip
    encoding = entry.get("encoding")
    if encoding is not None and (
        not isinstance(encoding, str) or encoding.lower() not in _ENCODINGS
    ):
        _refuse(
            descriptor, f"{where}.encoding", f"encoding {encoding!r} is not read",
            "'utf-8' or nothing: convert the file to UTF-8",
        )  # fmt: skip
    for key in ("compression", "innerpath"):
        if entry.get(key) is not None:
            _refuse(
                descriptor, f"{where}.{key}", f"{key} {entry[key]!r} is not read",
                "an uncompressed CSV file",
            )  # fmt: skip
    mediatype = entry.get("mediatype")
    if mediatype is not None and mediatype != "text/csv":
        _refuse(
            descriptor, f"{where}.mediatype", f"mediatype {mediatype!r} is not read", "'text/csv'"
        )
    dialect = entry.get("dialect")
    if dialect is None:
        return
    if not isinstance(dialect, dict):
        _refuse(descriptor, f"{where}.dialect", "dialect is not an object", "no dialect")
    for key, value in dialect.items():
        if key in _DIALECT_FREE:
            continue
        if key not in _DIALECT_READ or value != _DIALECT_READ[key]:
            expected = (
                f"{_DIALECT_READ[key]!r} (comma-separated, double-quoted, one header row)"
                if key in _DIALECT_READ
                else "no such property: claimledger reads comma-separated CSV with a header"
            )
            _refuse(
                descriptor, f"{where}.dialect.{key}", f"dialect {key} {value!r} is not read",
                expected,
            )  # fmt: skip


def check_required(names: Iterable[str], *, descriptor: str) -> None:
    """Refuse a package that lacks one of the resources every check needs."""
    present = set(names)
    missing = [name for name in REQUIRED if name not in present]
    if missing:
        _refuse(
            descriptor, "resources",
            f"no resource named {', '.join(repr(m) for m in missing)}",
            f"the resources {', '.join(REQUIRED)} (the rules, waivers and verdicts are optional)",
        )  # fmt: skip


def _refuse(descriptor: str, column: str, message: str, expected: str) -> None:
    raise InputError(message, path=descriptor, column=column, expected=expected)
