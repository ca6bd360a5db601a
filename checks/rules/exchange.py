"""Currency conversion through dated exchange-rate claims, never through a fixed rate.

An exchange-rate claim is any claim whose unit is one currency per another (``VND/USD``).
A value in VND (or per VND) converts to USD through each such claim about the same subject
whose period is comparable with, or contains, the value's period.
"""

from __future__ import annotations

from functools import cache

import pint

from checks.ledger.claims import Claim, ClaimTable
from checks.ledger.periods import Period
from checks.numbers.units import UnitError, parse_unit, registry
from checks.rules.evaluate import claim_value, combine
from checks.rules.functions import FunctionError
from checks.rules.values import Quantity


@cache
def rate_currencies(unit: str) -> tuple[str, str] | None:
    """``("[currency_vnd]", "[currency_usd]")`` for ``VND/USD``; None for other units."""
    try:
        dims = dict(registry().Quantity(1.0, parse_unit(unit)).dimensionality)
    except UnitError:
        return None
    if len(dims) != 2:
        return None
    top = [d for d, p in dims.items() if p == 1 and str(d).startswith("[currency")]
    bottom = [d for d, p in dims.items() if p == -1 and str(d).startswith("[currency")]
    if len(top) == 1 and len(bottom) == 1:
        return str(top[0]), str(bottom[0])
    return None


def rate_claims(table: ClaimTable, subject: str, period: Period) -> list[Claim]:
    """Exchange-rate claims about ``subject`` whose period fits ``period``."""
    frame = table.frame
    if frame.empty:
        return []
    units = frame["unit"].drop_duplicates()
    rate_units = [u for u in units if rate_currencies(str(u)) is not None]
    if not rate_units:
        return []
    mask = frame["unit"].isin(rate_units) & (frame["subject"] == subject)
    out: list[Claim] = []
    for position in mask[mask].index:
        claim = table.claim(int(position))
        if claim.interval is None:
            continue
        if claim.period.comparable(period, "ratio") or claim.period.contains(period):
            out.append(claim)
    return out


def _power(unit: pint.Unit, dimension: str) -> int:
    dims = dict(registry().Quantity(1.0, unit).dimensionality)
    power = dims.get(dimension, 0)
    return int(power) if isinstance(power, int | float) else 0


def convert_through(value: Quantity, rate: Claim) -> Quantity | None:
    """``value`` with one currency swapped for the other through ``rate``; None if it has
    neither currency."""
    currencies = rate_currencies(rate.unit)
    if currencies is None:
        return None
    top, bottom = currencies
    rate_value = claim_value(rate)
    if not isinstance(rate_value, Quantity):
        return None
    try:
        if _power(value.unit, top) == 1 or _power(value.unit, bottom) == -1:
            return _plain(combine("/", value, rate_value))
        if _power(value.unit, bottom) == 1 or _power(value.unit, top) == -1:
            return _plain(combine("*", value, rate_value))
    except FunctionError:
        return None
    return None


def _plain(value: object) -> Quantity | None:
    return value if isinstance(value, Quantity) else None
