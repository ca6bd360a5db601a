"""The mentions table: every number :func:`checks.scan.scanner.scan_text` finds in the
documents of a corpus, one row each, as an Arrow table (written as Parquet)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pyarrow as pa

from checks.corpus.documents import Document
from checks.model.errors import InputError
from checks.scan.scanner import ScanError, scan_text

MENTIONS = pa.schema(
    [
        ("document_id", pa.string()),
        ("language", pa.string()),
        ("document_date", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("kind", pa.string()),
        ("as_written", pa.string()),
        ("value", pa.float64()),
        ("lo", pa.float64()),
        ("hi", pa.float64()),
        ("unit", pa.string()),
        ("qualifier", pa.string()),
        ("noun", pa.string()),
        ("period_start", pa.string()),
        ("period_end", pa.string()),
        ("rule", pa.string()),
        ("quote_start", pa.int64()),
        ("quote_end", pa.int64()),
        ("quote", pa.string()),
    ]
)
"""Offsets count characters of the NFC text, as claims do; ``lo``/``hi`` are the interval
the printed number stands for (empty for dates and identifiers); ``period_*`` the days a
date covers; ``quote`` the clause around the number (a draft claim's quote)."""


def scan_documents(documents: Iterable[Document]) -> pa.Table:
    """The mentions of the documents, in document order then text order.

    >>> table = scan_documents([Document("d1", "gây thiệt hại 390.000 tỷ đồng", "vi")])
    >>> table.column("as_written").to_pylist(), table.column("unit").to_pylist()
    (['390.000 tỷ đồng'], ['VND'])
    """
    rows: list[dict[str, Any]] = []
    for document in documents:
        try:
            scan = scan_text(document.text, document.language)
        except ScanError as exc:
            raise InputError(
                str(exc), path=document.id, column="language", expected="vi, en or auto"
            ) from None
        for m in scan.mentions:
            rows.append(
                {
                    "document_id": document.id,
                    "language": scan.language,
                    "document_date": document.date,
                    "start": m.start,
                    "end": m.end,
                    "kind": m.kind.value,
                    "as_written": m.as_written,
                    "value": m.value,
                    "lo": m.interval.lo if m.interval is not None else None,
                    "hi": m.interval.hi if m.interval is not None else None,
                    "unit": m.unit,
                    "qualifier": m.qualifier,
                    "noun": m.noun,
                    "period_start": m.period.start if m.period is not None else None,
                    "period_end": m.period.end if m.period is not None else None,
                    "rule": m.rule or None,
                    "quote_start": m.quote_start,
                    "quote_end": m.quote_end,
                    "quote": m.quote,
                }
            )
    return pa.Table.from_pylist(rows, schema=MENTIONS)
