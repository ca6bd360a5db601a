"""The citation and schema checks catch each kind of corruption once, with file and line."""

from __future__ import annotations

from pathlib import Path

from checks import load_package, run_checks
from checks.ledger.ledger import ledger
from checks.ledger.written import quote_positions
from checks.registry import registered
from tests.helpers import edit_row


def findings_by_code(root: Path) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in run_checks(load_package(root), select=["schema", "citation"]):
        out.setdefault(f.code, []).append(f)
    return out


def test_untouched_fixture_has_no_schema_or_citation_findings(mini: Path) -> None:
    assert run_checks(load_package(mini), select=["schema", "citation"]) == []


def test_changed_source_bytes_give_one_sha256_finding_on_its_sources_row(mini: Path) -> None:
    with (mini / "sources/test-reference.txt").open("a", encoding="utf-8") as fh:
        fh.write("Thêm một dòng.\n")
    found = findings_by_code(mini)
    assert [f.code for fs in found.values() for f in fs] == ["sha256-mismatch"]
    (finding,) = found["sha256-mismatch"]
    assert (finding.path, finding.line) == ("datapackage/sources.csv", 3)
    assert finding.severity.value == "error"


def test_quote_moved_from_its_offsets_is_reported_with_where_it_really_is(mini: Path) -> None:
    edit_row(mini / "datapackage/claims.csv", "claim_id", "city-penetration", start="5", end="29")
    found = findings_by_code(mini)
    assert list(found) == ["quote-mismatch"]
    (finding,) = found["quote-mismatch"]
    assert finding.claim_ids == ("city-penetration",)
    assert (finding.path, finding.line) == ("datapackage/claims.csv", 3)
    assert "occurs at" in finding.message


def test_as_written_that_parses_to_another_value_is_a_value_mismatch(mini: Path) -> None:
    edit_row(mini / "datapackage/claims.csv", "claim_id", "city-users", value="1520000")
    found = findings_by_code(mini)
    assert list(found) == ["value-mismatch"]
    (finding,) = found["value-mismatch"]
    assert (finding.path, finding.line) == ("datapackage/claims.csv", 2)
    assert "[1,245,000, 1,255,000]" in finding.message


def test_dangling_foreign_key_is_one_schema_finding(mini: Path) -> None:
    edit_row(
        mini / "datapackage/claims.csv",
        "claim_id",
        "city-population",
        indicator_id="population-of-mars",
    )
    found = findings_by_code(mini)
    assert list(found) == ["foreign-key"]
    (finding,) = found["foreign-key"]
    assert (finding.path, finding.line) == ("datapackage/claims.csv", 6)
    assert "population-of-mars" in finding.message


def test_hedge_word_disagreeing_with_qualifier_is_reported(mini: Path) -> None:
    edit_row(
        mini / "datapackage/claims.csv", "claim_id", "city-fraud-reports", qualifier="more_than"
    )
    found = findings_by_code(mini)
    assert list(found) == ["qualifier-mismatch"]
    assert "gần" in found["qualifier-mismatch"][0].message


def test_line_numbers_count_newlines_inside_quoted_cells(mini: Path) -> None:
    path = mini / "datapackage/claims.csv"
    edit_row(path, "claim_id", "city-users", note="first line\nsecond line")
    edit_row(path, "claim_id", "city-population", indicator_id="nowhere")
    (finding,) = findings_by_code(mini)["foreign-key"]
    assert finding.line == 7


def test_citation_hands_the_ledger_the_quote_positions_it_would_compute() -> None:
    pkg = load_package(Path(__file__).resolve().parents[1])
    list(registered()["citation"]().run(pkg))
    book = ledger(pkg)
    assert book.has("quote_positions")  # found on the way, not built again by coverage
    claims = pkg.table("claims")
    expected = quote_positions(claims["quote"], claims["as_written"])
    assert book.quote_positions.tolist() == expected.tolist()
    assert (expected >= 0).any() and len(expected) == len(claims)
