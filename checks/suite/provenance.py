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
  "unit carried over from …") or, for money, from ``as_written`` parsing without a
  currency while the claim has one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import ClassVar

import numpy as np

from checks.model.finding import Finding, Severity
from checks.model.package import Package
from checks.numbers.units import UnitError, parse_unit
from checks.registry import register
from checks.rules.claims import ClaimTable, claim_table
from checks.rules.corroboration import backed_by_non_news, forecast_only, published_before_end
from checks.rules.kinds.common import label
from checks.rules.outcome import Outcome, claim_interval, consult
from checks.rules.values import currency_of

CHECK = "provenance"
CARRIED_OVER = re.compile(r"\bunit carried over\b", re.IGNORECASE)
_SEVERITY_BY_KIND = {"flow": Severity.WARNING, "ratio": Severity.WARNING, "stock": Severity.INFO}


@register
class ProvenanceCheck:
    id: ClassVar[str] = CHECK
    title: ClassVar[str] = "Figures have a source and are what they say they are"
    help: ClassVar[str] = (
        "Warns about figures whose only source is a news article, figures presented as "
        "measurements that are forecasts, and numbers whose unit is carried over from an "
        "earlier number."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        table = claim_table(pkg)
        for outcome in (*news_only(pkg, table), *forecasts(pkg, table), *carried_over(pkg, table)):
            yield outcome.finding(pkg, CHECK)


def news_only(pkg: Package, table: ClaimTable) -> Iterator[Outcome]:
    backed = backed_by_non_news(table)
    for row in backed.index[~backed.to_numpy(bool)]:
        claim = table.claim(int(row))
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


def forecasts(pkg: Package, table: ClaimTable) -> Iterator[Outcome]:
    for row, others in sorted(forecast_only(table).items()):
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
    for row in published_before_end(table).tolist():
        claim = table.claim(int(row))
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


@cache
def _is_money(unit: str) -> bool:
    try:
        return bool(unit) and currency_of(parse_unit(unit)) is not None
    except UnitError:
        return False


def carried_over(pkg: Package, table: ClaimTable) -> Iterator[Outcome]:
    frame = table.frame
    if frame.empty:
        return
    noted = frame["note"].str.contains(CARRIED_OVER, na=False).to_numpy(bool)
    money = frame["unit"].map(_is_money).to_numpy(bool)
    unprinted = (frame["printed_unit"] == "").to_numpy(bool) & (frame["lo"].notna()).to_numpy(bool)
    for row in np.flatnonzero(noted | (money & unprinted)).tolist():
        claim = table.claim(row)
        how = (
            "the capture note says so" if noted[row] else f"{claim.as_written!r} prints no currency"
        )
        yield Outcome(
            code="unit-carried-over",
            severity=Severity.WARNING,
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
