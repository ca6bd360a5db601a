"""Files archived under ``sources/`` that no row of ``sources.csv`` registers.

Such a file is unchecked: no sha256 pins it and no claim can cite it. The citation check
reports each one (a warning: the package is still consistent, but something was copied
in and never registered, or a row was deleted and its file left behind). Hidden files
(``.gitkeep``) and folders are not sources.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from checks.model.codes import FindingCode
from checks.model.finding import Finding, Severity
from checks.model.package import Package

CODE = "unregistered-source"
TITLE = "A file in sources/ that no row of sources.csv registers"
HELP = (
    "Register it with `claimledger source add sources/FILE` (which computes its sha256), "
    "or delete it if it is left over from a removed source."
)
FOLDER = "sources"


UNREGISTERED_CODE = FindingCode(
    CODE,
    "A file in sources/ that no row registers",
    "The file is archived but sources.csv has no row for it: register it with "
    "`claimledger source add`, or delete it.",
    "warning",
    "an unregistered text is neither cited nor checked; it may be a capture left half done",
)
"""The code, declared by the check that reports it (citation)."""


def unregistered_sources(pkg: Package, check: str) -> Iterator[Finding]:
    """One warning per regular, non-hidden file in ``sources/`` that no row names."""
    folder = pkg.root / FOLDER
    if not folder.is_dir():
        return
    table = pkg.table("sources")
    named = set(table["path"].tolist()) if "path" in table.columns else set()
    with os.scandir(folder) as entries:  # names and types, without a Path per file
        listed = sorted((e.name, e) for e in entries if not e.name.startswith("."))
    for name, entry in listed:
        relative = f"{FOLDER}/{name}"
        if relative in named or not entry.is_file():  # registered: no stat needed
            continue
        yield Finding(
            check,
            CODE,
            Severity.WARNING,
            (),
            f"{relative} is archived but no row of sources.csv registers it: {HELP}",
            {"path": relative},
            relative,
            None,
            key=relative,
        )
