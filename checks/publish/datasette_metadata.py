"""``metadata.json`` for Datasette: what the database is, whose it is, what each column means.

Titles, licence and sources come from the package descriptor; table and column
descriptions from the table schemas; canned queries answer the questions readers ask
most (every conflict about one indicator, the findings on one claim, a full-text search).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from checks import strictjson
from checks.publish import sqlite_db
from checks.publish.bundle import Bundle
from checks.weburl import is_web_url

FILENAME = "metadata.json"
_SEVERITY_ORDER = "case f.severity when 'error' then 0 when 'warning' then 1 else 2 end"

QUERIES: dict[str, dict[str, str]] = {
    "conflicts_about_indicator": {
        "title": "All conflicts about one indicator",
        "description": "Findings of the conflicts check that involve a claim on :indicator "
        "(an indicator_id from the indicators table).",
        "sql": f"""select distinct f.fingerprint, f.severity, f.code, f.waived, f.message,
  f.claim_ids
from findings f
join finding_claims fc on fc.fingerprint = f.fingerprint
join claims c on c.claim_id = fc.claim_id
where f."check" = 'conflicts' and c.indicator_id = :indicator
order by {_SEVERITY_ORDER}, f.fingerprint""",
    },
    "findings_for_claim": {
        "title": "Every finding on one claim",
        "description": "All findings, of any check, that name :claim_id.",
        "sql": f"""select f.fingerprint, f."check", f.code, f.severity, f.waived, f.message
from findings f
join finding_claims fc on fc.fingerprint = f.fingerprint
where fc.claim_id = :claim_id
order by {_SEVERITY_ORDER}, f.fingerprint""",
    },
    "open_errors": {
        "title": "Errors that no waiver accepts",
        "description": "Error-level findings that are not waived.",
        "sql": """select fingerprint, "check", code, message, claim_ids, path, line
from findings
where severity = 'error' and waived = 0
order by fingerprint""",
    },
    "search_quotes": {
        "title": "Search quotes and translations",
        "description": "Full-text search (FTS5; diacritics and đ optional: lua dao finds "
        "lừa đảo) over claims.quote and claims.translation_en for :q.",
        "sql": """select c.claim_id, c.quote, c.translation_en, c.as_written, c.indicator_id,
  s.title as source_title, s.url as source_url
from claims_fts
join claims c on c.rowid = claims_fts.rowid
join sources s on s.source_id = c.source_id
where claims_fts match :q
order by claims_fts.rank, c.claim_id""",
    },
}

_LINK_DESCRIPTION = {
    "description": "One row per claim a finding names, in the finding's order.",
    "columns": {
        "fingerprint": "The finding (fingerprint in findings).",
        "claim_id": "A claim it names (claim_id in claims).",
        "position": "0 for the claim the finding is located at, then the others in order.",
    },
}
_VIEW_DESCRIPTION = {
    "description": "Findings joined to their claims and the sources of those claims: one row "
    "per finding and claim; findings about no claim appear once with empty claim columns.",
}


def datasette_metadata(bundle: Bundle) -> dict[str, Any]:
    """Datasette metadata for the published database.

    >>> meta = datasette_metadata(bundle)  # doctest: +SKIP
    >>> meta["databases"]["claimledger"]["queries"]["conflicts_about_indicator"]["title"]
    ... # doctest: +SKIP
    'All conflicts about one indicator'
    """
    descriptor = bundle.descriptor
    meta: dict[str, Any] = {
        "title": descriptor.get("title") or descriptor.get("name", "claimledger"),
        "description": descriptor.get("description", ""),
    }
    meta.update(_licence(descriptor))
    meta.update(_source(descriptor))
    tables: dict[str, Any] = {}
    for table in bundle.tables:
        entry = table.descriptor
        description = entry.get("description") or entry.get("title") or table.name
        tables[table.name] = {
            "title": entry.get("title") or table.name,
            "description": description,
            "columns": {
                f["name"]: f.get("description", "") for f in table.schema.get("fields", [])
            },
        }
    tables[sqlite_db.LINK_TABLE] = _LINK_DESCRIPTION
    tables[sqlite_db.VIEW] = _VIEW_DESCRIPTION
    database = Path(sqlite_db.FILENAME).stem
    meta["databases"] = {database: {"tables": tables, "queries": QUERIES}}
    return meta


def metadata_text(bundle: Bundle) -> str:
    """The metadata as indented UTF-8 JSON with a final newline."""
    return strictjson.dumps(datasette_metadata(bundle), ensure_ascii=False, indent=2) + "\n"


def _licence(descriptor: dict[str, Any]) -> dict[str, str]:
    licences = descriptor.get("licenses") or []
    if not isinstance(licences, list) or not licences or not isinstance(licences[0], dict):
        return {}
    first = licences[0]
    out = {"license": str(first.get("title") or first.get("name") or first.get("path"))}
    if is_web_url(str(first.get("path") or "")):
        out["license_url"] = str(first["path"])
    return out


def _source(descriptor: dict[str, Any]) -> dict[str, str]:
    listed = descriptor.get("sources") or []
    sources = [s for s in listed if isinstance(s, dict)] if isinstance(listed, list) else []
    titles = [str(s["title"]) for s in sources if s.get("title")]
    out = {"source": "; ".join(titles)} if titles else {}
    urls = [str(s["path"]) for s in sources if is_web_url(str(s.get("path", "")))]
    if urls:
        out["source_url"] = urls[0]
    return out
