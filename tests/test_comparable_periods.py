""" "Comparable period" has one home, and its column form equals its reference form.

:meth:`checks.ledger.periods.Period.comparable` says when two claims' periods can be
compared; :func:`checks.ledger.periods.comparable_pairs` says it for columns of many
claims at once (the bulk rule pre-check uses it), and the conflicts check's column-wise
pairs follow the same rule. Hypothesis draws periods, groups and kinds and compares each
fast form with the reference applied to every pair.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.compare.conflicting import conflicting_pairs
from checks.ledger.ledger import ledger
from checks.ledger.pairs import count_overlap
from checks.ledger.periods import Period, comparable_pairs
from checks.model.package import load_package
from tests.claim_packages import build, claim

EPOCH = dt.date(1970, 1, 1)
DAY0 = (dt.date(2023, 1, 1) - EPOCH).days

rows_of = st.lists(
    st.tuples(
        st.integers(0, 2),  # group
        st.integers(0, 40),  # first day
        st.integers(0, 40),  # length in days (0: an instant)
        st.booleans(),  # a flow
    ),
    max_size=14,
)


def _period(start: int, length: int) -> Period:
    first = dt.date(2023, 1, 1) + dt.timedelta(days=start)
    return Period(first, first + dt.timedelta(days=length))


def _columns(rows: list[tuple[int, int, int, bool]]) -> tuple[np.ndarray, ...]:
    group = np.array([r[0] for r in rows], dtype=np.int64)
    start = np.array([DAY0 + r[1] for r in rows], dtype=np.int64)
    end = start + np.array([r[2] for r in rows], dtype=np.int64)
    flow = np.array([r[3] for r in rows], dtype=bool)
    return group, start, end, flow


@settings(max_examples=300, deadline=None)
@given(left=rows_of, right=rows_of)
def test_column_form_equals_period_comparable_on_every_pair(
    left: list[tuple[int, int, int, bool]], right: list[tuple[int, int, int, bool]]
) -> None:
    a_group, a_start, a_end, _ = _columns(left)
    c_group, c_start, c_end, c_flow = _columns(right)
    i, j = comparable_pairs((a_group, c_group), (a_start, c_start), (a_end, c_end), c_flow)
    fast = set(zip(i.tolist(), j.tolist(), strict=True))
    reference = {
        (x, y)
        for x, a in enumerate(left)
        for y, c in enumerate(right)
        if a[0] == c[0]
        and _period(a[1], a[2]).comparable(_period(c[1], c[2]), "flow" if c[3] else "stock")
    }
    assert fast == reference
    assert len(fast) == len(i)  # each pair once


PERIODS = ["2023", "2023-06-30", "2023-01-01..2023-06-30", "2024", "2023-12-31"]
NUMBERS = ["10", "11", "12", "50", "100"]


@st.composite
def ledgers(draw: st.DrawFn) -> list[dict[str, str]]:
    rows = []
    for n in range(draw(st.integers(2, 9))):
        indicator = draw(st.sampled_from(["population", "online-fraud-reports"]))
        written = draw(st.sampled_from(NUMBERS))
        rows.append(
            claim(
                f"c{n}",
                indicator,
                written,
                value=written,
                period=draw(st.sampled_from(PERIODS)),
                subject=draw(st.sampled_from(["VNM", "THA"])),
            )
        )
    return rows


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=ledgers())
def test_conflicting_pairs_are_the_comparable_pairs_whose_intervals_cannot_meet(
    rows: list[dict[str, str]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        table = ledger(load_package(build(Path(folder) / "p", rows, []))).claims
        found = {
            frozenset((table.claim(p.left).claim_id, table.claim(p.right).claim_id))
            for p in conflicting_pairs(table)
        }
        claims = [table.claim(n) for n in range(len(table))]
    reference = set()
    for n, a in enumerate(claims):
        for b in claims[n + 1 :]:
            assert a.canonical is not None and b.canonical is not None
            same = (a.subject, a.indicator_id) == (b.subject, b.indicator_id)
            if (
                same
                and a.period.comparable(b.period, b.kind)
                and not a.canonical.overlaps(b.canonical)
            ):
                reference.add(frozenset((a.claim_id, b.claim_id)))
    assert found == reference


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 3), st.integers(-5, 5), st.integers(0, 4)), max_size=30),
    st.lists(st.tuples(st.integers(0, 3), st.integers(-5, 5), st.integers(0, 4)), max_size=12),
)
def test_count_overlap_counts_the_closed_overlaps_of_each_group(
    references: list[tuple[int, int, int]], queries: list[tuple[int, int, int]]
) -> None:
    groups = np.array([g for g, _, _ in references], dtype=np.int64)
    lo = np.array([float(a) for _, a, _ in references])
    hi = lo + np.array([float(w) for _, _, w in references])
    qg = np.array([g for g, _, _ in queries], dtype=np.int64)
    qlo = np.array([float(a) for _, a, _ in queries])
    qhi = qlo + np.array([float(w) for _, _, w in queries])
    expected = [
        sum(1 for g, a, b in zip(groups, lo, hi, strict=True) if g == q and a <= y and x <= b)
        for q, x, y in zip(qg, qlo, qhi, strict=True)
    ]
    assert count_overlap(qg, qlo, qhi, groups, lo, hi).tolist() == expected
