"""The printed numbers of the claims, parsed once per package.

``citation`` checks that each ``as_written`` parses and contains the claim's value; the
claims-as-intervals table (:mod:`checks.rules.claims`) turns the same strings into
intervals. Both read ``as_written`` in the language of the claim's source (``vi`` when the
source is not in sources.csv), so the parse is done once, for every row of claims.csv, and
each takes the rows it needs. An ``as_written`` whose digits read differently in the two
conventions (``1,500``) is read in the language of its quote when the quote's words settle
it (an English sentence quoted from a Vietnamese article), as ``scan`` reads it.
"""

from __future__ import annotations

import pandas as pd

from checks.model.lookup import lookup
from checks.model.package import Package
from checks.model.typed import typed_table
from checks.numbers.batch import parse_numbers
from checks.numbers.language import AMBIGUOUS_DIGITS, sentence_language


def claim_languages(pkg: Package) -> pd.Series:
    """The language of each claim's source (row-aligned with claims.csv, index 0..n-1;
    ``vi`` if the source is unknown), computed once."""
    return pkg.shared("claim_languages", lambda: _languages(pkg))


def _languages(pkg: Package) -> pd.Series:
    claims = typed_table(pkg, "claims")
    sources = pkg.table("sources")
    source_id = claims["source_id"].astype(str).reset_index(drop=True)
    if sources.empty or not {"source_id", "language"} <= set(sources.columns):
        return pd.Series(["vi"] * len(source_id), dtype="str")
    per_source = sources.drop_duplicates("source_id").set_index("source_id")[["language"]]
    language = lookup(source_id, per_source.astype(str))["language"].fillna("vi").astype("str")
    return _quote_languages(claims, language.reset_index(drop=True))


def _quote_languages(claims: pd.DataFrame, language: pd.Series) -> pd.Series:
    """The source's language, or the quote's own where the digits are ambiguous and the
    quote's words tell its language."""
    if not {"as_written", "quote"} <= set(claims.columns) or language.empty:
        return language
    written = claims["as_written"].astype(str).reset_index(drop=True)
    ambiguous = written.str.contains(AMBIGUOUS_DIGITS, regex=True).to_numpy(bool)
    if not ambiguous.any():
        return language
    quotes = claims["quote"].astype(str).reset_index(drop=True)
    out = language.copy()
    for row in ambiguous.nonzero()[0].tolist():
        settled = sentence_language(str(quotes.iloc[row]))
        if settled is not None:
            out.iloc[row] = settled
    return out


def written_numbers(pkg: Package) -> pd.DataFrame:
    """:func:`~checks.numbers.batch.parse_numbers` of every claim's ``as_written``, in its
    source's language; one row per row of claims.csv (index 0..n-1), computed once."""
    return pkg.shared("written_numbers", lambda: _parsed(pkg))


def _parsed(pkg: Package) -> pd.DataFrame:
    claims = typed_table(pkg, "claims")
    written = (
        claims["as_written"].astype(str)
        if "as_written" in claims.columns
        else pd.Series([""] * len(claims), dtype="str")
    )
    return parse_numbers(written.reset_index(drop=True), claim_languages(pkg))
