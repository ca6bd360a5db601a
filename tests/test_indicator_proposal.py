"""scan --draft proposes an indicator from the counted noun and the package's lexicon."""

from __future__ import annotations

import csv
from pathlib import Path

from typer.testing import CliRunner

from checks.authoring.package_init import PackageSettings, init_package
from checks.authoring.source_add import SourceMetadata, add_source
from checks.cli import app
from checks.model.package import load_package
from checks.scan import scan_text
from checks.scan.draft import draft_rows
from checks.scan.indicator_proposal import IndicatorLexicon

runner = CliRunner()
INDICATORS = (
    "indicator_id,label,definition,unit,kind,family\n"
    "online-fraud-reports,Online fraud reports,Reports,report,flow,fraud\n"
    "negotiating-countries,Negotiating countries,Countries,country,flow,un\n"
    "attending-countries,Attending countries,Countries,country,stock,un\n"
    "internet-users,Internet users,Users,person,stock,internet\n"
)
TERMS = (
    "indicator_id,language,term\n"
    "online-fraud-reports,vi,phản ánh lừa đảo\n"
    "online-fraud-reports,en,fraud reports\n"
    "negotiating-countries,vi,quốc gia\n"
    "attending-countries,vi,quốc gia\n"
    "internet-users,vi,người dùng\n"
)


def _lexicon(tmp_path: Path) -> IndicatorLexicon:
    root = tmp_path / "p"
    init_package(root, PackageSettings("p", "P"))
    (root / "datapackage" / "indicators.csv").write_text(INDICATORS, encoding="utf-8")
    (root / "datapackage" / "indicator_terms.csv").write_text(TERMS, encoding="utf-8")
    return IndicatorLexicon.of(load_package(root))


def _proposals(lexicon: IndicatorLexicon, text: str, language: str) -> list[tuple[str, str]]:
    rows = draft_rows(scan_text(text, language), "s", lexicon.hook(language))
    return [(r["as_written"], r["indicator_id"]) for r in rows if r["as_written"]]


def test_a_counted_noun_in_the_lexicon_proposes_its_indicator(tmp_path: Path) -> None:
    lexicon = _lexicon(tmp_path)
    assert _proposals(lexicon, "Đã ghi nhận gần 16.000 phản ánh trong năm 2023.", "vi") == [
        ("gần 16.000", "online-fraud-reports")
    ]
    assert _proposals(lexicon, "Police received 16,000 fraud reports in 2023.", "en") == [
        ("16,000", "online-fraud-reports")
    ]


def test_a_noun_naming_several_indicators_is_left_for_the_reviewer(tmp_path: Path) -> None:
    lexicon = _lexicon(tmp_path)
    rows = draft_rows(scan_text("với hơn 150 quốc gia tham gia", "vi"), "s", lexicon.hook("vi"))
    (row,) = [r for r in rows if r["as_written"]]
    assert row["indicator_id"] == ""
    assert "choose one of negotiating-countries, attending-countries" in row["note"]


def test_an_indicator_of_another_unit_or_language_is_not_proposed(tmp_path: Path) -> None:
    lexicon = _lexicon(tmp_path)
    # 'người' begins the term 'người dùng' but the number counts persons: internet-users fits;
    # an English text does not use the Vietnamese terms
    assert _proposals(lexicon, "có 78,44 triệu người dùng", "vi") == [
        ("78,44 triệu", "internet-users")
    ]
    assert _proposals(lexicon, "150 quốc gia", "en") == [("150", "")]


def test_scan_draft_of_a_package_source_uses_the_package_lexicon(tmp_path: Path) -> None:
    lexicon_root = tmp_path / "p"
    _lexicon(tmp_path)
    article = tmp_path / "a.txt"
    article.write_text("Bộ Công an nhận gần 16.000 phản ánh lừa đảo trong năm 2023.\n")
    add_source(load_package(lexicon_root), article, SourceMetadata(title="A", source_id="a"))
    out = tmp_path / "draft.csv"
    result = runner.invoke(app, ["scan", "a", "--package", str(lexicon_root), "--draft", str(out)])
    assert result.exit_code == 0, result.stderr
    (row,) = list(csv.DictReader(out.open(encoding="utf-8")))
    assert (row["indicator_id"], row["period_start"], row["period_end"]) == (
        "online-fraud-reports",
        "2023-01-01",
        "2023-12-31",
    )
