"""``claimledger check``: run the checks, write the reports, gate on what remains."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from checks.cli.app import (
    EXIT_FINDINGS,
    EXIT_INPUT,
    EXIT_OK,
    app,
    console,
    guarded,
    report_error,
    shown_path,
)
from checks.cli.engine import Engine, engine_options
from checks.gating import failing, load_baseline
from checks.model.finding import Finding, Severity
from checks.progress import check_progress
from checks.registry import registered
from checks.report import DEFAULT_FORMATS, format_help
from checks.report.context import claim_count, package_of
from checks.report.result import CheckResult
from checks.service import check_formats, check_package, printed_reports, write_reports
from checks.suite.structure import is_unreadable_row, unreadable_row_count
from checks.textsafety import one_line

LISTED = 20


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
            metavar="FORMAT",
            help=f"Report format (repeatable): {format_help()}. "
            f"Default: {', '.join(DEFAULT_FORMATS)}.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for the reports (default: reports/ beside the descriptor).",
        ),
    ] = None,
    no_reports: Annotated[
        bool,
        typer.Option("--no-reports", help="Write no report files (for pre-commit)."),
    ] = False,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="A saved findings.json: only findings not in it can fail the run.",
        ),
    ] = None,
    select: Annotated[
        list[str] | None,
        typer.Option(
            "--check",
            metavar="CHECK",
            help="Run only this check (repeatable).",
        ),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local (default) or dask: the table checks on a Dask cluster, partition "
            "by partition (needs the extra: pip install 'claimledger\\[dask]').",
        ),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="With --engine dask: the address of a running Dask scheduler "
            "(default: a LocalCluster started and closed for the run).",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="With --engine dask: the LocalCluster's processes."),
    ] = None,
    worker_memory: Annotated[
        str | None,
        typer.Option(
            "--worker-memory",
            help="With --engine dask: the LocalCluster's memory limit per worker (e.g. 2GB).",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Check a package, write its reports, exit 1 if findings at or above --fail-on remain.

    Exit codes: 0 none remain, 1 some remain, 2 the input could not be read, 3 internal error.
    Rows that cannot be read are all listed (exit 2); the reports are still written.
    Annotations for GitHub are printed when GITHUB_ACTIONS=true or with --format github.
    """
    names = check_formats(formats or DEFAULT_FORMATS)
    if os.environ.get("GITHUB_ACTIONS") == "true" and "github" not in names:
        names.append("github")
    known = load_baseline(baseline) if baseline is not None else None
    with check_progress(len(select) if select else len(registered())) as on_check:
        result = check_package(
            package,
            select=select,
            on_check=on_check,
            engine=engine_options(engine, scheduler, workers, worker_memory),
        )
    result = dataclasses.replace(result, fail_on=fail_on)
    written = [] if no_reports else write_reports(result, out, names)
    annotations = printed_reports(result, names)
    if annotations:
        typer.echo(annotations, nl=False)
    out_console = console()
    _print_summary(out_console, result)
    blocking = failing(result.findings, fail_on, known)
    _print_failing(out_console, blocking, fail_on, known is not None)
    for path in written:
        out_console.print(one_line(f"wrote {shown_path(path)}"), markup=False)
    unreadable = [f for f in result.findings if is_unreadable_row(f)]
    if unreadable:  # reported with the rest, but the input could not all be read
        rows = [f for f in unreadable if f.line is not None]
        for finding in rows[:LISTED]:
            report_error("error", f"{finding.path}:{finding.line}: {finding.message}")
        count = unreadable_row_count(unreadable)
        if count > LISTED:
            report_error("error", f"… and {count - LISTED} more unreadable rows")
        raise typer.Exit(EXIT_INPUT)
    raise typer.Exit(EXIT_FINDINGS if blocking else EXIT_OK)


def _print_summary(out: Console, result: CheckResult) -> None:
    pkg = package_of(result)
    claims = claim_count(pkg)
    sources = 0 if pkg is None else len(pkg.table("sources"))
    title = (
        f"claimledger check: {one_line(result.package)}\n"
        f"{claims} claim{'' if claims == 1 else 's'} from "
        f"{sources} source{'' if sources == 1 else 's'}"
    )
    table = Table(title=Text(title), show_lines=False)
    table.add_column("check")
    for severity in Severity:
        table.add_column(severity.value, justify="right")
    table.add_column("waived", justify="right")
    counts: dict[str, dict[str, int]] = {}
    for finding in result.findings:
        row = counts.setdefault(finding.check, {s.value: 0 for s in Severity} | {"waived": 0})
        row["waived" if finding.waiver else finding.severity.value] += 1
    for check_id in dict.fromkeys([*result.checks, *counts]):
        row = counts.get(check_id, {s.value: 0 for s in Severity} | {"waived": 0})
        table.add_row(check_id, *(str(row[s.value]) for s in Severity), str(row["waived"]))
    s = result.summary
    waived = len(result.findings) - len(result.active)
    table.add_row(
        "total", str(s["error"]), str(s["warning"]), str(s["info"]), str(waived), style="bold"
    )
    out.print(table)


def _print_failing(
    out: Console, blocking: list[Finding], fail_on: Severity, with_baseline: bool
) -> None:
    scope = "new " if with_baseline else ""
    if not blocking:
        out.print(f"no {scope}finding at or above {fail_on.value}", markup=False)
        return
    out.print(f"{len(blocking)} {scope}finding(s) at or above {fail_on.value}:", markup=False)
    for finding in blocking[:LISTED]:
        where = f"{finding.path}:{finding.line} " if finding.path else ""
        out.print(
            one_line(
                f"  {finding.severity.value} {finding.check}/{finding.code} {where}"
                f"[{finding.fingerprint}] {finding.message}"
            ),
            markup=False,
            emoji=False,
        )
    if len(blocking) > LISTED:
        out.print(f"  …and {len(blocking) - LISTED} more", markup=False)
