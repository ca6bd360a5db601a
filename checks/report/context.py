"""What a renderer may know beyond the findings: the package and the claims they point at.

A result read back from ``findings.json`` has no package (``root`` is None); renderers then
fall back to what the findings themselves carry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from checks.model.errors import InputError
from checks.model.package import Package, load_package
from checks.report.result import CheckResult

SENTENCE_LIMIT = 320
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+|\n\s*")


@dataclass(frozen=True)
class ClaimContext:
    """A claim's quote and the sentence around it, split so the quote can be highlighted."""

    claim_id: str
    source_id: str
    source_title: str
    before: str
    quote: str
    after: str
    located: bool


def package_of(result: CheckResult) -> Package | None:
    """The package a result was computed from, or None (a saved result, an unreadable one)."""
    if result.loaded is not None:
        return result.loaded
    if result.root is None:
        return None
    try:
        return load_package(result.root)
    except InputError:
        return None


def repo_prefix(root: Path | None) -> str:
    """The package root relative to the enclosing git work tree (``""`` at its top).

    SARIF and GitHub annotations name files relative to the repository, so a package in a
    sub-folder of a repository gets that sub-folder in front of its paths.
    """
    if root is None:
        return ""
    here = root.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            relative = here.relative_to(folder).as_posix()
            return "" if relative == "." else relative + "/"
    return ""


def sentence_around(
    text: str, start: int, end: int, limit: int = SENTENCE_LIMIT
) -> tuple[str, str]:
    """The text before ``start`` and after ``end`` within the same sentence (capped).

    >>> sentence_around("Một. Có 1,25 triệu người dùng. Hai.", 8, 18)
    ('Có ', ' người dùng.')
    """
    lo = max(0, start - limit)
    before = text[lo:start]
    cut = 0
    for match in _SENTENCE_END.finditer(before):
        cut = match.end()
    before = before[cut:]
    if cut == 0 and lo > 0:
        before = "…" + before.lstrip()
    after = text[end : end + limit]
    stop = _SENTENCE_END.search(after)
    if stop is not None:
        after = after[: stop.start() + 1].rstrip()
    elif end + limit < len(text):
        after = after.rstrip() + "…"
    return before, after


def claim_contexts(pkg: Package, claim_ids: set[str]) -> dict[str, ClaimContext]:
    """Each named claim with its quote in its sentence, read from the archived source.

    Only the rows of the named claims are read (the first row of each id), so the cost
    follows the number of findings, not the size of the ledger.
    """
    claims = pkg.table("claims")
    sources = pkg.table("sources")
    if claims.empty or "claim_id" not in claims.columns or not claim_ids:
        return {}
    named = claims[claims["claim_id"].isin(sorted(claim_ids)).to_numpy(dtype=bool)]
    named = named.drop_duplicates("claim_id")
    titles: dict[str, tuple[str, str]] = {}
    if not sources.empty and {"source_id", "path"} <= set(sources.columns):
        wanted = set(named["source_id"].tolist()) if "source_id" in named.columns else set()
        used = sources[sources["source_id"].isin(sorted(wanted)).to_numpy(dtype=bool)]
        for source in used.itertuples(index=False):
            titles.setdefault(
                str(source.source_id), (str(getattr(source, "title", "")), str(source.path))
            )
    out: dict[str, ClaimContext] = {}
    for claim in named.itertuples(index=False):
        title, path = titles.get(str(getattr(claim, "source_id", "")), ("", ""))
        out[str(claim.claim_id)] = _context(pkg, claim, title, path)
    return out


def _context(pkg: Package, claim: object, title: str, path: str) -> ClaimContext:
    claim_id = str(getattr(claim, "claim_id", ""))
    source_id = str(getattr(claim, "source_id", ""))
    quote = str(getattr(claim, "quote", ""))
    text = ""
    if path:
        try:
            text = pkg.source_text(path).text
        except InputError:
            text = ""
    position = _position(text, quote, getattr(claim, "start", ""), getattr(claim, "end", ""))
    if position is None:
        return ClaimContext(claim_id, source_id, title, "", quote, "", False)
    start, end = position
    before, after = sentence_around(text, start, end)
    return ClaimContext(claim_id, source_id, title, before, text[start:end], after, True)


def _position(text: str, quote: str, start: object, end: object) -> tuple[int, int] | None:
    try:
        lo, hi = int(str(start)), int(str(end))
    except ValueError:
        lo, hi = -1, -1
    if quote and 0 <= lo <= hi <= len(text) and text[lo:hi] == quote:
        return lo, hi
    found = text.find(quote) if quote else -1
    return (found, found + len(quote)) if found >= 0 else None


def all_claim_ids(pkg: Package | None) -> list[str]:
    """The claim ids of a package in file order (empty without a package or claims)."""
    if pkg is None:
        return []
    claims = pkg.table("claims")
    if claims.empty or "claim_id" not in claims.columns:
        return []
    return [c for c in dict.fromkeys(claims["claim_id"].tolist()) if c]


def claim_count(pkg: Package | None) -> int:
    """How many distinct non-empty claim ids the package has (0 without one)."""
    if pkg is None:
        return 0
    if pkg.counted_claims is not None:
        return pkg.counted_claims  # the claims table stays unread (the dask engine's client)
    claims = pkg.table("claims")
    if claims.empty or "claim_id" not in claims.columns:
        return 0
    ids = claims["claim_id"]
    return int(ids[ids != ""].nunique())
