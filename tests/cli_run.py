"""Running ``python -m checks.cli`` as a subprocess in a sandbox, and proving what it touched.

A :class:`Sandbox` is a temporary folder holding the package under test (``pkg/``), an
output folder (``out/``), an empty working directory, an empty ``HOME`` and an empty
``TMPDIR``. :meth:`Sandbox.run` snapshots every file outside ``out/`` before and after the
command, so a test can assert that inputs stayed byte-identical and that nothing was
written anywhere but the output folder.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = 300
_RSS_MARK = "@claimledger-test-maxrss-kb="
# Runs the command as its own child, so RUSAGE_CHILDREN measures that process alone.
_RSS_WRAPPER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    f"sys.stderr.write('{_RSS_MARK}' + str(peak) + '\\n')\n"
    "sys.exit(code)\n"
)


def tree_digest(root: Path, skip: Path | None = None) -> dict[str, str]:
    """relative path → digest of every entry under ``root`` (symlinks by target, not content).

    FIFOs and devices are recorded by type and never opened.
    """
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        folder = Path(dirpath)
        if skip is not None and (folder == skip or skip in folder.parents):
            dirnames[:] = []
            continue
        for name in [*dirnames, *filenames]:
            path = folder / name
            if skip is not None and path == skip:
                continue
            rel = path.relative_to(root).as_posix()
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                out[rel] = "link:" + os.readlink(path)
            elif stat.S_ISDIR(mode):
                out[rel] = "dir"
            elif stat.S_ISREG(mode):
                out[rel] = "file:" + _sha256(path)
            else:
                out[rel] = f"special:{stat.S_IFMT(mode):o}"
    return out


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class Outcome:
    """What a CLI run did: exit code, streams, and the changes outside the output folder."""

    returncode: int
    stdout: str
    stderr: str
    changed_outside_out: list[str]
    max_rss_kb: int | None = None

    def assert_clean(self) -> None:
        """No traceback anywhere, and nothing outside ``out/`` created, changed or removed."""
        assert "Traceback" not in self.stderr, self.stderr
        assert "Traceback" not in self.stdout, self.stdout
        assert self.changed_outside_out == [], self.changed_outside_out


@dataclass
class Sandbox:
    base: Path

    @property
    def pkg(self) -> Path:
        return self.base / "pkg"

    @property
    def out(self) -> Path:
        return self.base / "out"

    def prepare(self) -> None:
        for name in ("cwd", "home", "tmp"):
            (self.base / name).mkdir(parents=True, exist_ok=True)

    def run(
        self,
        *args: str,
        env: dict[str, str] | None = None,
        out: Path | None = None,
        measure_rss: bool = False,
        python: tuple[str, ...] = ("-m", "checks.cli"),
    ) -> Outcome:
        """``python -m checks.cli ARGS`` with the sandbox as cwd, HOME and TMPDIR.

        ``out`` is the one folder allowed to change (default ``out/``); with
        ``measure_rss`` the peak resident memory of the command is measured.
        """
        self.prepare()
        allowed = out or self.out
        before = tree_digest(self.base, skip=allowed)
        environment = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.base / "home"),
            "TMPDIR": str(self.base / "tmp"),
            "NO_COLOR": "1",
            "PYTHONDONTWRITEBYTECODE": "1",
            "LANG": "C.UTF-8",
            **(env or {}),
        }
        command = [sys.executable, *python, *args]
        if measure_rss:
            command = [sys.executable, "-c", _RSS_WRAPPER, *command]
        result = subprocess.run(
            command,
            cwd=self.base / "cwd",
            env=environment,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=TIMEOUT,
            check=False,
        )
        after = tree_digest(self.base, skip=allowed)
        changed = sorted(
            key for key in before.keys() | after.keys() if before.get(key) != after.get(key)
        )
        stderr, rss = result.stderr, None
        if measure_rss:
            stderr, _, tail = stderr.rpartition(_RSS_MARK)
            rss = int(tail.strip())
        return Outcome(result.returncode, result.stdout, stderr, changed, rss)
