"""Extraction on a Dask cluster (`cwkg ingest --cluster`), its N-Quads shards and `cwkg load` (issue 29, item 6).

The clusters here are real: LocalClusters of worker processes on this machine, as `local:N` starts them."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.ontology.vocab import META_GRAPH
from cwkg.graph.store import GraphStore
from cwkg.shards import read_shard

from oxigraph_server import RunningServer
from support import CORPUS, EXAMPLE, ROOT, need

DOC = "https://w3id.org/cwkg/id/document/test-strelsau-talks"
OTHER = "https://w3id.org/cwkg/id/document/test-ruritania-note"
DCT = "http://purl.org/dc/terms/"
CW = "https://w3id.org/cwkg/ontology#"


def cli(store: Path, *args: str):
    return CliRunner().invoke(app, ["--store", str(store), *args])


def quads_of(graph: str, title: str) -> str:
    """A small record graph written for the tests, as N-Quads."""
    return (f'<{graph}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{CW}Document> <{graph}> .\n'
            f'<{graph}> <{DCT}title> "{title}" <{graph}> .\n'
            f'<{graph}> <{DCT}date> "1963-10-11" <{graph}> .\n')


def graph_lines(store: Path, graph: str) -> set[str]:
    s = GraphStore(store, reading=True)
    try:
        return {f"{q.subject} {q.predicate} {q.object}" for q in s.quads(ox.NamedNode(graph))}
    finally:
        s.close()


def canonical(path: Path) -> dict[str, object]:
    """Every graph of a store but its metadata (load times), comparable across stores: a graph's statements, or,
    for a graph with blank nodes (the ontology's, parsed afresh by each run), its canonical rdflib form."""
    from rdflib import Graph
    from rdflib.compare import to_canonical_graph

    store = GraphStore(path, reading=True)
    out: dict[str, object] = {}
    try:
        for graph in store.graphs():
            if graph == META_GRAPH:
                continue
            quads = list(store.quads(graph))
            if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object)):
                text = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_TRIPLES)
                out[graph.value] = frozenset(to_canonical_graph(Graph().parse(data=text.decode(), format="nt")))
            else:
                out[graph.value] = frozenset(f"{q.subject} {q.predicate} {q.object}" for q in quads)
    finally:
        store.close()
    return out


def frus_slice(folder: Path, documents: int) -> Path:
    """The corpus's FRUS volume cut to its first `documents` documents (front matter kept)."""
    from lxml import etree

    tree = etree.parse(str(need(CORPUS / "frus" / "frus1964-68v17-part1.xml")))
    docs = tree.getroot().findall(".//{http://www.tei-c.org/ns/1.0}div[@type='document']")
    for doc in docs[documents:]:
        doc.getparent().remove(doc)
    path = folder / "frus-slice.xml"
    tree.write(str(path), encoding="UTF-8", xml_declaration=True)
    return path


# ------------------------------------------------------------------ the cluster gives the graph one machine gives


def test_shards_of_a_two_worker_cluster_load_to_the_graph_of_a_single_machine_ingest(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    files = [str(ROOT / "examples"), str(frus_slice(inputs, 4))]
    single, clustered, shards = tmp_path / "single", tmp_path / "clustered", tmp_path / "shards"
    assert cli(single, "ingest", "--jobs", "1", *files).exit_code == 0
    run = cli(clustered, "ingest", "--cluster", "local:2", "--shards", str(shards), "--no-load", *files)
    assert run.exit_code == 0, run.output
    examples = len(list((ROOT / "examples").iterdir()))
    assert len(list(shards.glob("*.nq"))) == examples + 1  # one a record, and the slice's volume and 4 documents in one batch
    load = cli(clustered, "load", str(shards))
    assert load.exit_code == 0, load.output
    expected = canonical(single)
    assert len([g for g in expected if g.startswith("https://w3id.org/cwkg/id/document/")]) == examples + 4
    assert canonical(clustered) == expected


def test_ingest_on_a_cluster_loads_its_shards_written_beside_the_store(tmp_path):
    result = cli(tmp_path / "store", "ingest", "--cluster", "local:1", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in (tmp_path / "store-shards").iterdir()] == [".nq"]
    with GraphStore(tmp_path / "store", reading=True) as store:
        assert [g.value for g in store.document_graphs()] == ["https://w3id.org/cwkg/id/document/wilson-a09fa3adf955d7c4"]


def test_a_file_whose_extraction_fails_on_a_worker_is_reported_as_one_machine_reports_it_and_leaves_no_shard(tmp_path):
    memo = tmp_path / "memo.txt"
    memo.write_text("Title: Talks in Strelsau\nDate: 11 October 1963\n\n" + "Pyotr Ivanov said " * 6000 + "\n")
    shards = tmp_path / "shards"
    result = cli(tmp_path / "store", "ingest", "--cluster", "local:1", "--shards", str(shards), "--no-load", str(memo), str(EXAMPLE))
    assert result.exit_code == 1
    one_machine = cli(tmp_path / "other", "ingest", str(memo))
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [line for line in one_machine.stderr.splitlines() if line.startswith("error:")]
    assert " has a paragraph of 107,999 characters: longer than cwkg reads (100,000)" in errors[0]
    assert len(list(shards.glob("*.nq"))) == 1  # the example's


def test_each_worker_loads_the_authority_and_parser_once_for_all_its_batches(tmp_path):
    from cwkg.cluster import connect, extract_on_cluster

    with connect("local:1") as client:
        before = client.run(lambda: __import__("cwkg.extract.syntax", fromlist=["model"]).model.cache_info().misses)
        done = list(extract_on_cluster(client, [EXAMPLE, ROOT / "examples" / "memorandum-warsaw-1963.pdf"], tmp_path))
        after = client.run(lambda: (__import__("cwkg.extract.syntax", fromlist=["model"]).model.cache_info().misses,
                                    __import__("cwkg.extract.authority", fromlist=["x"]).default_authority.cache_info().misses))
    assert [state.result.documents for state in done] == [1, 1]
    assert list(before.values()) == [1]  # loaded as the worker joined, before any batch
    assert list(after.values()) == [(1, 1)]


# ------------------------------------------------------------------ cwkg load


def test_load_stores_each_graph_of_a_shard(tmp_path):
    shard = tmp_path / "a.nq"
    shard.write_text(quads_of(DOC, "Talks in Strelsau") + quads_of(OTHER, "A note from Ruritania"))
    result = cli(tmp_path / "store", "load", str(shard))
    assert result.exit_code == 0, result.output
    assert graph_lines(tmp_path / "store", OTHER) == {
        f"<{OTHER}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{CW}Document>",
        f'<{OTHER}> <{DCT}title> "A note from Ruritania"', f'<{OTHER}> <{DCT}date> "1963-10-11"'}


def test_load_reports_what_it_stored_in_one_line(tmp_path):
    shard = tmp_path / "a.nq"
    shard.write_text(quads_of(DOC, "Talks in Strelsau") + quads_of(OTHER, "A note from Ruritania"))
    result = cli(tmp_path / "store", "load", str(shard))
    assert result.stderr.splitlines()[-1].startswith(
        f"1 shards loaded (2 documents, 6 statements), 0 failed; store {tmp_path / 'store'} holds ")


def test_loading_a_shard_again_replaces_its_graphs(tmp_path):
    shard = tmp_path / "a.nq"
    shard.write_text(quads_of(DOC, "Talks in Strelsau"))
    assert cli(tmp_path / "store", "load", str(shard)).exit_code == 0
    shard.write_text(quads_of(DOC, "Talks in Strelsau, second reading"))
    assert cli(tmp_path / "store", "load", str(shard)).exit_code == 0
    assert f'<{DOC}> <{DCT}title> "Talks in Strelsau, second reading"' in graph_lines(tmp_path / "store", DOC)
    assert len(graph_lines(tmp_path / "store", DOC)) == 3


def test_a_shard_broken_halfway_is_one_error_naming_it_and_none_of_it_is_stored(tmp_path):
    good, bad = tmp_path / "good.nq", tmp_path / "bad.nq"
    good.write_text(quads_of(DOC, "Talks in Strelsau"))
    bad.write_text(quads_of(OTHER, "A note from Ruritania") + f"<{OTHER}> <{DCT}title> \"unclosed <{OTHER}> .\n")
    result = cli(tmp_path / "store", "load", str(good), str(bad))
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {bad}: not N-Quads (")
    assert graph_lines(tmp_path / "store", OTHER) == set()
    assert len(graph_lines(tmp_path / "store", DOC)) == 3


def test_a_shard_with_a_statement_outside_any_named_graph_is_refused(tmp_path):
    shard = tmp_path / "a.nq"
    shard.write_text(quads_of(OTHER, "A note from Ruritania") + f'<{DOC}> <{DCT}title> "Talks in Strelsau" .\n')
    result = cli(tmp_path / "store", "load", str(shard))
    assert result.exit_code == 1
    assert f"error: {shard}: a statement outside any named graph (<{DOC}> <{DCT}title> ...)" in result.stderr
    assert graph_lines(tmp_path / "store", OTHER) == set()


def test_a_shard_writing_a_graph_cwkg_works_out_itself_is_refused(tmp_path):
    shard = tmp_path / "a.nq"
    shard.write_text(quads_of("https://w3id.org/cwkg/id/graph/authority", "Ruritania"))
    result = cli(tmp_path / "store", "load", str(shard))
    assert result.exit_code == 1
    assert (f"error: {shard}: holds <https://w3id.org/cwkg/id/graph/authority>, a graph cwkg works out itself: "
            "a shard holds record graphs only") in result.stderr


def test_a_folder_without_shards_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    result = cli(tmp_path / "store", "load", str(tmp_path / "empty"))
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {tmp_path / 'empty'}: holds no shards (*.nq files)"


def test_a_shard_read_back_holds_its_graphs_in_order(tmp_path):
    shard = tmp_path / "a.nq"
    shard.write_text(quads_of(DOC, "Talks in Strelsau") + quads_of(OTHER, "A note from Ruritania"))
    assert [(g.value, len(lines)) for g, lines in read_shard(shard).graphs] == [(DOC, 3), (OTHER, 3)]


# ------------------------------------------------------------------ addresses


@pytest.mark.parametrize("address, message", [
    ("ftp://scheduler", "ftp://scheduler: not a cluster address: give a Dask scheduler (tcp://HOST:8786) or local:N"),
    ("local:0", "local:0: a local cluster needs at least one worker (local:2, say)"),
])
def test_a_cluster_address_of_no_known_form_is_a_usage_error(tmp_path, address, message):
    result = cli(tmp_path / "store", "ingest", "--cluster", address, str(EXAMPLE))
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {message}"
    assert not (tmp_path / "store").exists()


def test_the_cluster_options_without_a_cluster_are_a_usage_error(tmp_path):
    result = cli(tmp_path / "store", "ingest", "--no-load", str(EXAMPLE))
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --shards and --no-load go with --cluster (extraction on a Dask cluster)"


def test_validate_on_a_cluster_is_a_usage_error(tmp_path):
    result = cli(tmp_path / "store", "ingest", "--cluster", "local:1", "--validate", str(EXAMPLE))
    assert result.exit_code == 2
    assert result.stderr.strip() == ("error: --validate checks documents as they are stored, in this process; it cannot "
                                     "run with --cluster (run `cwkg validate` after the load)")


# ------------------------------------------------------------------ push after load


def test_push_sends_the_graphs_a_load_stored_to_a_server(tmp_path):
    shard = tmp_path / "a.nq"
    shard.write_text(quads_of(DOC, "Talks in Strelsau"))
    assert cli(tmp_path / "store", "load", str(shard)).exit_code == 0
    server = RunningServer(tmp_path / "remote").start()
    try:
        assert cli(tmp_path / "store", "push", "--endpoint", server.query_url).exit_code == 0
        answer = cli(tmp_path / "store", "sparql", f"SELECT ?t WHERE {{ GRAPH <{DOC}> {{ <{DOC}> <{DCT}title> ?t }} }}",
                     "--endpoint", server.query_url, "--format", "csv")
    finally:
        server.stop()
    assert answer.stdout.splitlines() == ["t", "Talks in Strelsau"]
