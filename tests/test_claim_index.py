"""The claim index (graph/claimindex.py) and the ranking of claims by it (ask/rank.py), on stores built here from
records written for these tests: the index follows a re-ingest and a removal, a stemmed claim finds its statement,
the time window bounds the answer, the verb's stance ranks a statement of that stance first, a store without the
index builds it on first ask, and a store without one is ranked the interim way and says so."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sqlite3
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from cwkg.ask import ask
from cwkg.ask.rank import INTERIM, claim_terms, entity_only_may_count
from cwkg.cli import app
from cwkg.graph.claimindex import FILE, PositionRow, long, positions_in_lines, positions_of, short, terms
from cwkg.graph.statements import triple_lines
from cwkg.graph.store import GraphStore
from cwkg.ontology.vocab import CW, ID, RDF

WARSAW_1962 = """MEMORANDUM OF CONVERSATION

Date: 14 May 1962
Place: Warsaw
Kind: memcon
Participants: Pyotr Ivanov, Ambassador of the Soviet Union to Poland; Adam Nowak, Minister of Foreign Affairs of Poland

On 14 May I called on Minister Nowak at the ministry. Nowak warned that tension was rising along the border with Czechoslovakia.

I said that the harvest in Poland had been good.

Pyotr Ivanov
"""
WARSAW_1963 = """MEMORANDUM OF CONVERSATION

Date: 3 October 1963
Place: Warsaw
Kind: memcon
Participants: Pyotr Ivanov, Ambassador of the Soviet Union to Poland; Adam Nowak, Minister of Foreign Affairs of Poland

On 3 October Minister Nowak visited me at the embassy. Nowak said that the harvest in Poland had been good.

Nowak said that grain exports to the Soviet Union would fall.

I warned that grain exports to the Soviet Union would fall.

Pyotr Ivanov
"""


def _ingest(folder: Path, store: Path) -> None:
    result = CliRunner().invoke(app, ["--store", str(store), "ingest", str(folder)])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A store of the two records, made once; each test that changes a store works on a copy."""
    folder = tmp_path_factory.mktemp("records")
    (folder / "warsaw-1962.txt").write_text(WARSAW_1962, encoding="utf-8")
    (folder / "warsaw-1963.txt").write_text(WARSAW_1963, encoding="utf-8")
    store = tmp_path_factory.mktemp("store") / "store"
    _ingest(folder, store)
    return store


@pytest.fixture
def store(built, tmp_path) -> Path:
    copy = tmp_path / "store"
    shutil.copytree(built, copy)
    return copy


@pytest.fixture(scope="module")
def docs(built) -> dict[str, str]:
    """The two records' document IRIs by the year of their statements."""
    with GraphStore(built) as s:
        rows = s.query("SELECT DISTINCT ?doc ?date WHERE { ?p cw:inDocument ?doc ; cw:statedOn ?date }")
        return {r["date"].value[:4]: r["doc"].value for r in rows}


def _ask(store: Path, question: str) -> list[tuple[str, float]]:
    result = CliRunner().invoke(app, ["--store", str(store), "ask", question, "-f", "json"])
    assert result.exit_code in (0, 1), result.output
    return [(e["name"], e["score"]) for e in json.loads(result.stdout)["answer"]]


def _hits(store: Path, text: str) -> list[str]:
    with GraphStore(store) as s:
        return [h.document for h in s.claim_index().search(claim_terms(text))]


# --- kept in step with the store ---------------------------------------------------------------------------------------

def test_ingest_indexes_every_position_of_every_document(store, docs):
    with GraphStore(store) as s:
        assert s.claim_index().documents() == {docs["1962"]: 2, docs["1963"]: 3}


def test_the_index_follows_a_document_ingested_again(store, docs, tmp_path):
    folder = tmp_path / "again"
    folder.mkdir()
    (folder / "warsaw-1962.txt").write_text(WARSAW_1962, encoding="utf-8")
    _ingest(folder, store)
    with GraphStore(store) as s:
        assert s.claim_index().documents() == {docs["1962"]: 2, docs["1963"]: 3}


def test_the_index_follows_a_document_graph_replaced_with_other_words(store, docs):
    old, new = "tension was rising along the border with Czechoslovakia.", "the talks on fishing rights had failed."
    with GraphStore(store) as s:
        graph = ox.NamedNode(docs["1962"])
        triples = [ox.Triple(q.subject, q.predicate, ox.Literal(new) if q.object == ox.Literal(old) else q.object)
                   for q in s.quads(graph)]
        s.replace_graph(graph, triples)
    assert (_hits(store, "rising tension"), _hits(store, "fishing talks")) == ([], [docs["1962"]])


def test_the_index_follows_a_document_removed_from_the_store(store, docs):
    with GraphStore(store) as s:
        s.forget_graph(ox.NamedNode(docs["1962"]))
        assert (s.claim_index().documents(), s.claim_index().pending()) == ({docs["1963"]: 3}, [])


def test_a_write_cut_off_before_the_index_followed_is_caught_up_when_next_opened(store, docs):
    with GraphStore(store) as s:
        s.claim_index().expect([docs["1962"]])  # as before a write: then the process stops
    with GraphStore(store) as s:
        assert (s.claim_index().pending(), s.claim_index().documents()) == ([], {docs["1962"]: 2, docs["1963"]: 3})


def test_a_graph_changed_behind_the_index_has_the_index_built_again(store, docs, caplog):
    old, new = "tension was rising along the border with Czechoslovakia.", "the talks on fishing rights had failed."
    graph = ox.NamedNode(docs["1962"])
    engine = ox.Store(str(store))  # another program edits the graph: the index does not hear of it
    quad = next(q for q in engine.quads_for_pattern(None, CW.quote, ox.Literal(old), graph))
    engine.remove(quad)
    engine.add(ox.Quad(quad.subject, quad.predicate, ox.Literal("the weather was mild."), graph))
    engine.flush()
    del engine
    with caplog.at_level(logging.WARNING, logger="cwkg"), GraphStore(store) as s:
        triples = [ox.Triple(q.subject, q.predicate, ox.Literal(new) if q.object == ox.Literal(old) else q.object)
                   for q in s.quads(graph)]
        s.replace_graph(graph, [t for t in triples if t.object != ox.Literal("the weather was mild.")] +
                        [ox.Triple(quad.subject, quad.predicate, ox.Literal(new))])
    assert ([r.getMessage() for r in caplog.records], _hits(store, "rising tension"), _hits(store, "mild weather"),
            _hits(store, "fishing talks")) == (
        [f"{store}: the claim index no longer matches the store ({quad.subject.value} is worded otherwise): building it again"],
        [], [], [docs["1962"]])


def test_an_index_of_another_version_is_built_again_when_opened(store, docs):
    with sqlite3.connect(str(store / FILE)) as db:
        db.execute("UPDATE meta SET value = '1' WHERE key = 'version'")
    db.close()
    with GraphStore(store) as s:
        assert s.claim_index().documents() == {docs["1962"]: 2, docs["1963"]: 3}


def test_the_index_keeps_no_copy_of_the_words_it_searches(store):
    with GraphStore(store) as s:
        s.claim_index()
    with sqlite3.connect(str(store / FILE)) as db:
        kept = db.execute("SELECT DISTINCT words FROM evidence").fetchall()
    db.close()
    assert kept == [(None,)]


def test_a_hit_names_its_position_document_and_speaker_in_full(store, docs):
    with GraphStore(store) as s:
        [hit] = s.claim_index().search(claim_terms("rising tension"))
        said = {r["p"].value: r["who"].value for r in s.query(
            "SELECT ?p ?who WHERE { ?p cw:quote ?q ; cw:speaker ?who FILTER(CONTAINS(?q, 'tension')) }")}
    assert (hit.document, {hit.position: hit.speaker}) == (docs["1962"], said)


def test_iris_under_cwkgs_base_are_kept_without_it_and_others_whole():
    inside, outside = ID + "person/frus/v1/p_AB", "http://www.wikidata.org/entity/Q1"
    assert ((short(inside), long(short(inside))), (short(outside), long(short(outside)))) == (
        ("person/frus/v1/p_AB", inside), (outside, outside))


# --- words ---------------------------------------------------------------------------------------------------------------

def test_claim_and_evidence_are_stemmed_alike():
    assert (claim_terms("warned of rising tensions"), terms("warns that tension is rising")) == (
        ["warn", "rise", "tension"], ["warn", "that", "tension", "is", "rise"])


def test_a_stemmed_claim_finds_its_statement(store):
    assert _ask(store, "Who warned of rising tensions in 1962?") == [("Adam Nowak", 1.2289)]


# --- ranking -------------------------------------------------------------------------------------------------------------

def test_the_time_window_bounds_the_answer(store):
    assert (_ask(store, "Who said in 1962 that the harvest in Poland had been good?"),
            _ask(store, "Who said in October 1963 that the harvest in Poland had been good?")) == (
        [("Pyotr Ivanov", 1.5334)], [("Adam Nowak", 1.5334)])


def test_the_stance_of_the_verb_ranks_a_statement_of_that_stance_first(store):
    assert _ask(store, "Who warned in 1963 that grain exports would fall?") == [("Pyotr Ivanov", 1.2289), ("Adam Nowak", 0.9789)]


def test_a_question_reads_only_the_statements_the_index_finds_by_their_words(store):
    with GraphStore(store) as s:
        answer = ask(s, "Who warned of rising tensions in 1962?")
        tension = s.query("SELECT ?p WHERE { ?p a cw:Position ; cw:quote ?q FILTER(CONTAINS(?q, 'tension')) }")
        (position,) = [r["p"].value for r in tension]
    read = [r.sparql for r in answer.ran if r.query == "positions-in-window"]
    assert (len(read), set(re.findall(r"VALUES \?position \{ ([^}]*) \}", read[0]))) == (1, {f"<{position}>"})


def test_statements_about_what_the_claim_names_are_read_when_they_could_still_answer():
    assert (entity_only_may_count(0.9), entity_only_may_count(1.0), entity_only_may_count(1.01)) == (True, True, False)


# --- a store without the index ---------------------------------------------------------------------------------------------

def test_a_store_without_the_index_builds_it_on_first_ask_and_says_so(store, caplog):
    (store / FILE).unlink()
    with caplog.at_level(logging.WARNING, logger="cwkg"), GraphStore(store) as s:
        answer = ask(s, "Who warned of rising tensions in 1962?")
    assert ([(e.name, e.score) for e in answer.entries], (store / FILE).exists(), [r.getMessage() for r in caplog.records]) == (
        [("Adam Nowak", 1.2289)], True, [f"{store}: building the claim index from the 2 documents the store holds (once)"])


class _Endpoint:
    """A store seen only through SPARQL, as a remote endpoint is: it has no claim index."""

    def __init__(self, store: GraphStore) -> None:
        self.query = store.query


def test_a_store_without_an_index_is_ranked_by_word_overlap_and_says_so(store):
    with GraphStore(store) as s:
        answer = ask(_Endpoint(s), "Who warned of rising tensions in 1962?")
    assert (answer.names, answer.caveat) == (["Adam Nowak"], INTERIM)


def test_the_index_reads_a_positions_quote_date_speakers_and_stance_from_its_documents_graph():
    g, p = ox.NamedNode("https://example.org/doc"), ox.NamedNode("https://example.org/doc#p1")
    stance = ox.NamedNode("https://example.org/stance/supports")
    quads = [ox.Quad(p, RDF.type, CW.Position, g), ox.Quad(p, CW.quote, ox.Literal("Poland should wait."), g),
             ox.Quad(p, CW.statedOn, ox.Literal("1962-03-04"), g), ox.Quad(p, CW.speaker, ox.NamedNode("https://example.org/b"), g),
             ox.Quad(p, CW.speaker, ox.NamedNode("https://example.org/a"), g), ox.Quad(p, CW.stance, stance, g),
             ox.Quad(ox.NamedNode("https://example.org/doc#p2"), RDF.type, CW.Position, g)]  # no quote: nothing to search
    assert positions_of(quads) == [PositionRow("https://example.org/doc#p1", "Poland should wait.", "1962-03-04",
                                               ("https://example.org/a", "https://example.org/b"), stance.value)]


def test_the_positions_of_statements_just_written_are_those_the_store_reads_back(tmp_path):
    g, p = ox.NamedNode("https://example.org/doc"), ox.NamedNode("https://example.org/doc#p1")
    tricky = f'He said "{CW.quote} and {RDF.type}" twice.\nThen left.'  # a quote holding predicates' IRIs, a quote mark, a line break
    triples = [ox.Triple(p, RDF.type, CW.Position), ox.Triple(p, CW.quote, ox.Literal(tricky)),
               ox.Triple(p, CW.statedOn, ox.Literal("1962-03-04", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))),
               ox.Triple(p, CW.speaker, ox.NamedNode("https://example.org/a")), ox.Triple(p, CW.confidence, ox.Literal(0.9))]
    with GraphStore(tmp_path / "store") as store:
        store.replace_graph(g, triples)
        read_back = positions_of(q for pred in (RDF.type, CW.quote, CW.statedOn, CW.speaker) for q in store.quads(g, pred))
    assert positions_in_lines(triple_lines(triples)) == read_back == [PositionRow(p.value, tricky, "1962-03-04", ("https://example.org/a",), None)]
