"""The site as a WSGI application: the request's path routed to a page, its parameters read (GET query string or
a POSTed form), the store read through a snapshot, and every failure an HTML page with a status, never a
traceback. A request whose Host is not the address served is refused (a page of another site that renames
itself to 127.0.0.1 by DNS rebinding cannot read the answers)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote

from cwkg.ask import Refusal, ask
from cwkg.ask.model import KINDS, Unreadable
from cwkg.ask.refusal import explain, nearest
from cwkg.errors import CwkgError
from cwkg.queries.catalog import CannedQuery, load_catalog
from cwkg.queries.resolve import Resolver
from cwkg.queries.runner import parse_year_range, run
from cwkg.views.document import render_document
from cwkg.views.model import Reader, document_labels, read_document
from cwkg.views.network import Filters, read_network, render_network
from cwkg.views.page import PLOTLY_FILE, plotly_js
from cwkg.views.site import top_topics
from cwkg.views.timeline import read_timeline, render_timeline

from . import forms, pages
from .reading import Snapshots

MAX_BODY = 64 * 1024  # bytes of a POSTed form
HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"), ("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"), ("Cache-Control", "no-store"),
    ("Content-Security-Policy", "default-src 'none'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
                                "img-src data: blob:; font-src data:; form-action 'self'; frame-ancestors 'none'"),
]
DOCUMENT_HREF = "/document/{key}"  # the views' link template for a document page
PLOTLY_PATH = f"/{PLOTLY_FILE}"  # plotly.js, served once and kept by the browser, not inlined in each view


class Problem(Exception):
    """A request the site answers with an error page: its HTTP status and one line saying why."""

    def __init__(self, status: str, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Request:
    method: str
    path: str
    fields: dict[str, list[str]]

    def one(self, name: str) -> str | None:
        given = [v.strip() for v in self.fields.get(name, []) if v.strip()]
        return given[-1] if given else None


def read_request(environ: dict) -> Request:
    method = environ.get("REQUEST_METHOD", "GET").upper()
    fields = parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
    if method == "POST":
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            raise Problem("400 Bad Request", "the request's length is not a number") from None
        if length > MAX_BODY:
            raise Problem("413 Content Too Large", f"a form of more than {MAX_BODY // 1024} KB is refused")
        body = environ["wsgi.input"].read(length).decode("utf-8", "replace") if length else ""
        for key, values in parse_qs(body, keep_blank_values=True).items():
            fields.setdefault(key, []).extend(values)
    elif method not in ("GET", "HEAD"):
        raise Problem("405 Method Not Allowed", f"{method} is not answered here (GET, HEAD or POST)")
    path = environ.get("PATH_INFO", "/") or "/"
    return Request(method, path, fields)


def loopback_hosts(bind: str, port: int) -> set[str] | None:
    """The Host headers a site bound to a loopback address answers; None (any) when bound to another address."""
    if bind not in ("127.0.0.1", "::1", "localhost"):
        return None
    return {f"{h}:{port}" for h in ("127.0.0.1", "localhost", "[::1]")}


def _script(environ: dict, start_response) -> list[bytes]:
    """plotly.js, cacheable for a day: the views of the site load it by URL."""
    data = plotly_js().encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/javascript; charset=utf-8"), ("X-Content-Type-Options", "nosniff"),
                              ("Cache-Control", "max-age=86400"), ("Content-Length", str(len(data)))])
    return [] if environ.get("REQUEST_METHOD", "GET").upper() == "HEAD" else [data]


@dataclass
class Site:
    """The WSGI callable. `endpoint`: the SPARQL endpoint's URL, linked from every page; `hosts`: the Host
    headers accepted (None: any); `say`: where a failure cwkg did not foresee is reported, one line."""

    snapshots: Snapshots
    endpoint: str | None = None
    hosts: set[str] | None = None
    say: Callable[[str], None] = lambda line: print(line, file=sys.stderr)
    catalog: dict[str, CannedQuery] = field(default_factory=load_catalog)

    def __call__(self, environ: dict, start_response) -> Iterable[bytes]:
        status = "200 OK"
        try:
            if self.hosts is not None and environ.get("HTTP_HOST", "").lower() not in self.hosts:
                raise Problem("421 Misdirected Request", "this site answers only at the address it was started on")
            request = read_request(environ)
            if request.path == PLOTLY_PATH:
                return _script(environ, start_response)
            text = self.route(request)
        except Problem as problem:
            status, text = problem.status, pages.problem_page(problem.status, str(problem), self.endpoint)
        except Exception as exc:  # noqa: BLE001 -- one page, one line on the terminal, and the server keeps serving
            self.say(f"error: site: {environ.get('PATH_INFO', '')}: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}")
            status, text = "500 Internal Server Error", pages.problem_page("500", "the site failed to answer this request; "
                                                                           "the terminal running `cwkg serve` says why", self.endpoint)
        data = text.encode("utf-8")
        start_response(status, HEADERS + [("Content-Length", str(len(data)))])
        return [] if environ.get("REQUEST_METHOD", "GET").upper() == "HEAD" else [data]

    # --- routing ----------------------------------------------------------------------------------------------------

    def route(self, request: Request) -> str:
        path = request.path
        if path in ("/", "/index.html"):
            return pages.home(self.endpoint)
        if path == "/ask":
            return self.ask(request)
        if path == "/queries":
            return pages.queries_page(self.catalog, self.endpoint)
        if path.startswith("/query/"):
            return self.query(unquote(path.removeprefix("/query/")), request)
        if path.startswith("/document/"):
            return self.document(unquote(path.removeprefix("/document/")), request.one("quote"))
        if path == "/network":
            return self.network(request)
        if path == "/timeline":
            return self.timeline(request)
        raise Problem("404 Not Found", f"no page at {path}")

    # --- pages -----------------------------------------------------------------------------------------------------

    def ask(self, request: Request) -> str:
        question = request.one("q")
        if not question:
            return pages.home(self.endpoint)
        if len(question) > pages.MAX_QUESTION:
            raise Problem("400 Bad Request", f"a question of more than {pages.MAX_QUESTION} characters is refused")
        try:
            with self.snapshots.reading() as store:
                answer = ask(store, question)
                documents = document_labels(store, {e.document for e in answer.entries if e.document})
        except Unreadable as refusal:
            why = f"{refusal}. It understands: {'; '.join(KINDS)}."
            near = [self.catalog[n] for n in nearest(question, self.catalog)]
            return pages.refusal_page(question, why, near, self.endpoint)
        except Refusal as refusal:
            return pages.refusal_page(question, explain(refusal, self.catalog), [], self.endpoint)
        except CwkgError as exc:
            return pages.refusal_page(question, str(exc), [], self.endpoint)
        return pages.answer_page(answer, self.endpoint, documents)

    def query(self, name: str, request: Request) -> str:
        query = self.catalog.get(name)
        if query is None:
            raise Problem("404 Not Found", f"no canned query '{name}' (the canned queries page lists them)")
        values = forms.submitted(query, request.fields)
        if forms.RUN not in request.fields:
            return pages.queries_page({name: query}, self.endpoint)
        try:
            with self.snapshots.reading() as store:
                result = run(store, query, values)
        except CwkgError as exc:
            raise Problem("400 Bad Request", str(exc)) from None
        return pages.result_page(query, values, result, self.endpoint)

    def document(self, key: str, quote: str | None) -> str:
        try:
            with self.snapshots.reading() as store:
                view = read_document(store, key)
        except (CwkgError, ValueError) as exc:  # ValueError: a key that makes no IRI
            raise Problem("404 Not Found", str(exc)) from None
        return render_document(view, pages.nav(self.endpoint), focus=quote)

    def _entity(self, store, text: str | None, param: str) -> str | None:
        if text is None:
            return None
        found = Resolver(store).resolve(text, param)
        if found is None:
            raise Problem("404 Not Found", f"no entity called '{text}' in the store ({param})")
        return found.value

    def network(self, request: Request) -> str:
        try:
            years = parse_year_range(request.one("year")) if request.one("year") else None
            with self.snapshots.reading() as store:
                filters = Filters(self._entity(store, request.one("topic"), "topic"), years,
                                  self._entity(store, request.one("person"), "person"))
                network = read_network(store, filters)
        except CwkgError as exc:
            raise Problem("400 Bad Request", str(exc)) from None
        if not network.nodes:
            raise Problem("404 Not Found", "no meetings or positions match these filters: nothing to draw")
        return render_network(network, DOCUMENT_HREF, pages.nav(self.endpoint), plotly_src=PLOTLY_PATH)

    def timeline(self, request: Request) -> str:
        by = request.one("by") or "speaker"
        if by not in ("speaker", "state"):
            raise Problem("400 Bad Request", f"lanes must be by speaker or state, not '{by}'")
        try:
            years = parse_year_range(request.one("year")) if request.one("year") else None
            with self.snapshots.reading() as store:
                if request.one("topic") is None:
                    return pages.timeline_chooser(top_topics(store, Reader(store), 10), self.endpoint)
                timeline = read_timeline(store, self._entity(store, request.one("topic"), "topic"), years, by)
        except CwkgError as exc:
            raise Problem("400 Bad Request", str(exc)) from None
        return render_timeline(timeline, DOCUMENT_HREF, pages.nav(self.endpoint), plotly_src=PLOTLY_PATH)
