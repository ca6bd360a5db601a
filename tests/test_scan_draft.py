"""Draft claim rows: the claims format, the periods the text fixes, and where they may go."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from checks.model.errors import InputError
from checks.scan import scan_text
from checks.scan.draft import (
    CLAIM_COLUMNS,
    check_draft_target,
    draft_rows,
    plain_number,
    render_csv,
    slug,
    write_draft,
)
from tests.conftest import REPO

TEXT = (
    "Theo thống kê, trong năm 2023, đã ghi nhận gần 16.000 phản ánh, gây thiệt hại "
    "390.000 tỷ đồng, tăng 64,78% so với năm 2022. Có 78,44 triệu người dùng tính đến "
    "đầu năm 2024. Theo Điều 64, Chiều 24/12 họp."
)


def test_draft_columns_are_the_claims_header_of_the_package() -> None:
    with (REPO / "datapackage/claims.csv").open(encoding="utf-8", newline="") as fh:
        header = next(csv.reader(fh))
    assert list(CLAIM_COLUMNS) == header


def test_draft_rows_fill_offsets_number_unit_qualifier_and_leave_the_rest() -> None:
    scan = scan_text(TEXT, "vi")
    rows = draft_rows(scan, "test-source")
    assert [
        (r["claim_id"], r["as_written"], r["value"], r["unit"], r["qualifier"]) for r in rows
    ] == [
        ("test-source-001", "", "", "", "exact"),
        ("test-source-002", "gần 16.000", "16000", "report", "nearly"),
        ("test-source-003", "390.000 tỷ đồng", "390000000000000", "VND", "exact"),
        ("test-source-004", "tăng 64,78%", "64.78", "percent", "exact"),
        ("test-source-005", "", "", "", "exact"),
        ("test-source-006", "78,44 triệu", "78440000", "person", "exact"),
        ("test-source-007", "", "", "", "exact"),
    ]
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert scan.text[start:end] == row["quote"]
        assert row["as_written"] in row["quote"]
        assert (row["speaker"], row["subject"], row["indicator_id"], row["translation_en"]) == (
            "",
            "",
            "",
            "",
        )
        assert row["source_id"] == "test-source"
        assert row["note"].startswith("draft by claimledger scan: ")


def test_draft_periods_come_from_the_clause_or_an_earlier_clause_of_the_sentence() -> None:
    rows = draft_rows(scan_text(TEXT, "vi"), "s")
    periods = [(r["as_written"] or r["quote"], r["period_start"], r["period_end"]) for r in rows]
    assert periods == [
        ("trong năm 2023", "2023-01-01", "2023-12-31"),  # a date row: its own period
        ("gần 16.000", "2023-01-01", "2023-12-31"),  # from "trong năm 2023," before it
        ("390.000 tỷ đồng", "2023-01-01", "2023-12-31"),
        ("tăng 64,78%", "2023-01-01", "2023-12-31"),  # 2022 is the base, not the period
        ("tăng 64,78% so với năm 2022", "2022-01-01", "2022-12-31"),
        ("78,44 triệu", "2024-01-01", "2024-01-01"),  # "đầu năm 2024": its first day
        # ... and "đầu năm 2024" only fixes that period: no event row of its own
        ("Chiều 24/12 họp", "", ""),  # no year printed: not fixed
    ]


def test_csv_round_trips_with_quotes_and_commas() -> None:
    rows = draft_rows(scan_text(TEXT, "vi"), "s")
    text = render_csv(rows, CLAIM_COLUMNS)
    assert list(csv.DictReader(io.StringIO(text))) == rows


def test_plain_numbers_and_slugs() -> None:
    assert [plain_number(v) for v in (1.02218e16, 79.1, 8.0, 6600000.0)] == [
        "10221800000000000",
        "79.1",
        "8",
        "6600000",
    ]
    assert slug("Bài báo 003 (Đà Nẵng).txt") == "bai-bao-003-da-nang-txt"


def test_draft_is_refused_inside_the_package_data_and_sources(mini: Path) -> None:
    before = {p: p.read_bytes() for p in mini.rglob("*") if p.is_file()}
    for target, folder in (
        ("datapackage/draft.csv", "datapackage/"),
        ("sources/draft.csv", "sources/"),
        ("sources/sub/draft.csv", "sources/"),
    ):
        with pytest.raises(InputError) as caught:
            write_draft(mini / target, [], protected=[mini])
        assert f"refusing to write a draft inside the package's {folder} folder" in str(
            caught.value
        )
    with pytest.raises(InputError, match="refusing to overwrite a file of the package"):
        check_draft_target(mini / "datapackage.json")
    after = {p: p.read_bytes() for p in mini.rglob("*") if p.is_file()}
    assert after == before


def test_draft_is_refused_in_any_package_above_it_even_if_not_named(mini: Path) -> None:
    with pytest.raises(InputError, match="inside the package's sources/ folder"):
        check_draft_target(mini / "sources" / "x.csv")


def test_draft_is_written_atomically_elsewhere(tmp_path: Path) -> None:
    rows = draft_rows(scan_text("gần 5 năm", "vi"), "s")
    path = write_draft(tmp_path / "drafts" / "claims.csv", rows)
    assert path.read_text(encoding="utf-8").splitlines() == [
        ",".join(CLAIM_COLUMNS),
        "s-001,s,gần 5 năm,0,9,gần 5 năm,,,,5,year,nearly,,,,"
        '"draft by claimledger scan: duration; reads as [4.5, 5]"',
    ]
    assert [p.name for p in path.parent.iterdir()] == ["claims.csv"]


def test_the_first_months_of_a_year_are_the_period_of_the_numbers_beside_them() -> None:
    text = (
        "Trong 6 tháng đầu năm 2024, cả nước ghi nhận hơn 7.000 vụ; "
        "tính đến đầu năm 2025, 79,8 triệu."
    )
    rows = {r["as_written"]: r for r in draft_rows(scan_text(text, "vi"), "s")}
    assert (rows["hơn 7.000"]["period_start"], rows["hơn 7.000"]["period_end"]) == (
        "2024-01-01",
        "2024-06-30",
    )
    # "đầu năm" alone is still the first day: an as-of date
    assert (rows["79,8 triệu"]["period_start"], rows["79,8 triệu"]["period_end"]) == (
        "2025-01-01",
        "2025-01-01",
    )


def test_the_comma_between_a_day_and_its_year_does_not_end_the_clause() -> None:
    text = "As of June 30, 2024, there were 400 cases; by 2025, 500."
    rows = {r["as_written"]: r for r in draft_rows(scan_text(text, "en"), "s")}
    assert rows["400"]["quote"] == "As of June 30, 2024, there were 400 cases"
    assert (rows["400"]["period_start"], rows["400"]["period_end"]) == ("2024-06-30",) * 2


@pytest.mark.parametrize(
    ("text", "language", "written", "period"),
    [
        ("Từ 2020 đến 2023, có 200 vụ.", "vi", "200", ("2020-01-01", "2023-12-31")),
        (
            "Từ tháng 1 đến tháng 3/2025, có hơn 4.200 vụ.",
            "vi",
            "hơn 4.200",
            ("2025-01-01", "2025-03-31"),
        ),
        ("From 2019 to 2022, 300 cases.", "en", "300", ("2019-01-01", "2022-12-31")),
        # a word that opens a span is still the base before a single date
        ("Có 200 vụ, tăng 5% từ năm 2022.", "vi", "200", ("", "")),
        # "cùng kỳ" (the same period) is the base of a comparison
        ("Số vụ giảm 1/3 so với cùng kỳ năm 2024.", "vi", "giảm 1/3", ("", "")),
    ],
)
def test_a_span_opened_by_tu_or_from_is_the_period_not_a_base(
    text: str, language: str, written: str, period: tuple[str, str]
) -> None:
    rows = {r["as_written"]: r for r in draft_rows(scan_text(text, language), "s")}
    assert (rows[written]["period_start"], rows[written]["period_end"]) == period


def test_the_year_of_a_base_level_is_that_levels_period_and_not_the_changes() -> None:
    text = "2.750 website bị chặn năm 2024, gấp 3 lần so với 1.375 website năm 2023."
    rows = draft_rows(scan_text(text, "vi"), "s")
    periods = {r["as_written"]: (r["period_start"], r["period_end"]) for r in rows}
    assert periods["gấp 3 lần"] == ("2024-01-01", "2024-12-31")  # from its sentence
    assert periods["1.375"] == ("2023-01-01", "2023-12-31")  # its own year
    assert periods["2.750"] == ("2024-01-01", "2024-12-31")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2025, ngành du lịch đặt mục tiêu đón 22 triệu lượt khách quốc tế.", "forecast"),
        ("We expect to welcome 22 million international visitors in 2025.", "forecast"),
        ("Năm 2024, Việt Nam đón 17,6 triệu lượt khách quốc tế.", "exact"),
        # a measured figure after a target's number is measured
        ("The target of 5% was missed as inflation hit 7%.", "exact"),
        # a target's year between the word and the figure
        ("Tỉnh đặt mục tiêu năm 2025 xuất khẩu đạt 1,8 tỷ USD.", "forecast"),
        ("The province aims by 2026 to export $1.8 billion.", "forecast"),
    ],
)
def test_a_number_after_a_word_of_forecast_or_target_is_drafted_as_a_forecast(
    text: str, expected: str
) -> None:
    rows = [r for r in draft_rows(scan_text(text), "a") if r["as_written"]]
    assert rows[-1]["qualifier"] == expected
