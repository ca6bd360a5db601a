"""findings.json: the machine-readable findings that other tools read."""

from __future__ import annotations

import json

from checks.report.result import CheckResult

FILENAME = "findings.json"


def render(result: CheckResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
