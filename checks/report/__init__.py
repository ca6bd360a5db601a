"""Renderers: one findings list, many formats. Each module has FILENAME and render().

A FILENAME of None means the format is printed to stdout, not written (``github``).
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from checks.report import github, html, json_report, junit, markdown, sarif
from checks.report.result import CheckResult, load_result

Renderer = Callable[[CheckResult], str]

FORMATS: dict[str, ModuleType] = {
    "json": json_report,
    "md": markdown,
    "html": html,
    "sarif": sarif,
    "junit": junit,
    "github": github,
}

DEFAULT_FORMATS = ("json", "md", "html", "sarif")
"""What ``check`` writes when no ``--format`` is given."""


def format_help() -> str:
    """The format names for a ``--format`` help text, from :data:`FORMATS`."""
    printed = [name for name, module in FORMATS.items() if module.FILENAME is None]
    return (
        f"{', '.join(FORMATS)} ({', '.join(printed)} prints to standard output instead of "
        "writing a file)"
    )


__all__ = ["DEFAULT_FORMATS", "FORMATS", "CheckResult", "Renderer", "format_help", "load_result"]
