"""The HTML report puts the important first: human numbers, order, folds, overview, timeline."""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from checks.model.finding import Finding, Severity
from checks.report import html
from checks.report.human import human_interval, human_number
from checks.report.overview import overview
from checks.report.result import CheckResult
from checks.service import check_package
from tests.conftest import REPO


@cache
def page() -> str:
    return html.render(check_package(REPO, today=date(2026, 6, 1)))


def test_numbers_are_in_human_form_everywhere() -> None:
    text = page()
    assert not re.search(r"\d[eE][-+]\d", text)
    assert "99.1–99.2 million" in text
    assert "24.0625–27.4 billion VND/report" in text


def test_human_intervals_keep_printed_digits_and_round_computed_ones() -> None:
    assert human_interval(99096735.97, 99234712.41, "person") == "99.1–99.2 million person"
    assert human_interval(24374968750.0, 24374968750.0, "VND") == "24.4 billion VND"
    assert human_interval(14400, 16000) == "14,400–16,000"
    assert human_number(390000000000000.0, "VND") == "390 trillion VND"


def _positions(text: str, pattern: str) -> list[int]:
    return [m.start() for m in re.finditer(pattern, text)]


def test_errors_come_first_then_arithmetic_conflicts_temporal_then_provenance() -> None:
    findings = [
        Finding("provenance", "news-only", Severity.WARNING, (), "p", path="c.csv", line=1),
        Finding("conflicts", "disjoint", Severity.WARNING, (), "k", path="c.csv", line=9),
        Finding("arithmetic", "identity", Severity.WARNING, (), "a", path="c.csv", line=5),
        Finding("temporal", "order", Severity.WARNING, (), "t", path="c.csv", line=2),
        Finding("coverage", "uncaptured", Severity.ERROR, (), "e", path="c.csv", line=3),
    ]
    text = html.render(CheckResult("p", findings, None, {}))
    order = re.findall(
        r'<article class="finding \w+" id="finding-\w+" data-group="\w+" '
        r'data-check="(\w+)"',
        text,
    )
    assert order == ["coverage", "arithmetic", "conflicts", "temporal", "provenance"]


def test_repeated_findings_of_one_code_are_folded_under_one_heading() -> None:
    findings = [
        Finding("provenance", "news-only", Severity.WARNING, (f"c{i}",), f"m{i}") for i in range(4)
    ] + [Finding("arithmetic", "identity", Severity.WARNING, ("a",), "one")]
    text = html.render(CheckResult("p", findings, None, {}))
    (fold,) = re.findall(r'<details class="code-group warning">.*?</details>', text, re.DOTALL)
    assert "<code>provenance/news-only</code> — 4 findings</summary>" in fold
    assert len(re.findall(r'<article class="finding', fold)) == 4
    assert text.index('data-check="arithmetic"') < text.index("<details")


def test_the_overview_chart_counts_findings_by_check_and_severity() -> None:
    chart = overview(
        {"provenance": {"warning": 11, "info": 8}, "temporal": {"waived": 5}, "schema": {}}, {}
    )
    assert [(r.check, r.total) for r in chart.rows] == [
        ("schema", 0),
        ("temporal", 5),
        ("provenance", 19),
    ]
    warning, info = chart.rows[2].segments
    assert warning.width / info.width == 11 / 8
    assert warning.x + warning.width == info.x
    text = page()
    assert text.index('id="overview"') < text.index('<form id="filters"')
    assert "<title>provenance: 10 warning</title>" in text


def test_the_timeline_shows_the_events_the_temporal_check_compared() -> None:
    text = page()
    (figure,) = re.findall(r'<figure class="timeline".*?</figure>', text, re.DOTALL)
    for claim_id in ("untoc-adoption", "uncac-adoption", "unis-cybercrime-convention-adoption"):
        assert f"<title>{claim_id}: " in figure
    assert "<title>untoc-adoption: 2000-11-15</title>" in figure
    years = re.findall(r'<text class="tick middle"[^>]*>(\d{4})</text>', figure)
    assert years == sorted(years) and years[0] == "2001" and len(years) <= 8
