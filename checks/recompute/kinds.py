"""When two numbers of a sentence are of one kind: their units, the things they count, the
nouns after them; and the small facts about one number a relation needs (is it a level,
what it counts, its value negated).

Used by :mod:`checks.recompute.relations` to decide which numbers a relation may link:
``1,200`` beside ``2,000 respondents`` are of one kind, ``300 flights`` and ``1,500
passengers`` are not, a length is never a count.
"""

from __future__ import annotations

from dataclasses import replace

from checks.numbers.interval import Interval
from checks.numbers.units import UnitError, parse_unit
from checks.scan.mention import Kind, Mention

PERCENT = "percent"
POINTS = "percentage_point"
TIMES = "times"

TIME_UNITS = frozenset(
    ("year", "month", "week", "day", "hour", "minute", "second", "quarter", "decade", "century")
)


def is_count(unit: str | None) -> bool:
    """A unit that counts things (``person``, ``incident``, a package's ``countUnits``): in
    the unit registry each is a dimension of its own name; a length or a mass is not."""
    if unit is None or not unit.islower() or unit in (PERCENT, POINTS, TIMES, *TIME_UNITS):
        return False
    try:
        dimensions = dict(parse_unit(unit).dimensionality)
    except UnitError:
        return False
    return dimensions == {f"[{unit}]": 1}


def unit_class(mention: Mention) -> str | None:
    """What a number counts or measures: its unit, None for a bare count."""
    return mention.unit


def is_money_or_measure(unit: str | None) -> bool:
    """A currency or a physical unit, not a count of things (counts are lower-case words)."""
    return unit is not None and not unit.islower() and unit not in (PERCENT, POINTS, TIMES)


_ANY_CASE = "incident"
"""``vụ`` (a case, an incident) is Vietnamese's general counter of events: 11.200 ``vụ``
may be 11.200 of the ``tin báo`` (reports) of the same sentence."""


def compatible(a: Mention, b: Mention) -> bool:
    """Two numbers of one kind: the same unit, or a bare count beside a counted noun, or a
    count of cases (``vụ``) beside a count of events of another name."""
    ua, ub = unit_class(a), unit_class(b)
    if ua == ub:
        return True
    if _ANY_CASE in (ua, ub) and is_count(ua) and is_count(ub):
        return True
    if ua is None or ub is None:
        return is_count(ub if ua is None else ua)
    return False


def per_unit_twins(a: Mention, b: Mention) -> bool:
    """An amount per unit and the same amount with its ``/unit`` left off, as a second
    mention of a price or a wage often is (``từ 21.980 đồng xuống còn 21.460 đồng/lít``,
    ``7,1 triệu đồng/tháng … (6,9 triệu đồng)``): the two levels of one change."""
    ua, ub = a.unit or "", b.unit or ""
    if ua == ub or not ua or not ub:
        return False
    short, long = sorted((ua, ub), key=len)
    return long.startswith(short + "/") and is_money_or_measure(short)


def level_of(level: Mention, change: Mention) -> bool:
    """A level a change by an amount can link: of its kind, or its per-unit twin."""
    return compatible(level, change) or per_unit_twins(level, change)


def is_level(mention: Mention) -> bool:
    """A plain number that can be a level, a part or a whole (not a change, a multiple,
    a range or an ambiguous reading)."""
    return (
        mention.kind is Kind.QUANTITY
        and mention.form == "number"
        and mention.interval is not None
        and mention.value is not None
        and not mention.ambiguous
        and mention.qualifier != "range"
        and mention.unit != TIMES
        and mention.unit not in TIME_UNITS
    )


def nouns_agree(a: Mention, b: Mention) -> bool:
    """Two bare counts count the same thing unless both are followed by plural nouns that
    differ (``300 flights`` and ``1,500 passengers``). The word after a number is not
    always its noun (``2 triệu lên``, ``1,500 recorded``): only plural forms are trusted."""
    na, nb = a.noun.casefold().split(), b.noun.casefold().split()
    if len(na) != 1 or len(nb) != 1:
        return True
    first, second = na[0], nb[0]
    plural = all(
        w.isascii() and w.isalpha() and len(w) > 3 and w.endswith("s") for w in (first, second)
    )
    return not plural or first[:4] == second[:4]


def same_noun(a: Mention, b: Mention) -> bool:
    """Two numbers with the same unit, or bare counts whose nouns start with the same word
    (``5 đội`` and ``150 cầu thủ`` do not; a number with no noun agrees)."""
    if a.unit is not None or b.unit is not None:
        return a.unit == b.unit
    na, nb = a.noun.casefold().split(), b.noun.casefold().split()
    return not na or not nb or na[0] == nb[0]


def negated(mention: Mention) -> Mention:
    """The mention of a read number with its value and interval of the opposite sign."""
    interval = mention.interval
    if mention.value is None or interval is None:  # pragma: no cover - callers read it
        return mention
    return replace(mention, value=-mention.value, interval=Interval(-interval.hi, -interval.lo))
