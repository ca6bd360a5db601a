"""One finding per problem: a statement printed twice (a duplicated paragraph, an article
copying another word for word) is one statement, and a copy is no independent source."""

from __future__ import annotations

from pathlib import Path

from tests.claim_packages import claim, findings, rule
from tests.verdict_packages import build_graded

DURATION = rule(
    "five-years",
    "duration",
    "[negotiation-duration] = years([claim:start], end([negotiation-duration]))",
)
QUOTE = "là kết quả của gần 5 năm thương lượng liên tục và kéo dài"


def _claims(second_quote: str, second_source: str = "article") -> list[dict[str, str]]:
    common = {"value": "5", "qualifier": "nearly", "subject": "WLD",
              "period": "2021-01-01..2024-12-24"}  # fmt: skip
    return [
        claim("lead", "negotiation-duration", "gần 5 năm", quote=QUOTE, **common),
        claim(
            "repeat",
            "negotiation-duration",
            "gần 5 năm",
            quote=second_quote,
            source_id=second_source,
            **common,
        ),
        claim("start", "adoption", period="2021-01-01", subject="WLD", source_id="ref"),
    ]


def test_a_duplicated_paragraph_raises_one_finding_listing_every_copy(tmp_path: Path) -> None:
    # build() writes each distinct quote once; the copy differs only in case and spacing,
    # as a pasted paragraph often does, and is found as the same text.
    rows = _claims("Là kết quả của  gần 5 năm thương lượng liên tục và kéo dài")
    found = [f for f in findings(build_graded(tmp_path / "p", rows, [DURATION]), "temporal")
             if f.code == "duration-mismatch"]  # fmt: skip
    (only,) = found
    assert set(only.claim_ids) == {"lead", "repeat", "start"}
    assert only.evidence["copies"] == [["lead", "repeat"]]
    assert "one statement printed twice: lead, repeat" in only.message


def test_an_article_copying_another_word_for_word_is_one_finding(tmp_path: Path) -> None:
    rows = _claims(QUOTE, second_source="copy")
    found = [f for f in findings(build_graded(tmp_path / "p", rows, [DURATION]), "temporal")
             if f.code == "duration-mismatch"]  # fmt: skip
    assert len(found) == 1 and {"lead", "repeat"} <= set(found[0].claim_ids)


def test_two_different_statements_of_one_reading_are_one_finding_but_not_copies(
    tmp_path: Path,
) -> None:
    """Two sentences of one source that read the same figure are bound once (issue 20: a
    rule reports once per group of identical readings, naming each claim), but they are not
    copies of one statement: the evidence lists no copies."""
    rows = _claims("sau gần 5 năm đàm phán, Công ước ra đời")
    found = [f for f in findings(build_graded(tmp_path / "p", rows, [DURATION]), "temporal")
             if f.code == "duration-mismatch"]  # fmt: skip
    assert len(found) == 1
    durations = {r["claim_id"] for r in rows if r["as_written"]}
    assert durations <= set(found[0].claim_ids)
    assert "copies" not in found[0].evidence


def _printed_three_times(
    root: Path, other: str = "hơn 20.000", value: str = "20000", qualifier: str = "more_than"
) -> Path:
    """An article printing its figure in three sentences; another source printing another."""
    common = {"value": "18500", "period": "2023"}
    rows = [
        claim("lead", "online-fraud-reports", "18.500", quote="Năm 2023 có 18.500 phản ánh",
              **common),
        claim("body", "online-fraud-reports", "18.500", quote="con số 18.500 phản ánh cho thấy",
              **common),
        claim("box", "online-fraud-reports", "18.500", quote="trong đó 18.500 phản ánh là",
              **common),
        claim("other", "online-fraud-reports", other, value=value, qualifier=qualifier,
              quote=f"{other} phản ánh", source_id="agency"),
    ]  # fmt: skip
    return build_graded(root, rows, sources={"article": {}, "agency": {}})


def test_a_figure_printed_three_times_conflicts_with_another_source_once(tmp_path: Path) -> None:
    found = [f for f in findings(_printed_three_times(tmp_path / "p"), "conflicts")
             if f.code == "conflict"]  # fmt: skip
    (only,) = found
    assert set(only.claim_ids) == {"lead", "other"}  # the pair: its fingerprint holds
    assert only.evidence["printings"] == [["lead", "body", "box"]]
    assert "article prints '18.500' 3 times: lead, body, box" in only.message


def test_figures_printed_again_that_agree_raise_nothing(tmp_path: Path) -> None:
    root = _printed_three_times(tmp_path / "p", "khoảng 18.500", "18500", "approx")
    assert [f for f in findings(root, "conflicts") if f.code == "conflict"] == []


def _corroborated(root: Path, reference_quote: str, published: str = "2024-03-01") -> Path:
    rows = [
        claim("news", "online-fraud-reports", "15.873", value="15873",
              quote="đã ghi nhận 15.873 phản ánh về lừa đảo trực tuyến"),
        claim("stat", "online-fraud-reports", "15.873", value="15873", quote=reference_quote,
              source_id="office"),
    ]  # fmt: skip
    sources = {
        "article": {"published": "2024-02-01"},
        "office": {"kind": "official", "published": published},
    }
    return build_graded(root, rows, sources=sources)


def test_a_source_that_copies_the_statement_later_is_not_an_independent_confirmation(
    tmp_path: Path,
) -> None:
    """An official portal reposting the article a month later backs nothing."""
    root = _corroborated(tmp_path / "p", "Đã ghi nhận 15.873 phản ánh về lừa đảo trực tuyến")
    found = [f for f in findings(root, "provenance") if f.code == "news-only"]
    assert [f.claim_ids[0] for f in found] == ["news"]


def test_the_release_an_article_quotes_word_for_word_still_backs_it(tmp_path: Path) -> None:
    """Published before the article, the identical statement may be its origin."""
    root = _corroborated(
        tmp_path / "p", "Đã ghi nhận 15.873 phản ánh về lừa đảo trực tuyến", "2024-01-15"
    )
    assert [f for f in findings(root, "provenance") if f.code == "news-only"] == []


def test_an_independent_source_with_the_same_figure_confirms_it(tmp_path: Path) -> None:
    root = _corroborated(tmp_path / "p", "Số phản ánh về lừa đảo trực tuyến năm 2023: 15.873")
    assert [f for f in findings(root, "provenance") if f.code == "news-only"] == []


def test_a_capture_problem_of_one_copy_is_not_merged_with_its_copies() -> None:
    from checks.ledger.statements import Statements, merge_copies
    from checks.model.finding import Finding, Severity

    copies = Statements([("a", "b")])
    citation = [
        Finding("citation", "value-mismatch", Severity.ERROR, ("b",), "b's value"),
        Finding("citation", "value-mismatch", Severity.ERROR, ("a",), "a's value"),
    ]
    assert merge_copies(citation, copies) == citation
    content = [
        Finding("temporal", "duration-mismatch", Severity.WARNING, ("a", "x"), "a vs x", key="r"),
        Finding("temporal", "duration-mismatch", Severity.ERROR, ("b", "x"), "b vs x", key="r"),
    ]
    (merged,) = merge_copies(content, copies)
    assert (merged.severity, set(merged.claim_ids)) == (Severity.ERROR, {"a", "b", "x"})
