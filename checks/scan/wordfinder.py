"""Finding literal words in a text with ``str.find``, any case, each word once per text."""

from __future__ import annotations

from typing import AnyStr


class WordFinder:
    """Where words occur in a text, any case, each word looked up once per text.

    ``str.find`` skips through a text many times faster than the regex engine tries an
    alternation at every letter. The text is lower-cased once, so ``Điều`` and ``điều``
    cost one search (unless lower-casing changes the text's length: then each case is
    searched in the text itself). An ASCII word is searched in an ASCII copy of the text
    (each other character one ``?``, so positions do not move): ``bytes.find`` runs
    several times faster than ``str.find`` over a Vietnamese text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None = None
        self._ascii: bytes | None = None
        self._found: dict[str, list[int]] = {}

    def starts(self, word: str) -> list[int]:
        """Where ``word`` may start (any case; the caller matches the exact pattern)."""
        if self._lowered is None:
            lowered = self.text.lower()
            self._lowered = lowered if len(lowered) == len(self.text) else ""
        text, key = (self._lowered, word.lower()) if self._lowered else (self.text, word)
        if key not in self._found:
            if key.isascii() and "?" not in key:  # "?" stands for the other characters
                self._found[key] = _all(self._ascii_of(text), key.encode("ascii"))
            else:
                self._found[key] = _all(text, key)
        return self._found[key]

    def _ascii_of(self, text: str) -> bytes:
        """``text`` with each character that is not ASCII replaced by one ``?``."""
        if self._ascii is None:
            self._ascii = text.encode("ascii", "replace")
        return self._ascii


def _all(text: AnyStr, key: AnyStr) -> list[int]:
    """Every position where ``key`` starts in ``text`` (overlapping ones too)."""
    found: list[int] = []
    at = text.find(key)
    while at >= 0:
        found.append(at)
        at = text.find(key, at + 1)
    return found
