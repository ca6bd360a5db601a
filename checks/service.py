"""What the commands do, as library functions: check a package, write its reports."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from checks.engine import LOCAL, EngineOptions
from checks.io import atomic_write_files, default_folder
from checks.model.errors import InputError
from checks.model.finding import Finding
from checks.model.package import Package, load_package
from checks.registry import gates, registered
from checks.report import FORMATS, load_result
from checks.report.result import CheckResult
from checks.runner import ProgressCallback, run_checks


def check_package(
    target: Path | str | None = None,
    select: Iterable[str] | None = None,
    *,
    on_check: ProgressCallback | None = None,
    today: date | None = None,
    engine: EngineOptions = LOCAL,
) -> CheckResult:
    """Load a package, run the checks on ``engine``, apply its waivers, return the result.

    >>> result = check_package("tests/fixtures/mini")  # doctest: +SKIP
    """
    pkg = load_package(target)
    return check_loaded(pkg, select, on_check=on_check, today=today, engine=engine)


def check_loaded(
    pkg: Package,
    select: Iterable[str] | None = None,
    *,
    on_check: ProgressCallback | None = None,
    today: date | None = None,
    engine: EngineOptions = LOCAL,
) -> CheckResult:
    """Run the checks on a loaded package, then the gates (its waivers, see
    :mod:`checks.suite.waivers`) over their findings.

    With a selection of checks, a waiver that matches nothing is not reported: its finding
    may come from a check that did not run.
    """
    chosen = None if select is None else [c for c in select if c not in gates()]
    if engine.distributed:
        from checks.engine.dask_check import run_checks_dask

        findings = run_checks_dask(pkg, chosen, engine, on_check)
    else:
        findings = run_checks(pkg, chosen, on_check=on_check)
    checks = {
        cid: cls.title for cid, cls in registered().items() if chosen is None or cid in set(chosen)
    }
    for gate_id, gate in gates().items():
        if gate.applies(pkg):
            findings = gate().review(
                pkg, findings, today=today or date.today(), complete=chosen is None
            )
            checks[gate_id] = gate.title
    return CheckResult(pkg.name, findings, pkg.root, checks, loaded=pkg)


def check_formats(formats: Iterable[str]) -> list[str]:
    """The format names, deduplicated in order; an unknown one is an input error (exit 2)."""
    names = list(dict.fromkeys(formats))
    for name in names:
        if name not in FORMATS:
            raise InputError(
                f"unknown report format {name!r}",
                column="--format",
                expected=", ".join(FORMATS),
            )
    return names


def write_reports(result: CheckResult, out: Path | None, formats: Iterable[str]) -> list[Path]:
    """Render each file format and write the set atomically into ``out`` (default
    ``<root>/reports``): every report is on disk before the first is renamed, so a full disk
    or a failure leaves the previous set whole, never half new and half old.

    Formats printed rather than written (``github``) are skipped: see :func:`printed_reports`.
    """
    folder = out if out is not None else default_folder(result.root or Path.cwd(), "reports")
    files: dict[Path, str] = {}
    for name in check_formats(formats):
        module = FORMATS[name]
        if module.FILENAME is not None:
            files[folder / module.FILENAME] = module.render(result)
    atomic_write_files(files)
    return list(files)


def printed_reports(result: CheckResult, formats: Iterable[str]) -> str:
    """The text of the formats that go to stdout (GitHub workflow commands), concatenated."""
    return "".join(
        FORMATS[name].render(result)
        for name in check_formats(formats)
        if FORMATS[name].FILENAME is None
    )


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
        candidates = check_loaded(pkg).findings
    matches = _matching(candidates, fingerprint)
    if not fingerprint.strip() or not matches:
        raise InputError(
            f"no finding with fingerprint {fingerprint!r}"
            + (_earlier_report(pkg, fingerprint) if findings_file is None else ""),
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


def _earlier_report(pkg: Package | None, fingerprint: str) -> str:
    """When a fresh check does not raise the finding but the package's last report holds
    it: say so, and how to explain it from that report (the data changed since)."""
    if pkg is None or not fingerprint.strip():
        return ""
    try:
        report = default_folder(pkg.root, "reports") / "findings.json"  # where check wrote it
        earlier = load_result(report).findings
    except (InputError, OSError):
        return ""
    if not _matching(earlier, fingerprint):
        return ""
    return (
        f" in a fresh check of the package; {report} (an earlier run) holds it, so the data "
        f"changed since: `claimledger explain {fingerprint.strip()} --findings {report}` "
        "explains it from that report"
    )


def _matching(findings: Iterable[Finding], fingerprint: str) -> list[Finding]:
    """The findings whose fingerprint starts with ``fingerprint`` (a prefix is enough)."""
    prefix = fingerprint.strip().lower()
    return [f for f in findings if f.fingerprint.startswith(prefix)]
