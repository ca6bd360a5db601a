"""The README's picture of the HTML report is taken by headless Chromium, here.

``CLAIMLEDGER_WRITE_SCREENSHOT=1 pytest tests/test_report_screenshot.py`` also writes it
to ``reports/report.png`` (with ``reports/findings.html``), the picture the README shows.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
from datetime import date
from pathlib import Path

import pytest

from checks.service import check_package, write_reports
from tests.browser import Dom, chromium, dump_dom, screenshot
from tests.conftest import REPO

browser = pytest.mark.skipif(
    chromium() is None, reason="needs chromium (apt-get install -y chromium)"
)
WIDTH, HEIGHT = 1280, 1800


def _png_size(png: Path) -> tuple[int, int]:
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@browser
@pytest.mark.browser
def test_screenshot_of_the_report_of_the_package_data(tmp_path: Path) -> None:
    result = check_package(REPO, today=date(2026, 6, 1))
    (page,) = write_reports(result, tmp_path, ["html"])
    png = tmp_path / "report.png"
    screenshot(page, png, WIDTH, HEIGHT)
    assert _png_size(png) == (WIDTH, HEIGHT)
    assert png.stat().st_size > 50_000  # a page with charts and text, not a blank one
    if os.environ.get("CLAIMLEDGER_WRITE_SCREENSHOT") == "1":
        shutil.copyfile(png, REPO / "reports" / "report.png")
    assert "![The HTML report" in (REPO / "README.md").read_text(encoding="utf-8")
    assert _png_size(REPO / "reports" / "report.png") == (WIDTH, HEIGHT)


@browser
@pytest.mark.browser
def test_a_link_to_a_folded_finding_opens_its_group(tmp_path: Path) -> None:
    result = check_package(REPO, today=date(2026, 6, 1))
    (page,) = write_reports(result, tmp_path, ["html"])
    text = page.read_text(encoding="utf-8")
    fold = re.search(r'<details class="code-group warning">.*?id="finding-(\w+)"', text, re.S)
    assert fold is not None
    dom = Dom(dump_dom(page, fragment=f"finding-{fold.group(1)}"))
    opened = [a for tag, a in dom.elements if tag == "details" and "open" in a]
    assert len(opened) >= 1
    assert dom.body.get("data-ready") == "true"
