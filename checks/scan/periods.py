"""The periods a quote prints: what a claim quoting it may be about."""

from __future__ import annotations

from checks.scan.dates import Period
from checks.scan.mention import Kind
from checks.scan.patterns import is_base_period
from checks.scan.scanner import scan_text


def quote_periods(quote: str, language: str, *, day: bool) -> list[Period]:
    """The dates with a year that ``quote`` prints, as periods, in text order: not those
    after a word of comparison (``so với năm 2022``, ``up from … in 2015``: a base, not the
    period), and a single day only when ``day`` (a claim about a day may print its day; for
    a longer period a day is when something was reported). The date of a base level (``so
    với 1.375 website năm 2023``) is a base too; a claim on that level prints its year, which
    the caller looks for first.

    >>> [str(p) for p in quote_periods("Năm 2023 tăng 5% so với năm 2022", "vi", day=False)]
    ['2023-01-01..2023-12-31']
    """
    found: list[Period] = []
    for mention in scan_text(quote, language if language in ("vi", "en") else "auto").mentions:
        period = mention.period
        if mention.kind is not Kind.DATE or period is None or not period.fixed:
            continue
        if period.start == period.end and not day:
            continue
        if is_base_period(quote, mention.start, mention.as_written):
            continue
        found.append(period)
    return found
