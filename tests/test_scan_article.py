"""Article 003 (the General Assembly adoption, archived in the package) scanned in full.

The expected list was made by reading the article: every number a person would mark, at
its NFC offset, written as the claims write it, with its unit or counted noun.
"""

from __future__ import annotations

import hashlib

from checks.scan import scan_text
from tests.conftest import REPO

ARTICLE_003 = REPO / "sources/vn-2024-12-25-ga-adopts-hanoi-convention.txt"
SHA256_003 = "b25ba5d76ec3397e4c3f454aa6078d7ffd58eb134848df9fcdffe348ef6fcc90"

EXPECTED_003 = [
    (6, "24/12", "date", ""),
    (143, "Điều 64", "identifier", ""),
    (212, "năm 2025", "date", ""),
    (290, "gần 5 năm", "duration", "year"),
    (816, "khoảng 8.000 tỷ USD", "quantity", "USD"),
    (842, "năm 2023", "date", ""),
    (869, "10.500 tỷ", "quantity", ""),
    (883, "năm 2025", "date", ""),
    (1204, "năm 2025", "date", ""),
    (1284, "47 năm", "duration", "year"),
    (2243, "Nghị quyết số 57-NQ/TW", "identifier", ""),
    (2266, "ngày 22/12/2024", "date", ""),
    (2403, "ngày 25/12", "date", ""),
    (2884, "20 năm", "duration", "year"),
    (3273, "24/7", "identifier", ""),
    (4813, "8", "quantity", "session kỳ họp"),
    (5024, "năm 2025", "date", ""),
    (5221, "năm 2025", "date", ""),
    (5454, "thế kỷ XXI", "identifier", ""),
    (5906, "9", "quantity", "chapter chương"),
    (5918, "71", "quantity", "article điều"),
    (5941, "gần 5 năm", "duration", "year"),
    (5985, "2021-2024", "date", ""),
    (6131, "gần 20 năm", "duration", "year"),
]


def test_article_003_is_the_archived_seed() -> None:
    assert hashlib.sha256(ARTICLE_003.read_bytes()).hexdigest() == SHA256_003


def test_scan_of_article_003_finds_every_number_with_its_unit_or_noun() -> None:
    text = ARTICLE_003.read_text(encoding="utf-8")
    scan = scan_text(text)
    assert scan.language == "vi"
    found = [
        (m.start, m.as_written, m.kind.value, " ".join(filter(None, (m.unit, m.noun))))
        for m in scan.mentions
    ]
    assert found == EXPECTED_003
    assert all(text[m.start : m.end] == m.as_written for m in scan.mentions)


def test_article_003_readings_of_its_hedged_and_forecast_figures() -> None:
    scan = scan_text(ARTICLE_003.read_text(encoding="utf-8"))
    by_start = {m.start: m for m in scan.mentions}
    cost, forecast, lead = by_start[816], by_start[869], by_start[290]
    assert (cost.qualifier, cost.value, cost.reading) == (
        "approx",
        8e12,
        "[7,200,000,000,000, 8,800,000,000,000]",
    )
    # 10.500 has a granularity of 500: a forecast reaches one step each side
    assert (forecast.qualifier, forecast.reading) == (
        "forecast",
        "[10,000,000,000,000, 11,000,000,000,000]",
    )
    assert (lead.qualifier, lead.reading, lead.quote) == (
        "nearly",
        "[4.5, 5]",
        "sau gần 5 năm đàm phán",
    )
    assert by_start[5985].reading == "2021-01-01..2024-12-31"
    assert by_start[2266].reading == "2024-12-22"
