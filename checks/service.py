"""What the commands do, as library functions: check a package, write its reports."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from checks.io import atomic_write_text
from checks.model.errors import InputError
from checks.model.finding import Finding
from checks.model.package import Package, load_package
from checks.registry import registered
from checks.report import FORMATS, load_result
from checks.report.result import CheckResult
from checks.runner import run_checks


def check_package(
    target: Path | str | None = None, select: Iterable[str] | None = None
) -> CheckResult:
    """Load a package, run the checks, and return the result.

    >>> result = check_package("tests/fixtures/mini")  # doctest: +SKIP
    """
    pkg = load_package(target)
    return check_loaded(pkg, select)


def check_loaded(pkg: Package, select: Iterable[str] | None = None) -> CheckResult:
    findings = run_checks(pkg, select)
    checks = {
        cid: cls.title for cid, cls in registered().items() if select is None or cid in set(select)
    }
    return CheckResult(pkg.name, findings, pkg.root, checks)


def write_reports(result: CheckResult, out: Path | None, formats: Iterable[str]) -> list[Path]:
    """Render each format and write it atomically into ``out`` (default ``<root>/reports``)."""
    folder = out if out is not None else (result.root or Path.cwd()) / "reports"
    written: list[Path] = []
    for name in formats:
        if name not in FORMATS:
            raise InputError(
                f"unknown report format {name!r}",
                column="--format",
                expected=", ".join(sorted(FORMATS)),
            )
        module = FORMATS[name]
        path = folder / module.FILENAME
        atomic_write_text(path, module.render(result))
        written.append(path)
    return written


def find_finding(
    fingerprint: str, target: Path | str | None, findings_file: Path | None
) -> tuple[Package | None, Finding]:
    """The one finding whose fingerprint starts with ``fingerprint``."""
    pkg: Package | None = None
    if findings_file is not None:
        candidates = load_result(findings_file).findings
        try:
            pkg = load_package(target)
        except InputError:
            pkg = None
    else:
        pkg = load_package(target)
        candidates = run_checks(pkg)
    matches = [f for f in candidates if f.fingerprint.startswith(fingerprint.strip().lower())]
    if not fingerprint.strip() or not matches:
        raise InputError(
            f"no finding with fingerprint {fingerprint!r}",
            column="FINGERPRINT",
            expected="a fingerprint from findings.json",
        )
    if len(matches) > 1:
        raise InputError(
            f"fingerprint prefix {fingerprint!r} matches {len(matches)} findings",
            column="FINGERPRINT",
            expected="a longer prefix",
        )
    return pkg, matches[0]
