"""check writes its reports as one set, and only inside the package or where --out says
(issue 20, defects 15 and 16)."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import pytest

from checks import io as checks_io
from checks.model.errors import InputError
from checks.service import check_package, write_reports
from tests.cli_run import Sandbox

MINI = Path(__file__).parent / "fixtures" / "mini"
FORMATS = ["json", "md", "html", "sarif"]


def test_a_full_disk_while_writing_the_set_leaves_every_previous_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = check_package(MINI)
    out = tmp_path / "out"
    old = {}
    for path in write_reports(result, out, FORMATS):
        path.write_text(f"previous {path.name}\n", encoding="utf-8")
        old[path.name] = path.read_bytes()
    real = checks_io._write_temporary
    written: list[Path] = []

    def disk_full_on_the_third(path: Path, data: bytes) -> Path:
        if len(written) == 2:
            raise checks_io._write_error(path, OSError(errno.ENOSPC, "No space left on device"))
        written.append(path)
        return real(path, data)

    monkeypatch.setattr(checks_io, "_write_temporary", disk_full_on_the_third)
    with pytest.raises(InputError, match="No space left on device"):
        write_reports(result, out, FORMATS)

    assert {p.name: p.read_bytes() for p in out.iterdir()} == old  # no temporary left either


def test_a_reports_symlink_leading_out_of_the_package_is_refused(tmp_path: Path) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (box.pkg / "reports").symlink_to(elsewhere)

    outcome = box.run("check", str(box.pkg), out=elsewhere)

    assert "Traceback" not in outcome.stderr
    assert outcome.returncode == 2
    assert outcome.stderr.splitlines() == [
        f"claimledger: error: {box.pkg}/reports: the default output folder reports/ leads out "
        f"of the package, to {elsewhere.resolve()} (expected a folder reports/ inside the "
        "package, or an explicit --out DIR)"
    ]
    assert list(elsewhere.iterdir()) == []


def test_a_reports_symlink_inside_the_package_is_followed(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    shutil.copytree(MINI, root)
    (root / "generated").mkdir()
    (root / "reports").symlink_to(root / "generated")

    written = write_reports(check_package(root), None, ["json"])

    assert written == [root / "reports" / "findings.json"]
    assert (root / "generated" / "findings.json").is_file()
