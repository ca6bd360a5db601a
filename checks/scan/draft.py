"""Draft claim rows from a scan, for a person to review.

Each number becomes a row in the ``claims`` format: id, offsets and quote of its clause,
``as_written``, value, unit and qualifier filled; subject and speaker left empty, the
indicator proposed by a hook when one is given; the period filled where the clause (or
else another clause of the sentence) prints exactly one dated period that is not a base of
comparison ("so với năm 2022", "kể từ", "since"). A date that fixes a number's period
in its own clause is left out; other dates become event rows (empty value), the note says
so. The file is written atomically and never inside a package's ``datapackage/`` or
``sources/`` folder.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path

from checks.io import atomic_write_text
from checks.model.errors import InputError
from checks.model.paths import DESCRIPTOR
from checks.numbers.hedges import has_phrase_for
from checks.scan import dates
from checks.scan.clauses import QUOTE_WINDOW, TRIM, ClauseIndex
from checks.scan.dates import Period
from checks.scan.language import SentenceLanguages
from checks.scan.mention import Kind, Mention
from checks.scan.patterns import (
    WORD_WINDOW,
    base_level_at,
    is_base,
    is_base_period,
    period_context_at,
)
from checks.scan.scanner import Scan

CLAIM_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "source_id",
    "quote",
    "start",
    "end",
    "as_written",
    "speaker",
    "subject",
    "indicator_id",
    "value",
    "unit",
    "qualifier",
    "period_start",
    "period_end",
    "translation_en",
    "note",
)
"""The columns of ``datapackage/claims.csv`` (docs: DESIGN.md, the data contract)."""

PROTECTED_FOLDERS = ("datapackage", "sources")


def slug(name: str) -> str:
    """A source-id-like slug: ASCII lower case, words joined by ``-``.

    >>> slug("Bài báo 003 (bản nháp).txt")
    'bai-bao-003-ban-nhap-txt'
    """
    ascii_text = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "source"


def plain_number(value: float) -> str:
    """A value as the claims write it: plain decimal, no exponent, no trailing ``.0``.

    >>> plain_number(1.02218e16), plain_number(79.1), plain_number(8.0)
    ('10221800000000000', '79.1', '8')
    """
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


IndicatorHook = Callable[[Mention], tuple[str, str]]
"""Proposes ``(indicator_id, note)`` for a number (see :mod:`checks.scan.indicator_proposal`)."""


def draft_rows(
    scan: Scan, source_id: str, indicator: IndicatorHook | None = None
) -> list[dict[str, str]]:
    """Claim rows for every number of a scan (identifiers left out), ids ``<source_id>-NNN``.

    A number's period comes from its clause, or else from another clause of its sentence
    (:func:`_sentence_period`); a date that only fixes the period of a number in that
    number's clause is not a row of its own. ``indicator``, when given, fills
    ``indicator_id`` (and adds to the note) of numbers.

    >>> from checks.scan import scan_text
    >>> rows = draft_rows(scan_text("đã ghi nhận gần 16.000 phản ánh trong năm 2023"), "a")
    >>> [(r["claim_id"], r["as_written"], r["period_start"], r["period_end"]) for r in rows]
    [('a-001', 'gần 16.000', '2023-01-01', '2023-12-31')]
    """
    dated = [m for m in scan.numbers if m.kind is Kind.DATE and m.period is not None]
    starts = [m.start for m in dated]
    clauses, sentences = ClauseIndex(scan.text), SentenceLanguages(scan.text)
    readings: dict[int, tuple[Period | None, Period | None, tuple[int, int] | None]] = {}
    used: set[int] = set()
    for mention in scan.numbers:
        if mention.kind is Kind.DATE:
            continue
        near = _near(dated, starts, mention)
        period, base = _clause_period(
            scan.text, mention.quote_start, mention.quote_end, near, (mention.start, mention.end)
        )
        quote = None
        if period is None:
            period, quote = _sentence_period(scan.text, mention, near, clauses, sentences)
        else:
            used.update(id(d) for d in _fixing_dates(scan.text, mention, near, period))
        readings[id(mention)] = (period, base, quote)
    numbers = [m for m in scan.numbers if id(m) not in used]
    width = max(3, len(str(len(numbers))))
    rows = []
    for index, mention in enumerate(numbers, start=1):
        row = dict.fromkeys(CLAIM_COLUMNS, "")
        row.update(
            claim_id=f"{source_id}-{index:0{width}d}",
            source_id=source_id,
            quote=mention.quote,
            start=str(mention.quote_start),
            end=str(mention.quote_end),
            qualifier=_qualifier(scan.text, mention, dated),
            note=_note(mention),
        )
        if mention.kind is Kind.DATE:
            period = mention.period if mention.period and mention.period.fixed else None
        else:
            row["as_written"] = mention.as_written
            row["value"] = plain_number(mention.value) if mention.value is not None else ""
            row["unit"] = mention.unit or ""
            period, base, quote = readings[id(mention)]
            if quote is not None:
                row.update(quote=scan.text[quote[0] : quote[1]], start=str(quote[0]))
                row["end"] = str(quote[1])
            if base is not None:
                row["note"] += f"; growth base period {base}"
            if indicator is not None:  # hook: the indicator proposal
                row["indicator_id"], proposal_note = indicator(mention)
                row["note"] += f"; {proposal_note}" if proposal_note else ""
        if period is not None:
            row["period_start"], row["period_end"] = period.start, period.end
        rows.append(row)
    return rows


_DIGIT = re.compile(r"[0-9]")


def _qualifier(text: str, mention: Mention, dates: Sequence[Mention]) -> str:
    """The mention's qualifier; ``forecast`` for a plain number after a word of forecast or
    target in its clause (``đặt mục tiêu đón 22 triệu lượt``, ``expect to welcome 22
    million``), with no number but a date between them: a figure announced, not measured
    (``the target of 5% was missed as inflation hit 7%``: the 7% is measured; ``đặt mục
    tiêu năm 2025 xuất khẩu đạt 1,8 tỷ USD``: the year is the target's)."""
    qualifier = mention.qualifier or "exact"
    if qualifier != "exact" or mention.kind is Kind.DATE:
        return qualifier
    start = mention.quote_start
    in_dates = [(d.start, d.end) for d in dates if start <= d.start < mention.start]
    digits = [
        m.end()
        for m in _DIGIT.finditer(text, start, mention.start)
        if not any(lo <= m.start() < hi for lo, hi in in_dates)
    ]
    head = text[max(digits, default=start) : mention.start]  # since the last number
    return "forecast" if has_phrase_for(head, "forecast") else qualifier


def _fixing_dates(
    text: str, mention: Mention, near: Iterable[Mention], period: Period
) -> list[Mention]:
    """The date in a number's own clause that gave it its period (at most one): inside
    the number's quote, a fixed period, and not the base of a comparison."""
    found = []
    for date in near:
        if not (mention.quote_start <= date.start and date.end <= mention.quote_end):
            continue
        if date.period is None or not date.period.fixed:
            continue
        if is_base_period(text, date.start, date.as_written):
            continue
        found.append(date)
    return found[:1]


def _note(mention: Mention) -> str:
    parts = [f"draft by claimledger scan: {mention.kind.value}"]
    if mention.kind is Kind.DATE:
        parts.append(f"{mention.as_written} = {mention.reading or '?'}")
        parts.append("an event claim, or the period of a number in the same clause")
    else:
        if mention.noun:
            parts.append(f"counts {mention.noun!r}")
        if mention.reading:
            parts.append(f"reads as {mention.reading}")
    if mention.note:
        parts.append(mention.note)
    return "; ".join(parts)


def _near(dated: Sequence[Mention], starts: Sequence[int], mention: Mention) -> Sequence[Mention]:
    """The dated mentions within the quote window of a number (found by bisection)."""
    low = bisect_left(starts, mention.start - 2 * QUOTE_WINDOW)
    high = bisect_right(starts, mention.end + 2 * QUOTE_WINDOW)
    return dated[low:high]


def _clause_period(
    text: str,
    start: int,
    end: int,
    dated: Iterable[Mention],
    number: tuple[int, int] | None = None,
) -> tuple[Period | None, Period | None]:
    """The one dated period printed in ``text[start:end]`` that fixes a number's period,
    if exactly one does, and the base period of a comparison (``so với năm 2022``). The
    date of a base level (``so với 1.375 website năm 2023``) is the period of that level
    and the base of the other numbers (``number``: the span of the number asked about)."""
    candidates: list[Period] = []
    bases: list[Period] = []
    for date in dated:
        if not (start <= date.start and date.end <= end):
            continue
        if date.period is None or not date.period.fixed:
            continue
        context = period_context_at(text, date.start)
        level = base_level_at(text, date.start) if number is not None else None
        if is_base(context, date.as_written) or (
            level is not None
            and number is not None
            and not level.start() <= number[0] < level.end()
        ):
            bases.append(date.period)
            continue
        months = _FIRST_MONTHS.search(text, max(0, date.start - 2 * WORD_WINDOW), date.start)
        if context is not None and context.group("period_start") and months is not None:
            candidates.append(_first_months(date.period, int(months.group(1))))
        elif context is not None and context.group("period_start"):
            candidates.append(dates.start_of(date.period))
        elif context is not None and context.group("period_end"):
            candidates.append(dates.end_of(date.period))
        else:
            candidates.append(date.period)
    period = candidates[0] if len(candidates) == 1 else None
    return period, (bases[0] if len(bases) == 1 else None)


_FIRST_MONTHS = re.compile(
    r"(?<![0-9])([0-9]{1,2})[^\S\n]+(?i:tháng)[^\S\n]+(?i:đầu)[^\S\n]+(?:(?i:năm)[^\S\n]+)?\Z"
)
"""``6 tháng đầu năm 2024``: the first six months of the year, not its first day."""


def _first_months(period: Period, months: int) -> Period:
    """The first ``months`` months of ``period`` when it is one calendar year (1-12 months),
    else its first day as for any other ``đầu``."""
    y = period.start[:4]
    whole_year = period.start == f"{y}-01-01" and period.end == f"{y}-12-31"
    if not whole_year or not 1 <= months <= 12:
        return dates.start_of(period)
    return dates.span(dates.month(int(y), 1), dates.month(int(y), months))


def _sentence_period(
    text: str,
    mention: Mention,
    dated: Sequence[Mention],
    clauses: ClauseIndex,
    sentences: SentenceLanguages,
) -> tuple[Period | None, tuple[int, int] | None]:
    """The period carried from another clause of the same sentence (``tính đến đầu năm
    2025, … 79,8 triệu …``, ``In 2023, revenue was $5bn``): the clauses before the number,
    nearest first, then those after it; with the quote widened to hold that clause."""
    sentence = sentences.bounds(mention.start)
    for low, high in clauses.sentence_clauses(mention.start, mention.end, sentence):
        period, _ = _clause_period(text, low, high, dated)
        if period is None:
            continue
        start, end = min(low, mention.quote_start), max(high, mention.quote_end)
        piece = text[start:end]
        lead = len(piece) - len(piece.lstrip(TRIM))
        kept = len(piece.rstrip(TRIM))
        return period, (start + lead, start + kept)
    return None, None


def render_csv(rows: Sequence[dict[str, str]], columns: Sequence[str]) -> str:
    """The rows as CSV text with ``\\n`` line ends, columns in the given order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: row.get(c, "") for c in columns})
    return out.getvalue()


def check_draft_target(out: Path, protected: Iterable[Path] = ()) -> Path:
    """Refuse a draft path inside a package's ``datapackage/`` or ``sources/`` folder.

    The packages checked are those whose roots are given in ``protected`` and every
    folder above ``out`` that holds a ``datapackage.json``; the descriptor itself and the
    files it names are refused too. Returns the resolved path.
    """
    target = out.expanduser().resolve()
    if target.is_dir():
        raise InputError("is a folder", path=str(out), expected="a CSV file path for the draft")
    roots = {Path(p).resolve() for p in protected}
    roots.update(folder for folder in target.parents if (folder / DESCRIPTOR).is_file())
    for root in sorted(roots):
        if target == root / DESCRIPTOR or target in _resource_paths(root):
            raise InputError(
                "refusing to overwrite a file of the package",
                path=str(out),
                expected="a path outside the package's data",
            )
        for folder in PROTECTED_FOLDERS:
            if target.is_relative_to(root / folder):
                raise InputError(
                    f"refusing to write a draft inside the package's {folder}/ folder "
                    f"({root / folder})",
                    path=str(out),
                    expected=f"a path outside {folder}/, e.g. drafts/claims-draft.csv",
                )
    return target


def _resource_paths(root: Path) -> set[Path]:
    """The files a package's descriptor names (unreadable descriptors name none)."""
    try:
        descriptor = json.loads((root / DESCRIPTOR).read_text(encoding="utf-8"))
        entries = descriptor.get("resources", []) if isinstance(descriptor, dict) else []
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return set()
    paths = [e.get("path") for e in entries if isinstance(e, dict)]
    return {(root / p).resolve() for p in paths if isinstance(p, str) and p}


def write_draft(
    out: Path,
    rows: Sequence[dict[str, str]],
    columns: Sequence[str] = CLAIM_COLUMNS,
    protected: Iterable[Path] = (),
) -> Path:
    """Write the draft atomically after :func:`check_draft_target`; returns the path."""
    target = check_draft_target(out, protected)
    atomic_write_text(target, render_csv(rows, columns))
    return target
