"""Random input never crashes the parsers: only their documented error types come out.

- ``parse_number`` raises only :class:`NumberParseError`; what it accepts is finite and
  inside its own printed interval.
- The package loader (descriptor, table schemas, CSV files) raises only
  :class:`InputError`; a CSV it accepts has one start line per row, in order.
- ``checks.rules.parse_expression`` raises only :class:`RuleSyntaxError`, and nothing in
  the rule language can reach Python: no names, attributes, strings or calls beyond its
  own function table.
- Any claims table the loader accepts can be checked without an exception.
- A whole package with mutated descriptor, schemas, rows, rules or sources ends in a
  check or an exit-2 error, never a crash (a bounded run of ``fuzz/packages.py``).

The long fuzz runs are ``fuzz/fuzz_parse_number.py`` (100,000+ inputs of the number
parser) and ``fuzz/packages.py --count 10000`` (whole packages).
"""

from __future__ import annotations

import json
import math
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.model.errors import InputError
from checks.model.package import load_package
from checks.model.tableschema import check_table_schema
from checks.numbers.interval import Interval, IntervalError
from checks.numbers.parse import NumberParseError, parse_number
from checks.numbers.tables import qualifier_phrases, scale_words, unit_tokens
from checks.rules import RuleSyntaxError, parse_expression

MINI = Path(__file__).parent / "fixtures" / "mini"
FUZZ = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)  # fmt: skip

VOCABULARY = sorted(
    {p.phrase for p in qualifier_phrases()}
    | {s.word for s in scale_words()}
    | {t.token for t in unit_tokens()}
)
NUMBER_PIECES = st.one_of(
    st.sampled_from(VOCABULARY),
    st.sampled_from([*"0123456789.,-+ %$", "\u2212", "\u00a0", "\u202f", "\u0301", "\x00"]),
    st.text(max_size=3),
)
number_text = st.one_of(st.text(), st.lists(NUMBER_PIECES, max_size=12).map("".join))


@contextmanager
def package_copy() -> Iterator[Path]:
    """A writable copy of the mini package, reused across the examples of one test."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "mini"
        shutil.copytree(MINI, root)
        yield root


# --- The number parser ---------------------------------------------------------------


@FUZZ
@given(text=number_text, locale=st.sampled_from(["vi", "en", "auto"]))
def test_parse_number_raises_only_number_parse_error(text: str, locale: str) -> None:
    try:
        parsed = parse_number(text, locale=locale)
    except NumberParseError as exc:
        assert exc.text in (text, repr(text))
        return
    assert math.isfinite(parsed.value)
    assert parsed.printed.contains(parsed.value)
    assert parsed.interval.lo <= parsed.interval.hi


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("9" * 10_000, "more than 40 digits"),
        ("NaN", "no digits where a number was expected"),
        ("inf", "no digits where a number was expected"),
        ("1e309", "out of the range of a double"),
        ("", "empty string"),
    ],
)
def test_number_parser_refuses_non_numbers_by_name(text: str, reason: str) -> None:
    with pytest.raises(NumberParseError) as caught:
        parse_number(text)
    assert caught.value.reason == reason


def test_numbers_with_29_to_40_digits_parse_exactly_with_grouping() -> None:
    # 40 digits in groups of three: decimal's default 28-digit context used to refuse it.
    parsed = parse_number("1" + ".000" * 13)
    assert parsed.value == 1e39
    assert parsed.printed.contains(1e39)


bounds = st.floats(allow_nan=False) | st.sampled_from([0.0, -0.0, 5e-324, 1e308, -1e308])
intervals = st.tuples(bounds, bounds).map(lambda p: Interval(min(p), max(p)))


@FUZZ
@given(a=intervals, b=intervals)
def test_interval_operations_raise_only_interval_error_and_never_give_nan(
    a: Interval, b: Interval
) -> None:
    for operation in (
        lambda: a + b,
        lambda: a - b,
        lambda: a * b,
        lambda: a / b,
        lambda: a.distance(b),
        lambda: a.relative_gap(b),
        lambda: a.mid,
    ):
        try:
            result = operation()
        except IntervalError:
            continue
        if isinstance(result, float):
            assert not math.isnan(result)
    assert str(a).startswith("[")


# --- The package loader ----------------------------------------------------------------

CLAIMS_HEADER = (
    "claim_id,source_id,quote,start,end,as_written,speaker,subject,indicator_id,value,unit,"
    "qualifier,period_start,period_end,translation_en,note"
)
csv_text = st.text(alphabet=st.sampled_from(list(',"\r\n\x00 abcé\u0301\ufeff9')), max_size=200)


def _check_loaded_table(root: Path) -> None:
    pkg = load_package(root)
    frame = pkg.table("claims")
    resource = pkg.resources["claims"]
    lines = [resource.line_of(row) for row in range(len(frame))]
    assert all(isinstance(line, int) for line in lines)
    assert lines == sorted(set(lines))  # one distinct start line per row, in file order
    assert all(isinstance(cell, str) for column in frame.columns for cell in frame[column])


@FUZZ
@given(data=st.one_of(st.binary(max_size=300), csv_text.map(str.encode)))
def test_csv_loader_raises_only_input_error_on_any_bytes(data: bytes) -> None:
    with package_copy() as root:
        (root / "datapackage" / "claims.csv").write_bytes(CLAIMS_HEADER.encode() + b"\n" + data)
        with suppress(InputError):
            _check_loaded_table(root)


@FUZZ
@given(data=st.binary(max_size=300))
def test_csv_loader_raises_only_input_error_without_a_valid_header(data: bytes) -> None:
    with package_copy() as root:
        (root / "datapackage" / "claims.csv").write_bytes(data)
        with suppress(InputError):
            _check_loaded_table(root)


CSV_PIECES = [",", '"', "\r", "\n", "x", "é", "e\u0301", "Ệ", " ", "\u212b", "\ufeff"]
cell_text = st.lists(st.sampled_from(CSV_PIECES), max_size=6).map("".join)


def _written(rows: list[list[str]], crlf: bool) -> str:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n" if crlf else "\n").writerows(rows)
    return buffer.getvalue()


csv_body = st.one_of(
    st.lists(st.sampled_from(CSV_PIECES), max_size=60).map("".join),
    st.builds(
        _written, st.lists(st.lists(cell_text, min_size=3, max_size=3), max_size=5), st.booleans()
    ),
)
HEADERS = st.sampled_from(["a,b,c", "a,b", 'a,"b",c', "a,a,b", "a,\u212b,b"])


@FUZZ
@given(bom=st.booleans(), header=HEADERS, body=csv_body)
def test_fast_csv_path_agrees_with_the_exact_path_or_steps_aside(
    bom: bool, header: str, body: str
) -> None:
    """Large files may take the pyarrow path: it must never accept what the exact path
    refuses, nor read a different table."""
    from checks.model.csvfile import read_csv_table
    from checks.model.fastcsv import read_fast

    data = ("\ufeff" if bom else "").encode() + (header + "\n" + body).encode()
    fast = read_fast(data, field_limit=1 << 24)
    if fast is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.csv"
        path.write_bytes(data)  # small, so read_csv_table takes the exact path
        exact = read_csv_table(path, display="t.csv", columns=None)
    fast_header, fast_frame, fast_lines = fast
    assert fast_header == list(exact.frame.columns)
    assert fast_frame.values.tolist() == exact.frame.values.tolist()
    assert fast_lines == exact.lines


json_values: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "name",
                    "path",
                    "schema",
                    "resources",
                    "fields",
                    "type",
                    "constraints",
                    "primaryKey",
                    "foreignKeys",
                    "reference",
                    "enum",
                    "pattern",
                    "minimum",
                    "x",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@FUZZ
@given(descriptor=json_values)
def test_descriptor_of_any_json_shape_loads_or_raises_input_error(descriptor: Any) -> None:
    with package_copy() as root:
        (root / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        try:
            pkg = load_package(root)
        except InputError:
            return
        for resource in pkg.resources.values():
            assert all(isinstance(name, str) for name in resource.field_names)


@FUZZ
@given(
    schema=st.dictionaries(st.sampled_from(["fields", "primaryKey", "foreignKeys"]), json_values)
)
def test_table_schema_of_any_json_shape_is_accepted_or_refused_cleanly(
    schema: dict[str, Any],
) -> None:
    try:
        check_table_schema(schema, path="s.json")
    except InputError as exc:
        assert str(exc).startswith("s.json: column ")


# --- The rule expression parser --------------------------------------------------------

RULE_PIECES = st.one_of(
    st.sampled_from(
        [
            "[population]",
            "[internet-users]",
            "[a@previous]",
            "[claim:city-users]",
            "[",
            "]",
            "(",
            ")",
            "+",
            "-",
            "*",
            "/",
            "=",
            "<",
            "<=",
            ">",
            ">=",
            ",",
            "@",
            ":",
            " ",
            "1",
            "2.5",
            "1e309",
            "growth(",
            "cagr(",
            "years(",
            "__import__",
            "open",
            "'os'",
            '"x"',
            ".",
            "__class__",
            "lambda",
            "eval",
            ";",
            "\n",
            "\x00",
            "{{",
            "}}",
        ]
    ),
    st.text(max_size=3),
)
rule_text = st.one_of(st.text(), st.lists(RULE_PIECES, max_size=16).map("".join))


@FUZZ
@given(text=rule_text)
def test_rule_parser_raises_only_rule_syntax_error(text: str) -> None:
    try:
        expression = parse_expression(text, rule_id="fuzz")
    except RuleSyntaxError as exc:
        assert exc.rule_id == "fuzz"
        assert 0 <= exc.position <= len(text)
        return
    shown = str(expression)
    assert "__" not in shown and "'" not in shown and '"' not in shown


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os').system('touch pwned')",
        "open('/etc/passwd')",
        "[population].__class__",
        "eval('1')",
        "lambda: 1",
        "[population]; import os",
        "{{ 7*7 }}",
    ],
)
def test_rule_expression_cannot_reach_python(text: str) -> None:
    with pytest.raises(RuleSyntaxError) as caught:
        parse_expression(text, rule_id="hostile")
    assert caught.value.rule_id == "hostile"
    assert caught.value.column == "expression"


@pytest.mark.parametrize("text", ["(" * 10_000 + "1" + ")" * 10_000, "-" * 10_000 + "1"])
def test_deeply_nested_rule_expression_is_a_syntax_error_not_a_crash(text: str) -> None:
    with pytest.raises(RuleSyntaxError):
        parse_expression(text, rule_id="deep")


# --- Whole checks over loaded data -----------------------------------------------------

CELL = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            "",
            "0",
            "-0",
            "NaN",
            "inf",
            "1e309",
            "9" * 400,
            "-5",
            "2024-02-30",
            "2024-01-01",
            "city-users",
            "test-article",
            "population",
            "person",
            "VND",
            "exact",
            "nearly",
            "AAA",
            "1,25 triệu",
            "gần 2.000",
            "=1+1",
            "\x1b[31m",
            "<script>",
        ]
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(CELL, min_size=16, max_size=16), min_size=1, max_size=4))
def test_every_check_runs_on_any_claims_table_the_loader_accepts(rows: list[list[str]]) -> None:
    import csv
    import io

    from checks.runner import run_checks

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CLAIMS_HEADER.split(","))
    writer.writerows(rows)
    with package_copy() as root:
        (root / "datapackage" / "claims.csv").write_text(buffer.getvalue(), encoding="utf-8")
        try:
            pkg = load_package(root)
            pkg.table("claims")
        except InputError:
            return
        run_checks(pkg)


# --- Whole packages: the bounded version of fuzz/packages.py ---------------------------


def _package_fuzzer() -> Any:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "fuzz" / "packages.py"
    spec = importlib.util.spec_from_file_location("fuzz_packages", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_mutated_whole_packages_end_in_a_check_or_exit_2_never_a_crash(tmp_path: Path) -> None:
    """Twelve mutated packages through check, every report and (a third of them) publish;
    ``python fuzz/packages.py --count 10000`` is the long run (docs/robustness.md)."""
    fuzzer = _package_fuzzer()
    counts = fuzzer.fuzz(12, seed=20, publish_every=3, artifacts=tmp_path)
    assert counts["packages"] == 12
    assert counts["crashes"] == 0, sorted(p.name for p in tmp_path.iterdir())
    assert counts["exit 2"] + counts["ok"] == 12


def test_package_mutations_are_reproducible_from_the_seed_and_index(tmp_path: Path) -> None:
    import random

    fuzzer = _package_fuzzer()
    done = []
    for attempt in ("a", "b"):
        root = tmp_path / attempt
        shutil.copytree(fuzzer.MINI, root)
        done.append(fuzzer.mutate(root, random.Random("20:5")))
    assert done[0] == done[1] and done[0]


@pytest.mark.parametrize("draw", ["20261202:1048", "20261202:4178", "20241225:3111"])
def test_package_mutations_apply_over_earlier_ones_that_cut_rows_or_replace_resources(
    tmp_path: Path, draw: str
) -> None:
    """A cell set in a row an earlier mutation cut short; a resource an earlier mutation
    turned into a plain value: the mutators used to raise here and end the long run."""
    import random

    fuzzer = _package_fuzzer()
    shutil.copytree(fuzzer.MINI, tmp_path / "pkg")
    assert fuzzer.mutate(tmp_path / "pkg", random.Random(draw))
