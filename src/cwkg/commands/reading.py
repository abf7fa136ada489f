"""The commands that read the store: the canned queries, questions in plain words, the user's own SPARQL, the
counts and the integrity check."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from cwkg import output
from cwkg.errors import CwkgError

from .common import (ReadFrom, check_format, fail, limit_option, offset_option, open_store, reads_a_store, run_read,
                     say, say_any, union_hint, wide_option)


def list_queries(prefixes: bool = typer.Option(
        False, "--prefixes", help="Print instead the PREFIX lines of cwkg's vocabulary and named graphs, for SPARQL of "
        "your own in another tool (`cwkg sparql` and the canned queries declare them already).")) -> None:
    """List the canned queries and their parameters."""
    from cwkg.queries.catalog import load_catalog, prefix_lines

    if prefixes:
        typer.echo(prefix_lines(), nl=False)
        return
    for q in load_catalog().values():
        typer.echo(f"{q.name}: {q.title}")
        typer.echo(f"    {q.description}")
        for p in q.params:
            typer.echo(f"    --param {p.name}=<{p.type}>{'' if p.required else ' (optional)'}  {p.doc}")


@reads_a_store(timeout=None)
def query(
    name: str = typer.Argument(..., help="A canned query (see `cwkg queries`)."),
    param: list[str] = typer.Option([], "--param", "-p", help="A parameter as key=value; repeatable."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table, csv, tsv or json (default: table on a terminal, tsv otherwise)."),
    limit: Optional[int] = limit_option(),
    offset: int = offset_option(),
    wide: bool = wide_option(),
    source: ReadFrom = None,
) -> None:
    """Run a canned query; every row names the document it comes from."""
    from cwkg.queries.catalog import load_catalog
    from cwkg.queries.params import canned, parse_params
    from cwkg.queries.runner import run

    fmt = check_format(fmt)
    try:
        chosen, values = canned(load_catalog(), name), parse_params(param)
    except CwkgError as exc:
        fail(str(exc))

    def work() -> int:
        with source.open() as store:
            result = run(store, chosen, values)
        for item in result.unresolved:
            say(f"warning: {item} names no entity in the graph; no rows match it")
        rows = output.Page(result.rows, limit, offset)
        if rows.empty() and source.endpoint:
            union_hint(store)
        output.write(result.columns, rows, fmt, wide=wide)
        say_any(output.cut_note(rows.cut, rows.shown, offset))
        return 0

    try:
        run_read(work, source.endpoint, source.timeout or 60.0,
                 watched=source.timeout is not None or chosen.may_run_long(values))
    except CwkgError as exc:
        fail(str(exc))


@reads_a_store()
def ask(
    question: str = typer.Argument(..., help='A question in plain words: "Which ambassadors discussed Albania in 1962?"'),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    show_query: bool = typer.Option(False, "--show-query", help="Also print the canned queries run, their parameters and SPARQL."),
    source: ReadFrom = None,
) -> None:
    """Answer a question in plain words with names, quotes and documents. Exit 0 with an answer, 1 when the store
    holds none, 2 when the question cannot be read or a name in it is ambiguous or unknown."""
    from cwkg.ask import Refusal, ask as answer_question
    from cwkg.ask import render
    from cwkg.ask.refusal import explain
    from cwkg.queries.catalog import load_catalog

    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"'{fmt}' (use table or json)", param_hint="--format")

    def work() -> int:
        try:
            with source.open(indexed=True) as store:
                try:
                    answer = answer_question(store, question)
                except Refusal:
                    if source.endpoint:
                        union_hint(store)  # a name the endpoint's default graph does not hold
                    raise
                if source.endpoint and not answer.entries:
                    union_hint(store)
        except Refusal as exc:
            say(f"cannot answer: {explain(exc, load_catalog())}")
            return 2
        say_any(answer.caveat)
        if show_query and fmt == "table":
            typer.echo(render.queries_text(answer))
        if fmt == "json":
            typer.echo(render.as_json(answer, show_query))
        elif answer.entries:
            typer.echo(render.as_table(answer))
        if not answer.entries:
            say(f"{answer.note}: the question was read as '{answer.kind}', and no record in the store answers it")
            return 1
        return 0

    try:
        run_read(work, source.endpoint, source.timeout)
    except CwkgError as exc:
        fail(str(exc))


@reads_a_store()
def sparql(
    text: str = typer.Argument(..., help="A SPARQL query, or the path of a file holding one."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table, csv, tsv or json for SELECT results."),
    limit: Optional[int] = limit_option(),
    offset: int = offset_option(),
    wide: bool = wide_option(),
    allow_service: bool = typer.Option(False, "--allow-service", help="Let SERVICE clauses send the query to other servers."),
    source: ReadFrom = None,
) -> None:
    """Run your own read-only SPARQL query over all graphs (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    import pyoxigraph as ox

    from cwkg.graph.storeapi import answer_form
    from cwkg.queries.guard import check_query
    from cwkg.queries.querytext import query_text

    fmt = check_format(fmt)
    try:
        text = query_text(text)
        check_query(text, allow_service)
    except CwkgError as exc:
        fail(str(exc))

    def work() -> int:
        try:
            with source.open() as store:
                result = store.query(text)
                form = answer_form(result)
                if form == "boolean":
                    typer.echo("true" if bool(result) else "false")
                elif form == "solutions":
                    columns = [v.value for v in result.variables]
                    rows = output.Page(({c: s[c] for c in columns} for s in result), limit, offset)
                    if rows.empty() and source.endpoint:
                        union_hint(store)
                    output.write(columns, rows, fmt, wide=wide)
                    say_any(output.cut_note(rows.cut, rows.shown, offset))
                else:
                    ox.serialize(result, sys.stdout.buffer, ox.RdfFormat.N_TRIPLES)
        except SyntaxError as exc:
            raise CwkgError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None
        return 0

    try:
        run_read(work, source.endpoint, source.timeout)
    except CwkgError as exc:
        fail(str(exc))


def stats(fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table, csv, tsv or json."),
          wide: bool = wide_option()) -> None:
    """Counts: triples, graphs, documents, meetings, persons, posts and mentions."""
    from cwkg.graph.stats import collect

    fmt = check_format(fmt)
    try:
        with open_store(reading=True) as store:
            rows = collect(store)
            partial = store.partial_loads()
    except CwkgError as exc:
        fail(str(exc))
    output.write(["measure", "value"], rows, fmt, wide=wide)
    for path, began in partial:
        say(f"warning: {path} is partly loaded (begun {began}); `cwkg ingest` it again to complete it")


def check_store() -> None:
    """Check that every stored graph is whole: a file an ingest began and did not finish, a graph that no longer holds
    the triples it was written with, a document graph without its title, text or source. Exit 1 if anything is wrong."""
    from cwkg.graph.integrity import check

    try:
        with open_store(reading=True) as store:
            checked, problems = check(store)
    except CwkgError as exc:
        fail(str(exc))
    for problem in problems:
        typer.echo(problem.line())
    say(f"{checked} graphs checked, {len(problems)} problem{'s' if len(problems) != 1 else ''}")
    if problems:
        raise typer.Exit(1)
