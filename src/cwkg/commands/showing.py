"""The commands that show the graph to a person: `view` (HTML pages) and `serve` (an endpoint and a site)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from cwkg.errors import CwkgError

from .common import fail, open_store, say, store_path

view_app = typer.Typer(help="Self-contained HTML pictures of the graph (open from a file, no network needed).",
                       invoke_without_command=True)


def _write_page(path: Path, text: str) -> None:
    from cwkg.views.site import write_page

    size = write_page(path, text)
    say(f"wrote {path} ({size / 1e6:.1f} MB)")


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
        with open_store(reading=True) as store:
            report = write_site(store, out, topics)
    except CwkgError as exc:
        fail(str(exc))
    say(f"wrote {out}/index.html: {report.documents} documents, {report.actors} people and states, "
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
        with open_store(reading=True) as store:
            view = read_document(store, doc)
        if not view.positions:
            say(f"note: {view.iri} has no stated positions; the page shows its mentions and meetings")
        _write_page(out or Path(f"document-{view.key}.html"), render_document(view))
    except CwkgError as exc:
        fail(str(exc))


@view_app.command("network")
def view_network(
    topic: Optional[str] = typer.Option(None, "--topic", help="Only meetings whose record mentions it, and positions about it."),
    year: Optional[str] = typer.Option(None, "--year", help="A year (1962) or a range (1960-1965)."),
    person: Optional[str] = typer.Option(None, "--person", help="Only what this person took part in or was spoken of in."),
    out: Path = typer.Option(Path("network.html"), "--output", "-o", help="The HTML file."),
    href: str = typer.Option("document-{key}.html", "--documents", help="Where document pages are, for the links ({key}: the document id)."),
) -> None:
    """People and states, meetings between them, positions from speaker to subject; filters in the page."""
    from cwkg.queries.resolve import resolve_named
    from cwkg.queries.runner import parse_year_range
    from cwkg.views.network import Filters, read_network, render_network

    try:
        years = parse_year_range(year) if year else None
        with open_store(reading=True) as store:
            filters = Filters(resolve_named(store, topic, "topic"), years, resolve_named(store, person, "person"))
            network = read_network(store, filters)
        if not network.nodes:
            raise CwkgError("no meetings or positions match these filters: nothing to draw")
        _write_page(out, render_network(network, href))
    except CwkgError as exc:
        fail(str(exc))


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
    from cwkg.queries.resolve import resolve_named
    from cwkg.queries.runner import parse_year_range
    from cwkg.views.timeline import read_timeline, render_timeline

    if by not in ("speaker", "state"):
        fail(f"--by must be speaker or state, not '{by}'", 2)
    try:
        years = parse_year_range(year) if year else None
        with open_store(reading=True) as store:
            timeline = read_timeline(store, resolve_named(store, topic, "topic"), years, by)
        _write_page(out or Path(f"timeline-{slug(timeline.topic_label)}.html"), render_timeline(timeline, href))
    except CwkgError as exc:
        fail(str(exc))


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

    server = Server(store_path(), bind, port, writable, timeout if timeout is not None else timeout_s)
    try:
        serve_both(server, None if no_site else (port + 1 if site_port is None else site_port), say)
    except CwkgError as exc:
        fail(str(exc))
