"""The claimledger command line: a thin layer over the ``checks`` library."""

from __future__ import annotations

from checks.cli import check as _check  # noqa: F401  (registers the command)
from checks.cli import claims as _claims  # noqa: F401
from checks.cli import explain as _explain  # noqa: F401
from checks.cli import init as _init  # noqa: F401
from checks.cli import publish as _publish  # noqa: F401
from checks.cli import report as _report  # noqa: F401
from checks.cli import scan as _scan  # noqa: F401
from checks.cli import source as _source  # noqa: F401
from checks.cli.app import app


def main() -> None:
    """Entry point of the ``claimledger`` console script."""
    app()


__all__ = ["app", "main"]
