"""The commands that move the graph out of the store or bring links in: `export`, `push`, `link`."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cwkg.errors import CwkgError

from .common import (choose, fail, max_answer_option, open_store, password_option, say, timeout_option, token_option,
                     user_option)


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
    from cwkg.exporting import ExportRequest, export as write
    from cwkg.graph.selection import chosen_graphs
    from cwkg.graph.store import ANNOTATION_FORMS, FORMATS
    from cwkg.safewrite import refuse_unless_replaceable

    choose(fmt, FORMATS, "--format")
    choose(annotations, ANNOTATION_FORMS, "--annotations")
    try:
        if out is not None:
            refuse_unless_replaceable(out)
        with open_store(reading=True) as store:
            chosen = chosen_graphs(store.graphs(), graph, document)
            write(store, ExportRequest(fmt, out, documents_only, chosen, context_url, annotations))
    except CwkgError as exc:
        fail(str(exc))
    except BrokenPipeError:
        raise  # the reader went away: the command line's boundary stops quietly
    except OSError as exc:
        fail(f"{out or 'standard output'}: cannot write ({exc.strerror or exc})")


def push(
    endpoint: str = typer.Option(..., "--endpoint", "-e", help="The remote store's SPARQL query URL (http://host:7878/query) or dataset URL."),
    gsp: Optional[str] = typer.Option(None, "--gsp", help="Its Graph Store Protocol URL (default: /store beside the query URL)."),
    update: Optional[str] = typer.Option(None, "--update", help="Its SPARQL Update URL (default: /update beside the query URL)."),
    protocol: str = typer.Option("gsp", "--protocol", help="gsp (one PUT per graph) or update (SPARQL Update, for stores without the Graph Store Protocol)."),
    delete: bool = typer.Option(False, "--delete", help="Also delete remote graphs that are no longer in the local store."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Say what would move, and move nothing."),
    user: Optional[str] = user_option(),
    password: Optional[str] = password_option(),
    token: Optional[str] = token_option(),
    timeout: float = timeout_option(),
    max_answer_mb: float = max_answer_option(),
) -> None:
    """Send the named graphs that changed since the last push to a remote SPARQL 1.1 store, then check the counts."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from cwkg.graph.endpoint import Credentials, Endpoint, HttpClient
    from cwkg.graph.push import Pusher
    from cwkg.graph.remote import RemoteStore

    choose(protocol, ("gsp", "update"), "--protocol", "gsp or update")
    try:
        target = Endpoint.from_url(endpoint, update=update, store=gsp)
        credentials = Credentials(user, password, token)
        remote = RemoteStore(target.query, credentials, timeout=timeout, max_answer_mb=max_answer_mb)
        with open_store(reading=True) as store:
            pusher = Pusher(store, target, HttpClient(credentials, timeout=timeout, max_answer_mb=max_answer_mb), remote, protocol)
            plan = pusher.plan(delete=delete)
            say(plan.line())
            if dry_run:
                for line in plan.dry_run_lines():
                    typer.echo(line)
                return
            err = Console(stderr=True)
            with Progress(TextColumn("push"), BarColumn(), MofNCompleteColumn(), console=err, transient=True,
                          disable=not err.is_terminal) as bar:
                task = bar.add_task("triples", total=plan.triples)
                outcome = pusher.push(plan, lambda n: bar.advance(task, n))
    except CwkgError as exc:
        fail(str(exc))
    for line in outcome.mismatch_lines():
        say(line)
    say(outcome.line())
    if outcome.mismatches:
        raise typer.Exit(1)


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
    max_answer_mb: float = max_answer_option(),
) -> None:
    """Link people, states, parties, places and events to Wikidata items, and bring in what Wikidata says of them."""
    from cwkg.graph.wikidata.client import WIKIDATA_QUERY_SERVICE, ClientSettings, WikidataClient
    from cwkg.graph.wikidata.entities import KINDS
    from cwkg.graph.wikidata.linker import accept as accept_choices, link as link_entities

    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        fail(f"unknown kind '{unknown[0]}' (use {', '.join(KINDS)})", 2)
    if not 0 < threshold <= 1:
        fail(f"--threshold must be above 0 and at most 1, not {threshold}", 2)
    settings = ClientSettings(endpoint=endpoint or WIKIDATA_QUERY_SERVICE, contact=contact, cache_dir=cache,
                              offline=offline, refresh=refresh, timeout_s=timeout, max_answer_mb=max_answer_mb)
    client = WikidataClient(settings)
    try:
        with open_store() as store:
            if accept is not None:
                report = accept_choices(store, client, accept, enrich=not no_enrich)
                say(f"{report.linked['curator']} links accepted from {accept}; facts of {report.enriched} linked items "
                    f"({report.fact_triples} triples); {report.requests} requests sent, {report.from_cache} answered from the cache")
                return
            report = link_entities(store, client, review, kinds or KINDS, threshold, enrich=not no_enrich)
    except CwkgError as exc:
        fail(str(exc))
    except KeyError as exc:  # an answer of well-formed terms without a variable the linking query selects
        fail(f"{settings.endpoint}: the endpoint's answer lacks ?{exc.args[0]}, which a Wikidata query service "
             "sends; is this a Wikidata-shaped endpoint?")
    say(report.line(review))
