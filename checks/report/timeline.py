"""A timeline of the events and periods the temporal check compared.

Every claim named by a temporal finding is placed on one date axis: an event (a claim
without a number) or an instant as a diamond at its date, a period as a bar from its
start to its end, one row each, earliest first. A reader sees the order of the events
and the spans a duration was measured against. Needs the package (the claims' periods);
without it there is no timeline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from checks.model.finding import Finding
from checks.model.package import Package

CHECK = "temporal"
WIDTH = 720.0
LABEL = 260.0
PAD = 12.0
ROW = 22.0
TOP = 6.0
AXIS = 26.0
LABEL_CHARS = 42
MAX_TICKS = 8


@dataclass(frozen=True)
class Mark:
    claim_id: str
    label: str
    start: date
    end: date
    x: float
    width: float
    y: float
    kind: str  # the most severe group of the findings naming it: error, warning, …, waived

    @property
    def instant(self) -> bool:
        return self.start == self.end

    @property
    def dates(self) -> str:
        return self.start.isoformat() + ("" if self.instant else f" – {self.end.isoformat()}")


@dataclass(frozen=True)
class Tick:
    x: float
    text: str


@dataclass(frozen=True)
class Timeline:
    marks: list[Mark]
    ticks: list[Tick]
    height: float
    width: float = WIDTH
    label: float = LABEL

    @property
    def axis_y(self) -> float:
        return self.height - AXIS + 6


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _group(finding: Finding) -> str:
    return "waived" if finding.waiver else finding.severity.value


_RANK = {"error": 0, "warning": 1, "info": 2, "waived": 3}


def timeline(pkg: Package | None, findings: Iterable[Finding]) -> Timeline | None:
    """The timeline of the claims named by temporal findings, or None if there are none."""
    if pkg is None:
        return None
    kinds: dict[str, str] = {}
    for finding in findings:
        if finding.check != CHECK:
            continue
        for claim_id in finding.claim_ids:
            kind = _group(finding)
            if claim_id not in kinds or _RANK[kind] < _RANK[kinds[claim_id]]:
                kinds[claim_id] = kind
    claims = pkg.table("claims")
    if not kinds or claims.empty:
        return None
    spans: list[tuple[date, date, str, str]] = []
    for row in claims[claims["claim_id"].isin(list(kinds))].to_dict("records"):
        start, end = _date(str(row["period_start"])), _date(str(row["period_end"]))
        if start is None or end is None or end < start:
            continue
        what = str(row.get("as_written") or "") or "event"
        label = f"{row['claim_id']} ({what})"
        spans.append((start, end, str(row["claim_id"]), label))
    if not spans:
        return None
    spans.sort()
    first = min(s[0] for s in spans).toordinal()
    last = max(s[1] for s in spans).toordinal()
    span = max(last - first, 1)
    plot = WIDTH - LABEL - 2 * PAD

    def x_of(day: date) -> float:
        return LABEL + PAD + (day.toordinal() - first) / span * plot

    marks = []
    for index, (start, end, claim_id, label) in enumerate(spans):
        short = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"
        x = x_of(start)
        marks.append(
            Mark(claim_id, short, start, end, x, x_of(end) - x, TOP + index * ROW, kinds[claim_id])
        )
    first_year, last_year = date.fromordinal(first).year, date.fromordinal(last).year
    step = max(1, -(-(last_year - first_year + 1) // MAX_TICKS))
    ticks = [
        Tick(x_of(date(year, 1, 1)), str(year))
        for year in range(
            first_year + (0 if date(first_year, 1, 1).toordinal() >= first else 1),
            last_year + 1,
            step,
        )
    ]
    return Timeline(marks, ticks, TOP + len(marks) * ROW + AXIS)
