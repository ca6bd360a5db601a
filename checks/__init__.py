"""claimledger: numbers quoted in the news, captured with citations and checked.

The import package is ``checks``; the distribution and the command are ``claimledger``.
The names below are imported on first use, so that ``import checks`` (which every
command does first) stays cheap and a Ctrl-C while the command starts is handled by it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checks.model.finding import Finding, Severity
    from checks.model.package import Package, load_package
    from checks.numbers import Interval, ParsedNumber, parse_number
    from checks.runner import run_checks

__version__ = "0.1.0"

_WHERE = {
    "Finding": "checks.model.finding",
    "Severity": "checks.model.finding",
    "Package": "checks.model.package",
    "load_package": "checks.model.package",
    "Interval": "checks.numbers",
    "ParsedNumber": "checks.numbers",
    "parse_number": "checks.numbers",
    "run_checks": "checks.runner",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'checks' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "Finding",
    "Interval",
    "Package",
    "ParsedNumber",
    "Severity",
    "__version__",
    "load_package",
    "parse_number",
    "run_checks",
]
