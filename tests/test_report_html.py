"""findings.html: one self-contained page; data is text, never code; checked in Chromium."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import os
import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from checks.model.finding import Finding, Severity
from checks.report import html
from checks.report.intervals import layout
from checks.report.result import CheckResult
from checks.service import check_package, write_reports
from tests.browser import Dom, chromium, dump_dom
from tests.helpers import edit_row
from tests.package_edits import add_claim, add_source, write_waivers

TODAY = date(2026, 6, 1)
SCRIPT_PAYLOAD = "<script>document.title='pwned-script'</script>"
IMG_PAYLOAD = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
SVG_PAYLOAD = "<svg onload=\"document.title='pwned-svg'\">"
QUOTE = f"có {SCRIPT_PAYLOAD} và {IMG_PAYLOAD} trong câu"
TEXT = f"Câu đầu tiên. Bài này {QUOTE} này. Câu cuối.\n"

browser = pytest.mark.skipif(
    chromium() is None and "CI" not in os.environ,
    reason="chromium is not installed (CI installs it and runs these tests)",
)


def payload_package(mini: Path) -> CheckResult:
    """The mini package plus a claim whose quote and as_written carry script payloads; one
    value mismatch waived, one interval conflict added by hand."""
    add_source(mini, "payload", TEXT)
    add_claim(mini, "payload-claim", like="city-users", source_id="payload", quote=QUOTE)
    edit_row(mini / "datapackage/claims.csv", "claim_id", "payload-claim", as_written=SVG_PAYLOAD)
    edit_row(mini / "datapackage/claims.csv", "claim_id", "city-penetration", value="99")
    (mismatch,) = [
        f for f in check_package(mini, today=TODAY).findings if f.code == "value-mismatch"
    ]
    write_waivers(mini, (mismatch.fingerprint, "as printed", "an editor", "2027-01-01"))
    result = check_package(mini, today=TODAY)
    conflict = Finding(
        "conflicts",
        "disjoint",
        Severity.WARNING,
        ("city-users", "city-population"),
        "users exceed the population",
        {
            "intervals": [
                {
                    "claim_id": "city-users",
                    "lo": 1.245e6,
                    "hi": 1.255e6,
                    "unit": "person",
                    "label": "users",
                },
                {
                    "claim_id": "city-population",
                    "lo": 2.45e6,
                    "hi": 2.55e6,
                    "unit": "person",
                    "label": "population",
                },
            ]
        },
        "datapackage/claims.csv",
        2,
        key="test",
    )
    return dataclasses.replace(result, findings=[*result.findings, conflict])


def written_page(mini: Path) -> tuple[CheckResult, Path]:
    result = payload_package(mini)
    (page,) = write_reports(result, mini / "reports", ["html"])
    return result, page


def test_page_has_no_external_assets(mini: Path) -> None:
    _, page = written_page(mini)
    text = page.read_text(encoding="utf-8")
    assert re.findall(r"\b(?:src|href|action|srcset)\s*=\s*\"(?!#)[^\"]*\"", text) == []
    assert "<link" not in text
    assert "url(" not in text


def test_csp_allows_exactly_our_inline_script_and_style(mini: Path) -> None:
    _, page = written_page(mini)
    text = page.read_text(encoding="utf-8")
    (csp,) = re.findall(r'http-equiv="Content-Security-Policy" content="([^"]*)"', text)
    csp = unescape(csp)
    (script,) = re.findall(r"<script>(.*?)</script>", text, flags=re.S)
    (style,) = re.findall(r"<style>(.*?)</style>", text, flags=re.S)

    def sha(body: str) -> str:
        return base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()

    assert csp == (
        f"default-src 'none'; script-src 'sha256-{sha(script)}'; "
        f"style-src 'sha256-{sha(style)}'; img-src data:; base-uri 'none'; form-action 'none'"
    )


def test_payloads_from_the_data_are_escaped_as_text(mini: Path) -> None:
    _, page = written_page(mini)
    text = page.read_text(encoding="utf-8")
    assert "<script>document" not in text
    assert "<img src=x" not in text
    assert "<svg onload" not in text
    assert "&lt;script&gt;document.title=&#39;pwned-script&#39;&lt;/script&gt;" in text
    assert "&lt;svg onload=" in text


def test_findings_are_grouped_by_severity_and_linked_with_their_claims(mini: Path) -> None:
    result, page = written_page(mini)
    dom = Dom(page.read_text(encoding="utf-8"))
    for finding in result.findings:
        assert f"finding-{finding.fingerprint}" in dom.ids
    for claim_id in ("payload-claim", "city-users", "city-population", "city-penetration"):
        assert f"claim-{claim_id}" in dom.ids
    sections = re.findall(r'<section class="group (\w+)"', page.read_text(encoding="utf-8"))
    assert sections == ["error", "warning", "info", "waived"]
    (waived,) = [f for f in result.findings if f.waiver]
    assert dom.ids[f"finding-{waived.fingerprint}"]["data-group"] == "waived"
    claim_text = dom.texts_by_id["claim-city-penetration"]
    assert f"citation/value-mismatch {waived.fingerprint}" in claim_text


def test_quote_is_highlighted_inside_its_sentence(mini: Path) -> None:
    result = payload_package(mini)
    text = html.render(result)
    sentence = re.search(
        r'href="#claim-payload-claim">payload-claim</a> <span class="sentence">(.*?)</span>',
        text,
    )
    assert sentence is not None
    assert sentence.group(1) == (
        "Bài này <mark>có &lt;script&gt;document.title=&#39;pwned-script&#39;&lt;/script&gt; "
        "và &lt;img src=x onerror=&#34;document.body.setAttribute(&#39;data-pwned&#39;,"
        "&#39;img&#39;)&#34;&gt; trong câu</mark> này."
    )


def figures(text: str) -> dict[str, str]:
    """The chart of each finding, by the finding's code."""
    out = {}
    for article in re.findall(r"<article class=\"finding.*?</article>", text, flags=re.S):
        code = re.search(r"<code>[\w-]+/([\w-]+)</code>", article)
        chart = re.search(r'<figure class="chart">.*?</figure>', article, flags=re.S)
        if code and chart:
            out[code.group(1)] = chart.group(0)
    return out


def test_evidence_intervals_are_bars_on_one_axis_with_the_gap_marked(mini: Path) -> None:
    figure = figures(html.render(payload_package(mini)))["disjoint"]
    assert len(re.findall(r'<rect class="bar"', figure)) == 2
    assert '<rect class="region gap"' in figure
    assert "<figcaption>gap: 1.255–2.45 million person</figcaption>" in figure


def test_value_outside_its_printed_interval_is_drawn_against_it(mini: Path) -> None:
    figure = figures(html.render(payload_package(mini)))["value-mismatch"]
    assert re.findall(r'<text class="label"[^>]*><title>[^<]*</title>([^<]*)</text>', figure) == [
        "50,5%",
        "value in the table",
    ]
    assert "<figcaption>gap: 50.55–99</figcaption>" in figure


def test_layout_puts_overlapping_intervals_on_a_shared_scale() -> None:
    chart = layout(
        [
            {"claim_id": "a", "lo": 10, "hi": 20, "unit": "%", "label": "a"},
            {"claim_id": "b", "lo": 15, "hi": 30, "unit": "%", "label": "b"},
        ]
    )
    assert chart is not None
    assert (chart.region, chart.region_lo, chart.region_hi) == ("overlap", 15.0, 20.0)
    a, b = chart.bars
    assert a.x == chart.axis_lo_x
    assert b.x + b.width == pytest.approx(chart.axis_hi_x)
    assert b.x == pytest.approx(a.x + a.width / 2)
    assert layout([{"lo": "x", "hi": 1}]) is None
    assert layout("not a list") is None


def test_saved_findings_render_without_the_package(mini: Path) -> None:
    result = dataclasses.replace(payload_package(mini), root=None, loaded=None)
    text = html.render(result)
    assert "quotes are shown without their sentences" in text
    assert 'href="#claim-payload-claim">payload-claim</a></blockquote>' in text


@browser
@pytest.mark.browser
def test_page_renders_its_findings_after_the_script_ran(mini: Path) -> None:
    result, page = written_page(mini)
    dom = Dom(dump_dom(page))
    assert dom.body.get("data-ready") == "true"
    active = [f for f in result.findings if not f.waiver]
    assert dom.texts_by_id["shown"] == f"showing {len(active)} of {len(result.findings)} findings"
    for finding in active:
        attributes = dom.ids[f"finding-{finding.fingerprint}"]
        assert "hidden" not in attributes
        assert finding.message in dom.texts_by_id[f"finding-{finding.fingerprint}"]
    (waived,) = [f for f in result.findings if f.waiver]
    assert "hidden" in dom.ids[f"finding-{waived.fingerprint}"]


@browser
@pytest.mark.browser
def test_link_to_a_waived_finding_reveals_it(mini: Path) -> None:
    result, page = written_page(mini)
    (waived,) = [f for f in result.findings if f.waiver]
    dom = Dom(dump_dom(page, fragment=f"finding-{waived.fingerprint}"))
    assert "hidden" not in dom.ids[f"finding-{waived.fingerprint}"]


@browser
@pytest.mark.browser
def test_script_payloads_in_quotes_do_not_run(mini: Path) -> None:
    _, page = written_page(mini)
    dom = Dom(dump_dom(page))
    assert dom.title == "claimledger: mini"
    assert "data-pwned" not in dom.body
    assert dom.body.get("data-ready") == "true"
    assert "img" not in dom.tags
    assert dom.tags.count("script") == 1
    handlers = [
        (tag, name) for tag, attrs in dom.elements for name in attrs if name.startswith("on")
    ]
    assert handlers == []


@browser
@pytest.mark.browser
def test_csp_blocks_a_script_that_is_not_ours(mini: Path) -> None:
    _, page = written_page(mini)
    text = page.read_text(encoding="utf-8")
    injected = (
        "<script>document.title='injected'</script>"
        "<img src=\"data:,\" onerror=\"document.body.setAttribute('data-pwned','handler')\">"
        "</body>"
    )
    page.write_text(text.replace("</body>", injected), encoding="utf-8")
    dom = Dom(dump_dom(page))
    assert dom.tags.count("script") == 2
    assert dom.title == "claimledger: mini"
    assert "data-pwned" not in dom.body
    assert dom.body.get("data-ready") == "true"
