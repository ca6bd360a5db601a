"""Finding the hedge word that stands before a number in a quote."""

from __future__ import annotations

import unicodedata

from checks.numbers.tables import qualifier_phrases


def hedge_before(text: str, position: int, language: str) -> tuple[str, str] | None:
    """The qualifier phrase that ends right before ``position`` (whitespace between allowed).

    Returns ``(phrase, qualifier)`` or ``None``.

    >>> hedge_before("gây thiệt hại khoảng 8.000 tỷ USD", 20, "vi")
    ('khoảng', 'approx')
    """
    head = unicodedata.normalize("NFC", text[:position]).rstrip().casefold()
    for phrase in qualifier_phrases():
        if phrase.language != language:
            continue
        word = phrase.phrase.casefold()
        if head.endswith(word):
            before = head[: -len(word)]
            if not before or not before[-1].isalnum():
                return phrase.phrase, phrase.qualifier
    return None


def has_phrase_for(text: str, qualifier: str, language: str) -> bool:
    """Whether any phrase for ``qualifier`` occurs in ``text`` as whole words."""
    low = f" {unicodedata.normalize('NFC', text).casefold()} "
    for phrase in qualifier_phrases():
        if phrase.language == language and phrase.qualifier == qualifier:
            word = phrase.phrase.casefold()
            start = low.find(word)
            while start != -1:
                if not low[start - 1].isalnum() and not low[start + len(word)].isalnum():
                    return True
                start = low.find(word, start + 1)
    return False
