"""findings.md: a short pull-request comment; text from the data stays inert."""

from __future__ import annotations

from checks.model.finding import Finding, Severity
from checks.report import markdown
from checks.report.result import CheckResult


def finding(message: str, n: int = 0) -> Finding:
    return Finding(
        "citation",
        f"code-{n}",
        Severity.ERROR,
        ("city-users",),
        message,
        path="datapackage/claims.csv",
        line=2 + n,
    )


def test_summary_counts_active_and_waived_findings_and_lists_them() -> None:
    active = finding("as_written reads as [1, 2]")
    waived = Finding("citation", "x", Severity.WARNING, ("b",), "w", waiver={"reviewer": "r"})
    text = markdown.render(CheckResult("mini", [active, waived], None))
    assert text == (
        "## claimledger: mini\n"
        "\n"
        "**1 error(s), 0 warning(s), 0 info** in 1 active finding(s); 1 waived.\n"
        "\n"
        "| severity | check | message | claims | where | fingerprint |\n"
        "|---|---|---|---|---|---|\n"
        "| error | citation | as\\_written reads as \\[1, 2\\] | city-users | "
        f"datapackage/claims.csv:2 | `{active.fingerprint}` |\n"
    )


def test_markup_pipes_and_newlines_from_the_data_are_inert() -> None:
    text = markdown.render(
        CheckResult("mini", [finding("a | b <script>x</script>\n# heading [l](http://e)")], None)
    )
    (row,) = [line for line in text.splitlines() if line.startswith("| error")]
    assert "| a \\| b \\<script\\>x\\</script\\> \\# heading \\[l\\]\\(http://e\\) |" in row
    assert "<script>" not in text


def test_only_the_top_findings_are_listed() -> None:
    findings = [finding(f"problem {n}", n) for n in range(25)]
    text = markdown.render(CheckResult("mini", findings, None))
    rows = [line for line in text.splitlines() if line.startswith("| error")]
    assert len(rows) == markdown.TOP == 20
    assert text.endswith("\n…and 5 more in findings.json.\n")


def test_no_findings_says_so() -> None:
    assert markdown.render(CheckResult("mini", [], None)) == (
        "## claimledger: mini\n\n**0 error(s), 0 warning(s), 0 info** in 0 active finding(s).\n"
        "\nNo findings.\n"
    )
