"""The cwkg command line: one verb per job."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import Optional

import typer

from cwkg import __version__, output
from cwkg.boundary import Boundary
from cwkg.config import STORE_ENV, default_store_path, resolve_store_path
from cwkg.errors import CwkgError, one_line

app = typer.Typer(
    cls=Boundary,
    help="cwkg: a knowledge graph of Cold War diplomacy built from memoranda of conversation.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class State:
    store_option: Optional[Path] = None


def _say(line: str) -> None:
    """The one place cwkg writes to standard error: every error, warning and note is one line, without secrets
    (`errors.one_line`)."""
    typer.echo(one_line(line), err=True)


def _fail(message: str, code: int = 1) -> None:
    _say(f"error: {message}")
    raise typer.Exit(code)


def _open_store(reading: bool = False, existing: bool | None = None):
    """The embedded store; a command that only reads (`reading`) may get it read-only when it cannot be written.
    Only `ingest` and `link` make a store: any other command (`existing`, the default when reading) on a folder
    that holds none says so, and creates nothing, instead of answering from an empty store."""
    from cwkg.graph.store import GraphStore, require_store

    path = resolve_store_path(State.store_option)
    if reading if existing is None else existing:
        require_store(path)
    return GraphStore(path, reading=reading)


def _endpoint_option():
    return typer.Option(None, "--endpoint", "-e", help="Query this SPARQL endpoint instead of the embedded store "
                        "(it must answer over the union of its graphs, as `cwkg serve` does).")


def _user_option():
    return typer.Option(None, "--user", envvar="CWKG_ENDPOINT_USER", help="HTTP basic-auth user for --endpoint.")


def _password_option():
    return typer.Option(None, "--password", envvar="CWKG_ENDPOINT_PASSWORD", show_default=False,
                        help="HTTP basic-auth password (better: set CWKG_ENDPOINT_PASSWORD).")


def _token_option():
    return typer.Option(None, "--token", envvar="CWKG_ENDPOINT_TOKEN", show_default=False,
                        help="Bearer token for --endpoint (better: set CWKG_ENDPOINT_TOKEN).")


def _max_answer_option():
    # 256: graph.answers.DEFAULT_MAX_ANSWER_MB, not imported here so that the command line starts without pyoxigraph
    return typer.Option(256.0, "--max-answer-mb", min=0.001, help="Refuse a remote answer larger than this many MB "
                        "(it is read in pieces and stopped there, never read whole).")


def _timeout_option():
    return typer.Option(60.0, "--timeout", min=0, help="Seconds to wait for each answer of a remote store.")


class _Target:
    """The store a read command asks: the embedded one, or a remote endpoint."""

    def __init__(self, endpoint: Optional[str], user: Optional[str], password: Optional[str], token: Optional[str],
                 timeout: float = 60.0, max_answer_mb: float = 256.0, indexed: bool = False) -> None:
        self.endpoint, self.user, self.password, self.token, self.timeout = endpoint, user, password, token, timeout
        self.max_answer_mb = max_answer_mb
        self.indexed = indexed
        self._store = None

    def __enter__(self):
        if self.endpoint:
            from cwkg.graph.endpoint import Credentials, Endpoint
            from cwkg.graph.remote import RemoteStore

            url = Endpoint.from_url(self.endpoint).query
            return RemoteStore(url, Credentials(self.user, self.password, self.token), timeout=self.timeout,
                               max_answer_mb=self.max_answer_mb)
        if self.indexed:  # `ask` may build and keep the claim index: a reader that may write
            self._store = _open_store(reading=True)
            self._store.ensure_static()
        else:
            from cwkg.graph.store import GraphStore, require_store

            require_store(path := resolve_store_path(State.store_option))
            self._store = GraphStore.for_reading(path)
        return self._store

    def __exit__(self, *exc: object) -> None:
        if self._store is not None:
            self._store.close()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"cwkg {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    store: Optional[Path] = typer.Option(
        None, "--store", "-s", help=f"Folder of the embedded store (default: ${STORE_ENV}, else {default_store_path()})."
    ),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    State.store_option = store


@app.command()
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

    from cwkg.inputs import absolute, binary
    from cwkg.loaders import binary_format
    from cwkg.loaders.metadata import read_catalogue
    from cwkg.cluster import runner
    from cwkg.pipeline import expand, ingest as run_ingest

    try:
        catalogue = read_catalogue(catalog) if catalog is not None else None
    except CwkgError as exc:
        _fail(str(exc))
    try:
        run_ingest = runner(run_ingest, cluster, validate, shards, no_load, resolve_store_path(State.store_option))
    except CwkgError as exc:
        _fail(str(exc), 2)

    found = expand(paths)
    named = {path for path, explicit in found if explicit}
    # An image or an archive met in a folder is no record: skipped, as a README is, not "not UTF-8 text" (named, it
    # fails); a PDF or Word file is read
    binaries = [path for path, explicit in found if not explicit and binary(path) and not binary_format(path)]
    skip = set(binaries)
    files = [path for path, _ in found if path not in skip]
    if not files and not binaries:
        _fail("no files to load in " + ", ".join(map(str, paths)))
    for missing in catalogue.unused(files) if catalogue is not None else ():
        _say(f"warning: {catalog}: a row describes {missing}, which this run does not load")
    err = Console(stderr=True)
    _served_note()
    try:
        store = _open_store()
    except CwkgError as exc:
        _fail(str(exc))
    failed = skipped = 0
    sums = {"documents": 0, "meetings": 0, "positions": 0, "refused": 0}
    resumed = {p for p, _ in store.partial_loads()}
    for path in files:
        if str(absolute(path)) in resumed:
            _say(f"completing {path}: a previous ingest of it was cut off")
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with store, Progress(*columns, console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("files", total=len(files))
        records = bar.add_task("records", total=None)
        for result in run_ingest(store, files, lambda: bar.advance(records), validate=validate, jobs=max(1, jobs),
                                 catalogue=catalogue):
            bar.advance(task)
            for refusal in result.refused:
                sums["refused"] += 1
                _say(f"refused: {refusal}")
            if result.ok:
                sums["documents"] += result.documents
                sums["meetings"] += result.meetings
                sums["positions"] += result.positions
                if verbose:
                    where = f" -> {result.document}" if result.documents == 1 else ""
                    typer.echo(one_line(f"{result.path}: {result.documents} documents, {result.triples} triples, {result.persons} "
                                        f"persons, {result.meetings} meetings, {result.mentions} mentions, {result.positions} positions{where}"))
            elif result.unrecognised and result.path not in named:
                skipped += 1  # a note or licence beside the records in a folder
                if verbose:
                    _say(f"skipped: {result.error}")
            else:
                failed += 1
                _say(f"error: {result.error}")
        total = store.count()
    loaded, skipped = len(files) - failed - skipped, skipped + len(binaries)
    if verbose:
        for path in binaries:
            _say(f"skipped: {path}: not text (an image or another binary file cwkg does not read)")
    _say(f"{loaded} files loaded ({sums['documents']} documents, {sums['meetings']} meetings, "
         f"{sums['positions']} positions{', ' + str(sums['refused']) + ' refused' if sums['refused'] else ''}), "
         f"{failed} failed, {skipped} skipped{' (--verbose names them)' if skipped and not verbose else ''}; "
         f"store {store.path} holds {total} triples")
    if failed:
        raise typer.Exit(1)


def _served_note() -> None:
    """Before an ingest into a store `cwkg serve` serves: the server answers from the store as it opened it."""
    from cwkg.graph.serve import served_by

    path = resolve_store_path(State.store_option)
    served = served_by(path)
    if served:
        _say(f"note: {path} is being served by `cwkg serve` (process {served[0]}, {served[1]}), which keeps answering "
             "from the data it opened; stop it and start it again to serve what this ingest loads")


@app.command("queries")
def list_queries() -> None:
    """List the canned queries and their parameters."""
    from cwkg.queries.catalog import load_catalog

    for q in load_catalog().values():
        typer.echo(f"{q.name}: {q.title}")
        typer.echo(f"    {q.description}")
        for p in q.params:
            typer.echo(f"    --param {p.name}=<{p.type}>{'' if p.required else ' (optional)'}  {p.doc}")


def _wide_option():
    return typer.Option(False, "--wide", help="Show tables' long text whole, however wide (default: cut to the "
                        "terminal's width with an ellipsis; csv, tsv and json are never cut).")


def _limit_option():
    return typer.Option(None, "--limit", min=0, help="Print at most this many rows (default: 1000 on a terminal, all otherwise; 0: all).")


def _query_timeout_option(default: Optional[float] = 60.0):
    return typer.Option(default, "--timeout", min=0, help="Seconds the query may run (default 60; the embedded store "
                        "stops it then; a remote store gets this long for each answer).")


def _offset_option():
    return typer.Option(0, "--offset", min=0, help="Leave out this many rows first: with --limit, one page of an "
                        "answer (a canned query's order is total, so pages never overlap or skip a row).")


def _cut_note(limit_hit: bool, shown: int, offset: int = 0) -> None:
    if limit_hit and offset:
        _say(f"note: rows {offset + 1}-{offset + shown} are printed (--offset, --limit); --offset {offset + shown} gives the next")
    elif limit_hit:
        _say(f"note: only the first {shown} rows are printed (--limit); give --limit 0 for all")


def _union_hint(store) -> None:
    """Before an empty answer from a remote store: a hint when its default graph lacks cwkg's graphs."""
    from cwkg.graph.remote import union_hint

    hint = union_hint(store)
    if hint:
        _say(hint)


def _run_read(work, endpoint: Optional[str], timeout: float, watched: bool = True) -> None:
    """Run a read against the embedded store within its time and memory limits (`watched`), or a remote one directly."""
    from cwkg.bounded import bounded

    code = work() if endpoint or not watched else bounded(work, timeout)
    if code:
        raise typer.Exit(code)


@app.command()
def query(
    name: str = typer.Argument(..., help="A canned query (see `cwkg queries`)."),
    param: list[str] = typer.Option([], "--param", "-p", help="A parameter as key=value; repeatable."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table, csv, tsv or json (default: table on a terminal, tsv otherwise)."),
    limit: Optional[int] = _limit_option(),
    offset: int = _offset_option(),
    wide: bool = _wide_option(),
    endpoint: Optional[str] = _endpoint_option(),
    user: Optional[str] = _user_option(),
    password: Optional[str] = _password_option(),
    token: Optional[str] = _token_option(),
    timeout: Optional[float] = _query_timeout_option(None),
    max_answer_mb: float = _max_answer_option(),
) -> None:
    """Run a canned query; every row names the document it comes from."""
    from cwkg.queries.catalog import load_catalog
    from cwkg.queries.runner import run

    fmt = _check_format(fmt)
    catalog = load_catalog()
    if name not in catalog:
        _fail(f"no canned query '{name}' (known: {', '.join(catalog)})")
    values: dict[str, str] = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            _fail(f"--param '{item}' is not key=value")
        values[key.strip()] = value.strip()

    def work() -> int:
        with _Target(endpoint, user, password, token, timeout or 60.0, max_answer_mb) as store:
            result = run(store, catalog[name], values)
        for item in result.unresolved:
            _say(f"warning: {item} names no entity in the graph; no rows match it")
        rows = output.Page(result.rows, limit, offset)
        if rows.empty() and endpoint:
            _union_hint(store)
        output.write(result.columns, rows, fmt, wide=wide)
        _cut_note(rows.cut, rows.shown, offset)
        return 0

    try:
        _run_read(work, endpoint, timeout or 60.0, watched=timeout is not None or catalog[name].may_run_long(values))
    except CwkgError as exc:
        _fail(str(exc))


MAX_QUERY_BYTES = 1024 * 1024  # a query file: the longest canned query is a few kilobytes


def _query_text(text: str) -> str:
    """The query itself, or the text of the file it names: UTF-8 text only."""
    from cwkg.inputs import read_text

    from cwkg.queries.guard import looks_like_path

    try:
        is_file = len(text) < 4096 and "\n" not in text and Path(text).is_file()
    except OSError:
        is_file = False  # a long one-line query is no file name
    if not is_file:
        if looks_like_path(text):
            raise CwkgError("no such query file (give a SPARQL query, or the path of a file holding one)", text)
        return text
    return read_text(Path(text), MAX_QUERY_BYTES, "query file")


@app.command()
def ask(
    question: str = typer.Argument(..., help='A question in plain words: "Which ambassadors discussed Albania in 1962?"'),
    fmt: str = typer.Option("table", "--format", "-f", help="table or json."),
    show_query: bool = typer.Option(False, "--show-query", help="Also print the canned queries run, their parameters and SPARQL."),
    endpoint: Optional[str] = _endpoint_option(),
    user: Optional[str] = _user_option(),
    password: Optional[str] = _password_option(),
    token: Optional[str] = _token_option(),
    timeout: float = _query_timeout_option(),
    max_answer_mb: float = _max_answer_option(),
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
            with _Target(endpoint, user, password, token, timeout, max_answer_mb, indexed=True) as store:
                try:
                    answer = answer_question(store, question)
                except Refusal:
                    if endpoint:
                        _union_hint(store)  # a name the endpoint's default graph does not hold
                    raise
                if endpoint and not answer.entries:
                    _union_hint(store)
        except Refusal as exc:
            _say(f"cannot answer: {explain(exc, load_catalog())}")
            return 2
        if answer.caveat:
            _say(answer.caveat)
        if show_query and fmt == "table":
            typer.echo(render.queries_text(answer))
        if fmt == "json":
            typer.echo(render.as_json(answer, show_query))
        elif answer.entries:
            typer.echo(render.as_table(answer))
        if not answer.entries:
            _say(f"{answer.note}: the question was read as '{answer.kind}', and no record in the store answers it")
            return 1
        return 0

    try:
        _run_read(work, endpoint, timeout)
    except CwkgError as exc:
        _fail(str(exc))


@app.command()
def sparql(
    text: str = typer.Argument(..., help="A SPARQL query, or the path of a file holding one."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table, csv, tsv or json for SELECT results."),
    limit: Optional[int] = _limit_option(),
    offset: int = _offset_option(),
    wide: bool = _wide_option(),
    allow_service: bool = typer.Option(False, "--allow-service", help="Let SERVICE clauses send the query to other servers."),
    endpoint: Optional[str] = _endpoint_option(),
    user: Optional[str] = _user_option(),
    password: Optional[str] = _password_option(),
    token: Optional[str] = _token_option(),
    timeout: float = _query_timeout_option(),
    max_answer_mb: float = _max_answer_option(),
) -> None:
    """Run your own read-only SPARQL query over all graphs (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    import pyoxigraph as ox

    from cwkg.graph.remote import RemoteBoolean, RemoteSolutions
    from cwkg.queries.guard import check_query

    fmt = _check_format(fmt)
    try:
        text = _query_text(text)
        check_query(text, allow_service)
    except CwkgError as exc:
        _fail(str(exc))

    def work() -> int:
        try:
            with _Target(endpoint, user, password, token, timeout, max_answer_mb) as store:
                result = store.query(text)
                if isinstance(result, (ox.QueryBoolean, RemoteBoolean)):
                    typer.echo("true" if bool(result) else "false")
                elif isinstance(result, (ox.QuerySolutions, RemoteSolutions)):
                    columns = [v.value for v in result.variables]
                    rows = output.Page(({c: s[c] for c in columns} for s in result), limit, offset)
                    if rows.empty() and endpoint:
                        _union_hint(store)
                    output.write(columns, rows, fmt, wide=wide)
                    _cut_note(rows.cut, rows.shown, offset)
                else:
                    ox.serialize(result, sys.stdout.buffer, ox.RdfFormat.N_TRIPLES)
        except SyntaxError as exc:
            raise CwkgError(f"SPARQL syntax error: {str(exc).splitlines()[0]}") from None
        return 0

    try:
        _run_read(work, endpoint, timeout)
    except CwkgError as exc:
        _fail(str(exc))


@app.command()
def export(
    fmt: str = typer.Option("turtle", "--format", "-f", help="turtle, nt, rdfxml, nquads, trig or jsonld."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: standard output)."),
    documents_only: bool = typer.Option(False, "--documents-only", help="Leave out the ontology and authority graphs."),
    graph: list[str] = typer.Option([], "--graph", "-g", help="Export only this named graph (an IRI); repeatable."),
    document: list[str] = typer.Option([], "--document", "-d", help="Export only this document's graph (its id, IRI or id suffix: d5); repeatable."),
    context_url: Optional[str] = typer.Option(None, "--context-url", help="For jsonld: refer to the context at this URL instead of inlining it."),
    annotations: str = typer.Option("compact", "--annotations", help="compact (a character range and the quote) or full (Web Annotation selectors, for annotation tools)."),
) -> None:
    """Write the graph out; nquads, trig and jsonld keep one named graph per document."""
    from cwkg.graph.store import ANNOTATION_FORMS, FORMATS
    from cwkg.safewrite import refuse_unless_replaceable

    if fmt not in FORMATS:
        raise typer.BadParameter(f"'{fmt}' (use {', '.join(FORMATS)})", param_hint="--format")
    if annotations not in ANNOTATION_FORMS:
        raise typer.BadParameter(f"'{annotations}' (use {', '.join(ANNOTATION_FORMS)})", param_hint="--annotations")
    try:
        if out is not None:
            refuse_unless_replaceable(out)
        with _open_store(reading=True) as store:
            chosen = _chosen_graphs(store, graph, document)
            _export(store, fmt, out, documents_only, chosen, context_url, annotations)
    except CwkgError as exc:
        _fail(str(exc))
    except BrokenPipeError:
        raise  # the reader went away: the command line's boundary stops quietly
    except OSError as exc:
        _fail(f"{out or 'standard output'}: cannot write ({exc.strerror or exc})")


def _chosen_graphs(store, graphs: list[str], documents: list[str]):
    """The named graphs asked for by IRI or document id; None for all."""
    import pyoxigraph as ox

    from cwkg.ontology.vocab import document_iri

    if not graphs and not documents:
        return None
    present = {g.value: g for g in store.graphs()}
    chosen = []
    for iri in graphs:
        if iri not in present:
            raise CwkgError(f"no graph <{iri}> in the store")
        chosen.append(present[iri])
    for doc in documents:
        exact = document_iri(doc).value if not doc.startswith("http") else doc
        found = [g for iri, g in present.items() if iri == exact or (iri.startswith(document_iri("").value) and iri.endswith(f"-{doc}"))]
        if len(found) != 1:
            raise CwkgError(f"no document '{doc}' in the store" if not found else f"'{doc}' names {len(found)} documents; give its IRI")
        chosen.append(found[0])
    return list(dict.fromkeys(chosen))


def _export(store, fmt: str, out: Optional[Path], documents_only: bool, graphs=None, context_url: Optional[str] = None,
            annotations: str = "compact") -> None:
    """Write to standard output, or through `safewrite` (a temporary file beside the target, renamed), so a failed
    or interrupted export leaves no half file."""
    from cwkg.safewrite import replacing

    if out is None:
        store.export(fmt, sys.stdout.buffer, graphs, include_static=not documents_only, context_url=context_url, annotations=annotations)
        sys.stdout.buffer.flush()
        return
    with replacing(out) as fh:
        store.export(fmt, fh, graphs, include_static=not documents_only, context_url=context_url, annotations=annotations)


@app.command()
def push(
    endpoint: str = typer.Option(..., "--endpoint", "-e", help="The remote store's SPARQL query URL (http://host:7878/query) or dataset URL."),
    gsp: Optional[str] = typer.Option(None, "--gsp", help="Its Graph Store Protocol URL (default: /store beside the query URL)."),
    update: Optional[str] = typer.Option(None, "--update", help="Its SPARQL Update URL (default: /update beside the query URL)."),
    protocol: str = typer.Option("gsp", "--protocol", help="gsp (one PUT per graph) or update (SPARQL Update, for stores without the Graph Store Protocol)."),
    delete: bool = typer.Option(False, "--delete", help="Also delete remote graphs that are no longer in the local store."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would move, and move nothing."),
    user: Optional[str] = _user_option(),
    password: Optional[str] = _password_option(),
    token: Optional[str] = _token_option(),
    timeout: float = _timeout_option(),
    max_answer_mb: float = _max_answer_option(),
) -> None:
    """Send the named graphs that changed since the last push to a remote SPARQL 1.1 store, then check the counts."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cwkg.graph.endpoint import Credentials, Endpoint, HttpClient
    from cwkg.graph.push import Pusher
    from cwkg.graph.remote import RemoteStore

    if protocol not in ("gsp", "update"):
        raise typer.BadParameter(f"'{protocol}' (use gsp or update)", param_hint="--protocol")
    try:
        target = Endpoint.from_url(endpoint, update=update, store=gsp)
        credentials = Credentials(user, password, token)
        remote = RemoteStore(target.query, credentials, timeout=timeout, max_answer_mb=max_answer_mb)
        with _open_store(reading=True) as store:
            pusher = Pusher(store, target, HttpClient(credentials, timeout=timeout, max_answer_mb=max_answer_mb), remote, protocol)
            plan = pusher.plan(delete=delete)
            _say(f"{len(plan.send)} graphs to push ({plan.triples} triples), {plan.unchanged} unchanged, "
                 f"{len(plan.delete)} to delete" + (f", {len(plan.stale)} remote graphs no longer here (kept; --delete removes them)"
                                                  if plan.stale else ""))
            if dry_run:
                for g in plan.send:
                    typer.echo(f"push\t{g.graph.value}\t{g.triples}")
                for g in plan.delete:
                    typer.echo(f"delete\t{g.value}")
                return
            err = Console(stderr=True)
            with Progress(TextColumn("push"), BarColumn(), MofNCompleteColumn(), console=err, transient=True,
                          disable=not err.is_terminal) as bar:
                task = bar.add_task("triples", total=plan.triples)
                outcome = pusher.push(plan, lambda n: bar.advance(task, n))
    except CwkgError as exc:
        _fail(str(exc))
    for graph, here, there in outcome.mismatches:
        _say(f"mismatch: {graph}: {here} triples here, {there} on the remote")
    _say(f"pushed {outcome.sent} graphs ({plan.triples} triples), deleted {outcome.deleted}; "
         f"counts {'differ for ' + str(len(outcome.mismatches)) + ' graphs' if outcome.mismatches else 'equal on both sides'}")
    if outcome.mismatches:
        raise typer.Exit(1)


@app.command("load")
def load_shards(shards: list[Path] = typer.Argument(..., help="Shard files (N-Quads) or folders of them, as `ingest --cluster` writes them.")) -> None:
    """Bulk-load N-Quads shards into the store, each all or nothing, then work out what an ingest does after."""
    from cwkg.shards import load_shards as load, shard_files, summary

    try:
        files = shard_files(shards)
        with _open_store() as store:
            results = list(load(store, files, on_error=lambda r: _say(f"error: {r.error}")))
            _say(summary(results, store))
    except CwkgError as exc:
        _fail(str(exc))
    if not all(r.ok for r in results):
        raise typer.Exit(1)


@app.command()
def link(
    endpoint: Optional[str] = typer.Option(None, "--endpoint", "-e", envvar="CWKG_WIKIDATA_ENDPOINT",
                                           help="A Wikidata-shaped SPARQL endpoint (default: the Wikidata Query Service)."),
    accept: Optional[Path] = typer.Option(None, "--accept", help="Apply a curator's choices: a review file with `accept` set "
                                          "to yes on the chosen row of each entity."),
    review: Path = typer.Option(Path("wikidata-review.csv"), "--review", help="Where to write the candidates a curator must choose among."),
    kinds: list[str] = typer.Option([], "--kind", help="Only these kinds (person, state, party, place, event); repeatable."),
    threshold: float = typer.Option(0.8, "--threshold", help="Link automatically from this score (0-1) when no other candidate is close."),
    offline: bool = typer.Option(False, "--offline", help="Send nothing: answer from the cache alone, and say what is missing."),
    refresh: bool = typer.Option(False, "--refresh", help="Ask again even what the cache holds (and keep the new answers)."),
    no_enrich: bool = typer.Option(False, "--no-enrich", help="Link only; do not fetch the facts of linked items."),
    cache: Optional[Path] = typer.Option(None, "--cache", envvar="CWKG_WIKIDATA_CACHE",
                                         help="The answer cache (default: $XDG_CACHE_HOME/cwkg/wikidata)."),
    contact: Optional[str] = typer.Option(None, "--contact", envvar="CWKG_CONTACT",
                                          help="An e-mail or URL for the User-Agent, as Wikimedia's policy asks."),
    timeout: float = typer.Option(60.0, "--timeout", min=0, help="Seconds to wait for one answer before trying again."),
    max_answer_mb: float = _max_answer_option(),
) -> None:
    """Link people, states, parties, places and events to Wikidata items, and bring in what Wikidata says of them."""
    from cwkg.graph.wikidata.client import WIKIDATA_QUERY_SERVICE, ClientSettings, WikidataClient
    from cwkg.graph.wikidata.entities import KINDS
    from cwkg.graph.wikidata.linker import accept as accept_choices, link as link_entities

    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        _fail(f"unknown kind '{unknown[0]}' (use {', '.join(KINDS)})", 2)
    if not 0 < threshold <= 1:
        _fail(f"--threshold must be above 0 and at most 1, not {threshold}", 2)
    settings = ClientSettings(endpoint=endpoint or WIKIDATA_QUERY_SERVICE, contact=contact, cache_dir=cache,
                              offline=offline, refresh=refresh, timeout_s=timeout, max_answer_mb=max_answer_mb)
    client = WikidataClient(settings)
    try:
        with _open_store() as store:
            if accept is not None:
                report = accept_choices(store, client, accept, enrich=not no_enrich)
                _say(f"{report.linked['curator']} links accepted from {accept}; facts of {report.enriched} linked items "
                     f"({report.fact_triples} triples); {report.requests} requests sent, {report.from_cache} answered from the cache")
                return
            report = link_entities(store, client, review, kinds or KINDS, threshold, enrich=not no_enrich)
    except CwkgError as exc:
        _fail(str(exc))
    except KeyError as exc:  # an answer of well-formed terms without a variable the linking query selects
        _fail(f"{settings.endpoint}: the endpoint's answer lacks ?{exc.args[0]}, which a Wikidata query service "
              "sends; is this a Wikidata-shaped endpoint?")
    _say(report.line(review))


view_app = typer.Typer(help="Self-contained HTML pictures of the graph (open from a file, no network needed).",
                       invoke_without_command=True)
app.add_typer(view_app, name="view")


def _entity(store, text: Optional[str], param: str):
    from cwkg.queries.resolve import Resolver

    if text is None:
        return None
    found = Resolver(store).resolve(text, param)
    if found is None:
        raise CwkgError(f"no entity called '{text}' in the store (--{param})")
    return found.value


def _write_page(path: Path, text: str) -> None:
    from cwkg.views.site import write_file

    try:
        size = write_file(path, text)
    except OSError as exc:
        raise CwkgError(f"cannot write it: {exc.strerror or exc}", str(path)) from None
    _say(f"wrote {path} ({size / 1e6:.1f} MB)")


@view_app.callback()
def view_site(
    ctx: typer.Context,
    out: Path = typer.Option(Path("cwkg-site"), "--output", "-o", help="The folder to write the site into (new, empty, or an earlier site)."),
    topics: int = typer.Option(5, "--topics", min=0, help="How many topic timelines (the topics most positions are about)."),
) -> None:
    """With no subcommand: write a small site (index, one page per document, the network, topic timelines)."""
    if ctx.invoked_subcommand is not None:
        return
    from cwkg.views.site import write_site

    try:
        with _open_store(reading=True) as store:
            report = write_site(store, out, topics)
    except CwkgError as exc:
        _fail(str(exc))
    _say(f"wrote {out}/index.html: {report.documents} documents, {report.actors} people and states, "
         f"{report.timelines} timelines ({report.bytes / 1e6:.1f} MB in {report.seconds:.1f} s)")


@view_app.command("document")
def view_document(
    doc: str = typer.Argument(..., help="The document: its IRI, its id or the name of the file it came from."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="The HTML file (default: document-ID.html)."),
) -> None:
    """The document's text with its mentions, positions (speaker in the margin) and meetings."""
    from cwkg.views.document import render_document
    from cwkg.views.model import read_document

    try:
        with _open_store(reading=True) as store:
            view = read_document(store, doc)
        if not view.positions:
            _say(f"note: {view.iri} has no stated positions; the page shows its mentions and meetings")
        _write_page(out or Path(f"document-{view.key}.html"), render_document(view))
    except CwkgError as exc:
        _fail(str(exc))


@view_app.command("network")
def view_network(
    topic: Optional[str] = typer.Option(None, "--topic", help="Only meetings whose record mentions it, and positions about it."),
    year: Optional[str] = typer.Option(None, "--year", help="A year (1962) or a range (1960-1965)."),
    person: Optional[str] = typer.Option(None, "--person", help="Only what this person took part in or was spoken of in."),
    out: Path = typer.Option(Path("network.html"), "--output", "-o", help="The HTML file."),
    href: str = typer.Option("document-{key}.html", "--documents", help="Where document pages are, for the links ({key}: the document id)."),
) -> None:
    """People and states, meetings between them, positions from speaker to subject; filters in the page."""
    from cwkg.queries.runner import parse_year_range
    from cwkg.views.network import Filters, read_network, render_network

    try:
        years = parse_year_range(year) if year else None
        with _open_store(reading=True) as store:
            network = read_network(store, Filters(_entity(store, topic, "topic"), years, _entity(store, person, "person")))
        if not network.nodes:
            raise CwkgError("no meetings or positions match these filters: nothing to draw")
        _write_page(out, render_network(network, href))
    except CwkgError as exc:
        _fail(str(exc))


@view_app.command("timeline")
def view_timeline(
    topic: str = typer.Option(..., "--topic", help="The entity or topic whose positions to draw."),
    year: Optional[str] = typer.Option(None, "--year", help="A year (1962) or a range (1960-1965)."),
    by: str = typer.Option("speaker", "--by", help="One lane per speaker or per state."),
    out: Optional[Path] = typer.Option(None, "--output", "-o", help="The HTML file (default: timeline-TOPIC.html)."),
    href: str = typer.Option("document-{key}.html", "--documents", help="Where document pages are, for the links ({key}: the document id)."),
) -> None:
    """Every position on a topic in date order, a lane per speaker or state, stance as colour."""
    from cwkg.ontology.vocab import slug
    from cwkg.queries.runner import parse_year_range
    from cwkg.views.timeline import read_timeline, render_timeline

    if by not in ("speaker", "state"):
        _fail(f"--by must be speaker or state, not '{by}'", 2)
    try:
        years = parse_year_range(year) if year else None
        with _open_store(reading=True) as store:
            timeline = read_timeline(store, _entity(store, topic, "topic"), years, by)
        _write_page(out or Path(f"timeline-{slug(timeline.topic_label)}.html"), render_timeline(timeline, href))
    except CwkgError as exc:
        _fail(str(exc))


@app.command()
def serve(
    port: int = typer.Option(7878, "--port", "-p", min=1, max=65535, help="Port to listen on."),
    bind: str = typer.Option("127.0.0.1", "--bind", help="Address to listen on (127.0.0.1: this machine only)."),
    writable: bool = typer.Option(False, "--writable", help="Also accept SPARQL updates and Graph Store writes (default: read-only)."),
    timeout: Optional[int] = typer.Option(None, "--timeout", min=1, help="Stop any query that runs longer than this many seconds."),
    timeout_s: Optional[int] = typer.Option(None, "--timeout-s", hidden=True, help="The old name of --timeout."),
    site_port: Optional[int] = typer.Option(None, "--site-port", min=1, max=65535, help="Port of the site: question box, canned-query forms, "
                                            "document, network and timeline views (default: --port + 1)."),
    no_site: bool = typer.Option(False, "--no-site", help="Serve the SPARQL endpoint only."),
) -> None:
    """Open the embedded store as a SPARQL 1.1 endpoint (Oxigraph's server) and a small site to ask it, until Ctrl-C."""
    from cwkg.graph.serve import Server
    from cwkg.web.serving import run as serve_both

    server = Server(resolve_store_path(State.store_option), bind, port, writable, timeout if timeout is not None else timeout_s)
    try:
        serve_both(server, None if no_site else (port + 1 if site_port is None else site_port), _say)
    except CwkgError as exc:
        _fail(str(exc))


@app.command()
def stats(fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table, csv, tsv or json."),
          wide: bool = _wide_option()) -> None:
    """Counts: triples, graphs, documents, meetings, persons, posts and mentions."""
    from cwkg.graph.stats import collect

    fmt = _check_format(fmt)
    try:
        with _open_store(reading=True) as store:
            rows = collect(store)
            partial = store.partial_loads()
    except CwkgError as exc:
        _fail(str(exc))
    output.write(["measure", "value"], rows, fmt, wide=wide)
    for path, began in partial:
        _say(f"warning: {path} is partly loaded (begun {began}); `cwkg ingest` it again to complete it")


@app.command("check-store")
def check_store() -> None:
    """Check that every stored graph is whole: a file an ingest began and did not finish, a graph that no longer holds
    the triples it was written with, a document graph without its title, text or source. Exit 1 if anything is wrong."""
    from cwkg.graph.integrity import check

    try:
        with _open_store(reading=True) as store:
            checked, problems = check(store)
    except CwkgError as exc:
        _fail(str(exc))
    for problem in problems:
        typer.echo(problem.line())
    _say(f"{checked} graphs checked, {len(problems)} problem{'s' if len(problems) != 1 else ''}")
    if problems:
        raise typer.Exit(1)


@app.command()
def validate(
    shacl: bool = typer.Option(False, "--shacl", help="Only the SHACL data rules."),
    reason_: bool = typer.Option(False, "--reason", help="Only OWL reasoning with HermiT."),
    document: list[str] = typer.Option([], "--document", "-d", help="Only these documents (IRI, id or id suffix: d5); default: the whole store."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="table or json (default: table on a terminal, json otherwise)."),
) -> None:
    """Check the graph: SHACL data rules and HermiT consistency (both by default); exit 1 if anything is violated."""
    import json

    from cwkg.graph.reason import JavaMissing, reason
    from cwkg.graph.validate import validate_store

    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    run_shacl, run_reason = (shacl or not reason_), (reason_ or not shacl)
    report: dict = {}
    failed = False
    try:
        with _open_store(existing=True) as store:
            store.ensure_static()
            graphs = _chosen_graphs(store, [], document)
            if run_shacl:
                _progress(f"checking the SHACL data rules over {len(graphs) if graphs else 'all the'} graphs ...")
                violations = validate_store(store, graphs)
                report["shacl"] = {"conforms": not violations, "violations": [v.as_dict() for v in violations]}
                failed |= bool(violations)
            if run_reason:
                try:
                    _progress("checking OWL consistency with HermiT (Java) ...")
                    result = reason(store, graphs)
                    report["reasoning"] = result.as_dict()
                    failed |= not result.consistent
                except JavaMissing as exc:
                    _say(f"error: {exc}")
                    report["reasoning"] = {"error": str(exc)}
                    failed = True
    except CwkgError as exc:
        _fail(str(exc))
    if fmt == "json":
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print_validation(report)
    if failed:
        raise typer.Exit(1)


def _progress(line: str) -> None:
    """A stage of a long command, on a terminal only: what a person waiting sees, never what a program reads."""
    if sys.stderr.isatty():
        _say(line)


def _print_validation(report: dict) -> None:
    if "shacl" in report:
        shacl = report["shacl"]
        if shacl["conforms"]:
            typer.echo("SHACL: the graph conforms to every data rule.")
        else:
            typer.echo(f"SHACL: {len(shacl['violations'])} violations")
            by_rule: dict[str, list[dict]] = {}
            for v in shacl["violations"]:
                by_rule.setdefault(v["rule"], []).append(v)
            for rule, items in by_rule.items():
                typer.echo(f"  {rule} ({len(items)}){' [blocking]' if items[0]['blocking'] else ''}")
                for v in items[:20]:
                    typer.echo(f"    - {v['label'] or v['focus']}  ({v['document'] or 'no document'})")
                if len(items) > 20:
                    typer.echo(f"    ... and {len(items) - 20} more")
    if "reasoning" in report:
        r = report["reasoning"]
        if "error" in r:
            typer.echo(f"Reasoning: not run ({r['error']})")
        elif r["consistent"]:
            typer.echo(f"Reasoning: HermiT finds the graph consistent; {r['inferred']} facts inferred into the "
                       f"inferred graph ({r['documents']} documents in {r['batches']} batches, {r['seconds']} s).")
        else:
            typer.echo("Reasoning: HermiT finds the graph INCONSISTENT:")
            for e in r["explanations"]:
                typer.echo(f"  - {e}")


@app.command()
def docs(out: Path = typer.Option(Path("docs/ontology.html"), "--output", "-o", help="Where to write the HTML reference.")) -> None:
    """Generate a browsable HTML reference of the ontology with pyLODE (the package's docs extra)."""
    from cwkg import ontology

    try:
        from pylode import OntPub
    except ImportError:
        _fail("pyLODE is not installed: pip install 'cwkg[docs]'")
    from cwkg.safewrite import write_bytes

    import logging

    logging.disable(logging.INFO)  # pyLODE and rdflib log INFO and DEBUG lines that mean nothing to the user
    try:
        html = OntPub(ontology=str(ontology.ontology_file())).make_html()
    finally:
        logging.disable(logging.NOTSET)
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_bytes(out, html.encode("utf-8"))
    except CwkgError as exc:
        _fail(str(exc))
    typer.echo(one_line(f"wrote {out} ({len(html)} characters)"))


@app.command("explain")
def explain_document(
    path: Path = typer.Argument(..., help="A document file (a Wilson Center page, a FRUS volume ...)."),
    document: Optional[str] = typer.Option(None, "--document", "-d", help="Which document of a volume: its id (d5) or full id."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="text or json (default: text)."),
    all_sentences: bool = typer.Option(False, "--all", help="Also print sentences that gave no position."),
) -> None:
    """Print the record's voice (author and why, addressee, default speaker, speaker turns), then each sentence
    with the positions drawn from it: speaker, reporter, how it was attributed (rule and reporting words), stance
    and what gave it, what it is about."""
    import json
    from dataclasses import asdict

    from cwkg.explain import choose_document, explain

    fmt = fmt or "text"
    if fmt not in ("text", "json"):
        raise typer.BadParameter(f"'{fmt}' (use text or json)", param_hint="--format")
    try:
        doc = choose_document(path, document)
        explained = explain(doc)
    except CwkgError as exc:
        _fail(str(exc))
        return
    if fmt == "json":
        typer.echo(json.dumps({"document": doc.doc_id, "title": doc.title, "voice": asdict(explained.voice),
                               "sentences": [asdict(s) for s in explained.sentences]}, indent=2, ensure_ascii=False))
        return
    typer.echo(f"{doc.doc_id}: {doc.title}")
    for line in _voice_lines(explained.voice):
        typer.echo(line)
    for s in explained.sentences:
        if not s.positions and not all_sentences:
            continue
        typer.echo(f"\n[{s.start}-{s.end}] {s.text}")
        if not s.positions:
            typer.echo("    (no position: narration, procedure, or no speaker found)")
        for p in s.positions:
            via = f" via {p.reporter}" if p.reporter else ""
            words = f" '{p.verb}'" if p.verb else ""
            typer.echo(f"    {p.speaker}{via}: {p.stance} ({p.why_stance}); rule {p.rule}{words}, confidence {p.confidence}")
            if p.about:
                typer.echo(f"      about: {', '.join(p.about)}")


def _voice_lines(voice) -> list[str]:
    """The voice decision, as `explain` prints it before the sentences."""
    lines = [f"author: {voice.author or 'not found'}" + (f" ({voice.author_why})" if voice.author_why else ""),
             f"addressee: {voice.addressee or 'not named'}",
             "default speaker: " + (f"{voice.default_speaker} (the record is its author's own statement)" if voice.default_speaker
                                    else "none (the record reports what others said; each sentence needs a cue or a turn)")]
    lines += [f"turn [{t.start}-{t.end}] '{t.label}': {t.speaker}" for t in voice.turns]
    return lines


@app.command("eval")
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
    import json

    from cwkg.evaluate import evaluate
    from cwkg.inputs import absolute

    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt not in ("table", "json"):
        raise typer.BadParameter(f"'{fmt}' (use table or json)", param_hint="--format")
    if not gold and not frus:
        _fail("Missing argument 'GOLD_FILE...' or option '--frus'; see `cwkg eval --help`", 2)
    if frus:
        _evaluate_frus(frus, fmt)
    if not gold:
        return
    from cwkg.evaluate import by_archive, total

    reports = []
    for path in gold:
        roots = list(corpus) or [absolute(path).parent.parent / "corpus"]
        try:
            reports.append(evaluate(path, roots))
        except CwkgError as exc:
            _fail(str(exc))
    overall = total(reports)
    archives = by_archive(reports) if len(reports) > 1 else []
    if fmt == "json":
        typer.echo(json.dumps({"files": [r.as_dict() for r in reports], "archives": [a.as_dict() for a in archives],
                               "total": overall.as_dict()}, indent=2, ensure_ascii=False))
        return
    _print_scores(([] if totals else reports) + (archives if len(archives) > 1 else []) + ([overall] if len(reports) > 1 or totals else []))
    if details:
        for r in reports:
            for kind, texts in r.findings.items():
                for text in texts:
                    typer.echo(one_line(f"{r.name}: {kind}: {text}"))


def _print_scores(reports: list) -> None:
    """One row per measure, one column per file and the total: P/R/F1 for found items, accuracy for the rest."""
    from cwkg.evaluate import Score

    def shorten(name: str) -> str:
        if name.startswith("archive: "):  # "History and Public Policy Program Digital Archive": HPPPDA
            archive = name.removeprefix("archive: ")
            initials = "".join(w[0] for w in archive.split() if w[0].isupper())
            return archive if len(archive) <= 12 or len(initials) < 2 else initials
        return name.rsplit("-", 1)[-1]

    short = [shorten(r.name) for r in reports]
    if len(set(short)) < len(short):
        short = [r.name for r in reports]
    heads = [h if len(h) <= 12 else h[:11] + "…" for h in short]
    lines = [("measure", heads)]
    for name in reports[0].measures():
        cells = [r.measures()[name] for r in reports]
        if isinstance(cells[0], Score):
            for label, attr in (("P", "precision"), ("R", "recall"), ("F1", "f1")):
                lines.append((f"{name} {label}", [f"{getattr(c, attr):.3f}" if c.tp + c.fp + c.fn else "-" for c in cells]))
        else:
            lines.append((f"{name} acc", [f"{c.value:.3f}" if c.total else "-" for c in cells]))
    width = max(8, max(len(h) for h in heads) + 2)
    for name, head in zip((r.name for r in reports), heads):
        if head != name:
            typer.echo(f"{head}: {name}")
    for label, values in lines:
        typer.echo(f"{label:<22}" + "".join(f"{v:>{width}}" for v in values))


FRUS_DISAGREEMENTS_SHOWN = 20  # marked spans the text does not bear out, listed under a volume's scores


def _evaluate_frus(volumes: list[Path], fmt: str) -> None:
    import json

    from cwkg.evaluate_frus import evaluate_frus

    reports = []
    for path in volumes:
        try:
            reports.append(evaluate_frus(path))
        except CwkgError as exc:
            _fail(str(exc))
    if fmt == "json":
        typer.echo(json.dumps([r.as_dict(FRUS_DISAGREEMENTS_SHOWN) for r in reports], indent=2, ensure_ascii=False))
        return
    for r in reports:
        typer.echo(one_line(f"{r.volume} ({r.documents} documents)"))
        lines = [{"measure": name, "P": f"{s.precision:.3f}", "R": f"{s.recall:.3f}", "F1": f"{s.f1:.3f}", "tp/fp/fn": f"{s.tp}/{s.fp}/{s.fn}"}
                 for name, s in (("person mentions", r.person_mentions), ("person mentions, checked", r.person_mentions_checked),
                                 ("participants", r.participants))]
        lines += [{"measure": name, "P": "", "R": "", "F1": f"{a.value:.3f}", "tp/fp/fn": f"{a.correct}/{a.total}"}
                  for name, a in (("dateline date", r.dateline_date), ("dateline place", r.dateline_place))]
        output.write(["measure", "P", "R", "F1", "tp/fp/fn"], [{k: _lit(v) for k, v in line.items()} for line in lines], "table", count=False)
        reasons = ", ".join(f"{reason}: {n}" for reason, n in r.by_reason().items())
        typer.echo(f"disagreements (marked persons the text does not bear out): {len(r.disagreements)}"
                   + (f" ({reasons})" if reasons else ""))
        for d in r.disagreements[:FRUS_DISAGREEMENTS_SHOWN]:
            typer.echo(f"  {d.line()}")
        if len(r.disagreements) > FRUS_DISAGREEMENTS_SHOWN:
            typer.echo(f"  ... and {len(r.disagreements) - FRUS_DISAGREEMENTS_SHOWN} more (--format json lists the first {FRUS_DISAGREEMENTS_SHOWN} too)")


def _lit(value: str):
    import pyoxigraph as ox

    return ox.Literal(value)


def _check_format(fmt: Optional[str]) -> str:
    fmt = fmt or output.default_format()
    if fmt not in output.FORMATS:
        raise typer.BadParameter(f"'{fmt}' (use {', '.join(output.FORMATS)})", param_hint="--format")
    return fmt


def run() -> None:
    """The `cwkg` command. Every failure ends as one line on standard error and an exit code, the same for every
    command (`boundary`): 0 done, 1 the work failed (or found violations), 2 a usage error, 130 interrupted, 141 a
    closed pipe. CWKG_DEBUG=1 shows the traceback of an unexpected failure instead."""
    from cwkg.boundary import finish

    sys.exit(finish(lambda: app(prog_name="cwkg", standalone_mode=False), _say, _plain))


def _plain(exc: BaseException) -> str:
    """An unexpected failure in one line: a store that is damaged said as such, the rest in `boundary`'s words."""
    from cwkg.boundary import unforeseen
    from cwkg.graph.store import store_error

    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, RuntimeError) and re.search(r"Corruption|IO error|No such file|MANIFEST|CURRENT", text):
        return str(store_error(exc, resolve_store_path(State.store_option)))
    return unforeseen(exc)
