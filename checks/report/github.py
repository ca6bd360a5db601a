"""GitHub Actions workflow commands: one ``::error file=…,line=…,title=…::message`` per finding.

Printed to stdout (GitHub reads them from the log), so ``FILENAME`` is None. Escaping
follows @actions/core: in the message ``%``, CR and LF become ``%25``, ``%0D``, ``%0A``;
in properties ``:`` and ``,`` also become ``%3A`` and ``%2C``. Each annotation is
therefore exactly one line and no text from the data can start a command of its own.
Waived findings are not annotated.
"""

from __future__ import annotations

from checks.model.finding import Finding, Severity
from checks.report.context import repo_prefix
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


def render(result: CheckResult) -> str:
    prefix = repo_prefix(result.root)
    lines = [annotation(f, prefix) for f in result.active]
    return "".join(line + "\n" for line in lines)
