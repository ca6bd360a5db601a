"""The names of the sources, for the messages that tell a reader what to consult."""

from __future__ import annotations

from checks.model.package import Package

SourceNames = dict[str, dict[str, str]]
"""source_id → ``{"title": …, "publisher": …, "url": …}`` (the fields the table has)."""


def source_names(pkg: Package) -> SourceNames:
    """source_id → its title, publisher and url (the first row of each id)."""
    sources = pkg.table("sources")
    rows: SourceNames = {}
    if sources.empty or "source_id" not in sources.columns:
        return rows
    fields = [f for f in ("title", "publisher", "url") if f in sources.columns]
    columns = [sources[f].astype(str).tolist() for f in fields]
    ids = sources["source_id"].astype(str).tolist()
    for source_id, *values in zip(ids, *columns, strict=True):
        rows.setdefault(source_id, dict(zip(fields, values, strict=True)))
    return rows
