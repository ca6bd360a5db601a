"""Number-dense text stays linear, and scan never writes over what it reads.

A source of space-separated numbers has one sentence: each number's context is a window of
characters around it, not the whole sentence; the coverage finding lists a bounded number
of examples with a count; ``scan`` prints its output as it goes (issue 20, defects 2, 14).
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from checks.cli.app import app
from checks.model.package import load_package
from checks.runner import run_checks
from checks.scan import scan_text
from checks.scan.clauses import QUOTE_WINDOW
from checks.suite.coverage import LISTED
from tests.package_edits import add_source

runner = CliRunner()


def dense(count: int) -> str:
    """``count`` space-separated numbers (not years), one sentence."""
    return " ".join(str(10_000 + 7 * i) for i in range(count)) + "\n"


def test_each_number_of_a_dense_text_has_a_bounded_quote() -> None:
    mentions = scan_text(dense(4000), "en").mentions
    assert len(mentions) == 4000
    longest = max(len(m.quote) - len(m.as_written) for m in mentions)
    assert longest <= 2 * QUOTE_WINDOW


def test_scan_output_grows_linearly_with_a_dense_text(tmp_path: Path) -> None:
    sizes = []
    for count in (2000, 4000):
        path = tmp_path / f"dense-{count}.txt"
        path.write_text(dense(count), encoding="utf-8")
        result = runner.invoke(app, ["scan", str(path), "--json"])
        assert result.exit_code == 0
        assert len(json.loads(result.stdout)["mentions"]) == count
        sizes.append((path.stat().st_size, len(result.stdout.encode("utf-8"))))
    (small_in, small_out), (large_in, large_out) = sizes
    assert large_out / small_out < 2.2 * large_in / small_in
    assert large_out / large_in < 300  # bytes out per byte in: a constant, not the text


def test_the_coverage_finding_of_a_dense_source_lists_a_bounded_number(mini: Path) -> None:
    add_source(mini, "dense", dense(3000), "en")
    (finding,) = [
        f
        for f in run_checks(load_package(mini), ["coverage"])
        if f.evidence.get("source_id") == "dense"
    ]
    assert finding.evidence["uncaptured_count"] == 3000
    assert len(finding.evidence["uncaptured"]) == LISTED
    assert "and 2992 more" in finding.message
    assert len(json.dumps(finding.evidence)) < 40 * LISTED * 10


def test_scan_refuses_a_draft_over_the_text_it_reads(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Có 1.500 người.\n", encoding="utf-8")
    before = notes.read_bytes()
    for target in (notes, tmp_path / "." / "notes.txt"):
        result = runner.invoke(app, ["scan", str(notes), "--draft", str(target)])
        assert result.exit_code == 2
        assert "refusing to write the draft over the text being scanned" in result.stderr
        assert notes.read_bytes() == before


def test_scan_refuses_a_draft_through_a_link_to_the_text(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Có 1.500 người.\n", encoding="utf-8")
    link = tmp_path / "draft.csv"
    link.symlink_to(notes)
    result = runner.invoke(app, ["scan", str(notes), "--draft", str(link)])
    assert result.exit_code == 2
    assert notes.read_text(encoding="utf-8") == "Có 1.500 người.\n"
