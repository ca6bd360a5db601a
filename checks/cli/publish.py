"""``claimledger publish``: the release zip, the SQLite database and ClaimReview markup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from checks.cli.app import EXIT_FINDINGS, EXIT_OK, app, console, guarded, shown_path
from checks.model.errors import InputError
from checks.model.package import load_package
from checks.publish import PublishRefused, publish
from checks.textsafety import one_line

LISTED = 5


@app.command("publish")
@guarded
def publish_command(
    package: Annotated[
        Path | None,
        typer.Argument(
            help="datapackage.json or its folder (default: the nearest one above the cwd)."
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Output folder (default: out/ beside the descriptor)."),
    ] = None,
    include_texts: Annotated[
        bool,
        typer.Option(
            "--include-texts", help="Add the archived article texts (sources/) to the zip."
        ),
    ] = False,
    allow_errors: Annotated[
        bool,
        typer.Option(
            "--allow-errors", help="Publish even when error-level findings are not waived."
        ),
    ] = False,
    created: Annotated[
        str | None,
        typer.Option(
            "--created",
            help="Timestamp to stamp instead of the descriptor's created "
            "(ISO 8601, e.g. 2026-01-31T12:00:00Z).",
        ),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Check the package afresh, then write claimledger-<version>.zip, claimledger.db,
    metadata.json (Datasette) and claimreview.jsonld into the output folder.

    Exit codes: 0 published, 1 refused (error-level findings not waived), 2 the input
    could not be read, 3 internal error.
    """
    stamp = _timestamp(created) if created is not None else None
    pkg = load_package(package)
    try:
        publication = publish(
            pkg, out, include_texts=include_texts, allow_errors=allow_errors, created=stamp
        )
    except PublishRefused as refused:
        err = console(stderr=True)
        _say(err, f"claimledger: {refused}")
        for finding in refused.findings[:LISTED]:
            where = f"{finding.path}:{finding.line}" if finding.path else "-"
            _say(
                err,
                f"  {finding.fingerprint} {finding.check}/{finding.code} {where} {finding.message}",
            )
        if len(refused.findings) > LISTED:
            _say(err, f"  … and {len(refused.findings) - LISTED} more")
        raise typer.Exit(EXIT_FINDINGS) from None
    out_console = console()
    summary = publication.result.summary
    _say(
        out_console,
        f"published {pkg.name} {publication.bundle.version}: "
        f"{len(publication.result.findings)} findings ({summary['error']} error, "
        f"{summary['warning']} warning, {summary['info']} info not waived), "
        f"{publication.reviews} claim reviews",
    )
    for claim_id in publication.skipped_reviews:
        _say(out_console, f"skipped the verdict on {claim_id}: no such claim in claims")
    for path in publication.files:
        _say(out_console, f"wrote {shown_path(path)}")
    raise typer.Exit(EXIT_OK)


def _timestamp(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise InputError(
            f"{text!r} is not a timestamp",
            column="--created",
            expected="an ISO 8601 timestamp such as 2026-01-31T12:00:00Z",
        ) from None


def _say(out: Console, line: str) -> None:
    """One line of text that may hold data (a package name, a claim id): made inert."""
    out.print(one_line(line), markup=False)
