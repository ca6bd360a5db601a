"""``claimledger recompute FILE...``: the arithmetic an article states, recomputed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from checks.cli.app import EXIT_FINDINGS, EXIT_OK, app, console, guarded
from checks.cli.choices import FAILING, FailOn, Language, TextFormat
from checks.textsafety import one_line


@app.command()
@guarded
def recompute(
    files: Annotated[
        list[Path], typer.Argument(help="UTF-8 text files (articles).", metavar="FILE")
    ],
    language: Annotated[
        Language, typer.Option("--language", help="vi, en or auto (guessed per file).")
    ] = Language.auto,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 when a figure disagrees with its sentence's numbers at this "
            "severity or above, or never.",
        ),
    ] = FailOn.error,
    output: Annotated[TextFormat, typer.Option("--format", help="text or json.")] = TextFormat.text,
    every: Annotated[bool, typer.Option("--all", help="List the figures that agree too.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Recompute every change, multiple, share, average and sum that a sentence states
    from its own numbers (``tăng từ 10.000 lên 16.000, tức tăng 40%``, ``1,200 (60%) of
    the 2,000``) and report the figures no reading agrees with (error) or that agree only
    at the edges of their hedges (warning)."""
    from checks.recompute.report import recompute_file

    found = [item for path in files for item in recompute_file(path, language.value)]
    shown = found if every else [f for f in found if f.severity != "ok"]
    if output is TextFormat.json:
        typer.echo(json.dumps([f.as_json() for f in shown], ensure_ascii=False, indent=2))
    else:
        for item in shown:
            typer.echo(
                one_line(
                    f"{item.severity:7} {item.path}:{item.line}:{item.column} "
                    f"{item.found.relation.kind}: {item.found.message()}"
                )
            )
        counts = {s: sum(f.severity == s for f in found) for s in ("error", "warning", "ok")}
        console().print(
            f"{len(found)} recomputed figure(s): {counts['error']} error, "
            f"{counts['warning']} warning, {counts['ok']} agree",
            markup=False,
        )
    failing = FAILING[fail_on]
    raise typer.Exit(EXIT_FINDINGS if any(f.severity in failing for f in found) else EXIT_OK)
