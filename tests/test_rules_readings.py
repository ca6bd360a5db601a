"""Rules over many claims that read the same: evaluated once per reading, reported once per
group, naming every claim of it (issue 20, defect 1: the bindings used to multiply)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.ledger.ledger import ledger
from checks.model.package import load_package
from checks.rules import bulk
from checks.rules.binding import anchors, bind, comparable
from checks.rules.readings import collapse
from checks.rules.syntax import Ref
from tests.claim_packages import build, claim, codes, findings, rule

IDENTITY = rule(
    "users-identity",
    "identity",
    "[population] = [internet-users] / [internet-penetration]",
    severity="warning",
)
COPIES = 25  # 25³ = 15,625 bindings when every copy is bound with every other


def copies(source: str | None = None) -> list[dict[str, str]]:
    """COPIES claims of users, share and population each; one source, or one source each."""
    rows = []
    for n in range(COPIES):
        article = source or f"article-{n}"
        reference = source or f"ref-{n}"
        rows += [
            claim(f"users-{n}", "internet-users", "78,44 triệu", period="2024-01-01",
                  value="78440000", source_id=article),
            claim(f"share-{n}", "internet-penetration", "79,1%", period="2024-01-01",
                  value="79.1", source_id=article),
            claim(f"pop-{n}", "population", "101,3 triệu", period="2024-01-01",
                  value="101300000", source_id=reference),
        ]  # fmt: skip
    return rows


def test_copies_of_one_reading_in_one_source_give_one_finding_naming_every_copy(
    tmp_path: Path,
) -> None:
    root = build(tmp_path / "p", copies("article"), [IDENTITY])

    (found,) = findings(root, "arithmetic")

    assert found.code == "identity-mismatch"
    assert sorted(found.claim_ids) == sorted(
        f"{name}-{n}" for name in ("users", "share", "pop") for n in range(COPIES)
    )
    assert found.claim_ids[:2] == ("users-0", "users-1")  # located at the first claim
    assert found.message.startswith(
        "users-identity: the population implied by users-0, share-0, [99.096, 99.235] million "
        "person, cannot equal pop-0 '101,3 triệu'"
    )
    assert found.message.endswith(
        f"(also read the same way by {3 * COPIES - 3:,} more claims: users-1, users-2, "
        "users-3, users-4, users-5, …)"
    )


def test_one_figure_quoted_by_many_sources_compares_each_source_once_with_the_reading(
    tmp_path: Path,
) -> None:
    root = build(tmp_path / "p", copies(), [IDENTITY])

    found = findings(root, "arithmetic")

    # one finding per source's own binding (users-n with share-n), each against the one
    # reading of the population that every reference gives
    assert len(found) == COPIES
    pops = {f"pop-{n}" for n in range(COPIES)}
    for n, finding in enumerate(sorted(found, key=lambda f: int(f.claim_ids[0][6:]))):
        assert finding.claim_ids[:2] == (f"users-{n}", f"share-{n}")
        assert set(finding.claim_ids[2:]) == pops


def test_collapse_keeps_one_claim_per_reading_and_source_and_never_a_named_claim(
    tmp_path: Path,
) -> None:
    root = build(tmp_path / "p", copies("article")[:9])
    table = ledger(load_package(root)).claims

    readings = collapse(table, pinned={"pop-2"})

    kept = readings.table.frame["claim_id"].tolist()
    assert kept == ["users-0", "share-0", "pop-0", "pop-2"]
    assert readings.members["users-0"] == ("users-0", "users-1", "users-2")
    assert readings.members["pop-0"] == ("pop-0", "pop-1")
    assert "pop-2" not in readings.members
    assert readings.expand(("share-0", "pop-2")) == ("share-0", "share-1", "share-2", "pop-2")


def test_collapse_returns_the_table_itself_when_no_two_claims_read_the_same(
    tmp_path: Path,
) -> None:
    root = build(tmp_path / "p", copies()[:3])
    table = ledger(load_package(root)).claims
    assert collapse(table).table is table


def test_own_source_bindings_are_those_the_general_path_prefers(tmp_path: Path) -> None:
    """The shortcut through the anchor's source gives exactly the preferred bindings."""
    rows = [
        *copies()[:6],
        claim("share-x", "internet-penetration", "80%", period="2024-01-01", value="80",
              source_id="article-0"),
        claim("users-lone", "internet-users", "78 triệu", period="2024-01-01",
              value="78000000", source_id="lone"),
    ]  # fmt: skip
    table = ledger(load_package(build(tmp_path / "p", rows))).claims
    users = Ref("internet-users", False, None, 0)
    share = Ref("internet-penetration", False, None, 1)
    got = {
        anchor.claim_id: [b.claim_ids for b in bind(table, users, anchor, [share], comparable,
                                                    source_with_anchor=True)]
        for anchor in anchors(table, users)
    }  # fmt: skip
    assert got == {
        "users-0": [("users-0", "share-0"), ("users-0", "share-x")],
        "users-1": [("users-1", "share-1")],
        # no share in its own source: every source's share is bound
        "users-lone": [("users-lone", "share-0"), ("users-lone", "share-1"),
                       ("users-lone", "share-x")],
    }  # fmt: skip


def test_a_ratio_bound_over_many_sources_gives_the_same_findings_bound_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Above MAX_COMBINATIONS the columns step aside and each anchor is bound through its
    own source: the findings are the same, and the cost linear in the claims."""
    bound = rule(
        "per-report", "ratio-bound", "[online-fraud-losses] / [online-fraud-reports]",
        maximum="1000000000", unit="VND/report",
    )  # fmt: skip
    rows = []
    for n in range(30):
        losses = "390.000 tỷ đồng" if n % 3 else "3.900 tỷ đồng"
        value = "390000000000000" if n % 3 else "3900000000000"
        rows += [
            claim(f"losses-{n}", "online-fraud-losses", losses, value=value,
                  unit="VND", source_id=f"a{n}"),
            claim(f"reports-{n}", "online-fraud-reports", "16.000", value="16000",
                  unit="report", source_id=f"a{n}"),
        ]  # fmt: skip
    root = build(tmp_path / "p", rows, [bound])
    columns = codes(findings(root, "arithmetic"))
    monkeypatch.setattr(bulk, "MAX_COMBINATIONS", 10)
    one_by_one = codes(findings(root, "arithmetic"))
    assert columns == one_by_one
    assert len(columns) == 20  # the 20 sources whose losses are 390.000 tỷ
