"""The package's own data: every number in the five article bodies is captured or excluded.

A number is explained by a claim whose as_written holds it, by a claim whose quote holds it
when it is a date (docs/data-capture.md P1, E3), or by an exclusion rule of section 8
(checks/data/identifiers.csv). The test lists whatever is left; the list must be empty.
"""

from __future__ import annotations

import re

import pytest

from checks import load_package, run_checks
from checks.model.package import Package
from checks.numbers.tables import change_words, unit_tokens
from checks.scan import Kind, Mention, scan_text
from checks.scan.coverage import claim_spans
from tests.conftest import REPO

DIGIT_RUN = re.compile(r"\d+(?:[.,/-]\d+)*")  # the unit of coverage of docs/data-capture.md C1


@pytest.fixture(scope="module")
def package() -> Package:
    return load_package(REPO)


def articles(pkg: Package) -> list[dict[str, str]]:
    return [s for s in pkg.table("sources").to_dict("records") if s["kind"] == "news"]


def body(pkg: Package, source: dict[str, str]) -> str:
    text = pkg.source_text(source["path"]).text
    return text[: int(source["body_end"])] if source["body_end"] else text


def explain(mention: Mention, claims: list[dict[str, str]]) -> str:
    if mention.kind is Kind.IDENTIFIER:
        return mention.rule
    spans = claim_spans(claims)
    for span in spans:
        if span.number and all(
            span.number[0] <= s and e <= span.number[1] for s, e in mention.parts
        ):
            return f"claim {span.claim_id}"
    if mention.kind is Kind.DATE:
        for span in spans:
            if all(span.quote[0] <= s and e <= span.quote[1] for s, e in mention.parts):
                return f"date in the quote of {span.claim_id}"
    return "UNEXPLAINED"


def test_every_number_in_the_five_article_bodies_is_a_claim_or_excluded(package: Package) -> None:
    sources = articles(package)
    assert len(sources) == 5
    claims = package.table("claims").to_dict("records")
    unexplained = []
    explained_by_claims = set()
    for source in sources:
        mine = [c for c in claims if c["source_id"] == source["source_id"]]
        for mention in scan_text(body(package, source), source["language"]).mentions:
            why = explain(mention, mine)
            if why == "UNEXPLAINED":
                unexplained.append((source["source_id"], mention.start, mention.as_written))
            elif why.startswith("claim "):
                explained_by_claims.add(why.removeprefix("claim "))
    assert unexplained == []
    number_claims = {
        c["claim_id"]
        for c in claims
        if c["as_written"] and c["source_id"] in {s["source_id"] for s in sources}
    }
    assert explained_by_claims == number_claims


def test_coverage_check_reports_nothing_on_the_package(package: Package) -> None:
    assert run_checks(package, select=["coverage"]) == []


def test_scan_finds_each_claimed_number_where_the_claim_says_it_is(package: Package) -> None:
    """as_written equal to the claim's; or the claim left out a unit word (rule A4) or the
    change word before the number (``tăng`` of ``tăng 64,78%``) that scan keeps."""
    sources = {s["source_id"]: s for s in package.table("sources").to_dict("records")}
    units = {t.token.casefold() for t in unit_tokens()}
    changes = {c.word.casefold() for c in change_words()}
    scans = {}
    differences = []
    for claim in package.table("claims").to_dict("records"):
        if not claim["as_written"]:
            continue
        source = sources[claim["source_id"]]
        if source["source_id"] not in scans:
            text = package.source_text(source["path"]).text
            scans[source["source_id"]] = scan_text(text, source["language"])
        at = int(claim["start"]) + claim["quote"].find(claim["as_written"])
        (mention,) = [m for m in scans[source["source_id"]].mentions if m.start <= at < m.end]
        head = mention.as_written[: at - mention.start].strip().casefold()
        if head:
            differences.append((claim["claim_id"], head, changes))
        if mention.as_written[at - mention.start :] != claim["as_written"]:
            tail = mention.as_written[at - mention.start :].removeprefix(claim["as_written"])
            differences.append((claim["claim_id"], tail.strip().casefold(), units))
    assert all(rest in allowed for _, rest, allowed in differences), differences


def test_every_digit_of_every_source_lies_in_some_mention(package: Package) -> None:
    missed = []
    for source in package.table("sources").to_dict("records"):
        text = package.source_text(source["path"]).text
        covered = [(m.start, m.end) for m in scan_text(text, source["language"]).mentions]
        for run in DIGIT_RUN.finditer(text):
            if not any(s <= run.start() and run.end() <= e for s, e in covered):
                missed.append((source["source_id"], run.start(), run.group()))
    assert missed == []
