"""Run the registered checks over a package and collect their findings."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from checks.model.finding import Finding, sort_key
from checks.model.package import Package
from checks.registry import RegistryError, registered

ProgressCallback = Callable[[str], None]


def run_checks(
    pkg: Package,
    select: Iterable[str] | None = None,
    on_check: ProgressCallback | None = None,
) -> list[Finding]:
    """Run the selected checks (all by default) and return findings, most severe first.

    Findings with the same fingerprint are reported once.
    """
    checks = registered()
    ids = list(checks) if select is None else list(select)
    unknown = [i for i in ids if i not in checks]
    if unknown:
        raise RegistryError(unknown[0], f"unknown check; known: {', '.join(sorted(checks))}")
    seen: dict[str, Finding] = {}
    for check_id in ids:
        if on_check is not None:
            on_check(check_id)
        for finding in checks[check_id]().run(pkg):
            seen.setdefault(finding.fingerprint, finding)
    return sorted(seen.values(), key=sort_key)
