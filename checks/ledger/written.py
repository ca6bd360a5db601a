"""The printed numbers of the claims, parsed once per package.

``citation`` checks that each ``as_written`` parses and contains the claim's value; the
claims-as-intervals table (:mod:`checks.ledger.claims`) turns the same strings into
intervals. Both read ``as_written`` in the language of the claim's source (``vi`` when the
source is not in sources.csv), so the parse is done once, for every row of claims.csv, and
each takes the rows it needs.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from checks.model.lookup import lookup
from checks.numbers.batch import parse_numbers

if TYPE_CHECKING:
    from checks.ledger.ledger import Ledger


def claim_languages(book: Ledger) -> pd.Series:
    """The language of each claim's source (row-aligned with claims.csv, index 0..n-1;
    ``vi`` if the source is unknown)."""
    claims = book.typed("claims")
    sources = book.package.table("sources")
    source_id = claims["source_id"].astype(str).reset_index(drop=True)
    if sources.empty or not {"source_id", "language"} <= set(sources.columns):
        return pd.Series(["vi"] * len(source_id), dtype="str")
    per_source = sources.drop_duplicates("source_id").set_index("source_id")[["language"]]
    return lookup(source_id, per_source.astype(str))["language"].fillna("vi").astype("str")


def parse_written(book: Ledger) -> pd.DataFrame:
    """:func:`~checks.numbers.batch.parse_numbers` of every claim's ``as_written``, in its
    source's language; one row per row of claims.csv (index 0..n-1)."""
    claims = book.typed("claims")
    written = (
        claims["as_written"].astype(str)
        if "as_written" in claims.columns
        else pd.Series([""] * len(claims), dtype="str")
    )
    return parse_numbers(written.reset_index(drop=True), book.languages)
