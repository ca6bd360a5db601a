"""Recompute what a sentence states from its own numbers, and grade the difference.

Every number stands for its interval (printed precision, hedge word, a round number's
halo), so the recomputed figure is an interval too; the stated figure and the recomputed
one are graded as any two figures are (:func:`checks.ledger.grading.grade`): an error when
no reading of the printed numbers agrees, a warning when only the edges of hedges or a
round number's halo do, nothing when they agree.

The numbers of a sentence that states its own arithmetic are its operands, so a round
number's halo is read more narrowly than between two sources: a bare ``10.000`` stands for
9,500 to 10,500 (rounded to two significant figures), not 9,000 to 11,000. A figure that
agrees only through the wider halo is an error (``rounded``): ``tăng từ 10.000 lên 16.000,
tức tăng 40%`` (+60% as printed) is one, though a 1-significant-figure reading of both
levels would reach 40.9%.

A change between two percentages (``from 4.1% to 5.3%, up 1.2%``) may mean a relative
change or a difference in points: the reading that agrees best is kept and named; when
only the points agree and the change is printed as a percent, a warning (percent printed
for percentage points).
Parts that exceed their whole are a warning when there are several (a sentence does not
say whether its groups overlap) and an error when one part alone exceeds it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

from checks.ledger.grading import Verdict, grade, is_hedged, printed_difference
from checks.model.finding import Severity
from checks.numbers.interval import Interval, IntervalError
from checks.numbers.parse import NumberParseError, parse_number
from checks.recompute.kinds import PERCENT, POINTS, is_count
from checks.recompute.relations import Relation
from checks.rules.values import SCALES
from checks.scan.mention import Kind, Mention

_RANK = {
    "agree": 0, "precision": 1, "edge": 1, "points": 1, "more": 1, "rounded": 2,
    "disjoint": 3, "direction": 3, "swapped": 3,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Recomputed:
    """A relation recomputed: the figure its inputs give against the stated one."""

    relation: Relation
    computed: Interval
    computed_printed: Interval
    stated: Interval
    stated_printed: Interval
    verdict: Verdict
    reading: str = ""
    """``relative`` or ``points`` for a change between two percentages, ``more`` for a
    multiple read as one more than printed (``3 times more``: 4 times as much); else
    empty."""
    point: float = math.nan
    """The figure computed from the printed values themselves."""

    @property
    def severity(self) -> Severity | None:
        return self.verdict.severity

    @property
    def value(self) -> float:
        """The recomputed figure from the printed values."""
        return self.point if not math.isnan(self.point) else self.computed_printed.mid

    def message(self) -> str:
        r = self.relation
        written = [f"'{m.as_written}'" for m in r.inputs]
        figure = _show(self.value, r.kind, self.reading, r.stated)
        span = (
            f"{_show(self.computed.lo, r.kind, self.reading, r.stated)} to "
            f"{_show(self.computed.hi, r.kind, self.reading, r.stated)}"
        )
        if r.kind == "parts" and self.verdict.agrees:
            return f"the parts {', '.join(written)} add up to {figure}, within the whole"
        if r.kind == "parts":
            return (
                f"the parts {', '.join(written)} add up to {figure} ({span} for every reading), "
                f"more than the whole '{r.stated.as_written}'; {self.verdict.explain()}"
                + ("; unless the groups overlap" if len(r.inputs) > 1 else "")
            )
        how = {
            "total": " + ".join(written),
            "breakdown": " + ".join(written),
            "change": (
                f"{written[0]} to {written[1]}"
                if self.reading == "to_level"
                else f"from {written[0]} to {written[1]}"
            ),
            "multiple": f"{written[1]} over {written[0]}",
            "share": f"{written[0]} of {written[1]}",
            "average": f"{written[0]} over {written[1]}"
            + (f", per {r.per:,.0f}" if r.per != 1 else ""),
        }[r.kind]
        named = {
            "total": "total",
            "breakdown": "whole its parts make up",
            "change": "change",
            "multiple": "multiple",
            "share": "share",
            "average": "average" if r.per == 1 else "rate",
        }[r.kind]
        reading = " (read as a difference in points)" if self.reading == "points" else ""
        if self.verdict.agrees:
            return (
                f"the sentence states the {named} '{r.stated.as_written}'; {how} recomputes "
                f"to {figure}{reading}: they agree"
            )
        return (
            f"the sentence states the {named} '{r.stated.as_written}'; {how} recomputes to "
            f"{figure}{reading} ({span} for every reading of the printed numbers); "
            f"{self.verdict.explain()}"
        )


def recompute(relation: Relation) -> Recomputed | None:
    """The relation recomputed and graded; None when it cannot be computed (a base of zero)."""
    try:
        if relation.kind == "parts":
            return _parts(relation)
        if relation.kind == "change" and relation.stated.value is None:
            return _direction(relation)
        candidates = [_graded(relation, reading) for reading in _readings(relation)]
    except (IntervalError, NumberParseError, ZeroDivisionError, OverflowError):
        return None
    kept = [c for c in candidates if c is not None]
    if not kept:
        return None
    best = min(kept, key=lambda c: (_RANK[c.verdict.basis], c.verdict.difference))
    if best.reading == "more" and best.verdict.agrees:
        # ``tăng 3 lần, lên 1,2 triệu … so với 300 nghìn``: 4 times as much, which "3 times
        # more" means only read strictly; the usual reading (3 times as much) disagrees
        plain = next(c for c in kept if c.reading == "")
        best = replace(
            plain, verdict=Verdict(Severity.WARNING, "more", plain.verdict.difference, 0.0, None)
        )
    if _swapped_base(best):
        difference = best.verdict.difference or printed_difference(
            Interval.point(best.point), _point(best.relation.stated)
        )
        best = replace(best, verdict=Verdict(Severity.ERROR, "swapped", difference, 0.0, None))
    relative = [c for c in kept if c.reading == "relative"]
    points = [c for c in kept if c.reading == "points"]
    exact_points = bool(relative and points) and _only_points_exact(relative[0], points[0])
    if exact_points and best.verdict.agrees:
        best = points[0]  # ``tăng từ 82% lên 86%, tức tăng 4%``: +4.9% relative, 4 points
    if (
        best.reading == "points"
        and best.verdict.agrees
        and relative
        and (not relative[0].verdict.agrees or exact_points)
    ):
        # ``từ 82,0% lên 85,2%, tức tăng 3,2%``: 3.2 points printed as a percent (+3.9%)
        difference = relative[0].verdict.difference
        best = replace(best, verdict=Verdict(Severity.WARNING, "points", difference, 0.0, None))
    return best


def _only_points_exact(relative: Recomputed, points: Recomputed) -> bool:
    """Whether the difference in points computed from the printed levels rounds to the
    stated percent and the relative change does not: a relative change agrees then only
    through the rounding of the two levels, while the points are what was printed."""
    target = _printed(relative.relation.stated, relative.relation.language)
    return (
        not is_hedged(relative.relation.stated.qualifier)
        and _rounds_to(target, points.point)
        and not _rounds_to(target, relative.point)
    )


def _swapped_base(found: Recomputed) -> bool:
    """A change in percent that is the difference over the new level, not the old one
    (``giảm từ 5 triệu xuống 4 triệu, tức giảm 25%``: 1 over 4), while the change reckoned
    on the old level does not round to it: the best-known slip of a percent change, which
    the halo of round levels would otherwise let agree."""
    relation = found.relation
    stated = relation.stated
    if (
        relation.kind != "change"
        or found.reading != "relative"
        or stated.unit != PERCENT
        or is_hedged(stated.qualifier)
        or len(relation.inputs) != 2
    ):
        return False
    base, new = (_point(m).mid for m in relation.inputs)
    if new == 0 or base == new:
        return False
    target = _printed(stated, relation.language)
    return _rounds_to(target, (new - base) / abs(new) * 100.0) and not _rounds_to(
        target, found.point
    )


def _readings(relation: Relation) -> list[str]:
    if relation.kind == "multiple" and relation.more:
        return ["", "more"]
    if relation.kind == "change" and relation.inputs[0].form == "change":
        return ["to_level"]  # an amount and the level it reached: the base is their difference
    if relation.kind != "change" or relation.stated.unit != PERCENT:
        return [""]
    if all(m.unit == PERCENT for m in relation.inputs):
        return ["relative", "points"]
    return ["relative"]


def _graded(relation: Relation, reading: str) -> Recomputed | None:
    hedged = _compute(relation, reading, [_hedged(m) for m in relation.inputs])
    printed = _compute(relation, reading, [_printed(m, relation.language) for m in relation.inputs])
    point = _compute(relation, reading, [_point(m) for m in relation.inputs])
    if hedged is None or printed is None or point is None:
        return None
    stated = relation.stated
    stated_hedged, stated_printed = _hedged(stated), _printed(stated, relation.language)
    verdict = grade(
        (hedged, stated_hedged),
        (printed, stated_printed),
        any_hedged=any(is_hedged(m.qualifier) for m in (stated, *relation.inputs)),
        both_hedged=is_hedged(stated.qualifier)
        and any(is_hedged(m.qualifier) for m in relation.inputs),
    )
    if verdict.basis != "disjoint" and not any(is_hedged(m.qualifier) for m in relation.inputs):
        verdict = _as_printed(relation, reading, point.mid, printed)
    elif verdict.basis == "disjoint":  # how far the figure as printed is from the stated one
        verdict = replace(
            verdict, difference=printed_difference(Interval.point(point.mid), _point(stated))
        )
    return Recomputed(
        relation, hedged, printed, stated_hedged, stated_printed, verdict, reading, point.mid
    )


def _as_printed(relation: Relation, reading: str, point: float, printed: Interval) -> Verdict:
    """The verdict when the inputs print no hedge: the figure computed from the printed
    values, or from operands rounded short of their limits, must be what the stated figure
    (with its own hedge) allows; when only operands at the limits of their rounding give it,
    a warning, and when not even a rounding to two significant figures can, an error.
    ``printed`` is the figure computed from the printed precision of the operands."""
    stated = relation.stated
    target = _hedged(stated) if is_hedged(stated.qualifier) else _printed(stated, relation.language)
    last = _last_digit(stated)
    if _rounds_to(target, point) or (last is not None and _rounds_to(last, point)):
        return Verdict(None, "agree", 0.0, 0.0, None)  # the exact figure rounds to it
    probe = target if is_hedged(stated.qualifier) else _point(stated)
    if probe.overlaps(_inner(printed)):
        return Verdict(None, "agree", 0.0, 0.0, None)  # the operands were rounded, not wrong
    difference = printed_difference(Interval.point(point), _point(stated))
    inputs = [_two_figures(m, relation.language) for m in relation.inputs]
    narrow = _compute(relation, reading, inputs)
    if narrow is not None and not narrow.overlaps(_two_figures(stated, relation.language)):
        return Verdict(Severity.ERROR, "rounded", difference, 0.0, None)
    return Verdict(Severity.WARNING, "precision", difference, 0.0, None)


def _direction(relation: Relation) -> Recomputed | None:
    """A change word with no figure (``rose to 2.9% from 3.2%``): an error when every
    reading of the two levels moves the other way, else agreement."""
    hedged = _compute(relation, "relative", [_hedged(m) for m in relation.inputs])
    printed = _compute(
        relation, "relative", [_printed(m, relation.language) for m in relation.inputs]
    )
    point = _compute(relation, "relative", [_point(m) for m in relation.inputs])
    if hedged is None or printed is None or point is None:
        return None
    up = relation.stated.change == "increase"
    wrong = hedged.hi < 0 if up else hedged.lo > 0
    verdict = (
        Verdict(Severity.ERROR, "direction", abs(point.mid) / 100, 0.0, None)
        if wrong
        else Verdict(None, "agree", 0.0, 0.0, None)
    )
    sign = Interval(0.0, math.inf) if up else Interval(-math.inf, 0.0)
    return Recomputed(relation, hedged, printed, sign, sign, verdict, "", point.mid)


def _compute(relation: Relation, reading: str, values: list[Interval]) -> Interval | None:
    kind = relation.kind
    if kind == "change" and reading == "to_level":
        amount, new = values
        base = new - amount
        return None if base.lo <= 0 else (amount / base).scale(100.0)
    if kind == "change":
        base, new = values
        if relation.stated.unit == POINTS or reading == "points":
            return new - base
        if relation.stated.unit == PERCENT:
            if base.lo <= 0:
                return None
            return (new / base - Interval.point(1.0)).scale(100.0)
        return new - base
    if kind == "multiple":
        base, new = values
        if base.lo <= 0:
            return None
        ratio = new / base
        return ratio - Interval.point(1.0) if reading == "more" else ratio
    if kind == "share":
        part, whole = values
        return None if whole.lo <= 0 else (part / whole).scale(100.0)
    if kind == "average":
        total, count = values
        return None if count.lo <= 0 else (total / count).scale(relation.per)
    if kind in ("total", "breakdown"):
        return _sum(values)
    raise ValueError(f"unknown relation {kind!r}")  # pragma: no cover - KINDS is closed


def _parts(relation: Relation) -> Recomputed | None:
    whole = relation.stated
    hedged = _sum([_hedged(m) for m in relation.inputs])
    printed = _sum([_printed(m, relation.language) for m in relation.inputs])
    point = sum(_point(m).mid for m in relation.inputs)
    whole_hedged, whole_printed = _hedged(whole), _printed(whole, relation.language)
    target = whole_hedged if is_hedged(whole.qualifier) else whole_printed
    excess = point - target.hi
    difference = excess / abs(target.hi) if target.hi else math.inf
    alone = len(relation.inputs) == 1
    if hedged.lo > whole_hedged.hi:
        severity = Severity.ERROR if alone else Severity.WARNING
        verdict = Verdict(severity, "disjoint", difference, 0.0, None)
    elif excess > 0 and not any(is_hedged(m.qualifier) for m in relation.inputs):
        narrow_sum = _sum([_two_figures(m, relation.language) for m in relation.inputs])
        if narrow_sum.lo > _two_figures(whole, relation.language).hi:
            verdict = Verdict(
                Severity.ERROR if alone else Severity.WARNING, "rounded", difference, 0.0, None
            )
        else:
            verdict = Verdict(Severity.WARNING, "precision", difference, 0.0, None)
    else:
        verdict = Verdict(None, "agree", 0.0, 0.0, None)
    return Recomputed(relation, hedged, printed, whole_hedged, whole_printed, verdict, "", point)


_EDGE_BAND = 0.1
"""The share of a recomputed interval at each end that only operands rounded to their
limits reach: a stated figure there is a warning, one inside it agrees (``losses of $3.4
billion, an average of $33,915 per victim`` over 101,068 victims: the average was computed
from the unrounded total)."""


def _rounds_to(target: Interval, point: float) -> bool:
    """Whether ``point`` rounds (half away from zero) into ``target``: a figure at the far
    limit itself (650 + 380 + 220 = 1,250 for ``$1.2 billion``) is a toss-up, not a match."""
    if point >= 0:
        return target.lo <= point < target.hi
    return target.lo < point <= target.hi


def _last_digit(mention: Mention) -> Interval | None:
    """An unhedged whole number rounded at its last nonzero digit, when that leaves two
    significant digits or more (``18.100``: 18,050 to 18,150, for 217,700 over 12 months);
    else None. ``1.000`` has none: one significant digit is too coarse to reconcile by."""
    value = mention.value
    if is_hedged(mention.qualifier) or value is None or value != math.floor(value) or not value:
        return None
    whole = abs(int(value))
    step = 1
    while whole % (step * 10) == 0:
        step *= 10
    if step == 1 or whole // step < 10:
        return None
    return Interval(value - step / 2, value + step / 2)


def _inner(interval: Interval) -> Interval:
    band = interval.width * _EDGE_BAND
    return Interval(interval.lo + band, interval.hi - band)


def _sum(values: list[Interval]) -> Interval:
    total = values[0]
    for value in values[1:]:
        total = total + value
    return total


def _point(mention: Mention) -> Interval:
    if mention.value is None:  # pragma: no cover - relations hold read numbers only
        raise NumberParseError(mention.as_written, "no reading")
    return Interval.point(mention.value)


_MULTIPLE_HEDGES = {
    "nearly": (0.85, 1.0),
    "approx": (0.85, 1.15),
    "more_than": (1.0, 1.25),
    "at_least": (1.0, 1.25),
    "less_than": (0.8, 1.0),
    "up_to": (0.8, 1.0),
}
"""How far a hedged multiple reaches: ``nearly doubled`` (1.92 times), ``more than twice``
(2.32 times), ``hơn gấp 3 lần``. A multiple is a coarse figure, so its hedge is wider than a
count's; below and above these, the next whole multiple would have been written."""


_DECIMAL_HEDGE = 0.05
"""How far a hedge reaches on a multiple printed with decimals (``about 1.6 times``: 1.52
to 1.68): a journalist who prints the tenth has computed it, so the hedge is the rounding's,
not a whole multiple's (``nearly doubled``)."""


_WHOLE_MULTIPLE = 0.05
"""How far a plain whole multiple reaches, in words or digits alike: ``gấp đôi``, ``gấp 2
lần`` and ``doubled`` are 1.9 to 2.1 times. A journalist writes ``gấp 2 lần`` for 1.93 times,
not for 1.67 (which the digit's own rounding, 1.5 to 2.5, would allow)."""


def _hedged(mention: Mention) -> Interval:
    if mention.interval is None:  # pragma: no cover - relations hold read numbers only
        raise NumberParseError(mention.as_written, "no reading")
    reach = _MULTIPLE_HEDGES.get(mention.qualifier)
    if mention.form == "multiplier" and reach is not None and mention.value is not None:
        value = mention.value
        if value != math.floor(value):  # ``about 1.6 times``: a figure to the tenth
            low, high = reach
            reach = (max(low, 1 - _DECIMAL_HEDGE), min(high, 1 + _DECIMAL_HEDGE))
        return Interval(value * reach[0], value * reach[1])
    return _fixed_reach(mention) or mention.interval


def _fixed_reach(mention: Mention) -> Interval | None:
    """What a plain whole multiple, a share in words, an exact count or a duration in
    whole units (the count of an average per period: exactly that many) stands for, hedged
    or as printed alike; None for any other number."""
    value = mention.value
    whole = bool(value) and value == math.floor(value or 0.0)
    if mention.kind is Kind.DURATION and whole and not is_hedged(mention.qualifier):
        return Interval.point(value or 0.0)  # ``Trong 5 năm``, ``Năm 2024`` as 12 months
    return _whole_multiple(mention) or _word_share(mention) or _exact_count(mention)


_WORD_SHARE = 0.1
"""How far a share in words reaches: ``a third`` is 30% to 36.7%, ``one in four`` 22.5% to
27.5%, ``cứ 10 em thì có 3`` 27% to 33%; a hedged one reaches as a hedged multiple does
(:data:`_MULTIPLE_HEDGES`: ``khoảng một phần ba`` is 28.3% to 38.3%)."""


def _word_share(mention: Mention) -> Interval | None:
    """The reach of a share printed as a fraction (:func:`relations._fraction_as_percent`)."""
    value = mention.value
    if mention.form != "fraction" or mention.unit != PERCENT or value is None:
        return None
    low, high = _MULTIPLE_HEDGES.get(mention.qualifier, (1 - _WORD_SHARE, 1 + _WORD_SHARE))
    return Interval(value * low, value * high)


_COUNTED = re.compile(r"[0-9]{1,3}(?:[.,][0-9]{3})*")
"""An integer printed to the unit, with or without thousands separators."""


def _exact_count(mention: Mention) -> Interval | None:
    """A count of things printed to the unit and not round (``3 thủ môn``, ``1.234 vụ``):
    exactly that many. Twenty-six players are not 25.5 to 26.5; a round count (``2.000``)
    and an amount (``26 tỷ``, ``$26``) keep the halo of their rounding."""
    written = mention.as_written.strip()
    if (
        mention.value is None
        or mention.form != "number"
        or is_hedged(mention.qualifier)
        or (mention.unit is not None and not is_count(mention.unit))
        or not _COUNTED.fullmatch(written)
        or written.endswith("0")
    ):
        return None
    return Interval.point(mention.value)


def _whole_multiple(mention: Mention) -> Interval | None:
    """The reach of an unhedged whole multiple (:data:`_WHOLE_MULTIPLE`), else None."""
    value = mention.value
    if (
        mention.form != "multiplier"
        or is_hedged(mention.qualifier)
        or value is None
        or value < 2
        or value != math.floor(value)
    ):
        return None
    return Interval(value * (1 - _WHOLE_MULTIPLE), value * (1 + _WHOLE_MULTIPLE))


def _two_figures(mention: Mention, language: str) -> Interval:
    """A bare number's interval with its round-number halo cut to two significant figures
    (``10.000``: 9,500 to 10,500); a hedged number keeps its hedge's interval."""
    full = _hedged(mention)
    if is_hedged(mention.qualifier) or mention.value is None or mention.value == 0:
        return full
    printed = _printed(mention, language)
    value = mention.value
    half = 10.0 ** (math.floor(math.log10(abs(value))) - 1) / 2
    # the halo cut to two figures; a number printed to more keeps its own, narrower halo
    return Interval(
        min(printed.lo, max(full.lo, value - half)), max(printed.hi, min(full.hi, value + half))
    )


def _printed(mention: Mention, language: str) -> Interval:
    """The printed precision alone, without hedge or halo (a whole multiple's reach), with
    the sign of the mention (``fell $2.10, or 3.4%``: the 3.4% is a fall)."""
    fixed = _fixed_reach(mention)
    if fixed is not None:
        return fixed
    printed = parse_number(mention.as_written, locale=mention.language or language).printed
    if mention.value is not None and mention.value < 0 < printed.lo:
        return Interval(-printed.hi, -printed.lo)
    return printed


def _show(x: float, kind: str, reading: str, stated: Mention) -> str:
    if math.isinf(x):
        return "unbounded"
    if kind == "change" and stated.unit == PERCENT and reading != "points":
        return f"{x:+.1f}%"
    if kind == "change" and (stated.unit == POINTS or reading == "points"):
        return f"{x:+.2f} points"
    if kind == "share":
        return f"{x:.1f}%"
    if kind == "multiple":
        return f"{x:.2f} times"
    if stated.unit == PERCENT:  # shares of one whole, summed
        return f"{x:.4g}%"
    unit = stated.unit if stated.unit and not stated.unit.islower() else ""
    for size, word in SCALES:
        if abs(x) >= size:
            return " ".join(p for p in (f"{x / size:.4g}", word, unit) if p)
    return " ".join(p for p in (f"{x:,.0f}" if abs(x) >= 1000 else f"{x:.4g}", unit) if p)
