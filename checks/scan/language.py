"""Telling Vietnamese text from English, for a plain file with no declared language."""

from __future__ import annotations

import re

from checks.numbers.language import sentence_language

LANGUAGES = ("vi", "en")
_MARKED = "ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
_VIETNAMESE_WORD = re.compile(rf"[^\W\d_]*[{_MARKED}][^\W\d_]*", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
_SAMPLE = 200_000
_SHARE = 0.3


def guess_language(text: str) -> str:
    """``vi`` when at least 30% of the words carry a Vietnamese letter, else ``en``.

    Vietnamese prose marks most syllables; English prose marks only the names it quotes.

    >>> guess_language("gây thiệt hại 390.000 tỷ đồng"), guess_language("$10.5 trillion")
    ('vi', 'en')
    """
    sample = text[:_SAMPLE]
    words = len(_WORD.findall(sample))
    marked = len(_VIETNAMESE_WORD.findall(sample))
    return "vi" if words and marked >= _SHARE * words else "en"


_REACH = 600
SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”’)\]]*\s)|\n")


class SentenceLanguages:
    """The language of the sentence around each offset of a text, found on demand.

    >>> langs = SentenceLanguages("Theo báo cáo, có 1.500 người. The report counts 1,500 people.")
    >>> langs.at(17), langs.at(49)
    ('vi', 'en')
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._known: dict[int, str | None] = {}
        self._last: tuple[int, int] = (0, -1)  # the sentence asked for last: numbers come in order

    def bounds(self, offset: int) -> tuple[int, int]:
        """Start and end of the sentence holding ``offset`` (at most :data:`_REACH`
        characters each way: a text without punctuation is cut into windows)."""
        if self._last[0] <= offset < self._last[1]:
            return self._last
        text = self.text
        low = max(0, offset - _REACH)
        start = low
        for match in SENTENCE_END.finditer(text, low, offset):
            start = match.end()
        after = SENTENCE_END.search(text, offset, min(len(text), offset + _REACH))
        end = after.end() if after is not None else min(len(text), offset + _REACH)
        self._last = (start, end)
        return start, end

    def at(self, offset: int) -> str | None:
        """``vi``, ``en`` or ``None`` (too short or mixed to tell): the sentence at ``offset``."""
        start, end = self.bounds(offset)
        if start not in self._known:
            self._known[start] = sentence_language(self.text[start:end])
        return self._known[start]
