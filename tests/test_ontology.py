"""The ontology is OWL 2 DL that HermiT finds consistent, and every term explains itself."""

from __future__ import annotations

import os
import shutil

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from cwkg import ontology

CW = "https://w3id.org/cwkg/ontology#"


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology.ontology_file())


def test_hermit_finds_the_ontology_consistent(tmp_path, graph):
    if shutil.which("java") is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have Java on PATH for HermiT")
        pytest.skip("HermiT needs a Java runtime on PATH (CI has Java 17)")
    import owlready2

    nt = tmp_path / "cwkg.nt"
    graph.serialize(nt, format="nt", encoding="utf-8")
    world = owlready2.World()
    onto = world.get_ontology(nt.as_uri()).load()
    with onto:
        owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    assert list(world.inconsistent_classes()) == []


def test_every_cwkg_class_and_property_has_an_english_label_and_definition(graph):
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
    terms = {s for k in kinds for s in graph.subjects(RDF.type, k) if str(s).startswith(CW)}
    missing = sorted(
        str(t) for t in terms
        if not any(l.language == "en" for l in graph.objects(t, RDFS.label))
        or graph.value(t, SKOS.definition) is None
    )
    assert missing == []


def test_ambassador_and_diplomat_are_defined_classes(graph):
    for name in ("Ambassador", "Diplomat"):
        assert graph.value(rdflib.URIRef(CW + name), OWL.equivalentClass) is not None


def test_reused_vocabularies_are_prov_org_skos_dcterms_and_web_annotation(graph):
    declared = {str(t) for t in graph.subjects(RDF.type, None)}
    reused = {ns for ns in ("http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#", "http://www.w3.org/2004/02/skos/core#",
                            "http://purl.org/dc/terms/", "http://www.w3.org/ns/oa#") if any(t.startswith(ns) for t in declared)}
    assert len(reused) == 5
