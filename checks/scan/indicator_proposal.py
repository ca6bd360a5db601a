"""Proposing an ``indicator_id`` for a drafted number from the noun it counts.

The lexicon is data in the package: ``indicator_terms`` rows (indicator_id, language,
term) say which counted nouns name which indicator ("phản ánh" → online-fraud-reports,
"reports" → the same). A number's counted noun (``Mention.noun``) matches a term when one
is the other or begins it word by word ("loại hình tội phạm" matches "loại hình"); the
longest match wins. Indicators whose unit differs from the number's are left out. When
the best match names more than one indicator the proposal is left empty and the note
lists the candidates, so a reviewer chooses; nothing is guessed.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from checks.model.package import Package
from checks.scan.mention import Mention

TABLE = "indicator_terms"


@dataclass(frozen=True)
class Term:
    indicator_id: str
    language: str
    words: tuple[str, ...]


@dataclass(frozen=True)
class Proposal:
    """The proposed indicator ("" when none or several fit) and the candidates seen."""

    indicator_id: str
    candidates: tuple[str, ...] = ()

    @property
    def note(self) -> str:
        """A note for the draft row: what was proposed, or what the reviewer must choose."""
        if self.indicator_id:
            return f"indicator proposed from the counted noun: {self.indicator_id}"
        if self.candidates:
            return f"indicator: choose one of {', '.join(self.candidates)}"
        return ""


def words(text: str) -> tuple[str, ...]:
    """Lower-case NFC words of a term or noun.

    >>> words("  Phản  ánh ")
    ('phản', 'ánh')
    """
    return tuple(unicodedata.normalize("NFC", text).casefold().split())


@dataclass(frozen=True)
class IndicatorLexicon:
    """The package's terms and the unit of each indicator."""

    terms: tuple[Term, ...]
    units: dict[str, str]

    @classmethod
    def of(cls, pkg: Package) -> IndicatorLexicon:
        """The lexicon of a package (empty if it has no ``indicator_terms`` table)."""
        rows = pkg.table(TABLE)
        terms: list[Term] = []
        if not rows.empty and {"indicator_id", "term"} <= set(rows.columns):
            languages = rows["language"] if "language" in rows.columns else [""] * len(rows)
            for indicator_id, language, term in zip(
                rows["indicator_id"], languages, rows["term"], strict=True
            ):
                if indicator_id and words(term):
                    terms.append(Term(indicator_id, language, words(term)))
        indicators = pkg.table("indicators")
        units: dict[str, str] = {}
        if {"indicator_id", "unit"} <= set(indicators.columns):
            units = dict(zip(indicators["indicator_id"], indicators["unit"], strict=True))
        return cls(tuple(terms), units)

    def propose(self, mention: Mention, language: str) -> Proposal:
        """The indicator the mention's counted noun names, if exactly one fits best."""
        noun = words(mention.noun)
        if not noun:
            return Proposal("")
        best = 0
        found: list[str] = []
        for term in self._usable(language, mention.unit):
            size = _match(noun, term.words)
            if size > best:
                best, found = size, [term.indicator_id]
            elif size == best and size > 0:
                found.append(term.indicator_id)
        candidates = tuple(dict.fromkeys(found))
        return Proposal(candidates[0] if len(candidates) == 1 else "", candidates)

    def hook(self, language: str) -> Callable[[Mention], tuple[str, str]]:
        """The draft's indicator hook (:data:`checks.scan.draft.IndicatorHook`)."""

        def propose(mention: Mention) -> tuple[str, str]:
            proposal = self.propose(mention, language)
            return proposal.indicator_id, proposal.note

        return propose

    def _usable(self, language: str, unit: str | None) -> Iterable[Term]:
        for term in self.terms:
            if term.language and language in ("vi", "en") and term.language != language:
                continue
            indicator_unit = self.units.get(term.indicator_id, "")
            if unit and indicator_unit and indicator_unit != unit:
                continue
            yield term


def _match(noun: tuple[str, ...], term: tuple[str, ...]) -> int:
    """How many words match when one of the two begins the other (0: no match).

    >>> _match(("phản", "ánh"), ("phản", "ánh", "lừa", "đảo")), _match(("người",), ("nước",))
    (2, 0)
    """
    size = min(len(noun), len(term))
    return size if noun[:size] == term[:size] else 0
