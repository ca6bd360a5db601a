"""The typer application and the one place where errors become exit codes.

Exit codes: 0 no finding at or above ``--fail-on``; 1 findings at or above it;
2 the input could not be read (a message naming file, row and column; no traceback);
3 claimledger itself failed (a bug: rerun with ``--debug`` for the traceback).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import typer
from rich.console import Console

from checks.model.errors import InputError
from checks.numbers.parse import NumberParseError
from checks.registry import RegistryError

app = typer.Typer(
    name="claimledger",
    help="Check numbers quoted in the news: citations, arithmetic, conflicts between sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_FINDINGS, EXIT_INPUT, EXIT_INTERNAL = 0, 1, 2, 3

P = ParamSpec("P")
R = TypeVar("R")


def console(stderr: bool = False) -> Console:
    """A console that honours NO_COLOR and writes plain text when not on a terminal."""
    return Console(
        stderr=stderr, no_color="NO_COLOR" in os.environ, highlight=False, soft_wrap=True
    )


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn expected errors into clean messages and exit codes at the CLI edge."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        debug = bool(kwargs.get("debug", False))
        try:
            return fn(*args, **kwargs)
        except typer.Exit:
            raise
        except (InputError, NumberParseError, RegistryError) as exc:
            if debug:
                raise
            err = console(stderr=True)
            err.print(f"claimledger: error: {exc}", markup=False)
            raise typer.Exit(EXIT_INPUT) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:
            if debug:
                raise
            err = console(stderr=True)
            err.print(
                f"claimledger: internal error: {type(exc).__name__}: {exc} "
                "(this is a bug; rerun with --debug for the traceback)",
                markup=False,
            )
            raise typer.Exit(EXIT_INTERNAL) from None

    return wrapper


def is_interactive() -> bool:
    """A terminal that is not CI and has not asked for plain output."""
    return sys.stderr.isatty() and "CI" not in os.environ and "NO_COLOR" not in os.environ
