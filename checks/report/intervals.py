"""Laying out evidence intervals as bars on one shared axis, so overlap or gap is visible.

A finding's ``evidence["intervals"]`` is a list of ``{claim_id, lo, hi, unit, label}``.
The layout is computed here and drawn by the HTML template as inline SVG.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from checks.report.human import human_interval

WIDTH = 720.0
GUTTER = 210.0  # labels on the left; the shared axis runs from GUTTER + PAD to WIDTH - PAD
PAD = 16.0
ROW = 44.0
LABEL_CHARS = 110  # a label longer than this is cut (the full text is the bar's tooltip)
TOP = 6.0
AXIS = 30.0
MIN_BAR = 3.0


@dataclass(frozen=True)
class Bar:
    claim_id: str
    label: str
    lo: float
    hi: float
    unit: str
    x: float
    width: float
    y: float
    open_left: bool
    open_right: bool
    unit_shown: bool = False

    @property
    def short_label(self) -> str:
        """The label cut to fit on one line across the chart."""
        label = self.label if not self.unit_shown else f"{self.label} ({self.unit})"
        return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"

    @property
    def text(self) -> str:
        """The interval as written under its bar, in human form (``24.4–27.1 billion``)."""
        return human_interval(self.lo, self.hi, self.unit if self.unit_shown else "")


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    region: str  # "overlap" or "gap"
    region_lo: float
    region_hi: float
    region_x: float
    region_width: float
    axis_lo: float
    axis_hi: float
    unit: str
    height: float
    width: float = WIDTH

    @property
    def axis_y(self) -> float:
        """Where the axis line is drawn, below the last bar."""
        return self.height - AXIS + 4

    @property
    def plot_left(self) -> float:
        return GUTTER

    @property
    def axis_lo_x(self) -> float:
        return GUTTER + PAD

    @property
    def axis_hi_x(self) -> float:
        return self.width - PAD


def format_number(value: float) -> str:
    """A readable number: integers with thousands separators, others to 6 digits.

    >>> format_number(2500000.0), format_number(50.45), format_number(float("inf"))
    ('2,500,000', '50.45', '∞')
    """
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
    else:
        return None
    return None if math.isnan(number) else number


def _entries(raw: object) -> list[tuple[str, str, float, float, str]]:
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        return []
    out = []
    for item in raw:
        if not isinstance(item, Mapping):
            continue
        lo, hi = _number(item.get("lo")), _number(item.get("hi"))
        if lo is None or hi is None or lo > hi:
            continue
        claim_id = str(item.get("claim_id") or "")
        label = str(item.get("label") or claim_id)
        out.append((claim_id, label, lo, hi, str(item.get("unit") or "")))
    return out


def layout(raw: object) -> Chart | None:
    """Bars for the intervals of a finding's evidence, or None if there are none usable.

    >>> chart = layout([{"claim_id": "a", "lo": 1, "hi": 2, "unit": "", "label": "a"},
    ...                 {"claim_id": "b", "lo": 3, "hi": 4, "unit": "", "label": "b"}])
    >>> chart.region, chart.region_lo, chart.region_hi
    ('gap', 2.0, 3.0)
    """
    entries = _entries(raw)
    if not entries:
        return None
    finite = [v for _, _, lo, hi, _ in entries for v in (lo, hi) if math.isfinite(v)]
    if not finite:
        return None
    axis_lo, axis_hi = min(finite), max(finite)
    if axis_lo == axis_hi:
        spread = abs(axis_lo) * 0.05 or 1.0
        axis_lo, axis_hi = axis_lo - spread, axis_hi + spread

    def x_of(value: float) -> float:
        if math.isinf(value):
            return GUTTER if value < 0 else WIDTH
        return GUTTER + PAD + (value - axis_lo) / (axis_hi - axis_lo) * (WIDTH - GUTTER - 2 * PAD)

    bars = []
    for index, (claim_id, label, lo, hi, unit) in enumerate(entries):
        x = x_of(lo)
        width = max(x_of(hi) - x, MIN_BAR)
        bars.append(
            Bar(
                claim_id,
                label,
                lo,
                hi,
                unit,
                min(x, WIDTH - MIN_BAR),
                width,
                TOP + index * ROW,
                math.isinf(lo),
                math.isinf(hi),
            )
        )
    highest_lo = max(b.lo for b in bars)
    lowest_hi = min(b.hi for b in bars)
    region = "overlap" if highest_lo <= lowest_hi else "gap"
    region_lo, region_hi = sorted((highest_lo, lowest_hi))
    region_x = x_of(region_lo)
    units = {b.unit for b in bars}
    if len(units) > 1:
        bars = [dataclasses.replace(b, unit_shown=bool(b.unit)) for b in bars]
    return Chart(
        bars,
        region,
        region_lo,
        region_hi,
        region_x,
        max(x_of(region_hi) - region_x, 1.0),
        axis_lo,
        axis_hi,
        units.pop() if len(units) == 1 else "",
        TOP + len(bars) * ROW + AXIS,
    )
