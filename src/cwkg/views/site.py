"""`cwkg view` with no subcommand: a small site of the whole graph in one folder: an index of
the documents, a page per document, the actor network and the timelines of the topics most
positions are about. Nothing is fetched from the network; the pages that draw share one copy of plotly.js
(`assets/plotly.min.js`) instead of carrying 4.8 MB each, and the pages link to each other."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from cwkg.errors import CwkgError
from cwkg.ontology.vocab import slug
from cwkg.graph.store import GraphStore
from cwkg.safewrite import refuse_unless_replaceable, replacing_folder, write_bytes

from .document import render_document
from .model import DocumentView, Reader, document_iris, read_document
from .network import Filters, read_network, render_network
from .page import PLOTLY_FILE, escape, page, plotly_js
from .timeline import read_timeline, render_timeline


@dataclass(frozen=True)
class SiteReport:
    documents: int
    timelines: int
    actors: int
    seconds: float
    bytes: int


def _nav(depth: int, topics: list[tuple[str, str]]) -> str:
    up = "../" * depth
    links = [f'<a href="{up}index.html">Documents</a>', f'<a href="{up}network.html">Network</a>']
    links += [f'<a href="{up}timelines/{slug(label)}.html">{escape(label)}</a>' for _, label in topics]
    return f"<nav>{''.join(links)}</nav>"


def top_topics(store: GraphStore, reader: Reader, count: int) -> list[tuple[str, str]]:
    """The entities and topics most dated positions are about, most first."""
    rows = store.query("""SELECT ?t (COUNT(DISTINCT ?pos) AS ?n) WHERE { ?pos a cw:Position ; cw:about|cw:topic ?t .
            FILTER EXISTS { ?pos cw:statedOn ?d } } GROUP BY ?t ORDER BY DESC(?n) ?t LIMIT """ + str(int(count)))
    iris = [r["t"].value for r in rows]
    refs = reader.refs(set(iris))
    return [(i, refs[i].label) for i in iris]


def write_file(path: Path, text: str) -> int:
    """A page written beside its target and renamed (`safewrite`), so a failed run leaves no half page and a
    device, pipe or link in its place is refused."""
    path.parent.mkdir(parents=True, exist_ok=True)
    return write_bytes(path, text.encode("utf-8"))


def _write_new(path: Path, text: str) -> int:
    """A page of a site being built in the fresh folder `replacing_folder` made for it (two topics of one slug
    share a page, as before); never through a link."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = text.encode("utf-8")
    with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o666), "wb") as out:
        out.write(data)
    return len(data)


def _listing_order(view: DocumentView) -> tuple:
    """Date first, then the number in the volume as a number (Document 9 before Document 10), then the title."""
    number = view.number or ""
    return (view.date or "", int(number) if number.isdigit() else float("inf"), number, view.title, view.key)


MARKER = ".cwkg-site"


def check_target(folder: Path) -> None:
    """Only an empty folder or one an earlier `cwkg view` wrote may be replaced (never a link or a file)."""
    refuse_unless_replaceable(folder, folder=True)
    if folder.exists() and (not folder.is_dir() or (any(folder.iterdir()) and not (folder / MARKER).is_file())):
        raise CwkgError("exists and is not a site cwkg wrote; give a new or empty folder", str(folder))


def write_site(store: GraphStore, folder: Path, topics: int = 5) -> SiteReport:
    check_target(folder)
    started = time.perf_counter()
    reader = Reader(store)
    chosen = top_topics(store, reader, topics)
    with replacing_folder(folder) as staging:
        written, rows = 0, []
        for iri in document_iris(store):
            view = read_document(store, iri, reader)
            written += _write_new(staging / "documents" / f"{view.key}.html", render_document(view, _nav(1, chosen)))
            rows.append((_listing_order(view), view.key, view.label, len(view.meetings), len(view.positions)))
        network = read_network(store, Filters(), reader)
        written += _write_new(staging / PLOTLY_FILE, plotly_js())
        written += _write_new(staging / "network.html", render_network(network, "documents/{key}.html", _nav(0, chosen),
                                                                       plotly_src=PLOTLY_FILE))
        for iri, label in chosen:
            written += _write_new(staging / "timelines" / f"{slug(label)}.html",
                                  render_timeline(read_timeline(store, iri, reader=reader), "../documents/{key}.html", _nav(1, chosen),
                                                  plotly_src=f"../{PLOTLY_FILE}"))
        table = "".join(f'<tr><td><a href="documents/{escape(k)}.html">{escape(label)}</a></td>'
                        f'<td align="right">{m}</td><td align="right">{n}</td></tr>' for _, k, label, m, n in sorted(rows))
        index = (f'<p class="sans" style="padding:0 1.5em">{len(rows)} documents, {len(network.nodes)} people and states in the '
                 f'network, {len(chosen)} topic timelines.</p><table class="sans" style="margin:0 1.5em;border-collapse:collapse">'
                 f'<tr><th align="left">document</th><th>meetings</th><th>positions</th></tr>{table}</table>')
        written += _write_new(staging / "index.html", page("cwkg: the graph at a glance", index, "td,th{padding:2px 8px;border-bottom:1px solid #eee}",
                                                           nav=_nav(0, chosen)))
        _write_new(staging / MARKER, "written by cwkg view\n")
    return SiteReport(len(rows), len(chosen), len(network.nodes), time.perf_counter() - started, written)


def write_page(path: Path, text: str) -> int:
    """`write_file`, its failure as one line naming the file."""
    try:
        return write_file(path, text)
    except OSError as exc:
        raise CwkgError(f"cannot write it: {exc.strerror or exc}", str(path)) from None
