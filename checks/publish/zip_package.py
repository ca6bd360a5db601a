"""The release zip: ``datapackage.json`` at the top, the CSVs at their descriptor paths.

Table schemas are inlined in the descriptor, every resource carries its ``hash``
(``sha256:…``) and ``bytes``, so ``frictionless validate`` checks integrity too. Entries
are written in a fixed order with the bundle's timestamp and fixed permissions, so the
same data always gives the same bytes.
"""

from __future__ import annotations

import io
import zipfile

from checks import strictjson
from checks.publish.bundle import Bundle

DESCRIPTOR = "datapackage.json"
_FILE_MODE = 0o100644  # a regular file, rw-r--r--
_UNIX = 3  # ZipInfo.create_system for Unix, whatever the platform that writes it


def archive_name(version: str) -> str:
    """The zip's file name for a package version.

    >>> archive_name("0.1.0")
    'claimledger-0.1.0.zip'
    """
    return f"claimledger-{version}.zip"


def descriptor_bytes(bundle: Bundle) -> bytes:
    """The published descriptor: indented UTF-8 JSON with a final newline."""
    return (strictjson.dumps(bundle.descriptor, ensure_ascii=False, indent=2) + "\n").encode(
        "utf-8"
    )


def zip_entries(bundle: Bundle) -> list[tuple[str, bytes]]:
    """(name, bytes) in archive order: descriptor, tables in descriptor order, texts by path."""
    entries = [(DESCRIPTOR, descriptor_bytes(bundle))]
    entries += [(table.path, table.data) for table in bundle.tables]
    entries += sorted(bundle.texts)
    return entries


def zip_bytes(bundle: Bundle) -> bytes:
    """The whole archive in memory (the caller writes it atomically).

    >>> import zipfile, io  # doctest: +SKIP
    >>> zipfile.ZipFile(io.BytesIO(zip_bytes(bundle))).namelist()[0]  # doctest: +SKIP
    'datapackage.json'
    """
    stamp = bundle.created
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in zip_entries(bundle):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = _UNIX
            info.external_attr = _FILE_MODE << 16
            archive.writestr(info, data, compresslevel=9)
    return buffer.getvalue()
