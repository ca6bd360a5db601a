"""``claimledger publish``: refuses unwaived errors (exit 1), never writes into the data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checks.model.errors import InputError
from tests.package_edits import write_waivers
from tests.publish_support import break_city_users, publish_copy

FILES = ["claimledger-0.1.0.zip", "claimledger.db", "metadata.json", "claimreview.jsonld"]


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "checks.cli", "publish", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        env={"NO_COLOR": "1", "PATH": str(Path(sys.executable).parent)},
    )


def test_publish_writes_four_files_into_out_beside_the_descriptor(mini: Path) -> None:
    proc = run(cwd=mini)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        "published mini 0.1.0: 4 findings (0 error, 3 warning, 1 info not waived), 2 claim reviews",
        *(f"wrote out/{name}" for name in FILES),
    ]
    assert sorted(p.name for p in (mini / "out").iterdir()) == sorted(FILES)


def test_unwaived_error_refuses_with_count_and_first_findings_and_writes_nothing(
    mini: Path, tmp_path: Path
) -> None:
    break_city_users(mini)
    proc = run(str(mini), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stderr.splitlines()
    assert lines[0] == (
        "claimledger: refusing to publish: 1 error-level finding is not waived (fix it, "
        "waive in datapackage/waivers.csv, or pass --allow-errors)"
    )
    assert lines[1].startswith("  ")
    assert lines[1].split()[1:3] == ["citation/value-mismatch", "datapackage/claims.csv:2"]
    assert len(lines) == 2
    assert not (tmp_path / "out").exists()


def test_allow_errors_publishes_anyway(mini: Path, tmp_path: Path) -> None:
    break_city_users(mini)
    proc = run(str(mini), "--out", str(tmp_path / "out"), "--allow-errors", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(
        "published mini 0.1.0: 5 findings (1 error, 3 warning, 1 info not waived)"
    )
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(FILES)


def test_a_waived_error_does_not_block_publishing(mini: Path, tmp_path: Path) -> None:
    break_city_users(mini)
    blocked = run(str(mini), "--out", str(tmp_path / "out"), cwd=tmp_path)
    fingerprint = blocked.stderr.splitlines()[1].split()[0]
    write_waivers(mini, (fingerprint, "printed so in the article", "an editor", "2099-12-31"))
    pub = publish_copy(mini, tmp_path / "out")
    (finding,) = [f for f in pub.result.findings if f.severity.value == "error"]
    assert (finding.fingerprint, bool(finding.waiver)) == (fingerprint, True)


@pytest.mark.parametrize("inside", ["datapackage", "datapackage/out", "sources"])
def test_out_inside_the_data_folders_is_refused(mini: Path, tmp_path: Path, inside: str) -> None:
    with pytest.raises(InputError) as caught:
        publish_copy(mini, mini / inside)
    folder = inside.split("/")[0]
    assert str(caught.value) == (
        f"{mini / inside}: column --out: will not write into the package's data folder "
        f"{folder}/ (expected a folder outside datapackage/, sources/ (default out/))"
    )


def test_cli_reports_a_refused_out_folder_as_input_error(mini: Path) -> None:
    proc = run(str(mini), "--out", str(mini / "sources"), cwd=mini)
    assert proc.returncode == 2
    assert proc.stderr.startswith("claimledger: error: ")
    assert "will not write into the package's data folder sources/" in proc.stderr
    assert sorted(p.name for p in (mini / "sources").iterdir()) == [
        "test-article.txt",
        "test-reference.txt",
    ]


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (
            "version",
            "datapackage.json: column version: version None cannot name a release "
            "(expected a version such as 1.0.0 (letters, digits, . + _ -))",
        ),
        (
            "licenses",
            "datapackage.json: column licenses: the package has no licence; readers cannot "
            'reuse unlicensed data (expected a list such as [{"name": "CC-BY-4.0", '
            '"path": "https://..."}])',
        ),
    ],
)
def test_a_package_without_version_or_licence_is_not_published(
    mini: Path, tmp_path: Path, field: str, message: str
) -> None:
    descriptor_path = mini / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    del descriptor[field]
    descriptor_path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        publish_copy(mini, tmp_path / "out")
    assert str(caught.value) == message
    assert not (tmp_path / "out").exists()
