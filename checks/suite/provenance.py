"""provenance: where a figure comes from, and whether it is what it claims to be.

- ``news-only``: a figure whose only source in the package is a news article: no
  archived statistical, official, survey or estimate source gives an agreeing figure for
  the same subject, indicator and period (a warning for flows and ratios, information for
  stocks; durations and dates are left to the temporal check).
- ``forecast-as-measurement``: a figure not marked as a forecast that other sources give
  only as a forecast, or that describes a period not yet over when its source was
  published.
- ``unit-carried-over``: a number printed without its unit, the unit taken from an
  earlier number. Detected from the capture note (the capture guide asks for
  "unit carried over from …"; information: ordinary Vietnamese) or, for money, from
  ``as_written`` parsing without a currency while the claim has one and no note says why
  (a warning).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import ClassVar

import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checks.compare.corroboration import backed_by_non_news, forecast_only, published_before_end
from checks.ledger.claims import ClaimTable
from checks.ledger.ledger import ledger
from checks.ledger.statements import Statements
from checks.model.codes import FindingCode
from checks.model.finding import Finding, Severity
from checks.model.package import Package
from checks.numbers.units import UnitError, parse_unit
from checks.registry import register
from checks.rules.kinds.common import label
from checks.rules.outcome import Outcome, claim_interval, consult
from checks.rules.values import currency_of

CHECK = "provenance"
CARRIED_OVER = re.compile(r"\bunit carried over\b", re.IGNORECASE)
_SEVERITY_BY_KIND = {"flow": Severity.WARNING, "ratio": Severity.WARNING, "stock": Severity.INFO}


CODES: tuple[FindingCode, ...] = (
    FindingCode(
        "news-only",
        "A figure whose only source is a news article",
        "Find the official or statistical source the article relies on and capture it.",
        "warning/info",
        "flows and ratios from news alone are warnings; stocks (populations) are information",
    ),
    FindingCode(
        "forecast-as-measurement",
        "A forecast presented as a measurement",
        "The figure is a forecast or covers an unfinished period but is stated as measured.",
        "warning",
        "misleads a reader, but the number itself may be right",
    ),
    FindingCode(
        "unit-carried-over",
        "A unit carried over from an earlier number",
        "The number prints no unit of its own; its unit comes from an earlier number in the "
        "sentence.",
        "info/warning",
        "information when the capture note says where the unit comes from (leaving the "
        "currency out after the first figure is ordinary Vietnamese); a warning when nothing "
        "says so, since the unit may then be a capture slip",
    ),
)


@register
class ProvenanceCheck:
    id: ClassVar[str] = CHECK
    title: ClassVar[str] = "Figures have a source and are what they say they are"
    codes: ClassVar[tuple[FindingCode, ...]] = CODES
    help: ClassVar[str] = (
        "Warns about figures whose only source is a news article, figures presented as "
        "measurements that are forecasts, and numbers whose unit is carried over from an "
        "earlier number."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        table = ledger(pkg).claims
        found = _Found.of(table, ledger(pkg).statements)
        table.claims(found.rows())  # one batch for every claim the findings show
        outcomes = (
            *news_only(pkg, table, found.unbacked),
            *forecasts(pkg, table, found.forecast_only, found.unfinished),
            *carried_over(pkg, table, found.carried, found.noted),
        )
        for outcome in outcomes:
            yield outcome.finding(pkg, CHECK)


@dataclass(frozen=True)
class _Found:
    """The rows each kind of finding is about, computed on the columns."""

    unbacked: list[int]
    forecast_only: dict[int, list[int]]
    unfinished: list[int]
    carried: list[int]
    noted: npt.NDArray[np.bool_]

    @classmethod
    def of(cls, table: ClaimTable, statements: Statements | None = None) -> _Found:
        backed = backed_by_non_news(table, statements)
        carried, noted = _carried_rows(table)
        return cls(
            [int(r) for r in backed.index[~backed.to_numpy(bool)]],
            forecast_only(table),
            published_before_end(table).tolist(),
            carried.tolist(),
            noted,
        )

    def rows(self) -> list[int]:
        listed = [r for row, others in self.forecast_only.items() for r in (row, *others)]
        return [*self.unbacked, *listed, *self.unfinished, *self.carried]


def news_only(pkg: Package, table: ClaimTable, rows: list[int]) -> Iterator[Outcome]:
    for row in rows:
        claim = table.claim(row)
        severity = _SEVERITY_BY_KIND.get(claim.kind)
        if severity is None:
            continue
        said = f", said by {claim.speaker}" if claim.speaker else ""
        yield Outcome(
            code="news-only",
            severity=severity,
            claim_ids=(claim.claim_id,),
            message=f"{claim.claim_id} {claim.as_written!r} ({label(table, claim.indicator_id)}, "
            f"{claim.subject}, {claim.period}): the only source is the news article "
            f"{claim.source_id}{said}; no archived statistical, official or estimate source "
            "gives an agreeing figure",
            steps=[
                f"{claim.describe()} from {claim.source_id} (news){said}",
                "looked for claims of the same subject, indicator and period from sources "
                "of kind statistical, official, survey or estimate with an overlapping "
                "interval: none",
            ],
            intervals=[i for i in (claim_interval(claim),) if i is not None],
            resolve=f"find the statistical release the figure comes from, archive it under "
            f"sources/ and capture its figure; until then cite {consult(pkg, [claim])} as "
            "the only source",
            key="news-only",
            extra={"quote": claim.quote, "speaker": claim.speaker},
        )


def forecasts(
    pkg: Package, table: ClaimTable, only: dict[int, list[int]], unfinished: list[int]
) -> Iterator[Outcome]:
    for row, others in sorted(only.items()):
        claim = table.claim(row)
        made = [table.claim(o) for o in others]
        names = ", ".join(
            f"{f.claim_id} ({f.source_id}, published {f.published or 'undated'})" for f in made
        )
        yield Outcome(
            code="forecast-as-measurement",
            severity=Severity.WARNING,
            claim_ids=(claim.claim_id, *(f.claim_id for f in made)),
            message=f"{claim.claim_id} {claim.as_written!r} is stated as {claim.qualifier}, "
            f"not as a forecast, but the only other sources give it as a forecast: {names}",
            steps=[
                f"{claim.describe()}: not marked as a forecast",
                *[f"{f.describe()}: a forecast, agreeing with it" for f in made],
                "no other claim gives the figure as a measurement",
            ],
            intervals=[
                i for i in (claim_interval(c, True) for c in (claim, *made)) if i is not None
            ],
            resolve=f"present the figure as the forecast it is, or find a measurement of it: "
            f"consult {consult(pkg, [claim, *made])}",
            key="forecast-only",
        )
    for row in unfinished:
        claim = table.claim(row)
        yield Outcome(
            code="forecast-as-measurement",
            severity=Severity.WARNING,
            claim_ids=(claim.claim_id,),
            message=f"{claim.claim_id} {claim.as_written!r} describes {claim.period}, which had "
            f"not ended when {claim.source_id} was published ({claim.published}); it is not "
            "marked as a forecast",
            steps=[
                f"{claim.describe()}",
                f"{claim.source_id} published {claim.published}, before {claim.period.end}",
            ],
            intervals=[i for i in (claim_interval(claim),) if i is not None],
            resolve=f"mark the figure as a forecast or an estimate of an unfinished period: "
            f"consult {consult(pkg, [claim])}",
            key="unfinished-period",
        )


def _carried_rows(table: ClaimTable) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
    """Rows whose unit is carried over (noted, or money printed without a currency), and
    for every row whether its note says so."""
    frame = table.frame
    if frame.empty:
        return np.empty(0, dtype=np.int64), np.zeros(0, dtype=bool)
    noted = _matches(frame["note"], CARRIED_OVER, "over")
    unit_codes, units = pd.factorize(frame["unit"])
    money = np.array([_is_money(str(u)) for u in units], dtype=bool)[unit_codes]
    unprinted = (frame["printed_unit"] == "").to_numpy(bool) & (frame["lo"].notna()).to_numpy(bool)
    rows = np.flatnonzero(noted | (money & unprinted)).astype(np.int64)
    return rows, noted


def _matches(column: pd.Series, pattern: re.Pattern[str], needle: str) -> npt.NDArray[np.bool_]:
    """``pattern.search`` on each cell, run only on the cells that contain ``needle`` (in
    any case), which every match contains: most notes say nothing of the kind. (The
    needle's letters have no other case forms than their ASCII pair, so this holds under
    Python's Unicode case folding too.)"""
    cells = pa.array(column.array, type=pa.string(), from_pandas=True)
    near = pc.fill_null(pc.match_substring(cells, needle, ignore_case=True), False)
    out = np.zeros(len(column), dtype=bool)
    rows = np.flatnonzero(near.to_numpy(zero_copy_only=False))
    text = column.iloc[rows].tolist()  # only the cells that may match become Python strings
    out[rows] = [pattern.search(str(cell)) is not None for cell in text]
    return out


@cache
def _is_money(unit: str) -> bool:
    try:
        return bool(unit) and currency_of(parse_unit(unit)) is not None
    except UnitError:
        return False


def carried_over(
    pkg: Package, table: ClaimTable, rows: list[int], noted: npt.NDArray[np.bool_]
) -> Iterator[Outcome]:
    for row in rows:
        claim = table.claim(row)
        how = (
            "the capture note says so" if noted[row] else f"{claim.as_written!r} prints no currency"
        )
        # Leaving the unit out after the first figure is ordinary Vietnamese ('8.000 tỷ USD
        # ... 10.500 tỷ'): information once the capture notes where the unit comes from; a
        # warning when nothing says so, since the unit may then be a capture slip.
        yield Outcome(
            code="unit-carried-over",
            severity=Severity.INFO if noted[row] else Severity.WARNING,
            claim_ids=(claim.claim_id,),
            message=f"{claim.claim_id} {claim.as_written!r}: the number is printed without its "
            f"unit; {claim.unit} is carried over from an earlier number ({how})",
            steps=[claim.describe(), f"note: {claim.note}" if claim.note else "no note"],
            intervals=[i for i in (claim_interval(claim),) if i is not None],
            resolve=f"check in {consult(pkg, [claim])} that the unit of the earlier number "
            "applies, or find the figure with its unit in the primary source",
            key="unit-carried-over",
            extra={"quote": claim.quote, "note": claim.note},
        )
