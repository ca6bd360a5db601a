"""Quotes of one statement get one code: the chunked normalisation equals the reading of
the rule written out quote by quote (lowered, each run of white space one space)."""

from __future__ import annotations

import re
from unittest import mock

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.ledger import statements
from checks.ledger.claims import ClaimTable
from checks.ledger.statements import find_statements, normalise_quotes

QUOTE = st.text(alphabet="aAđĐếẾ19 \t\n\r\x0b\x1f\x85\x00\u00a0\u2009\u2028", max_size=8)


def _reference(quote: str) -> str:
    """Each character lowered to one character (Arrow's lowering: İ is i), then each run
    of white space one space."""
    return re.sub(r"\s+", " ", "".join(ch.lower()[:1] for ch in quote))


@settings(max_examples=200, deadline=None)
@given(
    quotes=st.lists(QUOTE, min_size=1, max_size=12),
    picks=st.lists(st.integers(min_value=0, max_value=11), max_size=12),
    chunk=st.integers(min_value=1, max_value=5),
)
def test_equal_codes_exactly_for_quotes_equal_after_lowering_and_respacing(
    quotes: list[str], picks: list[int], chunk: int
) -> None:
    rows = np.array([p % len(quotes) for p in picks], dtype=np.int64)
    with mock.patch.object(statements, "_CHUNK_ROWS", chunk):
        codes = normalise_quotes(pd.Series(quotes, dtype="str"), rows)
    assert len(codes) == len(rows)
    texts = [_reference(quotes[r]) for r in rows]
    for i in range(len(rows)):
        for j in range(len(rows)):
            assert (codes[i] == codes[j]) == (texts[i] == texts[j]), (texts[i], texts[j])


def test_every_quote_is_coded_when_no_rows_are_given() -> None:
    codes = normalise_quotes(pd.Series(["Một  Hai", "một hai", "ba"], dtype="str"))
    assert codes[0] == codes[1] != codes[2]


CLAIM = st.tuples(
    st.sampled_from(["1.500", "2"]),  # as_written
    st.sampled_from(["x", "y"]),  # indicator
    st.sampled_from(["VN", "JP"]),  # subject
    st.sampled_from(["Một  tỷ", "một tỷ", "MỘT\u00a0TỶ", "hai tỷ", " một tỷ", "İi", "ii"]),
)


@settings(max_examples=200, deadline=None)
@given(claims=st.lists(CLAIM, min_size=2, max_size=14), chunk=st.integers(1, 4))
def test_copies_are_the_claims_sharing_number_indicator_subject_and_quote_text(
    claims: list[tuple[str, str, str, str]], chunk: int
) -> None:
    frame = pd.DataFrame(
        {
            "claim_id": [f"c{i}" for i in range(len(claims))],
            "as_written": [c[0] for c in claims],
            "indicator_id": [c[1] for c in claims],
            "subject": [c[2] for c in claims],
            "row": range(len(claims)),
        }
    )
    quotes = pd.Series([c[3] for c in claims], dtype="str")
    with mock.patch.object(statements, "_CHUNK_ROWS", chunk):
        found = find_statements(ClaimTable(frame, pd.DataFrame(), quotes))
    key = [(c[0], c[1], c[2], _reference(c[3])) for c in claims]
    for i in range(len(claims)):
        expected = tuple(f"c{j}" for j in range(len(claims)) if key[j] == key[i])
        assert found.of(f"c{i}") == expected


def test_white_space_is_what_python_calls_space_for_every_code_point() -> None:
    characters = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    column = pa.array(characters, type=pa.string())
    matched = pc.match_substring_regex(column, f"^[{statements._WHITE}]$").to_pylist()
    assert [c for c, m in zip(characters, matched, strict=True) if m] == [
        c for c in characters if c.isspace()
    ]
