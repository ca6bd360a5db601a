"""A progress bar for long runs: on an interactive terminal only, never in logs or CI.

>>> with check_progress(7) as on_check:  # doctest: +SKIP
...     run_checks(pkg, on_check=on_check)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

ProgressCallback = Callable[[str], None]


def progress_enabled(console: Console, environ: Mapping[str, str] | None = None) -> bool:
    """Whether to draw a bar: the console is a terminal and neither NO_COLOR nor CI is set.

    >>> import io
    >>> progress_enabled(Console(file=io.StringIO()), {})
    False
    """
    env = os.environ if environ is None else environ
    return console.is_terminal and "NO_COLOR" not in env and "CI" not in env


def _ignore(check_id: str) -> None:
    del check_id


@contextmanager
def check_progress(
    total: int | None,
    *,
    console: Console | None = None,
    environ: Mapping[str, str] | None = None,
) -> Iterator[ProgressCallback]:
    """Yield a callback to call with each check id as it starts; draws on stderr if enabled.

    The bar is transient: it disappears when the run ends, leaving the output unchanged.
    When disabled the callback does nothing and nothing is written.
    """
    console = console or Console(file=sys.stderr)
    if not progress_enabled(console, environ):
        yield _ignore
        return
    progress = Progress(
        TextColumn("[bold]claimledger[/bold] {task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )
    task = progress.add_task("starting", total=total)
    started = 0

    def on_check(check_id: str) -> None:
        nonlocal started
        if started:
            progress.advance(task)
        started += 1
        progress.update(task, description=f"check {check_id}")
        progress.refresh()

    with progress:
        yield on_check
        progress.update(task, completed=started, description="done")
