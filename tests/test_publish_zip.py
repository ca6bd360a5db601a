"""The release zip is a Frictionless package that validates, packed and unpacked."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import frictionless

from tests.helpers import read_rows
from tests.publish_support import ZIP, break_city_users, publish_copy, zip_members

TABLES = ["sources", "claims", "indicators", "rules", "waivers", "verdicts", "findings"]


def test_zip_is_named_by_version_and_holds_descriptor_and_csvs_but_no_texts(
    mini: Path, tmp_path: Path
) -> None:
    pub = publish_copy(mini, tmp_path / "out")
    assert pub.files[ZIP] == tmp_path / "out" / "claimledger-0.1.0.zip"
    assert list(zip_members(pub.files[ZIP])) == [
        "datapackage.json",
        *(f"datapackage/{name}.csv" for name in TABLES),
    ]


def test_frictionless_validates_the_zip_as_a_package_of_seven_tables(
    mini: Path, tmp_path: Path
) -> None:
    pub = publish_copy(mini, tmp_path / "out")
    report = frictionless.validate(str(pub.files[ZIP]))
    assert report.valid, report.flatten(["type", "note"])
    assert [task.name for task in report.tasks] == TABLES


def test_frictionless_validates_the_unpacked_zip(mini: Path, tmp_path: Path) -> None:
    pub = publish_copy(mini, tmp_path / "out")
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(pub.files[ZIP]) as archive:
        archive.extractall(unpacked)
    report = frictionless.validate(str(unpacked / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    assert [task.name for task in report.tasks] == TABLES


def test_frictionless_command_says_the_zip_is_valid(mini: Path, tmp_path: Path) -> None:
    pub = publish_copy(mini, tmp_path / "out")
    command = Path(sys.executable).parent / "frictionless"
    proc = subprocess.run(
        [str(command), "validate", str(pub.files[ZIP])],
        capture_output=True,
        text=True,
        check=False,
        env={"NO_COLOR": "1", "PATH": str(command.parent)},
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("VALID") == len(TABLES)
    assert "INVALID" not in proc.stdout


def test_descriptor_carries_licence_contributors_created_version_hashes_and_bytes(
    mini: Path, tmp_path: Path
) -> None:
    original = json.loads((mini / "datapackage.json").read_text(encoding="utf-8"))
    members = zip_members(publish_copy(mini, tmp_path / "out").files[ZIP])
    descriptor = json.loads(members["datapackage.json"])
    assert descriptor["licenses"] == original["licenses"]
    assert descriptor["contributors"] == original["contributors"]
    assert (descriptor["version"], descriptor["created"]) == ("0.1.0", "2026-11-26T00:00:00Z")
    assert [r["name"] for r in descriptor["resources"]] == TABLES
    for resource in descriptor["resources"]:
        data = members[resource["path"]]
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["bytes"] == len(data)
        assert isinstance(resource["schema"], dict), "table schemas are inlined"
    for name in TABLES[:-1]:
        assert members[f"datapackage/{name}.csv"] == (mini / f"datapackage/{name}.csv").read_bytes()


def test_findings_resource_holds_the_fresh_checks_findings(mini: Path, tmp_path: Path) -> None:
    break_city_users(mini)
    pub = publish_copy(mini, tmp_path / "out", allow_errors=True)
    (finding,) = [f for f in pub.result.findings if f.check == "citation"]
    table = zip_members(pub.files[ZIP])["datapackage/findings.csv"].decode("utf-8")
    everything = list(csv.DictReader(io.StringIO(table)))
    assert len(everything) == len(pub.result.findings)
    rows = [r for r in everything if r["check"] == "citation"]
    assert [(r["fingerprint"], r["check"], r["code"], r["severity"]) for r in rows] == [
        (finding.fingerprint, "citation", "value-mismatch", "error")
    ]
    (row,) = rows
    assert (row["claim_ids"], row["path"], row["line"], row["waived"]) == (
        "city-users",
        "datapackage/claims.csv",
        "2",
        "false",
    )
    assert json.loads(row["evidence"]) == dict(finding.evidence)
    report = frictionless.validate(str(pub.files[ZIP]))
    assert report.valid, report.flatten(["type", "note"])


def test_a_csv_changed_inside_the_zip_fails_validation_on_its_hash_and_bytes(
    mini: Path, tmp_path: Path
) -> None:
    members = zip_members(publish_copy(mini, tmp_path / "out").files[ZIP])
    members["datapackage/claims.csv"] = members["datapackage/claims.csv"].replace(
        b"city A has", b"city A had one"
    )
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(tampered, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    report = frictionless.validate(str(tampered))
    assert not report.valid
    assert sorted(e[0] for e in report.flatten(["type"])) == ["byte-count", "hash-count"]


def test_include_texts_adds_each_archived_source_where_its_path_points(
    mini: Path, tmp_path: Path
) -> None:
    pub = publish_copy(mini, tmp_path / "out", include_texts=True)
    members = zip_members(pub.files[ZIP])
    sources = read_rows(mini / "datapackage/sources.csv")
    assert list(members)[-2:] == ["sources/test-article.txt", "sources/test-reference.txt"]
    for source in sources:
        assert hashlib.sha256(members[source["path"]]).hexdigest() == source["sha256"]
    report = frictionless.validate(str(pub.files[ZIP]))
    assert report.valid, report.flatten(["type", "note"])
