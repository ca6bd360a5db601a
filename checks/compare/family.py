"""Flows of one indicator family that are not the same measure, put on a common footing.

Two flows of the same ``family`` (serious cyberattacks and all cyber incidents; estimated
fraud losses and the losses reported to the police) are often set side by side although
they differ in definition, period or speaker. Such a pair is not a contradiction: both are
normalised to a rate per year (and money to one currency, through a dated exchange-rate
claim) and the suite grades the pair (comparability: a warning when one is more than the
family's factor times the other, information otherwise). A pair qualifies when both are
counts of things or both are money, they are different indicators (or the same indicator
over overlapping periods neither of which contains the other), and the gap between their
periods is no longer than the longer period.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import numpy as np
import numpy.typing as npt
import pandas as pd

from checks.ledger.claims import ClaimTable
from checks.ledger.pairs import window_pair_blocks
from checks.numbers.units import UnitError, parse_unit
from checks.rules.values import currency_of, is_counted


@cache
def _counted(unit: str) -> bool:
    try:
        return is_counted(parse_unit(unit))
    except UnitError:
        return False


@cache
def _money(unit: str) -> bool:
    try:
        return currency_of(parse_unit(unit)) is not None
    except (UnitError, ValueError):
        return False


def comparable_counts(table: ClaimTable) -> Iterator[tuple[int, int]]:
    """Pairs of row positions (earlier period first) that a reader may compare."""
    frame = table.frame
    if frame.empty:
        return
    unit_codes, units = pd.factorize(frame["unit"])
    counted = np.array([_counted(str(u)) for u in units], dtype=bool)
    money = np.array([_money(str(u)) for u in units], dtype=bool)
    mask = frame["lo"].notna().to_numpy() & (frame["kind"] == "flow").to_numpy(dtype=bool)
    mask &= (frame["family"] != "").to_numpy(dtype=bool)
    mask &= (counted | money)[unit_codes] if len(units) else np.zeros(len(frame), dtype=bool)
    index = np.flatnonzero(mask).astype(np.int64)
    if len(index) == 0:
        return
    codes = table.group_codes(index, ["subject", "family"])
    start = frame["start_day"].to_numpy(np.int64)[index]
    end = frame["end_day"].to_numpy(np.int64)[index]
    days = end - start + 1
    indicator = table.codes("indicator_id")[index]
    is_money = money[unit_codes[index]] if len(units) else np.zeros(len(index), dtype=bool)

    def comparable(
        left: npt.NDArray[np.int64], right: npt.NDArray[np.int64]
    ) -> npt.NDArray[np.intp]:
        gap = start[right] - end[left] - 1
        later = (start[right] > start[left]) | ((start[right] == start[left]) & (right > left))
        near = gap <= np.maximum(days[left], days[right])
        different = indicator[left] != indicator[right]
        overlapping = start[right] <= end[left]
        nested = ((start[left] <= start[right]) & (end[right] <= end[left])) | (
            (start[right] <= start[left]) & (end[left] <= end[right])
        )
        keep = later & near & (different | (overlapping & ~nested))
        keep &= is_money[left] == is_money[right]
        return np.flatnonzero(keep)

    lefts: list[npt.NDArray[np.int64]] = []
    rights: list[npt.NDArray[np.int64]] = []
    # Near means a gap of at most the longer of the two lengths. First the pairs within
    # the earlier claim's own length after its end, then those that only the later
    # claim's length reaches (searched from the later one, by end day): two tight windows
    # instead of one as wide as the longest claim.
    for left, right in window_pair_blocks(codes, start, end + 1 + days, codes, start):
        kept = comparable(left, right)
        lefts.append(left[kept])
        rights.append(right[kept])
    for right, left in window_pair_blocks(codes, start - 1 - days, start - 1, codes, end):
        beyond = (start[right] - end[left] - 1) > days[left]  # not found above
        kept = np.flatnonzero(beyond)[comparable(left[beyond], right[beyond])]
        lefts.append(left[kept])
        rights.append(right[kept])
    if not lefts:
        return
    a, b = np.concatenate(lefts), np.concatenate(rights)
    order = np.lexsort((b, start[b], a))  # by earlier claim, then the later one's start
    for x, y in zip(index[a[order]].tolist(), index[b[order]].tolist(), strict=True):
        yield int(x), int(y)
