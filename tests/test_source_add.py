"""``claimledger source add``: archive a text, register it, and find files nobody registered."""

from __future__ import annotations

import hashlib
import unicodedata
from pathlib import Path

from typer.testing import CliRunner

from checks.authoring.package_init import PackageSettings, init_package
from checks.authoring.source_id import propose_source_id
from checks.cli import app
from checks.model.package import load_package
from checks.service import check_package
from tests.conftest import REPO

runner = CliRunner()
TEXT = "Bộ Công an cho biết\n\nTrong năm 2023, đã ghi nhận gần 16.000 phản ánh lừa đảo.\n"


def _package(tmp_path: Path) -> Path:
    root = tmp_path / "pkg"
    init_package(root, PackageSettings("pkg", "Pkg"))
    return root


def _add(root: Path, file: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["source", "add", str(file), "--package", str(root), *args])
    return result.exit_code, result.stdout, result.stderr


def test_source_add_archives_the_bytes_and_appends_a_row_with_their_sha256(
    tmp_path: Path,
) -> None:
    root = _package(tmp_path)
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    code, _, err = _add(root, article, "--title", "Lừa đảo", "--published", "2024-01-05")
    assert code == 0, err
    (row,) = load_package(root).table("sources").to_dict("records")
    assert row["source_id"] == "2024-01-05-lua-dao"
    assert row["sha256"] == hashlib.sha256(TEXT.encode()).hexdigest()
    assert row["language"] == "vi"
    assert row["path"] == "sources/2024-01-05-lua-dao.txt"
    assert (root / row["path"]).read_bytes() == article.read_bytes()
    assert check_package(root, select=["citation", "schema"]).findings == []


def test_source_add_proposes_ids_by_the_repository_convention() -> None:
    pkg = load_package(REPO)
    table = pkg.table("sources")
    existing = list(zip(table["source_id"], table["kind"], strict=True))
    news = propose_source_id(existing, kind="news", title="Tin mới", published="2025-11-02")
    reference = propose_source_id(
        existing, kind="statistical", title="GDP 2025", publisher="GSO", published="2026-01-05"
    )
    assert (news, reference) == ("vn-2025-11-02-tin-moi", "ref-gso-2026-gdp-2025")


def test_source_add_refuses_text_that_is_not_utf8_and_changes_nothing(tmp_path: Path) -> None:
    root = _package(tmp_path)
    before = (root / "datapackage" / "sources.csv").read_bytes()
    article = tmp_path / "a.txt"
    article.write_bytes("Đà Lạt có 100 nghìn dân".encode("cp1258", errors="ignore"))
    code, _, err = _add(root, article, "--title", "x")
    assert code == 2
    assert "not UTF-8" in err and "Windows-1258" in err
    assert (root / "datapackage" / "sources.csv").read_bytes() == before
    assert [p.name for p in (root / "sources").iterdir()] == [".gitkeep"]


def test_source_add_refuses_nfd_unless_asked_to_normalize(tmp_path: Path) -> None:
    root = _package(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text(unicodedata.normalize("NFD", TEXT), encoding="utf-8")
    code, _, err = _add(root, article, "--title", "x")
    assert code == 2 and "not in Unicode NFC" in err and "--normalize" in err
    code, _, err = _add(root, article, "--title", "x", "--normalize")
    assert code == 0, err
    (archived,) = (root / "sources").glob("*.txt")
    assert archived.read_text(encoding="utf-8") == TEXT


def test_source_add_refuses_bad_metadata_naming_the_option(tmp_path: Path) -> None:
    root = _package(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    code, _, err = _add(root, article, "--published", "8/8/2024")
    assert code == 2 and "column --published" in err
    code, _, err = _add(root, article, "--kind", "blog")
    assert code == 2 and "column --kind" in err
    code, _, err = _add(root, article, "--body-end", "99999")
    assert code == 2 and "column --body-end" in err


def test_a_file_in_sources_that_no_row_registers_is_a_citation_warning(tmp_path: Path) -> None:
    root = _package(tmp_path)
    (root / "sources" / "stray.txt").write_text(TEXT, encoding="utf-8")
    (finding,) = check_package(root, select=["citation"]).findings
    assert (finding.check, finding.code, finding.path) == (
        "citation",
        "unregistered-source",
        "sources/stray.txt",
    )
    code, _, err = _add(root, root / "sources" / "stray.txt", "--title", "Stray")
    assert code == 0, err
    assert load_package(root).table("sources")["path"].tolist() == ["sources/stray.txt"]
    assert check_package(root, select=["citation"]).findings == []
