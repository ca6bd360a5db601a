"""The two-window search of same-family pairs finds exactly the pairs of the rule, in the
rule's order (earlier claim, then the later one's start), on generated ledgers."""

from __future__ import annotations

import pandas as pd
from hypothesis import example, given, settings
from hypothesis import strategies as st

from checks.compare.family import comparable_counts
from checks.ledger.claims import ClaimTable

CLAIM = st.tuples(
    st.sampled_from(["A", "B"]),  # subject
    st.sampled_from(["attacks", "incidents", "losses"]),  # indicator
    st.integers(0, 60),  # start day
    st.sampled_from([1, 7, 30, 31, 90, 365]),  # length in days
    st.sampled_from(["attack", "USD"]),  # unit: a count or money
)
FAMILY = {"attacks": "cyber", "incidents": "cyber", "losses": "cyber"}


def _table(claims: list[tuple[str, str, int, int, str]]) -> ClaimTable:
    frame = pd.DataFrame(
        {
            "subject": [c[0] for c in claims],
            "indicator_id": [c[1] for c in claims],
            "family": [FAMILY[c[1]] for c in claims],
            "start_day": [c[2] for c in claims],
            "end_day": [c[2] + c[3] - 1 for c in claims],
            "unit": [c[4] for c in claims],
            "kind": ["flow"] * len(claims),
            "lo": [1.0] * len(claims),
        }
    )
    return ClaimTable(frame, pd.DataFrame())


def _reference(claims: list[tuple[str, str, int, int, str]]) -> list[tuple[int, int]]:
    """Every pair by the rule, one claim against every other (the order of the search)."""
    start = [c[2] for c in claims]
    end = [c[2] + c[3] - 1 for c in claims]
    days = [c[3] for c in claims]
    found = []
    for a in range(len(claims)):
        later_ones = sorted(
            (b for b in range(len(claims)) if claims[b][0] == claims[a][0]),
            key=lambda b: (start[b], b),
        )
        for b in later_ones:
            gap = start[b] - end[a] - 1
            later = start[b] > start[a] or (start[b] == start[a] and b > a)
            near = gap <= max(days[a], days[b])
            overlapping = start[b] <= end[a]
            nested = (start[a] <= start[b] and end[b] <= end[a]) or (
                start[b] <= start[a] and end[a] <= end[b]
            )
            different = claims[a][1] != claims[b][1]
            same_kind = (claims[a][4] == "USD") == (claims[b][4] == "USD")
            if later and near and (different or (overlapping and not nested)) and same_kind:
                found.append((a, b))
    return found


@settings(max_examples=200, deadline=None)
@given(st.lists(CLAIM, min_size=1, max_size=25))
@example([("A", "attacks", 0, 7, "attack"), ("A", "incidents", 14, 7, "attack")])  # gap = 7
@example([("A", "attacks", 0, 7, "attack"), ("A", "incidents", 15, 7, "attack")])  # gap = 8
@example([("A", "attacks", 0, 7, "attack"), ("A", "incidents", 13, 7, "attack")])  # gap = 6
def test_same_family_pairs_are_those_of_the_rule_in_its_order(
    claims: list[tuple[str, str, int, int, str]],
) -> None:
    assert list(comparable_counts(_table(claims))) == _reference(claims)
