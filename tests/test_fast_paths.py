"""The column-wise fast paths give exactly what the row-by-row code gives.

``parse_numbers`` against ``parse_number``, ``hedges_before`` against ``hedge_before``,
the pyarrow CSV reader against the strict ``csv`` reader, and the schema's number parsing
against ``pandas.to_numeric``, pandera on the rows not proven to pass against pandera on
every row, on generated input that includes the awkward cases (odd spaces, decomposed
letters, signs, other scripts' digits, quotes in odd places).
"""

from __future__ import annotations

import math
import unicodedata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pandera.errors as pa_errors
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import checks.model.csvfile as csvfile
from checks.ledger.typed import convert_column
from checks.model.errors import InputError
from checks.model.fastcsv import read_fast
from checks.model.schema_rows import cells_to_validate, rows_of, rows_to_validate
from checks.model.tableschema import as_missing, floats, pandera_schema
from checks.numbers.batch import hedges_before, parse_numbers
from checks.numbers.hedges import HEDGE_WINDOW, hedge_before, hedge_match, hedge_pattern
from checks.numbers.parse import NumberParseError, parse_number
from checks.numbers.tables import (
    change_words,
    multiplier_words,
    qualifier_phrases,
    scale_words,
    unit_tokens,
)
from checks.scan.wordfinder import WordFinder

SPACES = st.sampled_from([" ", "  ", "\u00a0", "\t", "\u202f", " \u2009", ""])
DIGITS = st.one_of(
    st.from_regex(r"[1-9][0-9]{0,2}(\.[0-9]{3}){0,4}(,[0-9]{1,4})?", fullmatch=True),
    st.from_regex(r"[1-9][0-9]{0,2}(,[0-9]{3}){0,4}(\.[0-9]{1,4})?", fullmatch=True),
    st.from_regex(r"[-\u2212]?[0-9]{1,17}([.,][0-9]{1,3}){0,3}", fullmatch=True),
    st.sampled_from(["0", "-0", "00", "012", "0,5", "-0,0", "1..5", "1.23", "9" * 16]),
)
WORDS = st.sampled_from(
    [p.phrase for p in qualifier_phrases()]
    + [s.word for s in scale_words()]
    + [t.token for t in unit_tokens()]
    + [c.word for c in change_words()]
    + [m.phrase for m in multiplier_words()]
    + ["", "", "", "người", "Gần", "x", "５", "\u0301", "lần", "/kg"]
)


@st.composite
def printed_numbers(draw: st.DrawFn) -> str:
    text = draw(WORDS) + draw(SPACES) + draw(WORDS) + draw(SPACES) + draw(DIGITS)
    text += draw(SPACES) + draw(WORDS) + draw(SPACES) + draw(WORDS)
    form = draw(st.sampled_from(["NFC", "NFD", "NFC"]))
    return unicodedata.normalize(form, text)


def _expected(text: str, locale: str) -> tuple[object, ...]:
    try:
        p = parse_number(text, locale=locale if locale in ("vi", "en") else "auto")
    except NumberParseError as exc:
        return ("error", exc.reason)
    return (
        p.value,
        p.printed.lo,
        p.printed.hi,
        p.interval.lo,
        p.interval.hi,
        p.qualifier,
        p.unit or "",
        p.exponent,
        p.decimals,
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(printed_numbers(), st.sampled_from(["vi", "en", "fr"])), max_size=12))
def test_parse_numbers_agrees_with_parse_number_on_every_string(
    items: list[tuple[str, str]],
) -> None:
    texts = pd.Series([t for t, _ in items], dtype="str")
    locales = pd.Series([loc for _, loc in items], dtype="str")
    frame = parse_numbers(texts, locales)
    for i, (text, locale) in enumerate(items):
        row = frame.iloc[i]
        got: tuple[object, ...]
        if row["error"]:
            got = ("error", row["error"])
        else:
            got = tuple(
                row[c]
                for c in (
                    "value",
                    "printed_lo",
                    "printed_hi",
                    "lo",
                    "hi",
                    "qualifier",
                    "unit",
                    "exponent",
                    "decimals",
                )
            )
        assert got == _expected(text, locale), (text, locale)


def test_parse_numbers_reads_decreases_and_divisions_as_the_reader_does() -> None:
    texts = ["giảm 3 lần", "gấp 3 lần", "giảm 15%", "fell 2.5 percentage points", "45p"]
    locales = ["vi", "vi", "vi", "en", "en"]
    frame = parse_numbers(pd.Series(texts), pd.Series(locales))
    expected = [parse_number(t, locale=loc).value for t, loc in zip(texts, locales, strict=True)]
    assert frame["value"].tolist() == expected


def test_parse_numbers_keeps_the_index_and_reads_typical_ledger_numbers() -> None:
    texts = pd.Series(["gần 16.000", "1.234,5 triệu", "$2.3 billion", "12..5"], index=[7, 3, 9, 1])
    frame = parse_numbers(texts, pd.Series(["vi", "vi", "en", "vi"], index=[7, 3, 9, 1]))
    assert frame.index.tolist() == [7, 3, 9, 1]
    assert frame["value"].tolist()[:3] == [16000.0, 1234500000.0, 2.3e9]
    assert frame["qualifier"].tolist()[:3] == ["nearly", "exact", "exact"]
    assert frame["unit"].tolist()[:3] == ["", "", "USD"]
    assert math.isnan(frame["value"].iloc[3])
    assert frame["error"].iloc[3] == "unexpected text '..5' after the number"


HEAD_WORDS = st.sampled_from(
    [p.phrase for p in qualifier_phrases()]
    + ["đạt", "là", "xgần", "GẦN", "Hơn", "ước", "\u00a0", "  ", "ß", "İ", "ﬁ", "khoảng\u0301"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.lists(HEAD_WORDS, max_size=4), SPACES, st.sampled_from(["vi", "en"]))))
def test_hedges_before_agrees_with_hedge_before(
    items: list[tuple[list[str], str, str]],
) -> None:
    quotes = [" ".join(words) + space + "16.000" for words, space, _ in items]
    positions = [len(q) - len("16.000") for q in quotes]
    languages = [language for _, _, language in items]
    expected = [
        hedge_before(q, p, lang) for q, p, lang in zip(quotes, positions, languages, strict=True)
    ]
    assert hedges_before(quotes, positions, languages) == expected


COMMON = st.text(alphabet=st.sampled_from([*'ab ,"\n\r\tđĐếộ1e', "\u0301", "\u00a0"]), max_size=6)
RARE = st.text(alphabet=st.sampled_from(["a", "\u4e2d", "\u2000", "\u0344"]), max_size=3)
CELL = st.one_of(COMMON, COMMON, COMMON, COMMON, COMMON, COMMON, RARE)


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    width = draw(st.integers(2, 4))
    rows = draw(st.lists(st.lists(CELL, min_size=width, max_size=width), min_size=1, max_size=6))
    header = [f"c{i}" for i in range(width)]
    lines = []
    for cells in [header, *rows]:
        out = []
        for cell in cells:
            quote = draw(st.booleans()) or any(ch in cell for ch in ',"\n\r')
            out.append('"' + cell.replace('"', '""') + '"' if quote else cell)
            if draw(st.integers(0, 60)) == 0:  # a malformed cell now and then
                out[-1] = draw(st.sampled_from(['"x"y', 'x"y', '"open', " "]))
        if draw(st.integers(0, 40)) == 0:
            out = out[:-1]
        lines.append(",".join(out))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = ending.join(lines) + draw(st.sampled_from(["", ending, ending + ending]))
    data = text.encode("utf-8")
    if draw(st.integers(0, 10)) == 0:
        data = b"\xef\xbb\xbf" + data
    return data


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=csv_bytes())
def test_fast_csv_reader_gives_the_exact_readers_result_or_steps_aside(
    data: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    monkeypatch.setattr(csvfile, "FAST_MIN_BYTES", 1 << 60)  # the exact path only
    try:
        exact = csvfile.read_csv_table(path, display="t.csv", columns=None)
    except InputError:
        exact = None
    fast = read_fast(data, field_limit=1 << 24)
    if fast is None:
        return
    assert exact is not None, "the fast path accepted a file the exact path refuses"
    header, frame, lines = fast
    assert header == list(exact.frame.columns)
    assert lines == exact.lines
    assert frame.to_dict("list") == exact.frame.to_dict("list")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(CELL, max_size=5), min_size=1, max_size=4),
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_a_column_matches_a_character_class_exactly_when_one_of_its_cells_does(
    chunks: list[list[str]], drop_first: int, drop_last: int
) -> None:
    from checks.model.fastcsv import _all_cells, _classes, _one_chunk

    column = pa.chunked_array([pa.array(cells, pa.string()) for cells in chunks], pa.string())
    kept = max(0, len(column) - drop_first - drop_last)
    joined = _one_chunk(column).chunk(0)
    for cells in (
        _one_chunk(column.slice(drop_first, kept)).chunk(0),
        joined.slice(drop_first, kept),
    ):
        whole = _all_cells(cells)  # a slice keeps the bytes of the cells left out
        for pattern in _classes():
            per_cell = pc.any(pc.match_substring_regex(cells, pattern)).as_py() or False
            assert pc.any(pc.match_substring_regex(whole, pattern)).as_py() == per_cell


def test_fast_csv_reader_handles_quoted_newlines_nfd_and_a_bom() -> None:
    data = (
        b'\xef\xbb\xbfid,note\r\na,"two\r\nlines, ""quoted"""\r\n\r\nb,'
        + "Vie\u0302\u0323t".encode()
    )
    header, frame, lines = read_fast(data, field_limit=99) or ([], pd.DataFrame(), [])
    assert header == ["id", "note"]
    assert frame["note"].tolist() == ['two\r\nlines, "quoted"', "Việt"]
    assert lines == [2, 5]


@pytest.mark.parametrize(
    "data",
    [b'id,x\na,"b"c\n', b'id,x\na,b"c\n', b'id,x\na,"b\n', b"id,x\na\n", b"id,x\na,\x00\n"],
    ids=["text-after-quote", "quote-inside", "unclosed", "ragged", "nul"],
)
def test_fast_csv_reader_steps_aside_for_malformed_files(data: bytes) -> None:
    assert read_fast(data, field_limit=99) is None


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.none(),
            st.sampled_from(["+100E50", "1.7976931348623157e308", "2.2250738585072011e-308"]),
            st.from_regex(r"[-+]?([0-9]{1,20}\.?[0-9]{0,20}|\.[0-9]{1,5})([eE][-+]?[0-9]{1,3})?"),
            st.text(alphabet="0123456789.,eE+- _١٢abcinf", max_size=8),
        ),
        max_size=20,
    )
)
def test_schema_number_parsing_agrees_with_pandas_to_numeric(cells: list[str | None]) -> None:
    series = pd.Series(cells, dtype="str")
    expected = pd.to_numeric(series, errors="coerce").astype("float64").to_numpy()
    assert np.array_equal(floats(series).to_numpy(), expected, equal_nan=True)


SCHEMA_UNDER_TEST = {
    "fields": [
        {"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
        {"name": "n", "type": "integer", "constraints": {"minimum": 0, "maximum": 100}},
        {"name": "x", "type": "number", "constraints": {"minimum": -1.5, "required": True}},
        {"name": "d", "type": "date"},
        {"name": "e", "type": "string", "constraints": {"enum": ["a", "b"]}},
        {"name": "p", "type": "string", "constraints": {"pattern": "[A-Z]{2}[0-9]?"}},
        {"name": "k", "type": "string"},
    ],
    "primaryKey": ["e", "k"],
}
CELLS = {
    "id": ["a", "b", "c", "", "a ", "Ａ"],
    "n": ["0", "7", "100", "101", "-1", "+5", "٣", "1.0", "1e2", "", "x", "9" * 19],
    "x": ["-1.5", "-1.6", "0", "2.5", "+100E50", "1e-3", ".5", "inf", "1,5", "", "9" * 16],
    "d": ["2024-01-31", "2024-02-30", "2024-1-01", "١٢٣٤-01-01", "", "2024-01-31\n"],
    "e": ["a", "b", "c", "", "A"],
    "p": ["AB", "AB1", "AB12", "ab", "", "AB\n"],
    "k": ["1", "2", ""],
}


def _text_frame(columns: dict[str, list[str]]) -> pd.DataFrame:
    """A table as the CSV reader gives it: every column text."""
    return pd.DataFrame({name: pd.Series(cells, dtype="str") for name, cells in columns.items()})


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    """The typed view of a frame of the schema under test, as the ledger builds it."""
    return pd.DataFrame(
        {
            f["name"]: convert_column(frame[f["name"]], f["type"])
            for f in SCHEMA_UNDER_TEST["fields"]
        }
    )


def _failures(
    frame: pd.DataFrame, rows: np.ndarray, columns: list[str] | None = None
) -> set[tuple[str, ...]]:
    schema = pandera_schema("t", SCHEMA_UNDER_TEST, columns)
    try:
        schema.validate(as_missing(rows_of(frame, rows)), lazy=True)
    except pa_errors.SchemaErrors as exc:
        cases = exc.failure_cases
        return {tuple(str(v) for v in row) for row in cases.itertuples(index=False)}
    return set()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.fixed_dictionaries({name: st.sampled_from(cells) for name, cells in CELLS.items()}),
        min_size=1,
        max_size=15,
    )
)
def test_schema_validation_of_the_unproven_rows_finds_every_failure(
    records: list[dict[str, str]],
) -> None:
    frame = _text_frame({name: [r[name] for r in records] for name in CELLS})
    typed = _typed(frame)
    everything = _failures(frame, np.arange(len(frame)))  # pandera on every cell
    rows = rows_to_validate(frame, SCHEMA_UNDER_TEST, typed)
    assert _failures(frame, rows) == everything
    rows, columns = cells_to_validate(frame, SCHEMA_UNDER_TEST, typed)
    assert _failures(frame, rows, columns) == everything


def test_rows_proven_to_pass_are_left_out_of_schema_validation() -> None:
    frame = _text_frame(
        {
            "id": ["a", "b", "c"],
            "n": ["1", "2", "101"],
            "x": ["0", "0", "0"],
            "d": ["2024-01-31", "2024-01-31", "2024-01-31"],
            "e": ["a", "a", "b"],
            "p": ["AB", "AB", "AB"],
            "k": ["1", "2", "1"],
        }
    )
    typed = _typed(frame)
    assert rows_to_validate(frame, SCHEMA_UNDER_TEST, typed).tolist() == [2]


def test_columns_proven_to_pass_are_left_out_of_schema_validation() -> None:
    frame = _text_frame(
        {
            "id": ["a", "b", "c"],
            "n": ["1", "2", "101"],
            "x": ["0", "0", "0"],
            "d": ["2024-01-31", "2024-01-31", "2024-02-30"],
            "e": ["a", "a", "b"],
            "p": ["AB", "AB", "AB"],
            "k": ["1", "2", "3"],
        }
    )
    typed = _typed(frame)
    rows, columns = cells_to_validate(frame, SCHEMA_UNDER_TEST, typed)
    assert (rows.tolist(), columns) == ([2], ["n", "d"])
    assert _failures(frame, rows, columns) == _failures(frame, np.arange(len(frame)))


def test_a_column_not_of_the_string_dtype_is_always_validated() -> None:
    frame = _text_frame({name: [] for name in CELLS})
    frame["k"] = pd.Series([], dtype="float64")
    typed = frame.iloc[:, :0]
    rows, columns = cells_to_validate(frame, SCHEMA_UNDER_TEST, typed)
    assert (rows.tolist(), columns) == ([], ["k"])
    assert _failures(frame, rows, columns) == _failures(frame, rows) != set()


def test_a_table_with_every_cell_proven_has_nothing_for_pandera_to_find() -> None:
    frame = _text_frame({name: cells[:1] for name, cells in CELLS.items()})
    typed = _typed(frame)
    rows, columns = cells_to_validate(frame, SCHEMA_UNDER_TEST, typed)
    assert (rows.tolist(), columns) == ([], [])
    assert _failures(frame, np.arange(len(frame))) == set()


def test_pandera_schemas_are_built_once_per_table_schema_and_columns() -> None:
    first = pandera_schema("t", SCHEMA_UNDER_TEST, ["n", "d"])
    assert pandera_schema("t", dict(SCHEMA_UNDER_TEST), ("n", "d")) is first
    assert list(first.columns) == ["n", "d"]
    assert list(pandera_schema("t", SCHEMA_UNDER_TEST).columns) == list(CELLS)
    changed = {**SCHEMA_UNDER_TEST, "primaryKey": ["id"]}
    assert pandera_schema("t", changed, ["n", "d"]) is not first


def _every_cell(
    frame: pd.DataFrame, table_schema: dict[str, Any], typed: pd.DataFrame
) -> tuple[np.ndarray, list[str]]:
    return np.arange(len(frame)), [f["name"] for f in table_schema.get("fields", [])]


@pytest.mark.slow
def test_schema_findings_of_mutated_packages_are_those_of_pandera_on_every_cell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Packages of ``fuzz/packages.py`` (awkward cells, short and duplicated rows, odd
    schemas): the schema check finds the same with and without the proofs."""
    import importlib.util
    import random
    import shutil

    import checks.suite.schema as schema_check
    from checks.model.package import load_package
    from checks.numbers.parse import NumberParseError

    path = Path(__file__).resolve().parents[1] / "fuzz" / "packages.py"
    spec = importlib.util.spec_from_file_location("fuzz_packages", path)
    assert spec is not None and spec.loader is not None
    fuzzer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuzzer)
    compared = 0
    for index in range(30):
        root = tmp_path / str(index)
        shutil.copytree(fuzzer.MINI, root)
        fuzzer.mutate(root, random.Random(f"rows:{index}"))
        found = []
        for cells in (cells_to_validate, _every_cell):
            monkeypatch.setattr(schema_check, "cells_to_validate", cells)
            try:
                findings = list(schema_check.SchemaCheck().run(load_package(root)))
            except (InputError, NumberParseError):
                break
            found.append(sorted((f.code, f.fingerprint, f.message, f.line) for f in findings))
        if len(found) == 2:
            assert found[0] == found[1], index
            compared += any(f[0] in ("field", "required", "unique", "table") for f in found[0])
    assert compared >= 5


@given(
    st.lists(
        st.sampled_from(
            [
                "Khoảng",
                "khoảng",
                "KHOẢNG",
                "gần",
                "Gần",
                "about",
                "About",
                "Kelvin",
                "\u212aelvin",
                "ſome",
                "some",
                "x",
                "1/4",
                " ",
                "  ",
                "\n",
                "nearly",
                "Ngót",
            ]
        ),
        max_size=6,
    ).map(" ".join)
)
def test_hedge_match_finds_what_the_hedge_pattern_finds(text: str) -> None:
    # the quick test on the last word may only skip searches that would find nothing
    for position in range(len(text) + 1):
        low = max(0, position - HEDGE_WINDOW)
        expected = hedge_pattern().search(text, low, position)
        found = hedge_match(text, position)
        assert (found and found.span()) == (expected and expected.span()), (text, position)


@given(
    st.text(alphabet="aAkK\u212aıİßẞ ?đĐư-é1", max_size=30),
    st.sampled_from(["a", "k", "ak", "?", "đ", "ư", "ss", "i"]),
)
def test_word_finder_finds_every_place_a_plain_search_of_the_lowered_text_finds(
    text: str, word: str
) -> None:
    # the ASCII copy that ASCII words are searched in keeps every position
    lowered = text.lower()
    haystack, key = (lowered, word.lower()) if len(lowered) == len(text) else (text, word)
    expected = [i for i in range(len(haystack)) if haystack.startswith(key, i)]
    assert WordFinder(text).starts(word) == expected
