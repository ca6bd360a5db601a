"""Properties of the consistency findings, over random small packages.

- Adding a claim never removes a conflict finding about the other claims: conflicts are
  decided pair by pair, never by which claims happen to be present.
- Reordering the rows of the claims and rules tables never changes the set of
  fingerprints: findings are keyed by rule ids and claim ids, not by row positions.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.claim_packages import build, claim, findings, rule

CHECKS = ("arithmetic", "conflicts", "temporal", "provenance")
PERIODS = {
    "online-fraud-reports": ["2023", "2023-01-01..2023-06-30", "2024", "2023-03-01..2023-03-31"],
    "online-fraud-losses": ["2023", "2024"],
    "population": ["2024", "2024-01-01", "2024-04-01"],
    "internet-users": ["2024-01-01"],
    "internet-penetration": ["2024-01-01"],
    "adoption": ["2024-12-24", "2024", "2023-05-05"],
    "signing": ["2025-10-25", "2024-01-01"],
}
QUALIFIERS = ["exact", "nearly", "more_than", "approx", "forecast"]
RULES = [
    rule("identity", "identity", "[population] = [internet-users] / [internet-penetration]"),
    rule("per-report", "ratio-bound", "[online-fraud-losses] / [online-fraud-reports]",
         maximum="50", unit="VND/report"),
    rule("order", "order", "[adoption] < [signing]"),
]  # fmt: skip


@st.composite
def claims(
    draw: st.DrawFn, prefix: str = "c", count: tuple[int, int] = (1, 8)
) -> list[dict[str, str]]:
    rows = []
    for index in range(draw(st.integers(*count))):
        indicator = draw(st.sampled_from(sorted(PERIODS)))
        fields = {
            "period": draw(st.sampled_from(PERIODS[indicator])),
            "subject": draw(st.sampled_from(["VNM", "THA"])),
            "source_id": draw(st.sampled_from(["news", "office"])),
        }
        if indicator in ("adoption", "signing"):
            rows.append(claim(f"{prefix}{index}", indicator, **fields))
            continue
        number = draw(st.sampled_from([10, 11, 50, 100, 120, 500]))
        qualifier = draw(st.sampled_from(QUALIFIERS))
        rows.append(
            claim(f"{prefix}{index}", indicator, str(number), value=str(number),
                  qualifier=qualifier, **fields)
        )  # fmt: skip
    return rows


SOURCES = {"office": {"kind": "statistical"}}
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fingerprints(root: Path, *checks: str) -> set[str]:
    return {f.fingerprint for f in findings(root, *checks)}


@SETTINGS
@given(base=claims(), extra=claims(prefix="new", count=(1, 1)))
def test_adding_a_claim_never_removes_a_conflict_finding(
    base: list[dict[str, str]], extra: list[dict[str, str]]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        before = findings(build(Path(folder) / "a", base, RULES, SOURCES), "conflicts")
        after = fingerprints(build(Path(folder) / "b", base + extra, RULES, SOURCES), "conflicts")
    assert {f.fingerprint for f in before} <= after


@SETTINGS
@given(rows=claims(), data=st.data())
def test_reordering_rows_never_changes_the_fingerprints(
    rows: list[dict[str, str]], data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(rows))
    rules = data.draw(st.permutations(RULES))
    with tempfile.TemporaryDirectory() as folder:
        first = fingerprints(build(Path(folder) / "a", rows, RULES, SOURCES), *CHECKS)
        second = fingerprints(build(Path(folder) / "b", shuffled, rules, SOURCES), *CHECKS)
    assert first == second
