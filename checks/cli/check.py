"""``claimledger check``: run the checks and write the reports."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from checks.cli.app import EXIT_FINDINGS, EXIT_OK, app, console, guarded
from checks.model.finding import Severity
from checks.report.result import CheckResult
from checks.service import check_package, write_reports


@app.command()
@guarded
def check(
    package: Annotated[
        Path | None,
        typer.Argument(
            help="datapackage.json or its folder (default: the nearest one above the cwd)."
        ),
    ] = None,
    fail_on: Annotated[
        Severity,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a finding at or above this severity remains.",
        ),
    ] = Severity.ERROR,
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="Report format to write (repeatable): json, md.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for the reports (default: reports/ beside the descriptor).",
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--check",
            help="Run only this check (repeatable).",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Check a package and write reports/findings.json and reports/findings.md."""
    result = check_package(package, select=select)
    written = write_reports(result, out, formats or ["json", "md"])
    out_console = console()
    _print_summary(out_console, result)
    for path in written:
        out_console.print(f"wrote {path}", markup=False)
    failing = [f for f in result.active if f.severity.at_least(fail_on)]
    raise typer.Exit(EXIT_FINDINGS if failing else EXIT_OK)


def _print_summary(out: Console, result: CheckResult) -> None:
    table = Table(title=f"claimledger check: {result.package}", show_lines=False)
    table.add_column("check")
    for severity in Severity:
        table.add_column(severity.value, justify="right")
    counts: dict[str, dict[str, int]] = {}
    for finding in result.active:
        counts.setdefault(finding.check, {s.value: 0 for s in Severity})
        counts[finding.check][finding.severity.value] += 1
    for check_id in result.checks:
        row = counts.get(check_id, {s.value: 0 for s in Severity})
        table.add_row(check_id, *(str(row[s.value]) for s in Severity))
    s = result.summary
    table.add_row("total", str(s["error"]), str(s["warning"]), str(s["info"]), style="bold")
    out.print(table)
