"""The findings as a table resource: one CSV row per finding, with its own table schema.

The schema is data (``checks/data/findings.schema.json``); the rows are the findings of a
fresh check in report order, waived ones included and marked.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from checks import strictjson
from checks.model.finding import Finding
from checks.textsafety import spreadsheet_safe

NAME = "findings"
PATH = "datapackage/findings.csv"


@cache
def _schema_text() -> str:
    return resources.files("checks.data").joinpath("findings.schema.json").read_text("utf-8")


def findings_schema() -> dict[str, Any]:
    """The table schema of the findings resource (a fresh copy).

    >>> [f["name"] for f in findings_schema()["fields"]][:4]
    ['fingerprint', 'check', 'code', 'severity']
    """
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


def finding_row(finding: Finding) -> dict[str, str]:
    """The CSV cells of one finding, as text; missing values are empty cells.

    >>> from checks.model.finding import Severity
    >>> row = finding_row(Finding("citation", "quote-mismatch", Severity.ERROR, ("a",), "m"))
    >>> row["claim_ids"], row["evidence"], row["waived"]
    ('a', '{}', 'false')
    """
    return {
        "fingerprint": finding.fingerprint,
        "check": finding.check,
        "code": finding.code,
        "severity": finding.severity.value,
        "claim_ids": ",".join(finding.claim_ids),
        "message": finding.message,
        "path": finding.path or "",
        "line": "" if finding.line is None else str(finding.line),
        "key": finding.key,
        "evidence": strictjson.dumps(
            dict(finding.evidence), ensure_ascii=False, sort_keys=True, separators=(",", ":")
        ),
        "waived": "true" if finding.waiver else "false",
    }


def findings_csv(findings: Sequence[Finding]) -> bytes:
    """The findings table as UTF-8 CSV bytes (``\\n`` line ends, header from the schema)."""
    names = [f["name"] for f in findings_schema()["fields"]]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    for finding in findings:
        writer.writerow({k: spreadsheet_safe(v) for k, v in finding_row(finding).items()})
    return buffer.getvalue().encode("utf-8")
