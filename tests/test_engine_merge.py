"""Merging the findings of partitions: one per fingerprint, a rule's first rule-error,
sorted as the local engine sorts."""

from __future__ import annotations

import pandas as pd
import pytest

from checks.engine import EngineOptions
from checks.engine.dask_check import merge
from checks.engine.partition import buckets, guest_ids, plan_of
from checks.model.errors import InputError
from checks.model.finding import Finding, Severity, sort_key


def _finding(code: str, claims: tuple[str, ...], key: str = "", line: int = 1) -> Finding:
    return Finding("arithmetic", code, Severity.WARNING, claims, "m", {}, "rules.csv", line, key)


def test_the_same_finding_from_two_partitions_is_reported_once() -> None:
    a = _finding("identity", ("c1", "c2"), "r1")
    merged = merge([(a, 5), (a, 9), (_finding("identity", ("c3",), "r1"), 2)])
    assert sorted(f.claim_ids for f in merged) == [("c1", "c2"), ("c3",)]
    assert merged == sorted(merged, key=sort_key)


def test_of_a_rule_s_rule_errors_the_one_whose_first_claim_comes_first_is_kept() -> None:
    late = _finding("rule-error", ("c9",), "growth-rule")
    early = _finding("rule-error", ("c4",), "growth-rule")
    other_rule = _finding("rule-error", ("c9",), "other-rule")
    merged = merge([(late, 90), (early, 4), (other_rule, 90)])
    assert {(f.key, f.claim_ids) for f in merged} == {
        ("growth-rule", ("c4",)),
        ("other-rule", ("c9",)),
    }


def test_buckets_are_stable_and_in_range() -> None:
    values = pd.Series(["VNM", "WLD", "USA", "VNM", ""])
    first, again = buckets(values, 7), buckets(values.copy(), 7)
    assert first.tolist() == again.tolist()
    assert first[0] == first[3] and all(0 <= b < 7 for b in first)


def test_claims_named_by_rules_are_found_and_every_built_in_check_has_a_plan() -> None:
    rules = pd.DataFrame(
        {"expression": ["[a] = years([claim:x-1], [claim: y2 ])", "[b] = [c] / [d]"]}
    )
    assert guest_ids(rules) == ["x-1", "y2"]
    assert {plan_of(c) for c in ("schema", "citation", "coverage", "conflicts")} == {
        "rows",
        "sources",
        "groups",
    }
    assert plan_of("a-plug-in") is None


def test_the_dask_engine_without_the_extra_is_an_input_error_naming_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import checks.engine.cluster as cluster

    def missing(name: str) -> None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr(cluster.importlib, "import_module", missing)
    with pytest.raises(InputError) as caught:
        cluster.require_dask()
    assert "pip install 'claimledger[dask]'" in str(caught.value)


def test_an_unknown_engine_is_an_input_error() -> None:
    with pytest.raises(InputError) as caught:
        EngineOptions("spark")
    assert caught.value.column == "--engine"
