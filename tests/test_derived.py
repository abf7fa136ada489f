"""The derived graphs (graph/derived.py): whom each position counts for and which positions a meeting set against
each other, worked out per document when the store changes so that positions-of and disagreements start from their
answer."""

from __future__ import annotations

import pyoxigraph as ox

from cwkg.graph.derived import DERIVED_PREFIX, derived_graph, documents_speaking_of, has_derived, write_derived
from cwkg.ontology.vocab import CW
from support import EXAMPLE, FIXTURES
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


def derived_quads(store) -> list[str]:
    return sorted(str(q) for g in store.graphs() if g.value.startswith(DERIVED_PREFIX) for q in store.quads(g))


def test_each_documents_derived_triples_sit_in_its_own_derived_graph(loaded_store):
    rows = list(loaded_store.query("""SELECT ?g ?d WHERE { GRAPH ?g { ?p cw:countsFor|cw:opposedBy ?x }
                                                          GRAPH ?d { ?p a cw:Position } }"""))
    assert len(rows) > 0 and {r["g"].value for r in rows} == {derived_graph(r["d"]).value for r in rows}


def test_a_store_written_with_one_derived_graph_gets_them_per_document_once_opened_for_writing(store):
    from cwkg.pipeline import ingest

    assert all(r.ok for r in ingest(store, [EXAMPLE]))
    before = derived_quads(store)
    old = ox.NamedNode("https://w3id.org/cwkg/id/graph/derived")
    store.replace_graph(old, [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()
                              if q.graph_name.value.startswith(DERIVED_PREFIX)])
    for g in store.graphs():
        if g.value.startswith(DERIVED_PREFIX):
            store.forget_graph(g)
    store.forget_graph(ox.NamedNode("https://w3id.org/cwkg/id/graph/meta"))  # no version recorded, as before
    assert not has_derived(store)
    store.ensure_static()
    assert (has_derived(store), derived_quads(store), old in store.graphs()) == (True, before, False)


def test_rebuilding_the_derived_graphs_gives_the_same_triples(loaded_store):
    before = derived_quads(loaded_store)
    count = write_derived(loaded_store)
    assert (count, derived_quads(loaded_store)) == (len(before), before)


def test_an_ingest_works_out_the_derived_graphs_of_the_documents_it_loaded_and_leaves_the_others(store):
    from cwkg.pipeline import ingest

    (first,) = ingest(store, [EXAMPLE])
    mine = derived_graph(ox.NamedNode(first.document))
    kept = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(mine)]
    marker = ox.Triple(ox.NamedNode("https://example.org/untouched"), ox.NamedNode("https://example.org/p"), ox.Literal("1"))
    store.replace_graph(mine, kept + [marker])
    (second,) = ingest(store, [FIXTURES / "frus_mini.xml"])
    theirs = [g for g in map(ox.NamedNode, second.graphs) if g.value.startswith("https://w3id.org/cwkg/id/document/")]
    assert marker in [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(mine)]
    assert all(store.count(derived_graph(g)) > 0 for g in theirs if store.query(f"ASK {{ GRAPH {g} {{ ?p a cw:Position }} }}"))


def test_the_documents_whose_derived_graphs_follow_a_group_are_those_its_members_speak_in(loaded_store):
    (doc,) = loaded_store.document_graphs()
    assert documents_speaking_of(loaded_store, {RI}) == {doc}
    assert documents_speaking_of(loaded_store, {"https://w3id.org/cwkg/id/person/nobody"}) == set()


_PREFIXES = """
@base <https://w3id.org/cwkg/id/> .
@prefix cw: <https://w3id.org/cwkg/ontology#> . @prefix org: <http://www.w3.org/ns/org#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
# A record of a meeting with three participants: one whose ambassador's post the record attests, one who holds a
# dated ambassador's post attested elsewhere, one who holds another post.
_RECORD = """
<document/t> cw:records <meeting/t-1> ; cw:mentions <state/albania>, <state/china> .
<meeting/t-1> cw:participant <person/attested>, <person/dated>, <person/aide> .
<person/attested> cw:holdsPost <post/attested> . <post/attested> org:role cw:AmbassadorRole ; cw:attestedIn <document/t> .
<person/dated> cw:holdsPost <post/dated> .
<post/dated> org:role cw:AmbassadorRole ; cw:startDate "1961-01-01"^^xsd:date ; cw:attestedIn <document/elsewhere> .
<person/aide> cw:holdsPost <post/aide> . <post/aide> org:role <role/aide> ; cw:attestedIn <document/t> .
"""
T = "https://w3id.org/cwkg/id/"


def _entries(store) -> dict[tuple[str, str | None, str | None], set[str]]:
    """(discussant, meeting, statement) -> what may have been discussed, over the whole store."""
    out: dict = {}
    for r in store.query("""SELECT ?who ?m ?s ?t WHERE { ?e cw:discussant ?who ; cw:discussed ?t .
                            OPTIONAL { ?e cw:discussedAt ?m } OPTIONAL { ?e cw:discussedInStatement ?s } }"""):
        key = (r["who"].value.removeprefix(T), r["m"] and r["m"].value.removeprefix(T), r["s"] and r["s"].value.removeprefix(T))
        out.setdefault(key, set()).add(r["t"].value.removeprefix(T))
    return out


def _with_record(store, turtle: str = _RECORD) -> ox.NamedNode:
    graph = ox.NamedNode(T + "document/t")
    store.replace_graph(graph, list(ox.parse(_PREFIXES + turtle, format=ox.RdfFormat.TURTLE)))
    write_derived(store, [graph])
    return graph


def test_a_possible_ambassador_taking_part_in_a_meeting_may_have_discussed_everything_its_record_mentions(store):
    _with_record(store)
    assert _entries(store) == {("person/attested", "meeting/t-1", None): {"state/albania", "state/china"},
                               ("person/dated", "meeting/t-1", None): {"state/albania", "state/china"}}


def test_a_possible_ambassador_stating_a_position_may_have_discussed_its_subjects(store):
    _with_record(store, _RECORD + """<position/t-1> cw:speaker <person/attested> ; cw:inDocument <document/t> ;
                                        cw:atMeeting <meeting/t-1> ; cw:about <state/china> ; cw:topic <topic/trade> .""")
    assert _entries(store)[("person/attested", "meeting/t-1", "position/t-1")] == {"state/china", "topic/trade"}


def test_the_entries_of_a_record_sit_in_its_derived_graph_named_from_it(store):
    graph = _with_record(store)
    assert {q.subject.value.split("#")[0] for q in store.quads(derived_graph(graph)) if q.predicate == CW.discussant} \
        == {derived_graph(graph).value}


def test_the_documents_whose_derived_graphs_follow_a_persons_posts_include_those_of_the_meetings_they_took_part_in(store):
    graph = _with_record(store)
    assert documents_speaking_of(store, {T + "person/aide"}) == {graph}
