"""The same push and remote queries against a second, different store: a real Virtuoso 7 started here
(skipped where Debian's virtuoso-opensource-7-bin is not installed; .ci/run installs it when it can)."""

from __future__ import annotations

import os

import shutil

import pyoxigraph as ox
import pytest

from cwkg.graph.endpoint import Credentials, Endpoint, HttpClient, RemoteError
from cwkg.graph.push import Pusher, local_graphs
from cwkg.graph.remote import RemoteStore
from cwkg.graph.store import GraphStore
from cwkg.output import cell
from cwkg.pipeline import ingest
from cwkg.queries.catalog import load_catalog
from cwkg.queries.runner import run
from support import CORPUS, EXAMPLE, need
from virtuoso_server import RunningVirtuoso, available

# A developer machine may lack Virtuoso (a second store to install by hand); CI installs it, so there it must run.
pytestmark = pytest.mark.skipif(not available() and not os.environ.get("CI"),
                                reason="Virtuoso (Debian's virtuoso-opensource-7-bin) is not installed; .ci/run installs it")


def pusher(store: GraphStore, server: RunningVirtuoso, protocol: str = "gsp") -> Pusher:
    endpoint = Endpoint.from_url(server.query_url, update=server.query_url, store=server.gsp_url)
    return Pusher(store, endpoint, HttpClient(sleep=lambda s: None), RemoteStore(endpoint.query, sleep=lambda s: None), protocol)


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    server = RunningVirtuoso(tmp_path_factory.mktemp("virtuoso")).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def pushed(tmp_path_factory, virtuoso):
    store = GraphStore(tmp_path_factory.mktemp("corpus") / "store")
    assert all(r.ok for r in ingest(store, [EXAMPLE, need(CORPUS / "frus" / "frus1964-68v17-part1.xml")]))
    store.ensure_static()
    p = pusher(store, virtuoso)
    outcome = p.push(p.plan())
    yield store, outcome
    store.close()


def test_a_push_to_virtuoso_leaves_the_same_triple_count_in_every_named_graph(pushed, virtuoso):
    store, outcome = pushed
    here = {g.graph.value: g.triples for g in local_graphs(store)}
    assert (outcome.mismatches, pusher(store, virtuoso).remote_counts([ox.NamedNode(g) for g in here])) == ([], here)


def test_a_second_push_to_virtuoso_sends_nothing(pushed, virtuoso):
    store, _ = pushed
    assert pusher(store, virtuoso).plan().send == []


def test_reloading_one_changed_document_pushes_only_its_graph_to_virtuoso(tmp_path, virtuoso):
    page = tmp_path / EXAMPLE.name
    shutil.copy(EXAMPLE, page)
    with GraphStore(tmp_path / "store") as store:
        assert all(r.ok for r in ingest(store, [page]))
        p = pusher(store, virtuoso)
        p.push(p.plan())
        page.write_text(page.read_text(encoding="utf-8").replace("Albania", "Albania and Yugoslavia", 1), encoding="utf-8")
        (result,) = ingest(store, [page])
        plan = p.plan()
        assert [g.graph.value for g in plan.send] == [result.document]
        assert p.push(plan).mismatches == []


# Virtuoso does not order strings by code point as SPARQL's MAX does, so of one speaker's several
# quotes at a meeting it may pick another: the quote column is compared apart.
ENGINE_ORDERED = {"quote"}


def _table(result):
    """Rows with each GROUP_CONCAT cell's parts sorted and unique: the order (and duplicate labels that
    differ only by language tag) of a concatenation is the engine's own."""
    def norm(value: str) -> str:
        return "; ".join(sorted(set(value.split("; "))))
    columns = [c for c in result.columns if c not in ENGINE_ORDERED]
    return columns, sorted(tuple(norm(cell(r[c])) for c in columns) for r in result.rows)


ANSWERED = [
    ("ambassadors-discussing", {"topic": "Albania", "year": "1962"}), ("meetings", {}), ("meetings", {"person": "Ri Song-un"}), ("people", {"year": "1962"}), ("documents", {}),
    ("documents", {"mentions": "Albania"}), ("positions-of", {"actor": "Dean Rusk"}), ("positions-on", {"topic": "Albania"}), ("reported-speech", {}), ("disagreements", {}),
]  # every canned query


@pytest.mark.parametrize(("name", "params"), ANSWERED, ids=[f"{n}-{'-'.join(p.values()) or 'all'}" for n, p in ANSWERED])
def test_a_canned_query_gives_the_same_rows_from_virtuoso(pushed, virtuoso, name, params):
    store, _ = pushed
    p = pusher(store, virtuoso)  # another test pushes another store's whole-store graphs (groups, derived) here:
    p.push(p.plan())             # what changed since is sent again, so the server holds this store's
    catalog = load_catalog()
    assert _table(run(RemoteStore(virtuoso.query_url), catalog[name], params)) == _table(run(store, catalog[name], params))


def test_wrong_credentials_on_virtuoso_are_a_one_line_401(virtuoso):
    remote = RemoteStore(virtuoso.base + "/sparql-auth", Credentials("historian", "wrong"), retries=0)
    with pytest.raises(RemoteError, match=r"HTTP 401") as error:
        remote.query("ASK { ?s ?p ?o }")
    assert "wrong" not in str(error.value) and len(str(error.value).splitlines()) == 1


def test_a_query_virtuoso_fails_on_is_a_one_line_500(virtuoso):
    remote = RemoteStore(virtuoso.query_url, retries=1, sleep=lambda s: None)
    with pytest.raises(RemoteError, match=r"HTTP 500") as error:
        remote.query("SELECT (YEAR(?nothing) AS ?y) WHERE { OPTIONAL { ?s <http://example.org/absent> ?nothing } }")
    assert len(str(error.value).splitlines()) == 1
