"""Explaining one finding: the check, the evidence, the quotes in their context."""

from __future__ import annotations

import json
import re

from checks.model.finding import Finding
from checks.model.package import Package

CONTEXT = 80
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def inert(text: str) -> str:
    """Untrusted text made safe for a terminal: control and escape codes removed."""
    return _CONTROL.sub("", text)


def quote_in_context(pkg: Package, claim_id: str, width: int = CONTEXT) -> str | None:
    """The claim's quote with some text around it, the quote marked »like this«."""
    claims = pkg.table("claims")
    sources = pkg.table("sources")
    rows = claims.index[claims["claim_id"] == claim_id]
    if len(rows) == 0:
        return None
    claim = claims.loc[rows[0]]
    source = sources[sources["source_id"] == claim["source_id"]]
    if source.empty:
        return None
    try:
        text = pkg.source_text(str(source.iloc[0]["path"])).text
        start, end = int(claim["start"]), int(claim["end"])
    except Exception:
        return None
    before = text[max(0, start - width) : start].replace("\n", " ")
    after = text[end : end + width].replace("\n", " ")
    return inert(f"…{before}»{text[start:end]}«{after}…")


def explain_text(pkg: Package | None, finding: Finding) -> str:
    """A plain-text explanation of a finding, for the terminal."""
    lines = [
        f"{finding.severity.value.upper()} {finding.check}/{finding.code}  [{finding.fingerprint}]",
        inert(finding.message),
    ]
    if finding.path:
        lines.append(f"at {finding.path}:{finding.line}")
    if finding.waiver:
        lines.append(f"waived: {inert(json.dumps(dict(finding.waiver), ensure_ascii=False))}")
    steps = finding.evidence.get("steps") if finding.evidence else None
    if isinstance(steps, list) and steps:
        lines.append("")
        lines.append("computation:")
        lines += [f"  {i}. {inert(str(step))}" for i, step in enumerate(steps, 1)]
    if finding.evidence:
        lines.append("")
        lines.append("evidence:")
        for key, value in finding.evidence.items():
            if key == "steps":
                continue
            lines.append(f"  {key}: {inert(json.dumps(value, ensure_ascii=False, default=str))}")
    if pkg is not None and finding.claim_ids:
        lines.append("")
        lines.append("quotes:")
        for claim_id in finding.claim_ids:
            context = quote_in_context(pkg, claim_id)
            lines.append(f"  {claim_id}: {context or '(not found in the package)'}")
    resolve = finding.evidence.get("resolve") if finding.evidence else None
    if resolve:
        lines.append("")
        lines.append(f"to resolve: {inert(str(resolve))}")
    return "\n".join(lines)
