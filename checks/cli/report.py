"""``claimledger report FINDINGS_JSON``: re-render a saved findings.json in other formats."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer

from checks.cli.app import EXIT_OK, app, console, guarded, shown_path
from checks.model.errors import InputError
from checks.model.paths import find_descriptor
from checks.report import load_result
from checks.service import check_formats, printed_reports, write_reports
from checks.textsafety import one_line


@app.command()
@guarded
def report(
    findings: Annotated[Path, typer.Argument(help="A findings.json written by claimledger check.")],
    formats: Annotated[
        list[str],
        typer.Option(
            "--format",
            "-f",
            help="Format to render (repeatable): json, md, html, sarif, junit, github "
            "(github prints workflow commands to stdout).",
        ),
    ],
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
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Render a saved findings.json again, e.g. as SARIF or HTML, without re-checking."""
    names = check_formats(formats)
    result = load_result(findings)
    try:
        root: Path | None = find_descriptor(package).parent
    except InputError:
        if package is not None:
            raise
        root = None
    result = dataclasses.replace(result, root=root)
    written = write_reports(result, out or findings.parent, names)
    annotations = printed_reports(result, names)
    if annotations:
        typer.echo(annotations, nl=False)
    out_console = console()
    for path in written:
        out_console.print(one_line(f"wrote {shown_path(path)}"), markup=False)
    raise typer.Exit(EXIT_OK)
