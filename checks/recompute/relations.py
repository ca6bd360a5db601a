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
- **breakdown**: numbers listed after a whole with ``gồm``/``consisting of`` (or after
  ``in total …:``): together exactly the whole;
- **total**: a number after ``tổng cộng``/``in total``/``a total of``: the sum of the
  numbers of its kind before it (at least two).

A cue counts only in the clause of its number and a few words from it; a number of the
same kind between the members of a relation, or a ``;``, means the sentence relates other
numbers, and nothing is drawn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from checks.numbers.interval import Interval
from checks.numbers.parse import NumberParseError, parse_number
from checks.numbers.tables import change_words
from checks.recompute.cues import cue_matches, has_cue
from checks.recompute.kinds import (
    PERCENT,
    POINTS,
    compatible,
    is_count,
    is_level,
    is_money_or_measure,
    level_of,
    negated,
    nouns_agree,
    per_unit_twins,
    same_noun,
    unit_class,
)
from checks.scan.dates import Period
from checks.scan.language import SentenceLanguages
from checks.scan.mention import Kind, Mention

KINDS = ("change", "multiple", "share", "average", "parts", "breakdown", "total")


@dataclass(frozen=True, slots=True)
class Relation:
    """Numbers of one sentence that a recomputation links.

    ``inputs``: for a change or a multiple (base, new level); for a share (part, whole);
    for an average (total, count); for parts and a breakdown the parts themselves,
    ``stated`` being the whole they make up (at most, or exactly); for a total its addends.
    """

    kind: str
    stated: Mention
    inputs: tuple[Mention, ...]
    sentence: tuple[int, int]
    language: str
    more: bool = False
    """A multiple printed as ``N times more``/``tăng N lần``, which may mean N or N + 1
    times as much."""
    per: float = 1.0
    """For an average that is a rate per so many people (``65 per 100,000 people``): the
    total over the population, times this."""


def find_relations(text: str, mentions: Iterable[Mention], language: str) -> list[Relation]:
    """Every relation of every sentence of ``text`` (its mentions, in text order)."""
    sentences = SentenceLanguages(text)
    groups: dict[tuple[int, int], list[Mention]] = {}
    durations: dict[tuple[int, int], list[Mention]] = {}
    years: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        if mention.kind is Kind.QUANTITY:
            groups.setdefault(sentences.bounds(mention.start), []).append(mention)
        elif mention.kind is Kind.DURATION and mention.value is not None:
            durations.setdefault(sentences.bounds(mention.start), []).append(mention)
        elif mention.kind is Kind.DATE and _whole_year(mention) is not None:
            bounds = sentences.bounds(mention.start)
            if _OPENS_CLAUSE.search(text[bounds[0] : mention.start]):
                years.setdefault(bounds, []).append(mention)
    found: list[Relation] = []
    for bounds, group in groups.items():
        spans = durations.get(bounds, []) or _word_durations(text, bounds)
        if not spans and len(group) >= 2:  # ``Năm 2024, … 5,4 triệu TEU, bình quân mỗi tháng``
            spans = _year_as_durations(years.get(bounds, []) or _last_year(text, bounds))
        if len(group) >= 2 or (group and spans):
            lang = sentences.at(bounds[0]) or language
            sentence = _Sentence(text, bounds, group, lang, spans)
            found += sentence.relations()
    return found


_COUNT_WORDS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6,
    "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12,
}  # fmt: skip
_SPAN_UNITS = {
    "months": "month", "years": "year", "weeks": "week", "days": "day", "quarters": "quarter",
    "tháng": "month", "năm": "year", "tuần": "week", "ngày": "day", "quý": "quarter",
}  # fmt: skip
_WORD_DURATION = re.compile(
    r"(?<!\w)(?P<count>"
    + "|".join(sorted(_COUNT_WORDS, key=len, reverse=True))
    + r")[^\S\n]+(?P<unit>"
    + "|".join(_SPAN_UNITS)
    + r")(?!\w)",
    re.IGNORECASE,
)
"""A duration in words (``over six months``, ``Ba tháng đầu năm``)."""


def _word_durations(text: str, bounds: tuple[int, int]) -> list[Mention]:
    """The durations a sentence writes in words, as the reader's durations in digits are:
    the count of an average per month, day or year over them."""
    found = []
    for match in _WORD_DURATION.finditer(text, *bounds):
        count = _COUNT_WORDS[" ".join(match.group("count").casefold().split())]
        unit = _SPAN_UNITS[match.group("unit").casefold()]
        start, end = match.span()
        found.append(
            Mention(start, end, match.group(), Kind.DURATION, (), start, end, match.group(),
                    value=float(count), interval=Interval.point(float(count)), unit=unit,
                    form="number")
        )  # fmt: skip
    return found


def _whole_year(mention: Mention) -> int | None:
    """The year of a date that is one whole calendar year (``Năm 2024``, ``in 2023``); 0
    for a whole year whose number is not said (``last year``)."""
    period = mention.period
    if period is None or not period.start.endswith("-01-01"):
        return None
    year = period.start[:-6]
    if year == "-" and period.end == "--12-31":
        return 0
    return int(year) if year.isdigit() and period.end == f"{year}-12-31" else None


_OPENS_CLAUSE = re.compile(
    r"(?:^\s*|[,;:][^\S\n]*)(?i:(?:in|during|throughout|trong|trong cả|cả|suốt)[^\S\n]+)?$"
)
"""What may stand before a year that is the period of its clause (``Năm 2024, …``, ``In
2023 the charity …``, ``Trong năm 2024``); ``Từ đầu năm 2024``, ``so far in 2024``, ``since
2020``, ``by the end of 2024`` name part of a year, or more than one."""
_LAST_YEAR = re.compile(
    r"(?<!\w)(?<!since )(?<!from )(?<!từ )(?:last year|in the past year|over the past year|"
    r"over the year|during the year|năm ngoái|trong năm qua|cả năm)(?!\w)",
    re.IGNORECASE,
)
"""A whole year named without its number: twelve months, whichever year it was (not
``since last year``, ``từ năm ngoái``: from then to now)."""


def _last_year(text: str, bounds: tuple[int, int]) -> list[Mention]:
    """``last year``, ``năm ngoái`` in the sentence, once, as a date of a whole year."""
    found = list(_LAST_YEAR.finditer(text, *bounds))
    if len(found) != 1:
        return []
    start, end = found[0].span()
    return [
        Mention(start, end, found[0].group(), Kind.DATE, (), start, end, found[0].group(),
                period=Period("--01-01", "--12-31"))
    ]  # fmt: skip


def _year_as_durations(years: list[Mention]) -> list[Mention]:
    """The one whole year a sentence names, as the months, quarters and days it lasts: the
    count of an average per month over it. Nothing when the sentence names several years
    (``so với năm 2023``: which is the total's is not said)."""
    if len(years) != 1:
        return []
    mention = years[0]
    year = _whole_year(mention)
    if year is None:  # pragma: no cover - only whole years are collected
        return []
    counts = [("month", 12), ("quarter", 4)]
    if year:  # the days of a year whose number is said
        counts.append(("day", 366 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 365))
    return [
        replace(mention, kind=Kind.DURATION, form="number", unit=unit, value=float(count),
                interval=Interval.point(float(count)))
        for unit, count in counts
    ]  # fmt: skip


_CLAUSE_END = re.compile(r"[,;:]")
_CONJUNCTIONS = frozenset(("and", "or", "và", "hoặc", "còn"))
_WORD = re.compile(r"[^\W\d_]+(?:[.'’][^\W\d_]+)*")
_REACH = {"whole": 3, "total": 3, "base": 5, "after": 3}
"""How many words may stand between a cue and its number (``of its 15,000``, ``so với cùng kỳ
năm trước (20 tỷ USD)``): a cue further away is another number's."""
_STRONG_WHOLE = re.compile(
    r"(?<!\w)(?i:trong số|trong tổng số|trên tổng số|of the|out of|among the)(?!\w)"
)
"""Whole cues that open a list of parts (``of`` alone, ``depth of 17.9 km``, does not)."""
_DIGIT = re.compile(r"[0-9]")
_WHOLE_NAMED = re.compile(
    r"[^\S\n]*(?i:tổng số|trong tổng số|trên tổng số|of all|of the total|of total|của tổng)(?!\w)"
)
_COMPARED = re.compile(
    r"[^\S\n]*(?P<word>(?i:higher|more|greater|larger|bigger|above|lower|less|fewer|smaller|"
    r"below|cao hơn|nhiều hơn|lớn hơn|thấp hơn|ít hơn|nhỏ hơn))(?!\w)"
)
_CHANGED = re.compile(
    r"[^\S\n]*(?P<word>(?i:increase|rise|gain|jump|growth|surge|drop|decline|decrease|fall|"
    r"reduction|cut|slump|dip))(?!\w)"
)
_DOWN = frozenset(
    ("lower", "less", "fewer", "smaller", "below", "thấp hơn", "ít hơn", "nhỏ hơn", "drop",
     "decline", "decrease", "fall", "reduction", "cut", "slump", "dip")
)  # fmt: skip


_PER_POPULATION = re.compile(
    r"[^\S\n]*(?:[^\W\d_]+[^\S\n]*)?(?i:/|per|for every|trên|cho mỗi)[^\S\n]*"
    r"(?P<scale>(?i:100[.,]000|10[.,]000|1[.,]000|100[^\S\n]*(?:nghìn|ngàn)|million|triệu))"
    r"[^\S\n]*(?i:people|residents|inhabitants|population|persons|dân|người)(?!\w)"
)
"""A rate per so many people after its number (``per 100,000 people``, ``ca/100.000 dân``)."""
_PER_SCALE = {
    "100.000": 100_000, "10.000": 10_000, "1.000": 1_000, "100nghìn": 100_000,
    "100ngàn": 100_000, "million": 1_000_000, "triệu": 1_000_000,
}  # fmt: skip
_PEOPLE_AFTER = re.compile(
    r"[^\S\n]*(?i:residents|people|inhabitants|persons|dân|người dân|nhân khẩu)(?!\w)"
)
_POPULATION_BEFORE = re.compile(
    r"(?i:population of|dân số|dân số là)(?:[^\S\n]+(?i:about|around|some|khoảng|gần))?"
    r"[^\S\n]*$"
)
_MARGIN = re.compile(
    r"(?i:a margin of|margin of|a gap of|a lead of|cách biệt|chênh lệch|cách nhau)"
    r"(?:[^\S\n]+(?:là|khoảng))?[^\S\n]*$"
)
"""A gap between two figures, before it (``a margin of``, ``cách biệt``)."""
_POINTS_AFTER = re.compile(r"[^\S\n]*(?i:points|point|điểm)(?!\w)")
_SHARE_VERB = re.compile(
    r"(?i:chiếm|accounting for|accounted for|accounts for|making up|made up|represented|"
    r"representing)[^\S\n]*$"
)
"""What stands right before each of several shares of one whole."""
_STRUCTURE = re.compile(r"(?<!\w)(?i:cơ cấu|structure|breakdown|composition)(?!\w)")
"""A sentence about how one whole divides (``Cơ cấu kinh tế năm 2023: …``)."""
_NAME_END = re.compile(r"[,;:.()]|(?<!\w)(?i:và|and|còn|while|trong khi)(?!\w)")
_SOFT_WORDS = frozenset(
    ("almost", "nearly", "about", "around", "roughly", "some", "just", "over", "under",
     "more", "less", "than", "only", "gần", "khoảng", "hơn", "xấp", "xỉ", "chỉ", "là", "có",
     "đã", "đến", "tới", "được", "which", "who", "is", "are", "was", "were", "a", "the")
)  # fmt: skip
"""Words between a share's cue and its figure that do not name a subject."""
_NAME_FILLERS = frozenset(("those", "the", "all", "số", "các", "những", "of"))
"""Words of a whole's name that do not name it (``of all those arrested``)."""
_BARE_TIMES = re.compile(r"(?i)\S+[^\S\n]+(?:times|lần)")
"""A multiplier printed as a count and ``times``/``lần`` alone (``14 times``, ``3 lần``)."""
_COMPARES_AFTER = re.compile(
    r"[^\S\n]*(?i:the|as|that|more|higher|larger|bigger|greater|lower|less|fewer|smaller|"
    r"over|than|what|its|their|those|so với|hơn|trước|năm trước|cùng kỳ)(?!\w)"
)
"""What follows a multiple (``3 times the``, ``three times as many``, ``3 lần so với``)."""
_COMPARES_BEFORE = re.compile(
    r"(?i:hơn|bằng|gấp|tăng|giảm|increased|rose|grew|up|down|fell|decreased)[^\S\n]*$"
)
"""What precedes a multiple (``cao hơn 3 lần``, ``bằng 3 lần``, ``increased 3 times``)."""


_MORE_AFTER = re.compile(
    r"[^\S\n]*(?i:more|higher|larger|bigger|greater|nhiều hơn|cao hơn|lớn hơn)(?!\w)"
)
_MORE_BEFORE = re.compile(r"(?i:nhiều hơn|cao hơn|lớn hơn)[^\S\n]*$")


_PER_PERIOD = re.compile(
    r"[^\S\n]*(?:/[^\S\n]*(?:năm|tháng|quý)|(?i:per[^\S\n]+(?:year|annum|month|quarter)|"
    r"a[^\S\n]+(?:year|month|quarter)|each[^\S\n]+(?:year|month)|every[^\S\n]+year|annually|"
    r"yearly|year[- ]on[- ]year[^\S\n]+on[^\S\n]+average|mỗi[^\S\n]+(?:năm|tháng|quý)|"
    r"hằng[^\S\n]+năm|hàng[^\S\n]+năm|mỗi[^\S\n]+năm))(?!\w)"
)
"""A rate per period after a change (``15% a year``, ``tăng 15%/năm``): compounded over the
years between two levels, not the change between them."""


@cache
def _directions() -> dict[str, str]:
    """Each change word (blanks collapsed, lower case) → ``increase`` or ``decrease``."""
    return {" ".join(w.word.casefold().split()): w.direction for w in change_words()}


@cache
def _change_verb() -> re.Pattern[str]:
    """A change word standing alone (``rose``, ``tăng``), not part of a stated change."""
    words = sorted(_directions(), key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return re.compile(rf"(?<!\w)(?P<verb>(?i:{alternation}))(?!\w)")


_PERIOD_UNIT = {
    "tháng": "month", "năm": "year", "ngày": "day", "tuần": "week", "quý": "quarter",
    "month": "month", "year": "year", "day": "day", "week": "week", "quarter": "quarter",
}  # fmt: skip
_PER = (
    r"(?:(?<!\w)(?i:mỗi|một|each|every|per|a)[^\S\n]+|/[^\S\n]*)"
    r"(?P<unit>(?i:tháng|năm|ngày|tuần|quý|month|year|day|week|quarter))(?!\w)"
)
_PER_UNIT = re.compile(_PER)
"""``mỗi tháng``, ``a month``, ``/tháng``: the period an average is per."""
_PER_UNIT_AFTER = re.compile(rf"[^\S\n]*(?:[^\W\d_]+[^\S\n]+){{0,2}}?{_PER}")
"""The same right after the average, past a noun or two (``300.000 lượt mỗi tháng``)."""

_CONTRAST = re.compile(r"(?<!\w)(?i:while|whereas|meanwhile|trong khi|trong lúc|nhưng)(?!\w)")
"""Words that turn to another subject: a change and levels on either side of one are not
one relation."""

_RIGHT_AFTER_PART = re.compile(r"(?:[^\S\n]*[^\W\d_]+){0,2}[^\S\n]*,[^\S\n]*")
"""A percentage right after its part and the part's noun (``2.3 million votes, 46% of``)."""

_RESTATES = re.compile(
    r"[,(][^\S\n]*(?i:or|tức|tức là|tương đương|tương đương với|i\.e\.|equivalent to)"
    r"[^\S\n]*\Z"
)
"""The words that print one change a second time, in other terms (``rose 1.2%, or 412
points``); ``with`` does not (``grew 5.1%, with 412 new firms``)."""

_REACHED = re.compile(r"(?<!\w)(?i:đạt|reaching|reached)[^\S\n]*\Z")
"""``đạt 65%`` after a part and its marked whole: the share they make (without a marked
whole, ``đạt`` is too common to say so)."""


_NOT_AN_AMOUNT = re.compile(
    r"(?<!\w)(?i:aged|ages?|ranked|rank|No\.|vị trí|hạng|thứ hạng|xếp thứ|điểm|số hiệu)"
    r"[^\S\n]*\Z"
)
"""Words that make the number after them an age, a rank or a score, never an amount."""


_AFTER_A_NUMBER = frozenset(("on", "over", "against"))
"""Base cues only right after a number (``up 5% on last year's $90bn``): elsewhere they are
a preposition of the sentence (``Spending on education``)."""


def _tail(segment: str) -> str:
    """The words of ``segment`` in the clause of the number after it."""
    ends = list(_CLAUSE_END.finditer(segment))
    return segment[ends[-1].end() :] if ends else segment


def _role(segment: str, language: str, roles: tuple[str, ...]) -> str | None:
    """The role of the cue nearest the number, in its clause and close enough to it."""
    tail = _tail(segment)
    found = [match for match in cue_matches(tail, language) if match[0] in roles]
    if not found:
        return None
    role, start, end = found[-1]
    if tail[start:end].strip().casefold() in _AFTER_A_NUMBER and _WORD.search(tail[:start]):
        return None  # ``Spending on education reached $96bn``: not ``up 5% on $90bn``
    between = _WORD.findall(tail[end:])
    if len(between) > _REACH.get(role, 3) or _CONJUNCTIONS.intersection(
        w.casefold() for w in between
    ):
        return None  # 0,8 million from Europe and 0.5 million: the from is the 0,8's
    return role


_GAP_WORD = re.compile(r"(?i:(?P<up>cao|nhiều|lớn)|thấp|ít|nhỏ)[^\S\n]*$")
_BASE_FOLLOWS = re.compile(r"[^,;.\n]{0,40}?(?i:so với)(?!\w)")


def _gap(mention: Mention, text: str, language: str) -> Mention:
    """``cao hơn 0,65 điểm so với năm ngoái (27,7 điểm)``: the number after ``cao hơn``,
    ``thấp hơn`` is the gap to a base that ``so với`` names, a change; the reader took its
    ``hơn`` for "more than"."""
    if mention.qualifier not in ("more_than", "less_than") or mention.value is None:
        return mention
    written = mention.as_written
    if not written.casefold().startswith("hơn") or written[3:4] not in (" ", "\u00a0"):
        return mention
    word = _GAP_WORD.search(text, max(0, mention.start - 8), mention.start)
    if word is None or not _BASE_FOLLOWS.match(text, mention.end):
        return mention
    try:
        parsed = parse_number(written[4:], locale=mention.language or language)
    except NumberParseError:
        return mention
    gap = replace(
        mention, qualifier="exact", value=parsed.value, interval=parsed.printed, form="change"
    )
    if word.group("up"):
        return replace(gap, change="increase")
    return replace(negated(gap), change="decrease")


def _fraction_as_percent(mention: Mention) -> Mention:
    """A share in words (``một phần ba``, ``a third``, ``one in four``, ``cứ 10 em thì có 3``)
    as the percentage it is, so that it is read as a share of its part and whole."""
    if (
        mention.form != "fraction"
        or mention.unit is not None
        or mention.value is None
        or mention.interval is None
        or not 0 < mention.value <= 1
    ):
        return mention
    return replace(
        mention, value=mention.value * 100, interval=mention.interval.scale(100.0), unit=PERCENT
    )


class _Sentence:
    def __init__(
        self,
        text: str,
        bounds: tuple[int, int],
        mentions: Sequence[Mention],
        language: str,
        durations: Sequence[Mention] = (),
    ) -> None:
        self.text = text
        self.bounds = bounds
        self.durations = list(durations)
        """The sentence's durations (``Trong 8 tháng``): the count of an average per period."""
        self.mentions = [
            self._compared(_gap(_fraction_as_percent(m), text, language), text) for m in mentions
        ]
        self.language = language
        self.segments = []
        previous = bounds[0]
        for mention in self.mentions:
            self.segments.append(text[previous : mention.start])
            previous = mention.end
        self.roles = [
            _role(segment, language, ("base", "after", "whole", "total"))
            for segment in self.segments
        ]

    @staticmethod
    def _compared(mention: Mention, text: str) -> Mention:
        """``42% higher than``, ``a 9% increase``: a percentage the words after it make a
        change (negative for ``lower``, ``drop``)."""
        if mention.unit != PERCENT or mention.form != "number" or mention.interval is None:
            return mention
        after = _COMPARED.match(text, mention.end) or _CHANGED.match(text, mention.end)
        if after is None or mention.value is None:
            return mention
        down = " ".join(after.group("word").casefold().split()) in _DOWN
        if not down:
            return replace(mention, form="change", change="increase")
        note = (mention.note + "; " if mention.note else "") + "negated: " + after.group("word")
        return replace(negated(mention), form="change", change="decrease", note=note)

    def relations(self) -> list[Relation]:
        found: list[Relation] = []
        changes: dict[int, Relation] = {}
        for index, mention in enumerate(self.mentions):
            relation = None
            if mention.form == "change" and mention.interval is not None:
                relation = self._change(index)
                if relation is None and mention.unit == PERCENT:
                    relation = self._to_level(index, index + 1)  # rose 1.2%, or 412 points, to
                if relation is not None:
                    changes[index] = relation
            elif index - 1 in changes and self._restated(index):
                relation = self._in_percent(index, changes[index - 1])
            elif self._restated(index) and self.mentions[index - 1].form == "change":
                relation = self._to_level(index, index - 1)  # fell $2.10, or 3.4%, to $80.15
            elif (
                mention.form == "multiplier"
                and mention.interval is not None
                and not self._how_often(mention)
            ):
                relation = self._multiple(index)
            elif (self._is_level(index) or mention.form == "fraction") and mention.unit == PERCENT:
                relation = self._share(index)  # ``chiếm 25%``, ``or one in four``
            if relation is None and self._is_level(index):
                relation = self._rate(index)  # ``a rate of 65 per 100,000 people``
            if relation is None and self._is_level(index):
                relation = self._margin(index)  # ``52.4% to 46.1%, a margin of 7.3 points``
            if relation is None and self._is_level(index) and self._averaged(index):
                relation = self._average(index)
            if relation is None and self._is_level(index) and self.roles[index] == "total":
                relation = self._total(index)
            if relation is not None:
                found.append(relation)
        parts = self._parts()
        if parts is not None:
            found.append(parts)
        shares = self._shares_of_one_whole()
        if shares is not None:
            found.append(shares)
        if not changes:
            moved = self._direction()
            if moved is not None:
                found.append(moved)
        return found

    def _to_level(self, percent: int, amount: int) -> Relation | None:
        """A change printed both in percent and as an amount, with only the level it
        reached (``The Dow rose 1.2%, or 412 points, to 42,512``; ``Brent fell $2.10, or
        3.4%, to settle at $80.15``): the base is the level less the amount. The inputs
        are the amount, as a change, and the level."""
        if not 0 <= amount < len(self.mentions):
            return None
        rate, moved = self.mentions[percent], self.mentions[amount]
        if moved.unit in (PERCENT, POINTS) or moved.value is None or moved.interval is None:
            return None
        if not _RESTATES.search(self.segments[max(percent, amount)]):
            return None  # only ``, or 412 points``, ``tương đương 1,02%`` restate the change
        if moved.form != "change":  # the plain amount moves the way the percent says
            down = (rate.value or 0.0) < 0
            moved = replace(negated(moved) if down else moved, form="change")
        last = max(percent, amount)
        levels = [
            i
            for i in range(last + 1, len(self.mentions))
            if self._is_level(i) and self.roles[i] == "after"
        ]
        if len(levels) != 1:
            return None
        between = self._between(last, levels[0])
        if ";" in between or _change_verb().search(between):
            return None  # ``…, or $2 billion, to a record, while profit rose to $40 billion``
        if not self._kin(amount, levels[0]):  # the sign set above changes no unit or noun
            return None
        level = self.mentions[levels[0]]
        if rate.form != "change":  # ``, or 3.4%``: a restatement takes the change's sign
            down = (moved.value or 0.0) < 0
            rate = replace(negated(rate) if down else rate, form="change", change=moved.change)
        return self._relation_of("change", rate, moved, level)

    def _direction(self) -> Relation | None:
        """``Inflation rose to 2.9% from 3.2%``: a change word with no figure, between a
        base and a new level its cues mark; the levels must move the way it says. The
        stated change is the word itself, with no value (:mod:`checks.recompute.verdict`
        checks only its sign)."""
        levels = [i for i in range(len(self.mentions)) if self._is_level(i)]
        bases = [i for i in levels if self.roles[i] == "base"]
        afters = [i for i in levels if self.roles[i] == "after"]
        if len(bases) != 1 or len(afters) != 1 or not self._kin(bases[0], afters[0]):
            return None
        base, new = bases[0], afters[0]
        first, last = min(base, new), max(base, new)
        between = self._between(first, last)
        if ";" in between or _change_verb().search(between):
            return None  # ``exports rose to $10bn, while imports fell from $12bn``
        start = self.bounds[0] if first == 0 else self.mentions[first - 1].end
        verbs = list(_change_verb().finditer(self.text, start, self.mentions[first].start))
        if not verbs:
            return None
        verb = verbs[-1]
        word = verb.group("verb")
        direction = _directions()[" ".join(word.casefold().split())]
        stated = replace(
            self.mentions[new],
            start=verb.start("verb"),
            end=verb.end("verb"),
            as_written=word,
            form="change",
            change=direction,
            unit=PERCENT,
            value=None,
            interval=None,
            qualifier="exact",
        )
        return self._relation_of("change", stated, self.mentions[base], self.mentions[new])

    def _restated(self, index: int) -> bool:
        """``tăng 5,3 triệu đồng, tương đương 8,1%``, ``rose 250 points, or 7%``: a
        percentage that restates the change before it."""
        mention = self.mentions[index]
        return (
            mention.unit == PERCENT
            and mention.form == "number"
            and self.mentions[index - 1].unit not in (PERCENT, POINTS)
            and has_cue(_tail(self.segments[index]), self.language, "share")
        )

    def _in_percent(self, index: int, change: Relation) -> Relation | None:
        mention = self.mentions[index]
        if mention.value is None or mention.interval is None:
            return None
        if change.stated.change == "decrease":
            mention = negated(mention)
        stated = replace(mention, form="change", change=change.stated.change or "increase")
        return self._relation_of("change", stated, *change.inputs)

    def _relation(self, kind: str, stated: int, *inputs: int) -> Relation:
        return Relation(
            kind,
            self.mentions[stated],
            tuple(self.mentions[i] for i in inputs),
            self.bounds,
            self.language,
        )

    def _relation_of(self, kind: str, stated: Mention, *inputs: Mention) -> Relation:
        """A relation of mentions made for it (a sign set, a change word as the figure)."""
        return Relation(kind, stated, inputs, self.bounds, self.language)

    def _levels(self, stated: int) -> list[int]:
        return [i for i, m in enumerate(self.mentions) if i != stated and self._is_level(i)]

    def _is_level(self, index: int) -> bool:
        return is_level(self.mentions[index]) and not _NOT_AN_AMOUNT.search(self.segments[index])

    def _kin(self, a: int, b: int) -> bool:
        ma, mb = self.mentions[a], self.mentions[b]
        return compatible(ma, mb) and (ma.unit is not None or nouns_agree(ma, mb))

    def _same_kind(self, a: int, b: int) -> bool:
        """Counted in the same unit, or both bare numbers of one noun."""
        ma, mb = self.mentions[a], self.mentions[b]
        return ma.unit == mb.unit and (ma.unit is not None or nouns_agree(ma, mb))

    def _pair(self, stated: int, levels: list[int]) -> tuple[int, int] | None:
        """(base, new) among ``levels``, as the cues before them say."""
        bases = [i for i in levels if self.roles[i] == "base"]
        afters = [i for i in levels if self.roles[i] == "after"]
        if len(bases) == 1 and len(afters) == 1:
            return bases[0], afters[0]
        if len(bases) == 1 and stated + 1 in afters and bases[0] > stated:
            return bases[0], stated + 1  # ``rose to 62.7%, and … increased 0.3 point to 60.3%
            # from 60.1%``: the level right after the change is its own
        if len(bases) == 1 and not afters:
            base = bases[0]
            unit = self.mentions[base].unit
            same = [i for i in levels if i != base and unit and self.mentions[i].unit == unit]
            pool = same or levels  # 312 vụ …, bắt 587 đối tượng, … so với cùng kỳ (264 vụ)
            before = [i for i in pool if i < stated and i != base]
            after = [i for i in pool if i > stated and i != base]
            if before:
                return base, before[-1]
            if len(after) == 1:
                return base, after[0]
        return None

    def _apart(self, stated: int, pair: tuple[int, int] | None) -> tuple[int, int] | None:
        """The pair, unless a number of its kind stands between the three (``jumped 15% to
        $45.20 after revenue of $2.1 billion, up from $1.8 billion``: the base is another
        change's), or a clause of its own (``;``) does."""
        if pair is None:
            return None
        low, high = min(stated, *pair), max(stated, *pair)
        for i in range(low + 1, high):
            if i not in pair and self._is_level(i) and self._same_kind(i, pair[0]):
                return None
        span = self.text[self.mentions[low].end : self.mentions[high].start]
        if ";" in span or _CONTRAST.search(span):
            return None  # ``fell to 3.9% from 4.1%, while wages rose 0.3%``: two subjects
        return pair

    def _change(self, stated: int) -> Relation | None:
        change = self.mentions[stated]
        if _PER_PERIOD.match(self.text, change.end, self.bounds[1]):
            return None  # 15% a year from 2020 to 2025 compounds: not the change between them
        levels = self._levels(stated)
        if change.unit == POINTS:
            levels = [i for i in levels if self.mentions[i].unit == PERCENT]
        elif change.unit == PERCENT:
            levels = [i for i in levels if self.mentions[i].unit != POINTS]
        else:  # a change by an amount: the levels are amounts of its kind
            levels = [i for i in levels if level_of(self.mentions[i], change)]
        pair = self._apart(stated, self._pair(stated, levels))
        if pair is None:
            return None
        if not self._kin(*pair) and not per_unit_twins(*(self.mentions[i] for i in pair)):
            return None
        return self._relation("change", stated, *pair)

    def _how_often(self, mention: Mention) -> bool:
        """A bare ``N times``/``N lần`` that counts how often something happened (``cited
        14 times``, ``đã 3 lần vô địch``), not a multiple: nothing compares after it
        (``3 times higher``, ``three times as many``, ``3 lần so với``) or before it
        (``cao hơn 3 lần``, ``bằng 3 lần``), and no change or ``gấp`` is printed with it."""
        if mention.change or not _BARE_TIMES.fullmatch(mention.as_written):
            return False
        after = self.text[mention.end : self.bounds[1]]
        before = self.text[self.bounds[0] : mention.start]
        return not (_COMPARES_AFTER.match(after) or _COMPARES_BEFORE.search(before))

    def _multiple(self, stated: int) -> Relation | None:
        levels = self._levels(stated)
        pair = self._pair(stated, levels)
        if pair is None and not any(self.roles[i] == "base" for i in levels):
            before = [i for i in levels if i < stated]
            after = [i for i in levels if i > stated]
            unmarked = (
                before
                and after
                and self.roles[before[-1]] in (None, "after")
                and self.roles[after[0]] in (None, "whole")
            )
            if unmarked:  # ``4.500 vụ, gấp 3 lần năm 2022 (1.500 vụ)``
                pair = after[0], before[-1]
        pair = self._apart(stated, pair)
        if pair is None or not self._kin(*pair):
            return None
        return replace(self._relation("multiple", stated, *pair), more=self._more(stated))

    def _more(self, stated: int) -> bool:
        """``3 times more``, ``three times higher than``, ``tăng 3 lần``, ``nhiều hơn 3 lần``:
        read strictly, one more than the multiple (``gấp``, ``as much as``, ``the``: not)."""
        mention = self.mentions[stated]
        if "gấp" in mention.as_written.casefold() or mention.change == "decrease":
            return False
        before = self.text[self.bounds[0] : mention.start]
        after = self.text[mention.end : self.bounds[1]]
        return bool(
            mention.change == "increase" or _MORE_AFTER.match(after) or _MORE_BEFORE.search(before)
        )

    def _share(self, stated: int) -> Relation | None:
        """A percentage of a part and a whole. The percentage is marked as a share
        (``chiếm``, ``or``, in brackets right after its part) or its part is (``75%,
        tương đương 455.000 tỷ đồng trên tổng … 700.000``); the part stands next to it, the
        whole is marked (``trong số``, ``of the``) or is the number right after it."""
        counts = [i for i in self._levels(stated) if self.mentions[i].unit not in (PERCENT, POINTS)]
        wholes = [i for i in counts if self.roles[i] == "whole"]
        if len(wholes) > 1:
            return None
        whole = wholes[0] if wholes else None
        others = [i for i in counts if i != whole and self.roles[i] != "base"]
        before = [i for i in others if i < stated]
        after = [i for i in others if i > stated]
        part: int | None = None
        if (
            stated > 0
            and self.mentions[stated - 1].unit == PERCENT
            and (self.segments[stated].strip() == "(")
        ):
            return None  # ``almost three-quarters (73%)``: the share before it, in digits
        if before and self._share_cued(stated):
            part = before[-1]
            if len(before) > 1 and self._names_its_subject(stated):
                return None  # ``415 were male and 155 were female, meaning men accounted for
                # 73%``: which listed number is the share's, only its subject says
        elif (
            before
            and whole is not None
            and whole < stated
            and _REACHED.search(self.segments[stated])
        ):
            part = before[-1]  # ``45.000 phiếu trên tổng số 60.000 phiếu hợp lệ, đạt 65%``
        elif (
            before
            and whole is not None
            and whole > stated
            and before[-1] == stated - 1
            and _RIGHT_AFTER_PART.fullmatch(self.segments[stated]) is not None
        ):
            part = before[-1]  # ``2.3 million votes, 46% of the 4.1 million cast``
        elif after and has_cue(_tail(self.segments[after[0]]), self.language, "share"):
            part = after[0]  # ``75%, tương đương 455.000 tỷ đồng``, ``48%, with 5.1 million``
            if (
                whole is not None
                and whole < part
                and len(_WORD.findall(self._between(stated, whole))) > 3
            ):
                return None  # ``95% effective in a trial of 43,000 people, with 170 cases``
        if part is None:
            return None
        if self._whole_unprinted(stated):
            whole = self._named_whole(stated, part, counts)  # ``chiếm 25% tổng số ca nhập viện``
            if whole is None:
                return None
        if whole is None:
            whole = self._listed_whole(part, counts)
        if whole is None:
            later = [i for i in counts if i > stated and i != part]
            if not later or ";" in self._between(stated, later[0]):
                return None
            whole = later[0]  # ``chiếm 79,1% dân số 100,3 triệu``: the next number
            if self.roles[whole] not in (None, "base"):
                return None
            over = (self.mentions[stated].value or 0.0) > 100
            if self._value(whole) < self._value(part) and not over:
                return None
        between = range(min(part, stated) + 1, max(part, stated))
        if any(i in counts and i != whole for i in between):
            return None
        said = whole == stated + 1 and self.roles[whole] == "whole"  # ``54.9% of the 288,500``
        if not self._kin(part, whole) and not (
            said and compatible(self.mentions[part], self.mentions[whole])
        ):
            return None  # a whole the share does not name must count what its part counts
        return self._relation("share", stated, part, whole)

    def _listed_whole(self, part: int, counts: list[int]) -> int | None:
        """The whole a ``trong đó`` / ``of which`` before the part opens (``Cả nước có 2.000
        vụ, trong đó Hà Nội có 700 vụ, chiếm 35%``): the number of the part's kind right
        before that cue, with no number of that kind between it and the part."""
        kin = [i for i in counts if i < part and self._kin(i, part)]
        if not kin:
            return None
        whole = kin[-1]
        between = self._between(whole, part)
        if ";" in between or not has_cue(between, self.language, "listing"):
            return None
        return whole

    def _whole_unprinted(self, stated: int) -> bool:
        """``bằng 92,4% tổng số đại biểu Quốc hội``, ``48% of all voters``: the share names
        its whole right after it, and prints no number for it in that clause."""
        end = self.mentions[stated].end
        following = self.text[end : self.bounds[1]]
        clause = _CLAUSE_END.split(following, maxsplit=1)[0]
        if _DIGIT.search(clause):
            return False
        return _WHOLE_NAMED.match(clause) is not None

    def _named_whole(self, stated: int, part: int, counts: list[int]) -> int | None:
        """The whole a share names in words after it (``chiếm 25% tổng số ca nhập viện``,
        ``30 percent of all those arrested``), when exactly one number before its part is
        followed by those words (``500 ca nhập viện``, ``3,200 people arrested``): the first
        two words of the name, in order, among the four words after the number."""
        end = self.mentions[stated].end
        clause = _CLAUSE_END.split(self.text[end : self.bounds[1]], maxsplit=1)[0]
        named = _WHOLE_NAMED.match(clause)
        if named is None:  # pragma: no cover - asked only when the share names its whole
            return None
        words = [w.casefold() for w in _WORD.findall(clause[named.end() :])]
        name = [w for w in words if w not in _NAME_FILLERS][:2]
        if not name:
            return None
        found = []
        for i in counts:
            if i >= part:
                continue
            start = self.mentions[i].end
            after = [w.casefold() for w in _WORD.findall(self.text[start : self.bounds[1]])][:4]
            rest = iter(after)
            if all(word in rest for word in name):  # in order
                found.append(i)
        if len(found) != 1 or self._value(found[0]) < self._value(part):
            return None
        return found[0]

    def _rate(self, stated: int) -> Relation | None:
        """A rate per so many people (``2,250 deaths among its 4.5 million residents, a rate
        of 65 per 100,000 people``; ``1,2 triệu dân, … 600 ca, tương đương 50 ca/100.000
        dân``): the one count before it over the one population (a number after ``population
        of``, ``dân số``, before or after the rate; else one before it followed by
        ``residents``, ``people``, ``dân``)."""
        rate = self.mentions[stated]
        per = _PER_POPULATION.match(self.text, rate.end, self.bounds[1])
        if per is None or (rate.unit is not None and not is_count(rate.unit)):
            return None
        scale = _PER_SCALE[per.group("scale").casefold().replace(",", ".").replace(" ", "")]
        counted = [
            i
            for i in self._levels(stated)
            if (self.mentions[i].unit is None or is_count(self.mentions[i].unit))
            and self.roles[i] != "base"
            and not per.start() <= self.mentions[i].start < per.end()
        ]
        before = [i for i in counted if i < stated]
        # ``dân số khoảng 100 triệu``, ``in a population of 60.9 million`` (after it too);
        # else a number followed by ``residents``, ``dân``
        people = [i for i in counted if _POPULATION_BEFORE.search(self.segments[i])] or [
            i for i in before if self._is_population(i)
        ]
        counts = [i for i in before if i not in people]
        if len(people) != 1 or len(counts) != 1:
            return None
        return replace(self._relation("average", stated, counts[0], people[0]), per=float(scale))

    def _margin(self, stated: int) -> Relation | None:
        """The gap between the two percentages before it (``52.4 percent of the vote to the
        Republican's 46.1 percent, a margin of 7.3 points``; ``cách biệt 6,3 điểm phần
        trăm``): the larger less the smaller."""
        margin = self.mentions[stated]
        if not _MARGIN.search(_tail(self.segments[stated])):
            return None
        points = margin.unit in (POINTS, PERCENT) or (
            margin.unit is None and _POINTS_AFTER.match(self.text, margin.end, self.bounds[1])
        )
        shares = [i for i in self._levels(stated) if i < stated]
        if not points or len(shares) < 2:
            return None
        pair = shares[-2:]
        if any(self.mentions[i].unit != PERCENT for i in pair):
            return None
        low, high = sorted(pair, key=self._value)
        return self._relation("change", stated, low, high)

    def _is_population(self, index: int) -> bool:
        return bool(_PEOPLE_AFTER.match(self.text, self.mentions[index].end, self.bounds[1]))

    def _shares_of_one_whole(self) -> Relation | None:
        """``hạng A chiếm 48% nguồn cung mới, hạng B chiếm 37% và hạng C chiếm 25%``: shares
        set side by side, each after ``chiếm``/``accounting for``, of the one whole the first
        names (the others name none, or the same): together at most 100%. Not when a count
        stands among them (a part printed with its share is a share of its own)."""
        shares = [
            i
            for i, m in enumerate(self.mentions)
            if m.unit == PERCENT
            and self._is_level(i)
            and _SHARE_VERB.search(_tail(self.segments[i]))
        ]
        if len(shares) < 2:
            return None
        names = [self._whole_name(i) for i in shares]
        structure = _STRUCTURE.search(self.text, self.bounds[0], self.mentions[shares[0]].start)
        if not (names[0] or structure) or any(name and name != names[0] for name in names[1:]):
            return None  # ``Cơ cấu kinh tế: … chiếm 22,4%; … chiếm 35,8%``: the whole is said
        among = range(shares[0], shares[-1] + 1)
        if any(self.mentions[i].unit != PERCENT for i in among):
            return None
        first = self.mentions[shares[0]]
        whole = Mention(
            first.start, first.start, "100%", Kind.QUANTITY, (), first.quote_start,
            first.quote_end, first.quote, value=100.0, interval=Interval.point(100.0),
            unit=PERCENT, form="number", language=first.language,
        )  # fmt: skip
        return self._relation_of("parts", whole, *(self.mentions[i] for i in shares))

    def _whole_name(self, index: int) -> str:
        """The words after a share up to the end of its clause or a conjunction (``nguồn
        cung mới``), lower case; empty when none."""
        after = self.text[self.mentions[index].end : self.bounds[1]]
        name = _NAME_END.split(after, maxsplit=1)[0]
        return " ".join(w.casefold() for w in _WORD.findall(name))

    def _names_its_subject(self, stated: int) -> bool:
        """Whether the clause of a share names what it is a share of with words of its own,
        besides cues and hedges (``meaning men accounted for``), rather than standing right
        after its part (``, or``, ``, chiếm``)."""
        tail = _tail(self.segments[stated])
        for _, start, end in reversed(cue_matches(tail, self.language)):
            tail = tail[:start] + " " + tail[end:]
        return any(w.casefold() not in _SOFT_WORDS for w in _WORD.findall(tail))

    def _share_cued(self, stated: int) -> bool:
        segment = self.segments[stated]
        if has_cue(_tail(segment), self.language, "share"):
            return True
        return stated > 0 and segment.rstrip().endswith("(")  # ``1,200 (60%)``

    def _averaged(self, stated: int) -> bool:
        return has_cue(_tail(self.segments[stated]), self.language, "average")

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
        if average.unit is None:  # ``150 cầu thủ …, bình quân 30 cầu thủ mỗi đội``
            totals, counts = self._counted_average(stated, levels)
        if not counts:
            return self._per_period(stated, levels)
        if len(totals) != 1 or len(counts) != 1:
            return None
        return self._relation("average", stated, totals[0], counts[0])

    def _per_period(self, stated: int, levels: list[int]) -> Relation | None:
        """``Trong 8 tháng, … 24.600 trường hợp, bình quân mỗi tháng 4.100 trường hợp``:
        an average per month over a duration in months the sentence prints before it."""
        average = self.mentions[stated]
        per = _PER_UNIT.search(_tail(self.segments[stated])) or _PER_UNIT_AFTER.match(
            self.text, average.end, self.bounds[1]
        )
        if per is None:
            return None
        unit = _PERIOD_UNIT[per.group("unit").casefold()]
        spans = [d for d in self.durations if d.unit == unit and d.end <= average.start]
        totals = [i for i in levels if self.mentions[i].unit == average.unit]
        if len(spans) != 1 or len(totals) != 1:
            return None
        return self._relation_of("average", average, self.mentions[totals[0]], spans[0])

    def _counted_average(self, stated: int, levels: list[int]) -> tuple[list[int], list[int]]:
        """An average of bare counts: the total counts the average's noun (``goals``), the
        count another noun (``38 matches``); nouns must be printed to tell them apart."""
        average = self.mentions[stated]
        bare = [i for i in levels if self.mentions[i].unit is None and self.mentions[i].noun]
        if not average.noun:
            return [], []
        totals = [i for i in bare if same_noun(self.mentions[i], average)]
        counts = [i for i in bare if i not in totals]
        return totals, counts

    def _total(self, stated: int) -> Relation | None:
        addends = [
            i
            for i in self._levels(stated)
            if i < stated
            and self.mentions[i].unit not in (PERCENT, POINTS)
            and self._kin(i, stated)
            and self.roles[i] not in ("base", "whole", "total")
        ]
        if len(addends) < 2 or ";" in self._between(addends[0], stated):
            return None
        return self._relation("total", stated, *addends)

    def _parts(self) -> Relation | None:
        """Parts after a whole: the whole marked (``trong số``, ``of the``, ``tổng cộng``)
        or the only number of its kind before a list (``trong đó``, ``gồm``, ``including``);
        the parts run to the end of the clause chain (a ``;`` ends it). After ``gồm``,
        ``consisting of`` or a total, the parts are the whole's breakdown: they add up to it."""
        levels = [
            i
            for i, m in enumerate(self.mentions)
            if self._is_level(i) and m.unit not in (PERCENT, POINTS)
        ]
        # a level a change reaches (lên, to) is no part; without a change, ``đạt`` is the
        # verb of a part (``khách châu Á đạt 13,34 triệu lượt``)
        changed = any(m.form in ("change", "multiplier") for m in self.mentions)
        not_parts = ("base", "after", "whole") if changed else ("base", "whole")
        for position, whole in enumerate(levels):
            rest = levels[position + 1 :]
            if not rest:
                return None
            following = _tail(self.segments[rest[0]])
            listed = has_cue(following, self.language, "listing")
            breakdown = has_cue(following, self.language, "breakdown") or (
                self._between(whole, rest[0]).rstrip().endswith(":")
                and has_cue(
                    self.text[self.bounds[0] : self.mentions[whole].start], self.language, "total"
                )
            )  # in total, they spent $102 million: $50 million ...
            earlier = [i for i in levels[:position] if self._kin(i, whole)]
            marked = self.roles[whole] == "total" or (
                self.roles[whole] == "whole" and _STRONG_WHOLE.search(_tail(self.segments[whole]))
            )
            if not marked and not ((listed or breakdown) and not earlier):
                continue
            # ``Tổng cộng 5 đội … 150 cầu thủ``: under a whole marked by a total cue alone,
            # a larger number of another noun counts something else
            strict = not (listed or breakdown) and self.roles[whole] == "total"
            parts: list[int] = []
            for i in rest:
                if ";" in self._between(whole, i):
                    break
                if (
                    strict
                    and self._value(i) > self._value(whole)
                    and not same_noun(self.mentions[i], self.mentions[whole])
                ):
                    continue
                # a list the sentence announces names its groups by their own nouns
                # (``8,400 employees include 5,100 engineers``)
                kin = self._kin(i, whole) or (
                    (listed or breakdown) and compatible(self.mentions[i], self.mentions[whole])
                )
                if kin and self.roles[i] not in not_parts:
                    parts.append(i)
            if not parts:
                return None
            exhaustive = breakdown or (self.roles[whole] == "total" and len(parts) > 1)
            return self._relation("breakdown" if exhaustive else "parts", whole, *parts)
        return None

    def _between(self, a: int, b: int) -> str:
        return self.text[self.mentions[a].end : self.mentions[b].start]

    def _value(self, index: int) -> float:
        value = self.mentions[index].value
        return value if value is not None else 0.0
