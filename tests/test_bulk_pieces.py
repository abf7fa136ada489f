"""A first load hands the bulk loader its statements in pieces, so one document's graph of millions of quads does
not sit in the loader's memory at once (issue 30, "Data and bounds": a 1.9 MB page of one repeated state name);
the store it gives is the one a single transactional load gives."""

from __future__ import annotations

import pyoxigraph as ox

from cwkg.graph import store as store_module
from cwkg.graph.integrity import check
from cwkg.graph.store import GraphStore

RURITANIA = "https://w3id.org/cwkg/id/test/ruritania"


def graphs() -> list[tuple[ox.NamedNode, list[ox.Triple]]]:
    """A graph of 2,500 mentions of Ruritania and one of three: more than two pieces of 1,000, and less than one."""
    def mentions(doc: str, n: int) -> list[ox.Triple]:
        return [ox.Triple(ox.NamedNode(f"{doc}/mention/{i}"), ox.NamedNode("https://w3id.org/cwkg/ontology#mentions"),
                          ox.NamedNode(RURITANIA)) for i in range(n)]
    return [(ox.NamedNode("https://w3id.org/cwkg/id/test/graph/strelsau"), mentions("https://w3id.org/cwkg/id/test/strelsau", 2500)),
            (ox.NamedNode("https://w3id.org/cwkg/id/test/graph/zenda"), mentions("https://w3id.org/cwkg/id/test/zenda", 3))]


def test_graphs_bulk_loaded_in_pieces_are_the_graphs_of_one_transactional_load(tmp_path, monkeypatch):
    monkeypatch.setattr(store_module, "BULK_PIECE", 1000)
    with GraphStore(tmp_path / "bulk") as bulk, GraphStore(tmp_path / "one") as one:
        bulk.replace_graphs(graphs(), bulk=True)
        one.replace_graphs(graphs(), bulk=False)
        assert (sorted(map(str, bulk.quads())), check(bulk)[1]) == (sorted(map(str, one.quads())), [])
        assert len([q for q in bulk.quads() if q.object == ox.NamedNode(RURITANIA)]) == 2503


def test_a_bulk_batch_with_a_graph_the_store_has_replaces_it_and_adds_the_new_ones(tmp_path):
    zenda = ox.NamedNode("https://w3id.org/cwkg/id/test/graph/zenda")
    with GraphStore(tmp_path / "bulk") as bulk, GraphStore(tmp_path / "one") as one:
        for s in (bulk, one):
            s.replace_graphs([(zenda, [ox.Triple(zenda, ox.NamedNode("https://w3id.org/cwkg/ontology#old"), ox.Literal("x"))])])
        bulk.replace_graphs(graphs(), bulk=True)
        one.replace_graphs(graphs(), bulk=False)
        assert (sorted(map(str, bulk.quads())), check(bulk)[1]) == (sorted(map(str, one.quads())), [])
