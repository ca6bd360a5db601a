"""Finding pairs of rows without comparing all pairs.

Each function takes integer group codes (rows compare only within a group) and numeric
arrays, sorts once, and enumerates the matching pairs with binary searches: the cost is
O(n log n) plus the number of pairs reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

import numpy as np
import numpy.typing as npt
import pandas as pd

Ints = npt.NDArray[np.int64]
Floats = npt.NDArray[np.float64]


def _expand(order: Ints, start: Ints, stop: Ints) -> tuple[Ints, Ints]:
    """Pairs (i, order[k]) for every i and every k in start[i]..stop[i]-1."""
    counts = np.maximum(stop - start, 0)
    total = int(counts.sum())
    left = np.repeat(np.arange(len(start), dtype=np.int64), counts)
    if total == 0:
        return left, np.empty(0, dtype=np.int64)
    offsets = np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
    right = order[np.repeat(start, counts) + offsets]
    return left, right


def _search(ordered: Ints | Floats, keys: Ints | Floats, side: Literal["left", "right"]) -> Ints:
    """``np.searchsorted`` for many keys, searched in sorted order (each search starts near
    the last one, several times faster for a million keys) and put back in order. The
    keys' order is only a route: an unstable sort serves."""
    if len(keys) < 1024:
        return np.searchsorted(ordered, keys, side).astype(np.int64)
    order = np.argsort(keys)
    found = np.empty(len(keys), dtype=np.int64)
    found[order] = np.searchsorted(ordered, keys[order], side)
    return found


def stable_order(keys: Ints) -> Ints:
    """``np.argsort(keys, kind="stable")``: the keys' order, ties in row order.

    When each key and its row fit in one 64-bit integer, that integer has no ties and an
    unstable sort of it (several times faster than the stable one) gives the same order.

    >>> stable_order(np.array([3, 1, 3, 1])).tolist()
    [1, 3, 0, 2]
    """
    size = len(keys)
    if size == 0:
        return np.empty(0, dtype=np.int64)
    low, high = int(keys.min()), int(keys.max())
    if (high - low + 1) * size >= 2**63:
        return np.argsort(keys, kind="stable").astype(np.int64)
    unique = (keys.astype(np.int64) - low) * size + np.arange(size, dtype=np.int64)
    return np.argsort(unique).astype(np.int64)


def _shared(groups: Ints) -> Ints | None:
    """The positions of the rows whose group holds another row (None: all of them, or the
    codes are too sparse to count)."""
    low, high = int(groups.min()), int(groups.max())
    if high - low >= 4 * len(groups) + 1024:
        return None
    dense = groups - low
    alone = np.bincount(dense)[dense] < 2
    return np.flatnonzero(~alone).astype(np.int64) if alone.any() else None


def _group_ends(sorted_groups: Ints) -> Ints:
    """For each position of a sorted array of group codes: where its group's run ends."""
    ends = np.r_[np.flatnonzero(sorted_groups[1:] != sorted_groups[:-1]) + 1, len(sorted_groups)]
    return np.repeat(ends, np.diff(np.r_[0, ends])).astype(np.int64)


def disjoint_pairs(groups: Ints, lo: Floats, hi: Floats) -> tuple[Ints, Ints]:
    """All pairs (i, j) of one group with ``hi[i] < lo[j]``: i lies wholly below j.

    >>> g = np.array([0, 0, 0, 1]); lo = np.array([1.0, 5.0, 2.0, 9.0])
    >>> i, j = disjoint_pairs(g, lo, lo + 0.5)
    >>> sorted(zip(i.tolist(), j.tolist()))
    [(0, 1), (0, 2), (2, 1)]
    """
    if len(lo) == 0:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    g = groups.astype(np.int64)
    rows = _shared(g)  # a row alone in its group has no pair
    if rows is not None:
        i, j = disjoint_pairs(g[rows], lo[rows], hi[rows]) if len(rows) else (rows, rows)
        return rows[i], rows[j]
    levels, rank = np.unique(lo, return_inverse=True)
    base = np.int64(len(levels) + 1)
    key = g * base + rank.reshape(-1)
    order = stable_order(key)
    ordered = key[order]
    start = _search(ordered, g * base + _search(levels, hi, "right"), "left")
    stop = np.empty(len(order), dtype=np.int64)
    stop[order] = _group_ends(g[order])  # where the group's run ends: no search
    return _expand(order, start, stop)


def window_pairs(
    query_groups: Ints, lower: Ints, upper: Ints, groups: Ints, key: Ints
) -> tuple[Ints, Ints]:
    """All pairs (q, j) with ``groups[j] == query_groups[q]`` and
    ``lower[q] <= key[j] <= upper[q]``.

    >>> k = np.array([10, 20, 30]); g = np.zeros(3, dtype=np.int64)
    >>> q, j = window_pairs(g, k - 10, k, g, k)
    >>> sorted(zip(q.tolist(), j.tolist()))
    [(0, 0), (1, 0), (1, 1), (2, 1), (2, 2)]
    """
    blocks = list(window_pair_blocks(query_groups, lower, upper, groups, key))
    if not blocks:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    return np.concatenate([q for q, _ in blocks]), np.concatenate([j for _, j in blocks])


MAX_BLOCK_PAIRS = 1 << 20
"""Pairs enumerated at a time by :func:`window_pair_blocks` (a few tens of MB of indices)."""


def window_pair_blocks(
    query_groups: Ints,
    lower: Ints,
    upper: Ints,
    groups: Ints,
    key: Ints,
    max_pairs: int = MAX_BLOCK_PAIRS,
) -> Iterator[tuple[Ints, Ints]]:
    """The pairs of :func:`window_pairs`, in blocks of consecutive queries with at most
    about ``max_pairs`` pairs each, so that a caller that keeps few of them (most windows
    hold no finding) never holds them all.

    >>> k = np.array([10, 20, 30]); g = np.zeros(3, dtype=np.int64)
    >>> [q.tolist() for q, _ in window_pair_blocks(g, k - 10, k, g, k, max_pairs=2)]
    [[0], [1, 1], [2, 2]]
    """
    if len(key) == 0 or len(lower) == 0:
        return
    low = int(min(key.min(), lower.min()))
    span = np.int64(int(max(key.max(), upper.max())) - low + 2)
    g = groups.astype(np.int64)
    composite = g * span + (key - low)
    order = stable_order(composite)
    ordered = composite[order]
    qg = query_groups.astype(np.int64)
    start = _search(ordered, qg * span + (lower - low), "left")
    stop = _search(ordered, qg * span + (upper - low), "right")
    total = np.cumsum(np.maximum(stop - start, 0))
    first = 0
    while first < len(start):
        done = int(total[first - 1]) if first else 0
        last = max(int(np.searchsorted(total, done + max_pairs, "right")), first + 1)
        left, right = _expand(order, start[first:last], stop[first:last])
        if len(left):
            yield left + first, right
        first = last


def any_overlap(
    query_groups: Ints, query_lo: Floats, query_hi: Floats, groups: Ints, lo: Floats, hi: Floats
) -> npt.NDArray[np.bool_]:
    """For each query interval: does some interval of its group overlap it?

    >>> any_overlap(np.array([0, 0]), np.array([1.0, 9.0]), np.array([2.0, 9.5]),
    ...             np.array([0]), np.array([1.5]), np.array([3.0])).tolist()
    [True, False]
    """
    result = np.zeros(len(query_lo), dtype=bool)
    if len(lo) == 0 or len(query_lo) == 0:
        return result
    order = np.lexsort((lo, groups))
    g, a, b = groups[order].astype(np.int64), lo[order], hi[order]
    # running maximum of hi within each group, in order of lo
    running = pd.Series(b).groupby(g).cummax().to_numpy()
    levels = np.unique(a)
    base = np.int64(len(levels) + 1)
    key = g * base + np.searchsorted(levels, a, "left")
    qg = query_groups.astype(np.int64)
    # last interval of the group whose lo <= query hi
    position = (
        np.searchsorted(key, qg * base + np.searchsorted(levels, query_hi, "right"), "left") - 1
    )
    first = np.searchsorted(key, qg * base, "left")
    valid = position >= first
    result[valid] = running[position[valid]] >= query_lo[valid]
    return result


def count_overlap(
    query_groups: Ints, query_lo: Floats, query_hi: Floats, groups: Ints, lo: Floats, hi: Floats
) -> npt.NDArray[np.int64]:
    """For each query interval: how many intervals of its group overlap it (closed ends).

    Those whose low end is at most the query's high end, less those that end below the
    query's low end, each counted with two binary searches.

    >>> queries = np.array([0, 0, 1]), np.array([1.0, 9.0, 1.0]), np.array([2.0, 9.5, 2.0])
    >>> intervals = np.array([0, 0, 0]), np.array([1.5, 0.0, 2.0]), np.array([3.0, 1.0, 4.0])
    >>> count_overlap(*queries, *intervals).tolist()
    [3, 0, 0]
    """
    if len(lo) == 0 or len(query_lo) == 0:
        return np.zeros(len(query_lo), dtype=np.int64)
    values = np.unique(np.concatenate([lo, hi, query_lo, query_hi]))
    base = np.int64(len(values) + 1)
    g = groups.astype(np.int64) * base
    by_lo = np.sort(g + np.searchsorted(values, lo))
    by_hi = np.sort(g + np.searchsorted(values, hi))
    qg = query_groups.astype(np.int64) * base
    start_lo = np.searchsorted(by_lo, qg, "left")
    start_hi = np.searchsorted(by_hi, qg, "left")
    upto = np.searchsorted(by_lo, qg + np.searchsorted(values, query_hi), "right") - start_lo
    below = np.searchsorted(by_hi, qg + np.searchsorted(values, query_lo), "left") - start_hi
    return (upto - below).astype(np.int64)
