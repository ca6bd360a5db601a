"""The shape a saved ``findings.json`` must have before its findings are rebuilt.

``report`` and ``check --baseline`` read a file that may come from anywhere. JSON nested
thousands deep, a ``line`` that is text or a ``claim_ids`` that is a string would otherwise
end as a ``RecursionError`` or a ``TypeError`` deep inside a renderer. Each problem is an
:class:`InputError` that names the file and the JSON location (``findings[3].line``).
"""

from __future__ import annotations

import json
from typing import Any

from checks.model.errors import InputError

MAX_DEPTH = 64
"""Nesting the findings file may have (the evidence of a finding is a few levels deep)."""

_TEXT = ("check", "code", "message", "key", "fingerprint")
_SEVERITIES = ("error", "warning", "info")


def load_json(text: str, path: str) -> Any:
    """The JSON value of ``text``, refused when it is nested more than :data:`MAX_DEPTH` deep."""
    try:
        data = json.loads(text)
    except RecursionError:
        data = None
        deep = True
    else:
        deep = _depth(data) > MAX_DEPTH
    if deep:
        raise InputError(
            f"JSON nested more than {MAX_DEPTH} levels deep",
            path=path,
            expected="a claimledger findings file",
        )
    return data


def check_shape(data: Any, path: str) -> None:
    """Raise :class:`InputError` at the first value of the wrong type."""
    if not isinstance(data, dict):
        _wrong(path, "(top level)", "an object with package, summary and findings")
    if not isinstance(data.get("package"), str):
        _wrong(path, "package", "the package name as a string")
    findings = data.get("findings")
    if not isinstance(findings, list):
        _wrong(path, "findings", "a list of findings")
    if not isinstance(data.get("checks", {}), dict):
        _wrong(path, "checks", "an object of check ids and titles")
    for index, finding in enumerate(findings):
        _check_finding(finding, path, f"findings[{index}]")


def _check_finding(finding: Any, path: str, where: str) -> None:
    if not isinstance(finding, dict):
        _wrong(path, where, "an object")
    for name in _TEXT:
        if name in finding and finding[name] is not None and not isinstance(finding[name], str):
            _wrong(path, f"{where}.{name}", "a string")
    for name in ("check", "message"):
        if not isinstance(finding.get(name), str):
            _wrong(path, f"{where}.{name}", "a string")
    if finding.get("severity") not in _SEVERITIES:
        _wrong(path, f"{where}.severity", "one of error, warning, info")
    ids = finding.get("claim_ids", [])
    if not isinstance(ids, list) or not all(isinstance(c, str) for c in ids):
        _wrong(path, f"{where}.claim_ids", "a list of claim ids (strings)")
    if finding.get("path") is not None and not isinstance(finding["path"], str):
        _wrong(path, f"{where}.path", "a file path as a string, or null")
    line = finding.get("line")
    if line is not None and (isinstance(line, bool) or not isinstance(line, int) or line < 0):
        _wrong(path, f"{where}.line", "a line number (an integer of 0 or more), or null")
    for name in ("evidence", "waiver"):
        if finding.get(name) is not None and not isinstance(finding[name], dict):
            _wrong(path, f"{where}.{name}", "an object, or null")


def _wrong(path: str, where: str, expected: str) -> None:
    raise InputError(
        "not a claimledger findings file: wrong value", path=path, column=where, expected=expected
    )


def _depth(value: Any) -> int:
    """The deepest nesting of lists and objects in ``value``, counted without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest
