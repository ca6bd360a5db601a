"""GitHub Actions workflow commands: one ``::error file=…,line=…,title=…::message`` per finding.

Printed to stdout (GitHub reads them from the log), so ``FILENAME`` is None. Escaping
follows @actions/core: in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``;
in properties ``:`` and ``,`` also become ``%3A`` and ``%2C``. Each annotation is
therefore exactly one line and no text from the data can start a command of its own.
Waived findings are not annotated. GitHub shows at most 10 annotations of each kind
(error, warning, notice) per step and 50 per job, so they are printed most important
first (:mod:`checks.report.order`), not in file order.
"""

from __future__ import annotations

from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.report.context import repo_prefix
from checks.report.order import importance
from checks.report.result import CheckResult

FILENAME: str | None = None
COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message.

    >>> escape_data("50% of\\r\\nusers")
    '50%25 of%0D%0Ausers'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow command's property value.

    >>> escape_property("a: b, c")
    'a%3A b%2C c'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding, prefix: str = "") -> str:
    """One workflow command line for a finding."""
    properties: list[tuple[str, str]] = []
    if finding.path:
        properties.append(("file", prefix + finding.path))
        if finding.line is not None:
            properties.append(("line", str(finding.line)))
    properties.append(("title", f"claimledger {finding.check}/{finding.code}"))
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = f"{finding.message} [{finding.fingerprint}]"
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def input_error_annotation(error: InputError, prefix: str = "") -> str:
    """An ``::error`` line for input that cannot be read, on the file it names.

    >>> input_error_annotation(InputError("bad", path="datapackage/claims.csv", line=4))
    '::error file=datapackage/claims.csv,line=4,title=claimledger input error::bad'
    """
    properties: list[tuple[str, str]] = []
    if error.path:
        properties.append(("file", prefix + error.path))
        if error.line is not None:
            properties.append(("line", str(error.line)))
    properties.append(("title", "claimledger input error"))
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    text = error.message + (f" (expected {error.expected})" if error.expected else "")
    if error.column is not None:
        text = f"column {error.column}: {text}"
    if error.row is not None:
        text = f"row {error.row}: {text}"
    return f"::error {props}::{escape_data(text)}"


def render(result: CheckResult) -> str:
    """Annotations most severe first, then by check importance (:mod:`checks.report.order`):
    GitHub shows only the first ten of each kind per step."""
    prefix = repo_prefix(result.root)
    lines = [annotation(f, prefix) for f in sorted(result.active, key=importance)]
    return "".join(line + "\n" for line in lines)
