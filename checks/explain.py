"""Explaining one finding: the check, the evidence, the quotes in their context."""

from __future__ import annotations

from typing import Any

from checks import strictjson
from checks.model.finding import Finding
from checks.model.package import Package
from checks.textsafety import one_line

CONTEXT = 80


def inert(text: str) -> str:
    """Untrusted text made safe for a terminal: escape codes, line breaks and bidi marks
    are shown as visible escapes, so data can neither recolour nor start a new line.
    """
    return one_line(text)


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


_SHOWN_APART = {"steps", "rule", "intervals", "resolve"}


def rule_lines(rule: dict[str, Any]) -> list[str]:
    """The rule behind a finding: id, kind, expression, bounds and rationale."""
    lines = [f"rule {rule.get('rule_id')} ({rule.get('kind')}): {rule.get('expression')}"]
    low, high = rule.get("minimum"), rule.get("maximum")
    if low is not None or high is not None:
        shown = f"[{'-inf' if low is None else low}, {'inf' if high is None else high}]"
        lines.append(f"  bounds: {shown} {rule.get('unit') or ''}".rstrip())
    if rule.get("tolerance"):
        lines.append(f"  tolerance: {rule.get('tolerance')} (relative)")
    if rule.get("rationale"):
        lines.append(f"  rationale: {rule.get('rationale')}")
    return lines


def interval_lines(intervals: list[Any]) -> list[str]:
    """One line per interval of the evidence: label, bounds, unit."""
    lines = []
    for item in intervals:
        if not isinstance(item, dict):
            continue
        lo, hi = item.get("lo"), item.get("hi")
        label = item.get("label") or item.get("claim_id") or "derived"
        lines.append(f"{label}: [{_num(lo)}, {_num(hi)}] {item.get('unit') or ''}".rstrip())
    return lines


def _num(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f"{value:,.6g}" if abs(value) < 1e6 else f"{value:,.0f}"
    return str(value)


def source_of(pkg: Package, claim_id: str) -> str | None:
    """``source_id: title (publisher, url)`` of the source a claim quotes."""
    claims = pkg.table("claims")
    sources = pkg.table("sources")
    if claims.empty or sources.empty or "source_id" not in claims.columns:
        return None
    rows = claims[claims["claim_id"] == claim_id]
    if rows.empty:
        return None
    source_id = str(rows.iloc[0]["source_id"])
    match = sources[sources["source_id"] == source_id]
    if match.empty:
        return source_id
    row = match.iloc[0]
    extra = ", ".join(str(row.get(k, "")) for k in ("kind", "publisher", "url") if row.get(k, ""))
    return f"{source_id}: {row.get('title', '')}" + (f" ({extra})" if extra else "")


def explain_text(pkg: Package | None, finding: Finding) -> str:
    """A plain-text explanation of a finding, for the terminal."""
    lines = [
        f"{finding.severity.value.upper()} {finding.check}/{finding.code}  [{finding.fingerprint}]",
        inert(finding.message),
    ]
    if finding.path:
        lines.append(f"at {finding.path}:{finding.line}")
    if finding.waiver:
        lines.append(f"waived: {inert(strictjson.dumps(dict(finding.waiver), ensure_ascii=False))}")
    rule = finding.evidence.get("rule") if finding.evidence else None
    if isinstance(rule, dict):
        lines.append("")
        lines += [inert(line) for line in rule_lines(rule)]
    steps = finding.evidence.get("steps") if finding.evidence else None
    if isinstance(steps, list) and steps:
        lines.append("")
        lines.append("computation:")
        lines += [f"  {i}. {inert(str(step))}" for i, step in enumerate(steps, 1)]
    intervals = finding.evidence.get("intervals") if finding.evidence else None
    if isinstance(intervals, list) and intervals:
        lines.append("")
        lines.append("intervals:")
        lines += [f"  {inert(line)}" for line in interval_lines(intervals)]
    if finding.evidence and set(finding.evidence) - _SHOWN_APART:
        lines.append("")
        lines.append("evidence:")
        for key, value in finding.evidence.items():
            if key in _SHOWN_APART:
                continue
            lines.append(
                f"  {key}: {inert(strictjson.dumps(value, ensure_ascii=False, default=str))}"
            )
    if pkg is not None and finding.claim_ids:
        lines.append("")
        lines.append("quotes:")
        for claim_id in finding.claim_ids:
            context = quote_in_context(pkg, claim_id)
            lines.append(f"  {inert(claim_id)}: {context or '(not found in the package)'}")
            source = source_of(pkg, claim_id)
            if source:
                lines.append(f"    source: {inert(source)}")
    resolve = finding.evidence.get("resolve") if finding.evidence else None
    if resolve:
        lines.append("")
        lines.append(f"to resolve: {inert(str(resolve))}")
    return "\n".join(lines)
