"""Every unreadable or invalid row of every table in one run, with the reports still written."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from checks.cli import app
from checks.model.csvfile import MAX_ROW_PROBLEMS
from tests.conftest import REPO

runner = CliRunner()
MINI = REPO / "tests" / "fixtures" / "mini"
# per table: a ragged row and a row whose cells break the table schema (a bad type or enum)
BAD_ROWS = {
    "sources": ["ragged,row", "bad-source,T,,,not-a-date,xx,news,sources/x.txt,abc,,"],
    "claims": ["ragged,row", "bad-claim,test-article,q,-5,x,,,,,,,exact,,,,"],
    "indicators": ["ragged,row", "bad-indicator,L,D,person,not-a-kind,f"],
    "rules": ["ragged,row", "bad-rule,not-a-kind,[a],,,,error,0,r"],
    "waivers": ["ragged,row", "not-hex,j,r,never"],
    "verdicts": ["ragged,row", "city-penetration,R,nine,5,1,e,r,Organization,2026-13-01,"],
}


def _broken_package(tmp_path: Path) -> Path:
    root = tmp_path / "pkg"
    shutil.copytree(MINI, root)
    for table, rows in BAD_ROWS.items():
        path = root / "datapackage" / f"{table}.csv"
        text = path.read_text(encoding="utf-8")
        text = text if text.endswith("\n") else text + "\n"
        path.write_text(text + "\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_a_bad_row_in_each_table_is_reported_and_the_reports_are_written(tmp_path: Path) -> None:
    root = _broken_package(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["check", str(root), "--out", str(out)])
    assert result.exit_code == 2
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    schema = [f for f in data["findings"] if f["check"] == "schema"]
    unreadable = {f["path"] for f in schema if f["code"] == "row-unreadable"}
    assert unreadable == {f"datapackage/{t}.csv" for t in BAD_ROWS}
    invalid = {f["path"] for f in schema if f["code"] in ("field", "required", "foreign-key")}
    assert invalid == {f"datapackage/{t}.csv" for t in BAD_ROWS}
    for name in ("findings.md", "findings.html", "findings.sarif"):
        assert (out / name).is_file()
    # every unreadable row on stderr, with its file and line; the other checks still ran
    errors = [line for line in result.stderr.splitlines() if "row has 2 cells" in line]
    assert len(errors) == len(BAD_ROWS)
    assert {f["check"] for f in data["findings"]} > {"schema"}


def test_unreadable_rows_beyond_the_cap_are_counted_in_one_finding(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    shutil.copytree(MINI, root)
    claims = root / "datapackage" / "claims.csv"
    extra = MAX_ROW_PROBLEMS + 20
    claims.write_text(claims.read_text(encoding="utf-8") + "a,b\n" * extra, encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["check", str(root), "--out", str(out), "--check", "schema"])
    assert result.exit_code == 2
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    codes = [f["code"] for f in data["findings"]]
    assert codes.count("row-unreadable") == MAX_ROW_PROBLEMS
    (more,) = [f for f in data["findings"] if f["code"] == "rows-unreadable-more"]
    assert more["message"] == f"and 20 more unreadable row(s) not listed ({extra} in all)"
    assert (
        result.stderr.splitlines()[-1]
        == f"claimledger: error: … and {extra - 20} more unreadable rows"
    )
