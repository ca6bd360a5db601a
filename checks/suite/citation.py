"""citation: every claim is where it says it is, and says what it was written as.

Per source: the archived file's sha256 matches. Per claim: ``text[start:end] == quote``
on the NFC text; the claim lies before ``body_end``; ``as_written`` occurs in the quote;
parsing ``as_written`` (in the source's language) gives an interval that contains
``value`` in the claim's unit; the qualifier agrees with the hedge word; the period
overlaps a period the quote prints, if it prints one. Per file in
``sources/``: some row registers it (:mod:`checks.suite.unregistered`).

The claims are checked column by column: the quote-at-offsets comparison is one string
slice per claim (each source is read once), the rest is vectorised, and the distinct
``as_written`` strings are parsed once each (:mod:`checks.numbers.batch`). Findings come
out in row order, as if each claim had been checked on its own.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from checks.ledger.ledger import ledger
from checks.ledger.written import positions_in
from checks.model.codes import FindingCode
from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.model.lookup import lookup
from checks.model.package import Package, SourceText
from checks.numbers.batch import hedges_before
from checks.numbers.hedges import has_phrase_for
from checks.numbers.interval import Interval
from checks.numbers.parse import NumberParseError, parse_number
from checks.numbers.qualifiers import KEEP_PRINTED, QualifierError, widen
from checks.numbers.units import UnitError, conversion_factor
from checks.registry import register
from checks.scan.patterns import period_context_at
from checks.scan.periods import quote_periods
from checks.suite.common import row_finding
from checks.suite.unregistered import UNREGISTERED_CODE, unregistered_sources

CHECK = "citation"
_ONE_SIDED = {"nearly", "more_than", "at_least", "less_than", "up_to"}
# the order in which one claim's findings are reported
_OFFSETS, _BODY, _WRITTEN, _VALUE, _QUALIFIER, _PERIOD = range(6)
_YEAR = r"(?:^|[^0-9])(?:1[89]|2[01])[0-9]{2}(?:[^0-9]|$)"
"""A year a quote may print (1800-2199): what makes its dates worth reading (RE2)."""
_CHUNK_ROWS = 100_000  # claims checked at a time: their Python strings stay in tens of MB


CODES: tuple[FindingCode, ...] = (
    FindingCode(
        "source-unreadable",
        "An archived source cannot be read",
        "The file is missing, not UTF-8 or outside the package: restore the archived text.",
        "error",
        "no quote of it can be verified",
    ),
    FindingCode(
        "sha256-mismatch",
        "An archived source has changed",
        "The file's sha256 differs from sources.csv: the text was edited after capture; restore "
        "it or re-capture.",
        "error",
        "the quotes may no longer be what the source said",
    ),
    FindingCode(
        "offsets-out-of-range",
        "A quote's offsets are outside the text",
        "start/end do not lie inside the source text: recompute them (claimledger claims add "
        "fills them).",
        "error",
        "the quote cannot be located",
    ),
    FindingCode(
        "quote-mismatch",
        "The quote is not at its offsets",
        "text[start:end] differs from the quote: fix the offsets or restore the verbatim quote.",
        "error",
        "a misquoted claim is not cited",
    ),
    FindingCode(
        "after-body-end",
        "The quote lies after the article body",
        "The quote is in text after body_end (related-news lists): cite the article itself.",
        "error",
        "text after the body is not part of the source",
    ),
    FindingCode(
        "as-written-missing",
        "The printed number is not in the quote",
        "as_written must be a substring of the quote: copy it as printed.",
        "error",
        "the number cannot be traced to the text",
    ),
    FindingCode(
        "unparsable-number",
        "The printed number cannot be read",
        "as_written does not read as a number in the source's language: copy it as printed.",
        "error",
        "the claim's interval is unknown",
    ),
    FindingCode(
        "ambiguous-number",
        "The printed number reads differently in Vietnamese and English",
        "A form such as 1,500 or 2.500 whose sentence does not settle the language: set the "
        "source's language or check the reading.",
        "warning",
        "either reading may be right; a silent guess could be a thousandfold error",
    ),
    FindingCode(
        "value-mismatch",
        "The value is not what the printed number says",
        "value lies outside the interval as_written stands for: copy the value from the text.",
        "error",
        "the ledger would check a number the source never printed",
    ),
    FindingCode(
        "unit-mismatch",
        "The unit is not what the printed number says",
        "The unit printed with the number (%, USD, VND) differs from the claim's unit.",
        "error",
        "the claim would be compared in the wrong unit",
    ),
    FindingCode(
        "qualifier-mismatch",
        "The qualifier is not what the hedge word says",
        "The hedge word before the number means another qualifier (error); a forecast qualifier "
        "with no forecast word is a warning.",
        "error/warning",
        "a wrong hedge changes the interval; a missing forecast word may be in the wider context",
    ),
    FindingCode(
        "period-mismatch",
        "The period is none of the dates the quote prints",
        "The quote prints a year or a month (not as a base of comparison) and the claim's "
        "period overlaps none of them: copy the period from the quote, or quote the words "
        "that give it.",
        "warning",
        "a figure for the wrong period is compared with the wrong figures; the period may "
        "come from the wider text",
    ),
    FindingCode(
        "qualifier-unsupported",
        "A hedge the quote does not print",
        "The claim is hedged but no hedge word precedes the number: quote the hedge word or set "
        "the qualifier to exact.",
        "warning",
        "the hedge may come from the wider sentence",
    ),
)


@register
class CitationCheck:
    id: ClassVar[str] = CHECK
    lane: ClassVar[str] = "sources"  # reads the archived texts: runs beside the table checks
    reads_typed: ClassVar[bool] = True  # the typed claims and sources, the parsed as_written
    title: ClassVar[str] = "Quotes, offsets and numbers match the archived sources"
    codes: ClassVar[tuple[FindingCode, ...]] = (*CODES, UNREGISTERED_CODE)
    help: ClassVar[str] = (
        "Each archived source's sha256 matches its row; each claim's quote is found at its "
        "offsets in the NFC text, before the body's end; as_written occurs in the quote and "
        "parses to an interval containing the value; the qualifier matches the hedge word; "
        "the period overlaps a date the quote prints (a base of comparison aside). "
        "Every file in sources/ is registered in sources.csv."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        if not pkg.has("sources"):
            return
        # First the texts, which only this lane reads: meanwhile the table lane, after its
        # schema check, parses the printed numbers (it builds the claims as intervals on
        # them), which the claims' checks below then find built.
        texts = dict(self._sources(pkg))
        yield from self._source_findings
        yield from unregistered_sources(pkg, CHECK)
        if not pkg.has("claims"):
            return
        claims = ledger(pkg).typed("claims")
        if claims.empty:
            return
        sources = ledger(pkg).typed("sources")
        found: list[Found] = []
        positions: list[np.ndarray] = []
        for first in range(0, len(claims), _CHUNK_ROWS):  # bounded memory for the strings
            rows = claims.iloc[first : first + _CHUNK_ROWS]
            part = _ClaimChecks(pkg, rows, sources, texts, first)
            found += part.run()
            positions.append(part.positions)
        # found on the way, for coverage, which would otherwise turn the quotes into strings again
        ledger(pkg).offer("quote_positions", np.concatenate(positions))
        for _, _, finding in sorted(found, key=lambda item: (item[0], item[1])):
            yield finding

    def _sources(self, pkg: Package) -> Iterator[tuple[str, SourceText]]:
        self._source_findings: list[Finding] = []
        sources = pkg.table("sources")
        # three columns as lists: itertuples would make a Python string of every cell
        columns = [sources[name].tolist() for name in ("source_id", "path", "sha256")]
        for row, source in enumerate(map(_SourceRow, *columns)):
            try:
                text = pkg.source_text(source.path)
            except InputError as exc:
                self._source_findings.append(
                    row_finding(
                        pkg,
                        check=CHECK,
                        code="source-unreadable",
                        severity=Severity.ERROR,
                        resource="sources",
                        row=row,
                        message=f"source {source.source_id}: {exc}",
                        evidence={"path": source.path},
                        key=source.source_id,
                    )
                )
                continue
            if text.sha256 != source.sha256:
                self._source_findings.append(
                    row_finding(
                        pkg,
                        check=CHECK,
                        code="sha256-mismatch",
                        severity=Severity.ERROR,
                        resource="sources",
                        row=row,
                        message=f"source {source.source_id}: sha256 of {source.path} is "
                        f"{text.sha256}, the table says {source.sha256}",
                        evidence={
                            "path": source.path,
                            "expected": source.sha256,
                            "actual": text.sha256,
                        },
                        key=source.source_id,
                    )
                )
            yield source.source_id, text


Found = tuple[int, int, Finding]


def _read_as(printed: Interval, qualifier: str, value: float) -> Interval | None:
    """The interval the claim stands for with its qualifier, as ``scan`` shows it (None
    when the qualifier keeps the printed number or is unknown: the schema reports that)."""
    if qualifier in KEEP_PRINTED:
        return None
    try:
        read = widen(printed, qualifier, value)
    except QualifierError:
        return None
    return None if (read.lo, read.hi) == (printed.lo, printed.hi) else read


class _SourceRow(NamedTuple):
    source_id: str
    path: str
    sha256: str


@dataclass
class _ClaimChecks:
    """The per-claim checks over the whole claims table."""

    pkg: Package
    claims: pd.DataFrame
    sources: pd.DataFrame
    texts: dict[str, SourceText]
    first_row: int = 0  # of this part of the claims table

    def run(self) -> list[Found]:
        claims = self.claims
        source_id = claims["source_id"].astype(str)
        per_source = self.sources.drop_duplicates("source_id").set_index("source_id")
        of_source = lookup(source_id, per_source[["published", "body_end"]])
        rows = slice(self.first_row, self.first_row + len(claims))
        self.language = ledger(self.pkg).languages.iloc[rows].tolist()
        published = of_source["published"]
        self.future = (published.notna() & (claims["period_end"] > published)).to_numpy(bool)
        self.ids = claims["claim_id"].astype(str)
        self.quotes = claims["quote"].astype(str).tolist()
        written = claims["as_written"].astype(str).tolist()
        self.positions = positions_in(self.quotes, written)  # Ledger.quote_positions
        found: list[Found] = []
        checked = self._offsets(source_id.tolist(), found)
        body_end = of_source["body_end"].astype("Int64")
        end = claims["end"].astype("Int64")
        late = (checked & (end > body_end).fillna(False).to_numpy(bool)).nonzero()[0]
        for row in late:
            e, b = int(end.iloc[row]), int(body_end.iloc[row])
            found.append(
                self._finding(
                    row,
                    _BODY,
                    "after-body-end",
                    f"quote ends at {e}, after the body ends at {b}",
                    end=e,
                    body_end=b,
                )
            )
        self._numbers(checked, found)
        self._periods(checked, found)
        return found

    def _with_year(self) -> np.ndarray:
        """Which quotes print a year (1800-2199), told in Arrow for the whole chunk."""
        quotes = pa.array(self.claims["quote"].astype(str).array)
        return np.asarray(
            pc.match_substring_regex(quotes, _YEAR).to_numpy(zero_copy_only=False), dtype=bool
        )

    def _periods(self, checked: np.ndarray, found: list[Found]) -> None:
        """The claim's period overlaps a period its quote prints, when the quote prints one.

        Cheap first: a quote that holds the year of the period's start or end is fine, and
        so is one that holds no year at all. The few others are scanned (the reader of
        ``scan``): their dates with a year, those of a base of comparison (``so với năm
        2022``, ``up from … in 2015``) left out, and the days left out unless the claim is
        a day itself (``Ngày 24/12/2024, Bộ cho biết năm 2023 …``: the day is the report's).
        A claim on the base level of a comparison (``down 12.5% from 20,000 a year earlier``)
        is about the base's period, which the quote may only say in words: it is left out.
        """
        start, end = self.claims["period_start"], self.claims["period_end"]
        if not (pd.api.types.is_datetime64_any_dtype(start) and len(start)):
            return
        rows = np.flatnonzero(
            checked & start.notna().to_numpy() & end.notna().to_numpy() & self._with_year()
        )
        if len(rows) == 0:
            return
        first = start.dt.year.to_numpy()[rows].astype(int).tolist()
        last = end.dt.year.to_numpy()[rows].astype(int).tolist()
        names = {year: str(year) for year in {*first, *last}}
        quotes = [self.quotes[row] for row in rows.tolist()]
        held = np.fromiter(map(str.__contains__, quotes, map(names.__getitem__, first)), bool)
        spans = np.flatnonzero(~held & (np.asarray(first) != np.asarray(last)))
        for i in spans.tolist():
            held[i] = names[last[i]] in quotes[i]
        for i in np.flatnonzero(~held).tolist():
            row = int(rows[i])
            at = int(self.positions[row])
            context = period_context_at(quotes[i], at) if at > 0 else None
            if context is not None and context.group("base_period"):
                continue  # from 20,000 a year earlier: a base level, of the base's period
            lo, hi = start.iloc[row].date().isoformat(), end.iloc[row].date().isoformat()
            printed = quote_periods(quotes[i], self.language[row], day=lo == hi)
            if printed and not any(p.start <= hi and lo <= p.end for p in printed):
                shown = ", ".join(str(p) for p in printed)
                found.append(
                    self._finding(
                        row,
                        _PERIOD,
                        "period-mismatch",
                        f"the period {lo}..{hi} overlaps none of the periods the quote "
                        f"prints ({shown})",
                        Severity.WARNING,
                        period=[lo, hi],
                        quote_periods=[[p.start, p.end] for p in printed],
                    )
                )

    def _finding(
        self,
        row: int,
        order: int,
        code: str,
        message: str,
        severity: Severity = Severity.ERROR,
        **evidence: object,
    ) -> Found:
        claim_id = str(self.ids.iloc[row])
        made = row_finding(
            self.pkg,
            check=CHECK,
            code=code,
            severity=severity,
            resource="claims",
            row=self.first_row + row,
            claim_ids=(claim_id,),
            message=f"{claim_id}: {message}",
            evidence=evidence,
            key=code,
        )
        return self.first_row + row, order, made

    def _offsets(self, source_ids: list[str], found: list[Found]) -> np.ndarray:
        """Quote at its offsets; returns the rows whose source text and offsets are known."""
        text_of: dict[str, str] = {}
        for sid in pd.unique(np.asarray(source_ids, dtype=object)).tolist():
            source = self.texts.get(sid)
            if source is not None:  # decoded in order of first use: a refusal names the first
                text_of[sid] = source.text
        texts = [text_of.get(sid, "") for sid in source_ids]
        starts = self.claims["start"].astype("Int64")
        ends = self.claims["end"].astype("Int64")
        checked: np.ndarray = (
            np.fromiter(map(text_of.__contains__, source_ids), dtype=bool, count=len(texts))
            & starts.notna().to_numpy(bool)
            & ends.notna().to_numpy(bool)
        )
        rows = np.flatnonzero(checked).tolist()
        first = starts.to_numpy(dtype="int64", na_value=-1)[rows].tolist()
        last = ends.to_numpy(dtype="int64", na_value=-1)[rows].tolist()
        quotes = self.quotes
        for row, start, end in zip(rows, first, last, strict=True):
            text, quote = texts[row], quotes[row]
            if 0 <= start <= end <= len(text):
                if end - start == len(quote) and text.startswith(quote, start):
                    continue  # text[start:end] == quote, without copying the slice
                at = text.find(quote)
                hint = (
                    f"; the quote occurs at {at}..{at + len(quote)}"
                    if at >= 0
                    else "; the quote does not occur in the source"
                )
                found.append(
                    self._finding(
                        row,
                        _OFFSETS,
                        "quote-mismatch",
                        f"text[{start}:{end}] is not the quote{hint}",
                        expected=quote,
                        actual=text[start:end],
                        found_at=at,
                    )
                )
            else:
                found.append(
                    self._finding(
                        row,
                        _OFFSETS,
                        "offsets-out-of-range",
                        f"offsets {start}..{end} are outside the source text (0..{len(text)})",
                        start=start,
                        end=end,
                        length=len(text),
                    )
                )
        return checked

    def _numbers(self, checked: np.ndarray, found: list[Found]) -> None:
        written = self.claims["as_written"].astype(str)
        rows = np.flatnonzero(checked & (written != "").to_numpy(bool))
        as_written = written.to_numpy(dtype=object)
        positions = self.positions[rows]
        for row in rows[positions < 0].tolist():
            found.append(
                self._finding(
                    row,
                    _WRITTEN,
                    "as-written-missing",
                    f"as_written {as_written[row]!r} does not occur in the quote",
                    as_written=as_written[row],
                    quote=self.quotes[row],
                )
            )
        keep = positions >= 0
        rows, positions = rows[keep], positions[keep]
        parsed = ledger(self.pkg).written.take(self.first_row + rows).reset_index(drop=True)
        error = parsed["error"].to_numpy(dtype=object)
        for i in np.flatnonzero(error != "").tolist():
            row = int(rows[i])
            found.append(
                self._finding(
                    row,
                    _WRITTEN,
                    "unparsable-number",
                    str(error[i]),
                    as_written=as_written[row],
                    language=self.language[row],
                )
            )
        ok = error == ""
        rows, positions, parsed = rows[ok], positions[ok], parsed[ok].reset_index(drop=True)
        self._values(rows, parsed, as_written, found)
        self._ambiguous(rows, parsed, as_written, found)
        self._qualifiers(rows, positions, parsed, as_written, found)

    def _values(
        self, rows: np.ndarray, parsed: pd.DataFrame, as_written: np.ndarray, found: list[Found]
    ) -> None:
        value = self.claims["value"].to_numpy(dtype=float, na_value=np.nan)[rows]
        unit = self.claims["unit"].astype(str).to_numpy(dtype=object)[rows]
        parsed_unit = parsed["unit"].to_numpy(dtype=object)
        factor = np.ones(len(rows))
        convertible = np.ones(len(rows), dtype=bool)
        converts = (parsed_unit != "") & (unit != "") & ~np.isnan(value)
        pairs = pd.DataFrame({"unit": unit[converts], "to": parsed_unit[converts]})
        for (source, target), group in pairs.groupby(["unit", "to"], sort=False).groups.items():
            where = np.flatnonzero(converts)[np.asarray(group)]
            try:
                factor[where] = conversion_factor(str(source), str(target))
            except UnitError:
                convertible[where] = False
        for i in np.flatnonzero(~convertible):
            row = int(rows[i])
            found.append(
                self._finding(
                    row,
                    _VALUE,
                    "unit-mismatch",
                    f"as_written {as_written[row]!r} is in {parsed_unit[i]}, "
                    f"the claim says {unit[i]}",
                    as_written=as_written[row],
                    unit=unit[i],
                    parsed_unit=parsed_unit[i],
                )
            )
        shown = value * factor
        lo, hi = parsed["printed_lo"].to_numpy(), parsed["printed_hi"].to_numpy()
        outside = ~np.isnan(value) & convertible & ~((lo <= shown) & (shown <= hi))
        qualifier = self.claims["qualifier"].astype(str).to_numpy(dtype=object)[rows]
        parsed_value = parsed["value"].to_numpy(float)
        for i in np.flatnonzero(outside):
            row = int(rows[i])
            printed = Interval(float(lo[i]), float(hi[i]))
            read = _read_as(printed, str(qualifier[i]), float(parsed_value[i]))
            found.append(
                self._finding(
                    row,
                    _VALUE,
                    "value-mismatch",
                    f"as_written {as_written[row]!r} reads as {printed}"
                    + (f" as printed ({read} with its qualifier {qualifier[i]})" if read else "")
                    + f", which does not contain the value {float(value[i]):g}",
                    as_written=as_written[row],
                    value=float(value[i]),
                    interval=[printed.lo, printed.hi],
                    reads_as=[read.lo, read.hi] if read else [printed.lo, printed.hi],
                )
            )

    def _ambiguous(
        self, rows: np.ndarray, parsed: pd.DataFrame, as_written: np.ndarray, found: list[Found]
    ) -> None:
        """An as_written whose digits read differently in vi and en (``1,500``) in a quote
        whose words do not tell its language: both readings, never a silent guess."""
        maybe = np.flatnonzero(parsed["ambiguous"].to_numpy(bool))
        values = parsed["value"].to_numpy(float)
        settled = parsed["quote_language"].to_numpy(dtype=object)  # read with the number
        for i in maybe.tolist():
            row = int(rows[i])
            if settled[i]:
                continue
            language = self.language[row]
            other = "en" if language == "vi" else "vi"
            try:
                reading = parse_number(str(as_written[row]), locale=other)
            except NumberParseError:
                continue
            if reading.value == values[i]:
                continue
            found.append(
                self._finding(
                    row,
                    _WRITTEN,
                    "ambiguous-number",
                    f"as_written {as_written[row]!r} reads {values[i]:g} in {language} and "
                    f"{reading.value:g} in {other}, and its quote does not tell its language; "
                    f"read in {language}, the source's language",
                    Severity.WARNING,
                    as_written=as_written[row],
                    readings={language: float(values[i]), other: reading.value},
                )
            )

    def _qualifiers(
        self,
        rows: np.ndarray,
        positions: np.ndarray,
        parsed: pd.DataFrame,
        as_written: np.ndarray,
        found: list[Found],
    ) -> None:
        """The hedge word agrees with the qualifier.

        A forecast needs a forecast word before the number, or a period that had not ended
        when the source was published (a figure for the future is a forecast however
        worded). Otherwise the hedge is the one ``as_written`` starts with or, for a plain
        number, the phrase right before it in the quote.
        """
        qualifier = self.claims["qualifier"].astype(str).to_numpy(dtype=object)[rows]
        read_as = parsed["qualifier"].to_numpy(dtype=object)
        forecast = qualifier == "forecast"
        for i in np.flatnonzero(forecast).tolist():
            row = int(rows[i])
            head = self.quotes[row][: positions[i]]
            if not self.future[row] and not has_phrase_for(
                head + " " + as_written[row], "forecast", self.language[row]
            ):
                found.append(
                    self._finding(
                        row,
                        _QUALIFIER,
                        "qualifier-mismatch",
                        "qualifier is forecast but the quote has no forecast word before "
                        "the number",
                        Severity.WARNING,
                        qualifier="forecast",
                    )
                )
        hedged = np.flatnonzero(~forecast & (read_as != "exact") & (read_as != qualifier))
        mismatched: dict[int, tuple[str, str] | None] = {
            int(i): (str(as_written[rows[i]]), str(read_as[i])) for i in hedged
        }
        exact = np.flatnonzero(~forecast & (read_as == "exact"))
        exact_rows = rows[exact].tolist()
        before = hedges_before(  # a hedge of either language: the one rule scan uses
            [self.quotes[r] for r in exact_rows],
            positions[exact].tolist(),
            [None] * len(exact_rows),
        )
        del exact_rows
        unhedged = np.fromiter((h is None for h in before), dtype=bool, count=len(before))
        one_sided = np.isin(qualifier, list(_ONE_SIDED))
        for at in exact[unhedged & one_sided[exact]].tolist():
            mismatched[at] = None
        for k in np.flatnonzero(~unhedged).tolist():
            at, hedge = int(exact[k]), before[k]
            if hedge is not None and hedge[1] != qualifier[at]:
                mismatched[at] = hedge
        for at in sorted(mismatched):
            row, claimed, words = int(rows[at]), str(qualifier[at]), mismatched[at]
            if words is not None and words[1] == "range":
                found.append(
                    self._finding(
                        row,
                        _QUALIFIER,
                        "qualifier-mismatch",
                        f"as_written {words[0]!r} prints a range (qualifier range, or the "
                        f"hedge before it), the claim says {claimed}",
                        hedge="",
                        expected="range",
                        qualifier=claimed,
                    )
                )
            elif words is not None:
                found.append(
                    self._finding(
                        row,
                        _QUALIFIER,
                        "qualifier-mismatch",
                        f"hedge word {words[0]!r} means {words[1]}, the claim says {claimed}",
                        hedge=words[0],
                        expected=words[1],
                        qualifier=claimed,
                    )
                )
            else:
                found.append(
                    self._finding(
                        row,
                        _QUALIFIER,
                        "qualifier-unsupported",
                        f"qualifier is {claimed} but no hedge word precedes the number",
                        Severity.WARNING,
                        qualifier=claimed,
                    )
                )
