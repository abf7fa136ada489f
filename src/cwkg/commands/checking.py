"""The commands that check: the graph against its rules (`validate`), extraction against gold files (`eval`), one
record's reading (`explain`); and the ontology's reference (`docs`)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from cwkg import output
from cwkg.errors import CwkgError, one_line

from .common import choose, fail, open_store, progress, say


def validate(
    shacl: bool = typer.Option(False, "--shacl", help="Only the SHACL data rules."),
    reason_: bool = typer.Option(False, "--reason", help="Only OWL reasoning with HermiT."),
    document: list[str] = typer.Option([], "--document", "-d", help="Only these documents (IRI, id or id suffix: d5); default: the whole store."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table or json (default: table on a terminal, json otherwise)."),
) -> None:
    """Check the graph: SHACL data rules and HermiT consistency (both by default); exit 1 if anything is violated."""
    from cwkg.graph.selection import chosen_graphs
    from cwkg.validation import check, report_lines

    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    try:
        with open_store(existing=True) as store:
            store.ensure_static()
            graphs = chosen_graphs(store.graphs(), [], document)
            checked = check(store, graphs, shacl or not reason_, reason_ or not shacl, progress)
    except CwkgError as exc:
        fail(str(exc))
    for error in checked.errors:
        say(f"error: {error}")
    text = json.dumps(checked.report, indent=2, ensure_ascii=False) if fmt == "json" else "\n".join(report_lines(checked.report))
    if text:
        typer.echo(text)
    if checked.failed:
        raise typer.Exit(1)


def docs(out: Path = typer.Option(Path("docs/ontology.html"), "--output", "-o", help="Where to write the HTML reference.")) -> None:
    """Generate a browsable HTML reference of the ontology with pyLODE (the package's docs extra)."""
    from cwkg.reference import write_reference

    try:
        size = write_reference(out)
    except CwkgError as exc:
        fail(str(exc))
    typer.echo(one_line(f"wrote {out} ({size} characters)"))


def explain_document(
    path: Path = typer.Argument(..., help="A document file (a Wilson Center page, a FRUS volume ...)."),
    document: Optional[str] = typer.Option(None, "--document", "-d", help="Which document of a volume: its id (d5) or full id."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="text or json (default: text)."),
    all_sentences: bool = typer.Option(False, "--all", help="Also print sentences that gave no position."),
    without: list[str] = typer.Option([], "--without", help="Leave an extraction component out, to see what it adds (repeatable; an unknown name lists them)."),
) -> None:
    """Print the record's voice (author and why, addressee, default speaker, speaker turns), then each sentence
    with the positions drawn from it: speaker, reporter, how it was attributed (rule and reporting words), stance
    and what gave it, what it is about."""
    from cwkg.explain import choose_document, explain
    from cwkg.explain_render import as_json, text_lines
    from cwkg.extract.components import PipelineError

    fmt = choose(fmt or "text", ("text", "json"), "--format", "text or json")
    try:
        doc = choose_document(path, document)
        explained = explain(doc, skip=without)
    except PipelineError as exc:
        fail(f"--without: {exc}", 2)
        return
    except CwkgError as exc:
        fail(str(exc))
        return
    lines = [as_json(doc.doc_id, doc.title, explained)] if fmt == "json" else text_lines(doc.doc_id, doc.title, explained, all_sentences)
    for line in lines:
        typer.echo(line)


def evaluate_gold(
    gold: list[Path] = typer.Argument(None, help="Gold annotation files (see shared/gold/README.md)."),
    frus: list[Path] = typer.Option([], "--frus", help="A FRUS TEI volume: score text extraction against its own markup."),
    corpus: list[Path] = typer.Option([], "--corpus", "-c", help="Folders to search for each gold file's document (default: ../corpus beside the gold folder)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table or json (default: table on a terminal, json otherwise)."),
    details: bool = typer.Option(False, "--details", help="Also list what differs from the gold: missed and extra persons, posts, meetings, participants and positions, and stances."),
    totals: bool = typer.Option(False, "--totals", help="Print only the totals: one column per archive and the micro-average over all files."),
) -> None:
    """Score extraction against gold files, per file and micro-averaged over all: persons, mentions, meetings,
    participants, posts, positions, speaker, stance, topic and reporter accuracy, questions, document fields."""
    fmt = choose(fmt or ("table" if sys.stdout.isatty() else "json"), ("table", "json"), "--format", "table or json")
    if not gold and not frus:
        fail("Missing argument 'GOLD_FILE...' or option '--frus'; see `cwkg eval --help`", 2)
    if frus:
        _evaluate_frus(frus, fmt)
    if not gold:
        return
    from cwkg.evaluate import by_archive, evaluate_all, total
    from cwkg.scoretable import score_lines

    try:
        reports = evaluate_all(gold, corpus)
    except CwkgError as exc:
        fail(str(exc))
    overall = total(reports)
    archives = by_archive(reports) if len(reports) > 1 else []
    if fmt == "json":
        typer.echo(json.dumps({"files": [r.as_dict() for r in reports], "archives": [a.as_dict() for a in archives],
                               "total": overall.as_dict()}, indent=2, ensure_ascii=False))
        return
    shown = ([] if totals else reports) + (archives if len(archives) > 1 else []) + ([overall] if len(reports) > 1 or totals else [])
    for line in score_lines(shown):
        typer.echo(line)
    for r in reports if details else ():
        for kind, texts in r.findings.items():
            for text in texts:
                typer.echo(one_line(f"{r.name}: {kind}: {text}"))


def _evaluate_frus(volumes: list[Path], fmt: str) -> None:
    import pyoxigraph as ox

    from cwkg.evaluate_frus import evaluate_frus
    from cwkg.scoretable import FRUS_DISAGREEMENTS_SHOWN, disagreement_lines, frus_rows

    try:
        reports = [evaluate_frus(path) for path in volumes]
    except CwkgError as exc:
        fail(str(exc))
    if fmt == "json":
        typer.echo(json.dumps([r.as_dict(FRUS_DISAGREEMENTS_SHOWN) for r in reports], indent=2, ensure_ascii=False))
        return
    for r in reports:
        typer.echo(one_line(f"{r.volume} ({r.documents} documents)"))
        rows = [{k: ox.Literal(v) for k, v in row.items()} for row in frus_rows(r)]
        output.write(["measure", "P", "R", "F1", "tp/fp/fn"], rows, "table", count=False)
        for line in disagreement_lines(r):
            typer.echo(line)
