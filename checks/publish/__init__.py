"""Publishing a checked package where readers and their tools already are.

:func:`publish` runs a fresh check, refuses when an error-level finding is not waived
(unless asked), and writes four files into the output folder:

- ``claimledger-<version>.zip``: a Frictionless data package (descriptor with inlined
  table schemas, hashes and byte counts; the CSVs; the findings as a resource; the
  archived texts only with ``include_texts``);
- ``claimledger.db``: SQLite, one table per resource, for Datasette;
- ``metadata.json``: Datasette metadata (licence, sources, descriptions, canned queries);
- ``claimreview.jsonld``: schema.org ClaimReview for the claims with a verdict.

Every file is a function of the data: publishing twice gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from checks.io import atomic_write_files, default_folder
from checks.model.errors import InputError
from checks.model.finding import Finding, Severity
from checks.model.package import Package
from checks.publish import claimreview, datasette_metadata, sqlite_db, zip_package
from checks.publish.bundle import Bundle, build_bundle
from checks.report.result import CheckResult
from checks.service import check_loaded

OUT_DIR = "out"
PROTECTED = ("datapackage", "sources")


class PublishRefused(Exception):
    """Error-level findings that no waiver accepts: the package is not published."""

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = list(findings)
        count = len(self.findings)
        super().__init__(
            f"refusing to publish: {count} error-level finding{'s' if count != 1 else ''} "
            f"{'are' if count != 1 else 'is'} not waived (fix {'them' if count != 1 else 'it'}, "
            "waive in datapackage/waivers.csv, or pass --allow-errors)"
        )


@dataclass(frozen=True)
class Publication:
    """What :func:`publish` wrote, and the check it published."""

    out_dir: Path
    files: list[Path]
    result: CheckResult
    bundle: Bundle
    reviews: int
    skipped_reviews: list[str] = field(default_factory=list)


def default_out_dir(pkg: Package) -> Path:
    """``out/`` beside the descriptor.

    >>> default_out_dir(load_package("tests/fixtures/mini")).name  # doctest: +SKIP
    'out'
    """
    return default_folder(pkg.root, OUT_DIR)


def blocking_findings(result: CheckResult) -> list[Finding]:
    """Error-level findings that no waiver accepts, in report order."""
    return [f for f in result.active if f.severity is Severity.ERROR]


def publish(
    pkg: Package,
    out_dir: Path | None = None,
    *,
    include_texts: bool = False,
    allow_errors: bool = False,
    created: datetime | None = None,
    today: date | None = None,
    result: CheckResult | None = None,
) -> Publication:
    """Check ``pkg`` afresh and write the zip, the database, its metadata and ClaimReview.

    ``created`` replaces the descriptor's timestamp (by default the data's own, never the
    clock). ``today`` decides which waivers have expired (default: the clock's date, as
    for ``claimledger check``). ``result`` reuses a check already run on this very package. Raises
    :class:`PublishRefused` when error-level findings are not waived and not
    ``allow_errors``; :class:`InputError` for an output folder inside the package's data.

    >>> pub = publish(load_package("tests/fixtures/mini"), Path("/tmp/out"))  # doctest: +SKIP
    >>> [p.name for p in pub.files]  # doctest: +SKIP
    ['claimledger-0.1.0.zip', 'claimledger.db', 'metadata.json', 'claimreview.jsonld']
    """
    out = out_dir if out_dir is not None else default_out_dir(pkg)
    _refuse_data_folder(pkg, out)
    checked = result if result is not None else check_loaded(pkg, today=today)
    blocking = blocking_findings(checked)
    if blocking and not allow_errors:
        raise PublishRefused(blocking)
    bundle = build_bundle(pkg, checked, include_texts=include_texts, created=created)
    reviews = claimreview.claim_reviews(bundle)
    contents: dict[Path, bytes | str] = {
        out / zip_package.archive_name(bundle.version): zip_package.zip_bytes(bundle),
        out / sqlite_db.FILENAME: sqlite_db.database_bytes(bundle),
        out / datasette_metadata.FILENAME: datasette_metadata.metadata_text(bundle),
        out / claimreview.FILENAME: reviews.text(),
    }
    atomic_write_files(contents)
    paths = list(contents)
    return Publication(out, paths, checked, bundle, reviews.count, reviews.skipped)


def _refuse_data_folder(pkg: Package, out: Path) -> None:
    root = pkg.root.resolve()
    protected = {root / name for name in PROTECTED}
    protected |= {r.path.parent for r in pkg.resources.values() if r.path.parent != root}
    target = out.resolve()
    allowed = ", ".join(f"{name}/" for name in PROTECTED)
    for folder in sorted(protected):
        if target == folder or target.is_relative_to(folder):
            raise InputError(
                f"will not write into the package's data folder {folder.relative_to(root)}/",
                path=str(out),
                column="--out",
                expected=f"a folder outside {allowed} (default {OUT_DIR}/)",
            )


__all__ = [
    "OUT_DIR",
    "Publication",
    "PublishRefused",
    "blocking_findings",
    "default_out_dir",
    "publish",
]
