"""``claimledger scan SOURCE``: every number in a text, and draft claim rows for them."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from checks.cli.app import EXIT_OK, app, console, guarded
from checks.cli.choices import Language
from checks.cli.corpus import scan_corpus_command
from checks.cli.engine import Engine, engine_options
from checks.corpus.documents import is_corpus
from checks.explain import inert
from checks.model.errors import InputError
from checks.scan.draft import CLAIM_COLUMNS, check_draft_target, draft_rows, write_draft
from checks.scan.indicator_proposal import IndicatorLexicon
from checks.scan.mention import Mention
from checks.scan.scanner import Scan
from checks.scan.target import ScanTarget, resolve_target

PLAIN_COLUMNS = ("start", "end", "kind", "as_written", "reading", "qualifier", "unit", "noun")


@app.command()
@guarded
def scan(
    source: Annotated[
        str,
        typer.Argument(
            help="A UTF-8 text file, or the source_id of a source of the package; or a "
            "corpus (with --out): a folder of .txt files, a glob, a .jsonl or .parquet file "
            "of documents (id, text, optional language and date)."
        ),
    ],
    package: Annotated[
        Path | None,
        typer.Option(
            "--package", help="datapackage.json or its folder (default: the nearest one)."
        ),
    ] = None,
    language: Annotated[
        Language | None,
        typer.Option(
            "--language", help="vi, en or auto (default: the source's language; auto for a file)."
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    draft: Annotated[
        Path | None,
        typer.Option(
            "--draft",
            help="Write the numbers as draft rows in the claims format to this CSV "
            "(never inside the package's datapackage/ or sources/).",
        ),
    ] = None,
    whole_text: Annotated[
        bool, typer.Option("--whole-text", help="Scan past the source's body_end too.")
    ] = False,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Scan a corpus into this folder: a Parquet table of mentions, one "
            "part-NNNNN.parquet per chunk of the corpus.",
        ),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option("--engine", help="With --out: local (default) or dask."),
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="With --engine dask: a running scheduler (default: a LocalCluster).",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="With --engine dask: the LocalCluster's processes."),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Find every number in a text: offsets, as_written, interval, qualifier, unit, quote.

    Offsets count characters of the NFC text, as claims do.
    A source of the package is scanned up to its body_end unless --whole-text is given.
    With --out, SOURCE is a corpus and the mentions go to a Parquet table.
    """
    if out is not None or is_corpus(source):
        scan_corpus_command(source, out, engine_options(engine, scheduler, workers))
    target = resolve_target(source, package)
    if draft is not None:
        check_draft_target(draft, _protected(target))
        refuse_input_as_draft(draft, target)
    text, read_as, mentions = target.stream(
        whole=whole_text, language=language.value if language else None
    )
    kept: list[Mention] = []
    if draft is not None:
        mentions = _keeping(mentions, kept)
    if as_json:
        _write_lines(_json_lines(target, text, read_as, mentions))
    elif console().is_terminal:
        _print_table(target, Scan(text, read_as, tuple(mentions)))
    else:
        _write_lines(_plain_lines(mentions))
    if draft is not None:
        _write_draft(target, Scan(text, read_as, tuple(kept)), draft)
    raise typer.Exit(EXIT_OK)


def refuse_input_as_draft(draft: Path, target: ScanTarget) -> None:
    """``scan notes.txt --draft notes.txt`` would overwrite the text it reads: refuse."""
    if target.path is None:
        return
    out, source = draft.expanduser(), target.path
    same = out.resolve() == source.resolve()
    if not same and out.exists():
        try:
            same = os.path.samefile(out, source)
        except OSError:
            same = False
    if same:
        raise InputError(
            "refusing to write the draft over the text being scanned",
            path=str(draft),
            expected="a draft path other than the scanned file, e.g. drafts/claims-draft.csv",
        )


def _keeping(mentions: Iterator[Mention], kept: list[Mention]) -> Iterator[Mention]:
    for mention in mentions:
        kept.append(mention)
        yield mention


def _write_lines(lines: Iterable[str]) -> None:
    """Each line as it is made: the output is never held whole in memory."""
    out = sys.stdout
    for line in lines:
        out.write(line)
        out.write("\n")
    out.flush()


def _json_lines(
    target: ScanTarget, text: str, language: str, mentions: Iterable[Mention]
) -> Iterator[str]:
    """The JSON document, one mention a line as it is found (``json.loads`` reads it
    whole; ``grep`` and ``jq`` read it too)."""
    head = {
        "source": target.display,
        "source_id": target.source_id,
        "language": language,
        "scanned_characters": len(text),
        "body_end": target.body_end,
    }
    yield "{"
    for key, value in head.items():
        yield f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False)},"
    yield '  "mentions": ['
    previous: str | None = None
    for mention in mentions:  # one mention a line: the C encoder, not the indenting one
        if previous is not None:
            yield previous + ","
        previous = "    " + json.dumps(mention.to_dict(), ensure_ascii=False)
    if previous is not None:
        yield previous
    yield "  ]"
    yield "}"


def _unit(mention: Mention) -> str:
    return mention.unit or ""


def _plain_lines(mentions: Iterable[Mention]) -> Iterator[str]:
    """Tab-separated lines with a header; the quote last."""
    yield "\t".join((*PLAIN_COLUMNS, "quote"))
    for m in mentions:
        cells = (
            str(m.start),
            str(m.end),
            m.kind.value,
            m.as_written,
            m.reading,
            m.qualifier,
            _unit(m),
            m.noun,
            m.quote,
        )
        yield "\t".join(inert(c).replace("\t", " ") for c in cells)


def _print_table(target: ScanTarget, result: Scan) -> None:
    scope = f"{len(result.text):,} characters"
    if target.body_end is not None and len(result.text) == target.body_end:
        scope += " (the body, before body_end)"
    table = Table(
        title=f"claimledger scan: {inert(target.display)} — {scope}, language {result.language}"
    )
    for name in ("offsets", "kind", "as_written", "reading", "qualifier", "unit", "noun"):
        table.add_column(name, no_wrap=name in ("offsets", "kind", "qualifier"))
    table.add_column("quote", overflow="fold")
    for m in result.mentions:
        table.add_row(
            f"{m.start}-{m.end}",
            m.kind.value,
            inert(m.as_written),
            m.reading,
            m.qualifier,
            _unit(m),
            inert(m.noun),
            inert(m.quote),
        )
    console().print(table, markup=False)


def _protected(target: ScanTarget) -> list[Path]:
    return [target.package.root] if target.package is not None else []


def _write_draft(target: ScanTarget, result: Scan, out: Path) -> None:
    columns: tuple[str, ...] = CLAIM_COLUMNS
    if target.package is not None:
        claims = target.package.resources.get("claims")
        if claims is not None and claims.field_names:
            columns = tuple(claims.field_names)
    hook = None
    if target.package is not None:
        hook = IndicatorLexicon.of(target.package).hook(result.language)
    rows = draft_rows(result, target.source_id, hook)
    path = write_draft(out, rows, columns, _protected(target))
    console(stderr=True).print(f"wrote {len(rows)} draft claim row(s) to {path}", markup=False)
