"""What ``claimledger scan SOURCE`` scans: a text file, or a source of the package."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from checks.model.csvfile import decode_utf8
from checks.model.errors import InputError
from checks.model.package import Package, load_package
from checks.model.paths import DESCRIPTOR
from checks.scan.draft import slug
from checks.scan.mention import Mention
from checks.scan.scanner import Scan, iter_mentions, scan_text


@dataclass(frozen=True)
class ScanTarget:
    """A text to scan and what is known about it."""

    text: str
    source_id: str
    display: str
    language: str = "auto"
    body_end: int | None = None
    package: Package | None = None
    path: Path | None = None
    """The file the text was read from."""

    def scan(self, *, whole: bool = False, language: str | None = None) -> Scan:
        """Scan the body (text before ``body_end``), or the whole text when ``whole``."""
        return scan_text(self._body(whole), language or self.language)

    def stream(
        self, *, whole: bool = False, language: str | None = None
    ) -> tuple[str, str, Iterator[Mention]]:
        """Like :meth:`scan`, the mentions one at a time: (NFC text, language, mentions)."""
        return iter_mentions(self._body(whole), language or self.language)

    def _body(self, whole: bool) -> str:
        end = len(self.text) if whole or self.body_end is None else self.body_end
        return self.text[:end]


def resolve_target(source: str, package: Path | str | None = None) -> ScanTarget:
    """A file path, or else a ``source_id`` of the package (given, or the nearest one).

    A file that is one of the package's archived sources keeps its row's id, language
    and ``body_end``.
    """
    path = Path(source).expanduser()
    if path.is_dir():
        raise InputError("is a folder", path=source, expected="a text file or a source_id")
    if path.is_file():
        return _file_target(path, source, package)
    pkg = _package(package, source)
    rows = pkg.table("sources")
    hits = rows[rows["source_id"] == source] if "source_id" in rows.columns else rows.iloc[0:0]
    if hits.empty:
        known = ", ".join(sorted(rows["source_id"])) if "source_id" in rows.columns else ""
        raise InputError(
            f"{source!r} is neither a file nor a source_id of package {pkg.name!r}",
            path=source,
            column="SOURCE",
            expected=f"a text file or one of: {known}" if known else "a text file",
        )
    return _row_target(pkg, hits.iloc[0].to_dict())


def _package(package: Path | str | None, source: str) -> Package:
    try:
        return load_package(package)
    except InputError as exc:
        if package is not None:
            raise
        raise InputError(
            f"no such file, and no package to look up a source_id in ({exc.message})",
            path=source,
            column="SOURCE",
            expected="a text file, or a source_id with --package",
        ) from None


def _row_target(pkg: Package, row: dict[str, str]) -> ScanTarget:
    text = pkg.source_text(row["path"]).text
    body_end = row.get("body_end", "").strip()
    language = row.get("language", "")
    return ScanTarget(
        text=text,
        source_id=row["source_id"],
        display=row["path"],
        language=language if language in ("vi", "en") else "auto",
        body_end=min(int(body_end), len(text)) if body_end.isdigit() else None,
        package=pkg,
        path=pkg.root / str(row["path"]),
    )


def _file_target(path: Path, display: str, package: Path | str | None) -> ScanTarget:
    pkg = _owning_package(path, package)
    if pkg is not None:
        try:
            rows = pkg.table("sources")
        except InputError:
            if package is not None:
                raise
            rows = pd.DataFrame()
        for row in rows.to_dict("records") if "path" in rows.columns else []:
            if (pkg.root / str(row["path"])).resolve() == path.resolve():
                return _row_target(pkg, row)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror}", path=display) from None
    text = unicodedata.normalize("NFC", decode_utf8(data, path=display))
    return ScanTarget(text=text, source_id=slug(path.stem), display=display, package=pkg, path=path)


def _owning_package(path: Path, package: Path | str | None) -> Package | None:
    """The package named by ``--package``, else one whose folder holds the file, if any."""
    if package is not None:
        return load_package(package)
    for folder in path.resolve().parents:
        if (folder / DESCRIPTOR).is_file():
            try:
                return load_package(folder)
            except InputError:
                return None
    return None
