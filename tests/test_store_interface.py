"""Issue 31, item 5: one store interface. The embedded store and a remote endpoint both are a `QueryStore`, with the
same method signatures; they answer the same questions about the same graphs alike; and the store and the work it
does after a write (graph/derived.py) no longer import each other."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pyoxigraph as ox
import pytest

from cwkg.graph.remote import RemoteStore
from cwkg.graph.store import GraphStore
from cwkg.graph.storeapi import QueryStore, WritableStore, answer_form
from oxigraph_server import RunningServer
from support import ROOT

RURITANIA = ox.NamedNode("https://example.org/ruritania")
STRELSAU = ox.NamedNode("https://example.org/strelsau")
CAPITAL = ox.NamedNode("https://example.org/capital")
NAME = ox.NamedNode("https://example.org/name")
G1 = ox.NamedNode("https://example.org/graph/one")
G2 = ox.NamedNode("https://example.org/graph/two")


def protocol_methods(protocol: type) -> list[str]:
    """The methods a Protocol of graph/storeapi.py declares, its bases' included."""
    names: set[str] = set()
    for cls in protocol.__mro__:
        if cls.__module__ == "cwkg.graph.storeapi":
            names |= {n for n, v in vars(cls).items() if callable(v) and (not n.startswith("_") or n in ("__enter__", "__exit__"))}
    return sorted(names)


def shape(function) -> list[tuple[str, str, bool]]:
    """A signature's parameter names, kinds and whether each has a default: what a caller relies on."""
    return [(p.name, p.kind.name, p.default is not inspect.Parameter.empty)
            for p in inspect.signature(function).parameters.values()]


@pytest.fixture
def remote() -> RemoteStore:
    return RemoteStore("http://127.0.0.1:9/query")


def test_the_embedded_store_is_a_query_store_and_a_writable_store():
    store = GraphStore.in_memory()
    assert (isinstance(store, QueryStore), isinstance(store, WritableStore)) == (True, True)


def test_a_remote_store_is_a_query_store_and_not_a_writable_one(remote):
    assert (isinstance(remote, QueryStore), isinstance(remote, WritableStore)) == (True, False)


def test_the_query_store_names_the_methods_both_stores_share():
    assert protocol_methods(QueryStore) == ["__enter__", "__exit__", "close", "count", "graphs", "query"]


@pytest.mark.parametrize("implementation", [GraphStore, RemoteStore])
def test_each_store_has_the_query_stores_signatures(implementation):
    assert {m: shape(getattr(implementation, m)) for m in protocol_methods(QueryStore)} == \
        {m: shape(getattr(QueryStore, m)) for m in protocol_methods(QueryStore)}


def test_the_writable_store_adds_the_methods_the_derived_graphs_write_with():
    assert sorted(set(protocol_methods(WritableStore)) - set(protocol_methods(QueryStore))) == \
        ["document_graphs", "forget_graph", "meta", "quads", "quads_for", "replace_graphs", "set_meta"]


def test_the_embedded_store_has_the_writable_stores_signatures():
    assert {m: shape(getattr(GraphStore, m)) for m in protocol_methods(WritableStore)} == \
        {m: shape(getattr(WritableStore, m)) for m in protocol_methods(WritableStore)}


def test_the_store_and_the_derived_graphs_import_each_other_one_way_only():
    def imported(path: Path) -> set[str]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}

    assert ("store" in imported(ROOT / "graph" / "derived.py"), "derived" in imported(ROOT / "graph" / "store.py")) == (False, True)


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    """Two graphs written to an embedded store, and the same folder served by a real `oxigraph serve`."""
    path = tmp_path_factory.mktemp("interface") / "store"
    with GraphStore(path) as store:
        store.replace_graphs([(G1, [ox.Triple(RURITANIA, CAPITAL, STRELSAU), ox.Triple(STRELSAU, NAME, ox.Literal("Strelsau"))]),
                              (G2, [ox.Triple(RURITANIA, NAME, ox.Literal("Ruritania"))])])
    server = RunningServer(path, writable=False).start()
    try:
        yield path, RemoteStore(server.query_url)
    finally:
        server.stop()


def test_both_stores_list_the_same_named_graphs(both):
    path, remote = both
    with GraphStore.snapshot(path) as embedded:
        assert [g for g in remote.graphs() if g in (G1, G2)] == [g for g in embedded.graphs() if g in (G1, G2)] == [G1, G2]


def test_both_stores_count_a_named_graphs_triples_alike(both):
    path, remote = both
    with GraphStore.snapshot(path) as embedded:
        assert [(remote.count(g), embedded.count(g)) for g in (G1, G2)] == [(2, 2), (1, 1)]


@pytest.mark.parametrize("text, form", [("ASK { ?s ?p ?o }", "boolean"), ("SELECT ?s WHERE { ?s ?p ?o }", "solutions"),
                                        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "triples")])
def test_both_stores_answers_are_of_the_same_form(both, text, form):
    path, remote = both
    with GraphStore.snapshot(path) as embedded:
        assert (answer_form(remote.query(text)), answer_form(embedded.query(text))) == (form, form)


def test_a_remote_store_closes_as_a_context_manager_and_answers_again(both):
    _, remote = both
    with remote as store:
        first = store.count(G2)
    assert (first, remote.count(G2)) == (1, 1)
