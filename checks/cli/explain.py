"""``claimledger explain FINGERPRINT``: one finding, its evidence, its quotes in context."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from checks.cli.app import EXIT_OK, app, console, guarded
from checks.explain import explain_text
from checks.service import find_finding


@app.command()
@guarded
def explain(
    fingerprint: Annotated[
        str, typer.Argument(help="The finding's fingerprint (a prefix is enough).")
    ],
    package: Annotated[
        Path | None,
        typer.Option(
            "--package", help="datapackage.json or its folder (default: the nearest one)."
        ),
    ] = None,
    findings: Annotated[
        Path | None,
        typer.Option(
            "--findings", help="Read the finding from this findings.json instead of re-checking."
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Show one finding with its evidence and its quotes in context."""
    pkg, finding = find_finding(fingerprint, package, findings)
    console().print(explain_text(pkg, finding), markup=False)
    raise typer.Exit(EXIT_OK)
