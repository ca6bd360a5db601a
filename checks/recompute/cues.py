"""The words that tell how the numbers of one sentence relate (``checks/data/statement_cues.csv``).

A cue is looked for in the words just before a number, back to the number before it:
``so với``/``from`` mark the base of a change, ``lên``/``to`` its new level, ``chiếm``/``or``
a share, ``trong số``/``of the`` a whole, ``trong đó``/``including`` a list of some of its
parts, ``gồm``/``consisting of`` a list of all of them,
``bình quân``/``average`` an average, ``tổng cộng``/``in total`` the sum of the numbers
before it.

>>> [role for role, _, _ in cue_matches(" tăng 25% so với năm 2022 (", "vi")]
['base']
>>> [role for role, _, _ in cue_matches(" in 2022 to ", "en")]
['after']
>>> [role for role, _, _ in cue_matches(" compared to ", "en")]
['base']
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache
from importlib import resources
from typing import NamedTuple

from checks.scan.patterns import alternation

ROLES = ("base", "after", "share", "whole", "listing", "breakdown", "average", "total")


class Cue(NamedTuple):
    word: str
    language: str
    role: str


@cache
def cues() -> tuple[Cue, ...]:
    """The cue words, longest first (``compared to`` wins over ``to``)."""
    text = resources.files("checks.data").joinpath("statement_cues.csv").read_text("utf-8")
    rows = [Cue(r["word"], r["language"], r["role"]) for r in csv.DictReader(io.StringIO(text))]
    for row in rows:
        if row.role not in ROLES:
            raise ValueError(f"checks/data/statement_cues.csv: role {row.role!r} not in {ROLES}")
    return tuple(sorted(rows, key=lambda r: -len(r.word)))


@cache
def _pattern(language: str) -> tuple[re.Pattern[str], dict[str, str]]:
    chosen = [c for c in cues() if c.language in (language, "any")]
    roles = {" ".join(c.word.casefold().split()): c.role for c in chosen}
    body = alternation(c.word for c in chosen)
    return re.compile(rf"(?<!\w)(?P<cue>{body})(?!\w)"), roles


def cue_matches(segment: str, language: str) -> list[tuple[str, int, int]]:
    """Every cue in ``segment``: (role, start, end), in text order."""
    pattern, roles = _pattern(language)
    found = []
    for match in pattern.finditer(segment):
        role = roles.get(" ".join(match.group("cue").casefold().split()))
        if role is not None:
            found.append((role, match.start(), match.end()))
    return found


def has_cue(segment: str, language: str, role: str) -> bool:
    """Whether ``segment`` holds a cue of ``role``."""
    return any(found == role for found, _, _ in cue_matches(segment, language))
