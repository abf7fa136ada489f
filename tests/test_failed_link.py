"""A failed `cwkg link` changes nothing: a review file it cannot write is said before any request is sent and
the store keeps its content (its digest), and the review file is written before any link is stored. Against a
real `oxigraph serve` on 127.0.0.1 holding Wikidata-shaped facts (tests/fixtures/wikidata/founding.ttl)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from support import EXAMPLE
from test_bad_input import cwkg, digest, one_line_error
from test_wikidata import wikidata  # noqa: F401 - the read-only Wikidata-shaped endpoint fixture

AMBIGUOUS = ('INSERT DATA { GRAPH <https://w3id.org/cwkg/id/state/test-yugoslavia/graph> { '
             '<https://w3id.org/cwkg/id/state/test-yugoslavia> a <https://w3id.org/cwkg/ontology#State> ; '
             '<http://www.w3.org/2004/02/skos/core#prefLabel> "Yugoslavia"@en } }')


@pytest.fixture(scope="module")
def prepared(tmp_path_factory) -> str:
    """A store of the founding memorandum and one entity whose name two Wikidata items share (a review row)."""
    store = tmp_path_factory.mktemp("link") / "store"
    assert cwkg("ingest", str(EXAMPLE), store=store).returncode == 0
    subprocess.run([sys.executable, "-c", "import sys, pyoxigraph as ox; ox.Store(sys.argv[1]).update(sys.argv[2])",
                    str(store), AMBIGUOUS], check=True)
    return str(store)


@pytest.fixture
def store(prepared, tmp_path):
    import shutil

    copy = tmp_path / "store"
    shutil.copytree(prepared, copy)
    return copy


def link(store, wikidata, tmp_path, review):
    return cwkg("link", "--endpoint", wikidata, "--cache", str(tmp_path / "cache"), "--review", str(review),
                store=store, timeout=300)


def test_a_link_whose_review_folder_does_not_exist_fails_and_changes_nothing(store, wikidata, tmp_path):
    before = digest(store)
    review = tmp_path / "missing" / "review.csv"
    assert one_line_error(link(store, wikidata, tmp_path, review), 1) == f"error: {review}: its folder does not exist"
    assert digest(store) == before and not (tmp_path / "cache").exists()


def test_a_link_whose_review_file_is_a_fifo_fails_and_changes_nothing(store, wikidata, tmp_path):
    before = digest(store)
    review = tmp_path / "review.csv"
    os.mkfifo(review)
    assert one_line_error(link(store, wikidata, tmp_path, review), 1) == (
        f"error: {review}: is not a regular file (a device, pipe or socket); give a file path")
    assert digest(store) == before and review.is_fifo()


def test_the_same_link_with_a_writable_review_file_stores_links_and_writes_the_review(store, wikidata, tmp_path):
    before = digest(store)
    review = tmp_path / "review.csv"
    done = link(store, wikidata, tmp_path, review)
    assert (done.returncode, "1 for review in " + str(review) in done.stderr) == (0, True), done.stderr
    assert digest(store) != before and review.read_text(encoding="utf-8").count("test-yugoslavia") == 2


def test_accepting_an_entity_that_is_no_iri_fails_in_one_line_and_changes_nothing(store, tmp_path):
    before = digest(store)
    choices = tmp_path / "choices.csv"
    choices.write_text("entity,candidate,accept\nhttp://[::1,Q36704,yes\n", encoding="utf-8")
    result = cwkg("link", "--accept", str(choices), "--no-enrich", store=store, timeout=120)
    assert one_line_error(result, 1) == f"error: {choices}: line 2: entity 'http://[::1' is not an IRI"
    assert digest(store) == before


def test_an_accepted_entity_is_looked_up_as_a_bound_value_not_pasted_into_a_query(store, tmp_path, monkeypatch):
    from datetime import date

    from cwkg.graph.store import GraphStore
    from cwkg.graph.wikidata import linker

    choices = tmp_path / "choices.csv"
    choices.write_text("entity,candidate,accept\nhttps://w3id.org/cwkg/id/state/test-yugoslavia,Q36704,yes\n",
                       encoding="utf-8")
    asked: list[str] = []
    graph = GraphStore(store)
    original = graph.query
    monkeypatch.setattr(graph, "query", lambda sparql, *a, **k: asked.append(sparql) or original(sparql, *a, **k))
    report = linker.accept(graph, None, choices, today=date(1961, 6, 4), enrich=False)
    assert report.linked["curator"] == 1
    assert not any("test-yugoslavia" in sparql for sparql in asked)
