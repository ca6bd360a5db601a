"""Generate a synthetic claimledger package of N claims for the benchmark.

    python benchmarks/generate.py --claims 1000000 --out /tmp/bench-1m --seed 7

The package has the repository's layout (``datapackage.json``, the table schemas copied
from ``datapackage/``, ``sources/*.txt``) so that ``claimledger check`` and
``frictionless validate datapackage.json`` both run on it. About one source per 50
claims, each a few KB of Vietnamese-like news (one in twenty in English, one Vietnamese
source in ten stored decomposed, NFD, so offsets only hold on the NFC text); claims quote
it at exact NFC offsets with ``as_written`` in the source's number format (``1.234,5
triệu``, ``gần 16.000``, ``390.000 tỷ đồng``, ``79,1%``; ``$2.3 billion`` in English).

Everything else agrees, by construction: each (subject, indicator, period) is one fact,
re-quoted by other sources with the same number or a rounded ``khoảng`` that still
contains it; stocks are year-end instants, flows are years, quarters or months fixed per
indicator, so no two facts of one (subject, indicator) nest or overlap. On top of that the
generator plants, and writes to ``planted.json``:

- conflicts: a second claim on a fact's (subject, indicator, period) whose value is 2.5 to
  4 times larger or smaller, so the two intervals cannot overlap under any hedge;
- broken citations: a claim whose offsets were moved back by a few characters
  (``quote-mismatch``) or whose value was multiplied by 1.37, outside the printed
  precision of its ``as_written`` (``value-mismatch``).

The output depends only on ``--claims``, ``--seed`` and the counts: same arguments, same
bytes.
"""

from __future__ import annotations

import argparse
import bisect
import calendar
import csv
import hashlib
import json
import random
import shutil
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks import vocabulary as V

REPO = Path(__file__).resolve().parents[1]
FIRST_YEAR, LAST_YEAR = 1990, 2025
FORECAST_YEARS = (2026, 2030)
GRANULARITY_PERIODS = {"instant": 1, "year": 1, "quarter": 4, "month": 12}

# Roles of a claim slot.
ORIGINAL, DUP_SAME, DUP_APPROX, CONFLICT, BROKEN_OFFSET, BROKEN_VALUE = range(6)
BROKEN_CODES = {BROKEN_OFFSET: "quote-mismatch", BROKEN_VALUE: "value-mismatch"}
BROKEN_KINDS = {BROKEN_OFFSET: "offsets-moved", BROKEN_VALUE: "wrong-value"}

HEDGES_VI = tuple(
    (V.nfc(phrase), qualifier)
    for phrase, qualifier in (
        ("gần", "nearly"),
        ("hơn", "more_than"),
        ("khoảng", "approx"),
        ("ít nhất", "at_least"),
        ("dưới", "less_than"),
        ("lên đến", "up_to"),
        ("trên", "more_than"),
        ("xấp xỉ", "approx"),
    )
)
APPROX_HEDGE = 2  # "khoảng" / "about"
HEDGES_EN = (
    ("nearly", "nearly"),
    ("more than", "more_than"),
    ("about", "approx"),
    ("at least", "at_least"),
    ("less than", "less_than"),
    ("up to", "up_to"),
    ("over", "more_than"),
    ("about", "approx"),
)
FORECAST_WORD = {"vi": V.nfc("dự báo"), "en": "forecast"}
SCALE_VI = {0: "", 3: "nghìn", 6: "triệu", 9: "tỷ", 12: "nghìn tỷ"}
SCALE_EN = {0: "", 3: "thousand", 6: "million", 9: "billion", 12: "trillion"}
SCALE_VI = {k: V.nfc(v) for k, v in SCALE_VI.items()}

CLAIM_FIELDS = [
    *("claim_id", "source_id", "quote", "start", "end", "as_written", "speaker", "subject"),
    *("indicator_id", "value", "unit", "qualifier", "period_start", "period_end"),
    *("translation_en", "note"),
]
SOURCE_FIELDS = [
    *("source_id", "title", "publisher", "url", "published", "language", "kind", "path"),
    *("sha256", "body_end", "note"),
]
INDICATOR_FIELDS = [
    *("indicator_id", "label", "definition", "unit", "kind", "family"),
    *("measure", "max_change_per_year", "family_factor"),  # optional: left empty
]


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    topic: V.Topic | None
    scope: V.Scope
    event: V.EventKind | None
    granularity: str  # instant, year, quarter, month, event

    @property
    def style(self) -> str:
        return "event" if self.topic is None else self.topic.style

    def row(self) -> dict[str, str]:
        if self.event is not None:
            return {
                "indicator_id": self.indicator_id,
                "label": self.event.en.capitalize(),
                "definition": f"The event: the subject {self.event.en}.",
                "unit": "",
                "kind": "event",
                "family": self.indicator_id,
            }
        assert self.topic is not None
        label = self.topic.en.capitalize() + (f" {self.scope.en}" if self.scope.en else "")
        per = {"instant": "at the end of a year", "year": "per calendar year"}.get(
            self.granularity, f"per calendar {self.granularity}"
        )
        return {
            "indicator_id": self.indicator_id,
            "label": label,
            "definition": f"{label}, {per}, as reported for one country or the world.",
            "unit": self.topic.unit,
            "kind": self.topic.kind,
            "family": self.indicator_id,
        }


@dataclass(frozen=True)
class Number:
    """A printed number: ``digits`` × 10^-decimals × 10^exponent, with a hedge."""

    digits: int
    decimals: int
    exponent: int
    hedge: int  # index into the hedge table, -1 exact, -2 forecast
    dollar_prefix: bool = False

    def value_text(self) -> str:
        return _plain(Decimal(self.digits).scaleb(self.exponent - self.decimals))

    def magnitude(self) -> float:
        return float(Decimal(self.digits).scaleb(self.exponent - self.decimals))


@dataclass(frozen=True)
class Fact:
    subject: int
    indicator: int
    period_start: str
    period_end: str
    granularity: str
    number: Number | None  # None for an event


@dataclass
class Planted:
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    broken_citations: list[dict[str, Any]] = field(default_factory=list)


def _plain(value: Decimal) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _group(digits: str, sep: str) -> str:
    head = len(digits) % 3 or 3
    parts = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return sep.join(parts)


def render_number(number: Number, unit: str, language: str) -> tuple[str, str]:
    """``as_written`` in the language's format, and the qualifier it implies.

    >>> render_number(Number(12345, 1, 6, -1), "person", "vi")
    ('1.234,5 triệu', 'exact')
    >>> render_number(Number(16000, 0, 0, 0), "report", "vi")
    ('gần 16.000', 'nearly')
    >>> render_number(Number(23, 1, 9, -1, True), "USD", "en")
    ('$2.3 billion', 'exact')
    """
    text = str(number.digits)
    if number.decimals:
        text = text.rjust(number.decimals + 1, "0")
        whole, frac = text[: -number.decimals], text[-number.decimals :]
    else:
        whole, frac = text, ""
    group, point = (".", ",") if language == "vi" else (",", ".")
    body = _group(whole, group) + (point + frac if frac else "")
    scale = (SCALE_VI if language == "vi" else SCALE_EN)[number.exponent]
    prefix = ""
    if unit == "percent":
        body += "%"
    else:
        if scale:
            body += " " + scale
        if unit == "VND":
            body += " " + ("đồng" if language == "vi" else "VND")
        elif unit == "USD":
            if number.dollar_prefix:
                prefix = "US$" if language == "vi" else "$"
            else:
                body += " USD"
    body = prefix + body
    if number.hedge == -2:
        return f"{FORECAST_WORD[language]} {body}", "forecast"
    if number.hedge >= 0:
        phrase, qualifier = (HEDGES_VI if language == "vi" else HEDGES_EN)[number.hedge]
        return f"{phrase} {body}", qualifier
    return body, "exact"


class Generator:
    """Builds the facts, the claim slots and the planted errors from one seeded RNG."""

    def __init__(self, claims: int, seed: int, conflicts: int, broken: int) -> None:
        if claims < 100:
            raise ValueError(f"claims={claims!r}: at least 100 claims are needed")
        self.n_claims = claims
        self.seed = seed
        self.rng = random.Random(seed)
        self.indicators = self._indicators()
        self.subjects = V.COUNTRIES
        n_events = claims // 100
        n_forecasts = claims // 50
        n_dups = claims * 30 // 100
        self.n_conflicts = conflicts
        self.n_broken = broken
        n_normal = claims - n_events - n_forecasts - n_dups - conflicts
        if n_normal < 2 * (conflicts + broken):
            raise ValueError(
                f"conflicts={conflicts!r}, broken={broken!r}: too many for {claims} claims"
            )
        self.facts: list[Fact] = []
        self._draw_normal_facts(n_normal)
        self.first_forecast = len(self.facts)
        self._draw_forecast_facts(n_forecasts)
        self.first_event = len(self.facts)
        self._draw_event_facts(n_events)
        self.slots = self._slots(n_normal, n_dups)

    # -- indicators and facts -------------------------------------------------------------

    def _indicators(self) -> list[Indicator]:
        out: list[Indicator] = []
        for topic in V.TOPICS:
            for scope in V.SCOPES:
                slug = topic.slug + (f"-{scope.slug}" if scope.slug else "")
                if topic.kind == "flow":
                    granularity = self.rng.choice(("year", "year", "quarter", "month"))
                else:
                    granularity = "instant"
                out.append(Indicator(slug, topic, scope, None, granularity))
        for event in V.EVENTS:
            out.append(Indicator(event.slug, None, V.SCOPES[0], event, "event"))
        return out

    def _value_indicators(self) -> list[int]:
        return [i for i, ind in enumerate(self.indicators) if ind.topic is not None]

    def _draw_normal_facts(self, count: int) -> None:
        indicators = self._value_indicators()
        years = LAST_YEAR - FIRST_YEAR + 1
        sizes = [years * GRANULARITY_PERIODS[self.indicators[i].granularity] for i in indicators]
        starts = [0]
        for size in sizes:
            starts.append(starts[-1] + size)
        per_subject = starts[-1]
        space = per_subject * len(self.subjects)
        if count > space:
            # Larger ledgers than the countries can hold (10 million claims) get made-up
            # regions as well; a size that fits keeps exactly the bytes it always had.
            missing = -(-(count - space) // per_subject)
            self.subjects = self.subjects + V.regions(missing + len(self.subjects) // 10)
            space = per_subject * len(self.subjects)
        if count > space:
            raise ValueError(f"claims: {count} facts asked, the key space holds {space}")
        for key in self.rng.sample(range(space), count):
            subject, rest = divmod(key, per_subject)
            position = bisect.bisect_right(starts, rest) - 1
            index = indicators[position]
            indicator = self.indicators[index]
            start, end = _period(indicator.granularity, rest - starts[position])
            number = self._number(indicator, hedged=True)
            self.facts.append(Fact(subject, index, start, end, indicator.granularity, number))

    def _draw_forecast_facts(self, count: int) -> None:
        indicators = self._value_indicators()
        years = FORECAST_YEARS[1] - FORECAST_YEARS[0] + 1
        space = len(self.subjects) * len(indicators) * years
        for key in self.rng.sample(range(space), min(count, space)):
            subject, rest = divmod(key, len(indicators) * years)
            position, year_index = divmod(rest, years)
            index = indicators[position]
            indicator = self.indicators[index]
            year = FORECAST_YEARS[0] + year_index
            if indicator.granularity == "instant":
                start = end = f"{year}-12-31"
            else:
                start, end = f"{year}-01-01", f"{year}-12-31"
            number = self._number(indicator, hedged=False)
            number = Number(number.digits, number.decimals, number.exponent, -2)
            self.facts.append(Fact(subject, index, start, end, "forecast", number))

    def _draw_event_facts(self, count: int) -> None:
        events = [i for i, ind in enumerate(self.indicators) if ind.event is not None]
        days = (2025 - 2000 + 1) * 365
        space = len(self.subjects) * len(events) * days
        for key in self.rng.sample(range(space), min(count, space)):
            subject, rest = divmod(key, len(events) * days)
            position, day = divmod(rest, days)
            year, day_of_year = 2000 + day // 365, day % 365
            month, dom = _month_day(year, day_of_year)
            date = f"{year}-{month:02d}-{dom:02d}"
            self.facts.append(Fact(subject, events[position], date, date, "event", None))

    def _number(self, indicator: Indicator, *, hedged: bool) -> Number:
        topic = indicator.topic
        assert topic is not None
        value = 10 ** self.rng.uniform(topic.low, topic.high)
        hedge = self.rng.randrange(len(HEDGES_VI)) if hedged and self.rng.random() < 0.25 else -1
        return represent(self.rng, value, topic, hedge)

    # -- claim slots -------------------------------------------------------------------------

    def _slots(self, n_normal: int, n_dups: int) -> dict[str, list[tuple[int, int]]]:
        """Claim slots by the kind of source they go to.

        Every fact is first published by a reference source (statistical, official, survey,
        estimate); the news re-quote it. So no figure rests on a news article alone, and a
        planted conflict is two reference sources disagreeing.
        """
        rng = self.rng
        normal = list(range(n_normal))
        special = rng.sample(normal, self.n_conflicts + self.n_broken)
        self.conflict_facts = set(special[: self.n_conflicts])
        broken = special[self.n_conflicts :]
        self.broken_role = {
            fact: (BROKEN_OFFSET if i % 2 == 0 else BROKEN_VALUE) for i, fact in enumerate(broken)
        }
        excluded = set(special)
        reference = [(f, self.broken_role.get(f, ORIGINAL)) for f in range(len(self.facts))]
        reference += [(fact, CONFLICT) for fact in special[: self.n_conflicts]]
        dup_pool = [f for f in normal if f not in excluded]
        news = []
        for _ in range(n_dups):
            fact = rng.choice(dup_pool)
            number = self.facts[fact].number
            approx = number is not None and number.hedge == -1 and rng.random() < 0.3
            news.append((fact, DUP_APPROX if approx else DUP_SAME))
        rng.shuffle(reference)
        rng.shuffle(news)
        return {"reference": reference, "news": news}

    def conflict_number(self, fact: Fact) -> Number:
        """A number 2.5–4 times the fact's printed value (or that much smaller)."""
        indicator = self.indicators[fact.indicator]
        assert fact.number is not None and indicator.topic is not None
        magnitude = fact.number.magnitude()
        factor = self.rng.uniform(2.5, 4.0)
        larger = self.rng.random() < 0.5
        if indicator.topic.style == "ratio" and magnitude * factor > 95:
            larger = False
        if magnitude / factor < 10:
            larger = True
        target = magnitude * factor if larger else magnitude / factor
        hedge = self.rng.randrange(len(HEDGES_VI)) if self.rng.random() < 0.25 else -1
        return represent(self.rng, target, indicator.topic, hedge)


def represent(rng: random.Random, value: float, topic: V.Topic, hedge: int) -> Number:
    """Round ``value`` the way the news prints it: 2 to 4 significant digits, a scale word."""
    if topic.style == "ratio":
        decimals = rng.choice((0, 1, 1, 2))
        return _rounded(value, 0, decimals, hedge, rng, sig=None)
    if topic.unit == "VND":
        if value >= 1e12 and rng.random() < 0.5:
            exponent, decimals = 12, rng.choice((0, 1))
        elif value >= 1e9:
            exponent, decimals = 9, rng.choice((0, 0, 1))
        else:
            exponent, decimals = 6, rng.choice((0, 1))
        return _rounded(value, exponent, decimals, hedge, rng, sig=rng.choice((2, 3, 4)))
    if topic.unit == "USD":
        exponent = 6 if value < 1e9 else 9 if value < 1e12 else 12
        decimals = rng.choice((0, 1, 1, 2))
        return _rounded(value, exponent, decimals, hedge, rng, sig=None, dollar=True)
    if value < 1e4:
        return _rounded(value, 0, 0, hedge, rng, sig=rng.choice((2, 3, 4)))
    if value < 1e6:
        if rng.random() < 0.3:
            return _rounded(value, 3, rng.choice((0, 1)), hedge, rng, sig=None)
        return _rounded(value, 0, 0, hedge, rng, sig=rng.choice((3, 4)))
    exponent = 6 if value < 1e9 else 9
    return _rounded(value, exponent, rng.choice((0, 1, 2)), hedge, rng, sig=None)


def _rounded(
    value: float,
    exponent: int,
    decimals: int,
    hedge: int,
    rng: random.Random,
    *,
    sig: int | None,
    dollar: bool = False,
) -> Number:
    mantissa = value / 10**exponent
    digits = round(mantissa * 10**decimals)
    if sig is not None and decimals == 0:
        drop = max(0, len(str(digits)) - sig)
        digits = round(digits / 10**drop) * 10**drop
    while digits < 10:  # at least two significant digits: printed precision within 5%
        decimals += 1
        digits = round(mantissa * 10**decimals)
    prefix = dollar and rng.random() < 0.3
    return Number(digits, decimals, exponent, hedge, prefix)


def approx_number(number: Number) -> Number:
    """The same number rounded to two significant digits and hedged with 'about'."""
    digits, decimals = number.digits, number.decimals
    drop = max(0, len(str(digits)) - 2)
    rounded = round(digits / 10**drop) * 10**drop
    while decimals > 0 and rounded % 10 == 0:
        rounded //= 10
        decimals -= 1
    return Number(rounded, decimals, number.exponent, APPROX_HEDGE, number.dollar_prefix)


def _period(granularity: str, index: int) -> tuple[str, str]:
    if granularity in ("instant", "year"):
        year = FIRST_YEAR + index
        if granularity == "instant":
            return f"{year}-12-31", f"{year}-12-31"
        return f"{year}-01-01", f"{year}-12-31"
    per_year = GRANULARITY_PERIODS[granularity]
    year, part = FIRST_YEAR + index // per_year, index % per_year
    months = 12 // per_year
    first = part * months + 1
    last = first + months - 1
    return f"{year}-{first:02d}-01", f"{year}-{last:02d}-{calendar.monthrange(year, last)[1]:02d}"


def _month_day(year: int, day_of_year: int) -> tuple[int, int]:
    for month in range(1, 13):
        length = calendar.monthrange(year, month)[1]
        if day_of_year < length:
            return month, day_of_year + 1
        day_of_year -= length
    return 12, 31


# -- writing the package -----------------------------------------------------------------


@dataclass
class SourceDraft:
    source_id: str
    language: str
    text_parts: list[str] = field(default_factory=list)
    length: int = 0

    def add(self, text: str) -> int:
        start = self.length
        self.text_parts.append(text)
        self.length += len(text)
        return start


class Writer:
    """Turns the generator's slots into source texts and CSV rows, source by source."""

    def __init__(self, gen: Generator, out: Path) -> None:
        self.gen = gen
        self.out = out
        self.rng = random.Random(gen.seed * 7919 + 1)
        self.planted = Planted()
        self.conflict_partner: dict[int, str] = {}
        self.conflict_first: dict[int, str] = {}

    def write(self) -> dict[str, int]:
        (self.out / "sources").mkdir(parents=True, exist_ok=True)
        (self.out / "datapackage").mkdir(parents=True, exist_ok=True)
        counts = {"claims": 0, "sources": 0}
        with (
            _csv_file(self.out / "datapackage/claims.csv") as claims_fh,
            _csv_file(self.out / "datapackage/sources.csv") as sources_fh,
        ):
            claims = csv.DictWriter(claims_fh, CLAIM_FIELDS, lineterminator="\n")
            sources = csv.DictWriter(sources_fh, SOURCE_FIELDS, lineterminator="\n")
            claims.writeheader()
            sources.writeheader()
            for number, (pool, chunk) in enumerate(self._chunks()):
                source_row, claim_rows = self._source(number, pool, chunk)
                sources.writerow(source_row)
                claims.writerows(claim_rows)
                counts["claims"] += len(claim_rows)
                counts["sources"] += 1
        self._write_indicators()
        return counts

    def _chunks(self) -> Iterator[tuple[str, list[tuple[int, int]]]]:
        """(pool, slots) for each source, the two pools interleaved at random."""
        pools = {name: list(slots) for name, slots in self.gen.slots.items()}
        positions = dict.fromkeys(pools, 0)
        while any(positions[name] < len(pools[name]) for name in pools):
            left = {name: len(pools[name]) - positions[name] for name in pools}
            names = [name for name in pools if left[name] > 0]
            name = self.rng.choices(names, weights=[left[n] for n in names])[0]
            size = self.rng.randint(20, 80)
            if left[name] - size < 20:
                size = left[name]
            yield name, pools[name][positions[name] : positions[name] + size]
            positions[name] += size

    def _source(
        self, number: int, pool: str, chunk: Sequence[tuple[int, int]]
    ) -> tuple[dict[str, str], list[dict[str, str]]]:
        rng = self.rng
        language = "en" if rng.random() < 0.05 else "vi"
        if pool == "news":
            kind = "news"
        else:
            kinds = ("statistical", "official", "survey", "estimate")
            kind = rng.choices(kinds, weights=(40, 35, 10, 15))[0]
        prefix = {"news": "bao", "statistical": "tk", "official": "cq", "survey": "ks"}
        source_id = f"{prefix.get(kind, 'uoc')}-{language}-{number + 1:06d}"
        draft = SourceDraft(source_id, language)
        first = self.gen.facts[chunk[0][0]]
        subject = self.gen.subjects[first.subject]
        headline = rng.choice(V.HEADLINES_VI if language == "vi" else V.HEADLINES_EN)
        title = headline.format(S=subject.vi if language == "vi" else subject.en)
        draft.add(title + "\n\n")
        rows: list[dict[str, str]] = []
        in_paragraph = 0
        for index, (fact_index, role) in enumerate(chunk):
            if in_paragraph >= rng.randint(3, 6):
                draft.add("\n\n")
                in_paragraph = 0
            elif in_paragraph:
                draft.add(" ")
            rows.append(self._claim(draft, index, fact_index, role))
            in_paragraph += 1
            if rng.random() < 0.35:
                draft.add(" " + self._filler(language))
                in_paragraph += 1
        body = "".join(draft.text_parts) + "\n"
        text = body
        body_end = ""
        if language == "vi" and rng.random() < 0.3:
            related = [
                rng.choice(V.RELATED_VI).format(K=_group(str(rng.randint(2, 9999)), "."))
                for _ in range(3)
            ]
            text = body + V.nfc("\nTin liên quan:\n") + "".join(f"- {r}\n" for r in related)
            body_end = str(len(body))
        if not unicodedata.is_normalized("NFC", text):
            raise AssertionError(f"{source_id}: generated text is not NFC")
        stored = text
        if language == "vi" and number % 10 == 3:  # one in ten stored decomposed
            stored = unicodedata.normalize("NFD", text)
        data = stored.encode("utf-8")
        path = f"sources/{source_id}.txt"
        (self.out / path).write_bytes(data)
        publishers = V.PUBLISHERS_VI if language == "vi" else V.PUBLISHERS_EN
        host = "tin.example.vn" if language == "vi" else "news.example.com"
        # reference sources publish a fact first, the news re-quote it later: a later
        # verbatim copy is no independent confirmation (checks/compare/corroboration.py)
        month = rng.randint(1, 5) if kind != "news" else rng.randint(6, 10)
        published = f"2026-{month:02d}-{rng.randint(1, 28):02d}"
        source_row = {
            "source_id": source_id,
            "title": title,
            "publisher": rng.choice(publishers),
            "url": f"https://{host}/{source_id}.html",
            "published": published,
            "language": language,
            "kind": kind,
            "path": path,
            "sha256": hashlib.sha256(data).hexdigest(),
            "body_end": body_end,
            "note": "Synthetic benchmark text." if rng.random() < 0.1 else "",
        }
        return source_row, rows

    def _claim(self, draft: SourceDraft, index: int, fact_index: int, role: int) -> dict[str, str]:
        gen, rng = self.gen, self.rng
        fact = gen.facts[fact_index]
        indicator = gen.indicators[fact.indicator]
        subject = gen.subjects[fact.subject]
        language = draft.language
        number = fact.number
        if role == DUP_APPROX and number is not None:
            number = approx_number(number)
        elif role == CONFLICT:
            number = gen.conflict_number(fact)
        unit = indicator.topic.unit if indicator.topic is not None else ""
        if number is not None:
            as_written, qualifier = render_number(number, unit, language)
            value = number.value_text()
        else:
            as_written, qualifier, value = "", "exact", ""
        quote = self._quote(indicator, subject, as_written, fact.granularity, language)
        opener, speaker = self._opener(language)
        sentence_head = opener
        if not opener:
            quote = quote[0].upper() + quote[1:]
        start = draft.add(sentence_head) + len(sentence_head)
        draft.add(quote + ".")
        end = start + len(quote)
        claim_id = f"{draft.source_id}-c{index + 1:02d}"
        if role == BROKEN_OFFSET:
            shift = rng.randint(1, 5)
            start, end = start - shift, end - shift
        elif role == BROKEN_VALUE:
            value = _plain(Decimal(value) * Decimal("1.37"))
        if role in BROKEN_CODES:
            self.planted.broken_citations.append(
                {
                    "claim_id": claim_id,
                    "kind": BROKEN_KINDS[role],
                    "expected_code": BROKEN_CODES[role],
                }
            )
        if fact_index in gen.conflict_facts and role in (ORIGINAL, CONFLICT):
            self._pair(fact_index, fact, indicator, subject, claim_id)
        translation = ""
        if language == "vi" and number is not None and rng.random() < 0.25:
            english, _ = render_number(number, unit, "en")
            translation = self._quote(indicator, subject, english, fact.granularity, "en")
            translation = translation[0].upper() + translation[1:] + "."
        note = ""
        roll = rng.random()
        if roll < 0.001:
            note = V.nfc("Hai cách đọc kỳ số liệu.\nĐã chọn kỳ gần nhất với ngày đăng.")
        elif roll < 0.03:
            note = rng.choice(V.NOTES_VI)
        return {
            "claim_id": claim_id,
            "source_id": draft.source_id,
            "quote": quote,
            "start": str(start),
            "end": str(end),
            "as_written": as_written,
            "speaker": speaker,
            "subject": subject.iso3,
            "indicator_id": indicator.indicator_id,
            "value": value,
            "unit": unit,
            "qualifier": qualifier,
            "period_start": fact.period_start,
            "period_end": fact.period_end,
            "translation_en": translation,
            "note": note,
        }

    def _pair(
        self, fact_index: int, fact: Fact, indicator: Indicator, subject: V.Country, claim_id: str
    ) -> None:
        other = self.conflict_first.pop(fact_index, None)
        if other is None:
            self.conflict_first[fact_index] = claim_id
            return
        self.planted.conflicts.append(
            {
                "claim_ids": sorted([other, claim_id]),
                "subject": subject.iso3,
                "indicator_id": indicator.indicator_id,
                "period_start": fact.period_start,
                "period_end": fact.period_end,
            }
        )

    def _quote(
        self,
        indicator: Indicator,
        subject: V.Country,
        as_written: str,
        granularity: str,
        language: str,
    ) -> str:
        rng = self.rng
        vi = language == "vi"
        templates = (V.TEMPLATES_VI if vi else V.TEMPLATES_EN)[indicator.style]
        periods = (V.PERIODS_VI if vi else V.PERIODS_EN)[granularity]
        if indicator.event is not None:
            noun, scope = (indicator.event.vi if vi else indicator.event.en), ""
        else:
            assert indicator.topic is not None
            noun = indicator.topic.vi if vi else indicator.topic.en
            scope = indicator.scope.vi if vi else indicator.scope.en
        text = rng.choice(templates).format(
            S=subject.vi if vi else subject.en,
            A=as_written,
            N=noun,
            C=scope,
            P=rng.choice(periods),
        )
        return " ".join(text.split())

    def _opener(self, language: str) -> tuple[str, str]:
        rng = self.rng
        template = rng.choice(V.OPENERS_VI if language == "vi" else V.OPENERS_EN)
        if "{O}" in template:
            org = rng.choice(V.ORGANISATIONS_VI if language == "vi" else V.ORGANISATIONS_EN)
            return template.format(O=org), org
        if "{R}" in template:
            name = f"{rng.choice(V.SURNAMES)} {rng.choice(V.MIDDLE)} {rng.choice(V.GIVEN)}"
            person = f"{rng.choice(V.TITLES_VI)} {name}" if language == "vi" else name
            if template.startswith("{R}"):
                person = person[0].upper() + person[1:]
            return template.format(R=person), name
        return template, ""

    def _filler(self, language: str) -> str:
        rng = self.rng
        text = rng.choice(V.FILLERS_VI if language == "vi" else V.FILLERS_EN)
        org = rng.choice(V.ORGANISATIONS_VI if language == "vi" else V.ORGANISATIONS_EN)
        name = f"{rng.choice(V.SURNAMES)} {rng.choice(V.MIDDLE)} {rng.choice(V.GIVEN)}"
        role = f"{rng.choice(V.ROLES_VI)} {name}" if language == "vi" else name
        return text.format(O=org, R=role)

    def _write_indicators(self) -> None:
        with _csv_file(self.out / "datapackage/indicators.csv") as fh:
            writer = csv.DictWriter(fh, INDICATOR_FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(ind.row() for ind in self.gen.indicators)


def _csv_file(path: Path) -> TextIO:
    return path.open("w", encoding="utf-8", newline="")


def _descriptor() -> dict[str, Any]:
    repo = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    return {
        "$schema": repo.get("$schema", "https://datapackage.org/profiles/2.0/datapackage.json"),
        "name": "claimledger-benchmark",
        "title": "Synthetic claims for the claimledger benchmark",
        "description": "Generated by benchmarks/generate.py: invented texts and numbers with "
        "planted conflicts and broken citations (see planted.json). Not data about the world.",
        "version": "1.0.0",
        "licenses": repo.get("licenses", []),
        "created": "2026-01-01T00:00:00Z",
        "resources": repo["resources"],
    }


def write_package(
    out: Path, claims: int, seed: int = 1, conflicts: int | None = None, broken: int | None = None
) -> dict[str, Any]:
    """Write a complete package into ``out`` and return its ground truth (planted.json).

    >>> truth = write_package(Path("/tmp/bench-small"), 1000, seed=3)  # doctest: +SKIP
    >>> len(truth["conflicts"]), len(truth["broken_citations"])  # doctest: +SKIP
    (5, 5)
    """
    conflicts = max(5, claims // 10_000) if conflicts is None else conflicts
    broken = max(5, claims // 10_000) if broken is None else broken
    if out.exists():
        for name in ("datapackage", "sources"):
            shutil.rmtree(out / name, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    gen = Generator(claims, seed, conflicts, broken)
    writer = Writer(gen, out)
    counts = writer.write()
    descriptor = _descriptor()
    (out / "datapackage.json").write_text(
        json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    written = {"sources", "claims", "indicators", "rules"}
    _write_rules(out / "datapackage/rules.csv")
    for resource in descriptor["resources"]:
        schema = resource.get("schema")
        if isinstance(schema, str):
            shutil.copyfile(REPO / schema, out / schema)
        if resource["name"] in written:
            continue
        fields = _schema_fields(resource)
        with _csv_file(out / resource["path"]) as fh:
            csv.writer(fh, lineterminator="\n").writerow(fields)
    truth = {
        "generator": "benchmarks/generate.py",
        "seed": seed,
        "claims": counts["claims"],
        "sources": counts["sources"],
        "indicators": len(gen.indicators),
        "conflicts": sorted(writer.planted.conflicts, key=lambda c: c["claim_ids"]),
        "broken_citations": sorted(writer.planted.broken_citations, key=lambda b: b["claim_id"]),
    }
    (out / "planted.json").write_text(json.dumps(truth, indent=2) + "\n", encoding="utf-8")
    return truth


# Two plausibility bounds over every (subject, period) pair of their indicators: work for
# the rules engine at scale. The bounds are wide on purpose (the generated values never
# reach them), so they add no finding: the benchmark's ground truth stays planted.json.
RULES = (
    {
        "rule_id": "benchmark-loss-per-fraud-report",
        "kind": "ratio-bound",
        "expression": "[fraud-losses] / [fraud-reports]",
        "minimum": "",
        "maximum": "10000000000000000",
        "unit": "VND/report",
        "severity": "warning",
        "tolerance": "0",
        "rationale": "Benchmark workload, not a judgement about the world: generated losses "
        "are at most about 3e14 VND and report counts at least 10, so the ratio stays far "
        "below 1e16 VND per report.",
    },
    {
        "rule_id": "benchmark-cost-share-of-revenue",
        "kind": "ratio-bound",
        "expression": "[cybercrime-cost] / [ecommerce-revenue]",
        "minimum": "0",
        "maximum": "1000000000",
        "unit": "percent",
        "severity": "warning",
        "tolerance": "0",
        "rationale": "Benchmark workload, not a judgement about the world: both are positive "
        "USD amounts generated between 1e6 and 1e13, so the share is positive and below "
        "1e9 percent.",
    },
)


def _write_rules(path: Path) -> None:
    fields = _schema_fields({"schema": "datapackage/rules.schema.json"})
    with _csv_file(path) as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows({name: rule.get(name, "") for name in fields} for rule in RULES)


def _schema_fields(resource: dict[str, Any]) -> list[str]:
    schema = resource.get("schema")
    if isinstance(schema, str):
        schema = json.loads((REPO / schema).read_text(encoding="utf-8"))
    return [f["name"] for f in (schema or {}).get("fields", [])]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, required=True, help="number of claims (>= 100)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write the package to")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--conflicts", type=int, help="planted conflicts (default N/10000, >=5)")
    parser.add_argument("--broken", type=int, help="broken citations (default N/10000, >=5)")
    args = parser.parse_args(argv)
    try:
        truth = write_package(args.out, args.claims, args.seed, args.conflicts, args.broken)
    except ValueError as exc:
        parser.error(str(exc))
    print(
        f"wrote {args.out}: {truth['claims']} claims, {truth['sources']} sources, "
        f"{len(truth['conflicts'])} planted conflicts, "
        f"{len(truth['broken_citations'])} broken citations"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
