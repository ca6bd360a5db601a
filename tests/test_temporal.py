"""temporal: order and duration rules, durations against their own period, and the
package's own events (moving one of them breaks the order)."""

from __future__ import annotations

import shutil
from pathlib import Path

from checks.model.package import load_package
from checks.runner import run_checks
from tests.claim_packages import build, claim, codes, findings, rule
from tests.helpers import edit_row

REPO = Path(__file__).resolve().parents[1]
ORDER = rule("order", "order", "[adoption] < [signing] <= [deadline]")


def events(signing: str) -> list[dict[str, str]]:
    return [
        claim("adopted", "adoption", period="2024-12-24", subject="WLD"),
        claim("signed", "signing", period=signing, subject="WLD"),
        claim("closes", "deadline", period="2026-12-31", subject="WLD"),
    ]


def test_events_in_order_pass(tmp_path: Path) -> None:
    root = build(tmp_path / "p", events("2025-10-25"), [ORDER])
    assert findings(root, "temporal") == []


def test_a_year_only_date_that_can_be_in_order_passes(tmp_path: Path) -> None:
    root = build(tmp_path / "p", events("2024"), [ORDER])
    assert findings(root, "temporal") == []


def test_an_event_moved_before_its_predecessor_breaks_the_order(tmp_path: Path) -> None:
    root = build(tmp_path / "p", events("2024-01-01"), [ORDER])
    (found,) = findings(root, "temporal")
    assert (found.code, found.severity.value, found.claim_ids, found.key) == (
        "order-violated",
        "error",
        ("adopted", "signed"),
        "order:adoption<signing",
    )
    assert found.message == (
        "order: [adoption] must come before [signing], but adopted (2024-12-24) is after "
        "signed (2024-01-01)"
    )


def test_order_compares_only_claims_about_the_same_subject(tmp_path: Path) -> None:
    rows = events("2024-01-01")
    rows[1]["subject"] = "VNM"
    root = build(tmp_path / "p", rows, [ORDER])
    assert findings(root, "temporal") == []


PARTNERSHIP = rule(
    "partnership",
    "duration",
    "[partnership-years] = years([membership], end([partnership-years]))",
)


def partnership(years: str) -> list[dict[str, str]]:
    return [
        claim("joined", "membership", period="1977-09-20", source_id="ref"),
        claim("years", "partnership-years", f"{years} năm", value=years,
              period="1977-09-20..2024-12-24"),
    ]  # fmt: skip


def test_duration_rule_that_agrees_with_the_dates_passes(tmp_path: Path) -> None:
    root = build(tmp_path / "p", partnership("47"), [PARTNERSHIP])
    assert findings(root, "temporal") == []


def test_duration_rule_that_the_dates_contradict_fails(tmp_path: Path) -> None:
    root = build(tmp_path / "p", partnership("40"), [PARTNERSHIP])
    (found,) = findings(root, "temporal")
    assert (found.code, found.severity.value, found.claim_ids) == (
        "duration-mismatch",
        "error",
        ("years", "joined"),
    )
    assert found.message == (
        "partnership: years says '40 năm' [36, 44] year, which cannot be what "
        "years([membership], end([partnership-years])) gives, [47.25759, 47.26307] year; "
        "no reading agrees; the printed figures differ by 17%"
    )


def negotiation(period: str) -> list[dict[str, str]]:
    return [
        claim("nearly-five", "negotiation-duration", "gần 5 năm", value="5",
              qualifier="nearly", period=period, subject="WLD"),
    ]  # fmt: skip


def test_duration_that_fits_its_own_period_passes(tmp_path: Path) -> None:
    root = build(tmp_path / "p", negotiation("2019-12-24..2024-12-24"))
    assert findings(root, "temporal") == []


def test_duration_against_the_span_printed_next_to_it(tmp_path: Path) -> None:
    root = build(tmp_path / "p", negotiation("2021-01-01..2024-12-24"))
    (found,) = findings(root, "temporal")
    assert (found.code, found.severity.value, found.claim_ids, found.key) == (
        "duration-span",
        "error",
        ("nearly-five",),
        "duration-span",
    )
    assert found.message == (
        "nearly-five: 'gần 5 năm' [4.5, 5] year cannot be the time from 2021-01-01 to "
        "2024-12-24, [3.9754, 3.9809] year"
    )
    assert [i["label"] for i in found.evidence["intervals"]] == [
        "stated: gần 5 năm",
        "span of 2021-01-01..2024-12-24",
    ]


def test_a_duration_rule_takes_over_from_the_own_period_check(tmp_path: Path) -> None:
    rows = [
        *negotiation("2021-01-01..2024-12-24"),
        claim("start", "membership", period="2019-12-24"),
    ]
    covering = rule(
        "nd",
        "duration",
        "[negotiation-duration] = years([membership], end([negotiation-duration]))",
    )
    rows[1]["subject"] = "WLD"
    root = build(tmp_path / "p", rows, [covering])
    assert codes(findings(root, "temporal")) == []


def _copy_repo(target: Path) -> Path:
    shutil.copytree(REPO / "datapackage", target / "datapackage")
    shutil.copytree(REPO / "sources", target / "sources")
    shutil.copy(REPO / "datapackage.json", target / "datapackage.json")
    return target


def test_own_events_are_in_order_until_one_is_moved(tmp_path: Path) -> None:
    root = _copy_repo(tmp_path / "repo")
    before = [f for f in run_checks(load_package(root), ["temporal"]) if f.code == "order-violated"]
    assert before == []
    edit_row(root / "datapackage/claims.csv", "claim_id", "ga-adoption-date",
             period_start="2026-02-01", period_end="2026-02-01")  # fmt: skip
    moved = [f for f in run_checks(load_package(root), ["temporal"]) if f.code == "order-violated"]
    # the Foreign Minister's sentence, printed in his interview and twice in article 003,
    # is one statement: one finding lists its three copies; article 003's four claims that
    # read the signing year the same way are one reading, bound once (issue 20). The two
    # groupings overlap (the quote copies are named by both findings): known, see the
    # closing note of round two.
    assert sorted(f.claim_ids for f in moved) == [
        (
            "ga-adoption-date",
            "fm-interview-signing-ceremony-year",
            "ga-adoption-signing-year-quote-1",
            "ga-adoption-signing-year-quote-2",
        ),
        (
            "ga-adoption-date",
            "ga-adoption-signing-year-article-64",
            "ga-adoption-signing-year-venue",
            "ga-adoption-signing-year-quote-1",
            "ga-adoption-signing-year-quote-2",
            "fm-interview-signing-ceremony-year",
        ),
        ("ga-adoption-date", "press-conference-signing-ceremony-date"),
        ("ga-adoption-date", "press-conference-signing-ceremony-dates"),
    ]


def test_own_data_nearly_five_years_against_2021_2024() -> None:
    found = run_checks(load_package(REPO), ["temporal"])
    spans = sorted(f.claim_ids for f in found if f.code == "duration-span")
    assert ("ga-adoption-negotiation-duration-2021-2024",) in spans
    twenty = [
        f
        for f in found
        if f.code == "duration-mismatch" and "ga-adoption-years-since-untoc" in f.claim_ids
    ]
    assert len(twenty) == 1 and "gives, [21.14, 24.11] year" in twenty[0].message
