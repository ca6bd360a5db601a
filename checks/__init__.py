"""claimledger: numbers quoted in the news, captured with citations and checked.

The import package is ``checks``; the distribution and the command are ``claimledger``.
"""

from checks.model.finding import Finding, Severity
from checks.model.package import Package, load_package
from checks.numbers import Interval, ParsedNumber, parse_number
from checks.runner import run_checks
from checks.version import __version__

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
