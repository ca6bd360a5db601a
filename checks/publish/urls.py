"""Every address a publication carries is a web URL (:mod:`checks.weburl`), or publish stops.

The descriptor's licence and source addresses and the ``url`` cells of the sources and
verdicts tables end up as links (Datasette), in ClaimReview markup and in the published
descriptor. Anything but an absolute ``http(s)`` URL there is refused with exit 2, located
at its row or descriptor property: a ``javascript:`` address is never published.
"""

from __future__ import annotations

from typing import Any

from checks.model.errors import InputError
from checks.weburl import has_scheme, is_web_url

URL_COLUMNS = {"sources": "url", "verdicts": "url"}
"""The table columns that hold addresses."""

EXPECTED = "an absolute http:// or https:// URL"


def refuse_unsafe_urls(descriptor: dict[str, Any], name: str, tables: list[Any]) -> None:
    """Raise :class:`InputError` at the first address that is not a web URL.

    ``tables`` are :class:`~checks.publish.bundle.Table` objects (name, path, rows, line_of).
    """
    for key in ("licenses", "sources"):
        entries = descriptor.get(key) or []
        for index, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict):
                continue
            path = entry.get("path")
            if isinstance(path, str) and has_scheme(path) and not is_web_url(path):
                raise InputError(
                    f"address {path!r} is not a web URL",
                    path=name,
                    column=f"{key}[{index}].path",
                    expected=f"{EXPECTED} or a path inside the package",
                )
    for table in tables:
        column = URL_COLUMNS.get(table.name)
        if column is None:
            continue
        for row, cells in enumerate(table.rows):
            url = cells.get(column, "")
            if url and url != "nan" and not is_web_url(url):
                raise InputError(
                    f"address {url!r} is not a web URL",
                    path=table.path,
                    line=table.line_of(row),
                    row=row + 1,
                    column=column,
                    expected=f"{EXPECTED}, or an empty cell",
                )
