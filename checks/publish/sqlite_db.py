"""``claimledger.db``: one SQLite table per resource, built with sqlite-utils.

Primary and foreign keys come from the table schemas; every foreign key is indexed;
``finding_claims`` links each finding to its claims; ``claims_fts`` (FTS5, diacritics
and ``đ`` folded so ``thiet hai`` finds ``thiệt hại`` and ``lua dao`` ``lừa đảo``)
searches quotes and translations; the ``finding_details`` view joins findings to their
claims and sources.

The database is built in memory in a fixed order, vacuumed (pages rewritten compactly
and in order) and serialised: the same data gives the same bytes with the same SQLite
library.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from checks.model.errors import InputError
from checks.publish.bundle import Bundle, Table
from checks.publish.search_text import indexed_text

FILENAME = "claimledger.db"
LINK_TABLE = "finding_claims"
VIEW = "finding_details"
FTS_COLUMNS = ("quote", "translation_en")
FTS_TOKENIZER = "unicode61 remove_diacritics 2"

_PY_TYPES: dict[str, type] = {"integer": int, "number": float, "boolean": int}
_INTEGER = re.compile(r"[-+]?\d+")
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_TRUE, _FALSE = {"true", "True", "TRUE", "1"}, {"false", "False", "FALSE", "0"}

VIEW_SQL = """
select
  f.fingerprint,
  f."check",
  f.code,
  f.severity,
  f.waived,
  f.message,
  fc.position as claim_position,
  c.claim_id,
  c.quote,
  c.as_written,
  c.value,
  c.unit,
  c.subject,
  c.indicator_id,
  c.period_start,
  c.period_end,
  s.source_id,
  s.title as source_title,
  s.publisher as source_publisher,
  s.url as source_url,
  s.published as source_published
from findings f
left join finding_claims fc on fc.fingerprint = f.fingerprint
left join claims c on c.claim_id = fc.claim_id
left join sources s on s.source_id = c.source_id
order by
  case f.severity when 'error' then 0 when 'warning' then 1 else 2 end,
  f.fingerprint,
  fc.position
""".strip()


def cell_value(text: str, field_type: str) -> Any:
    """A CSV cell as SQLite stores it: ``None`` when empty; ints, floats and booleans
    converted; text that does not parse as its declared type kept as it was written.

    >>> cell_value("12", "integer"), cell_value("", "number"), cell_value("true", "boolean")
    (12, None, 1)
    >>> cell_value("12a", "integer"), cell_value("1" * 23, "integer"), cell_value("1e999", "number")
    ('12a', '11111111111111111111111', '1e999')

    An integer SQLite cannot hold (beyond 64 bits) and a number that is not finite are
    kept as written too, like any other cell that is not of its type.
    """
    if text == "":
        return None
    if field_type == "integer" and len(text) <= 20 and _INTEGER.fullmatch(text):
        value = int(text)
        return value if _INT64_MIN <= value <= _INT64_MAX else text
    if field_type == "number":
        try:
            number = float(text)
        except ValueError:
            return text
        return number if math.isfinite(number) else text
    if field_type == "boolean" and (text in _TRUE or text in _FALSE):
        return 1 if text in _TRUE else 0
    return text


def database_bytes(bundle: Bundle) -> bytes:
    """The whole database file as bytes (the caller writes it atomically).

    Built in memory, then ``VACUUM`` rewrites it compactly with its pages in order, and
    the connection serialises it: no temporary file, no timestamp inside.

    >>> data = database_bytes(bundle)  # doctest: +SKIP
    >>> data[:16]  # doctest: +SKIP
    b'SQLite format 3\\x00'
    """
    db = sqlite_utils.Database(memory=True)
    try:
        _build(db, bundle)
        db.execute("VACUUM")
        return db.conn.serialize()
    finally:
        db.close()


def _build(db: sqlite_utils.Database, bundle: Bundle) -> None:
    created: set[str] = set()
    for table in _dependency_order(bundle.tables):
        _create_table(db, table, created)
        created.add(table.name)
    _create_link_table(db, bundle)
    db.table("findings").create_index(["check"])
    claims = db.table("claims")
    searchable = [c for c in FTS_COLUMNS if c in claims.columns_dict]
    if searchable:
        claims.enable_fts(searchable, fts_version="FTS5", tokenize=FTS_TOKENIZER)
        _index_folded(db, searchable)
    db.create_view(VIEW, VIEW_SQL)


def _index_folded(db: sqlite_utils.Database, columns: list[str]) -> None:
    """Re-fill the FTS index with each text and its form without đ (:mod:`.search_text`)."""
    quoted = ", ".join(f'"{c}"' for c in columns)
    db.execute("INSERT INTO claims_fts(claims_fts) VALUES('delete-all')")
    rows = db.execute(f"SELECT rowid, {quoted} FROM claims").fetchall()
    marks = ", ".join("?" for _ in range(len(columns) + 1))
    with db.conn:  # one transaction, committed before the VACUUM
        db.conn.executemany(
            f"INSERT INTO claims_fts(rowid, {quoted}) VALUES ({marks})",
            [(row[0], *(indexed_text(cell or "") for cell in row[1:])) for row in rows],
        )


def _dependency_order(tables: list[Table]) -> list[Table]:
    """Referenced tables before the tables that reference them; otherwise descriptor order."""
    by_name = {t.name: t for t in tables}
    ordered: list[Table] = []
    seen: set[str] = set()

    def visit(table: Table, stack: tuple[str, ...]) -> None:
        if table.name in seen or table.name in stack:
            return
        for target in _references(table):
            if target in by_name:
                visit(by_name[target], (*stack, table.name))
        seen.add(table.name)
        ordered.append(table)

    for table in tables:
        visit(table, ())
    return ordered


def _references(table: Table) -> Iterator[str]:
    for fk in table.schema.get("foreignKeys", []):
        yield fk.get("reference", {}).get("resource") or table.name


def _as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _create_table(db: sqlite_utils.Database, table: Table, created: set[str]) -> None:
    fields = table.schema.get("fields", [])
    types = {f["name"]: f.get("type", "string") for f in fields}
    columns = {name: _PY_TYPES.get(kind, str) for name, kind in types.items()}
    foreign_keys: list[tuple[Any, ...]] = []
    for fk in table.schema.get("foreignKeys", []):
        target = fk.get("reference", {}).get("resource") or table.name
        local, remote = _as_list(fk.get("fields")), _as_list(fk.get("reference", {}).get("fields"))
        # Not declared: a key to a table not created yet (a cycle, a self-reference, a
        # missing resource) or over several columns (the package's keys have one).
        if target in created and len(local) == 1 and len(remote) == 1:
            foreign_keys.append((local[0], target, remote[0]))
    pk = table.primary_key
    _refuse_duplicate_keys(table, pk)
    sqlite_table = db.table(table.name)
    sqlite_table.create(
        columns,
        pk=(pk[0] if len(pk) == 1 else tuple(pk)) if pk else None,
        foreign_keys=foreign_keys,
    )
    sqlite_table.insert_all(
        ({name: cell_value(row.get(name, ""), kind) for name, kind in types.items()})
        for row in table.rows
    )
    for column, _, _ in foreign_keys:
        if [column] != pk:  # a primary key has its own index
            sqlite_table.create_index([column])


def _refuse_duplicate_keys(table: Table, pk: list[str]) -> None:
    if not pk:
        return
    seen: set[tuple[str, ...]] = set()
    for index, row in enumerate(table.rows):
        key = tuple(row.get(k, "") for k in pk)
        if key in seen:
            raise InputError(
                f"duplicate primary key {', '.join(key)!r}; the database cannot hold it",
                path=table.path,
                line=table.line_of(index),
                column=", ".join(pk),
                expected="unique keys; fix the schema finding first",
            )
        seen.add(key)


def _create_link_table(db: sqlite_utils.Database, bundle: Bundle) -> None:
    link = db.table(LINK_TABLE)
    link.create(
        {"fingerprint": str, "claim_id": str, "position": int},
        pk=("fingerprint", "claim_id"),
        foreign_keys=[
            ("fingerprint", "findings", "fingerprint"),
            ("claim_id", "claims", "claim_id"),
        ],
    )
    link.insert_all(
        {"fingerprint": row["fingerprint"], "claim_id": claim_id, "position": position}
        for row in bundle.rows("findings")
        for position, claim_id in enumerate(dict.fromkeys(row["claim_ids"].split(",")))
        if claim_id
    )
    link.create_index(["claim_id"])
