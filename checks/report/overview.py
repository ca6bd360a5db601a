"""The overview chart at the top of the HTML report: findings by check and severity.

One row per check, one stacked bar per row: errors, warnings, info and waived findings
side by side on a shared count scale, so a reader sees at a glance where the problems
are. The layout is computed here; the template draws it as inline SVG.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from checks.report.order import check_rank

KINDS = ("error", "warning", "info", "waived")
WIDTH = 720.0
LABEL = 120.0  # check names on the left
COUNT = 60.0  # the total on the right
ROW = 24.0
BAR = 16.0
TOP = 22.0  # the legend


@dataclass(frozen=True)
class Segment:
    kind: str
    count: int
    x: float
    width: float


@dataclass(frozen=True)
class OverviewRow:
    check: str
    title: str
    total: int
    y: float
    segments: list[Segment]


@dataclass(frozen=True)
class Overview:
    rows: list[OverviewRow]
    height: float
    width: float = WIDTH
    label: float = LABEL

    @property
    def legend(self) -> list[tuple[str, float]]:
        """Each kind with the x where its legend entry starts."""
        return [(kind, LABEL + index * 110.0) for index, kind in enumerate(KINDS)]


def overview(by_check: Mapping[str, Mapping[str, int]], titles: Mapping[str, str]) -> Overview:
    """Stacked bars of ``by_check`` (check → kind → count), most important check first.

    >>> chart = overview({"provenance": {"warning": 11}, "arithmetic": {"warning": 3}}, {})
    >>> [(r.check, r.total, [s.count for s in r.segments]) for r in chart.rows]
    [('arithmetic', 3, [3]), ('provenance', 11, [11])]
    """
    checks = sorted(by_check, key=lambda c: (check_rank(c), c))
    largest = max((sum(by_check[c].get(k, 0) for k in KINDS) for c in checks), default=0)
    scale = (WIDTH - LABEL - COUNT) / largest if largest else 0.0
    rows = []
    for index, check in enumerate(checks):
        x = LABEL
        segments = []
        for kind in KINDS:
            count = int(by_check[check].get(kind, 0))
            if count:
                width = max(count * scale, 2.0)
                segments.append(Segment(kind, count, x, width))
                x += width
        total = sum(s.count for s in segments)
        rows.append(OverviewRow(check, titles.get(check, ""), total, TOP + index * ROW, segments))
    return Overview(rows, TOP + len(rows) * ROW + 4)
