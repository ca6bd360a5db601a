"""findings.html: one self-contained page for a person to read.

A summary with an overview chart (findings by check and severity) and a timeline of the
events the temporal check compared; the findings grouped by severity, the most telling
checks first (:mod:`checks.report.order`), repeated findings of one code folded under one
heading, with filters; each finding's quotes highlighted in their sentence, its evidence
intervals drawn on a shared axis, numbers in human form (``99.1–99.2 million``), and links
between findings and claims. Jinja2 with autoescaping renders every value from the data
as text; the only script and style are ours, allowed by hash in a Content-Security-Policy
that blocks everything else (no external assets at all).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from checks.model.finding import Finding, Severity
from checks.report.context import ClaimContext, claim_contexts, claim_count, package_of
from checks.report.human import human_interval, human_number, human_value
from checks.report.intervals import Chart, layout
from checks.report.order import importance
from checks.report.overview import overview
from checks.report.result import CheckResult
from checks.report.timeline import timeline

FILENAME = "findings.html"
GROUPS = (
    ("error", "Errors"),
    ("warning", "Warnings"),
    ("info", "Info"),
    ("waived", "Waived"),
)


@dataclass(frozen=True)
class FindingView:
    finding: Finding
    group: str
    claims: list[ClaimContext | str]
    chart: Chart | None
    steps: list[str]
    evidence: list[tuple[str, str]]
    resolve: str


@dataclass(frozen=True)
class CodeGroup:
    """The findings of one severity group with the same check and code, in order.

    Two or more are shown folded under one heading (``provenance/news-only — 11``)."""

    check: str
    code: str
    views: list[FindingView]

    @property
    def folded(self) -> bool:
        return len(self.views) > 1


@dataclass(frozen=True)
class ClaimView:
    context: ClaimContext | str
    findings: list[Finding] = field(default_factory=list)


def _asset(name: str) -> str:
    return resources.files("checks").joinpath("templates", name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script or style.

    >>> csp_hash("")
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
    """
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@functools.cache
def _environment() -> jinja2.Environment:
    """The template environment, built once: each new one compiles the page template again."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("checks", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["number"] = human_number
    env.filters["humane"] = humane
    env.filters["interval"] = lambda c: human_interval(c.region_lo, c.region_hi, c.unit)
    return env


def _group(finding: Finding) -> str:
    return "waived" if finding.waiver else finding.severity.value


def _value_against_interval(finding: Finding) -> list[dict[str, Any]] | None:
    """A citation-style finding (``interval`` [lo, hi] and ``value``) as two bars."""
    interval, value = finding.evidence.get("interval"), finding.evidence.get("value")
    if not (isinstance(interval, list) and len(interval) == 2 and isinstance(value, int | float)):
        return None
    claim_id = finding.claim_ids[0] if finding.claim_ids else ""
    as_written = str(finding.evidence.get("as_written", "as written"))
    return [
        {"claim_id": claim_id, "lo": interval[0], "hi": interval[1], "label": as_written},
        {"claim_id": claim_id, "lo": value, "hi": value, "label": "value in the table"},
    ]


_EXPONENT = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?[eE][-+]?\d+(?![\w.])")


def humane(text: str) -> str:
    """Numbers printed in exponent form (``1.52e+06``) rewritten for people.

    >>> humane("does not contain the value 1.52e+06 [x]")
    'does not contain the value 1.52 million [x]'
    """
    return _EXPONENT.sub(lambda m: human_number(float(m.group(0))), text)


def _code_groups(views: list[FindingView]) -> list[CodeGroup]:
    """Views in order of importance, those of one check and code gathered together."""
    groups: dict[tuple[str, str], CodeGroup] = {}
    for view in sorted(views, key=lambda v: importance(v.finding)):
        key = (view.finding.check, view.finding.code)
        groups.setdefault(key, CodeGroup(*key, [])).views.append(view)
    return list(groups.values())


def _view(finding: Finding, contexts: dict[str, ClaimContext]) -> FindingView:
    evidence = dict(finding.evidence)
    steps = evidence.pop("steps", None)
    resolve = evidence.pop("resolve", "")
    chart = layout(evidence.get("intervals"))
    if chart is not None:
        evidence.pop("intervals")
    else:
        chart = layout(_value_against_interval(finding))
    return FindingView(
        finding,
        _group(finding),
        [contexts.get(c, c) for c in finding.claim_ids],
        chart,
        [humane(str(s)) for s in steps] if isinstance(steps, list) else [],
        [(k, humane(human_value(v))) for k, v in evidence.items()],
        str(resolve or ""),
    )


def page_data(result: CheckResult) -> dict[str, Any]:
    """Everything the template shows, computed from the result (and its package, if any)."""
    pkg = package_of(result)
    claim_ids = {c for f in result.findings for c in f.claim_ids}
    contexts = claim_contexts(pkg, claim_ids) if pkg is not None else {}
    views = [_view(f, contexts) for f in result.findings]
    groups = [
        (key, title, _code_groups(members), len(members))
        for key, title in GROUPS
        for members in [[v for v in views if v.group == key]]
    ]
    claims: dict[str, ClaimView] = {}
    for finding in result.findings:
        for claim_id in finding.claim_ids:
            view = claims.setdefault(claim_id, ClaimView(contexts.get(claim_id, claim_id)))
            view.findings.append(finding)
    by_check: dict[str, dict[str, int]] = {
        c: {s.value: 0 for s in Severity} | {"waived": 0} for c in result.checks
    }
    for finding in result.findings:
        row = by_check.setdefault(finding.check, {s.value: 0 for s in Severity} | {"waived": 0})
        row[_group(finding)] += 1
    return {
        "package": result.package,
        "summary": result.summary,
        "waived": len(result.findings) - len(result.active),
        "total": len(result.findings),
        "checks": result.checks,
        "by_check": by_check,
        "groups": groups,
        "claims": sorted(claims.items()),
        "overview": overview(by_check, result.checks),
        "timeline": timeline(pkg, result.findings),
        "has_package": pkg is not None,
        "claim_count": claim_count(pkg),
        "source_count": 0 if pkg is None else len(pkg.table("sources")),
    }


def render(result: CheckResult) -> str:
    style, script = _asset("report.css"), _asset("report.js")
    csp = (
        f"default-src 'none'; script-src {csp_hash(script)}; style-src {csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    template = _environment().get_template("report.html.j2")
    return template.render(csp=csp, style=Markup(style), script=Markup(script), **page_data(result))
