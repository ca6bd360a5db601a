"""Where a text names things with numbers: the matches of the rules in identifiers.csv."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from checks.scan.lexicon import IdentifierRule, identifier_rules
from checks.scan.wordfinder import WordFinder

_META = frozenset("\\.^$*+?{}[]()|")


@dataclass(frozen=True, slots=True)
class IdentifierSpan:
    """A stretch of text matched by one or more overlapping identifier rules.

    ``rule`` is the rule of the longest match in the stretch.
    """

    start: int
    end: int
    rule: str


def identifier_spans(text: str, finder: WordFinder | None = None) -> list[IdentifierSpan]:
    """The identifier stretches of ``text``, sorted and disjoint; ``finder`` is the word
    finder of ``text`` when the caller has one (the scanner shares its own).

    >>> [(s.start, s.end, s.rule) for s in identifier_spans("theo Điều 64 của Công ước")]
    [(5, 12, 'X1-document-number')]
    """
    finder = WordFinder(text) if finder is None else finder
    matches = sorted(
        (
            _trimmed(m, rule.rule)
            for rule in identifier_rules()
            for m in _matches(rule, text, finder)
            if m.group().strip()
        ),
        key=lambda t: (t[0], t[0] - t[1]),
    )
    merged: list[IdentifierSpan] = []
    longest = 0
    for start, end, rule in matches:
        if merged and start < merged[-1].end:
            last = merged[-1]
            if end - start > longest:
                longest, rule_of_stretch = end - start, rule
            else:
                rule_of_stretch = last.rule
            merged[-1] = IdentifierSpan(last.start, max(last.end, end), rule_of_stretch)
        else:
            merged.append(IdentifierSpan(start, end, rule))
            longest = end - start
    return merged


def _matches(rule: IdentifierRule, text: str, finder: WordFinder) -> Iterator[re.Match[str]]:
    """What ``rule.pattern.finditer(text)`` gives, found faster when every match starts
    with one of a few literal words (``(?:Điều|Khoản)...``): the pattern is matched only
    where one of them begins (:class:`WordFinder`)."""
    words = _leading_words(rule.pattern.pattern)
    if not words:
        yield from rule.pattern.finditer(text)
        return
    done = 0
    for start in sorted({at for word in words for at in finder.starts(word)}):
        if start < done:
            continue  # inside the previous match, as finditer would skip it
        match = rule.pattern.match(text, start)
        if match is not None and match.end() > match.start():
            done = match.end()
            yield match


@cache
def _leading_words(pattern: str) -> tuple[str, ...]:
    """The literal words a pattern must start with, when it opens with a group of plain
    words (``(?:Điều|điều|Khoản)``); empty when it starts any other way.

    >>> _leading_words(r"(?:Điều|Khoản)[^\\S\\n]+\\d+")
    ('Điều', 'Khoản')
    >>> _leading_words(r"\\d+(?:/\\d{4})?")
    ()
    """
    if not pattern.startswith("(?:"):
        return ()
    close = pattern.find(")")
    body = pattern[3:close]
    if close < 0 or not body or any(ch in _META for ch in body.replace("|", "")):
        return ()
    words = tuple(body.split("|"))
    return words if all(words) else ()


def _trimmed(match: re.Match[str], rule: str) -> tuple[int, int, str]:
    """A match's span without blanks at its edges (`` date 2024-12`` → ``date 2024-12``)."""
    matched = match.group()
    start = match.start() + len(matched) - len(matched.lstrip())
    return start, match.start() + len(matched.rstrip()), rule


class IdentifierIndex:
    """Answers "does this span touch an identifier?" in logarithmic time."""

    def __init__(self, spans: list[IdentifierSpan]) -> None:
        self.spans = spans
        self._starts = [s.start for s in spans]

    def touching(self, start: int, end: int) -> IdentifierSpan | None:
        """The identifier stretch that overlaps ``[start, end)``, if any."""
        index = bisect_left(self._starts, end) - 1
        if index >= 0 and self.spans[index].end > start:
            return self.spans[index]
        return None
