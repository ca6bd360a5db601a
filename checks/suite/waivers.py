"""waivers: accepted findings, and waivers that have expired or match nothing.

A waiver (a row of the ``waivers`` resource) names a finding by fingerprint, says why it is
accepted, who accepted it and until when. A finding it matches keeps its place in the
reports with ``waiver`` set and no longer counts. A waiver past its ``expires`` date no
longer applies and is reported; so is a waiver that matches no finding. Those reports are
findings of the ``waivers`` check, a gate: it runs after the other checks and reviews
their findings (:class:`~checks.registry.Gate`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

import pandas as pd

from checks.ledger.ledger import ledger
from checks.model.codes import FindingCode
from checks.model.finding import Finding, Severity, sort_key
from checks.model.package import Package
from checks.registry import register

CHECK = "waivers"
TITLE = "Waivers are current and match a finding"
CODES = (
    FindingCode(
        "expired",
        "A waiver has expired",
        "The waiver's expiry date has passed: its finding counts again. Renew the waiver "
        "(with a new review) or fix what the finding reports.",
        "warning",
        "the accepted finding is back, and the waiver table needs a decision",
    ),
    FindingCode(
        "unmatched",
        "A waiver matches no finding",
        "No finding of this run has the waiver's fingerprint (it was fixed, or its claims "
        "changed): delete the waiver row.",
        "warning",
        "a stale waiver could silently accept a future finding with the same fingerprint",
    ),
)
HELP = (
    "Each row of the waivers resource accepts one finding by fingerprint, with a "
    "justification, a reviewer and an expiry date. A waiver whose expiry date has passed "
    "no longer applies (its finding counts again) and is reported; so is a waiver whose "
    "fingerprint matches no finding of the run, which should be deleted."
)


@dataclass(frozen=True)
class Waiver:
    """One accepted finding: a row of the ``waivers`` resource."""

    fingerprint: str
    justification: str
    reviewer: str
    expires: date
    row: int

    def as_mapping(self) -> dict[str, Any]:
        """What a waived finding carries in its ``waiver`` field."""
        return {
            "fingerprint": self.fingerprint,
            "justification": self.justification,
            "reviewer": self.reviewer,
            "expires": self.expires.isoformat(),
        }


def read_waivers(pkg: Package) -> list[Waiver]:
    """The usable waivers of a package, in file order; the first of duplicates wins.

    Rows without a fingerprint or a valid ``expires`` date are skipped: the schema check
    reports them.

    >>> read_waivers(load_package("tests/fixtures/mini"))  # doctest: +SKIP
    []
    """
    if not pkg.has("waivers"):
        return []
    table = ledger(pkg).typed("waivers")
    waivers: list[Waiver] = []
    seen: set[str] = set()
    for row, entry in enumerate(table.itertuples(index=False)):
        fingerprint = str(getattr(entry, "fingerprint", "")).strip().lower()
        expires = getattr(entry, "expires", pd.NaT)
        if not fingerprint or fingerprint in seen or pd.isna(expires):
            continue
        seen.add(fingerprint)
        waivers.append(
            Waiver(
                fingerprint,
                str(getattr(entry, "justification", "")),
                str(getattr(entry, "reviewer", "")),
                pd.Timestamp(expires).date(),
                row,
            )
        )
    return waivers


def apply_waivers(
    pkg: Package,
    findings: Iterable[Finding],
    *,
    today: date | None = None,
    complete: bool = True,
) -> list[Finding]:
    """Mark the findings that a current waiver accepts; report expired and unused waivers.

    A waiver applies up to and including its ``expires`` date. ``complete=False`` says that
    only some checks ran, so a waiver that matches nothing may belong to a check that did
    not run: it is then not reported.

    >>> result = apply_waivers(pkg, run_checks(pkg), today=date(2026, 1, 1))  # doctest: +SKIP
    """
    today = today or date.today()
    findings = list(findings)
    by_fingerprint: dict[str, Finding] = {f.fingerprint: f for f in findings}
    waived: dict[str, Mapping[str, Any]] = {}
    extra: list[Finding] = []
    for waiver in read_waivers(pkg):
        target = by_fingerprint.get(waiver.fingerprint)
        expired = waiver.expires < today
        if target is None:
            if complete:
                extra.append(_unmatched(pkg, waiver, expired))
        elif expired:
            extra.append(_expired(pkg, waiver, target, today))
        else:
            waived[waiver.fingerprint] = waiver.as_mapping()
    marked = [
        dataclasses.replace(f, waiver=waived[f.fingerprint]) if f.fingerprint in waived else f
        for f in findings
    ]
    return sorted(marked + extra, key=sort_key)


def _unmatched(pkg: Package, waiver: Waiver, expired: bool) -> Finding:
    path, line = pkg.locate("waivers", waiver.row)
    also = f" and expired on {waiver.expires.isoformat()}" if expired else ""
    return Finding(
        CHECK,
        "unmatched",
        Severity.WARNING,
        (),
        f"waiver {waiver.fingerprint} matches no finding{also}; delete it",
        {"waiver": waiver.as_mapping()},
        path,
        line,
        key=waiver.fingerprint,
    )


def _expired(pkg: Package, waiver: Waiver, target: Finding, today: date) -> Finding:
    path, line = pkg.locate("waivers", waiver.row)
    return Finding(
        CHECK,
        "expired",
        Severity.WARNING,
        target.claim_ids,
        f"waiver {waiver.fingerprint} expired on {waiver.expires.isoformat()}; "
        f"finding {target.check}/{target.code} counts again (renew the waiver or fix it)",
        {"waiver": waiver.as_mapping(), "finding": target.fingerprint, "today": today.isoformat()},
        path,
        line,
        key=waiver.fingerprint,
    )


@register
class WaiversCheck:
    id: ClassVar[str] = CHECK
    title: ClassVar[str] = TITLE
    codes: ClassVar[tuple[FindingCode, ...]] = CODES
    help: ClassVar[str] = HELP

    @classmethod
    def applies(cls, pkg: Package) -> bool:
        """Whether the package has a waivers table to review."""
        return pkg.has("waivers")

    def review(
        self, pkg: Package, findings: list[Finding], *, today: date, complete: bool
    ) -> list[Finding]:
        return apply_waivers(pkg, findings, today=today, complete=complete)
