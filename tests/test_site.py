"""`cwkg serve`'s site, on a store of records written for these tests (invented ambassadors in Tirana in 1962 and
in Belgrade in 1964): each page renders, the forms list each canned query's parameters, the Albania question is
answered with both ambassadors, their quotes and links to the document view with the quote singled out, a
hostile question comes back as text; and as a real `cwkg serve` (Oxigraph child and site) on 127.0.0.1, driven
by Debian's chromium, stopped with the endpoint by SIGTERM and leaving no Oxigraph behind when killed."""

from __future__ import annotations

import io
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

import pytest
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.queries.catalog import load_catalog
from cwkg.views.model import document_key
from cwkg.web.app import Site, loopback_hosts
from cwkg.web.pages import document_href
from cwkg.web.reading import Snapshots
from oxigraph_server import free_port
from support import ROOT

TIRANA = """MEMORANDUM OF CONVERSATION

Date: 12 April 1962
Place: Tirana
Kind: memcon
Participants: Pyotr Ivanov, Soviet Ambassador to Albania; Adam Nowak, Polish Ambassador to Albania

On 12 April I called on Ambassador Nowak at the Polish embassy. Nowak warned that the Albanian leadership was moving closer to Peking every month.

I replied that the Soviet Union proposed to recall its specialists from Albania before the summer.

Pyotr Ivanov
"""
BELGRADE = """MEMORANDUM OF CONVERSATION

Date: 9 June 1964
Place: Belgrade
Kind: memcon
Participants: Pyotr Ivanov, Soviet Ambassador to Albania; Marko Horvat, Yugoslav Ambassador to Albania

Horvat said that Albania would not return to the Warsaw Pact.

Pyotr Ivanov
"""
QUESTION = "Which ambassadors discussed Albania in 1962?"
NOWAK = "the Albanian leadership was moving closer to Peking every month."
IVANOV = "the Soviet Union proposed to recall its specialists from Albania before the summer."
MEETING = "conversation, 1962-04-12, Tirana"
TITLE = "MEMORANDUM OF CONVERSATION"
HOST = "127.0.0.1:8001"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("records")
    (folder / "tirana.txt").write_text(TIRANA, encoding="utf-8")
    (folder / "belgrade.txt").write_text(BELGRADE, encoding="utf-8")
    path = tmp_path_factory.mktemp("site") / "store"
    result = CliRunner().invoke(app, ["--store", str(path), "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def site(store_path):
    snapshots = Snapshots(store_path)
    yield Site(snapshots, "http://127.0.0.1:8000/query", loopback_hosts("127.0.0.1", 8001))
    snapshots.close()


@pytest.fixture(scope="module")
def tirana(site) -> str:
    """The IRI of the Tirana record."""
    with site.snapshots.reading() as store:
        rows = store.query("SELECT ?d WHERE { ?d a cw:Document ; dcterms:date ?date FILTER(STR(?date) = '1962-04-12') }")
        return next(iter(rows))["d"].value


def call(site: Site, path: str, query: str = "", method: str = "GET", body: bytes = b"", host: str = HOST) -> tuple[str, str]:
    """The site's status and page for one request, the WSGI callable called as a server calls it."""
    environ: dict = {}
    setup_testing_defaults(environ)
    environ.update({"REQUEST_METHOD": method, "PATH_INFO": path, "QUERY_STRING": query, "HTTP_HOST": host,
                    "CONTENT_LENGTH": str(len(body)), "CONTENT_TYPE": "application/x-www-form-urlencoded",
                    "wsgi.input": io.BytesIO(body)})
    said: dict = {}
    data = b"".join(site(environ, lambda status, headers: said.update(status=status)))
    return said["status"], data.decode("utf-8")


class Parsed(HTMLParser):
    """What the tests read from a page: table rows (cell texts and the links in them), forms' inputs, and the text of
    the element with id="quoted"."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[list[str]] = []
        self.forms: dict[str, list[str]] = {}
        self.quoted: list[str] = []
        self.quoted_count = 0
        self._cell: list[str] | None = None
        self._form: str | None = None
        self._depth = 0  # open elements inside id="quoted"
        self.feed(text)

    def body_rows(self) -> list[list[str]]:
        return [row for row in self.rows[1:] if row]

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if self._depth:
            self._depth += 1
        elif a.get("id") == "quoted":
            self._depth, self.quoted_count = 1, self.quoted_count + 1
        if tag == "tr":
            self.rows.append([])
            self.links.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "a" and self._cell is not None:
            self.links[-1].append(a.get("href", ""))
        elif tag == "form" and a.get("data-query"):
            self._form = a["data-query"]
            self.forms[self._form] = []
        elif tag == "input" and self._form and a.get("type") != "hidden":
            self.forms[self._form].append(a.get("name", ""))

    def handle_endtag(self, tag: str) -> None:
        if self._depth:
            self._depth -= 1
        if tag in ("td", "th") and self._cell is not None:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "form":
            self._form = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._depth:
            self.quoted.append(data)


# --- pages, by calling the WSGI application --------------------------------------------------------------------------

@pytest.mark.parametrize("path, query", [
    ("/", ""), ("/queries", ""), ("/network", ""), ("/timeline", ""), ("/timeline", "topic=Albania"),
    ("/ask", urlencode({"q": QUESTION})), ("/query/ambassadors-discussing", "topic=Albania&year=1962&run=1"),
    ("/query/documents", ""),
])
def test_each_page_of_the_site_renders(site, path, query):
    status, text = call(site, path, query)
    assert (status, text.startswith("<!DOCTYPE html>"), text.rstrip().endswith("</html>")) == ("200 OK", True, True)


@pytest.mark.parametrize("path, query", [("/network", ""), ("/timeline", "topic=Albania")])
def test_the_drawing_pages_of_the_site_load_plotly_js_by_url_not_inline(site, path, query):
    from cwkg.views.page import plotly_js

    status, text = call(site, path, query)
    assert (status, text.count('<script src="/assets/plotly.min.js"></script>'), plotly_js()[:200] in text) == ("200 OK", 1, False)


def test_the_site_serves_plotly_js_once_at_its_url(site):
    from cwkg.views.page import plotly_js

    assert call(site, "/assets/plotly.min.js") == ("200 OK", plotly_js())


def test_the_document_page_renders(site, tirana):
    status, text = call(site, f"/document/{document_key(tirana)}")
    assert (status, "<mark class=\"pos\"" in text) == ("200 OK", True)


def test_the_queries_page_has_a_form_for_each_canned_query_with_its_parameters(site):
    forms = Parsed(call(site, "/queries")[1]).forms
    assert forms == {q.name: [p.name for p in q.params] for q in load_catalog().values()}


def test_the_albania_question_is_answered_with_both_ambassadors_their_quotes_and_meeting(site):
    rows = Parsed(call(site, "/ask", urlencode({"q": QUESTION}))[1]).rows
    assert rows == [["name", "date", "meeting", "quote", "document"],
                    ["Adam Nowak", "1962-04-12", MEETING, NOWAK, f"{TITLE} · 1962-04-12"],
                    ["Pyotr Ivanov", "1962-04-12", MEETING, IVANOV, f"{TITLE} · 1962-04-12"]]


def test_each_answer_links_to_its_document_with_its_quote(site, tirana):
    links = Parsed(call(site, "/ask", urlencode({"q": QUESTION}))[1]).links
    assert links == [[], [document_href(tirana, NOWAK)], [document_href(tirana, IVANOV)]]


def test_a_posted_question_is_answered_as_a_get_one_is(site):
    assert call(site, "/ask", method="POST", body=urlencode({"q": QUESTION}).encode()) == call(site, "/ask", urlencode({"q": QUESTION}))


def test_the_link_opens_the_document_with_that_quote_singled_out(site, tirana):
    path, _, rest = document_href(tirana, IVANOV).partition("?")
    page = Parsed(call(site, path, rest.partition("#")[0])[1])
    assert (page.quoted_count, "".join(page.quoted)) == (1, IVANOV)


@pytest.mark.parametrize("question", [
    '<script>alert("x")</script>',
    'Which ambassadors discussed <script>alert("x")</script> in 1962?',
    'Which ambassadors discussed Albania in 1962? "><img src=x onerror=alert(1)>',
])
def test_a_hostile_question_comes_back_as_text(site, question):
    status, text = call(site, "/ask", urlencode({"q": question}))
    escaped = question.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    assert (status, "<script" in text, "<img" in text, f'value="{escaped}"' in text) == ("200 OK", False, False, True)


def test_a_name_the_store_does_not_hold_is_refused_on_the_page(site):
    text = call(site, "/ask", urlencode({"q": "Which ambassadors discussed Ruritania in 1962?"}))[1]
    assert "Cannot answer: &#x27;Ruritania&#x27; (subject) names nothing in the store; check the spelling" in text


def test_a_question_it_cannot_read_is_refused_with_links_to_the_nearest_canned_queries(site):
    from cwkg.ask.refusal import nearest

    question = "Tell me a story about the weather"
    text = call(site, "/ask", urlencode({"q": question}))[1]
    expected = [f'href="/query/{name}"' for name in nearest(question, load_catalog())]
    assert ("Cannot answer: cannot read the question" in text, [e in text for e in expected]) == (True, [True] * 3)


def test_a_canned_query_form_answers_with_rows_linking_to_documents(site, tirana):
    page = Parsed(call(site, "/query/ambassadors-discussing", "topic=Albania&year=1962&run=1")[1])
    links = [row for row in page.links if row]
    assert links == [[document_href(tirana, NOWAK)], [document_href(tirana, IVANOV)]]


@pytest.mark.parametrize("path", ["/nothing", "/query/no-such-query", "/document/no-such-document", "/document/a%20b%3Ec"])
def test_an_unknown_page_query_or_document_is_404(site, path):
    assert call(site, path)[0] == "404 Not Found"


def test_a_request_for_another_host_is_refused(site):
    assert call(site, "/", host="attacker.example:8001")[0] == "421 Misdirected Request"


# --- a real `cwkg serve` --------------------------------------------------------------------------------------------

class Serving:
    """`python -m cwkg serve` on free ports of 127.0.0.1, its first line read (it says both are ready)."""

    def __init__(self, store: Path, *options: str) -> None:
        self.port, self.site_port = free_port(), free_port()
        self.process = subprocess.Popen([sys.executable, "-m", "cwkg", "--store", str(store), "serve", "--port", str(self.port),
                                         "--site-port", str(self.site_port), *options], stderr=subprocess.PIPE, text=True)
        self.first = self.process.stderr.readline().strip()
        self.site = f"http://127.0.0.1:{self.site_port}/"

    def children(self) -> list[int]:
        """The processes this one started (Oxigraph's server)."""
        found = []
        for entry in Path("/proc").iterdir():
            try:
                if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    found.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
        return found

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process.stderr.close()


def _gone(pid: int) -> bool:
    """Whether a process has ended (a zombie its new parent has not reaped counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
    except OSError:
        return True


def _refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return False
    except OSError:
        return True


@pytest.fixture(scope="module")
def served(store_path):
    serving = Serving(store_path)
    yield serving
    serving.stop()


def test_serve_names_the_endpoint_and_the_site_on_its_first_line(served):
    assert served.first == (f"SPARQL endpoint: http://127.0.0.1:{served.port}/query  (queries: --endpoint "
                            f"http://127.0.0.1:{served.port}/query; read-only); site: {served.site}  (Ctrl-C stops both)")


def test_the_site_and_the_endpoint_answer_side_by_side(served):
    with urllib.request.urlopen(served.site, timeout=10) as page:
        site = page.status
    query = urlencode({"query": "ASK { ?s a <https://w3id.org/cwkg/ontology#Meeting> }"})
    ask = urllib.request.Request(f"http://127.0.0.1:{served.port}/query?{query}", headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(ask, timeout=10) as answer:
        endpoint = b'"boolean":true' in answer.read().replace(b" ", b"")
    assert (site, endpoint) == (200, True)


def test_serve_stops_both_processes_on_sigterm(store_path):
    serving = Serving(store_path)
    try:
        children = serving.children()
        serving.process.send_signal(signal.SIGTERM)
        code = serving.process.wait(timeout=20)
        rest = serving.process.stderr.read().strip()
        assert (len(children), code, rest, all(_gone(c) for c in children), _refused(serving.port),
                _refused(serving.site_port)) == (1, 0, "stopped", True, True, True)
    finally:
        serving.stop()


def test_serve_killed_outright_leaves_no_oxigraph(store_path):
    serving = Serving(store_path)
    try:
        children = serving.children()
        serving.process.kill()
        serving.process.wait(timeout=20)
        deadline = time.monotonic() + 10
        while not all(_gone(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert (len(children), all(_gone(c) for c in children)) == (1, True)
    finally:
        serving.stop()


def test_with_writable_the_site_shows_what_the_endpoint_wrote(store_path, tmp_path):
    shutil.copytree(store_path, tmp_path / "store")
    serving = Serving(tmp_path / "store", "--writable")
    def titles() -> set[str]:
        with urllib.request.urlopen(serving.site + "query/documents?run=1", timeout=10) as page:
            return {row[1] for row in Parsed(page.read().decode()).body_rows()}

    try:
        before = titles()
        update = ("INSERT DATA { GRAPH <https://w3id.org/cwkg/id/document/plain-added> { "
                  "<https://w3id.org/cwkg/id/document/plain-added> a <https://w3id.org/cwkg/ontology#Document> ; "
                  "<http://purl.org/dc/terms/title> \"Written through the endpoint\" } }")
        urllib.request.urlopen(urllib.request.Request(f"http://127.0.0.1:{serving.port}/update", update.encode(),
                                                      {"Content-Type": "application/sparql-update"}), timeout=10).close()
        assert (before, titles()) == ({TITLE}, {TITLE, "Written through the endpoint"})
    finally:
        serving.process.send_signal(signal.SIGTERM)
        serving.process.wait(timeout=20)
        serving.stop()


def test_a_taken_site_port_is_one_line_and_leaves_nothing_running(store_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        site_port, port = taken.getsockname()[1], free_port()
        result = subprocess.run([sys.executable, "-m", "cwkg", "--store", str(store_path), "serve", "--port", str(port),
                                 "--site-port", str(site_port)], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr.strip(), _refused(port)) == (
        1, f"error: address in use: 127.0.0.1:{site_port} is taken by another program; give another --site-port", True)


# --- in the browser ---------------------------------------------------------------------------------------------------

def test_in_the_browser_the_albania_question_shows_both_ambassadors_and_a_link_opens_the_quote(served, browser):
    page = browser.new_page(viewport={"width": 1180, "height": 330})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served.site)
    page.fill("#q", QUESTION)
    page.press("#q", "Enter")
    page.wait_for_selector("table.answer")
    answers = page.eval_on_selector_all("table.answer tr:has(td)", "rs => rs.map(r => [r.querySelector('.name').textContent, "
                                        "r.querySelector('.quote').textContent])")
    page.screenshot(path=str(ROOT / "docs" / "ask.png"), full_page=True)  # the README shows it
    with page.expect_navigation():
        page.click("tr:has(td.name:text-is('Pyotr Ivanov')) a.doc")
    quoted = page.eval_on_selector_all("mark.quoted", "ms => ms.map(m => m.textContent)")
    in_view = page.eval_on_selector("mark.quoted", "m => { const r = m.getBoundingClientRect(); "
                                    "return r.top >= 0 && r.bottom <= window.innerHeight; }")
    assert (answers, quoted, in_view, errors) == ([["Adam Nowak", NOWAK], ["Pyotr Ivanov", IVANOV]], [IVANOV], True, [])
    page.close()


def test_in_the_browser_the_network_of_the_site_draws_with_the_plotly_js_it_serves(served, browser):
    page = browser.new_page(viewport={"width": 1180, "height": 700})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served.site + "network")
    page.wait_for_selector("body[data-ready=yes]")
    drawn = page.evaluate("document.getElementById('plot').data.at(-1).customdata.length")
    listed = page.eval_on_selector_all("#actors li", "ls => ls.length")
    assert (drawn, errors) == (listed, [])
    page.close()
