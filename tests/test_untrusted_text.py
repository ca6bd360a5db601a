"""Hostile text from the data is inert in every output: HTML, Markdown, GitHub annotations,
SARIF/JSON/JUnit, the terminal, and CSV exports.

One hostile package (a copy of the mini fixture) is checked once with every report
format, explained and published; each test then reads one output. The hostile text is a
quote carrying ``<script>``, ``{{ }}``, ANSI escape codes, a line break followed by
``::error::``, a bidi override and markup that tries to break out of an attribute, plus
claim ids that start with ``=``, ``+``, ``-``, ``@`` (spreadsheet formulas) or carry
escape codes and a line break. Claim ids end up at the start of finding messages and in
the claim-id cells of the findings table.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from tests.cli_run import Outcome, Sandbox

MINI = Path(__file__).parent / "fixtures" / "mini"
ESC = "\x1b"
BIDI = "\u202e"
SENTENCE = (
    "Ghi chú: <script>alert(1)</script> {{ 7*7 }} \x1b[2J\x1b[31mĐỎ\x1b[0m @everyone "
    '" onmouseover="alert(2) \'><img src=x onerror=alert(3)> '
    "=1+1 \u202egnp.exe có 5 người.\n::error::pwned"
)
FORMULA_IDS = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-1+1", "@SUM(1+1)"]
ESCAPE_ID = "evil\x1b[2J\r\n::error::pwned :warning: \u202e"
MARKUP_ID = "<script>alert(5)</script>{{ 7*7 }}[x](javascript:alert(6))"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def build_hostile_package(root: Path) -> None:
    """The mini package plus one hostile quote (value-mismatch) and six hostile claim ids."""
    shutil.copytree(MINI, root)
    source = root / "sources" / "test-article.txt"
    text = source.read_text(encoding="utf-8")
    start = len(unicodedata.normalize("NFC", text)) + 1
    source.write_text(text + "\n" + SENTENCE + "\n", encoding="utf-8")
    sources = _read(root / "datapackage" / "sources.csv")
    for row in sources:
        if row["source_id"] == "test-article":
            row["sha256"] = hashlib.sha256(source.read_bytes()).hexdigest()
            row["url"] = "javascript:alert(4)"
    _write(root / "datapackage" / "sources.csv", sources)
    claims = _read(root / "datapackage" / "claims.csv")
    base = next(r for r in claims if r["claim_id"] == "city-population")
    claims.append(
        {
            **base,
            "claim_id": "hostile-quote",
            "source_id": "test-article",
            "quote": SENTENCE,
            "start": str(start),
            "end": str(start + len(SENTENCE)),
            "as_written": "5",
            "value": "6",
            "translation_en": "=2+2 <b>bold</b>",
            "note": "@here \x1b[5mblink",
        }
    )
    claims += [{**base, "claim_id": claim_id, "start": "1"} for claim_id in FORMULA_IDS]
    claims += [{**base, "claim_id": c, "start": "1"} for c in (ESCAPE_ID, MARKUP_ID)]
    _write(root / "datapackage" / "claims.csv", claims)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@dataclass
class Outputs:
    box: Sandbox
    check: Outcome
    findings: list[dict[str, Any]]

    def report(self, name: str) -> str:
        return (self.box.out / name).read_text(encoding="utf-8")

    def fingerprint(self, check: str, code: str, claim_id: str) -> str:
        (found,) = [
            f
            for f in self.findings
            if (f["check"], f["code"]) == (check, code) and f["claim_ids"] == [claim_id]
        ]
        return str(found["fingerprint"])


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    box = Sandbox(tmp_path_factory.mktemp("hostile"))
    build_hostile_package(box.pkg)
    formats = [arg for name in ("json", "md", "html", "sarif", "junit", "github") for arg in
               ("--format", name)]  # fmt: skip
    check = box.run("check", str(box.pkg), "--out", str(box.out), *formats)
    assert check.returncode == 1, check.stderr
    check.assert_clean()
    findings = json.loads((box.out / "findings.json").read_text(encoding="utf-8"))["findings"]
    return Outputs(box, check, findings)


def test_hostile_package_gives_findings_that_quote_every_hostile_string(
    outputs: Outputs,
) -> None:
    claim_ids = {c for f in outputs.findings for c in f["claim_ids"]}
    assert {"hostile-quote", ESCAPE_ID, MARKUP_ID, *FORMULA_IDS} <= claim_ids
    messages = [f["message"] for f in outputs.findings]
    for claim_id in [ESCAPE_ID, MARKUP_ID, *FORMULA_IDS]:
        assert any(m.startswith(claim_id + ": ") for m in messages), claim_id


# --- HTML ------------------------------------------------------------------------------


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_text.append(data)


def test_html_report_shows_the_hostile_quote_as_text_not_markup(outputs: Outputs) -> None:
    page = outputs.report("findings.html")
    parser = _Tags()
    parser.feed(page)

    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the quote is shown, escaped
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in page  # so is the claim id
    assert "{{ 7*7 }}" in page  # not evaluated as a template
    assert not any("alert" in text for text in parser.script_text)
    assert [t for t, _ in parser.tags if t == "img"] == []
    handlers = [(t, a) for t, attrs in parser.tags for a, _ in attrs if a.startswith("on")]
    assert handlers == []
    links = [v for _, attrs in parser.tags for a, v in attrs if a in ("href", "src") and v]
    assert not any(v.strip().lower().startswith("javascript:") for v in links)


# --- Markdown --------------------------------------------------------------------------


def _table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| ")]


def test_markdown_report_escapes_markup_and_keeps_one_row_per_finding(
    outputs: Outputs,
) -> None:
    md = outputs.report("findings.md")
    assert "\\<script\\>alert\\(5\\)\\</script\\>\\{\\{ 7\\*7 \\}\\}" in md
    assert "<script" not in md.replace("\\<script", "")
    assert "{{" not in md
    assert "](javascript:" not in md
    assert ESC not in md
    rows = _table_rows(md)
    assert rows[0] == "| severity | check | message | claims | where | fingerprint |"
    assert len(rows) == 1 + min(len([f for f in outputs.findings if not f["waiver"]]), 20)
    assert all(row.endswith(" |") for row in rows)
    assert not any(line.startswith("::") for line in md.splitlines())


def test_markdown_report_does_not_mention_github_users(outputs: Outputs) -> None:
    md = outputs.report("findings.md")
    assert re.search(r"(?<!\\)@\w", md) is None


# --- GitHub workflow commands ----------------------------------------------------------


def test_github_annotations_are_exactly_one_command_line_per_finding(outputs: Outputs) -> None:
    commands = [line for line in outputs.check.stdout.splitlines() if line.startswith("::")]
    active = [f for f in outputs.findings if not f["waiver"]]
    assert len(commands) == len(active)
    shape = re.compile(r"::(error|warning|notice) file=[^:]*,line=\d+,title=[^:]*::\S")
    assert all(shape.match(line) for line in commands), commands
    assert not any("\r" in line or ESC in line for line in commands)
    escaped = [line for line in commands if "pwned" in line and "quote-mismatch" in line]
    assert len(escaped) == 1
    assert "%0D%0A::error::pwned" in escaped[0]


def test_terminal_summary_of_check_never_lets_data_start_a_line(outputs: Outputs) -> None:
    lines = outputs.check.stdout.splitlines()
    summary = [line for line in lines if not line.startswith("::")]
    assert not any(ESC in line or BIDI in line for line in summary)
    assert not any(line.lstrip().startswith("::error::pwned") for line in lines)


# --- SARIF, JSON, JUnit ----------------------------------------------------------------


def test_json_report_keeps_hostile_text_exactly_as_data(outputs: Outputs) -> None:
    assert ESC not in outputs.report("findings.json")  # JSON escapes it as \u001b
    ids = {c for f in outputs.findings for c in f["claim_ids"]}
    assert ESCAPE_ID in ids  # the data round-trips unchanged


def test_sarif_report_is_valid_json_with_hostile_text_only_in_plain_text_fields(
    outputs: Outputs,
) -> None:
    text = outputs.report("findings.sarif")
    sarif = json.loads(text)
    assert ESC not in text
    results = sarif["runs"][0]["results"]
    assert len(results) == len([f for f in outputs.findings if not f["waiver"]])
    rendered = [r["message"].get("markdown", "") for r in results]
    assert not any("<script" in m for m in rendered)


def test_junit_report_is_well_formed_xml_without_control_characters(outputs: Outputs) -> None:
    text = outputs.report("findings.junit.xml")
    root = ET.fromstring(text)
    assert root.tag in ("testsuites", "testsuite")
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    assert list(root.iter("script")) == []
    assert "&lt;script&gt;alert(5)&lt;/script&gt;" in text


# --- Terminal: explain and error messages ----------------------------------------------


def test_explain_shows_escape_codes_and_line_breaks_as_visible_escapes(
    outputs: Outputs,
) -> None:
    fingerprint = outputs.fingerprint("citation", "quote-mismatch", ESCAPE_ID)
    result = outputs.box.run("explain", fingerprint, "--package", str(outputs.box.pkg))
    result.assert_clean()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert ESC not in out and BIDI not in out and "\r" not in out
    assert not any(line.startswith("::") for line in out.splitlines())
    assert "evil\\x1b[2J\\x0d\\x0a::error::pwned :warning: \\u202e" in out
    assert "⚠" not in out  # :warning: is not turned into an emoji


def test_explain_shows_a_hostile_quote_in_context_inert(outputs: Outputs) -> None:
    fingerprint = outputs.fingerprint("citation", "value-mismatch", "hostile-quote")
    result = outputs.box.run("explain", fingerprint, "--package", str(outputs.box.pkg))
    result.assert_clean()
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert ESC not in out and BIDI not in out
    assert not any(line.startswith("::") for line in out.splitlines())
    assert "<script>alert(1)</script> {{ 7*7 }} \\x1b[2J\\x1b[31mĐỎ\\x1b[0m" in out


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        (
            "datapackage/\\u001b[2Jx\\n::error::pwned.json",
            "datapackage.json: column resources[1].schema: path "
            "'datapackage/\\x1b[2Jx\\n::error::pwned.json' contains a control character "
            "(expected a relative path of printable characters)",
        ),
        (
            "datapackage/\\u202egnp.json",
            "datapackage/\\u202egnp.json: cannot read table schema: no such file (expected a file)",
        ),
    ],
)
def test_input_error_naming_hostile_text_is_one_inert_line_on_stderr(
    tmp_path: Path, schema: str, message: str
) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    descriptor = box.pkg / "datapackage.json"
    descriptor.write_text(
        descriptor.read_text(encoding="utf-8").replace(
            '"schema": "datapackage/claims.schema.json"', f'"schema": "{schema}"'
        ),
        encoding="utf-8",
    )

    result = box.run("check", str(box.pkg), "--out", str(box.out))

    result.assert_clean()
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"claimledger: error: {message}"]
    assert ESC not in result.stderr and BIDI not in result.stderr


# --- CSV exports -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def published_findings(outputs: Outputs) -> list[list[str]]:
    out = outputs.box.base / "published"
    refused = outputs.box.run(
        "publish", str(outputs.box.pkg), "--out", str(out), "--allow-errors", out=out
    )
    refused.assert_clean()  # the javascript: source url never leaves the package
    assert refused.returncode == 2
    assert "column url: address 'javascript:alert(4)' is not a web URL" in refused.stderr
    assert not out.exists()
    publishable = outputs.box.base / "publishable"
    shutil.copytree(outputs.box.pkg, publishable)
    sources = _read(publishable / "datapackage" / "sources.csv")
    for row in sources:
        row["url"] = ""
    _write(publishable / "datapackage" / "sources.csv", sources)
    result = outputs.box.run(
        "publish", str(publishable), "--out", str(out), "--allow-errors", out=out
    )
    result.assert_clean()
    assert result.returncode == 0, result.stderr
    (archive,) = out.glob("*.zip")
    with zipfile.ZipFile(archive) as zf:
        data = zf.read("datapackage/findings.csv").decode("utf-8")
    return list(csv.reader(io.StringIO(data, newline="")))


def test_published_findings_table_holds_the_hostile_claim_ids(
    published_findings: list[list[str]],
) -> None:
    header, *rows = published_findings
    cells = [dict(zip(header, row, strict=True)) for row in rows]
    joined = " ".join(c["claim_ids"] for c in cells)
    for claim_id in FORMULA_IDS:
        assert claim_id.lstrip("=+-@") in joined


def test_published_findings_table_has_no_cell_a_spreadsheet_would_run(
    published_findings: list[list[str]],
) -> None:
    live = [cell for row in published_findings for cell in row if cell.startswith(FORMULA_START)]
    assert live == []
