"""A package's claims grouped by source, built with column operations.

The coverage check needs, per source, where each claim's quote and as_written sit. At a
million claims, building a Python object per row costs seconds; here the offsets are
converted as columns, the as_written positions found in one pass, and the rows grouped
with ``pandas.factorize``. :class:`SourceClaims` makes :class:`ClaimSpan` objects only for
a source that has to be scanned.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checks.ledger.written import quote_positions
from checks.scan.coverage import ClaimSpan

COLUMNS = ("claim_id", "source_id", "quote", "start", "end", "as_written")


@dataclass(frozen=True)
class SourceClaims:
    """The claims of one source: offsets as arrays (``-1`` where there is none).

    ``claim_ids`` is the package's whole id column and ``rows`` this source's rows in it, so
    that ids become Python strings only for a source that is scanned.
    """

    claim_ids: pd.Series
    rows: np.ndarray
    quote_start: np.ndarray
    quote_end: np.ndarray
    number_start: np.ndarray
    number_end: np.ndarray

    def number_spans(self) -> list[tuple[int, int]]:
        """The as_written occurrences in the text, as ``(start, end)``."""
        has = self.number_start >= 0
        return list(
            zip(self.number_start[has].tolist(), self.number_end[has].tolist(), strict=True)
        )

    def spans(self) -> list[ClaimSpan]:
        """One :class:`ClaimSpan` per claim with valid offsets."""
        out = []
        rows = zip(
            self.claim_ids.iloc[self.rows].astype(str).tolist(),
            self.quote_start.tolist(),
            self.quote_end.tolist(),
            self.number_start.tolist(),
            self.number_end.tolist(),
            strict=True,
        )
        for claim_id, qs, qe, ns, ne in rows:
            if qs >= 0:
                out.append(ClaimSpan(claim_id, (qs, qe), (ns, ne) if ns >= 0 else None))
        return out


def _offsets(column: pd.Series) -> np.ndarray:
    """Whole-number cells as int64, anything else as -1 (vectorised by pyarrow)."""
    cells = pa.array(column, type=pa.string(), from_pandas=True)
    whole = pc.fill_null(pc.match_substring_regex(cells, r"^[0-9]{1,18}$"), False)
    offsets: np.ndarray = pc.cast(pc.if_else(whole, cells, "-1"), pa.int64()).to_numpy()
    return offsets


def index_claims(
    claims: pd.DataFrame, positions: np.ndarray | None = None
) -> dict[str, SourceClaims]:
    """source_id → its claims, for a claims table of text cells.

    Rows whose start or end is not a whole number are left out (the schema check reports
    them); an as_written that does not occur in its quote has no number span. ``positions``
    is where each as_written starts in its quote (:func:`quote_positions`), when known.

    >>> frame = pd.DataFrame({"claim_id": ["c"], "source_id": ["s"], "quote": ["gần 5 năm"],
    ...                       "start": ["7"], "end": ["16"], "as_written": ["5 năm"]})
    >>> index_claims(frame)["s"].spans()
    [ClaimSpan(claim_id='c', quote=(7, 16), number=(11, 16))]
    """
    if claims.empty or not set(COLUMNS) <= set(claims.columns):
        return {}
    start, end = _offsets(claims["start"]), _offsets(claims["end"])
    valid = (start >= 0) & (end >= 0)
    position = (
        quote_positions(claims["quote"], claims["as_written"])
        if positions is None
        else positions.copy()
    )
    length = pc.utf8_length(pa.array(claims["as_written"], type=pa.string(), from_pandas=True))
    length = length.to_numpy(zero_copy_only=False).astype("int64")
    position[length == 0] = -1  # an empty as_written is no number
    has_number = valid & (position >= 0)
    number_start = np.where(has_number, start + position, -1)
    number_end = np.where(has_number, number_start + length, -1)
    quote_start, quote_end = np.where(valid, start, -1), np.where(valid, end, -1)
    codes, sources = pd.factorize(claims["source_id"])
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(sources) + 1))
    claim_ids = claims["claim_id"]  # once: selecting a column costs microseconds each time
    index: dict[str, SourceClaims] = {}
    for k, source_id in enumerate(sources):
        rows = order[bounds[k] : bounds[k + 1]]
        index[str(source_id)] = SourceClaims(
            claim_ids,
            rows,
            quote_start[rows],
            quote_end[rows],
            number_start[rows],
            number_end[rows],
        )
    return index
