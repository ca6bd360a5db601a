"""sentences: the arithmetic of the sentences a package's claims are quoted from, recomputed.

A claim is a number in a sentence; the sentence often states how its numbers relate
(``tăng từ 10.000 lên 16.000, tức tăng 40%``). Without any rule, every such sentence of a
captured source is recomputed (:mod:`checks.recompute.relations`) and a figure that its
own sentence's numbers contradict is a finding on the claims that capture them.

Only sentences that can hold a relation are scanned: the claim's quote prints a cue word
(a change, a multiple, a share, an average, a total), three numbers, or a whole before one,
told column-wise in Arrow for the whole table; the sentence around it in the source then
needs three numbers that are not years, or two and a word of a multiple, a whole or a
change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from typing import ClassVar, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checks.model.codes import FindingCode
from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.model.package import Package
from checks.numbers.tables import change_words, multiplier_words
from checks.recompute.cues import cues
from checks.recompute.relations import find_relations
from checks.recompute.verdict import Recomputed, recompute
from checks.registry import register
from checks.scan.language import SentenceLanguages
from checks.scan.patterns import alternation
from checks.scan.scanner import scan_text
from checks.suite.common import row_finding

CHECK = "sentences"

CODE_OF_KIND = {  # a relation's kind is its finding code
    "change": "change",
    "multiple": "multiple",
    "share": "share",
    "average": "average",
    "parts": "parts",
    "total": "total",
    "breakdown": "breakdown",
}

_GRADED_WHY = (
    "an error when no reading of the sentence's printed numbers gives the stated figure, or "
    "only a one-significant-figure rounding of a round number does; a warning when only the "
    "rounding of the printed operands reconciles them, or when the figure and an input are "
    "both estimates"
)
SENTENCE_CODES: tuple[FindingCode, ...] = (
    FindingCode(
        "change",
        "A stated change disagrees with the two levels its sentence gives",
        "The sentence gives both levels and the change between them (tăng từ 10.000 lên "
        "16.000, tức tăng 40%): one of the three is misprinted or misread. Check each against "
        "the source's own release.",
        "graded",
        _GRADED_WHY,
    ),
    FindingCode(
        "multiple",
        "A stated multiple disagrees with the two figures its sentence gives",
        "The sentence says one figure is so many times the other (gấp 3 lần, doubled) and "
        "prints both: check the figures and the multiple.",
        "graded",
        _GRADED_WHY,
    ),
    FindingCode(
        "share",
        "A stated percentage disagrees with the part and the whole its sentence gives",
        "The sentence prints a part, its whole and the share (chiếm 79,1% of 100,3 triệu): "
        "the share does not follow from them. The whole may be of another year or another "
        "definition; say which in the claim's note.",
        "graded",
        _GRADED_WHY,
    ),
    FindingCode(
        "average",
        "A stated average disagrees with the total and the count its sentence gives",
        "The sentence prints a total, a count and their average (bình quân mỗi vụ): the "
        "average does not follow from them.",
        "graded",
        _GRADED_WHY,
    ),
    FindingCode(
        "total",
        "A stated total disagrees with the numbers its sentence adds up",
        "The sentence lists numbers and their total (tổng cộng, in total): the total is not "
        "their sum. Check each figure against the source's own release.",
        "graded",
        _GRADED_WHY,
    ),
    FindingCode(
        "breakdown",
        "Parts listed as a whole's breakdown do not add up to it",
        "The sentence gives a whole and lists what it consists of (gồm, consisting of, or "
        "after a total): the parts add up to another figure. One of them is misprinted, or the "
        "list is not complete (say so in a note).",
        "graded",
        _GRADED_WHY,
    ),
    FindingCode(
        "parts",
        "Parts add up to more than the whole their sentence gives",
        "Numbers listed as parts of a whole (trong số 2.000 vụ, có …; of the 2,000 cases …) "
        "add up to more than it: a misprint, or groups that overlap (say so in a note).",
        "error/warning",
        "an error when one part alone exceeds the whole; a warning when several do together, "
        "since a sentence does not say whether its groups overlap",
    ),
)

_GROUP = r"\d+(?:[.,]\d+)*"
_APART = r"[^\d.,]+"
_THREE_NUMBERS = rf"{_GROUP}{_APART}{_GROUP}{_APART}{_GROUP}"
_NUMBER = re.compile(r"(?<![\d.,])(?!(?:1[89]|2[01])\d\d(?![\d.,]))\d(?:[.,]?\d)*")
"""A number that is not a bare year (1800-2199)."""
_WEAK = frozenset(
    {
        "of",
        "on",
        "or",
        "to",
        "over",
        "from",
        "than",
        "trên",
        "từ",
        "đến",
        "tới",
        "còn",
        "đạt",
        "bằng",
        "among",
        "against",
        "vs",
        "i.e.",
        "tức",
        "lên",
        "xuống",
        "trong",
        "tỷ lệ",
        "rate of",
    }
)
"""Cue words too common to pick a quote out by themselves (they still count in the
sentence once it is picked)."""


@register
class SentencesCheck:
    id: ClassVar[str] = CHECK
    lane: ClassVar[str] = "sources"  # reads the archived texts: runs beside the table checks
    title: ClassVar[str] = "What a claim's own sentence states recomputes"
    codes: ClassVar[tuple[FindingCode, ...]] = SENTENCE_CODES
    help: ClassVar[str] = (
        "Without any rule, recomputes what the sentences of the claims state from their own "
        "numbers (a change between two levels, a multiple, a share of a whole, an average, a "
        "total, parts of a whole) and reports a stated figure that no reading of them gives "
        "(error) or that only the rounding of the printed numbers reconciles (warning)."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        yield from sentence_findings(pkg, CHECK)


@cache
def _quote_filter() -> str:
    """An RE2 pattern for quotes worth a look: a strong cue word (whole words), three
    numbers, or a whole (``of the``, ``trong số``) before a number: the quote of a whole
    (``Trong số 17.500 vụ``) may be all a sentence of parts has of its cues."""
    wholes = {c.word for c in cues() if c.role == "whole" and c.word.casefold() not in _WEAK}
    words = {c.word for c in cues() if c.word.casefold() not in _WEAK} - wholes
    words |= {w.word for w in change_words()}
    words |= {m.phrase for m in multiplier_words()}
    cue = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    whole = "|".join(re.escape(w) for w in sorted(wholes, key=len, reverse=True))
    edge, end = r"(?:^|[^\pL\pN])", r"(?:[^\pL\pN]|$)"
    return (
        rf"(?i)(?:{edge}(?:{cue}){end}|{_THREE_NUMBERS}"
        rf"|{edge}(?:{whole}){end}\D*\d)"
    )


@dataclass(frozen=True, slots=True)
class _Captured:
    row: int
    claim_id: str
    start: int
    end: int
    as_written: str


class _Row(NamedTuple):
    """The cells of one claim a recomputation needs, as strings."""

    row: int
    claim_id: str
    source_id: str
    quote: str
    start: str
    end: str
    as_written: str


def sentence_findings(pkg: Package, check: str) -> Iterator[Finding]:
    """A finding for every figure its own sentence's numbers contradict, by source.

    The claims of a source are gathered only for a source whose sentences hold a figure
    that fails: on a large ledger almost none does."""
    claims = pkg.table("claims")
    needed = {"claim_id", "source_id", "quote", "start", "end"}
    if claims.empty or not needed <= set(claims.columns) or not pkg.has("sources"):
        return
    quotes = pa.array(claims["quote"].astype(str).array)
    if isinstance(quotes, pa.ChunkedArray):
        quotes = quotes.combine_chunks()
    matched = pc.match_substring_regex(quotes, _quote_filter()).to_numpy(zero_copy_only=False)
    picked = np.flatnonzero(np.asarray(matched, dtype=bool))
    if len(picked) == 0:
        return
    by_source: dict[str, list[_Row]] = {}
    for row in _rows(claims, picked):
        by_source.setdefault(row.source_id, []).append(row)
    sources = pkg.table("sources")
    ids = sources["source_id"].astype(str).tolist()
    path_of = dict(zip(ids, sources["path"].astype(str).tolist(), strict=True))
    language_of = (
        dict(zip(ids, sources["language"].astype(str).tolist(), strict=True))
        if "language" in sources.columns
        else {}
    )
    source_ids = claims["source_id"].astype(str)
    for source_id in sorted(by_source):
        path = path_of.get(source_id)
        if path is None:
            continue
        try:
            text = pkg.source_text(path).text
        except InputError:
            continue  # citation reports an unreadable source
        spans = [(c.start, c.end) for c in _captured(by_source[source_id], text)]
        language = _language(language_of.get(source_id, ""))
        failing = list(_failing(text, language, spans))
        if not failing:
            continue
        of_source = np.flatnonzero((source_ids == source_id).to_numpy(bool))
        captured = _captured(_rows(claims, of_source), text)
        yield from _once_per_sentence(
            text,
            [
                (offset, found, finding)
                for offset, found in failing
                if (finding := _finding(pkg, check, found, offset, source_id, captured))
            ],
        )


def _once_per_sentence(
    text: str, found: list[tuple[int, Recomputed, Finding]]
) -> Iterator[Finding]:
    """One finding for a sentence the source prints more than once (a duplicated
    paragraph), naming the claims of every copy."""
    once: dict[tuple[str, str, str], list[Finding]] = {}
    for offset, recomputed, finding in found:
        start, end = recomputed.relation.sentence
        words = " ".join(text[start + offset : end + offset].split()).casefold()
        once.setdefault((words, finding.code, recomputed.relation.stated.as_written), []).append(
            finding
        )
    for copies in once.values():
        first = copies[0]
        if len(copies) == 1:
            yield first
            continue
        claim_ids = tuple(dict.fromkeys(c for f in copies for c in f.claim_ids))
        yield replace(
            first,
            claim_ids=claim_ids,
            message=f"{first.message} (the source prints this sentence {len(copies)} times)",
        )


def _rows(claims: pd.DataFrame, rows: np.ndarray) -> list[_Row]:
    names = ("claim_id", "source_id", "quote", "start", "end")
    columns = [claims[name].iloc[rows].astype(str).tolist() for name in names]
    written = (
        claims["as_written"].iloc[rows].astype(str).tolist()
        if "as_written" in claims.columns
        else [""] * len(rows)
    )
    return [_Row(*cells) for cells in zip(rows.tolist(), *columns, written, strict=True)]


def _captured(rows: list[_Row], text: str) -> list[_Captured]:
    """The claims whose quote is at its offsets in ``text`` (citation reports the rest)."""
    out: list[_Captured] = []
    for row in rows:
        try:
            start, end = int(row.start), int(row.end)
        except ValueError:
            continue
        if 0 <= start < end <= len(text) and text[start:end] == row.quote:
            out.append(_Captured(row.row, row.claim_id, start, end, row.as_written))
    return out


def _may_relate(text: str, start: int, end: int, language: str) -> bool:
    """Whether a sentence prints enough numbers for a relation: three that are not years,
    or two and a word that makes a multiple, a whole or a change of them (``gấp đôi``,
    ``trong số``, ``rose``)."""
    numbers = 0
    for _ in _NUMBER.finditer(text, start, end):
        numbers += 1
        if numbers >= 3:
            return True
    if numbers < 2:
        return False
    return _pair_word(language).search(text, start, end) is not None


@cache
def _pair_word(language: str) -> re.Pattern[str]:
    """The words that relate two numbers without a third: a multiple, a whole, a list, a
    change (``rose to 2.9% from 3.2%``: its direction)."""
    words = [m.phrase for m in multiplier_words()]
    words += [c.word for c in cues() if c.role in ("whole", "listing")]
    words += [w.word for w in change_words()]
    return re.compile(alternation(words))


def _language(tag: str) -> str:
    primary = tag.split("-")[0].lower()
    return primary if primary in ("vi", "en") else "auto"


def _failing(
    text: str, language: str, spans: list[tuple[int, int]]
) -> Iterator[tuple[int, Recomputed]]:
    """(offset of the sentence, recomputation) for each figure that fails in the sentences
    around ``spans``."""
    sentences = SentenceLanguages(text)
    for start, end in sorted({sentences.bounds(start) for start, _ in spans}):
        if not _may_relate(text, start, end, language):
            continue
        scan = scan_text(text[start:end], language)
        for relation in find_relations(scan.text, scan.mentions, scan.language):
            found = recompute(relation)
            if found is not None and found.severity is not None:
                yield start, found


def _finding(
    pkg: Package,
    check: str,
    found: Recomputed,
    offset: int,
    source_id: str,
    captured: list[_Captured],
) -> Finding | None:
    relation = found.relation
    spans = [(m.start + offset, m.end + offset) for m in (relation.stated, *relation.inputs)]

    def holding(span: tuple[int, int]) -> list[_Captured]:
        return [c for c in captured if c.start <= span[0] and span[1] <= c.end]

    claimed = sorted(
        {c.row: c for span in spans for c in holding(span)}.values(), key=lambda c: c.row
    )
    if not claimed:
        return None  # none of its numbers is captured: coverage lists them
    printed = relation.stated.as_written.strip()
    stated = holding(spans[0])
    # the claim of the stated figure itself: its as_written is the figure, else the
    # shortest quote around it
    anchor = (
        min(stated, key=lambda c: (not _same_figure(c.as_written, printed), c.end - c.start))
        if stated
        else claimed[0]
    )
    severity = found.severity or Severity.INFO
    sentence_start, sentence_end = relation.sentence
    return row_finding(
        pkg,
        check=check,
        code=CODE_OF_KIND[relation.kind],
        severity=severity,
        resource="claims",
        row=anchor.row,
        message=f"{anchor.claim_id}: {found.message()}",
        claim_ids=tuple(c.claim_id for c in claimed),
        evidence={
            "source_id": source_id,
            "sentence": [sentence_start + offset, sentence_end + offset],
            "stated": relation.stated.as_written,
            "inputs": [m.as_written for m in relation.inputs],
            "reading": found.reading or None,
            "recomputed": [found.computed.lo, found.computed.hi],
            "stated_interval": [found.stated.lo, found.stated.hi],
            "difference": found.verdict.difference,
            "basis": found.verdict.basis,
        },
        key=f"{source_id}:{spans[0][0]}:{relation.kind}",
    )


def _same_figure(written: str, printed: str) -> bool:
    written = written.strip()
    return bool(written) and (written in printed or printed in written)
