"""How the numbers of one sentence relate: a change between two levels, a share of a
whole, an average, parts of a whole.

The relations are read from what ``scan`` finds (:mod:`checks.scan.scanner`) and the cue
words just before each number (:mod:`checks.recompute.cues`), never guessed: when a
sentence does not say which number is the base of a change or the whole of a share, no
relation is drawn. What is drawn:

- **change**: a stated change (``tăng 40%``, ``up 25%``, ``giảm 3 điểm phần trăm``,
  ``tăng thêm 6.000``) and the two levels it links, the base marked by ``từ``/``so với``/
  ``from``/``compared with`` and the new level by ``lên``/``to`` or standing before the
  change (``1.250 tỷ đồng, tăng 25% so với … 1.000 tỷ đồng``);
- **multiple**: ``gấp 3 lần``, ``doubled``: the level before it over the level after it
  (or the base its cue marks);
- **share**: a percentage (``chiếm 79,1%``, ``1,200 (60%)``) of a part and a whole (the
  whole marked by ``trong số``/``of the``/``out of``, or the larger number after the share);
- **average**: ``bình quân mỗi vụ 24,4 tỷ đồng`` from a total and a count;
- **parts**: numbers after a whole marked by ``trong số``/``of the`` or followed by
  ``trong đó``/``including``: together at most the whole;
- **total**: a number after ``tổng cộng``/``in total``/``a total of``: the sum of the
  numbers of its kind before it (at least two).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checks.recompute.cues import has_cue, last_cue
from checks.scan.language import SentenceLanguages
from checks.scan.mention import Kind, Mention

PERCENT = "percent"
POINTS = "percentage_point"
TIMES = "times"

KINDS = ("change", "multiple", "share", "average", "parts", "total")


@dataclass(frozen=True, slots=True)
class Relation:
    """Numbers of one sentence that a recomputation links.

    ``inputs``: for a change or a multiple (base, new level); for a share (part, whole);
    for an average (total, count); for parts the parts themselves, ``stated`` being the
    whole they make up at most.
    """

    kind: str
    stated: Mention
    inputs: tuple[Mention, ...]
    sentence: tuple[int, int]
    language: str


def find_relations(text: str, mentions: Iterable[Mention], language: str) -> list[Relation]:
    """Every relation of every sentence of ``text`` (its mentions, in text order)."""
    sentences = SentenceLanguages(text)
    groups: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        if mention.kind is Kind.QUANTITY:
            groups.setdefault(sentences.bounds(mention.start), []).append(mention)
    found: list[Relation] = []
    for bounds, group in groups.items():
        if len(group) >= 2:
            lang = sentences.at(bounds[0]) or language
            found += _Sentence(text, bounds, group, lang).relations()
    return found


_TIME_UNITS = frozenset(
    ("year", "month", "week", "day", "hour", "minute", "second", "quarter", "decade", "century")
)


def _is_count(unit: str | None) -> bool:
    return (
        unit is not None
        and unit.islower()
        and unit not in (PERCENT, POINTS, TIMES)
        and unit not in _TIME_UNITS
    )


def unit_class(mention: Mention) -> str | None:
    """What a number counts or measures: its unit, None for a bare count."""
    return mention.unit


def is_money_or_measure(unit: str | None) -> bool:
    """A currency or a physical unit, not a count of things (counts are lower-case words)."""
    return unit is not None and not unit.islower() and unit not in (PERCENT, POINTS, TIMES)


def compatible(a: Mention, b: Mention) -> bool:
    """Two numbers of one kind: the same unit, or a bare count beside a counted noun."""
    ua, ub = unit_class(a), unit_class(b)
    if ua == ub:
        return True
    if ua is None or ub is None:
        return _is_count(ub if ua is None else ua)
    return False


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
        and mention.unit not in _TIME_UNITS
    )


class _Sentence:
    def __init__(
        self, text: str, bounds: tuple[int, int], mentions: Sequence[Mention], language: str
    ) -> None:
        self.text = text
        self.bounds = bounds
        self.mentions = list(mentions)
        self.language = language
        self.segments = []
        previous = bounds[0]
        for mention in self.mentions:
            self.segments.append(text[previous : mention.start])
            previous = mention.end
        self.roles = [
            last_cue(segment, language, ("base", "after", "whole", "total"))
            for segment in self.segments
        ]

    def relations(self) -> list[Relation]:
        found: list[Relation] = []
        for index, mention in enumerate(self.mentions):
            relation = None
            if mention.form == "change" and mention.interval is not None:
                relation = self._change(index)
            elif mention.form == "multiplier" and mention.interval is not None:
                relation = self._multiple(index)
            elif is_level(mention) and mention.unit == PERCENT:
                relation = self._share(index)
            if relation is None and is_level(mention) and self._averaged(index):
                relation = self._average(index)
            if relation is None and is_level(mention) and self._totalled(index):
                relation = self._total(index)
            if relation is not None:
                found.append(relation)
        parts = self._parts()
        if parts is not None:
            found.append(parts)
        return found

    def _relation(self, kind: str, stated: int, *inputs: int) -> Relation:
        return Relation(
            kind,
            self.mentions[stated],
            tuple(self.mentions[i] for i in inputs),
            self.bounds,
            self.language,
        )

    def _levels(self, stated: int) -> list[int]:
        return [i for i, m in enumerate(self.mentions) if i != stated and is_level(m)]

    def _pair(self, stated: int, levels: list[int]) -> tuple[int, int] | None:
        """(base, new) among ``levels``, as the cues before them say."""
        bases = [i for i in levels if self.roles[i] == "base"]
        afters = [i for i in levels if self.roles[i] == "after"]
        if len(bases) == 1 and len(afters) == 1:
            return bases[0], afters[0]
        if len(bases) == 1 and not afters:
            base = bases[0]
            before = [i for i in levels if i < stated and i != base]
            after = [i for i in levels if i > stated and i != base]
            if before:
                return base, before[-1]
            if len(after) == 1:
                return base, after[0]
        return None

    def _apart(self, stated: int, pair: tuple[int, int] | None) -> tuple[int, int] | None:
        """The pair, unless a number of its kind stands between the three (``jumped 15% to
        $45.20 after revenue of $2.1 billion, up from $1.8 billion``: the base is another
        change's)."""
        if pair is None:
            return None
        low, high = min(stated, *pair), max(stated, *pair)
        base = self.mentions[pair[0]]
        for i in range(low + 1, high):
            if i not in pair and is_level(self.mentions[i]) and compatible(self.mentions[i], base):
                return None
        return pair

    def _change(self, stated: int) -> Relation | None:
        change = self.mentions[stated]
        levels = self._levels(stated)
        if change.unit == POINTS:
            levels = [i for i in levels if self.mentions[i].unit == PERCENT]
        elif change.unit == PERCENT:
            levels = [i for i in levels if self.mentions[i].unit != POINTS]
        else:  # a change by an amount: the levels are amounts of its kind
            levels = [i for i in levels if compatible(self.mentions[i], change)]
        pair = self._apart(stated, self._pair(stated, levels))
        if pair is None or not compatible(self.mentions[pair[0]], self.mentions[pair[1]]):
            return None
        return self._relation("change", stated, *pair)

    def _multiple(self, stated: int) -> Relation | None:
        levels = self._levels(stated)
        pair = self._pair(stated, levels)
        if pair is None and not any(self.roles[i] == "base" for i in levels):
            before = [i for i in levels if i < stated]
            after = [i for i in levels if i > stated]
            if before and after:  # ``4.500 vụ, gấp 3 lần năm 2022 (1.500 vụ)``
                pair = after[0], before[-1]
        pair = self._apart(stated, pair)
        if pair is None or not compatible(self.mentions[pair[0]], self.mentions[pair[1]]):
            return None
        return self._relation("multiple", stated, *pair)

    def _share(self, stated: int) -> Relation | None:
        counts = [i for i in self._levels(stated) if self.mentions[i].unit not in (PERCENT, POINTS)]
        wholes = [i for i in counts if self.roles[i] == "whole"]
        whole: int | None = None
        part: int | None = None
        if len(wholes) == 1:
            whole = wholes[0]
            others = [i for i in counts if i != whole and self.roles[i] not in ("base", "after")]
            before = [i for i in others if i < stated]
            after = [i for i in others if i > stated]
            part = before[-1] if before else (after[0] if after else None)
        elif not wholes and self._share_cued(stated):
            before = [i for i in counts if i < stated and self.roles[i] is None]
            part = before[-1] if before else None
            after = [i for i in counts if i > stated]
            if after and ";" not in self._between(stated, after[0]):
                whole = after[0]  # ``chiếm 79,1% dân số 100,3 triệu``: the next, if larger
            if (
                part is not None
                and whole is not None
                and (self._value(whole) < self._value(part) or self.roles[whole] is not None)
            ):
                whole = None
        if part is None or whole is None:
            return None
        if not compatible(self.mentions[part], self.mentions[whole]):
            return None
        return self._relation("share", stated, part, whole)

    def _share_cued(self, stated: int) -> bool:
        segment = self.segments[stated]
        if has_cue(segment, self.language, "share"):
            return True
        return segment.strip() == "(" and stated > 0  # ``1,200 (60%)``

    def _averaged(self, stated: int) -> bool:
        return has_cue(self.segments[stated], self.language, "average")

    def _average(self, stated: int) -> Relation | None:
        average = self.mentions[stated]
        levels = [i for i in self._levels(stated) if i < stated]
        totals = [i for i in levels if unit_class(self.mentions[i]) == unit_class(average)]
        counts = [
            i
            for i in levels
            if i not in totals
            and self.mentions[i].unit not in (PERCENT, POINTS)
            and not is_money_or_measure(self.mentions[i].unit)
        ]
        if len(totals) != 1 or len(counts) != 1 or average.unit is None:
            return None
        return self._relation("average", stated, totals[0], counts[0])

    def _totalled(self, stated: int) -> bool:
        return last_cue(self.segments[stated], self.language, ("total",)) is not None

    def _total(self, stated: int) -> Relation | None:
        total = self.mentions[stated]
        addends = [
            i
            for i in self._levels(stated)
            if i < stated
            and self.mentions[i].unit not in (PERCENT, POINTS)
            and compatible(self.mentions[i], total)
            and self.roles[i] not in ("base", "whole")
        ]
        if len(addends) < 2:
            return None
        return self._relation("total", stated, *addends)

    def _parts(self) -> Relation | None:
        levels = [
            i
            for i, m in enumerate(self.mentions)
            if is_level(m) and m.unit not in (PERCENT, POINTS)
        ]
        for position, whole in enumerate(levels):
            rest = levels[position + 1 :]
            if not rest:
                return None
            listed = has_cue(self.segments[rest[0]], self.language, "listing")
            if self.roles[whole] != "whole" and not listed:
                continue
            parts = [
                i
                for i in rest
                if compatible(self.mentions[i], self.mentions[whole])
                and self.roles[i] not in ("base", "after", "whole")
            ]
            if parts:
                return self._relation("parts", whole, *parts)
            return None
        return None

    def _between(self, a: int, b: int) -> str:
        return self.text[self.mentions[a].end : self.mentions[b].start]

    def _value(self, index: int) -> float:
        value = self.mentions[index].value
        return value if value is not None else 0.0
