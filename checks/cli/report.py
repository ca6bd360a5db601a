"""``claimledger report FINDINGS_JSON``: re-render a saved findings.json in other formats."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer

from checks.cli.app import EXIT_OK, app, console, guarded, shown_path
from checks.model.errors import InputError
from checks.model.finding import Severity
from checks.model.paths import find_descriptor
from checks.report import format_help, load_result
from checks.service import check_formats, printed_reports, write_reports
from checks.textsafety import one_line

DEFAULT_FORMATS = ("html",)


@app.command()
@guarded
def report(
    findings: Annotated[Path, typer.Argument(help="A findings.json written by claimledger check.")],
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"Format to render (repeatable): {format_help()}. Default: html.",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Folder for the reports (default: the findings file's)."),
    ] = None,
    package: Annotated[
        Path | None,
        typer.Option(
            "--package",
            help="The package the findings came from, for quotes in context and the full "
            "claim list (default: the nearest datapackage.json, if any).",
        ),
    ] = None,
    fail_on: Annotated[
        Severity,
        typer.Option("--fail-on", help="The lowest severity that JUnit reports as a failure."),
    ] = Severity.ERROR,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Render a saved findings.json again, e.g. as SARIF or HTML, without re-checking."""
    names = check_formats(formats or DEFAULT_FORMATS)
    result = load_result(findings)
    try:
        root: Path | None = find_descriptor(package).parent
    except InputError:
        if package is not None:
            raise
        root = None
    result = dataclasses.replace(result, root=root, fail_on=fail_on)
    written = write_reports(result, out or findings.parent, names)
    annotations = printed_reports(result, names)
    if annotations:
        typer.echo(annotations, nl=False)
    out_console = console()
    for path in written:
        out_console.print(one_line(f"wrote {shown_path(path)}"), markup=False)
    raise typer.Exit(EXIT_OK)
