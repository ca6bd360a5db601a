"""``claimledger stats FILE...``: reported test statistics recomputed (statcheck's check)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from checks.cli.app import EXIT_FINDINGS, EXIT_OK, app, console, guarded
from checks.cli.choices import FAILING, FailOn, TextFormat
from checks.textsafety import one_line

if TYPE_CHECKING:
    from checks.stats.report import Located


@app.command()
@guarded
def stats(
    files: Annotated[
        list[Path], typer.Argument(help="UTF-8 text files (papers, articles).", metavar="FILE")
    ],
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            help="Exit 1 on a decision inconsistency (error), on any inconsistency "
            "(warning), or never.",
        ),
    ] = FailOn.error,
    output: Annotated[TextFormat, typer.Option("--format", help="text or json.")] = TextFormat.text,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Recompute the p value of every reported test (t, F, r, χ², z with a p value) and
    report a p value the statistic cannot give (warning) or whose significance at .05 it
    reverses (error)."""
    from checks.stats.report import check_file  # scipy: only for this command

    found = [located for path in files for located in check_file(path)]
    if output is TextFormat.json:
        typer.echo(json.dumps([f.as_json() for f in found], ensure_ascii=False, indent=2))
    else:
        for located in found:
            typer.echo(_line(located))
        counts = {s: sum(f.severity == s for f in found) for s in ("error", "warning", "ok")}
        console().print(
            f"{len(found)} reported result(s): {counts['error']} decision inconsistency, "
            f"{counts['warning']} inconsistency, {counts['ok']} consistent",
            markup=False,
        )
    failing = FAILING[fail_on]
    raise typer.Exit(EXIT_FINDINGS if any(f.severity in failing for f in found) else EXIT_OK)


def _line(located: Located) -> str:
    verdict = located.verdict
    low, high = verdict.p_low, verdict.p_high
    computed = f"{low:.4f}" if abs(high - low) < 5e-5 else f"{low:.4f}..{high:.4f}"
    note = " (as one-tailed)" if verdict.one_tailed else ""
    return one_line(
        f"{located.severity:7} {located.path}:{located.line}:{located.column} "
        f"{verdict.reported.as_written!r}: computed p {computed}{note}"
    )
