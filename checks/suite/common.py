"""Small helpers shared by the checks: building findings located at a table row."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from checks.model.finding import Finding, Severity
from checks.model.package import Package


def row_finding(
    pkg: Package,
    *,
    check: str,
    code: str,
    severity: Severity,
    resource: str,
    row: int,
    message: str,
    claim_ids: tuple[str, ...] = (),
    evidence: Mapping[str, Any] | None = None,
    key: str = "",
) -> Finding:
    """A finding located at a row of a resource (file and physical line)."""
    path, line = pkg.locate(resource, row)
    return Finding(check, code, severity, claim_ids, message, dict(evidence or {}), path, line, key)
