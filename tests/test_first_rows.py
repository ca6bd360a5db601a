"""Finding a claim's row by id gives the first row that holds it, as a dictionary would."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st

from checks.model.first_rows import FirstRows

IDS = st.text(alphabet="aAbé\u1ebf\U0001f600-0", max_size=4)


@given(st.lists(IDS, max_size=30), st.lists(IDS, max_size=10))
def test_first_rows_finds_the_first_row_of_every_id_and_nothing_else(
    column: list[str], asked: list[str]
) -> None:
    expected: dict[str, int] = {}
    for row, value in enumerate(column):
        expected.setdefault(value, row)
    rows = FirstRows(pd.Series(column, dtype="str"))
    for value in column + asked:
        assert rows.get(value) == expected.get(value)


def test_first_rows_skips_missing_cells() -> None:
    rows = FirstRows(pd.Series(["a", None, "b"], dtype="str"))
    assert (rows.get("a"), rows.get("b"), rows.get("")) == (0, 2, None)
