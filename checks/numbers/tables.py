"""The data tables behind the parser: qualifier phrases, scale words, currency tokens."""

from __future__ import annotations

import csv
import io
from functools import cache
from importlib import resources
from typing import NamedTuple


class QualifierPhrase(NamedTuple):
    phrase: str
    language: str
    qualifier: str


class ScaleWord(NamedTuple):
    word: str
    language: str
    exponent: int


class UnitToken(NamedTuple):
    token: str
    position: str
    unit: str


class QualifierWidth(NamedTuple):
    """How far a qualifier widens a printed number below and above it.

    Each side reaches ``steps`` steps of the number's granularity, and at most ``cap`` times
    its magnitude (:func:`checks.numbers.qualifiers.widen`).
    """

    qualifier: str
    lower_steps: float
    upper_steps: float
    lower_cap: float
    upper_cap: float
    rationale: str


def _rows(name: str) -> list[dict[str, str]]:
    text = resources.files("checks.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@cache
def qualifier_phrases() -> tuple[QualifierPhrase, ...]:
    """Hedge phrases, longest first so that 'ước tính hơn' wins over 'ước tính'."""
    rows = [
        QualifierPhrase(r["phrase"], r["language"], r["qualifier"]) for r in _rows("qualifiers.csv")
    ]
    return tuple(sorted(rows, key=lambda r: -len(r.phrase)))


@cache
def scale_words() -> tuple[ScaleWord, ...]:
    rows = [ScaleWord(r["word"], r["language"], int(r["exponent"])) for r in _rows("scales.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r.word)))


@cache
def unit_tokens() -> tuple[UnitToken, ...]:
    rows = [UnitToken(r["token"], r["position"], r["unit"]) for r in _rows("currencies.csv")]
    return tuple(sorted(rows, key=lambda r: -len(r.token)))


@cache
def qualifier_widths() -> dict[str, QualifierWidth]:
    return {
        r["qualifier"]: QualifierWidth(
            r["qualifier"],
            float(r["lower_steps"]),
            float(r["upper_steps"]),
            float(r["lower_cap"]),
            float(r["upper_cap"]),
            r["rationale"],
        )
        for r in _rows("qualifier_widths.csv")
    }
