"""``claimreview.jsonld``: schema.org ClaimReview for every claim with a verdict.

Each verdict row becomes one ClaimReview: the claim (quote, language, who said it, where
it appeared), the rating on the verdict's scale, the reviewer, the date and the URL when
the verdict is published somewhere. Nothing is filled in that the data does not hold: a
source without a URL gives an appearance without a URL.

Who made the claim: the ``speaker`` (a schema.org Person: speakers are people, named or
by their role); with no speaker, the source's ``publisher`` (an Organization); with
neither, the Claim has no author.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from checks import strictjson
from checks.model.errors import InputError
from checks.publish.bundle import Bundle
from checks.weburl import is_web_url

FILENAME = "claimreview.jsonld"
CONTEXT = "https://schema.org"
RESOURCE = "verdicts"
_SCRIPT_SAFE = {ord(c): f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"}


@dataclass(frozen=True)
class ClaimReviews:
    """The JSON-LD document and the verdicts that could not become a review."""

    document: dict[str, Any]
    skipped: list[str]

    @property
    def count(self) -> int:
        return len(self.document["@graph"])

    def text(self) -> str:
        """Indented UTF-8 JSON-LD with a final newline, safe inside an HTML ``<script>``.

        The file is meant to be pasted into ``<script type="application/ld+json">``: ``<``,
        ``>`` and ``&`` (and the line separators JavaScript reads as line ends) are written
        as ``\\u003c`` escapes, so no title or quote can close the script element. Outside
        strings JSON has none of these characters, so the document parses the same.
        """
        text = strictjson.dumps(self.document, ensure_ascii=False, indent=2) + "\n"
        return text.translate(_SCRIPT_SAFE)


def claim_reviews(bundle: Bundle) -> ClaimReviews:
    """One ClaimReview per verdict whose claim is in the package, in verdict order.

    A verdict about a claim id that is not in ``claims`` (a foreign-key finding, published
    only with ``--allow-errors``) is skipped and listed in ``skipped``.

    >>> reviews = claim_reviews(bundle)  # doctest: +SKIP
    >>> reviews.document["@graph"][0]["@type"]  # doctest: +SKIP
    'ClaimReview'
    """
    table = bundle.table(RESOURCE)
    graph: list[dict[str, Any]] = []
    skipped: list[str] = []
    if table is None:
        return ClaimReviews({"@context": CONTEXT, "@graph": graph}, skipped)
    claims = {row["claim_id"]: row for row in bundle.rows("claims")}
    sources = {row["source_id"]: row for row in bundle.rows("sources")}
    for index, verdict in enumerate(table.rows):
        claim = claims.get(verdict["claim_id"])
        if claim is None:
            skipped.append(verdict["claim_id"])
            continue
        source = sources.get(claim.get("source_id", ""), {})
        graph.append(_review(verdict, claim, source, (table.path, table.line_of(index))))
    return ClaimReviews({"@context": CONTEXT, "@graph": graph}, skipped)


def _review(
    verdict: dict[str, str],
    claim: dict[str, str],
    source: dict[str, str],
    where: tuple[str, int | None],
) -> dict[str, Any]:
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "claimReviewed": claim.get("translation_en") or claim["quote"],
        "itemReviewed": _claim(claim, source),
        "reviewRating": _rating(verdict, where),
        "author": {"@type": verdict["reviewer_type"], "name": verdict["reviewer"]},
        "datePublished": verdict["date"],
        "reviewBody": verdict["explanation"],
    }
    if is_web_url(verdict.get("url", "")):
        review["url"] = verdict["url"]
    return review


def _claim(claim: dict[str, str], source: dict[str, str]) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim", "text": claim["quote"]}
    if source.get("language"):
        item["inLanguage"] = source["language"]
    author = _claim_author(claim, source)
    if author is not None:
        item["author"] = author
    if source:
        item["appearance"] = _appearance(source)
    return item


def _claim_author(claim: dict[str, str], source: dict[str, str]) -> dict[str, str] | None:
    if claim.get("speaker"):
        return {"@type": "Person", "name": claim["speaker"]}
    if source.get("publisher"):
        return {"@type": "Organization", "name": source["publisher"]}
    return None


def _appearance(source: dict[str, str]) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "name": source["title"]}
    if is_web_url(source.get("url", "")):
        work["url"] = source["url"]
    if source.get("published"):
        work["datePublished"] = source["published"]
    if source.get("publisher"):
        work["publisher"] = {"@type": "Organization", "name": source["publisher"]}
    if source.get("language"):
        work["inLanguage"] = source["language"]
    return work


def _rating(verdict: dict[str, str], where: tuple[str, int | None]) -> dict[str, Any]:
    names = ("rating_value", "best_rating", "worst_rating")
    try:
        value, best, worst = (int(verdict[n]) for n in names)
    except ValueError:
        raise InputError(
            "rating_value, best_rating and worst_rating must be integers",
            path=where[0],
            line=where[1],
            column="rating_value",
            expected="integers",
        ) from None
    if not min(best, worst) <= value <= max(best, worst):
        raise InputError(
            f"rating_value {value} is outside the scale {worst}..{best}",
            path=where[0],
            line=where[1],
            column="rating_value",
            expected="a value between worst_rating and best_rating",
        )
    return {
        "@type": "Rating",
        "ratingValue": value,
        "bestRating": best,
        "worstRating": worst,
        "alternateName": verdict["rating"],
    }
