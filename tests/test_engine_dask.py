"""The dask engine gives the local engine's findings, fingerprint for fingerprint.

One LocalCluster serves the session (``dask_scheduler`` in conftest), reached through
``scheduler`` as ``--scheduler`` would; one test runs the CLI, which starts its own.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from benchmarks.generate import write_package
from checks.engine import EngineOptions
from checks.engine.chunks import split_csv
from checks.engine.partition import buckets
from checks.model.finding import Finding
from checks.report.context import claim_count
from checks.service import check_package, write_reports

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def scheduler(dask_scheduler: str) -> str:
    return dask_scheduler


def _by_fingerprint(findings: list[Finding]) -> dict[str, dict[str, object]]:
    return {f.fingerprint: f.to_dict() for f in findings}


def _assert_same(local: list[Finding], dask: list[Finding]) -> None:
    assert [f.fingerprint for f in dask] == [f.fingerprint for f in local]  # same order too
    assert _by_fingerprint(dask) == _by_fingerprint(local)


def test_dask_engine_gives_the_local_findings_on_the_package_own_data(scheduler: str) -> None:
    local = check_package(REPO)
    dask = check_package(REPO, engine=EngineOptions("dask", scheduler, block_bytes=12_000))
    assert len(local.findings) > 10
    _assert_same(local.findings, dask.findings)


def test_dask_engine_gives_the_local_findings_on_a_generated_100k_claim_package(
    scheduler: str, tmp_path: Path
) -> None:
    root = tmp_path / "pkg"
    truth = write_package(root, 100_000, seed=5)
    local = check_package(root)
    dask = check_package(root, engine=EngineOptions("dask", scheduler, block_bytes=4_000_000))
    assert len(truth["conflicts"]) > 0 and len(local.findings) >= len(truth["conflicts"])
    _assert_same(local.findings, dask.findings)


def test_dask_engine_finds_duplicates_and_broken_rows_across_chunks(
    scheduler: str, mini: Path
) -> None:
    claims = mini / "datapackage" / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    # the first claim again at the end (a duplicate id in another chunk), a claim without
    # an id (located by its row number) and one citing an unknown source
    no_id = "," + rows[1].split(",", 1)[1]
    unknown_source = rows[2].replace(rows[2].split(",")[1], "no-such-source", 1)
    edited = [*rows[:1], no_id, unknown_source, *rows[3:], rows[0]]
    claims.write_text(header + "".join(edited), encoding="utf-8")
    local = check_package(mini)
    dask = check_package(mini, engine=EngineOptions("dask", scheduler, block_bytes=200))
    codes = {f.code for f in local.findings}
    assert {"unique", "required", "foreign-key"} <= codes
    _assert_same(local.findings, dask.findings)
    # the summary's count of claims (distinct ids, the duplicate and the empty one left
    # out), counted by the workers: the client never reads the claims table
    assert dask.loaded is not None and dask.loaded.counted_claims == claim_count(local.loaded)
    assert dask.loaded.resources["claims"]._frame is None


def test_check_cli_with_the_dask_engine_writes_the_local_reports(tmp_path: Path) -> None:
    formats = ["json", "md", "sarif"]
    local = write_reports(check_package(REPO), tmp_path / "local", formats)
    command = [sys.executable, "-m", "checks.cli", "check", str(REPO), "--engine", "dask"]
    command += ["--workers", "2", "--out", str(tmp_path / "dask")]
    done = subprocess.run(
        [*command, *(a for f in formats for a in ("-f", f))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    for path in local:
        assert (tmp_path / "dask" / path.name).read_bytes() == path.read_bytes(), path.name
    assert json.loads(local[0].read_text(encoding="utf-8"))["findings"]


def test_cluster_options_with_the_local_engine_are_an_input_error() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checks.cli", "check", str(REPO), "--scheduler", "tcp://x:1"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "--scheduler given with the local engine" in done.stderr


def test_dask_engine_lists_unreadable_rows_as_the_local_engine_does(
    scheduler: str, mini: Path
) -> None:
    tables = mini / "datapackage"
    claims = tables / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    # a ragged claim in a later chunk (the rows after it move up one row in the table),
    # and a claim without an id after it, located by its row
    ragged = lines[2].rstrip("\r\n") + ",extra\n"
    no_id = "," + lines[3].split(",", 1)[1]
    claims.write_text("".join([*lines[:2], ragged, no_id, *lines[4:]]), encoding="utf-8")
    sources = tables / "sources.csv"
    sources.write_text(sources.read_text(encoding="utf-8") + "half,a row\n", encoding="utf-8")
    local = check_package(mini)
    dask = check_package(mini, engine=EngineOptions("dask", scheduler, block_bytes=200))
    unreadable = [f for f in local.findings if f.code == "row-unreadable"]
    assert {f.evidence["resource"] for f in unreadable} == {"claims", "sources"}
    assert any(f.code == "required" and f.evidence["row"] == 2 for f in local.findings)
    _assert_same(local.findings, dask.findings)


def test_the_local_engine_does_not_import_dask_when_it_is_installed() -> None:
    # pint imports dask.base at start-up when it can; the unit registry hides it
    code = (
        "import sys\n"
        "from checks.service import check_package\n"
        f"check_package({str(REPO / 'tests' / 'fixtures' / 'mini')!r})\n"
        "import pint\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'dask'), pint.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["[]", "pint"]


def test_dask_engine_merges_the_copies_of_a_claim_that_a_rule_names_by_id(
    scheduler: str, tmp_path: Path
) -> None:
    # untoc-adoption (subject WLD, named by a rule as [claim:untoc-adoption]) printed a
    # second time, and the claims the rule anchors on moved to subject VNM: the rule's
    # finding is reported from VNM's partition, where untoc-adoption is a guest, and lists
    # both of its copies, as the local engine lists them
    root = tmp_path / "pkg"
    root.mkdir()
    shutil.copy(REPO / "datapackage.json", root)
    for folder in ("datapackage", "sources"):
        shutil.copytree(REPO / folder, root / folder)
    claims = root / "datapackage" / "claims.csv"
    lines = claims.read_text(encoding="utf-8").splitlines(keepends=True)
    anchors = ("fm-interview-years-since-", "ga-adoption-years-since-")
    lines = [x.replace(",WLD,", ",VNM,", 1) if x.startswith(anchors) else x for x in lines]
    named = next(line for line in lines if line.startswith("untoc-adoption,"))
    again = "untoc-adoption-again," + named.split(",", 1)[1]
    claims.write_text("".join([*lines, again]), encoding="utf-8")
    block_bytes = 6_000
    count = len(split_csv(claims, display="claims.csv", block_bytes=block_bytes))
    assert len(set(buckets(pd.Series(["WLD", "VNM"]), count))) == 2  # two partitions
    local = check_package(root)
    merged = [f for f in local.findings if "untoc-adoption-again" in f.claim_ids]
    assert any(c.startswith(anchors) for f in merged for c in f.claim_ids)
    assert all("copies" in f.evidence for f in merged) and merged
    dask = check_package(root, engine=EngineOptions("dask", scheduler, block_bytes=block_bytes))
    _assert_same(local.findings, dask.findings)


def test_dask_engine_recomputes_the_sentences_of_each_source_partition(
    scheduler: str, tmp_path: Path
) -> None:
    from tests.claim_packages import sentence_package

    root = sentence_package(tmp_path / "p")
    local = check_package(root)
    dask = check_package(root, engine=EngineOptions("dask", scheduler, block_bytes=200))
    assert "change" in {f.code for f in local.findings if f.check == "sentences"}
    _assert_same(local.findings, dask.findings)
