"""A store written before compact provenance is upgraded once: each full Web Annotation target becomes one IRI with
an RFC 5147 character range and the quote, and a node names its document once."""

import pyoxigraph as ox

from cwkg.graph.compact import compact_evidence, has_full_selectors

PREFIXES = """
@base <https://w3id.org/cwkg/id/> .
@prefix cw: <https://w3id.org/cwkg/ontology#> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

OLD = """
<document/strelsau> cw:text "Pyotr Ivanov said that Ruritania would wait." .
<position/s-1> a cw:Position ; cw:speaker <person/ivanov> ; cw:inDocument <document/strelsau> ;
    prov:wasDerivedFrom <document/strelsau> ; cw:rule "said-that" ; oa:hasTarget <position/s-1#target> .
<position/s-1#target> a oa:SpecificResource ; oa:hasSource <document/strelsau> ;
    oa:hasSelector <position/s-1#quote> , <position/s-1#position> .
<position/s-1#quote> a oa:TextQuoteSelector ; oa:exact "Ruritania would wait." ; oa:prefix "Pyotr Ivanov said that " ; oa:suffix "" .
<position/s-1#position> a oa:TextPositionSelector ; oa:start 23 ; oa:end 44 ; cw:page 2 .
"""

COMPACT = """
<document/strelsau> cw:text "Pyotr Ivanov said that Ruritania would wait." .
<position/s-1> a cw:Position ; cw:speaker <person/ivanov> ; cw:inDocument <document/strelsau> ; cw:rule "said-that" ;
    oa:hasTarget <document/strelsau#char=23,44> ; cw:quote "Ruritania would wait." ; cw:page 2 .
"""


def triples(turtle: str) -> list[ox.Triple]:
    return [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(PREFIXES + turtle, format=ox.RdfFormat.TURTLE)]


def test_a_full_target_becomes_a_character_range_and_its_quote():
    assert set(compact_evidence(triples(OLD))) == set(triples(COMPACT))


def test_a_mention_keeps_its_target_and_no_quote():
    old = OLD.replace("a cw:Position", "a cw:Mention")
    compact = COMPACT.replace("a cw:Position", "a cw:Mention").replace(' cw:quote "Ruritania would wait." ;', "")
    assert set(compact_evidence(triples(old))) == set(triples(compact))


def test_a_compact_graph_is_left_as_it_is():
    assert compact_evidence(triples(COMPACT)) == triples(COMPACT)


def test_a_target_without_offsets_is_kept_whole():
    partial = OLD.replace("oa:start 23 ; oa:end 44 ;", "")
    assert {t for t in compact_evidence(triples(partial)) if t.predicate.value.startswith("http://www.w3.org/ns/oa#")} \
        == {t for t in triples(partial) if t.predicate.value.startswith("http://www.w3.org/ns/oa#")}


def test_only_the_older_form_is_told_apart_as_full():
    assert (has_full_selectors(triples(OLD)), has_full_selectors(triples(COMPACT))) == (True, False)


def test_a_store_an_older_cwkg_wrote_is_upgraded_once_when_opened(tmp_path):
    from cwkg.graph.store import GraphStore

    document = ox.NamedNode("https://w3id.org/cwkg/id/document/strelsau")
    older = GraphStore(tmp_path / "store")
    older.ensure_static()
    older.replace_graph(document, triples(OLD))
    older.close()
    opened = GraphStore.for_reading(tmp_path / "store")
    upgraded = {ox.Triple(q.subject, q.predicate, q.object) for q in opened.quads(document)}
    opened.close()
    again = GraphStore.snapshot(tmp_path / "store")
    assert (upgraded, again.is_current()) == (set(triples(COMPACT)), True)
    again.close()
