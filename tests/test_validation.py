"""Checking the graph: SHACL data rules, HermiT consistency, and what `cwkg validate` reports."""

from __future__ import annotations

import json

import pytest
import rdflib
from typer.testing import CliRunner

from cwkg.cli import app
from cwkg.graph.validate import shacl

from support import EXAMPLE, FIXTURES

PREFIXES = """
@prefix cw: <https://w3id.org/cwkg/ontology#> . @prefix id: <https://w3id.org/cwkg/id/> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> . @prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix sn: <https://w3id.org/cwkg/id/stance/> . @prefix wd: <http://www.wikidata.org/entity/> .
sn:supports a cw:Stance .
id:doc a cw:Document ; dcterms:title "A record" ; dcterms:date "1962-04-02"^^xsd:date ; dcterms:source "test" ; cw:text "He said that Albania matters." .
id:a a cw:Person ; skos:prefLabel "A" . id:b a cw:Person ; skos:prefLabel "B" .
id:albania a cw:State ; skos:prefLabel "Albania" .
"""

GOOD_POSITION = """
id:pos a cw:Position ; cw:speaker id:a ; cw:stance sn:supports ; cw:about id:albania ; cw:inDocument id:doc ;
  oa:hasTarget <https://w3id.org/cwkg/id/doc#char=13,28> ; cw:quote "Albania matters" .
"""


def rules(turtle: str) -> list[str]:
    graph = rdflib.Graph().parse(data=PREFIXES + turtle, format="turtle")
    return [v.rule for v in shacl(graph)]


def test_a_well_formed_position_conforms():
    assert rules(GOOD_POSITION) == []


@pytest.mark.parametrize(("turtle", "rule"), [
    ("id:d2 a cw:Document ; dcterms:date '1962-01-01'^^xsd:date ; dcterms:source 'x' .", "A document has no title."),
    ("id:d2 a cw:Document ; dcterms:title 'x' ; dcterms:source 'x' .", "A document has no date."),
    ("id:d2 a cw:Document ; dcterms:title 'x' ; dcterms:date '1962-01-01'^^xsd:date .",
     "A document does not say where it was read from (dcterms:source)."),
    ("id:m a cw:Meeting ; skos:prefLabel 'm' ; cw:date '1962-03-30'^^xsd:date ; cw:placeUnknown true ; cw:participant id:a .",
     "A meeting has fewer than two participants."),
    ("id:m a cw:Meeting ; skos:prefLabel 'm' ; cw:date '1962-03-30'^^xsd:date ; cw:participant id:a , id:b .",
     'A meeting has neither a place nor an explicit "place unknown".'),
    ("id:m a cw:Meeting ; skos:prefLabel 'm' ; cw:placeUnknown true ; cw:participant id:a , id:b .", "A meeting has no date."),
    ("id:p a cw:Post ; org:organization id:albania .", "A post has no role."),
    ("id:p a cw:Post ; org:role cw:AmbassadorRole .", "A post does not say which state (or party) it represents."),
    ("id:p a cw:Post ; org:role cw:AmbassadorRole ; org:organization id:albania ; cw:startDate '1965' ; cw:endDate '1962-05' .",
     "A post ends (1962-05) before it starts (1965)."),
    (GOOD_POSITION.replace("cw:speaker id:a ;", ""), "A position has no speaker (or more than one)."),
    (GOOD_POSITION.replace("cw:stance sn:supports ;", "cw:stance id:albania ;"), "A position has no stance from the stance scheme."),
    ("id:pos a cw:Position ; cw:speaker id:a ; cw:stance sn:supports ; cw:about id:albania ; cw:inDocument id:doc .",
     ["A position has no evidence (no quoted text).", "A position's evidence has no character offsets."]),
    (GOOD_POSITION.replace("doc#char=13,28", "doc#target"), "A position's evidence has no character offsets."),
    (GOOD_POSITION.replace("cw:inDocument id:doc ;", ""), "A position does not name the document it comes from."),
    (GOOD_POSITION.replace("cw:about id:albania ;", ""), "A position is about no entity and no topic."),
    (GOOD_POSITION.replace("char=13,28", "char=13,99"), "A position's evidence (13-99) lies outside its document's text, or does not read as quoted."),
    (GOOD_POSITION.replace('"Albania matters"', '"Ruritania matters"'),
     "A position's evidence (13-28) lies outside its document's text, or does not read as quoted."),
    ("id:nameless a cw:State .", "An entity has no preferred label (skos:prefLabel)."),
    ("id:albania skos:exactMatch <http://www.wikidata.org/wiki/Albania> .",
     "A Wikidata link (http://www.wikidata.org/wiki/Albania) does not point to a Wikidata item (wd:Q...)."),
])
def test_each_rule_reports_its_violation_in_plain_words(turtle, rule):
    assert rules(turtle) == (rule if isinstance(rule, list) else [rule])


@pytest.fixture
def cli(tmp_path):
    runner = CliRunner()
    store = str(tmp_path / "store")
    return lambda *args: runner.invoke(app, ["--store", store, *args])


def test_the_founding_memorandum_is_conformant_and_consistent(cli):
    assert cli("ingest", str(EXAMPLE)).exit_code == 0
    result = cli("validate", "--format", "json")
    report = json.loads(result.stdout)
    assert (result.exit_code, report["shacl"]["conforms"], report["reasoning"]["consistent"]) == (0, True, True)
    assert report["reasoning"]["inferred"] >= 4  # Dvořák and Ri Song-un become cw:Diplomat and cw:Ambassador


def test_inferred_ambassadors_are_queryable(cli):
    cli("ingest", str(EXAMPLE))
    cli("validate", "--reason")
    out = cli("sparql", "SELECT ?n WHERE { ?p a cw:Ambassador ; skos:prefLabel ?n } ORDER BY ?n", "-f", "csv").stdout
    assert out.splitlines()[1:] == ["Ri Song-un", "Richard Dvoràk", "unnamed (Romanian ambassador)"]


def _add(tmp_path, cli, turtle: str) -> None:
    from cwkg.graph.store import GraphStore
    import pyoxigraph as ox

    cli("ingest", str(EXAMPLE))
    with GraphStore(tmp_path / "store") as store:
        triples = [ox.Triple(q.subject, q.predicate, q.object)
                   for q in ox.parse(PREFIXES + turtle, format=ox.RdfFormat.TURTLE)]
        store.replace_graph(ox.NamedNode("https://w3id.org/cwkg/id/document/broken"), triples)


def test_a_broken_graph_fails_validation_with_exit_code_1(tmp_path, cli):
    _add(tmp_path, cli, "id:m a cw:Meeting ; skos:prefLabel 'm' ; cw:date '1962-03-30'^^xsd:date ; cw:placeUnknown true ; cw:participant id:a .")
    result = cli("validate", "--shacl", "--format", "json")
    assert result.exit_code == 1
    (violation,) = json.loads(result.stdout)["shacl"]["violations"]
    assert (violation["rule"], violation["focus"], violation["label"]) == (
        "A meeting has fewer than two participants.", "https://w3id.org/cwkg/id/m", "m")


def test_a_person_who_is_also_a_state_is_inconsistent_and_explained(tmp_path, cli):
    _add(tmp_path, cli, "id:a a cw:State .")
    result = cli("validate", "--reason", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)["reasoning"]
    assert report["consistent"] is False
    assert "https://w3id.org/cwkg/id/a is both a Person and a State, which the ontology declares disjoint (owl:AllDisjointClasses)" in report["explanations"]


def test_without_java_reasoning_names_what_to_install_and_shacl_still_runs(tmp_path, cli, monkeypatch):
    cli("ingest", str(EXAMPLE))
    monkeypatch.setenv("PATH", str(tmp_path))
    result = cli("validate", "--format", "json")
    assert result.exit_code == 1
    assert result.stderr.startswith("error: HermiT needs a Java runtime on PATH (install OpenJDK 11 or later")
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(result.stdout)["shacl"]["conforms"] is True


def test_ingest_validate_refuses_a_document_that_breaks_a_blocking_rule(tmp_path, cli):
    undated = (FIXTURES / "frus_mini.xml").read_text(encoding="utf-8")
    undated = undated.replace('<date when="1963-06-01T18:00:00+01:00">June 1, 1963, 6 p.m.</date>', "undated")
    undated = undated.replace('frus:doc-dateTime-min="1963-06-01T12:00:00-05:00" frus:doc-dateTime-max="1963-06-01T12:00:00-05:00"', "")
    path = tmp_path / "volume.xml"
    path.write_text(undated, encoding="utf-8")
    result = cli("ingest", "--validate", str(path))
    assert "refused: " in result.stderr and "frus-test-v1-d2: A document has no date." in result.stderr
    out = cli("sparql", "SELECT ?d WHERE { ?d a cw:Document } ORDER BY ?d", "-f", "csv").stdout
    assert out.splitlines()[1:] == ["https://w3id.org/cwkg/id/document/frus-test-v1-d1"]
