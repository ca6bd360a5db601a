"""``claimledger source add FILE``: archive an article and register it in sources.csv."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from checks.authoring.source_add import SourceMetadata, add_source
from checks.cli.app import EXIT_OK, app, console, guarded, shown_path
from checks.model.package import load_package

source_app = typer.Typer(
    name="source", help="Archive source documents in the package.", no_args_is_help=True
)
app.add_typer(source_app)


@source_app.command("add")
@guarded
def add(
    file: Annotated[Path, typer.Argument(help="The article as a UTF-8 text file.")],
    package: Annotated[
        Path | None,
        typer.Option("--package", help="datapackage.json or its folder (default: the nearest)."),
    ] = None,
    title: Annotated[
        str, typer.Option("--title", help="Title (default: the file's first line).")
    ] = "",
    publisher: Annotated[str, typer.Option("--publisher", help="Who published it.")] = "",
    url: Annotated[str, typer.Option("--url", help="Where it was published (never guessed).")] = "",
    published: Annotated[
        str, typer.Option("--published", help="Publication date, YYYY-MM-DD.")
    ] = "",
    kind: Annotated[
        str,
        typer.Option("--kind", help="news, official, statistical, survey or estimate."),
    ] = "news",
    language: Annotated[
        str, typer.Option("--language", help="vi or en (default: guessed from the text).")
    ] = "",
    body_end: Annotated[
        int | None,
        typer.Option("--body-end", help="Character offset where the article body ends."),
    ] = None,
    source_id: Annotated[
        str, typer.Option("--id", help="The source_id (default: proposed by the convention).")
    ] = "",
    note: Annotated[str, typer.Option("--note", help="How the metadata was established.")] = "",
    normalize: Annotated[
        bool, typer.Option("--normalize", help="Archive the NFC form of a text not in NFC.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Copy FILE into sources/ (UTF-8, NFC), compute its sha256 and append its row to
    datapackage/sources.csv with a source_id by the package's convention."""
    pkg = load_package(package)
    meta = SourceMetadata(
        title, publisher, url, published, kind, language, body_end, source_id, note
    )
    added = add_source(pkg, file, meta, normalize=normalize)
    out = console()
    out.print(f"added source {added.row['source_id']}", markup=False)
    out.print(f"wrote {shown_path(added.archived)}", markup=False)
    out.print(f"wrote {shown_path(pkg.resources['sources'].path)}", markup=False)
    raise typer.Exit(EXIT_OK)
