"""Proposing a ``source_id`` the way the package already names its sources.

The convention is read from ``sources.csv``: the ids of sources of the same kind (or of
all sources when none has that kind) share a first word (``vn-…`` for news, ``ref-…`` for
reference excerpts in this repository's package) and either put the date right after it
(``vn-2024-12-25-ga-adopts-…``) or the publisher and the year (``ref-gso-2023-gdp``).
A package with no sources yet gets ``<date>-<title words>``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from checks.scan.draft import slug

TITLE_WORDS = 6
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass(frozen=True)
class NamingConvention:
    """How the ids of one kind of source are built."""

    prefix: str  # "" when the ids share no first word
    date_first: bool  # the date right after the prefix, else publisher and year


def convention(existing: Sequence[tuple[str, str]], kind: str) -> NamingConvention:
    """The convention of the ids of ``kind`` among ``(source_id, kind)`` pairs.

    >>> ids = [("vn-2024-08-a", "news"), ("vn-2025-10-08-b", "news"), ("ref-gso-2023-c", "x")]
    >>> convention(ids, "news")
    NamingConvention(prefix='vn', date_first=True)
    >>> convention(ids, "x")
    NamingConvention(prefix='ref', date_first=False)
    """
    same = [sid for sid, k in existing if k == kind] or [sid for sid, _ in existing]
    if not same:
        return NamingConvention("", True)
    words = [sid.split("-") for sid in same]
    first = Counter(w[0] for w in words).most_common(1)[0][0]
    shared = all(w[0] == first for w in words) and not _YEAR.match(first) and len(words[0]) > 1
    prefix = first if shared else ""
    rest = [w[1:] if prefix else w for w in words]
    date_first = sum(bool(r) and bool(_YEAR.match(r[0])) for r in rest) * 2 >= len(rest)
    return NamingConvention(prefix, date_first)


def propose_source_id(
    existing: Sequence[tuple[str, str]],
    *,
    kind: str,
    title: str,
    publisher: str = "",
    published: str = "",
) -> str:
    """A new, unused id for a source by the package's convention.

    >>> ids = [("vn-2024-08-a", "news"), ("ref-gso-2023-gdp", "statistical")]
    >>> propose_source_id(ids, kind="news", title="Lừa đảo trực tuyến tăng mạnh",
    ...                   published="2025-03-01")
    'vn-2025-03-01-lua-dao-truc-tuyen-tang-manh'
    >>> propose_source_id(ids, kind="statistical", title="Population 2024", publisher="GSO",
    ...                   published="2025-01-06")
    'ref-gso-2025-population-2024'
    """
    rule = convention(existing, kind)
    title_words = slug(title).split("-")[:TITLE_WORDS]
    parts: list[str] = [rule.prefix] if rule.prefix else []
    if rule.date_first:
        parts += [published] if published else []
    else:
        parts += slug(publisher).split("-")[:1] if publisher else []
        parts += [published[:4]] if published else []
    parts += title_words
    proposal = "-".join(p for p in parts if p) or "source"
    return unused(proposal, (sid for sid, _ in existing))


def unused(proposal: str, taken: Iterable[str]) -> str:
    """``proposal``, or ``proposal-2``, ``-3``… if it is taken.

    >>> unused("a", ["a", "a-2"])
    'a-3'
    """
    used = set(taken)
    if proposal not in used:
        return proposal
    number = 2
    while f"{proposal}-{number}" in used:
        number += 1
    return f"{proposal}-{number}"
