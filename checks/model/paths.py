"""Where things are: every path comes from the package root, never the working directory."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from checks.model.errors import InputError

DESCRIPTOR = "datapackage.json"
_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


_START = f"a {DESCRIPTOR} file; `claimledger init` starts a new package"


def find_descriptor(target: Path | str | None = None) -> Path:
    """The ``datapackage.json`` for a path: the file itself, or the one in a folder.

    With no target, the nearest ``datapackage.json`` at or above the working directory.
    """
    if target is None:
        here = Path.cwd().resolve()
        for folder in (here, *here.parents):
            if (folder / DESCRIPTOR).is_file():
                return folder / DESCRIPTOR
        raise InputError(
            f"no {DESCRIPTOR} in {here} or any folder above it", path=str(here), expected=_START
        )
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
        raise InputError("package descriptor not found", path=str(path), expected=_START)
    return resolved


def safe_resource_path(root: Path, relative: str, *, descriptor: str, field: str) -> Path:
    """Resolve a path named in the descriptor, refusing anything outside the package root.

    Absolute paths, ``..`` segments, URLs and symlinks that lead out of the root are errors.
    """
    candidate = _checked_relative(relative, descriptor=descriptor, field=field)
    return _resolved_inside(root, candidate, relative, descriptor=descriptor, field=field)


class ResourcePaths:
    """:func:`safe_resource_path` for the many paths of one table, each folder resolved once.

    Resolving a path walks every component with ``lstat``; for twenty thousand sources in
    one folder that is most of the cost of reading them. Here each distinct folder is
    resolved once, and only the last component is looked at per path: when it is not a
    symlink, the resolved path is the resolved folder joined with its name, which is what
    :func:`safe_resource_path` returns. Anything else (a symlink, a missing file, a folder
    that does not resolve, a result outside the root) goes through
    :func:`safe_resource_path` itself, so its result and its errors are unchanged.

    >>> paths = ResourcePaths(Path("tests/fixtures/mini"), descriptor="sources.csv", field="path")
    >>> paths.resolve("sources/test-article.txt").name
    'test-article.txt'
    """

    def __init__(self, root: Path, *, descriptor: str, field: str) -> None:
        self._root = root
        self._descriptor = descriptor
        self._field = field
        self._folders: dict[str, str | None] = {}
        self._resolved: dict[str, Path] = {}

    def resolve(self, relative: str) -> Path:
        """The resolved path of ``relative``, or the :class:`InputError` of the exact check."""
        if not isinstance(relative, str):
            return safe_resource_path(
                self._root, relative, descriptor=self._descriptor, field=self._field
            )
        resolved = self._resolved.get(relative)
        if resolved is None:
            resolved = self._quick(relative) or safe_resource_path(
                self._root, relative, descriptor=self._descriptor, field=self._field
            )
            self._resolved[relative] = resolved
        return resolved

    def _quick(self, relative: str) -> Path | None:
        """The resolved path of a plain relative path whose last part is no symlink, or None.

        Plain: names of letters, digits, ``_``, ``-`` and inner dots joined by ``/``, so
        every refusal of :func:`safe_resource_path` (absolute, ``..``, URL, control
        character) is impossible and ``Path`` would not rewrite it.
        """
        if _PLAIN.fullmatch(relative) is None:
            return None
        folder_name, _, name = relative.rpartition("/")
        folder = self._folder(folder_name)
        if folder is None:
            return None
        path = os.path.join(folder, name)
        try:
            if stat.S_ISLNK(os.lstat(path).st_mode):
                return None
        except OSError:
            return None
        return Path(path)

    def _folder(self, relative: str) -> str | None:
        """A folder (``""``: the root) resolved once; None when it does not stay inside."""
        if relative not in self._folders:
            try:
                real_root = self._root.resolve()
                folder = self._root.joinpath(relative).resolve()
                inside = folder.is_relative_to(real_root)
            except (OSError, RuntimeError):  # a symlink loop: the exact check says so
                inside = False
            self._folders[relative] = str(folder) if inside else None
        return self._folders[relative]


_PLAIN = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(?:/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")


def _checked_relative(relative: str, *, descriptor: str, field: str) -> Path:
    """The path as written, refused when it is not one relative path without ``..``."""
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
    return candidate


def _resolved_inside(
    root: Path, candidate: Path, relative: str, *, descriptor: str, field: str
) -> Path:
    """``root / candidate`` with its symlinks resolved, refused when it leaves the root."""
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
