"""One reading of a printed number for scan, check and the drafts.

- formatting a number in any supported style and reading it back gives an interval that
  contains it (hypothesis);
- for every mention scan reports, check's reading of its as_written (the column-wise
  parser and widening the claims table uses) is the mention's interval (hypothesis);
- a file that mixes Vietnamese and English reads each number in its sentence's language
  and flags the one whose sentence cannot tell, in scan and in check;
- rows drafted by ``scan --draft`` pass the citation check with only their indicator and
  subject filled in.
"""

from __future__ import annotations

import csv
import re
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.model.package import load_package
from checks.numbers.batch import parse_numbers, widen_columns
from checks.numbers.language import _ENGLISH, _MARKED, sentence_language, sentence_languages
from checks.numbers.parse import parse_number
from checks.runner import run_checks
from checks.scan import Kind, scan_text
from checks.scan.draft import draft_rows
from tests.helpers import read_rows, write_rows
from tests.package_edits import add_source
from tests.test_number_forms import FORMS

SCALES = {
    "vi": {3: "nghìn", 6: "triệu", 9: "tỷ", 12: "nghìn tỷ"},
    "en": {3: "thousand", 6: "million", 9: "billion", 12: "trillion"},
}
ABBREVIATIONS = {3: "k", 6: "M", 9: "bn", 12: "T"}
MARKS = {"vi": (".", ","), "en": (",", ".")}  # (thousands, decimal)


def printed(number: Decimal, decimals: int, language: str, *, grouped: bool) -> str:
    """``number`` with ``decimals`` digits after the mark, in the language's convention."""
    thousands, mark = MARKS[language]
    sign = "-" if number < 0 else ""
    whole, _, fraction = f"{abs(number):.{decimals}f}".partition(".")
    if grouped:
        groups = []
        while len(whole) > 3:
            whole, groups = whole[:-3], [whole[-3:], *groups]
        whole = thousands.join([whole, *groups])
    return sign + whole + (mark + fraction if fraction else "")


@st.composite
def formatted(draw: st.DrawFn) -> tuple[str, str, Decimal]:
    """(text, language, the number it prints) in one of the supported styles."""
    language = draw(st.sampled_from(["vi", "en"]))
    decimals = draw(st.integers(0, 3))
    number = Decimal(draw(st.integers(0, 10**12))).scaleb(-decimals)
    style = draw(
        st.sampled_from(
            ["plain", "grouped", "scale", "abbreviation", "currency", "percent", "negative",
             "scientific", "range", "fraction", "change", "glued", "rate", "crore"]
        )
    )  # fmt: skip
    text = printed(number, decimals, language, grouped=style != "plain")
    value = number
    if style == "scale":
        power = draw(st.sampled_from(sorted(SCALES[language])))
        text, value = f"{text} {SCALES[language][power]}", number.scaleb(power)
    elif style == "abbreviation":
        power = draw(st.sampled_from(sorted(ABBREVIATIONS)))
        language, text = "en", printed(number, decimals, "en", grouped=True)
        text, value = f"{text}{ABBREVIATIONS[power]}", number.scaleb(power)
    elif style == "currency":
        text = draw(st.sampled_from([f"${text}", f"€{text}", f"{text} USD", f"{text} đồng"]))
    elif style == "percent":
        text = f"{text}%"
    elif style == "negative":
        text, value = f"-{text}", -number
    elif style == "scientific":
        power = draw(st.integers(-9, 9))
        language, text = "en", f"{printed(number, decimals, 'en', grouped=False)}e{power}"
        value = number.scaleb(power)
    elif style == "range":
        other = number + Decimal(draw(st.integers(0, 10**6))).scaleb(-decimals)
        text = f"{text}-{printed(other, decimals, language, grouped=True)}"
    elif style == "fraction":
        top, bottom = draw(st.integers(0, 999)), draw(st.integers(1, 999))
        text, value = f"{top}/{bottom}", Decimal(top) / Decimal(bottom)
    elif style == "glued":
        language = "en"
        text = printed(number, decimals, "en", grouped=True) + draw(
            st.sampled_from(["p", "C", "pc"])
        )
    elif style == "rate":
        text = draw(st.sampled_from([f"{text}đ/kg", f"{text} USD/tháng", f"${text}/month"]))
    elif style == "crore":
        language = "en"
        text, value = f"Rs {printed(number, decimals, 'en', grouped=True)} crore", number.scaleb(7)
    elif style == "change":
        word = {"vi": "giảm", "en": "fell"}[language]
        text, value = f"{word} {text}%", -number
    return text, language, value


@settings(max_examples=400, deadline=None)
@given(formatted())
def test_a_formatted_number_reads_back_to_an_interval_holding_it(
    case: tuple[str, str, Decimal],
) -> None:
    text, language, value = case
    reading = parse_number(text, locale=language)
    assert reading.interval.lo <= float(value) <= reading.interval.hi, (text, reading)


WORDS = {
    "vi": ["Theo báo cáo,", "năm nay", "đã ghi nhận", "người dùng", "và", "trong đó", "."],
    "en": ["According to the report,", "this year", "there were", "users", "and", "of which", "."],
}


@st.composite
def sentences(draw: st.DrawFn) -> tuple[str, str]:
    """A text of filler words and printed forms of one language."""
    language = draw(st.sampled_from(["vi", "en"]))
    forms = [str(row[7] if len(row) > 7 else row[1]) for row in FORMS if row[0] == language]
    pieces = draw(
        st.lists(
            st.one_of(st.sampled_from(WORDS[language]), st.sampled_from(forms)),
            min_size=1,
            max_size=12,
        )
    )
    return " ".join(pieces), language


@settings(max_examples=200, deadline=None)
@given(sentences())
def test_check_reads_every_scanned_as_written_to_the_mentions_interval(
    case: tuple[str, str],
) -> None:
    text, language = case
    mentions = [
        m
        for m in scan_text(text, language).mentions
        if m.kind in (Kind.QUANTITY, Kind.DURATION) and m.interval is not None
    ]
    if not mentions:
        return
    frame = parse_numbers(
        pd.Series([m.as_written for m in mentions]), pd.Series([m.language for m in mentions])
    )
    assert (frame["error"] == "").all(), list(
        zip(frame["error"], [m.as_written for m in mentions], strict=True)
    )
    lo, hi = widen_columns(
        frame["printed_lo"].to_numpy(float),
        frame["printed_hi"].to_numpy(float),
        frame["value"].to_numpy(float),
        np.array([m.qualifier for m in mentions], dtype=object),
        frame["decimals"].to_numpy(np.int64),  # as the claims table widens them
    )
    got = [(m.interval.lo, m.interval.hi) for m in mentions if m.interval is not None]
    assert list(zip(lo.tolist(), hi.tolist(), strict=True)) == got, text


MIXED = (
    "Theo Bộ Công an, năm 2023 đã ghi nhận 2.500 vụ việc lừa đảo trực tuyến. "
    "The ministry said about 1,500 people lost money in those cases. "
    "Thiệt hại ước tính 1,500 tỷ đồng. "
    "Revenue reached 2.500 million dollars in the same year. "
    "IMF: 1,500.\n"
)


def test_mixed_file_reads_each_number_in_its_sentence_language() -> None:
    mentions = {m.as_written: m for m in scan_text(MIXED, "vi").mentions}
    assert (mentions["2.500"].value, mentions["2.500"].language) == (2500.0, "vi")
    assert (mentions["about 1,500"].value, mentions["about 1,500"].language) == (1500.0, "en")
    assert (mentions["1,500 tỷ đồng"].value, mentions["1,500 tỷ đồng"].language) == (1.5e9, "vi")
    dollars = mentions["2.500 million dollars"]
    assert (dollars.value, dollars.unit) == (2.5e6, "USD")
    assert all(not m.ambiguous for text, m in mentions.items() if text != "1,500")


def test_a_number_whose_sentence_cannot_tell_is_flagged_with_both_readings() -> None:
    (flagged,) = [m for m in scan_text(MIXED, "vi").mentions if m.ambiguous]
    assert flagged.as_written == "1,500"
    assert dict(flagged.ambiguous) == {"vi": 1.5, "en": 1500.0}
    assert "ambiguous" in flagged.note
    assert flagged.to_dict()["ambiguous"] == {"vi": 1.5, "en": 1500.0}


def _drafted_package(mini: Path, text: str, language: str) -> tuple[Path, list[str]]:
    """The mini package with ``text`` as a source and scan's draft rows as its claims,
    filled in with an indicator and a subject only."""
    add_source(mini, "drafted", text, language)
    rows = draft_rows(scan_text(text, language), "drafted")
    for row in rows:
        row.update(indicator_id="online-fraud-reports", subject="VNM")
    table = mini / "datapackage/claims.csv"
    write_rows(table, [*read_rows(table), *rows])
    return mini, [row["claim_id"] for row in rows]


def test_draft_rows_of_a_mixed_file_pass_the_citation_check_but_the_ambiguous_one(
    mini: Path,
) -> None:
    root, ids = _drafted_package(mini, MIXED, "vi")
    found = [f for f in run_checks(load_package(root), ["citation"]) if set(f.claim_ids) & set(ids)]
    assert [(f.code, f.severity.value) for f in found] == [("ambiguous-number", "warning")]
    assert found[0].evidence["readings"] == {"vi": 1.5, "en": 1500.0}


def test_draft_rows_of_every_form_pass_the_citation_check(mini: Path) -> None:
    lines = []
    for row in FORMS:
        lines.append(
            (
                "Theo báo cáo, con số là {} trong kỳ."
                if row[0] == "vi"
                else "The figure is {} now."
            ).format(row[1])
        )
    text = "\n".join(lines) + "\n"
    root, ids = _drafted_package(mini, text, "vi")
    found = [f for f in run_checks(load_package(root), ["citation"]) if set(f.claim_ids) & set(ids)]
    assert [(f.code, f.message) for f in found] == []
    with (root / "datapackage/claims.csv").open(encoding="utf-8", newline="") as fh:
        drafted = [r for r in csv.DictReader(fh) if r["claim_id"] in ids and r["as_written"]]
    assert len(drafted) >= len(FORMS)


_REFERENCE_MARKED = re.compile(rf"[^\W\d_]*[{_MARKED}][^\W\d_]*", re.IGNORECASE)


def _reference_language(sentence: str) -> str | None:
    """The sentence language as first written: a regex count of the marked words."""
    words = re.findall(r"[^\W\d_]+", sentence[:400])
    if len(words) < 2:
        return None
    marked = len(_REFERENCE_MARKED.findall(sentence, 0, 400))
    english = sum(1 for w in words if w.isascii() and w.lower() in _ENGLISH)
    if marked >= 0.3 * len(words) and marked > english:
        return "vi"
    if english and marked < 0.3 * len(words) and english >= marked:
        return "en"
    return None


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["the", "of", "and", "a", "báo", "cáo", "Đà", "Ǆ", "x1", "e\u0301", ",", "_"]
        ),
        max_size=30,
    ).map(" ".join)
)
def test_sentence_language_counts_marked_words_as_the_reference_does(sentence: str) -> None:
    assert sentence_language(sentence) == _reference_language(sentence)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "the",
                    "of",
                    "And",
                    "a",
                    "báo",
                    "CÁO",
                    "Đà",
                    "x1",
                    "e\u0301",
                    "²",
                    "_",
                    "中文",
                    ",",
                    "ǅ",
                    "THE",
                    "thousands",
                    "TRILLION",
                    "—",
                    "€5",
                    "ª",
                    "×",
                    "\u00a0",
                    "ữ",
                ]
            ),
            max_size=12,
        ).map(" ".join),
        max_size=20,
    )
)
def test_sentence_languages_of_a_column_are_those_of_each_sentence(sentences: list[str]) -> None:
    expected = [sentence_language(s) for s in sentences]
    assert sentence_languages(sentences) == expected
    # an Arrow column with 64-bit offsets (pandas' strings) reads the same
    assert sentence_languages(pa.array(sentences, pa.large_string())) == expected
