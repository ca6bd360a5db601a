"""Evaluating rule expressions: interval arithmetic in units, the named functions, solving."""

from __future__ import annotations

import datetime as dt

import pytest

from checks.ledger.claims import Claim
from checks.ledger.periods import Period
from checks.numbers.interval import Interval
from checks.numbers.units import parse_unit
from checks.rules.errors import RuleEvaluationError
from checks.rules.evaluate import Evaluation
from checks.rules.parser import parse_expression
from checks.rules.syntax import Node, Ref
from checks.rules.values import Moment, Quantity, show, unit_text


def make(
    claim_id: str,
    lo: float | None,
    hi: float | None,
    unit: str,
    start: str,
    end: str | None = None,
    indicator: str = "x",
) -> Claim:
    interval = None if lo is None or hi is None else Interval(lo, hi)
    return Claim(
        claim_id=claim_id,
        source_id="s",
        source_kind="news",
        published=None,
        subject="VNM",
        indicator_id=indicator,
        kind="flow",
        family="f",
        unit=unit,
        qualifier="exact",
        as_written="" if interval is None else "n",
        quote="q",
        speaker="",
        note="",
        period=Period(dt.date.fromisoformat(start), dt.date.fromisoformat(end or start)),
        interval=interval,
        printed=interval,
        canonical=interval,
        canonical_unit=unit,
        row=0,
    )


def value(text: str, **bound: Claim) -> Quantity | Moment:
    tree = parse_expression(text)
    assert not hasattr(tree, "ops")
    return Evaluation("r", bound).value(tree)  # type: ignore[arg-type]


def test_percent_converts_to_a_fraction_when_the_units_meet() -> None:
    users = make("u", 78.435e6, 78.445e6, "person", "2024-01-01")
    share = make("p", 79.05, 79.15, "percent", "2024-01-01")
    implied = value("[u] / [p]", u=users, p=share)
    assert isinstance(implied, Quantity)
    people = implied.to(parse_unit("person"))
    assert show(people.interval, people.unit) == "[99.096, 99.235] million person"


def test_money_in_two_currencies_cannot_be_added() -> None:
    vnd = make("a", 1, 2, "VND", "2023-01-01")
    usd = make("b", 1, 2, "USD", "2023-01-01")
    with pytest.raises(RuleEvaluationError) as caught:
        value("[a] + [b]", a=vnd, b=usd)
    assert caught.value.reason == "cannot add USD to VND"


def test_division_keeps_units_and_rounds_outwards() -> None:
    losses = make("l", 389_999.5e9, 390_000.5e9, "VND", "2023-01-01")
    reports = make("r", 14_400, 16_000, "report", "2023-01-01")
    per_report = value("[l] / [r]", l=losses, r=reports)
    assert isinstance(per_report, Quantity)
    assert unit_text(per_report.unit) == "VND/report"
    assert per_report.interval.lo <= 389_999.5e9 / 16_000
    assert per_report.interval.hi >= 390_000.5e9 / 14_400
    assert show(per_report.interval, per_report.unit) == "[24.37, 27.09] billion VND/report"


def test_growth_is_percent_change_from_the_second_to_the_first() -> None:
    now = make("n", 150, 150, "VND", "2023-01-01")
    base = make("b", 100, 100, "VND", "2022-01-01")
    rate = value("growth([n], [b])", n=now, b=base)
    assert isinstance(rate, Quantity) and unit_text(rate.unit) == "percent"
    assert rate.interval.lo <= 50 <= rate.interval.hi and rate.interval.width < 1e-9


def test_cagr_uses_the_years_between_the_periods() -> None:
    first = make("a", 8, 8, "USD", "2023-01-01", "2023-12-31")
    last = make("b", 10.5, 10.5, "USD", "2025-01-01", "2025-12-31")
    rate = value("cagr([a], [b])", a=first, b=last)
    assert isinstance(rate, Quantity)
    expected = ((10.5 / 8) ** 0.5 - 1) * 100
    assert rate.interval.lo <= expected <= rate.interval.hi
    assert rate.interval.width < 1e-9
    assert show(rate.interval, rate.unit) == "[14.56439237, 14.56439237] percent"


def test_cagr_with_an_explicit_number_of_years() -> None:
    first = make("a", 100, 100, "USD", "2020-01-01")
    last = make("b", 121, 121, "USD", "2020-01-01")
    rate = value("cagr([a], [b], 2)", a=first, b=last)
    assert isinstance(rate, Quantity)
    assert rate.interval.lo <= 10 <= rate.interval.hi


def test_years_between_two_days_is_the_gap_give_or_take_a_day() -> None:
    joined = make("j", None, None, "", "1977-09-20")
    chosen = make("c", None, None, "", "2024-12-24")
    span = value("years([j], [c])", j=joined, c=chosen)
    assert isinstance(span, Quantity) and unit_text(span.unit) == "year"
    assert show(span.interval, span.unit) == "[47.25759, 47.26307] year"


def test_a_year_only_date_spans_the_whole_year() -> None:
    start = make("s", None, None, "", "2021-01-01", "2021-12-31")
    end = make("e", None, None, "", "2024-01-01", "2024-12-31")
    span = value("years([s], [e])", s=start, e=end)
    assert isinstance(span, Quantity)
    assert (round(span.interval.lo, 6), round(span.interval.hi, 6)) == (2.0, 4.0)


def test_hull_of_dates_accepts_either_reading() -> None:
    untoc = make("a", None, None, "", "2000-11-15")
    uncac = make("b", None, None, "", "2003-10-31")
    adopted = make("c", None, None, "", "2024-12-24")
    span = value("years(hull([a], [b]), [c])", a=untoc, b=uncac, c=adopted)
    assert isinstance(span, Quantity)
    assert show(span.interval, span.unit) == "[21.14, 24.11] year"


def test_start_end_and_the_length_of_a_period() -> None:
    claim = make("d", 4.5, 5, "year", "2021-01-01", "2024-12-24")
    whole = value("years([d])", d=claim)
    assert isinstance(whole, Quantity)
    assert round(whole.interval.lo, 4) == 3.9809
    first = value("start([d])", d=claim)
    assert isinstance(first, Moment) and str(first.period) == "2021-01-01"


def test_count_strips_the_counted_unit_and_refuses_money() -> None:
    attacks = make("a", 10, 12, "attack", "2023-01-01")
    counted = value("count([a])", a=attacks)
    assert isinstance(counted, Quantity) and unit_text(counted.unit) == ""
    money = make("m", 1, 2, "VND", "2023-01-01")
    with pytest.raises(RuleEvaluationError) as caught:
        value("count([m])", m=money)
    assert caught.value.reason == "count: VND is not a count"


def test_a_date_is_not_a_number() -> None:
    event = make("e", None, None, "", "2024-12-24")
    with pytest.raises(RuleEvaluationError) as caught:
        value("growth([e], [e])", e=event)
    assert caught.value.reason == "growth: the first argument is a date (2024-12-24), not a number"


def test_steps_record_each_reference_and_operation() -> None:
    a = make("a", 10, 10, "report", "2023-01-01")
    ev = Evaluation("r", {"a": a})
    ev.value(parse_expression("[a] * 2"))  # type: ignore[arg-type]
    assert ev.steps == [
        "[a] ← a ('n', exact, 2023-01-01) = [10, 10] report",
        "[a] * 2 = [20, 20] report",
    ]


def test_solve_recovers_the_base_of_a_growth_rate() -> None:
    now = make("n", 390_000e9, 390_000e9, "VND", "2023-01-01", "2023-12-31")
    ev = Evaluation("r", {"n": now})
    rate = Quantity(Interval(64.775, 64.785), parse_unit("percent"))
    tree: Node = parse_expression("growth([n], [n@previous])")  # type: ignore[assignment]
    base = ev.solve(tree, Ref("n", False, "previous", 0), rate)
    assert isinstance(base, Quantity)
    assert base.interval.lo <= 390_000e9 / 1.64785 and base.interval.hi >= 390_000e9 / 1.64775
    assert show(base.interval, base.unit) == "[236.672, 236.6864] trillion VND"


def test_previous_period_of_a_year_a_month_and_days() -> None:
    year = Period(dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    month = Period(dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    days = Period(dt.date(2024, 3, 5), dt.date(2024, 3, 14))
    assert [str(p.previous()) for p in (year, month, days)] == [
        "2022-01-01..2022-12-31",
        "2024-02-01..2024-02-29",
        "2024-02-24..2024-03-04",
    ]


def test_comparable_periods_equal_or_an_instant_in_a_stock_window() -> None:
    year = Period(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    day = Period(dt.date(2024, 4, 1), dt.date(2024, 4, 1))
    assert year.comparable(day, "stock") and day.comparable(year, "ratio")
    assert not year.comparable(day, "flow")
    assert not day.comparable(Period(dt.date(2024, 4, 2), dt.date(2024, 4, 2)), "stock")
