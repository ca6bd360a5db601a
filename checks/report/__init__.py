"""Renderers: one findings list, many formats. Each module has FILENAME and render()."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from checks.report import json_report, markdown
from checks.report.result import CheckResult, load_result

Renderer = Callable[[CheckResult], str]

FORMATS: dict[str, ModuleType] = {
    "json": json_report,
    "md": markdown,
}

__all__ = ["FORMATS", "CheckResult", "Renderer", "load_result"]
