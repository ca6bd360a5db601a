"""findings.md: a short summary and the top findings, fit for a pull-request comment."""

from __future__ import annotations

import re

from checks.model.finding import Finding
from checks.report.result import CheckResult

FILENAME = "findings.md"
TOP = 20
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~@])")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


def md_escape(text: str) -> str:
    """Make untrusted text inert in Markdown (no markup, links, HTML, @-mentions or controls).

    >>> print(md_escape("<b>@team</b>"))
    \\<b\\>\\@team\\</b\\>
    """
    text = _CONTROL.sub("", text).replace("\n", " ")
    return _MD_SPECIAL.sub(r"\\\1", text)


def _row(finding: Finding) -> str:
    where = f"{finding.path}:{finding.line}" if finding.path else ""
    claims = ", ".join(finding.claim_ids)
    return (
        f"| {finding.severity.value} | {finding.check} | {md_escape(finding.message)} | "
        f"{md_escape(claims)} | {md_escape(where)} | `{finding.fingerprint}` |"
    )


def render(result: CheckResult, top: int = TOP) -> str:
    s = result.summary
    active = result.active
    lines = [
        f"## claimledger: {md_escape(result.package)}",
        "",
        f"**{s['error']} error(s), {s['warning']} warning(s), {s['info']} info** "
        f"in {len(active)} active finding(s)"
        + (
            f"; {len(result.findings) - len(active)} waived."
            if len(active) < len(result.findings)
            else "."
        ),
        "",
    ]
    if active:
        lines += [
            "| severity | check | message | claims | where | fingerprint |",
            "|---|---|---|---|---|---|",
        ]
        lines += [_row(f) for f in active[:top]]
        if len(active) > top:
            lines.append("")
            lines.append(f"…and {len(active) - top} more in findings.json.")
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"
