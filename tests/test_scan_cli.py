"""``claimledger scan``: plain, JSON and draft output; clean errors with exit code 2."""

from __future__ import annotations

import csv
import json
import unicodedata
from pathlib import Path

from typer.testing import CliRunner

from checks.cli import app

runner = CliRunner()


def scan(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["scan", *args])
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_output_is_a_tab_separated_table_with_a_header(tmp_path: Path) -> None:
    path = write(tmp_path / "bai.txt", "Chiều 24/12, đã ghi nhận gần 16.000 phản ánh.\n")
    code, out, err = scan(str(path))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "start\tend\tkind\tas_written\treading\tqualifier\tunit\tnoun\tquote",
        "6\t11\tdate\t24/12\t--12-24\texact\t\t\tChiều 24/12",
        "25\t35\tquantity\tgần 16.000\t[14,400, 16,000]\tnearly\treport\tphản ánh"
        "\tđã ghi nhận gần 16.000 phản ánh",
    ]


def test_json_output_lists_every_mention(tmp_path: Path) -> None:
    path = write(tmp_path / "en.txt", "reaching $10.5 trillion USD annually by 2025")
    code, out, _ = scan(str(path), "--json")
    document = json.loads(out)
    assert code == 0
    assert (document["source_id"], document["language"], document["body_end"]) == ("en", "en", None)
    assert [
        (m["as_written"], m["kind"], m["unit"], m["interval"]) for m in document["mentions"]
    ] == [
        ("$10.5 trillion USD", "quantity", "USD", [10.45e12, 10.55e12]),
        ("2025", "date", None, None),
    ]


def test_decomposed_file_is_scanned_at_nfc_offsets(tmp_path: Path) -> None:
    nfc = "Dân số đạt 100,3 triệu người."
    path = write(tmp_path / "nfd.txt", unicodedata.normalize("NFD", nfc))
    document = json.loads(scan(str(path), "--json")[1])
    (mention,) = document["mentions"]
    assert (mention["start"], mention["as_written"]) == (11, "100,3 triệu")
    assert nfc[mention["start"] : mention["end"]] == "100,3 triệu"


def test_source_id_uses_the_package_row_and_stops_at_body_end(mini: Path) -> None:
    sources = mini / "datapackage/sources.csv"
    rows = list(csv.DictReader(sources.open(encoding="utf-8")))
    rows[0]["body_end"] = "117"
    with sources.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    body = json.loads(scan("test-article", "--package", str(mini), "--json")[1])
    whole = json.loads(scan("test-article", "--package", str(mini), "--json", "--whole-text")[1])
    assert (body["source"], body["language"], body["scanned_characters"]) == (
        "sources/test-article.txt",
        "vi",
        117,
    )
    assert [m["as_written"] for m in body["mentions"]] == ["1,25 triệu", "năm 2024", "50,5%"]
    assert [m["as_written"] for m in whole["mentions"]][3:] == [
        "năm 2023",
        "gần 2.000",
        "300 tỷ đồng",
    ]


def test_archived_file_path_is_treated_as_its_source(mini: Path) -> None:
    document = json.loads(scan(str(mini / "sources/test-article.txt"), "--json")[1])
    assert (document["source_id"], document["source"]) == (
        "test-article",
        "sources/test-article.txt",
    )


def test_draft_is_written_and_announced_on_stderr(mini: Path, tmp_path: Path) -> None:
    out = tmp_path / "draft.csv"
    code, _, err = scan("test-reference", "--package", str(mini), "--draft", str(out))
    assert code == 0
    assert err.strip() == f"wrote 1 draft claim row(s) to {out}"
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    # 'đầu năm 2024' only fixes the period of the number: no event row of its own
    assert [(r["claim_id"], r["as_written"], r["value"], r["unit"]) for r in rows] == [
        ("test-reference-001", "2,5 triệu", "2500000", "person"),
    ]
    assert rows[0]["period_start"] == rows[0]["period_end"] != ""


def test_draft_inside_the_package_is_refused_before_scanning(mini: Path) -> None:
    claims = mini / "datapackage/claims.csv"
    before = claims.read_bytes()
    code, out, err = scan("test-article", "--package", str(mini), "--draft", str(claims))
    assert (code, out) == (2, "")
    assert err.strip().endswith(
        "datapackage/claims.csv: refusing to overwrite a file of the package "
        "(expected a path outside the package's data)"
    )
    assert claims.read_bytes() == before
    code, out, err = scan(
        "test-article", "--package", str(mini), "--draft", str(mini / "sources/d.csv")
    )
    assert (code, out) == (2, "")
    assert "refusing to write a draft inside the package's sources/ folder" in err
    assert "Traceback" not in err
    assert not (mini / "sources/d.csv").exists()


def test_unknown_source_id_names_the_known_ones(mini: Path) -> None:
    code, _, err = scan("no-such-source", "--package", str(mini))
    assert code == 2
    assert err.strip() == (
        "claimledger: error: no-such-source: column SOURCE: 'no-such-source' is neither a file "
        "nor a source_id of package 'mini' (expected a text file or one of: test-article, "
        "test-reference)"
    )


def test_unreadable_inputs_exit_2_without_a_traceback(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Dân số đạt 100,3 triệu người".encode("windows-1258", errors="replace"))
    code, _, err = scan(str(legacy))
    assert code == 2
    assert err.startswith(f"claimledger: error: {legacy}:1: not UTF-8")
    code, _, err = scan(str(tmp_path))
    assert (code, err.strip()) == (
        2,
        f"claimledger: error: {tmp_path}: column --out: is a folder: its mentions go to a "
        "Parquet table (expected --out FOLDER, or a text file or a source_id)",
    )


def test_language_option_overrides_the_guess(tmp_path: Path) -> None:
    path = write(tmp_path / "x.txt", "price 24,426")
    vi = json.loads(scan(str(path), "--json", "--language", "vi")[1])
    en = json.loads(scan(str(path), "--json", "--language", "en")[1])
    assert (vi["mentions"][0]["value"], en["mentions"][0]["value"]) == (24.426, 24426.0)
