"""``claimledger claims add DRAFT.csv``: append reviewed draft rows to claims.csv."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from checks.authoring.claims_add import DraftRefused, add_claims
from checks.cli.app import (
    EXIT_INPUT,
    EXIT_OK,
    annotate_input_error,
    app,
    console,
    guarded,
    report_error,
)

claims_app = typer.Typer(
    name="claims", help="Add reviewed claims to the package.", no_args_is_help=True
)
app.add_typer(claims_app)


@claims_app.command("add")
@guarded
def add(
    draft: Annotated[
        Path, typer.Argument(help="A reviewed draft in the claims format (from scan --draft).")
    ],
    package: Annotated[
        Path | None,
        typer.Option("--package", help="datapackage.json or its folder (default: the nearest)."),
    ] = None,
    subject: Annotated[
        str,
        typer.Option(
            "--subject", help="Subject (ISO 3166-1 alpha-3) for rows that leave it empty."
        ),
    ] = "",
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Place each quote (offsets from its one occurrence in the source), refuse duplicate
    ids, ambiguous quotes and rows the schema or citation check would fail, then append
    every row to datapackage/claims.csv at once. Exit 2 and nothing written otherwise."""
    try:
        added = add_claims(package, draft, {"subject": subject} if subject else None)
    except DraftRefused as refused:
        report_error("error", str(refused))
        for problem in refused.problems:
            report_error("error", f"{draft}: {problem}")
        if os.environ.get("GITHUB_ACTIONS") == "true":
            annotate_input_error(refused)
        raise typer.Exit(EXIT_INPUT) from None
    out = console()
    for moved in added.moved:
        out.print(f"offsets set from the quote: {moved}", markup=False)
    out.print(f"added {len(added.rows)} claim(s) to claims.csv", markup=False)
    raise typer.Exit(EXIT_OK)
