"""The claimledger command line: a thin layer over the ``checks`` library.

Importing this package is cheap: the commands (and pandas, pint, frictionless behind them)
are imported inside :func:`main`, where a Ctrl-C during start-up ends the run quietly with
exit 130 like a Ctrl-C at any later moment, instead of a ``KeyboardInterrupt`` traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import types
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typer import Typer

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as checks.cli.app says


def _app() -> Typer:
    """The Typer application with every command registered."""
    from checks.cli import check as _check  # noqa: F401  (registers the command)
    from checks.cli import claims as _claims  # noqa: F401
    from checks.cli import explain as _explain  # noqa: F401
    from checks.cli import init as _init  # noqa: F401
    from checks.cli import publish as _publish  # noqa: F401
    from checks.cli import recompute as _recompute  # noqa: F401
    from checks.cli import report as _report  # noqa: F401
    from checks.cli import scan as _scan  # noqa: F401
    from checks.cli import source as _source  # noqa: F401
    from checks.cli import stats as _stats  # noqa: F401
    from checks.cli.app import app

    return app


def main() -> None:
    """Entry point of the ``claimledger`` console script."""
    try:
        _app()()
    except KeyboardInterrupt:
        sys.stderr.flush()
        raise SystemExit(EXIT_INTERRUPTED) from None
    except SystemExit as done:
        _leave(done)


def _leave(done: SystemExit) -> None:
    """End the process with ``done``'s status, without tearing the interpreter down.

    Every output is written (atomically) and closed by now; what is left is a heap of a
    few GB on a large ledger, whose teardown costs half a second for nothing (mypy exits
    the same way). The usual exit is kept when anything might still need it: another
    thread, or Dask, whose clients and clusters close at exit.
    """
    code = done.code
    if threading.active_count() > 1 or "distributed" in sys.modules:
        raise done
    if code is not None and not isinstance(code, int):
        raise done  # a message: the interpreter prints it
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe: nothing more to say
            stream.flush()
    os._exit(code or 0)


class _Package(types.ModuleType):
    """``checks.cli.app`` is the Typer application, as it was when this package imported
    it eagerly: the import system's binding of the submodule of the same name is ignored."""

    @property
    def app(self) -> Typer:
        return _app()

    @app.setter
    def app(self, value: object) -> None:
        pass


sys.modules[__name__].__class__ = _Package


__all__ = ["app", "main"]
