"""findings.json: the machine-readable findings that other tools read."""

from __future__ import annotations

from checks import strictjson
from checks.report.result import CheckResult

FILENAME = "findings.json"


def render(result: CheckResult) -> str:
    return strictjson.dumps(result.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
