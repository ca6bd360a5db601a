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

__all__ = ["FORMATS", "CheckResult", "Renderer", "load_result"]
