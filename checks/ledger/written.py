"""The printed numbers of the claims, parsed once per package.

``citation`` checks that each ``as_written`` parses and contains the claim's value; the
claims-as-intervals table (:mod:`checks.ledger.claims`) turns the same strings into
intervals. Both read ``as_written`` in the language of the claim's source (``vi`` when the
source is not in sources.csv), so the parse is done once, for every row of claims.csv, and
each takes the rows it needs. An ``as_written`` whose digits read differently in the two
conventions (``1,500``) is read in the language of its quote when the quote's words settle
it (an English sentence quoted from a Vietnamese article), as ``scan`` reads it.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import pyarrow as pa

from checks.model.lookup import lookup
from checks.model.package import Package
from checks.numbers.batch import parse_numbers
from checks.numbers.language import ambiguous_digits, sentence_languages

if TYPE_CHECKING:
    from checks.ledger.ledger import Ledger


def read_written(book: Ledger) -> tuple[pd.Series, pd.DataFrame]:
    """The language each claim's ``as_written`` is read in, and its reading
    (:func:`~checks.numbers.batch.parse_numbers`), one row per row of claims.csv; the
    column ``quote_language`` holds what the quote's words say (``vi``, ``en``, or empty
    when they do not tell) for every row whose digits are ambiguous or did not read, and
    ``ambiguous`` whether the digits read differently in the two conventions.

    Read each as_written in its source's language; then, where the digits read
    differently in the two conventions (``1,500``) or the reading failed (an English hedge
    in a Vietnamese source), in its quote's language when the quote's words settle it."""
    claims = book.typed("claims")
    language = _source_languages(book.package, claims)
    written = (
        claims["as_written"].astype(str).reset_index(drop=True)
        if "as_written" in claims.columns
        else pd.Series([""] * len(claims), dtype="str")
    )
    filled = (written != "").to_numpy(bool)
    two_ways = ambiguous_digits(written.array) & filled
    if "quote" not in claims.columns or written.empty:
        frame = parse_numbers(written, language)
        frame["quote_language"] = ""
        frame["ambiguous"] = two_ways
        return language, frame
    ambiguous = np.flatnonzero(two_ways)
    quotes = pa.array(claims["quote"].astype(str).array)
    if isinstance(quotes, pa.ChunkedArray):
        quotes = quotes.combine_chunks()
    # The quotes' languages and the parse do not depend on each other: on a large ledger
    # they run at once (Arrow and numpy release the GIL for most of both).
    with ThreadPoolExecutor(max_workers=1) as pool:
        told = pool.submit(_languages, quotes, ambiguous)
        frame = parse_numbers(written, language)
        failed = np.flatnonzero((frame["error"] != "").to_numpy(bool) & filled)
        settled = told.result()
    unread = np.setdiff1d(failed, ambiguous)  # not ambiguous, but did not read
    rows = np.concatenate([ambiguous, unread])
    settled = settled + _languages(quotes, unread)
    frame["quote_language"] = ""
    frame["ambiguous"] = two_ways
    if len(rows) == 0:
        return language, frame
    order = np.argsort(rows, kind="stable")
    rows, settled = rows[order], [settled[i] for i in order.tolist()]
    frame.iloc[rows, frame.columns.get_loc("quote_language")] = [lang or "" for lang in settled]
    languages = language.to_numpy(dtype=object)[rows]
    moved = [
        (row, lang)
        for row, lang, own in zip(rows.tolist(), settled, languages.tolist(), strict=True)
        if lang is not None and lang != own
    ]
    if not moved:
        return language, frame
    where = [row for row, _ in moved]
    again = parse_numbers(
        written.iloc[where].reset_index(drop=True), pd.Series([lang for _, lang in moved])
    )
    ok = (again["error"] == "").to_numpy(bool)
    keep = [row for row, good in zip(where, ok, strict=True) if good]
    if keep:
        language = language.copy()
        language.iloc[keep] = [lang for (_, lang), good in zip(moved, ok, strict=True) if good]
        frame = frame.copy()
        for column in again.columns:
            frame.loc[keep, column] = again.loc[ok, column].to_numpy()
    return language, frame


def _languages(quotes: pa.Array, rows: np.ndarray) -> list[str | None]:
    """What the words of the quotes at ``rows`` say (:func:`sentence_languages`)."""
    return sentence_languages(quotes.take(pa.array(rows))) if len(rows) else []


def _source_languages(pkg: Package, claims: pd.DataFrame) -> pd.Series:
    sources = pkg.table("sources")
    source_id = claims["source_id"].astype(str).reset_index(drop=True)
    if sources.empty or not {"source_id", "language"} <= set(sources.columns):
        return pd.Series(["vi"] * len(source_id), dtype="str")
    per_source = sources.drop_duplicates("source_id").set_index("source_id")[["language"]]
    language = lookup(source_id, per_source.astype(str))["language"].fillna("vi").astype("str")
    return language.reset_index(drop=True)


_CHUNK_ROWS = 100_000  # rows turned into Python strings at a time: tens of MB, not hundreds


def quote_positions(quotes: pd.Series, written: pd.Series) -> np.ndarray:
    """``quote.find(as_written)`` for every row (-1 when absent), a chunk of rows at a time."""
    out = np.empty(len(quotes), dtype=np.int64)
    for first in range(0, len(quotes), _CHUNK_ROWS):
        part = slice(first, first + _CHUNK_ROWS)
        out[part] = positions_in(quotes.iloc[part].tolist(), written.iloc[part].tolist())
    return out


def positions_in(quotes: list[str], written: list[str]) -> np.ndarray:
    """``quote.find(as_written)`` of each pair of strings (-1 when absent): the quote
    positions of :func:`quote_positions`, for rows already made strings."""
    return np.fromiter(map(str.find, quotes, written), dtype=np.int64, count=len(quotes))
