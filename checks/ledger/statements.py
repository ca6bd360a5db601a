"""Statements printed more than once: a duplicated paragraph, or an article that copies
another word for word.

Claims whose quotes are the same text (compared after NFC, case folding and collapsing
white space) and that read the same printed number for the same subject and indicator
are *one statement*. A problem in it is one finding that lists every copy
(:func:`merge_copies`), and a copy published later is not an independent confirmation of
the statement it copies (:mod:`checks.compare.corroboration`).

Only claims that share ``as_written``, subject and indicator are candidates, so the quotes
of most claims are never normalised.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checks.ledger.claims import ClaimTable
from checks.model.finding import Finding

KEYS = ("as_written", "indicator_id", "subject")
"""What claims that print one statement share (besides the quote's text)."""


class Statements:
    """The claims that are copies of one statement: claim id → every copy's id, in
    claims.csv order (only for statements printed more than once)."""

    def __init__(
        self,
        groups: Iterable[tuple[str, ...]],
        at: npt.NDArray[np.int64] | None = None,
    ) -> None:
        self.copies: dict[str, tuple[str, ...]] = {}
        for group in groups:
            for claim_id in group:
                self.copies[claim_id] = group
        self.at = at
        """Per row position of the claim table it was found in: the statement's number
        (the same for every copy), or -1 for a claim printed once; None when unknown."""

    def __len__(self) -> int:
        return len(self.copies)

    def of(self, claim_id: str) -> tuple[str, ...]:
        """Every copy of the claim's statement (the claim alone when it has none)."""
        return self.copies.get(claim_id, (claim_id,))

    def first(self, claim_id: str) -> str:
        """The statement's first copy: what identifies the statement."""
        return self.of(claim_id)[0]


_OTHER_WHITE = (
    r"\t\n\x0b\x0c\r\x1c-\x1f\x85\x{a0}\x{1680}\x{2000}-\x{200a}"
    r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
)
"""White space but the ASCII space, as an RE2 character class body."""
_WHITE = " " + _OTHER_WHITE
"""White space as Python's ``str.isspace`` has it (Unicode's separators and the controls
that separate; ``tests/test_statement_quotes.py`` compares every code point)."""

_SPACED = rf"^[^{_WHITE}]+(?: [^{_WHITE}]+)*$"
"""A text whose runs of white space are already single spaces."""


_CHUNK_ROWS = 100_000
"""Quotes lowered and respaced at a time: the copies of one chunk, not of every quote."""


def normalise_quotes(
    quotes: pd.Series, rows: npt.NDArray[np.int64] | None = None
) -> npt.NDArray[np.int64]:
    """Codes of the quotes (of ``rows`` only, in that order, when given) compared
    case-insensitively with runs of white space as one space (equal text, equal code).
    Quotes are NFC already: the citation check holds them to the NFC text of their source.

    The quotes are lowered and respaced a chunk at a time and encoded over all chunks at
    once, so that only the normalised texts, not three copies of the quotes, are held."""
    picked = np.arange(len(quotes), dtype=np.int64) if rows is None else rows
    parts = [_normalised(part) for part in _taken(quotes, picked)]
    if not parts:
        return np.empty(0, dtype=np.int64)
    encoded = pc.dictionary_encode(pa.chunked_array(parts))  # one dictionary for every chunk
    return np.concatenate(
        [chunk.indices.to_numpy(zero_copy_only=False) for chunk in encoded.chunks]
    ).astype(np.int64)


def _spelled(quotes: pd.Series, rows: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    """How many characters other than white space each quote at ``rows`` has: what
    lowering (one character for one) and respacing leave unchanged."""
    sizes = np.empty(len(rows), dtype=np.int64)
    start = 0
    for part in _taken(quotes, rows):
        spelled = pc.subtract(pc.utf8_length(part), pc.count_substring(part, " "))
        size = pc.fill_null(spelled, 0).to_numpy(zero_copy_only=False).astype(np.int64)
        other = pc.fill_null(pc.match_substring_regex(part, f"[{_OTHER_WHITE}]"), False)
        if pc.any(other).as_py():  # few quotes: white space other than spaces counted apart
            where = np.flatnonzero(other.to_numpy(zero_copy_only=False))
            odd = part.take(pa.array(where))
            white = pc.count_substring_regex(odd, f"[{_WHITE}]")
            size[where] = pc.subtract(pc.utf8_length(odd), white).to_numpy(zero_copy_only=False)
        sizes[start : start + len(part)] = size
        start += len(part)
    return sizes


def _taken(quotes: pd.Series, rows: npt.NDArray[np.int64]) -> Iterator[pa.Array | pa.ChunkedArray]:
    """The quotes at ``rows``, :data:`_CHUNK_ROWS` of them at a time."""
    column = pa.array(quotes.astype(str).array)
    for start in range(0, len(rows), _CHUNK_ROWS):
        yield column.take(pa.array(rows[start : start + _CHUNK_ROWS]))


def _normalised(quotes: pa.Array | pa.ChunkedArray) -> pa.Array:
    """The quotes lowered, with runs of white space as one space."""
    if isinstance(quotes, pa.ChunkedArray):
        quotes = quotes.combine_chunks()
    lower = pc.utf8_lower(quotes)
    # Most quotes are words with one space between them: only the others are respaced.
    odd = pc.invert(pc.fill_null(pc.match_substring_regex(lower, _SPACED), False))
    if not pc.any(odd).as_py():
        return lower
    respaced = pc.replace_substring_regex(pc.filter(lower, odd), f"[{_WHITE}]+", " ")
    return pc.replace_with_mask(lower, odd, respaced)


def find_statements(table: ClaimTable) -> Statements:
    """The statements of a claim table that are printed more than once."""
    frame = table.frame
    if len(frame) < 2 or not len(table.quotes):
        return Statements(())
    codes = table.group_codes(np.arange(len(frame), dtype=np.int64), list(KEYS))
    counts = np.bincount(codes)
    candidates = np.flatnonzero(counts[codes] > 1)
    if len(candidates) == 0:
        return Statements(())
    rows = frame["row"].to_numpy(np.int64)[candidates]
    # Copies keep every character but white space: claims whose quotes differ in that count
    # print different statements, and their quotes need no normalising.
    sizes = _spelled(table.quotes, rows)
    same = pd.factorize(codes[candidates] * (int(sizes.max()) + 1) + sizes)[0]
    kept = np.flatnonzero(np.bincount(same)[same] > 1)
    if len(kept) == 0:
        return Statements(())
    candidates, rows = candidates[kept], rows[kept]
    quote_codes = normalise_quotes(table.quotes, rows)
    combined = codes[candidates] * (int(quote_codes.max()) + 1) + quote_codes
    group = pd.factorize(combined)[0].astype(np.int64)
    repeated = np.flatnonzero(np.bincount(group)[group] > 1)
    if len(repeated) == 0:
        return Statements(())
    order = repeated[np.lexsort((rows[repeated], group[repeated]))]
    cuts = (np.flatnonzero(np.diff(group[order])) + 1).tolist()
    ids = frame["claim_id"].iloc[candidates[order]].tolist()  # only these become strings
    bounds = zip([0, *cuts], [*cuts, len(ids)], strict=True)
    groups = [tuple(map(str, ids[start:end])) for start, end in bounds]  # no array per group
    at = np.full(len(frame), -1, dtype=np.int64)
    at[candidates[order]] = np.cumsum(np.diff(group[order], prepend=group[order][0]) != 0)
    return Statements(groups, at)


CONTENT_CHECKS = frozenset({"arithmetic", "conflicts", "temporal", "provenance"})
"""The checks whose findings are about what a statement says (its numbers and dates), not
about how one claim row captured it (schema, citation, coverage): only theirs merge."""


def merge_copies(
    findings: Iterable[Finding], statements: Statements, checks: frozenset[str] = CONTENT_CHECKS
) -> list[Finding]:
    """One finding per problem: findings of ``checks`` that differ only in which copy of
    a statement they name become one, which lists every copy (the most severe severity is
    kept). A capture problem of one claim row stays that row's own finding."""
    found = list(findings)
    if not len(statements):
        return found
    merged: dict[tuple[str, ...], list[Finding]] = {}
    order: list[tuple[str, ...]] = []
    for finding in found:
        if finding.check in checks:
            firsts = sorted({statements.first(c) for c in finding.claim_ids})
        else:
            firsts = [*sorted(finding.claim_ids), finding.fingerprint]
        key = (finding.check, finding.code, finding.key, *firsts)
        if key not in merged:
            merged[key] = []
            order.append(key)
        merged[key].append(finding)
    return [_one(merged[key], statements) if key[0] in checks else merged[key][0] for key in order]


def _one(group: list[Finding], statements: Statements) -> Finding:
    named = [c for f in group for c in f.claim_ids]
    copied = {c: statements.of(c) for c in named if len(statements.of(c)) > 1}
    if not copied:
        return group[0]
    head = min(group, key=lambda f: f.severity.rank)
    claim_ids = tuple(dict.fromkeys([*head.claim_ids, *(c for g in copied.values() for c in g)]))
    listing = sorted({g for g in copied.values()})
    shown = "; ".join(", ".join(g) for g in listing)
    evidence: Mapping[str, object] = {
        **head.evidence,
        "copies": [list(g) for g in listing],
    }
    return replace(
        head,
        claim_ids=claim_ids,
        message=f"{head.message} (one statement printed {_times(listing)}: {shown})",
        evidence=dict(evidence),
    )


def _times(listing: list[tuple[str, ...]]) -> str:
    most = max(len(g) for g in listing)
    return "twice" if most == 2 else f"{most} times"
