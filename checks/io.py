"""Writing outputs atomically: a reader never sees a half-written report.

Each file is written to a temporary file in the same folder, flushed to disk, then
renamed over the target: a run that is killed (even with SIGKILL) leaves either the old
file or the new one, never a mix, and never touches anything outside the target folder.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path

from checks.model.errors import InputError


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, fsync, then rename over ``path``.

    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "out" / "report.txt"
    >>> atomic_write_bytes(target, b"ok\\n"); target.read_bytes()
    b'ok\\n'
    """
    tmp = _write_temporary(path, data)
    _commit({tmp: path})


def atomic_write_text(path: Path, text: str) -> None:
    """Write UTF-8 text atomically with ``\\n`` line ends."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_files(files: Mapping[Path, bytes | str]) -> None:
    """Write several files: every one is fully on disk before the first is renamed.

    A failure while writing any of them leaves all the targets as they were; only the
    renames (microseconds apart) happen after the point of no return.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write_files({folder / "a.md": "# a\\n", folder / "a.json": b"{}"})
    >>> sorted(p.name for p in folder.iterdir())
    ['a.json', 'a.md']
    """
    temporaries: dict[Path, Path] = {}
    try:
        for path, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            temporaries[_write_temporary(path, data)] = path
    except BaseException:
        for tmp in temporaries:
            tmp.unlink(missing_ok=True)
        raise
    _commit(temporaries)


def default_folder(root: Path, name: str) -> Path:
    """The output folder ``name`` beside the descriptor, refused (exit 2) when it is a
    symlink that leads out of the package: a package from a pull request must not make a
    run write wherever its ``reports`` link points. An ``--out`` the user types is theirs.

    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> default_folder(root, "reports") == root / "reports"
    True
    """
    folder = root / name
    if folder.is_symlink() or folder.exists():
        target = folder.resolve()
        if not target.is_relative_to(root.resolve()):
            raise InputError(
                f"the default output folder {name}/ leads out of the package, to {target}",
                path=str(folder),
                expected=f"a folder {name}/ inside the package, or an explicit --out DIR",
            )
    return folder


def _write_temporary(path: Path, data: bytes) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _write_error(path, exc) from None
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _mode_for(path))
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_error(path, exc) from None
        raise
    return tmp


def _commit(temporaries: Mapping[Path, Path]) -> None:
    try:
        for tmp, path in temporaries.items():
            os.replace(tmp, path)
    except BaseException as exc:
        for tmp in temporaries:
            tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_error(next(iter(temporaries.values())), exc) from None
        raise
    for folder in {path.parent for path in temporaries.values()}:
        _fsync_folder(folder)


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; a new file gets 0666 minus the umask."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (not possible on every file system: then skip)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _write_error(path: Path, exc: OSError) -> InputError:
    return InputError(
        f"cannot write: {exc.strerror or exc}",
        path=str(path),
        expected="a writable output folder",
    )
