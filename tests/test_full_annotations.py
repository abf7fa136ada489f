"""`cwkg export --annotations full` says each evidence target as Web Annotation selectors, for annotation tools."""

import pyoxigraph as ox
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.graph.annotations import full_annotations
from cwkg.graph.compact import compact_evidence

from support import EXAMPLE

PREFIXES = """
@base <https://w3id.org/cwkg/id/> .
@prefix cw: <https://w3id.org/cwkg/ontology#> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

COMPACT = """
<document/strelsau> cw:text "Pyotr Ivanov said that Ruritania would wait for Adam Nowak's answer." .
<position/s-1> a cw:Position ; cw:inDocument <document/strelsau> ;
    oa:hasTarget <document/strelsau#char=23,44> ; cw:quote "Ruritania would wait" .
"""

FULL = """
<document/strelsau> cw:text "Pyotr Ivanov said that Ruritania would wait for Adam Nowak's answer." .
<position/s-1> a cw:Position ; cw:inDocument <document/strelsau> ; oa:hasTarget <position/s-1#target> .
<position/s-1#target> a oa:SpecificResource ; oa:hasSource <document/strelsau> ;
    oa:hasSelector <position/s-1#quote> , <position/s-1#position> .
<position/s-1#quote> a oa:TextQuoteSelector ; oa:exact "Ruritania would wait" ;
    oa:prefix "Pyotr Ivanov said that " ; oa:suffix " for Adam Nowak's answer." .
<position/s-1#position> a oa:TextPositionSelector ; oa:start 23 ; oa:end 43 .
"""


def triples(turtle: str) -> set[ox.Triple]:
    return {ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(PREFIXES + turtle, format=ox.RdfFormat.TURTLE)}


def test_a_character_range_becomes_a_specific_resource_with_quote_and_position_selectors():
    assert set(full_annotations(triples(COMPACT.replace("char=23,44", "char=23,43")))) == triples(FULL)


def test_a_mentions_exact_words_are_read_from_the_documents_text():
    mention = COMPACT.replace("char=23,44", "char=23,43").replace("a cw:Position", "a cw:Mention").replace(
        ' ; cw:quote "Ruritania would wait"', "")
    assert set(full_annotations(triples(mention))) == triples(FULL.replace("a cw:Position", "a cw:Mention"))


def test_a_target_whose_document_text_is_elsewhere_has_no_prefix_or_suffix():
    without_text = COMPACT.replace("char=23,44", "char=23,43").split("\n", 2)[2]
    full = FULL.replace("""
    oa:prefix "Pyotr Ivanov said that " ; oa:suffix " for Adam Nowak's answer." .""", " .").split("\n", 2)[2]
    assert set(full_annotations(triples(without_text))) == triples(full)


def test_the_full_form_of_a_documents_graph_reads_back_as_the_graph(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    assert runner.invoke(app, ["--store", store, "ingest", str(EXAMPLE)]).exit_code == 0
    compact = runner.invoke(app, ["--store", store, "export", "--documents-only", "--format", "nquads"])
    full = runner.invoke(app, ["--store", store, "export", "--documents-only", "--format", "nquads", "--annotations", "full"])
    stored = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(compact.stdout_bytes, format=ox.RdfFormat.N_QUADS)]
    exported = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(full.stdout_bytes, format=ox.RdfFormat.N_QUADS)]
    selectors = {t.subject for t in exported if t.object == ox.NamedNode("http://www.w3.org/ns/oa#TextQuoteSelector")}
    targeted = {t.subject for t in stored if t.predicate == ox.NamedNode("http://www.w3.org/ns/oa#hasTarget")}
    assert (len(selectors), set(compact_evidence(exported))) == (len(targeted), set(stored))


def test_an_unknown_annotations_form_is_refused_in_one_line(tmp_path):
    result = CliRunner().invoke(app, ["--store", str(tmp_path / "store"), "export", "--annotations", "verbose"])
    assert (result.exit_code, "'verbose' (use compact, full)" in result.output) == (2, True)
