"""The typer application and the one place where errors become exit codes.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it;
2 the input could not be read (a message naming file, row and column; no traceback);
3 claimledger itself failed (a bug: rerun with ``--debug`` for the traceback);
130 interrupted (Ctrl-C); 141 the output pipe was closed (``claimledger check | head``).
"""

from __future__ import annotations

import functools
import io
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from checks.model.errors import InputError
from checks.numbers.parse import NumberParseError
from checks.registry import RegistryError
from checks.report.context import repo_prefix
from checks.report.github import input_error_annotation
from checks.textsafety import one_line
from checks.version import __version__

app = typer.Typer(
    name="claimledger",
    help="Check numbers quoted in the news: citations, arithmetic, conflicts between sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"claimledger {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_print_version,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """Check numbers quoted in the news: citations, arithmetic, conflicts between sources."""


EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141  # 128 + SIGINT, 128 + SIGPIPE

P = ParamSpec("P")
R = TypeVar("R")


def console(stderr: bool = False) -> Console:
    """A console that honours NO_COLOR and writes plain text when not on a terminal.

    Emoji codes such as ``:warning:`` are left as typed: text from the data is never
    rewritten on its way to the terminal.
    """
    return Console(
        stderr=stderr,
        no_color="NO_COLOR" in os.environ,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


def report_error(kind: str, message: str) -> None:
    """One line on stderr: ``claimledger: <kind>: <message>``, control codes made visible."""
    sys.stderr.write(f"claimledger: {kind}: {one_line(message)}\n")
    sys.stderr.flush()


def _tolerant_streams() -> None:
    """Never crash on a character the terminal's encoding lacks: write an escape instead."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            stream.reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """After a broken pipe (``claimledger check | head``), drop what is left to print."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn expected errors into clean messages and exit codes at the CLI edge.

    Exit 2 with ``claimledger: error: FILE:LINE: row R: column C: ... (expected ...)``
    for input that cannot be read; exit 3 with a one-line ``internal error`` for a bug;
    with ``--debug`` the exception propagates with its traceback. Messages quote data,
    so control, line-break and bidi characters in them are shown as escapes.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        debug = bool(kwargs.get("debug", False))
        _tolerant_streams()
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except (InputError, NumberParseError, RegistryError) as exc:
            if debug:
                raise
            report_error("error", str(exc))
            if os.environ.get("GITHUB_ACTIONS") == "true":
                annotate_input_error(exc)
            raise typer.Exit(EXIT_INPUT) from None
        except KeyboardInterrupt:
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as exc:
            if debug:
                raise
            report_error(
                "internal error",
                f"{type(exc).__name__}: {exc} "
                "(this is a bug; rerun with --debug for the traceback)",
            )
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def annotate_input_error(exc: Exception) -> None:
    """Under GitHub Actions, an ``::error`` annotation on the file the error names (stdout)."""
    error = exc if isinstance(exc, InputError) else InputError(str(exc))
    prefix = repo_prefix(Path.cwd()) if error.path and not Path(error.path).is_absolute() else ""
    sys.stdout.write(input_error_annotation(error, prefix) + "\n")
    sys.stdout.flush()


def shown_path(path: Path) -> str:
    """A path as a user would type it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
