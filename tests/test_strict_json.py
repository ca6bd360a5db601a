"""Every JSON claimledger writes is strict: no bare NaN or Infinity (issue 20, defect 10)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from checks.report import json_report, sarif
from checks.service import check_package
from checks.strictjson import dumps
from tests.claim_packages import build, claim, rule


def strict_loads(text: str) -> Any:
    def refuse(name: str) -> None:
        raise ValueError(f"non-standard JSON constant {name}")

    return json.loads(text, parse_constant=refuse)


def test_a_rule_whose_arithmetic_overflows_still_writes_strict_json_reports(
    tmp_path: Path,
) -> None:
    overflow = rule(
        "overflow", "ratio-bound", "[population] * 1e300 * 1e300", maximum="1", unit="person"
    )
    pop = claim("pop", "population", "2,5 triệu", value="2500000", period="2024-01-01")
    root = build(tmp_path / "p", [pop], [overflow])

    result = check_package(root, ["arithmetic"])

    (found,) = [f for f in result.findings if f.key == "overflow"]
    assert found.evidence["value"]["lo"] == float("inf")  # the finding keeps the number
    document = strict_loads(json_report.render(result))
    (written,) = [f for f in document["findings"] if f["key"] == "overflow"]
    assert written["evidence"]["value"]["lo"] is None
    strict_loads(sarif.render(result))


def test_non_finite_numbers_become_null_at_any_depth() -> None:
    text = dumps({"a": [float("nan"), {"b": float("-inf")}], "c": (1.5,)})
    assert strict_loads(text) == {"a": [None, {"b": None}], "c": [1.5]}
