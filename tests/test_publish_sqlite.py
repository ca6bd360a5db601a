"""claimledger.db served by Datasette itself: the findings view, full-text search, metadata."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
import sqlite_utils
from datasette.app import Datasette

from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.model.package import load_package
from checks.publish import Publication, publish
from checks.report.result import CheckResult
from tests.helpers import read_rows, write_rows
from tests.publish_support import DB, METADATA, break_city_users, publish_copy


def served(pub: Publication, *paths: str) -> list[Any]:
    """GET each path from Datasette's own client over the published database and metadata."""
    metadata = json.loads(pub.files[METADATA].read_text(encoding="utf-8"))

    async def fetch() -> list[Any]:
        ds = Datasette([str(pub.files[DB])], metadata=metadata)
        await ds.invoke_startup()
        bodies = []
        for path in paths:
            response = await ds.client.get(path)
            assert response.status_code == 200, (path, response.text[:500])
            bodies.append(response.json() if ".json" in path else response.text)
        return bodies

    return asyncio.run(fetch())


def test_findings_view_joins_each_finding_to_its_claim_and_source(
    mini: Path, tmp_path: Path
) -> None:
    break_city_users(mini)
    pub = publish_copy(mini, tmp_path / "out", allow_errors=True)
    (finding,) = [f for f in pub.result.findings if f.check == "citation"]
    (served_rows,) = served(pub, "/claimledger/finding_details.json?_shape=array")
    rows = [r for r in served_rows if r["check"] == "citation"]
    assert [
        {k: r[k] for k in ("fingerprint", "check", "code", "claim_position", "claim_id")}
        for r in rows
    ] == [
        {
            "fingerprint": finding.fingerprint,
            "check": "citation",
            "code": "value-mismatch",
            "claim_position": 0,
            "claim_id": "city-users",
        }
    ]
    (row,) = rows
    assert (row["source_id"], row["source_title"], row["value"]) == (
        "test-article",
        "Bài thử nghiệm",
        1520000.0,
    )
    assert row["quote"] == "thành phố A có 1,25 triệu người sử dụng Internet vào đầu năm 2024"


def test_full_text_search_finds_quotes_without_diacritics_and_translations(
    mini: Path, tmp_path: Path
) -> None:
    pub = publish_copy(mini, tmp_path / "out")
    vietnamese, english, canned = served(
        pub,
        "/claimledger/claims.json?_search=thiet+hai&_shape=array",
        "/claimledger/claims.json?_search=population&_shape=array&_sort=claim_id",
        "/claimledger/search_quotes.json?q=triệu+người&_shape=array",
    )
    assert [r["claim_id"] for r in vietnamese] == ["city-fraud-losses"]
    assert [r["claim_id"] for r in english] == ["city-penetration", "city-population"]
    assert sorted(r["claim_id"] for r in canned) == ["city-population", "city-users"]
    assert {r["source_title"] for r in canned} == {
        "Bài thử nghiệm",
        "Số liệu dân số thử nghiệm",
    }


def test_canned_query_lists_the_conflicts_about_one_indicator(mini: Path, tmp_path: Path) -> None:
    pkg = load_package(mini)
    conflict = Finding(
        "conflicts",
        "disjoint-intervals",
        Severity.WARNING,
        ("city-users", "city-population"),
        "users exceed population",
        key="users-vs-population",
    )
    other = Finding("citation", "quote-mismatch", Severity.ERROR, ("city-users",), "moved")
    result = CheckResult(pkg.name, [other, conflict], pkg.root)
    pub = publish(pkg, tmp_path / "out", result=result, allow_errors=True)
    population, users, penetration = served(
        pub,
        "/claimledger/conflicts_about_indicator.json?indicator=population&_shape=array",
        "/claimledger/conflicts_about_indicator.json?indicator=internet-users&_shape=array",
        "/claimledger/conflicts_about_indicator.json?indicator=internet-penetration&_shape=array",
    )
    assert [r["fingerprint"] for r in population] == [conflict.fingerprint]
    assert [r["fingerprint"] for r in users] == [conflict.fingerprint]
    assert penetration == []
    assert population[0]["claim_ids"] == "city-users,city-population"


def test_metadata_gives_licence_sources_and_descriptions_from_the_schemas(
    mini: Path, tmp_path: Path
) -> None:
    pub = publish_copy(mini, tmp_path / "out")
    schema = json.loads((mini / "datapackage/claims.schema.json").read_text(encoding="utf-8"))
    metadata, page = served(pub, "/-/metadata.json", "/claimledger/claims")
    assert metadata["title"] == "A small package written for the tests"
    assert (metadata["license"], metadata["license_url"]) == (
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    )
    assert metadata["source"].startswith("Five Vietnamese news articles")
    tables = metadata["databases"]["claimledger"]["tables"]
    assert tables["claims"]["columns"] == {f["name"]: f["description"] for f in schema["fields"]}
    assert tables["findings"]["columns"]["fingerprint"].startswith("Stable identity")
    assert "The shortest complete clause carrying the number, verbatim." in page
    queries = metadata["databases"]["claimledger"]["queries"]
    assert queries["conflicts_about_indicator"]["title"] == "All conflicts about one indicator"


def test_tables_declare_primary_and_foreign_keys_with_indexes(mini: Path, tmp_path: Path) -> None:
    pub = publish_copy(mini, tmp_path / "out")
    db = sqlite_utils.Database(pub.files[DB])
    assert {name: db.table(name).pks for name in db.table_names() if "_fts" not in name} == {
        "sources": ["source_id"],
        "indicators": ["indicator_id"],
        "claims": ["claim_id"],
        "rules": ["rule_id"],
        "waivers": ["fingerprint"],
        "verdicts": ["claim_id"],
        "findings": ["fingerprint"],
        "finding_claims": ["fingerprint", "claim_id"],
    }
    foreign = sorted(
        (fk.table, fk.column, fk.other_table, fk.other_column)
        for name in db.table_names()
        for fk in db.table(name).foreign_keys
    )
    assert foreign == [
        ("claims", "indicator_id", "indicators", "indicator_id"),
        ("claims", "source_id", "sources", "source_id"),
        ("finding_claims", "claim_id", "claims", "claim_id"),
        ("finding_claims", "fingerprint", "findings", "fingerprint"),
        ("verdicts", "claim_id", "claims", "claim_id"),
    ]
    indexed = {(name, tuple(i.columns)) for name in db.table_names() for i in db[name].indexes}
    assert {
        ("claims", ("source_id",)),
        ("claims", ("indicator_id",)),
        ("finding_claims", ("claim_id",)),
        ("findings", ("check",)),
    } <= indexed
    assert db.table("claims").detect_fts() == "claims_fts"
    assert db.view_names() == ["finding_details"]


def test_duplicate_primary_key_under_allow_errors_is_an_input_error_and_writes_nothing(
    mini: Path, tmp_path: Path
) -> None:
    table = mini / "datapackage/claims.csv"
    rows = read_rows(table)
    write_rows(table, [*rows, rows[0]])
    with pytest.raises(InputError) as caught:
        publish_copy(mini, tmp_path / "out", allow_errors=True)
    assert str(caught.value) == (
        "datapackage/claims.csv:7: column claim_id: duplicate primary key 'city-users'; the "
        "database cannot hold it (expected unique keys; fix the schema finding first)"
    )
    assert not (tmp_path / "out").exists()


def test_search_folds_d_with_stroke_through_the_datasette_client(
    mini: Path, tmp_path: Path
) -> None:
    pub = publish_copy(mini, tmp_path / "out")
    plain, marked, canned_plain, canned_marked, english = served(
        pub,
        "/claimledger/claims.json?_search=lua+dao&_shape=array",
        "/claimledger/claims.json?_search=lừa+đảo&_shape=array",
        "/claimledger/search_quotes.json?q=dau+nam&_shape=array",
        "/claimledger/search_quotes.json?q=đầu+năm&_shape=array",
        "/claimledger/claims.json?_search=dong&_shape=array",
    )
    assert [r["claim_id"] for r in plain] == ["city-fraud-reports"]
    assert [r["claim_id"] for r in marked] == ["city-fraud-reports"]
    assert plain[0]["quote"] == "Trong năm 2023 có gần 2.000 phản ánh về lừa đảo"
    expected = ["city-population", "city-users"]
    assert sorted(r["claim_id"] for r in canned_plain) == expected
    assert sorted(r["claim_id"] for r in canned_marked) == expected
    # 'đồng' in the quote and 'dong' in the translation: one claim, found once
    assert [r["claim_id"] for r in english] == ["city-fraud-losses"]
