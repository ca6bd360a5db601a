"""Pairs that conflicts drops before grading are exactly those grade() calls agreeing."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.compare.conflicting import _agreeing
from checks.ledger.grading import grade
from checks.numbers.interval import Interval

BOUND = st.one_of(
    st.sampled_from([0.0, 1.0, 9.5, 10.0, 10.5, 100.0, -5.0, float("inf"), float("-inf")]),
    st.floats(-1e6, 1e6, allow_nan=False),
)
FIGURE = st.tuples(BOUND, BOUND, BOUND, BOUND, st.booleans())  # hedged lo/hi, printed lo/hi


def _ordered(x: float, y: float) -> tuple[float, float]:
    return (x, y) if not x > y else (y, x)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(FIGURE, FIGURE), min_size=1, max_size=20), st.sampled_from([0.0, 0.1]))
def test_the_pairs_dropped_on_the_columns_are_those_grade_calls_agreeing(
    pairs: list[tuple[tuple[float, float, float, float, bool], ...]], share: float
) -> None:
    figures = [f for pair in pairs for f in pair]
    hedged = [_ordered(f[0], f[1]) for f in figures]
    printed = [_ordered(f[2], f[3]) for f in figures]
    lo, hi = (np.array([h[k] for h in hedged]) for k in (0, 1))
    plo, phi = (np.array([p[k] for p in printed]) for k in (0, 1))
    bare = np.array([not f[4] for f in figures])
    a = np.arange(0, len(figures), 2, dtype=np.int64)
    b = a + 1
    dropped = _agreeing(a, b, (lo, hi), (plo, phi), np.where(bare, 0.0, share))
    for n, (x, y) in enumerate(zip(a.tolist(), b.tolist(), strict=True)):
        verdict = grade(
            (Interval(*hedged[x]), Interval(*hedged[y])),
            (Interval(*printed[x]), Interval(*printed[y])),
            edge_share=share,
            any_hedged=not (bare[x] and bare[y]),
        )
        if dropped[n]:  # never drops a pair grade would report
            assert verdict.severity is None
        elif all(np.isfinite([*hedged[x], *hedged[y], *printed[x], *printed[y]])):
            assert verdict.severity is not None  # and keeps only what it reports
