"""What the full-text index of the claims holds: each text and its form without đ.

SQLite's ``unicode61 remove_diacritics 2`` tokenizer folds the tone and vowel marks of
Vietnamese (``thiệt hại`` → ``thiet hai``) but not ``đ``, a letter of its own, so
``lua dao`` would not find ``lừa đảo``. The index therefore holds each text followed by
its form with ``đ``/``Đ`` written ``d``/``D`` (when that differs): a query with or without
the marks, with ``đ`` or ``d``, finds it. The claims table keeps the text as quoted; the
index is an external-content FTS5 table, so results and snippets show the original.
"""

from __future__ import annotations

_FOLD = str.maketrans({"đ": "d", "Đ": "D"})


def fold_letters(text: str) -> str:
    """``đ`` and ``Đ`` as ``d`` and ``D`` (the marks are the tokenizer's to fold).

    >>> fold_letters("Lừa đảo ĐÀ")
    'Lừa dảo DÀ'
    """
    return text.translate(_FOLD)


def indexed_text(text: str) -> str:
    """The text as indexed: itself, then its folded form if that differs.

    >>> indexed_text("lừa đảo"), indexed_text("thiệt hại")
    ('lừa đảo\\nlừa dảo', 'thiệt hại')
    """
    folded = fold_letters(text)
    return text if folded == text else f"{text}\n{folded}"
