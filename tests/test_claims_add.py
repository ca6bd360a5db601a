"""``claimledger claims add``: reviewed draft rows placed, checked and appended atomically."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checks.authoring.claims_add import DraftRefused, add_claims
from checks.authoring.package_init import PackageSettings, init_package
from checks.authoring.source_add import SourceMetadata, add_source
from checks.cli import app
from checks.model.package import load_package
from checks.scan.draft import CLAIM_COLUMNS
from checks.service import check_package

runner = CliRunner()
TEXT = (
    "Bộ Công an ghi nhận gần 16.000 phản ánh lừa đảo trực tuyến trong năm 2023.\n"
    "Thiệt hại là 390.000 tỷ đồng. Thiệt hại là 390.000 tỷ đồng.\n"
)
INDICATORS = (
    "indicator_id,label,definition,unit,kind,family\n"
    "online-fraud-reports,Online fraud reports,Reports of online fraud,report,flow,fraud\n"
    "online-fraud-losses,Online fraud losses,Losses to online fraud,VND,flow,fraud\n"
)


@pytest.fixture
def package(tmp_path: Path) -> Path:
    root = tmp_path / "pkg"
    init_package(root, PackageSettings("pkg", "Pkg"))
    (root / "datapackage" / "indicators.csv").write_text(INDICATORS, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    add_source(load_package(root), article, SourceMetadata(title="A", source_id="a"))
    return root


def _claim(claim_id: str, quote: str, **cells: str) -> dict[str, str]:
    row = dict.fromkeys(CLAIM_COLUMNS, "")
    row.update(
        claim_id=claim_id,
        source_id="a",
        quote=quote,
        as_written="gần 16.000",
        subject="VNM",
        indicator_id="online-fraud-reports",
        value="16000",
        unit="report",
        qualifier="nearly",
        period_start="2023-01-01",
        period_end="2023-12-31",
    )
    row.update(cells)
    return row


def _draft(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(CLAIM_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_claims_add_fills_offsets_from_the_one_occurrence_and_appends(
    package: Path, tmp_path: Path
) -> None:
    quote = "ghi nhận gần 16.000 phản ánh"
    draft = _draft(tmp_path / "d.csv", [_claim("c1", quote, start="0", end="5")])
    result = runner.invoke(app, ["claims", "add", str(draft), "--package", str(package)])
    assert result.exit_code == 0, result.stderr
    assert "offsets set from the quote: c1: 0..5 → 11..39" in result.stdout
    (row,) = load_package(package).table("claims").to_dict("records")
    assert (row["start"], row["end"]) == ("11", "39")
    assert TEXT[11:39] == quote
    assert check_package(package, select=["citation", "schema"]).findings == []


def test_claims_add_refuses_an_ambiguous_quote_naming_its_places(
    package: Path, tmp_path: Path
) -> None:
    row = _claim(
        "c2",
        "Thiệt hại là 390.000 tỷ đồng",
        as_written="390.000 tỷ đồng",
        indicator_id="online-fraud-losses",
        value="390000000000000",
        unit="VND",
        qualifier="exact",
    )
    with pytest.raises(DraftRefused) as refused:
        add_claims(package, _draft(tmp_path / "d.csv", [row]))
    (problem,) = refused.value.problems
    assert problem.claim_id == "c2" and problem.line == 2
    assert "occurs 2 times in source a (at 75..103, 105..133)" in problem.message
    assert load_package(package).table("claims").empty


def test_claims_add_refuses_duplicate_ids_and_rows_citation_would_fail(
    package: Path, tmp_path: Path
) -> None:
    quote = "ghi nhận gần 16.000 phản ánh"
    rows = [
        _claim("c1", quote),
        _claim("c1", quote),
        _claim("c3", quote, value="17000"),  # not inside the interval of 'gần 16.000'
        _claim("c4", quote, as_written="16.500"),  # not in the quote
        _claim("c5", "not in the text"),
    ]
    draft = _draft(tmp_path / "d.csv", rows)
    before = (package / "datapackage" / "claims.csv").read_bytes()
    result = runner.invoke(app, ["claims", "add", str(draft), "--package", str(package)])
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert "nothing was added" in lines[0]
    assert any("line 3: claim c1: column claim_id: 'c1' is repeated" in x for x in lines)
    assert any(
        "line 6: claim c5: column quote: 'not in the text' does not occur" in x for x in lines
    )
    assert "line 4: claim c3: citation/" in result.stderr
    assert "line 5: claim c4: citation/" in result.stderr
    assert (package / "datapackage" / "claims.csv").read_bytes() == before


def test_claims_add_refuses_an_id_already_in_the_package(package: Path, tmp_path: Path) -> None:
    quote = "ghi nhận gần 16.000 phản ánh"
    add_claims(package, _draft(tmp_path / "d.csv", [_claim("c1", quote)]))
    with pytest.raises(DraftRefused) as refused:
        add_claims(package, _draft(tmp_path / "e.csv", [_claim("c1", quote)]))
    assert "'c1' is already in claims.csv" in refused.value.problems[0].message


def test_claims_add_fills_an_empty_subject_from_the_option(package: Path, tmp_path: Path) -> None:
    draft = _draft(tmp_path / "d.csv", [_claim("c1", "gần 16.000 phản ánh", subject="")])
    result = runner.invoke(
        app, ["claims", "add", str(draft), "--package", str(package), "--subject", "VNM"]
    )
    assert result.exit_code == 0, result.stderr
    assert load_package(package).table("claims")["subject"].tolist() == ["VNM"]
