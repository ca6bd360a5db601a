"""Where things are: every path comes from the package root, never the working directory."""

from __future__ import annotations

import re
from pathlib import Path

from checks.model.errors import InputError

DESCRIPTOR = "datapackage.json"
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def find_descriptor(target: Path | str | None = None) -> Path:
    """The ``datapackage.json`` for a path: the file itself, or the one in a folder.

    With no target, the nearest ``datapackage.json`` at or above the working directory.
    """
    if target is None:
        here = Path.cwd().resolve()
        for folder in (here, *here.parents):
            if (folder / DESCRIPTOR).is_file():
                return folder / DESCRIPTOR
        raise InputError(f"no {DESCRIPTOR} in {here} or any folder above it", path=str(here))
    path = Path(target)
    try:
        if path.is_dir():
            path = path / DESCRIPTOR
        found = path.is_file()
        resolved = path.resolve()
    except (OSError, RuntimeError) as exc:
        raise InputError(
            f"cannot open package: {exc}", path=str(path), expected=f"a {DESCRIPTOR} file"
        ) from None
    if not found:
        raise InputError(
            "package descriptor not found", path=str(path), expected=f"a {DESCRIPTOR} file"
        )
    return resolved


def safe_resource_path(root: Path, relative: str, *, descriptor: str, field: str) -> Path:
    """Resolve a path named in the descriptor, refusing anything outside the package root.

    Absolute paths, ``..`` segments, URLs and symlinks that lead out of the root are errors.
    """
    if isinstance(relative, list):
        raise InputError(
            "multipart resource paths are not supported",
            path=descriptor,
            column=field,
            expected="one relative path inside the package",
        )
    if not isinstance(relative, str) or not relative.strip():
        raise InputError(
            "resource path is missing",
            path=descriptor,
            column=field,
            expected="a relative path inside the package",
        )
    if _URL.match(relative):
        raise InputError(
            f"remote resource {relative!r} is not fetched",
            path=descriptor,
            column=field,
            expected="a relative path inside the package (no URLs)",
        )
    if any(ord(ch) < 0x20 or ch == "\x7f" for ch in relative):
        raise InputError(
            f"path {relative!r} contains a control character",
            path=descriptor,
            column=field,
            expected="a relative path of printable characters",
        )
    candidate = Path(relative)
    if (
        candidate.is_absolute()
        or relative.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", relative)
    ):
        raise InputError(
            f"absolute path {relative!r}",
            path=descriptor,
            column=field,
            expected="a relative path inside the package",
        )
    if ".." in candidate.parts or ".." in relative.replace("\\", "/").split("/"):
        raise InputError(
            f"path {relative!r} leaves the package",
            path=descriptor,
            column=field,
            expected="a relative path without '..'",
        )
    try:
        resolved = (root / candidate).resolve()
        inside = resolved.is_relative_to(root.resolve())
    except (OSError, RuntimeError) as exc:  # a symlink loop, a name too long
        raise InputError(
            f"path {relative!r} cannot be resolved: {exc}",
            path=descriptor,
            column=field,
            expected="a file inside the package",
        ) from None
    if not inside:
        raise InputError(
            f"path {relative!r} resolves outside the package (symlink?)",
            path=descriptor,
            column=field,
            expected="a file inside the package",
        )
    return resolved
