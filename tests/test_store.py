"""The embedded store: one named graph per document, replaced whole."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from cwkg.ontology.vocab import AUTHORITY_GRAPH, CW, META_GRAPH, ONTOLOGY_GRAPH, RDF, SCHEMES_GRAPH
from cwkg.graph.store import GraphStore
from cwkg.pipeline import ingest

from support import EXAMPLE

E = "http://example.org/"


def test_shipped_graphs_are_loaded_once(store):
    before = store.count()
    assert store.ensure_static() is False
    assert store.count() == before
    assert {ONTOLOGY_GRAPH, SCHEMES_GRAPH, AUTHORITY_GRAPH} <= set(store.graphs())


def test_replacing_a_graph_leaves_only_the_new_triples(store):
    g = ox.NamedNode(E + "g")
    store.replace_graph(g, [ox.Triple(ox.NamedNode(E + "a"), ox.NamedNode(E + "p"), ox.Literal("old"))])
    store.replace_graph(g, [ox.Triple(ox.NamedNode(E + "a"), ox.NamedNode(E + "p"), ox.Literal('new "quoted"\nline'))])
    assert [q.object.value for q in store.quads(g)] == ['new "quoted"\nline']


def test_ingesting_the_same_file_twice_keeps_the_triple_count(store):
    list(ingest(store, [EXAMPLE]))
    first = store.count()
    list(ingest(store, [EXAMPLE]))
    assert store.count() == first
    assert len(store.document_graphs()) == 1


def test_the_size_from_each_graphs_recorded_count_is_the_stores_length_after_an_ingest(store):
    list(ingest(store, [EXAMPLE]))
    assert store.size() == store.count() > 0


def test_the_size_counts_what_was_written_without_a_recorded_count(store):
    before = store.size()
    store.load_ntriples(f"<{E}a> <{E}p> <{E}b> .\n<{E}a> <{E}p> <{E}c> .\n".encode())
    assert store.size() == before + 2 == store.count()


def test_the_size_leaves_out_a_removed_graph(store):
    g = ox.NamedNode(E + "g")
    store.replace_graph(g, [ox.Triple(ox.NamedNode(E + "a"), ox.NamedNode(E + "p"), ox.Literal("x"))])
    before = store.size()
    store.remove_graph(g)
    assert store.size() == before - 1 == store.count()


def test_the_mention_tally_is_the_number_of_mentions_after_an_ingest(store):
    list(ingest(store, [EXAMPLE]))
    counted = int(next(iter(store.query("SELECT (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m a cw:Mention }")))["n"].value)
    assert store.tally(CW.storedMentions) == counted == 78  # 74 in the body, 4 in the page summary


def test_the_mention_tally_follows_a_replaced_graph(store):
    g = ox.NamedNode(E + "g")
    typed = lambda *names: [ox.Triple(ox.NamedNode(E + n), RDF.type, CW.Mention) for n in names]
    before = store.tally(CW.storedMentions)
    store.replace_graph(g, typed("m1", "m2", "m3"))
    store.replace_graph(g, typed("m1"))
    assert store.tally(CW.storedMentions) == before + 1


def test_a_store_with_graphs_written_without_tallies_has_no_tally(store):
    list(ingest(store, [EXAMPLE]))
    store._store.update(f"DELETE WHERE {{ GRAPH {META_GRAPH} {{ ?g {CW.storedMentions} ?n }} }}")  # as an older version wrote it
    assert store.tally(CW.storedMentions) is None


def test_stats_counts_the_mentions_of_a_store_written_without_tallies(store):
    from cwkg.graph.stats import collect

    list(ingest(store, [EXAMPLE]))
    store._store.update(f"DELETE WHERE {{ GRAPH {META_GRAPH} {{ ?g {CW.storedMentions} ?n }} }}")
    assert {r["measure"].value: r["value"].value for r in collect(store)}["mentions"] == "78"


def test_the_store_persists_on_disk(tmp_path):
    path = tmp_path / "persist"
    s = GraphStore(path)
    list(ingest(s, [EXAMPLE]))
    count = s.count()
    del s
    assert GraphStore(path).count() == count


def test_each_document_has_its_own_named_graph_named_by_its_iri(store):
    (result,) = list(ingest(store, [EXAMPLE]))
    (graph,) = store.document_graphs()
    assert graph.value == result.document


def test_a_store_in_use_by_another_process_is_a_one_line_error(tmp_path):
    import subprocess
    import sys

    from cwkg.errors import CwkgError
    from cwkg.graph.store import GraphStore

    path = tmp_path / "store"
    holder = subprocess.Popen([sys.executable, "-c", "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(path)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(CwkgError) as error:
            GraphStore(path)
        assert str(error.value) == (f"{path}: the store is in use by another process (an ingest, a push or "
                                    "`cwkg serve --writable`?); try again when it has finished")
    finally:
        holder.stdin.close()
        holder.wait(timeout=20)


def test_the_text_and_the_html_copy_of_one_page_are_one_document(tmp_path):
    from support import FIXTURES

    with GraphStore.in_memory() as store:
        store.ensure_static()
        results = list(ingest(store, [EXAMPLE, FIXTURES / "wilson_founding_page.html"]))
        documents = {r["d"].value for r in store.query("SELECT DISTINCT ?d WHERE { ?d a cw:Document }")}
    assert ([r.ok for r in results], len(documents)) == ([True, True], 1)
