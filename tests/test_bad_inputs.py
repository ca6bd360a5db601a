"""The bad-input corpus: each case in tests/bad_inputs/ breaks a copy of the mini package.

Every case runs ``python -m checks.cli check PKG --out OUT`` in a subprocess and asserts
the exit code, the exact message (exit 2: the one stderr line; exit 0/1: the findings of
the schema and citation checks), no traceback, the package byte-identical afterwards and
nothing written outside OUT. See tests/bad_inputs/README.md for the case format.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from tests.cli_run import Sandbox

HERE = Path(__file__).parent
CORPUS = HERE / "bad_inputs"
MINI = HERE / "fixtures" / "mini"
SCOPE = ("schema", "citation")  # the checks whose findings a case pins (default)
_PLACEHOLDER = re.compile(r"\{(repeat|sha256|nfc-find|nfc-end):([^{}]*)\}")


def cases() -> list[Path]:
    return sorted(p for p in CORPUS.iterdir() if (p / "case.toml").is_file())


def case_params() -> list[Any]:
    """One parameter per case; a case with ``xfail = "why"`` is a known bug, strictly."""
    params = []
    for folder in cases():
        reason = load_case(folder).get("xfail")
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(folder, id=folder.name, marks=marks))
    return params


def load_case(folder: Path) -> dict[str, Any]:
    with (folder / "case.toml").open("rb") as fh:
        return tomllib.load(fh)


def expand(text: str, root: Path) -> str:
    """Fill ``{repeat:N:TEXT}``, ``{sha256:FILE}``, ``{nfc-find:FILE:TEXT}``, ``{nfc-end:...}``."""

    def one(match: re.Match[str]) -> str:
        kind, arg = match.groups()
        if kind == "repeat":
            count, _, piece = arg.partition(":")
            return piece * int(count)
        if kind == "sha256":
            return hashlib.sha256((root / arg).read_bytes()).hexdigest()
        file, _, needle = arg.partition(":")
        needle = expand(needle.replace("(", "{").replace(")", "}"), root)
        text = unicodedata.normalize("NFC", (root / file).read_text(encoding="utf-8"))
        at = text.index(unicodedata.normalize("NFC", needle))
        return str(at if kind == "nfc-find" else at + len(needle))

    return _PLACEHOLDER.sub(one, text)


def to_cp1258(text: str) -> bytes:
    """Vietnamese text the way Windows-1258 stores it: base letters plus combining tones."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        decomposed = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in decomposed if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in tones))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def apply_edit(root: Path, edit: dict[str, Any]) -> None:
    path = root / edit["file"]
    if "copy_from" in edit:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / edit["copy_from"], path)
    if "replace" in edit:
        text = path.read_text(encoding="utf-8")
        old = expand(edit["replace"], root)
        assert text.count(old) == 1, f"{edit['file']}: {old!r} occurs {text.count(old)} times"
        path.write_text(text.replace(old, expand(edit["with"], root)), encoding="utf-8")
    if "write" in edit:
        path.write_bytes(expand(edit["write"], root).encode("utf-8"))
    if "append" in edit:
        with path.open("ab") as fh:
            fh.write(expand(edit["append"], root).encode("utf-8"))
    if "normalize" in edit:
        text = path.read_text(encoding="utf-8")
        path.write_text(unicodedata.normalize(edit["normalize"], text), encoding="utf-8")
    if "encode" in edit:
        text = path.read_text(encoding="utf-8")
        codec = edit["encode"]
        path.write_bytes(to_cp1258(text) if codec == "cp1258" else text.encode(codec))
    if edit.get("line_ends") == "crlf":
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    if edit.get("prepend_bom"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    if edit.get("delete"):
        path.unlink()
    if "symlink" in edit:
        path.unlink(missing_ok=True)
        path.symlink_to(edit["symlink"])
    if edit.get("mkfifo"):
        path.unlink(missing_ok=True)
        os.mkfifo(path)


def scoped_findings(out: Path, scope: tuple[str, ...] = SCOPE) -> list[dict[str, Any]]:
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return sorted(
        (
            {
                "check": f["check"],
                "code": f["code"],
                "path": f["path"],
                "line": f["line"],
                "message": f["message"],
            }
            for f in data["findings"]
            if f["check"] in scope
        ),
        key=lambda f: (f["path"] or "", f["line"] or 0, f["code"], f["message"]),
    )


@pytest.mark.parametrize("folder", case_params())
def test_bad_input_case(folder: Path, tmp_path: Path) -> None:
    case = load_case(folder)
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg, symlinks=True)
    for edit in case.get("edit", []):
        apply_edit(box.pkg, edit)
    expect = case["expect"]
    env = {k: expand(v, box.pkg) for k, v in case.get("env", {}).items()}

    outcome = box.run("check", str(box.pkg), "--out", str(box.out), env=env)

    outcome.assert_clean()
    assert outcome.returncode == expect["exit"], outcome.stderr
    if expect["exit"] == 2:
        message = expand(expect["stderr"], box.pkg).replace("{root}", str(box.pkg))
        assert outcome.stderr.splitlines() == [message]
        if not expect.get("reports", False):
            assert not box.out.exists(), "nothing is written when the input cannot be read"
            return
        # a row that cannot be read: reported with the findings of the checks that ran
        data = json.loads((box.out / "findings.json").read_text(encoding="utf-8"))
        unreadable = [f for f in data["findings"] if f["code"] == "row-unreadable"]
        assert [
            f"claimledger: error: {f['path']}:{f['line']}: {f['message']}" for f in unreadable
        ] == [message]
        return
    assert outcome.stderr == ""
    got = scoped_findings(box.out, tuple(expect.get("scope", SCOPE)))
    expected = []
    for finding in expect["findings"]:
        finding = {"path": None, "line": None, **finding}
        if "message_prefix" in finding:  # for a message whose wording is not pinned yet
            prefix = expand(finding.pop("message_prefix"), box.pkg)
            same = [g for g in got if (g["code"], g["line"]) == (finding["code"], finding["line"])]
            finding["message"] = same[0]["message"] if same else ""
            assert finding["message"].startswith(prefix), (finding["message"], prefix)
        finding["message"] = expand(finding["message"], box.pkg)
        expected.append(finding)
    assert got == sorted(
        expected, key=lambda f: (f["path"] or "", f["line"] or 0, f["code"], f["message"])
    )


def test_corpus_covers_every_kind_of_bad_input_the_issue_lists() -> None:
    names = {p.name for p in cases()}
    required = {
        "descriptor-missing",
        "descriptor-invalid-json",
        "path-absolute",
        "path-dotdot",
        "path-symlink-outside",
        "path-url",
        "csv-bom",
        "csv-crlf",
        "csv-quoted-newlines",
        "csv-ragged-row-short",
        "csv-unterminated-quote",
        "csv-empty",
        "csv-header-only",
        "csv-windows-1258",
        "csv-latin-1",
        "source-windows-1258",
        "source-latin-1",
        "claims-nfd",
        "source-nfd",
        "value-nan",
        "value-inf",
        "value-negative-zero",
        "value-1e309",
        "value-10000-digits",
        "start-10000-digits",
        "end-10000-digits",
        "as-written-10000-digits",
        "offsets-negative",
        "offsets-reversed",
        "offsets-past-end",
        "duplicate-primary-key",
        "dangling-foreign-key",
        "rule-cycle",
        "rule-self-reference",
        "rule-unknown-indicator",
        "rule-calls-import",
        "rule-calls-open",
        "rule-attribute-access",
    }
    assert required <= names, sorted(required - names)


# --- A 500 MB source: streamed hashing, bounded memory -------------------------------

BIG = 500 * 1024 * 1024
RSS_BOUND_KB = 250 * 1024  # half the file: the file is never held in memory


def _add_sparse_source(pkg: Path) -> str:
    """A 500 MB source of NUL bytes (valid UTF-8), created sparse; returns its sha256."""
    big = pkg / "sources" / "huge.txt"
    with big.open("wb") as fh:
        fh.truncate(BIG)
    digest = hashlib.sha256()
    with big.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    with (pkg / "datapackage" / "sources.csv").open("a", encoding="utf-8") as fh:
        fh.write(f"huge,Huge archive,,,,vi,news,sources/huge.txt,{digest.hexdigest()},,\n")
    return digest.hexdigest()


@pytest.mark.slow
def test_500_mb_source_is_hashed_in_bounded_memory_when_no_claim_quotes_it(
    tmp_path: Path,
) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    _add_sparse_source(box.pkg)

    outcome = box.run("check", str(box.pkg), "--out", str(box.out), measure_rss=True)

    outcome.assert_clean()
    assert outcome.returncode == 0, outcome.stderr
    assert [f for f in scoped_findings(box.out) if f["check"] == "citation"] == []
    assert outcome.max_rss_kb is not None
    assert outcome.max_rss_kb < RSS_BOUND_KB, f"peak RSS {outcome.max_rss_kb} kB"


@pytest.mark.slow
def test_500_mb_source_quoted_by_a_claim_is_refused_above_the_size_limit(
    tmp_path: Path,
) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    _add_sparse_source(box.pkg)
    with (box.pkg / "datapackage" / "claims.csv").open("a", encoding="utf-8") as fh:
        fh.write("huge-event,huge,x,0,1,,,AAA,population,,,exact,2024-01-01,2024-01-01,,\n")

    outcome = box.run("check", str(box.pkg), "--out", str(box.out), measure_rss=True)

    outcome.assert_clean()
    assert outcome.returncode == 2
    assert outcome.stderr.splitlines() == [
        "claimledger: error: sources/huge.txt: source is 524,288,000 bytes, above the "
        "33,554,432-byte limit for reading quotes (set CLAIMLEDGER_MAX_SOURCE_BYTES to "
        "raise it) (expected a source of at most 33,554,432 bytes)"
    ]
    assert outcome.max_rss_kb is not None
    assert outcome.max_rss_kb < RSS_BOUND_KB, f"peak RSS {outcome.max_rss_kb} kB"


# --- Outputs: atomic, and only in the chosen folder ------------------------------------

KILL_AT = """
import os, signal, sys
import checks.io
target = sys.argv.pop(1)
real = getattr(os, target)
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
setattr(os, target, die)
from checks.cli import main
sys.argv[0] = "claimledger"
main()
"""


@pytest.mark.parametrize("moment", ["fsync", "replace"])
def test_run_killed_while_writing_reports_leaves_the_previous_reports_intact(
    tmp_path: Path, moment: str
) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    first = box.run("check", str(box.pkg), "--out", str(box.out))
    assert first.returncode == 0, first.stderr
    previous = {p.name: p.read_bytes() for p in box.out.iterdir()}
    assert "findings.json" in previous
    # The next run would report a finding, so its reports differ from the previous ones.
    claims = box.pkg / "datapackage" / "claims.csv"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace(",AAA,population,", ",AAA,nowhere,"),
        encoding="utf-8",
    )

    killed = box.run("check", str(box.pkg), "--out", str(box.out), python=("-c", KILL_AT, moment))

    assert killed.returncode == -9  # SIGKILL, mid-write
    assert killed.changed_outside_out == []
    reports = {p.name: p.read_bytes() for p in box.out.iterdir() if not p.name.startswith(".")}
    assert reports == previous
    leftovers = [p.name for p in box.out.iterdir() if p.name.startswith(".")]
    assert all(name.startswith(".findings.") and name.endswith(".tmp") for name in leftovers)
    again = box.run("check", str(box.pkg), "--out", str(box.out))
    assert again.returncode == 1
    assert (box.out / "findings.json").read_bytes() != previous["findings.json"]


def test_failed_rename_removes_the_temporary_file_and_keeps_the_old_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from checks import io as checks_io
    from checks.model.errors import InputError

    target = tmp_path / "findings.json"
    target.write_bytes(b"old\n")

    def refuse(src: object, dst: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(checks_io.os, "replace", refuse)
    with pytest.raises(InputError) as caught:
        checks_io.atomic_write_text(target, "new\n")
    assert str(caught.value) == (
        f"{target}: cannot write: Permission denied (expected a writable output folder)"
    )
    assert target.read_bytes() == b"old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.json"]


def test_writing_several_files_renames_none_if_one_cannot_be_written(tmp_path: Path) -> None:
    from checks.io import atomic_write_files
    from checks.model.errors import InputError

    (tmp_path / "a.md").write_text("old a\n", encoding="utf-8")
    (tmp_path / "blocker").write_text("a file where a folder should be\n", encoding="utf-8")
    with pytest.raises(InputError, match="cannot write"):
        atomic_write_files({tmp_path / "a.md": "new a\n", tmp_path / "blocker" / "b.md": "b\n"})
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "old a\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "blocker"]


def test_new_reports_get_ordinary_permissions_not_the_temporary_files_0600(
    tmp_path: Path,
) -> None:
    from checks.io import atomic_write_text

    umask = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "r.md", "x\n")
    finally:
        os.umask(umask)
    assert (tmp_path / "r.md").stat().st_mode & 0o777 == 0o644


def test_output_folder_that_is_a_file_is_an_input_error_and_the_file_is_kept(
    tmp_path: Path,
) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    blocker = tmp_path / "cwd" / "out.txt"
    box.prepare()
    blocker.write_text("not a folder\n", encoding="utf-8")

    outcome = box.run("check", str(box.pkg), "--out", str(blocker))

    assert "Traceback" not in outcome.stderr
    assert outcome.returncode == 2
    assert outcome.stderr.splitlines() == [
        f"claimledger: error: {blocker}/findings.json: cannot write: File exists "
        "(expected a writable output folder)"
    ]
    assert outcome.changed_outside_out == []


def test_default_run_writes_only_into_reports_beside_the_descriptor(tmp_path: Path) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    reports = box.pkg / "reports"

    outcome = box.run("check", str(box.pkg), out=reports)

    outcome.assert_clean()
    assert outcome.returncode == 0, outcome.stderr
    assert (reports / "findings.json").is_file()


def test_debug_flag_shows_the_traceback_that_is_otherwise_hidden(tmp_path: Path) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    (box.pkg / "datapackage.json").write_text("[]\n", encoding="utf-8")

    plain = box.run("check", str(box.pkg), "--out", str(box.out))
    debug = box.run("check", str(box.pkg), "--out", str(box.out), "--debug")

    assert plain.returncode == 2 and "Traceback" not in plain.stderr
    assert debug.returncode != 0
    assert "Traceback (most recent call last)" in debug.stderr
    assert "InputError: datapackage.json: package descriptor is a JSON list" in debug.stderr


# --- The loader's pieces, in process -------------------------------------------------


def test_encoding_guess_tells_vietnamese_windows_1258_from_latin_1() -> None:
    from checks.model.csvfile import describe_encoding

    assert describe_encoding(to_cp1258("Người dùng Internet tại Việt Nam")) == (
        "Windows-1258 (Vietnamese)"
    )
    assert describe_encoding("Population résidente, façade".encode("latin-1")) == (
        "Latin-1 (ISO-8859-1)"
    )
    assert describe_encoding("“curly” – Windows".encode("cp1252")) == "Windows-1252"


def test_cells_are_read_as_nfc_so_a_decomposed_quote_equals_the_source_text(
    mini: Path,
) -> None:
    from checks import load_package

    claims = mini / "datapackage" / "claims.csv"
    nfc = load_package(mini).table("claims")["quote"].tolist()
    claims.write_text(
        unicodedata.normalize("NFD", claims.read_text(encoding="utf-8")), encoding="utf-8"
    )
    assert load_package(mini).table("claims")["quote"].tolist() == nfc
    assert all(unicodedata.is_normalized("NFC", q) for q in nfc)


def test_header_only_table_is_empty_with_the_schema_columns(mini: Path) -> None:
    from checks import load_package

    claims = mini / "datapackage" / "claims.csv"
    header = claims.read_text(encoding="utf-8").splitlines()[0]
    claims.write_text(header, encoding="utf-8")
    frame = load_package(mini).table("claims")
    assert frame.shape == (0, 16)
    assert list(frame.columns) == header.split(",")


def test_physical_lines_count_lf_and_crlf_inside_quoted_cells(tmp_path: Path) -> None:
    from checks.model.csvfile import read_csv_table

    path = tmp_path / "t.csv"
    path.write_bytes(b'id,note\r\na,"one\r\ntwo\nthree"\r\n\r\nb,x\r\nc,"y"\r\n')
    table = read_csv_table(path, display="t.csv", columns=["id", "note"])
    assert table.frame["id"].tolist() == ["a", "b", "c"]
    assert table.frame["note"].tolist() == ["one\r\ntwo\nthree", "x", "y"]
    assert table.lines == [2, 6, 7]


def test_eighteen_digit_integers_keep_every_digit(mini: Path) -> None:
    from checks import load_package
    from checks.ledger.ledger import ledger

    claims = mini / "datapackage" / "claims.csv"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace(",25,90,", ",999999999999999999,90,"),
        encoding="utf-8",
    )
    start = ledger(load_package(mini)).typed("claims")["start"]
    assert start.iloc[0] == 999_999_999_999_999_999
    assert str(start.dtype) == "Int64"


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ({"fields": []}, "s.json: column fields: table schema has no fields"),
        ({"fields": [{"name": "a"}, {"name": "a"}]}, "s.json: column fields[1].name: field"),
        (
            {"fields": [{"name": "a", "constraints": {"enum": "x"}}]},
            "s.json: column fields[0].constraints.enum: enum is not a list",
        ),
        (
            {"fields": [{"name": "a", "type": "number", "constraints": {"minimum": "zero"}}]},
            "s.json: column fields[0].constraints.minimum: minimum is 'zero'",
        ),
        (
            {"fields": [{"name": "a", "type": "integer", "constraints": {"maximum": 10**400}}]},
            "s.json: column fields[0].constraints.maximum: maximum is 1000",
        ),
        (
            {"fields": [{"name": "a"}], "foreignKeys": [{"fields": "a"}]},
            "s.json: column foreignKeys[0]: foreign key without a reference",
        ),
        (
            {
                "fields": [{"name": "a"}],
                "foreignKeys": [{"fields": "a", "reference": {"resource": "r", "fields": []}}],
            },
            "s.json: column foreignKeys[0].reference: malformed reference",
        ),
    ],
)
def test_malformed_table_schema_is_refused_with_its_location(
    schema: dict[str, Any], message: str
) -> None:
    from checks.model.errors import InputError
    from checks.model.tableschema import check_table_schema

    with pytest.raises(InputError) as caught:
        check_table_schema(schema, path="s.json")
    assert str(caught.value).startswith(message)


def test_streamed_hash_accepts_a_character_split_across_read_chunks(tmp_path: Path) -> None:
    from checks.model.sourcetext import hash_source

    # "ệ" is 3 bytes in UTF-8; put its first byte at the last position of the first MiB.
    data = b"a" * ((1 << 20) - 1) + "ệ".encode() + b"\nend\n"
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    source = hash_source(path, display="s.txt", max_bytes=len(data))
    assert source.sha256 == hashlib.sha256(data).hexdigest()
    assert source.byte_count == len(data)
    assert "text" not in source.__dict__  # hashed, not yet decoded
    assert source.text.endswith("ệ\nend\n")


def test_streamed_hash_names_the_line_and_offset_of_a_bad_byte_in_a_later_chunk(
    tmp_path: Path,
) -> None:
    from checks.model.errors import InputError
    from checks.model.sourcetext import hash_source

    data = b"line\n" * 300_000 + "Đà Nẵng".encode()[:1] + b"x\n"
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        hash_source(path, display="s.txt", max_bytes=1 << 30)
    assert caught.value.line == 300_001
    assert str(caught.value).startswith("s.txt:300001: not UTF-8 (byte 0xc4 at offset 1500000)")


def test_source_cut_inside_a_multibyte_character_is_not_utf8(tmp_path: Path) -> None:
    from checks.model.errors import InputError
    from checks.model.sourcetext import hash_source

    path = tmp_path / "s.txt"
    path.write_bytes("Việt".encode()[:-2])
    with pytest.raises(InputError, match="ends inside a multi-byte character"):
        hash_source(path, display="s.txt", max_bytes=100)


def test_bad_byte_right_after_a_chunk_boundary_is_located_exactly(tmp_path: Path) -> None:
    from checks.model.errors import InputError
    from checks.model.sourcetext import hash_source

    # A 2-byte lead at the end of the first MiB, an invalid continuation after it.
    data = b"a\n" * ((1 << 19) - 1) + b"a" + b"\xc4" + b"x\n"
    path = tmp_path / "s.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        hash_source(path, display="s.txt", max_bytes=1 << 30)
    assert str(caught.value).startswith(f"s.txt:{1 << 19}: not UTF-8 (byte 0xc4 at offset 1048575)")


def test_terminal_that_cannot_encode_vietnamese_gets_escapes_not_a_crash(tmp_path: Path) -> None:
    box = Sandbox(tmp_path)
    shutil.copytree(MINI, box.pkg)
    claims = box.pkg / "datapackage" / "claims.csv"
    claims.write_text(
        claims.read_text(encoding="utf-8").replace(",AAA,population,", ",AAA,dân-số,"),
        encoding="utf-8",
    )

    outcome = box.run(
        "check", str(box.pkg), "--out", str(box.out), env={"PYTHONIOENCODING": "ascii"}
    )

    outcome.assert_clean()
    assert outcome.returncode == 1, outcome.stderr
    assert "'d\\xe2n-s\\u1ed1' is not a indicator_id in indicators" in outcome.stdout


@pytest.mark.parametrize(
    ("error", "code", "stderr"),
    [
        (
            "input",
            2,
            "claimledger: error: a.csv:3: column x: bad\\x0a::error::y (expected z)\n",
        ),
        (
            "bug",
            3,
            "claimledger: internal error: ValueError: boom\\x1b[2J (this is a bug; rerun "
            "with --debug for the traceback)\n",
        ),
        ("interrupt", 130, ""),
        ("pipe", 141, ""),
    ],
)
def test_guarded_turns_each_kind_of_error_into_its_exit_code_and_one_inert_line(
    error: str, code: int, stderr: str, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    import importlib

    import typer

    from checks.model.errors import InputError

    cli_app = importlib.import_module("checks.cli.app")  # the package exports the Typer `app`

    monkeypatch.setattr(cli_app, "_silence_stdout", lambda: None)
    raised: dict[str, BaseException] = {
        "input": InputError("bad\n::error::y", path="a.csv", line=3, column="x", expected="z"),
        "bug": ValueError("boom\x1b[2J"),
        "interrupt": KeyboardInterrupt(),
        "pipe": BrokenPipeError(),
    }

    @cli_app.guarded
    def command(debug: bool = False) -> None:
        raise raised[error]

    with pytest.raises(typer.Exit) as caught:
        command(debug=False)
    assert caught.value.exit_code == code
    assert capsys.readouterr().err == stderr
