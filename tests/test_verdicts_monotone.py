"""Hypothesis properties of graded verdicts: widening a claim's interval never turns an
agreement into an error, and narrowing one never removes an error."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checks.ledger.grading import Verdict, grade
from checks.model.finding import Severity
from checks.numbers.interval import Interval

finite = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False, allow_infinity=False)
spread = st.floats(min_value=0, max_value=1e8, allow_nan=False, allow_infinity=False)


@st.composite
def figure(draw: st.DrawFn) -> tuple[Interval, Interval]:
    """A claim: its interval (hedges included) and its printed value inside it."""
    value = draw(finite)
    below, above = draw(spread), draw(spread)
    return Interval(value - below, value + above), Interval.point(value)


settings = st.fixed_dictionaries(
    {
        "severity": st.sampled_from(list(Severity)),
        "edge_share": st.none() | st.floats(min_value=0, max_value=1),
        "error_gap": st.none() | st.floats(min_value=0, max_value=1),
        "both_hedged": st.booleans(),
        "tolerance": st.sampled_from([0.0, 0.01, 0.1]),
    }
)


def _is_error(verdict: Verdict) -> bool:
    return verdict.severity is Severity.ERROR


@given(figure(), figure(), spread, spread, st.booleans(), settings)
def test_widening_a_claims_interval_never_turns_an_agreement_into_an_error(
    left: tuple[Interval, Interval],
    right: tuple[Interval, Interval],
    more_below: float,
    more_above: float,
    widen_left: bool,
    kwargs: dict,  # type: ignore[type-arg]
) -> None:
    before = grade((left[0], right[0]), (left[1], right[1]), **kwargs)
    target = left if widen_left else right
    wider = Interval(target[0].lo - more_below, target[0].hi + more_above)
    pair = (wider, right[0]) if widen_left else (left[0], wider)
    after = grade(pair, (left[1], right[1]), **kwargs)
    if before.severity is None:
        assert not _is_error(after)
    if not _is_error(before):
        assert not _is_error(after)


@given(figure(), figure(), st.floats(0, 1), st.floats(0, 1), st.booleans(), settings)
def test_narrowing_a_claims_interval_never_removes_an_error(
    left: tuple[Interval, Interval],
    right: tuple[Interval, Interval],
    keep_below: float,
    keep_above: float,
    narrow_left: bool,
    kwargs: dict,  # type: ignore[type-arg]
) -> None:
    before = grade((left[0], right[0]), (left[1], right[1]), **kwargs)
    target = left if narrow_left else right
    value = target[1].lo
    # a narrower interval that still holds the printed value
    narrower = Interval(
        value - (value - target[0].lo) * keep_below, value + (target[0].hi - value) * keep_above
    )
    pair = (narrower, right[0]) if narrow_left else (left[0], narrower)
    after = grade(pair, (left[1], right[1]), **kwargs)
    if _is_error(before):
        assert _is_error(after)
