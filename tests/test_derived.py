"""The derived graph (graph/derived.py): whom each position counts for and which positions a meeting set against
each other, worked out when the store changes so that positions-of and disagreements start from their answer."""

from __future__ import annotations

from cwkg.graph.derived import DERIVED_GRAPH, has_derived, write_derived
from cwkg.queries.catalog import load_catalog
from cwkg.queries.runner import run

RI = "https://w3id.org/cwkg/id/person/provisional/wilson-a09fa3adf955d7c4/risongun"


def counted_for(store, position: str) -> set[str]:
    return {r["x"].value for r in store.query(f"SELECT ?x WHERE {{ <{position}> cw:countsFor ?x }}")}


def test_a_position_counts_for_its_speaker_the_state_of_the_speakers_post_and_the_party_ruling_it(loaded_store):
    (first,) = [r["p"].value for r in loaded_store.query(
        f"SELECT ?p WHERE {{ ?p cw:speaker <{RI}> ; cw:rule 'cue+current-subject' ; cw:reportingExpression 'said' }} ORDER BY ?p LIMIT 1")]
    assert counted_for(loaded_store, first) == {RI, "https://w3id.org/cwkg/id/state/north-korea",
                                                "https://w3id.org/cwkg/id/party/wpk"}


def test_positions_of_a_ruling_party_include_what_the_holders_of_the_states_posts_said(loaded_store):
    # Ri Song-un is the DPRK's ambassador (a post of the state the party rules); Kim Il Sung leads the party itself
    catalog = load_catalog()
    rows = run(loaded_store, catalog["positions-of"], {"actor": "Workers' Party of Korea"}).rows
    ri = run(loaded_store, catalog["positions-of"], {"actor": "Ri Song-un"}).rows
    kim = run(loaded_store, catalog["positions-of"], {"actor": "Kim Il Sung"}).rows
    assert {r["speaker"].value for r in rows} == {"Kim Il Sung", "Ri Song-un"}
    assert {r["position"].value for r in rows} == {r["position"].value for r in ri + kim}


def test_the_pairs_a_meeting_set_against_each_other_are_those_a_query_over_all_positions_finds(loaded_store):
    everything = """SELECT DISTINCT ?for ?against WHERE {
      ?for a cw:Position ; cw:atMeeting ?m ; cw:speaker ?s1 ; cw:stance/cw:polarity ?p1 ; cw:about|cw:topic ?shared .
      ?against a cw:Position ; cw:atMeeting ?m ; cw:speaker ?s2 ; cw:stance/cw:polarity ?p2 ; cw:about|cw:topic ?shared .
      FILTER(?s1 != ?s2 && ?p1 > 0 && ?p2 < 0) }"""
    expected = {(r["for"].value, r["against"].value) for r in loaded_store.query(everything)}
    derived = {(r["a"].value, r["b"].value) for r in loaded_store.query("SELECT ?a ?b WHERE { ?a cw:opposedBy ?b }")}
    assert derived == expected and len(expected) > 0


def test_a_store_written_before_the_derived_graph_gets_it_once_opened_for_writing(store):
    from cwkg.pipeline import ingest
    from support import EXAMPLE

    assert all(r.ok for r in ingest(store, [EXAMPLE]))
    before = sorted(str(q) for q in store.quads(DERIVED_GRAPH))
    store.remove_graph(DERIVED_GRAPH)
    store._store.update("DELETE WHERE { GRAPH <https://w3id.org/cwkg/id/graph/meta> { "
                        f"{DERIVED_GRAPH} <https://w3id.org/cwkg/ontology#storedTriples> ?n }} }}")
    assert not has_derived(store)
    store.ensure_static()
    assert (has_derived(store), sorted(str(q) for q in store.quads(DERIVED_GRAPH))) == (True, before)


def test_rebuilding_the_derived_graph_gives_the_same_triples(loaded_store):
    before = sorted(str(q) for q in loaded_store.quads(DERIVED_GRAPH))
    count = write_derived(loaded_store)
    assert (count, sorted(str(q) for q in loaded_store.quads(DERIVED_GRAPH))) == (len(before), before)
