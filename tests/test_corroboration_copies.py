"""The column form of "a later copy is no independent confirmation" decides as the
claim-by-claim reading of the rule does, on generated ledgers."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.compare.corroboration import backed_by_non_news
from checks.ledger.claims import ClaimTable
from checks.ledger.statements import Statements

ROW = st.tuples(
    st.booleans(),  # news?
    st.sampled_from([1.0, 2.0, 3.0, None]),  # low end (None: no number)
    st.sampled_from(["A", "B"]),  # subject
    st.sampled_from([0, 1]),  # period
    st.sampled_from(["2024-01-01", "2024-02-01", "2024-03-01", None]),  # published
    st.sampled_from([-1, 0, 1, 2]),  # statement (-1: printed once)
)


def _table(rows: list[tuple[bool, float | None, str, int, str | None, int]]) -> ClaimTable:
    frame = pd.DataFrame(
        {
            "claim_id": [f"c{i}" for i in range(len(rows))],
            "source_kind": ["news" if r[0] else "official" for r in rows],
            "clo": [r[1] for r in rows],
            "chi": [None if r[1] is None else r[1] + 0.5 for r in rows],
            "subject": [r[2] for r in rows],
            "indicator_id": ["x"] * len(rows),
            "start_day": [r[3] * 100 for r in rows],
            "end_day": [r[3] * 100 + 99 for r in rows],
            "published": pd.to_datetime([r[4] for r in rows]),
        }
    )
    return ClaimTable(frame, pd.DataFrame())


def _statements(
    rows: list[tuple[bool, float | None, str, int, str | None, int]], positional: bool
) -> Statements:
    """The copies by claim id, and (``positional``) by row as find_statements gives them."""
    groups: dict[int, list[str]] = {}
    for i, r in enumerate(rows):
        if r[5] >= 0:
            groups.setdefault(r[5], []).append(f"c{i}")
    repeated = [tuple(g) for g in groups.values() if len(g) > 1]
    at = np.full(len(rows), -1, dtype=np.int64)
    for number, group in enumerate(repeated):
        at[[int(c[1:]) for c in group]] = number
    return Statements(repeated, at if positional else None)


def _reference(table: ClaimTable, statements: Statements) -> dict[int, bool]:
    """The rule read claim by claim: backed by an overlapping non-news claim of its
    subject, indicator and period that is not a copy of its statement published later."""
    frame = table.frame
    out: dict[int, bool] = {}
    for i in range(len(frame)):
        if frame["source_kind"][i] != "news" or pd.isna(frame["clo"][i]):
            continue
        copies = set(statements.of(frame["claim_id"][i])) - {frame["claim_id"][i]}
        backed = False
        for j in range(len(frame)):
            same = all(frame[k][i] == frame[k][j] for k in ("subject", "start_day", "end_day"))
            if j == i or frame["source_kind"][j] == "news" or pd.isna(frame["clo"][j]):
                continue
            overlaps = frame["clo"][j] <= frame["chi"][i] and frame["clo"][i] <= frame["chi"][j]
            later = frame["published"][j] > frame["published"][i]  # NaT: never later
            if same and overlaps and not (frame["claim_id"][j] in copies and later):
                backed = True
        out[i] = backed
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(ROW, min_size=1, max_size=14), st.booleans())
def test_later_copies_are_discounted_on_the_columns_as_claim_by_claim(
    rows: list[tuple[bool, float | None, str, int, str | None, int]], positional: bool
) -> None:
    table = _table(rows)
    statements = _statements(rows, positional)
    found = backed_by_non_news(table, statements)
    assert {int(k): bool(v) for k, v in found.items()} == _reference(table, statements)
