"""publish carries no live address and no markup out of the package, and prints data inert
(issue 20, defects 11-13): only http(s) URLs leave the package; claimreview.jsonld can be
pasted into a <script> element; the terminal sees no escape code and no new line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checks.model.errors import InputError
from checks.weburl import is_web_url
from tests.helpers import edit_row
from tests.publish_support import CLAIMREVIEW, METADATA, publish_copy

HOSTILE = "</script><script>alert(1)</script> & <!--"


def _descriptor(root: Path) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((root / "datapackage.json").read_text("utf-8"))
    return loaded


def _write_descriptor(root: Path, descriptor: dict[str, object]) -> None:
    (root / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(document.domain)", "JavaScript:x", "data:text/html,<b>", "vbscript:x"],
)
def test_a_licence_address_that_is_not_a_web_url_is_refused(
    mini: Path, tmp_path: Path, address: str
) -> None:
    descriptor = _descriptor(mini)
    descriptor["licenses"] = [{"name": "CC-BY-4.0", "path": address, "title": "CC BY"}]
    _write_descriptor(mini, descriptor)

    with pytest.raises(InputError) as caught:
        publish_copy(mini, tmp_path / "out")

    assert str(caught.value) == (
        f"datapackage.json: column licenses[0].path: address {address!r} is not a web URL "
        "(expected an absolute http:// or https:// URL or a path inside the package)"
    )
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "table, key", [("verdicts", "city-penetration"), ("sources", "test-article")]
)
def test_a_url_cell_that_is_not_a_web_url_is_refused_at_its_row(
    mini: Path, tmp_path: Path, table: str, key: str
) -> None:
    column = "claim_id" if table == "verdicts" else "source_id"
    edit_row(mini / f"datapackage/{table}.csv", column, key, url="javascript:alert(1)")

    with pytest.raises(InputError) as caught:
        publish_copy(mini, tmp_path / "out")

    assert str(caught.value) == (
        f"datapackage/{table}.csv:2: row 1: column url: address 'javascript:alert(1)' is not "
        "a web URL (expected an absolute http:// or https:// URL, or an empty cell)"
    )


def test_claimreview_escapes_markup_so_it_can_sit_inside_a_script_element(
    mini: Path, tmp_path: Path
) -> None:
    url = "https://example.org/a?b=1&c=2"
    verdicts = mini / "datapackage/verdicts.csv"
    edit_row(
        verdicts, "claim_id", "city-penetration", explanation=HOSTILE, reviewer=HOSTILE, url=url
    )

    publication = publish_copy(mini, tmp_path / "out")

    text = publication.files[CLAIMREVIEW].read_text(encoding="utf-8")
    assert not {"<", ">", "&"} & set(text)
    assert "\\u003c/script\\u003e" in text
    document = json.loads(text)
    (review,) = [r for r in document["@graph"] if r["reviewBody"] == HOSTILE]
    assert review["author"]["name"] == HOSTILE
    assert review["url"] == url


def test_datasette_metadata_links_only_web_addresses(mini: Path, tmp_path: Path) -> None:
    descriptor = _descriptor(mini)
    descriptor["licenses"] = [{"name": "local", "path": "LICENSE.txt"}]
    descriptor["sources"] = [{"title": "Notes", "path": "notes/archive.txt"}]
    _write_descriptor(mini, descriptor)

    publication = publish_copy(mini, tmp_path / "out")

    metadata = json.loads(publication.files[METADATA].read_text(encoding="utf-8"))
    assert metadata["license"] == "local"
    assert "license_url" not in metadata and "source_url" not in metadata


def test_web_url_accepts_only_absolute_http_addresses_with_a_host() -> None:
    good = ["https://example.org", "http://a.b/c?d=e&f=g#h", "HTTPS://EXAMPLE.ORG/x"]
    bad = ["javascript:alert(1)", "https://", "http:///x", "https://a b", "//example.org",
           "https://x.org/\x1b[2J", "ftp://example.org", "https://a.org\n::error::x"]  # fmt: skip
    assert [is_web_url(u) for u in good] == [True] * len(good)
    assert [is_web_url(u) for u in bad] == [False] * len(bad)


def test_publish_prints_the_package_name_and_verdict_ids_inert(mini: Path, tmp_path: Path) -> None:
    descriptor = _descriptor(mini)
    descriptor["name"] = "mini\x1b[2J\n::error::pwned"
    _write_descriptor(mini, descriptor)
    edit_row(mini / "datapackage/verdicts.csv", "claim_id", "city-penetration",
             claim_id="ghost\r\n::warning::x\x1b]8;;")  # fmt: skip

    proc = subprocess.run(
        [sys.executable, "-m", "checks.cli", "publish", str(mini), "--out", str(tmp_path / "o"),
         "--allow-errors"],
        capture_output=True, text=True, check=False, cwd=tmp_path,
        env={"NO_COLOR": "1", "PATH": str(Path(sys.executable).parent)},
    )  # fmt: skip

    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, proc.stderr
    assert "\x1b" not in output and "\r" not in output
    assert not [line for line in output.splitlines() if line.startswith("::")]
    assert "published mini\\x1b[2J\\x0a::error::pwned 0.1.0" in proc.stdout
    assert (
        "skipped the verdict on ghost\\x0d\\x0a::warning::x\\x1b]8;;: no such claim" in proc.stdout
    )


@pytest.mark.parametrize("digits", [23, 5000])
def test_an_integer_sqlite_cannot_hold_is_published_as_written(
    mini: Path, tmp_path: Path, digits: int
) -> None:
    """body_end of 23 digits used to stop publish --allow-errors with an OverflowError."""
    import sqlite3

    from tests.publish_support import DB

    huge = "9" * digits
    edit_row(mini / "datapackage/sources.csv", "source_id", "test-article", body_end=huge)

    publication = publish_copy(mini, tmp_path / "out", allow_errors=True)

    with sqlite3.connect(publication.files[DB]) as db:
        (cell,) = db.execute("select body_end from sources where source_id = 'test-article'")
    # kept as written; SQLite's INTEGER affinity may store the text as its REAL value
    assert float(cell[0]) == float(huge)


@pytest.mark.parametrize("licences", [-1, "CC-BY-4.0", {"name": "x"}, [1]])
def test_licences_that_are_not_a_list_of_objects_are_refused_not_a_crash(
    mini: Path, tmp_path: Path, licences: object
) -> None:
    """Found by fuzz/packages.py (seed 20241225, index 1050): ``licenses: -1`` was a
    TypeError in the Datasette metadata."""
    descriptor = _descriptor(mini)
    descriptor["licenses"] = licences
    _write_descriptor(mini, descriptor)

    with pytest.raises(InputError, match="column licenses: the package has no licence"):
        publish_copy(mini, tmp_path / "out", allow_errors=True)
