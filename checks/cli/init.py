"""``claimledger init [DIR]``: start a new, empty claim package."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from checks.authoring.package_init import PackageSettings, init_package, package_name
from checks.cli.app import EXIT_OK, app, console, guarded, shown_path


@app.command()
@guarded
def init(
    folder: Annotated[
        Path, typer.Argument(help="Folder for the new package (created if missing).")
    ] = Path("."),
    name: Annotated[
        str | None,
        typer.Option("--name", help="Package name (default: the folder's name as a slug)."),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title (default: the package name).")
    ] = None,
    version: Annotated[
        str, typer.Option("--package-version", help="First version of the package.")
    ] = "0.1.0",
    licence: Annotated[
        str, typer.Option("--licence", help="SPDX identifier of the data's licence.")
    ] = "CC-BY-4.0",
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Write a new package: datapackage.json, the table schemas, empty tables with their
    headers, sources/, a README stub and a GitHub Actions workflow. Never overwrites."""
    slug = name or package_name(folder.resolve())
    settings = PackageSettings(slug, title or slug, version, licence)
    written = init_package(folder, settings)
    out = console()
    for path in written:
        out.print(f"wrote {shown_path(path)}", markup=False)
    out.print(
        f"new package {slug!r}: add a source with `claimledger source add FILE`", markup=False
    )
    raise typer.Exit(EXIT_OK)
