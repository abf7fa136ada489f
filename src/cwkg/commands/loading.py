"""`ingest` and `load`: documents, or the shards a cluster wrote, into the embedded store."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import typer

from cwkg.errors import CwkgError, one_line

from .common import fail, open_store, say, say_any, store_path


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders to load."),
    validate: bool = typer.Option(False, "--validate", help="Check each document against the SHACL rules first; refuse those that break a blocking rule."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="One line per file loaded or skipped (default: errors and a summary)."),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="Worker processes that extract documents (default: the number of cores; 1: none). Used when the input is large enough to gain from them."),
    catalog: Optional[Path] = typer.Option(None, "--catalog", help="A CSV giving or correcting the records' metadata, one row a file (columns: file, title, date, place, author, archive, collection, reference, url, language)."),
    cluster: Optional[str] = typer.Option(None, "--cluster", help="Extract on a Dask cluster: its scheduler (tcp://HOST:8786), or local:N for N worker processes here; writes N-Quads shards, then loads them."),
    shards: Optional[Path] = typer.Option(None, "--shards", help="With --cluster: the folder the machines share for the shards (default: beside the store)."),
    no_load: bool = typer.Option(False, "--no-load", help="With --cluster: write the shards only (`cwkg load` loads them)."),
) -> None:
    """Load documents (Wilson Center pages, FRUS volumes, POCOM, people records, records typed as .txt or .md, PDFs
    with a text layer, Word files) into the store, one named graph each; a NAME.meta.yaml beside a file, or a
    --catalog row, gives its metadata."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cwkg.batch import Tally, batch_of, binary_line, loaded_line
    from cwkg.cluster import runner
    from cwkg.graph.serve import served_note
    from cwkg.loaders.metadata import read_catalogue
    from cwkg.pipeline import ingest as run_ingest

    try:
        catalogue = read_catalogue(catalog) if catalog is not None else None
    except CwkgError as exc:
        fail(str(exc))
    try:
        run_ingest = runner(run_ingest, cluster, validate, shards, no_load, store_path())
    except CwkgError as exc:
        fail(str(exc), 2)
    batch = batch_of(paths)
    if not batch.files and not batch.binaries:
        fail("no files to load in " + ", ".join(map(str, paths)))
    for missing in catalogue.unused(batch.files) if catalogue is not None else ():
        say(f"warning: {catalog}: a row describes {missing}, which this run does not load")
    err = Console(stderr=True)
    say_any(served_note(store_path()))
    try:
        store = open_store()
    except CwkgError as exc:
        fail(str(exc))
    for path in batch.resumed(store.partial_loads()):
        say(f"completing {path}: a previous ingest of it was cut off")
    tally = Tally()
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with store, Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("files", total=len(batch.files))
        records = bar.add_task("records", total=None)
        for result in run_ingest(store, batch.files, lambda: bar.advance(records), validate=validate, jobs=max(1, jobs),
                                 catalogue=catalogue):
            bar.advance(task)
            for refusal in result.refused:
                say(f"refused: {refusal}")
            outcome = tally.add(result, batch)
            if outcome == "failed":
                say(f"error: {result.error}")
            elif verbose and outcome == "skipped":
                say(f"skipped: {result.error}")
            elif verbose:
                typer.echo(one_line(loaded_line(result)))
        total = store.count()
    if verbose:
        for path in batch.binaries:
            say(binary_line(path))
    say(tally.summary(batch, verbose, store.path, total))
    if tally.failed:
        raise typer.Exit(1)


def load_shards(shards: list[Path] = typer.Argument(..., help="Shard files (N-Quads) or folders of them, as `ingest --cluster` writes them.")) -> None:
    """Bulk-load N-Quads shards into the store, each all or nothing, then work out what an ingest does after."""
    from cwkg.shards import load_shards as load, shard_files, summary

    try:
        files = shard_files(shards)
        with open_store() as store:
            results = list(load(store, files, on_error=lambda r: say(f"error: {r.error}")))
            say(summary(results, store))
    except CwkgError as exc:
        fail(str(exc))
    if not all(r.ok for r in results):
        raise typer.Exit(1)
