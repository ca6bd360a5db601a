"""The coverage check: numbers in a source's body that no claim captures, one finding per source."""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checks import load_package, run_checks
from checks.model.finding import Finding, Severity
from checks.registry import registered
from checks.scan import scan_text
from checks.scan.coverage import ClaimSpan, claim_spans, fully_captured, uncaptured
from tests.helpers import edit_row, read_rows, write_rows

CLAIMS = "datapackage/claims.csv"
ARTICLE = "sources/test-article.txt"


def coverage(root: Path) -> list[Finding]:
    return run_checks(load_package(root), select=["coverage"])


def drop_claims(root: Path, *claim_ids: str) -> None:
    path = root / CLAIMS
    write_rows(path, [r for r in read_rows(path) if r["claim_id"] not in claim_ids])


def append_to_article(root: Path, sentence: str) -> int:
    """Append a sentence to the article (its sha256 goes stale; only coverage runs here)."""
    path = root / ARTICLE
    text = path.read_text(encoding="utf-8")
    path.write_text(text + sentence, encoding="utf-8")
    return len(text)


def uncaptured_of(finding: Finding) -> list[tuple[int, str, str]]:
    return [(u["start"], u["as_written"], u["kind"]) for u in finding.evidence["uncaptured"]]


def test_coverage_is_a_registered_check_that_runs_after_citation() -> None:
    checks = list(registered())
    assert "coverage" in checks
    assert checks.index("coverage") == checks.index("citation") + 1


def test_fully_captured_fixture_has_no_coverage_finding(mini: Path) -> None:
    assert coverage(mini) == []


def test_uncaptured_number_gives_one_info_finding_on_the_sources_row(mini: Path) -> None:
    drop_claims(mini, "city-fraud-losses")
    (finding,) = coverage(mini)
    assert (finding.check, finding.code, finding.severity) == (
        "coverage",
        "uncaptured-numbers",
        Severity.INFO,
    )
    assert (finding.path, finding.line, finding.key, finding.claim_ids) == (
        "datapackage/sources.csv",
        2,
        "test-article",
        (),
    )
    assert finding.message == (
        "source test-article: 1 number(s) in the body that no claim captures: '300 tỷ đồng' at 181"
    )
    assert finding.evidence["uncaptured"] == [
        {
            "start": 181,
            "end": 192,
            "as_written": "300 tỷ đồng",
            "kind": "quantity",
            "quote": "gây thiệt hại 300 tỷ đồng",
        }
    ]
    assert "claimledger scan" in finding.evidence["resolve"]


def test_a_date_is_captured_only_by_the_quote_of_a_claim_that_holds_it(mini: Path) -> None:
    # "năm 2023" lies in the quote of city-fraud-reports only: with that claim gone, the
    # date is uncaptured along with the number.
    drop_claims(mini, "city-fraud-reports")
    (finding,) = coverage(mini)
    assert uncaptured_of(finding) == [(124, "năm 2023", "date"), (136, "gần 2.000", "quantity")]


def test_a_number_in_a_quote_but_outside_its_as_written_is_not_captured(mini: Path) -> None:
    edit_row(
        mini / CLAIMS,
        "claim_id",
        "city-users",
        quote="thành phố A có 1,25 triệu người sử dụng Internet vào đầu năm 2024, "
        "tương đương 50,5% dân số",
        end="116",
    )
    drop_claims(mini, "city-penetration")
    (finding,) = coverage(mini)
    assert uncaptured_of(finding) == [(104, "50,5%", "quantity")]


def test_fingerprint_is_keyed_on_the_source_not_on_what_is_missing(mini: Path) -> None:
    drop_claims(mini, "city-fraud-losses")
    (first,) = coverage(mini)
    drop_claims(mini, "city-fraud-reports")
    (second,) = coverage(mini)
    assert uncaptured_of(first) != uncaptured_of(second)
    assert first.fingerprint == second.fingerprint


def test_identifiers_and_text_after_body_end_are_not_listed(mini: Path) -> None:
    body = append_to_article(mini, " Theo Điều 64 và cơ chế 24/7.")
    assert coverage(mini) == []
    append_to_article(mini, " Ngày 8/8 có 12 quốc gia ký.")
    (finding,) = coverage(mini)
    assert [w for _, w, _ in uncaptured_of(finding)] == ["Ngày 8/8", "12"]
    edit_row(mini / "datapackage/sources.csv", "source_id", "test-article", body_end=str(body))
    assert coverage(mini) == []


def test_an_event_claim_captures_the_date_in_its_quote(mini: Path) -> None:
    start = append_to_article(mini, " Ngày 8/8 có hội nghị.") + 1
    assert uncaptured_of(coverage(mini)[0]) == [(start, "Ngày 8/8", "date")]
    rows = read_rows(mini / CLAIMS)
    event = dict(rows[0])
    event.update(
        claim_id="city-conference",
        quote="Ngày 8/8 có hội nghị",
        start=str(start),
        end=str(start + len("Ngày 8/8 có hội nghị")),
        as_written="",
        value="",
        unit="",
        period_start="2024-08-08",
        period_end="2024-08-08",
    )
    write_rows(mini / CLAIMS, [*rows, event])
    assert coverage(mini) == []


def test_a_source_that_cannot_be_read_is_left_to_the_citation_check(mini: Path) -> None:
    (mini / ARTICLE).unlink()
    assert coverage(mini) == []
    assert [f.code for f in run_checks(load_package(mini), select=["citation"])] == [
        "source-unreadable"
    ]


def test_claim_rows_with_bad_offsets_capture_nothing() -> None:
    rows = [
        {"claim_id": "a", "quote": "gần 5 năm", "start": "x", "end": "9", "as_written": "5"},
        {
            "claim_id": "b",
            "quote": "gần 5 năm",
            "start": "0",
            "end": "9",
            "as_written": "gần 5 năm",
        },
    ]
    assert claim_spans(rows) == [ClaimSpan("b", (0, 9), (0, 9))]


def test_a_range_needs_both_ends_captured() -> None:
    scan = scan_text("thiệt hại 8.000-10.000 tỷ đồng", "vi")
    low_only = [ClaimSpan("low", (10, 30), (10, 15))]
    both = [*low_only, ClaimSpan("high", (10, 30), (16, 30))]
    assert [m.as_written for m in uncaptured(scan.mentions, low_only)] == ["8.000-10.000 tỷ đồng"]
    assert uncaptured(scan.mentions, both) == []


GAP_CORPUS = [
    "ngày 5 tháng 10 năm 2025",
    "ngày  5   tháng  10 năm   2025",
    "24 September, 2024",
    "24   December   2024",
    "September 20th, 1977",
    "September 20, 1977",
    "25-26/10/2025",
    "25 – 26/10",
    "2021 - 2024",
    "8.000–10.000 tỷ đồng",
    "01/4/2024",
    "24.12.2024",
    "2024-12-25",
    "10h30",
    "8:30",
    "ngày 8/8 năm 2024",
    "tháng 1  năm 2024",
    "tháng 10/2025",
    "101.112.656 người",
    "10.221,8 nghìn tỷ đồng",
]


def test_digits_inside_one_mention_part_are_joined_only_by_in_token_gaps() -> None:
    from checks.scan.patterns import MAX_TOKEN_GAP, in_token_gap

    checked = 0
    for text in GAP_CORPUS:
        scan = scan_text(text, "vi")
        for mention in scan.mentions:
            for start, end in mention.parts:
                runs = [m.span() for m in re.finditer("[0-9]+", scan.text[start:end])]
                for (_, left_end), (right_start, _) in pairwise(runs):
                    gap = scan.text[start + left_end : start + right_start]
                    assert in_token_gap().fullmatch(gap), (text, gap)
                    assert len(gap) <= MAX_TOKEN_GAP
                    checked += 1
    assert checked >= 30


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_quick_test_never_passes_a_text_that_has_an_uncaptured_number(data: st.DataObject) -> None:
    words = ["ngày", "tháng", "năm", "có", "gần", "và", ", ", ". ", "(", ")", " ", "-", "/"]
    numbers = ["5", "10", "2025", "16.000", "8/8", "24/12", "25-26/10", "79,1%", "2021-2024"]
    pieces = data.draw(st.lists(st.sampled_from(words + numbers), min_size=1, max_size=14))
    text = " ".join(pieces)
    mentions = scan_text(text, "vi").mentions
    runs = [m.span() for m in re.finditer("[0-9]+(?:[.,/-][0-9]+)*", text)]
    runs += [m.span() for m in re.finditer("[0-9]+", text)]  # claims on a date's pieces too
    chosen = data.draw(
        st.lists(st.sampled_from(sorted(set(runs))), unique=True) if runs else st.just([])
    )
    claims = [ClaimSpan(f"c{i}", span, span) for i, span in enumerate(chosen)]
    if fully_captured(text, [c.number for c in claims if c.number]):
        assert uncaptured(mentions, claims) == [], (text, chosen)
