"""claimledger: numbers quoted in the news, captured with citations and checked.

The import package is ``checks``; the distribution and the command are ``claimledger``.
The pipeline has one folder per stage: ``model`` (the package on disk), ``numbers``
(printed numbers as intervals), ``ledger`` (the claim table derived from the package),
``rules`` (the rule language and its evaluation), ``compare`` (comparisons without
rules), ``suite`` (the registered checks and their finding codes), then ``report``,
``publish``, ``scan`` and ``cli``. The names below are loaded on first use, so importing
``checks`` (or ``checks.version``) loads nothing else.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from checks.version import __version__

if TYPE_CHECKING:
    from checks.model.finding import Finding, Severity
    from checks.model.package import Package, load_package
    from checks.numbers import Interval, ParsedNumber, parse_number
    from checks.runner import run_checks

_LAZY = {
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
    module = _LAZY.get(name)
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
