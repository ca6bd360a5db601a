"""Claims that read the same, collapsed before the rules bind them.

A ledger that many articles feed quotes one figure again and again: the same subject,
indicator, period, unit and printed number. A rule binds one claim per reference, so
evaluating it binding by binding costs the product of the copies (the cube for an identity
of three indicators). Claims that read the same *and* come from the same source are
interchangeable for every rule: they bind the same claims, prefer the same source and give
the same intervals. :func:`collapse` keeps one of them (the first in claims.csv) and
remembers the others, so a rule is evaluated on distinct readings only and each finding is
reported once for its group, naming every claim of it.

Claims from *different* sources that read the same keep their own rows: the one-source
preference tells them apart, and each source's own figures stay its own finding. The
binding looks in the anchor's source first (:func:`~checks.rules.binding.bind`), and an
identity compares each distinct reading of its target once (:func:`same_reading`), so
many sources quoting one figure cost one binding each, not the product.

A claim a rule names (``[claim:id]``) is never collapsed into another.

A claim with a number that cannot be read, or a unit that does not parse (an unknown
qualifier, a misspelt unit), takes part in no rule: the schema and citation checks report
it at its row, and every rule kind can rely on the claims it sees having a value.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.ledger.claims import Claim, ClaimTable
from checks.numbers.units import UnitError, parse_unit

READING = (
    "subject",
    "indicator_id",
    "start_day",
    "end_day",
    "unit",
    "qualifier",
    "as_written",
    "kind",
    "lo",
    "hi",
    "clo",
    "chi",
)
"""The columns that decide how a claim reads: two claims equal on them give every rule the
same intervals, units and periods."""


@dataclass(frozen=True)
class Readings:
    """A claim table with one claim per (reading, source), and what each kept claim stands for."""

    table: ClaimTable
    members: Mapping[str, tuple[str, ...]]
    """Kept claim id -> every claim id it stands for (itself first); only groups of two or more."""

    def expand(self, claim_ids: tuple[str, ...]) -> tuple[str, ...]:
        """Every claim the kept claims stand for, each group after its kept claim."""
        if not self.members:
            return claim_ids
        out: dict[str, None] = {}
        for claim_id in claim_ids:
            for member in self.members.get(claim_id, (claim_id,)):
                out[member] = None
        return tuple(out)


def same_reading(claims: Sequence[Claim]) -> list[list[Claim]]:
    """``claims`` in groups that read the same (any source), in order of first appearance."""
    groups: dict[tuple[object, ...], list[Claim]] = {}
    for c in claims:
        key = (c.subject, c.indicator_id, c.period, c.unit, c.qualifier, c.as_written, c.kind)
        groups.setdefault((*key, c.interval, c.canonical), []).append(c)
    return list(groups.values())


def also_read(others: Sequence[str]) -> str:
    """The note a message ends with when more claims read the same: `` (also read ...)``."""
    if not others:
        return ""
    shown = ", ".join(others[:NAMED]) + (", …" if len(others) > NAMED else "")
    return f" (also read the same way by {len(others):,} more claims: {shown})"


NAMED = 5
"""How many of a group's other claims a message names."""


def readable(table: ClaimTable) -> ClaimTable:
    """The claims that are events or have an interval in a unit that parses (the table itself
    when that is all of them)."""
    rows = readable_rows(table)
    return table if rows is None else table.subset(rows)


def readable_rows(table: ClaimTable) -> npt.NDArray[np.int64] | None:
    """Row positions of :func:`readable`'s claims; None when that is every row."""
    frame = table.frame
    if frame.empty:
        return None
    events = (frame["as_written"] == "").to_numpy(dtype=bool)
    numbers = frame["lo"].notna().to_numpy() & frame["hi"].notna().to_numpy()
    codes, units = pd.factorize(frame["unit"])
    parses = np.array([_parses(u) for u in units.tolist()] + [False], dtype=bool)
    numbers &= parses[codes]  # a missing unit (code -1) takes the last entry
    keep = events | numbers
    if keep.all():
        return None
    return np.flatnonzero(keep).astype(np.int64)


def _parses(unit: object) -> bool:
    try:
        parse_unit(str(unit))
    except UnitError:
        return False
    return True


_FIRST_CUT = ("as_written", "indicator_id", "subject", "start_day", "end_day")
"""Columns of READING that tell most claims apart."""


def collapse(
    table: ClaimTable,
    pinned: Collection[str] = (),
    within: npt.NDArray[np.bool_] | None = None,
) -> Readings:
    """The claims of ``table`` (those marked in ``within``, when given) with repeated
    readings of one source kept once.

    Cost: a few column factorisations and one sort, n log n in the number of claims.

    >>> from checks.ledger.claims import ClaimTable  # doctest: +SKIP
    >>> collapse(table).table is table  # no two claims read the same  # doctest: +SKIP
    True
    """
    frame = table.frame
    if frame.empty:
        return Readings(table, {})
    rows = readable_rows(table)
    if within is not None and not within.all():
        rows = np.flatnonzero(within) if rows is None else rows[within[rows]]
    positions = np.arange(len(frame), dtype=np.int64) if rows is None else rows
    size = len(positions)
    if size == 0:
        return Readings(table.subset(positions), {})
    # Claims of one source that read the same share these columns too: only the claims
    # that share them with another are grouped on the twelve columns of READING.
    cut = table.group_codes(positions, [*_FIRST_CUT, "source_id"])
    candidates = np.flatnonzero(np.bincount(cut)[cut] > 1)
    whole = table if rows is None else None
    if len(candidates) == 0:
        return Readings(whole or table.subset(positions), {})
    at = positions[candidates]
    reading = table.group_codes(at, list(READING))
    ids = frame["claim_id"].to_numpy(dtype=object)[at]
    pins = np.flatnonzero(np.isin(ids, list(pinned))) if pinned else np.empty(0, np.int64)
    # a pinned claim reads like no other
    reading = reading.copy()
    reading[pins] = reading.max() + 1 + np.arange(len(pins))
    sources = table.codes("source_id")[at]
    group = pd.factorize(reading * (int(sources.max()) + 2) + sources + 1)[0]
    if int(group.max()) + 1 == len(at):  # no two claims of one source read the same
        return Readings(whole or table.subset(positions), {})
    # codes number the groups in order of first appearance: firsts ascend
    order = np.argsort(group, kind="stable")
    cuts = np.flatnonzero(np.diff(group[order])) + 1
    starts = np.concatenate(([0], cuts)).astype(np.int64)
    sizes = np.diff(np.concatenate((starts, [len(at)])))
    members = {
        str(ids[order[a]]): tuple(str(ids[i]) for i in order[a : a + n])
        for a, n in zip(starts[sizes > 1].tolist(), sizes[sizes > 1].tolist(), strict=True)
    }  # only the groups of more than one claim: no array per claim
    others = np.ones(len(at), dtype=bool)
    others[order[starts]] = False  # the first claim of each group is kept
    keep = np.ones(len(positions), dtype=bool)
    keep[candidates[others]] = False
    return Readings(table.subset(positions[keep]), members)
