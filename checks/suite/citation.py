"""citation: every claim is where it says it is, and says what it was written as.

Per source: the archived file's sha256 matches. Per claim: ``text[start:end] == quote``
on the NFC text; the claim lies before ``body_end``; ``as_written`` occurs in the quote;
parsing ``as_written`` (in the source's language) gives an interval that contains
``value`` in the claim's unit; the qualifier agrees with the hedge word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any, ClassVar

import pandas as pd

from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.model.package import Package, SourceText
from checks.model.typed import typed_table
from checks.numbers.hedges import has_phrase_for, hedge_before
from checks.numbers.parse import NumberParseError, ParsedNumber, parse_number
from checks.numbers.units import UnitError, convert
from checks.registry import register
from checks.suite.common import row_finding

CHECK = "citation"
MakeFinding = Callable[..., Finding]
_ONE_SIDED = {"nearly", "more_than", "at_least", "less_than", "up_to"}


@lru_cache(maxsize=65536)
def _parse(as_written: str, language: str) -> ParsedNumber | NumberParseError:
    try:
        return parse_number(as_written, locale=language if language in ("vi", "en") else "auto")
    except NumberParseError as exc:
        return exc


@register
class CitationCheck:
    id: ClassVar[str] = CHECK
    title: ClassVar[str] = "Quotes, offsets and numbers match the archived sources"
    help: ClassVar[str] = (
        "Each archived source's sha256 matches its row; each claim's quote is found at its "
        "offsets in the NFC text, before the body's end; as_written occurs in the quote and "
        "parses to an interval containing the value; the qualifier matches the hedge word."
    )

    def run(self, pkg: Package) -> Iterator[Finding]:
        if not pkg.has("sources"):
            return
        texts = dict(self._sources(pkg))
        yield from self._source_findings
        if not pkg.has("claims"):
            return
        claims = typed_table(pkg, "claims")
        sources = typed_table(pkg, "sources").set_index("source_id")
        for row, claim in enumerate(claims.itertuples(index=False)):
            text = texts.get(claim.source_id)
            if text is None:
                continue
            language = (
                str(sources.at[claim.source_id, "language"])
                if claim.source_id in sources.index
                else "vi"
            )
            body_end = (
                sources.at[claim.source_id, "body_end"]
                if claim.source_id in sources.index
                else pd.NA
            )
            yield from _claim_findings(pkg, row, claim, text, language, body_end)

    def _sources(self, pkg: Package) -> Iterator[tuple[str, SourceText]]:
        self._source_findings: list[Finding] = []
        sources = pkg.table("sources")
        for row, source in enumerate(sources.itertuples(index=False)):
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


def _claim_findings(
    pkg: Package, row: int, claim: Any, source: SourceText, language: str, body_end: object
) -> Iterator[Finding]:
    claim_id = str(claim.claim_id)
    start, end, quote = claim.start, claim.end, str(claim.quote)

    def finding(
        code: str, message: str, severity: Severity = Severity.ERROR, **evidence: object
    ) -> Finding:
        return row_finding(
            pkg,
            check=CHECK,
            code=code,
            severity=severity,
            resource="claims",
            row=row,
            claim_ids=(claim_id,),
            message=f"{claim_id}: {message}",
            evidence=evidence,
            key=code,
        )

    text = source.text
    if pd.isna(start) or pd.isna(end):
        return
    start, end = int(start), int(end)
    if not 0 <= start <= end <= len(text):
        yield finding(
            "offsets-out-of-range",
            f"offsets {start}..{end} are outside the source text (0..{len(text)})",
            start=start,
            end=end,
            length=len(text),
        )
    elif text[start:end] != quote:
        found = text.find(quote)
        hint = (
            f"; the quote occurs at {found}..{found + len(quote)}"
            if found >= 0
            else "; the quote does not occur in the source"
        )
        yield finding(
            "quote-mismatch",
            f"text[{start}:{end}] is not the quote{hint}",
            expected=quote,
            actual=text[start:end],
            found_at=found,
        )
    if not pd.isna(body_end) and end > int(str(body_end)):
        yield finding(
            "after-body-end",
            f"quote ends at {end}, after the body ends at {body_end}",
            end=end,
            body_end=int(str(body_end)),
        )
    as_written = str(claim.as_written)
    if not as_written:
        return
    position = quote.find(as_written)
    if position < 0:
        yield finding(
            "as-written-missing",
            f"as_written {as_written!r} does not occur in the quote",
            as_written=as_written,
            quote=quote,
        )
        return
    parsed = _parse(as_written, language)
    if isinstance(parsed, NumberParseError):
        yield finding("unparsable-number", parsed.reason, as_written=as_written, language=language)
        return
    yield from _value_findings(finding, claim, parsed, as_written)
    yield from _qualifier_findings(finding, claim, parsed, quote, position, language)


def _value_findings(
    finding: MakeFinding, claim: Any, parsed: ParsedNumber, as_written: str
) -> Iterator[Finding]:
    value = claim.value
    unit = str(claim.unit)
    if pd.isna(value):
        return
    shown = float(value)
    if parsed.unit is not None and unit:
        try:
            shown = convert(float(value), unit, parsed.unit)
        except UnitError:
            yield finding(
                "unit-mismatch",
                f"as_written {as_written!r} is in {parsed.unit}, the claim says {unit}",
                as_written=as_written,
                unit=unit,
                parsed_unit=parsed.unit,
            )
            return
    if not parsed.printed.contains(shown):
        yield finding(
            "value-mismatch",
            f"as_written {as_written!r} reads as {parsed.printed}, which does not "
            f"contain the value {float(value):g}",
            as_written=as_written,
            value=float(value),
            interval=[parsed.printed.lo, parsed.printed.hi],
        )


def _qualifier_findings(
    finding: MakeFinding,
    claim: Any,
    parsed: ParsedNumber,
    quote: str,
    position: int,
    language: str,
) -> Iterator[Finding]:
    qualifier = str(claim.qualifier)
    if qualifier == "forecast":
        if not has_phrase_for(quote[:position] + " " + parsed.text, "forecast", language):
            yield finding(
                "qualifier-mismatch",
                "qualifier is forecast but the quote has no forecast word before the number",
                Severity.WARNING,
                qualifier=qualifier,
            )
        return
    hedge = (
        (parsed.text, parsed.qualifier)
        if parsed.qualifier != "exact"
        else hedge_before(quote, position, language)
    )
    if hedge is not None and hedge[1] != qualifier:
        yield finding(
            "qualifier-mismatch",
            f"hedge word {hedge[0]!r} means {hedge[1]}, the claim says {qualifier}",
            hedge=hedge[0],
            expected=hedge[1],
            qualifier=qualifier,
        )
    elif hedge is None and qualifier in _ONE_SIDED:
        yield finding(
            "qualifier-unsupported",
            f"qualifier is {qualifier} but no hedge word precedes the number",
            Severity.WARNING,
            qualifier=qualifier,
        )
