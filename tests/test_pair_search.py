"""The pair searches of :mod:`checks.ledger.pairs` against the pairs written out one by one.

The conflicts, families and corroboration checks enumerate pairs of claims with sorts and
binary searches; their findings come out in the order of those pairs. Each search here is
compared with a loop over all pairs, order included.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.ledger.pairs import (
    disjoint_pairs,
    stable_order,
    window_pair_blocks,
    window_pairs,
)

_GROUPS = st.lists(st.integers(0, 4), min_size=0, max_size=40)
_BOUNDS = st.floats(-5, 5, allow_nan=False).map(lambda x: round(x, 1))


@st.composite
def _intervals(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    groups = draw(_GROUPS)
    lows = draw(st.lists(_BOUNDS, min_size=len(groups), max_size=len(groups)))
    widths = draw(st.lists(st.sampled_from([0.0, 0.1, 1.0, 2.5]), min_size=len(groups),
                           max_size=len(groups)))  # fmt: skip
    lo = np.array(lows, dtype=float)
    return np.array(groups, dtype=np.int64), lo, lo + np.array(widths, dtype=float)


@given(_intervals(), st.integers(-3, 3), st.booleans())
@settings(max_examples=300, deadline=None)
def test_disjoint_pairs_are_every_pair_of_a_group_wholly_below_the_other(
    drawn: tuple[np.ndarray, np.ndarray, np.ndarray], shift: int, sparse: bool
) -> None:
    groups, lo, hi = drawn
    # group codes as the checks make them (small, dense) or shifted and far apart
    groups = groups * (10_000 if sparse else 1) + shift
    i, j = disjoint_pairs(groups, lo, hi)
    found = sorted(zip(i.tolist(), j.tolist(), strict=True))
    expected = sorted(
        (a, b)
        for a in range(len(lo))
        for b in range(len(lo))
        if groups[a] == groups[b] and hi[a] < lo[b]
    )
    assert found == expected
    # each row's partners come in the order of their low ends, ties in row order
    for a in set(i.tolist()):
        partners = j[i == a].tolist()
        assert partners == sorted(partners, key=lambda b: (lo[b], b))


@given(st.lists(st.integers(-(2**62), 2**62), max_size=30), st.booleans())
def test_stable_order_is_numpys_stable_argsort(keys: list[int], narrow: bool) -> None:
    values = np.array([k % 7 for k in keys] if narrow else keys, dtype=np.int64)
    assert stable_order(values).tolist() == np.argsort(values, kind="stable").tolist()


def test_stable_order_of_a_large_column_is_numpys_stable_argsort() -> None:
    values = np.random.default_rng(3).integers(0, 50, 5_000).astype(np.int64)
    assert stable_order(values).tolist() == np.argsort(values, kind="stable").tolist()


@given(
    st.lists(st.tuples(st.integers(0, 2), st.integers(0, 20)), max_size=30),
    st.integers(0, 6),
    st.integers(1, 5),
)
@settings(max_examples=200, deadline=None)
def test_window_pairs_are_every_key_of_the_group_inside_the_window(
    rows: list[tuple[int, int]], width: int, block: int
) -> None:
    groups = np.array([g for g, _ in rows], dtype=np.int64)
    key = np.array([k for _, k in rows], dtype=np.int64)
    q, j = window_pairs(groups, key - width, key, groups, key)
    expected = [
        (a, b)
        for a in range(len(rows))
        for b in sorted(range(len(rows)), key=lambda b: (key[b], b))
        if groups[a] == groups[b] and key[a] - width <= key[b] <= key[a]
    ]
    assert list(zip(q.tolist(), j.tolist(), strict=True)) == expected
    blocks = list(window_pair_blocks(groups, key - width, key, groups, key, max_pairs=block))
    joined = [
        pair for left, right in blocks for pair in zip(left.tolist(), right.tolist(), strict=True)
    ]
    assert joined == expected
