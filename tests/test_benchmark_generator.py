"""The benchmark generator writes a valid package whose only problems are the planted ones."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from pathlib import Path

import pytest
from frictionless import Package as FrictionlessPackage

from benchmarks.generate import Number, render_number, write_package
from checks import load_package, run_checks
from checks.model.finding import Severity
from checks.numbers.parse import parse_number

CLAIMS = 600
SEED = 11


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("bench") / "pkg"
    truth = write_package(out, CLAIMS, seed=SEED)
    return out, truth


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_generated_package_loads_with_the_requested_number_of_claims(
    generated: tuple[Path, dict],
) -> None:
    root, truth = generated
    pkg = load_package(root)
    assert len(pkg.table("claims")) == CLAIMS == truth["claims"]
    assert len(pkg.table("sources")) == truth["sources"]
    assert truth["sources"] == len(list((root / "sources").glob("*.txt")))
    assert len(truth["conflicts"]) == 5
    assert len(truth["broken_citations"]) == 5
    assert json.loads((root / "planted.json").read_text(encoding="utf-8")) == truth


def test_frictionless_validates_the_generated_package(generated: tuple[Path, dict]) -> None:
    root, _ = generated
    report = FrictionlessPackage(str(root / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_quotes_sit_at_their_nfc_offsets_except_the_moved_ones(
    generated: tuple[Path, dict],
) -> None:
    root, truth = generated
    pkg = load_package(root)
    texts = {
        row.source_id: unicodedata.normalize("NFC", (root / row.path).read_bytes().decode("utf-8"))
        for row in pkg.table("sources").itertuples()
    }
    moved = {b["claim_id"] for b in truth["broken_citations"] if b["kind"] == "offsets-moved"}
    misplaced = {
        row.claim_id
        for row in pkg.table("claims").itertuples()
        if texts[row.source_id][int(row.start) : int(row.end)] != row.quote
    }
    assert misplaced == moved
    stored_nfd = [
        p
        for p in (root / "sources").glob("*.txt")
        if not unicodedata.is_normalized("NFC", p.read_bytes().decode("utf-8"))
    ]
    assert stored_nfd, "some sources are stored decomposed, so offsets only hold on NFC"


def test_check_finds_exactly_the_planted_conflicts_and_broken_citations(
    generated: tuple[Path, dict],
) -> None:
    root, truth = generated
    findings = run_checks(load_package(root))
    serious = {
        (f.check, f.code, tuple(sorted(f.claim_ids)))
        for f in findings
        if f.severity in (Severity.ERROR, Severity.WARNING)
    }
    planted = {("conflicts", "conflict", tuple(c["claim_ids"])) for c in truth["conflicts"]}
    planted |= {
        ("citation", b["expected_code"], (b["claim_id"],)) for b in truth["broken_citations"]
    }
    assert serious == planted
    # A quote moved off its offsets also leaves its number uncaptured in the text: the
    # coverage check may say so (info) for those sources, and for no other.
    moved_sources = {
        b["claim_id"].rsplit("-c", 1)[0]
        for b in truth["broken_citations"]
        if b["kind"] == "offsets-moved"
    }
    infos = [f for f in findings if f.severity == Severity.INFO]
    assert {(f.check, f.key) for f in infos} <= {("coverage", s) for s in moved_sources}


def test_same_seed_gives_the_same_bytes_and_another_seed_other_claims(tmp_path: Path) -> None:
    write_package(tmp_path / "a", 300, seed=5)
    write_package(tmp_path / "b", 300, seed=5)
    write_package(tmp_path / "c", 300, seed=6)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    claims = "datapackage/claims.csv"
    assert _digest(tmp_path / "a")[claims] != _digest(tmp_path / "c")[claims]


@pytest.mark.parametrize(
    ("number", "unit", "language", "written", "qualifier", "value"),
    [
        (Number(12345, 1, 6, -1), "person", "vi", "1.234,5 triệu", "exact", 1234500000.0),
        (Number(16000, 0, 0, 0), "report", "vi", "gần 16.000", "nearly", 16000.0),
        (Number(3900, 0, 9, -1), "VND", "vi", "3.900 tỷ đồng", "exact", 3.9e12),
        (Number(791, 1, 0, -1), "percent", "vi", "79,1%", "exact", 79.1),
        (Number(23, 1, 9, -1, True), "USD", "en", "$2.3 billion", "exact", 2.3e9),
        (Number(105, 1, 12, -2), "USD", "vi", "dự báo 10,5 nghìn tỷ USD", "forecast", 1.05e13),
    ],
)
def test_rendered_numbers_parse_back_to_their_value(
    number: Number, unit: str, language: str, written: str, qualifier: str, value: float
) -> None:
    assert render_number(number, unit, language) == (written, qualifier)
    parsed = parse_number(written, locale=language)
    assert (parsed.value, parsed.qualifier) == (value, qualifier)
    assert float(number.value_text()) == value


def test_too_few_claims_for_the_planted_errors_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="too many for 100 claims"):
        write_package(tmp_path / "x", 100, conflicts=40, broken=40)


def test_the_benchmark_counts_a_planted_conflict_reported_with_the_copies_of_its_claims(
    tmp_path: Path,
) -> None:
    from benchmarks.run import verify

    def finding(ids: list[str], copies: list[list[str]] | None = None) -> dict:
        evidence = {"copies": copies} if copies else {}
        return {"check": "conflicts", "code": "conflict", "severity": "error",
                "claim_ids": ids, "message": "m", "evidence": evidence}  # fmt: skip

    truth = {
        "conflicts": [
            {"claim_ids": ["a", "b"]},
            {"claim_ids": ["c", "d"]},
            {"claim_ids": ["e", "f"]},
        ],
        "broken_citations": [],
    }
    findings = [
        finding(["a", "b", "a2"], copies=[["a", "a2"]]),  # the pair and a copy of a: found
        finding(["c", "d", "x"]),  # the pair and a claim that is no copy: not this problem
        finding(["e"]),  # half the pair
    ]
    path = tmp_path / "findings.json"
    path.write_text(json.dumps({"findings": findings}), encoding="utf-8")
    result = verify(path, truth)
    assert (result["conflicts_found"], result["other_errors_and_warnings"]) == (1, 2)
