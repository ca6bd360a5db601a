"""Shared steps of the publish tests: publish a fixture copy, read the zip, break a claim."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from typing import Any

from checks.model.package import load_package
from checks.publish import Publication, publish
from tests.helpers import edit_row

TODAY = date(2026, 11, 26)
ZIP, DB, METADATA, CLAIMREVIEW = range(4)


def publish_copy(root: Path, out: Path, **options: Any) -> Publication:
    """Publish the package at ``root`` into ``out`` (waivers judged on a fixed day)."""
    return publish(load_package(root), out, today=TODAY, **options)


def zip_members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def break_city_users(root: Path) -> None:
    """Give city-users a value its as_written cannot mean: one citation/value-mismatch error."""
    edit_row(root / "datapackage/claims.csv", "claim_id", "city-users", value="1520000")
