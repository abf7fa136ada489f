"""Push to a real remote store, query it remotely, serve the embedded store: all against a real
`oxigraph serve` on 127.0.0.1 started here."""

from __future__ import annotations

import shutil
import time

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.errors import CwkgError
from cwkg.graph import push as push_module
from cwkg.graph.endpoint import Credentials, Endpoint, HttpClient, RemoteError, retry_after
from cwkg.graph.push import Pusher, local_graphs
from cwkg.graph.remote import RemoteStore
from cwkg.graph.sparqltext import query_form, where_brace, with_values
from cwkg.graph.store import GraphStore
from cwkg.output import cell
from cwkg.pipeline import ingest
from cwkg.queries.catalog import load_catalog
from cwkg.queries.runner import run
from oxigraph_server import RunningServer, free_port
from support import CORPUS, EXAMPLE, in_the_foreground, need

runner = CliRunner()


@pytest.fixture
def remote(tmp_path):
    server = RunningServer(tmp_path / "remote").start()
    yield server
    server.stop()


def pusher(store: GraphStore, url: str, protocol: str = "gsp") -> Pusher:
    endpoint = Endpoint.from_url(url)
    return Pusher(store, endpoint, HttpClient(sleep=lambda s: None), RemoteStore(endpoint.query, sleep=lambda s: None), protocol)


def local_counts(store: GraphStore) -> dict[str, int]:
    return {g.graph.value: g.triples for g in local_graphs(store)}


@pytest.fixture(scope="module")
def example_store(tmp_path_factory):
    store = GraphStore(tmp_path_factory.mktemp("example") / "store")
    assert all(r.ok for r in ingest(store, [EXAMPLE]))
    yield store
    store.close()


@pytest.fixture(scope="module")
def corpus_and_remote(tmp_path_factory):
    """The example and the FRUS slice, loaded here and pushed once to a real Oxigraph server."""
    frus = need(CORPUS / "frus" / "frus1964-68v17-part1.xml")
    store = GraphStore(tmp_path_factory.mktemp("corpus") / "store")
    assert all(r.ok for r in ingest(store, [EXAMPLE, frus]))
    server = RunningServer(tmp_path_factory.mktemp("remote") / "remote").start()
    outcome = pusher(store, server.query_url).push(pusher(store, server.query_url).plan())
    yield store, server, outcome
    server.stop()
    store.close()


# ------------------------------------------------------------------ push


def test_a_push_leaves_the_same_triple_count_in_every_named_graph(corpus_and_remote):
    store, server, outcome = corpus_and_remote
    here = local_counts(store)
    there = pusher(store, server.query_url).remote_counts([ox.NamedNode(g) for g in here])
    assert (outcome.mismatches, there) == ([], here)


def test_a_second_push_with_nothing_changed_sends_no_graph(corpus_and_remote):
    store, server, _ = corpus_and_remote
    plan = pusher(store, server.query_url).plan()
    assert (len(plan.send), plan.unchanged) == (0, len(local_counts(store)))


def test_reloading_one_changed_document_pushes_only_its_graph(tmp_path, remote):
    page = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, page)
    with GraphStore(tmp_path / "store") as store:
        assert all(r.ok for r in ingest(store, [page]))
        p = pusher(store, remote.query_url)
        p.push(p.plan())
        page.write_text(page.read_text(encoding="utf-8").replace("Albania", "Albania and Yugoslavia", 1), encoding="utf-8")
        (result,) = ingest(store, [page])
        plan = p.plan()
        assert [g.graph.value for g in plan.send] == [result.document]
        assert p.push(plan).mismatches == []


def test_the_update_protocol_moves_the_same_triples(example_store, remote):
    p = pusher(example_store, remote.query_url, protocol="update")
    outcome = p.push(p.plan())
    assert (outcome.mismatches, p.remote_counts([ox.NamedNode(g) for g in local_counts(example_store)])) == \
        ([], local_counts(example_store))


def test_a_graph_gone_here_is_deleted_there_only_with_delete(tmp_path, remote):
    with GraphStore(tmp_path / "store") as store:
        assert all(r.ok for r in ingest(store, [EXAMPLE]))
        p = pusher(store, remote.query_url)
        p.push(p.plan())
        (document,) = store.document_graphs()
        store.remove_graph(document)
        kept = p.plan(delete=False)
        assert (kept.stale, kept.delete) == ([document], [])
        p.push(p.plan(delete=True))
        assert p.remote_counts([document]) == {}
        assert p.plan(delete=True).delete == []


def test_a_push_stopped_halfway_resumes_and_ends_with_equal_counts(tmp_path, monkeypatch):
    monkeypatch.setattr(push_module, "BATCH_GRAPHS", 1)
    server = RunningServer(tmp_path / "remote").start()
    port = server.server.port
    try:
        with GraphStore(tmp_path / "store") as store:
            assert all(r.ok for r in ingest(store, [EXAMPLE]))
            p = pusher(store, server.query_url)
            plan = p.plan()
            with pytest.raises(RemoteError):
                p.push(plan, progress=lambda n: server.stop())  # the server dies after the first graph
            server = RunningServer(tmp_path / "remote", port=port).start()
            p = pusher(store, server.query_url)
            resumed = p.plan()
            assert 0 < len(resumed.send) < len(plan.send)
            assert p.push(resumed).mismatches == []
            assert p.plan().send == []
    finally:
        server.stop()


# ------------------------------------------------------------------ remote queries

QUESTIONS = [
    ("ambassadors-discussing", {"topic": "Albania", "year": "1962"}),
    ("meetings", {}),
    ("meetings", {"person": "Ri Song-un"}),
    ("people", {"year": "1962"}),
    ("documents", {}),
    ("documents", {"mentions": "Albania"}),
    ("positions-of", {"actor": "Dean Rusk"}),
    ("positions-on", {"topic": "Albania"}),
    ("disagreements", {}),
    ("reported-speech", {}),
]


@pytest.mark.parametrize(("name", "params"), QUESTIONS, ids=[f"{n}-{'-'.join(p.values()) or 'all'}" for n, p in QUESTIONS])
def test_a_canned_query_gives_the_same_rows_remotely(corpus_and_remote, name, params):
    store, server, _ = corpus_and_remote
    store.ensure_static()
    catalog = load_catalog()
    here = run(store, catalog[name], params)
    there = run(RemoteStore(server.query_url), catalog[name], params)

    def table(result):
        return result.columns, sorted(tuple(cell(r[c]) for c in result.columns) for r in result.rows)

    assert table(there) == table(here)
    assert here.rows  # each question has an answer in the corpus


def test_the_cli_answers_the_albania_question_from_the_endpoint(corpus_and_remote):
    _, server, _ = corpus_and_remote
    result = runner.invoke(app, ["query", "ambassadors-discussing", "--endpoint", server.query_url,
                                 "-p", "topic=Albania", "-p", "year=1962", "-f", "csv"])
    assert result.exit_code == 0, result.output
    assert sorted(line.split(",")[0] for line in result.stdout.splitlines()[1:]) == ["Ri Song-un", "Richard Dvoràk"]


def test_sparql_ask_and_construct_run_remotely(corpus_and_remote):
    _, server, _ = corpus_and_remote
    remote = RemoteStore(server.query_url)
    assert bool(remote.query("ASK { ?p a cw:Position }")) is True
    triples = list(remote.query("CONSTRUCT { ?d a cw:Document } WHERE { ?d a cw:Document } LIMIT 3"))
    assert len(triples) == 3 and all(t.object == ox.NamedNode("https://w3id.org/cwkg/ontology#Document") for t in triples)


def test_parameters_are_bound_as_a_values_block_of_escaped_terms():
    query = "SELECT ?x WHERE { ?x ?p ?name }"
    bound = with_values(query, {ox.Variable("name"): ox.Literal('Ri "Song-un" } DROP ALL')})
    assert bound == 'SELECT ?x WHERE {\n  VALUES (?name) { ("Ri \\"Song-un\\" } DROP ALL") }\n ?x ?p ?name }'


@pytest.mark.parametrize(("query", "at"), [
    ("SELECT * { ?s ?p ?o }", 9),
    ("# WHERE { in a comment\nSELECT ?s WHERE { ?s ?p 'WHERE {' }", 39),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", 29),
    ("CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }", 23),
    ("ASK { <http://x.org/WHERE{> ?p ?o }", 4),
])
def test_the_where_group_is_found_outside_comments_strings_and_iris(query, at):
    assert where_brace(query) == at


def test_the_query_form_is_read_past_comments_and_prefixes():
    assert query_form("# SELECT\nPREFIX a: <http://x.org/ASK>\nCONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }") == "CONSTRUCT"


# ------------------------------------------------------------------ errors


def test_an_unreachable_endpoint_is_a_one_line_error_and_the_store_is_untouched(tmp_path):
    store_path = tmp_path / "store"
    with GraphStore(store_path) as store:
        assert all(r.ok for r in ingest(store, [EXAMPLE]))
        before = store.count()
    url = f"http://127.0.0.1:{free_port()}/query"
    result = runner.invoke(app, ["--store", str(store_path), "push", "--endpoint", url])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and len(result.stderr.strip().splitlines()) == 1
    assert "cannot reach" in result.stderr
    with GraphStore(store_path) as store:
        assert store.count() == before


def test_a_wrong_path_on_a_real_server_is_a_one_line_404(remote):
    with pytest.raises(RemoteError, match=r"HTTP 404"):
        RemoteStore(remote.server.base + "/nowhere").query("SELECT * { ?s ?p ?o }")


def test_a_query_the_server_refuses_is_a_one_line_error(remote):
    with pytest.raises(RemoteError, match="malformed"):
        RemoteStore(remote.query_url).query("SELECT * WHERE { ?s ?p }")


def test_a_server_that_does_not_answer_in_time_is_a_timeout(tmp_path, example_store):
    server = RunningServer(tmp_path / "remote").start()
    try:
        p = pusher(example_store, server.query_url)
        p.push(p.plan())
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        started = time.monotonic()
        with pytest.raises(RemoteError, match="no answer within 1 s"):
            RemoteStore(server.query_url, timeout=1, retries=1, sleep=lambda s: None).query(slow)
        assert time.monotonic() - started < 30
    finally:
        server.stop()


def test_credentials_never_show_in_their_repr_and_make_the_right_header():
    creds = Credentials("historian", "s3cret", None)
    assert "s3cret" not in repr(creds)
    assert creds.header() == {"Authorization": "Basic aGlzdG9yaWFuOnMzY3JldA=="}
    assert Credentials(token="t0ken").header() == {"Authorization": "Bearer t0ken"}


@pytest.mark.parametrize(("value", "attempt", "wait"), [("7", 0, 7.0), (None, 0, 1.0), (None, 3, 8.0), ("100000", 0, 120.0)])
def test_retry_after_is_honoured_and_capped(value, attempt, wait):
    assert retry_after(value, attempt) == wait


@pytest.mark.parametrize(("url", "query", "update", "store"), [
    ("http://h:7878/query", "http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
    ("http://h:3030/ds", "http://h:3030/ds/query", "http://h:3030/ds/update", "http://h:3030/ds/store"),
])
def test_endpoint_addresses_follow_the_query_url(url, query, update, store):
    assert Endpoint.from_url(url) == Endpoint(query, update, store)


def test_a_url_that_is_not_http_is_refused():
    with pytest.raises(CwkgError, match="not an http"):
        Endpoint.from_url("file:///etc/passwd")


# ------------------------------------------------------------------ serve


def test_serve_opens_the_embedded_store_read_only_for_the_canned_queries(tmp_path):
    store_path = tmp_path / "store"
    with GraphStore(store_path) as store:
        assert all(r.ok for r in ingest(store, [EXAMPLE]))
        store.ensure_static()
    server = RunningServer(store_path, writable=False).start()
    try:
        result = runner.invoke(app, ["query", "ambassadors-discussing", "-e", server.query_url,
                                     "-p", "topic=Albania", "-p", "year=1962", "-f", "csv"])
        assert result.exit_code == 0, result.output
        assert len(result.stdout.splitlines()) == 3
        with pytest.raises(RemoteError):
            HttpClient(sleep=lambda s: None, retries=0).request(
                "POST", server.server.base + "/update", b"DROP ALL", {"Content-Type": "application/sparql-update"})
    finally:
        server.stop()


def test_serve_refuses_a_folder_with_no_store(tmp_path):
    result = runner.invoke(app, ["--store", str(tmp_path / "none"), "serve", "--port", str(free_port())])
    assert result.exit_code == 1
    assert "no store here to serve" in result.stderr


def test_cwkg_serve_prints_its_url_answers_and_stops_on_ctrl_c(tmp_path):
    import signal
    import subprocess
    import sys
    import urllib.request

    store_path = tmp_path / "store"
    with GraphStore(store_path) as store:
        assert all(r.ok for r in ingest(store, [EXAMPLE]))
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "cwkg", "--store", str(store_path), "serve", "--port", str(port)],
                            stderr=subprocess.PIPE, text=True, preexec_fn=in_the_foreground)
    try:
        first = proc.stderr.readline()
        url = f"http://127.0.0.1:{port}/query"
        assert first.startswith(f"SPARQL endpoint: {url}")
        deadline = time.monotonic() + 20
        while True:
            try:
                request = urllib.request.Request(url + "?query=ASK%7B%3Fs%20a%20%3Chttps%3A%2F%2Fw3id.org%2Fcwkg%2Fontology%23Meeting%3E%7D",
                                                 headers={"Accept": "application/sparql-results+json"})
                with urllib.request.urlopen(request, timeout=2) as answer:
                    assert b'"boolean":true' in answer.read().replace(b" ", b"")
                break
            except OSError:
                assert time.monotonic() < deadline, "the endpoint did not answer within 20 s"
                time.sleep(0.2)
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
        assert proc.stderr.read().strip() == "stopped"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_subquery_gets_only_the_parameters_it_projects():
    query = "SELECT ?a WHERE { { SELECT ?x ?t WHERE { ?x ?p ?t . ?x ?q ?y } } ?x ?r ?y }"
    bound = with_values(query, {ox.Variable("t"): ox.NamedNode("http://x.org/t"), ox.Variable("y"): ox.Literal("y")})
    assert bound == ('SELECT ?a WHERE {\n  VALUES (?t ?y) { (<http://x.org/t> "y") }\n { SELECT ?x ?t WHERE {\n'
                     '  VALUES (?t) { (<http://x.org/t>) }\n ?x ?p ?t . ?x ?q ?y } } ?x ?r ?y }')
