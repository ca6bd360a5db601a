"""The result of a check run: the findings and what they were found in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.report.saved_shape import check_shape, load_json

if TYPE_CHECKING:
    from checks.model.package import Package


@dataclass(frozen=True)
class CheckResult:
    """The findings of a run. ``loaded`` is the package they were computed from, when the
    run happened in this process: renderers read its tables instead of loading them again."""

    package: str
    findings: list[Finding]
    root: Path | None = None
    checks: dict[str, str] = field(default_factory=dict)
    loaded: Package | None = field(default=None, compare=False, repr=False)
    fail_on: Severity = Severity.ERROR
    """The lowest severity that fails the run (``--fail-on``): JUnit fails only those."""

    @property
    def summary(self) -> dict[str, int]:
        counts = {s.value: 0 for s in Severity}
        for finding in self.active:
            counts[finding.severity.value] += 1
        return counts

    @property
    def active(self) -> list[Finding]:
        """Findings not covered by a waiver."""
        return [f for f in self.findings if not f.waiver]

    def to_dict(self) -> dict[str, Any]:
        return {
            "package": self.package,
            "summary": self.summary,
            "checks": self.checks,
            "findings": [f.to_dict() for f in self.findings],
        }


def load_result(path: Path) -> CheckResult:
    """Read a saved ``findings.json`` back."""
    try:
        data = load_json(path.read_text(encoding="utf-8"), str(path))
        check_shape(data, str(path))
        findings = [Finding.from_dict(f) for f in data["findings"]]
        return CheckResult(str(data["package"]), findings, None, dict(data.get("checks", {})))
    except OSError as exc:
        raise InputError(f"cannot read findings: {exc.strerror}", path=str(path)) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(
            f"not a claimledger findings file: {exc}",
            path=str(path),
            expected='{"package", "summary", "findings": [...]}',
        ) from None
