"""``claimledger scan CORPUS --out FOLDER``: a corpus into a Parquet table of mentions."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from checks.cli.app import EXIT_OK, console, shown_path
from checks.engine import EngineOptions
from checks.model.errors import InputError
from checks.progress import progress_enabled


def scan_corpus_command(source: str, out: Path | None, engine: EngineOptions) -> None:
    """Scan the corpus with a progress bar (on a terminal), print a summary, exit 0."""
    from checks.corpus.run import scan_corpus  # pyarrow.parquet: only when a corpus is scanned

    if out is None:
        what = "is a folder" if Path(source).is_dir() else "is a corpus"
        raise InputError(
            f"{what}: its mentions go to a Parquet table",
            path=source,
            column="--out",
            expected="--out FOLDER, or a text file or a source_id",
        )
    err = Console(file=sys.stderr)
    began = time.perf_counter()
    if progress_enabled(err):
        with Progress(
            TextColumn("[bold]claimledger[/bold] scan"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("chunks", total=None)
            result = scan_corpus(
                source,
                out,
                engine=engine,
                on_chunk=lambda done, total: progress.update(task, completed=done, total=total),
            )
    else:
        result = scan_corpus(source, out, engine=engine)
    seconds = time.perf_counter() - began
    console().print(
        f"scanned {result.documents:,} document(s) in {result.partitions:,} chunk(s) "
        f"({engine.name} engine, {seconds:.1f} s): {result.mentions:,} mention(s); "
        f"wrote {shown_path(result.out)}",
        markup=False,
    )
    raise typer.Exit(EXIT_OK)
