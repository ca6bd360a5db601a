"""Gating: which findings fail a run. Waived findings never do (see
:mod:`checks.suite.waivers`); a baseline (a saved ``findings.json``) ignores the findings it
already has, so only new ones can fail.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checks.model.finding import Finding, Severity
from checks.report.result import load_result


def load_baseline(path: Path) -> frozenset[str]:
    """The fingerprints of a saved ``findings.json`` (exit 2 if it cannot be read).

    >>> load_baseline(Path("reports/findings.json"))  # doctest: +SKIP
    frozenset({'0c5e5d0f6f0e9b1a', ...})
    """
    return frozenset(f.fingerprint for f in load_result(path).findings)


def failing(
    findings: Iterable[Finding], fail_on: Severity, baseline: frozenset[str] | None = None
) -> list[Finding]:
    """The findings that fail a run: not waived, at or above ``fail_on``, not in the baseline.

    >>> f = Finding("citation", "value-mismatch", Severity.ERROR, ("a",), "m")
    >>> [g.code for g in failing([f], Severity.ERROR)]
    ['value-mismatch']
    >>> failing([f], Severity.ERROR, baseline=frozenset({f.fingerprint}))
    []
    """
    return [
        f
        for f in findings
        if not f.waiver
        and f.severity.at_least(fail_on)
        and (baseline is None or f.fingerprint not in baseline)
    ]
