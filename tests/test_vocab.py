"""Issue 31, item 1: one vocabulary module, checked against the ontology it names, and the only module that spells
cwkg's IRIs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import OWL, RDF

from cwkg import ontology
from cwkg.ontology import vocab
from cwkg.queries.catalog import parse_query, with_prefixes
from support import ROOT

CODE_FOLDERS = ("src", "graph", "extract", "loaders", "queries", "ontology", "bench", "docs")
# Python that names an ontology term (CW.Person, CW["Person"]) and SPARQL in it or in a canned query (cw:Person).
_TERM_IN_PYTHON = re.compile(r"\bCW(?:_NS)?\.([A-Za-z]\w*)|\bCW\[\"(\w+)\"\]|\bcw:([A-Za-z]\w*)")
_TERM_IN_SPARQL = re.compile(r"\bcw:([A-Za-z]\w*)")


def _python_files() -> list[Path]:
    return sorted(p for folder in CODE_FOLDERS for p in (ROOT / folder).rglob("*.py"))


@pytest.fixture(scope="module")
def declared() -> dict[str, set[rdflib.URIRef]]:
    """The ontology's own terms (local name -> the types cwkg.ttl gives them)."""
    g = rdflib.Graph().parse(ontology.ontology_file())
    out: dict[str, set[rdflib.URIRef]] = {}
    for s, t in g.subject_objects(RDF.type):
        if str(s).startswith(str(vocab.CW)):
            out.setdefault(str(s)[len(str(vocab.CW)):], set()).add(t)
    return out


def test_the_ontology_declares_its_prefixes_as_the_vocabulary_does():
    text = ontology.ontology_file().read_text(encoding="utf-8")
    prefixes = dict(re.findall(r"^@prefix (\w+):\s+<([^>]+)>", text, re.M))
    assert prefixes["cw"] == str(vocab.CW)
    assert {p: iri for p, iri in prefixes.items() if vocab.PREFIXES.get(p) != iri} == {}


def test_every_class_the_kind_map_names_is_a_class_of_the_ontology(declared):
    named = [*vocab.KIND_OF_CLASS, *vocab.CONCEPT_KINDS]
    assert [c for c in named if OWL.Class not in declared.get(c, set())] == []


def test_every_ontology_term_the_code_names_is_declared_in_the_ontology(declared):
    used: dict[str, str] = {}
    for path in _python_files():
        for m in _TERM_IN_PYTHON.finditer(path.read_text(encoding="utf-8")):
            used.setdefault(next(g for g in m.groups() if g), str(path.relative_to(ROOT)))
    for path in sorted((ROOT / "queries").glob("*.rq")):
        for m in _TERM_IN_SPARQL.finditer(path.read_text(encoding="utf-8")):
            used.setdefault(m.group(1), str(path.relative_to(ROOT)))
    assert len(used) > 100  # the scan reads the code (a broken pattern would find nothing and prove nothing)
    assert {term: where for term, where in used.items() if term not in declared} == {}


def test_only_the_vocabulary_module_spells_cwkg_iris():
    spelled = [str(p.relative_to(ROOT)) for p in _python_files()
               if "w3id.org/cwkg" in p.read_text(encoding="utf-8") and p.parent != ROOT / "tests"]
    assert spelled == ["ontology/vocab.py"]


def test_no_canned_query_spells_a_namespace_the_vocabulary_knows():
    known = {**vocab.PREFIXES, **vocab.WIKIDATA_PREFIXES}.values()
    spelled = [p.name for p in sorted((ROOT / "queries").glob("*.rq")) if any(iri in p.read_text(encoding="utf-8") for iri in known)]
    assert spelled == []


def test_the_catalog_declares_the_vocabulary_prefixes_a_query_uses_under_its_header():
    query = parse_query("# name: q\n\nSELECT ?p WHERE { ?p a cw:Person ; skos:prefLabel ?l }\n", Path("q.rq"))
    assert query.sparql == ("# name: q\n\nPREFIX cw: <https://w3id.org/cwkg/ontology#>\n"
                            "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
                            "SELECT ?p WHERE { ?p a cw:Person ; skos:prefLabel ?l }\n")


def test_a_prefix_a_query_declares_itself_is_kept_and_not_declared_again():
    text = "# name: q\nPREFIX cw: <http://example.org/own#>\nSELECT ?p WHERE { ?p a cw:Thing }\n"
    assert parse_query(text, Path("q.rq")).sparql == text


def test_a_word_before_a_colon_inside_an_iri_or_a_name_is_no_prefix():
    assert with_prefixes("SELECT ?x WHERE { ?x <http://example.org/wd:1> ?y ; ex:org:id ?z }") == \
        "SELECT ?x WHERE { ?x <http://example.org/wd:1> ?y ; ex:org:id ?z }"


def test_the_unlinked_query_lists_the_classes_and_kinds_that_linking_knows():
    text = (ROOT / "queries" / "unlinked.rq").read_text(encoding="utf-8")
    listed = set(re.findall(r'\(cw:(\w+) "(\w+)"\)', text))
    assert listed == {(c, k) for c, k in vocab.KIND_OF_CLASS.items() if k in vocab.LINKED_KINDS}


def test_a_region_is_a_place_in_the_broad_kinds():
    assert vocab.kind_classes(("region",), broad=True) == {vocab.CW.Region: "place"}


def test_a_document_iri_names_a_document_graph_and_cwkg_own_graphs_do_not():
    assert vocab.document_iri("strelsau-1961").value == "https://w3id.org/cwkg/id/document/strelsau-1961"
    assert [vocab.is_document(g.value) for g in (vocab.document_iri("strelsau-1961"), vocab.META_GRAPH)] == [True, False]


def test_a_source_record_graph_is_minted_from_its_slugged_key():
    assert vocab.source_graph("hsg", "person", "Adam Nowak").value == "https://w3id.org/cwkg/id/source/hsg/person/adam-nowak"


def test_a_data_iri_joins_its_path_under_the_id_namespace():
    assert vocab.data_iri("role", "pocom", "ruritania-envoy") == "https://w3id.org/cwkg/id/role/pocom/ruritania-envoy"


def test_every_stance_of_the_scheme_is_the_iri_the_mapping_makes_of_its_label():
    scheme = rdflib.Graph().parse(ROOT / "ontology" / "stances.ttl")
    stances = {str(s): str(label) for s, label in scheme.subject_objects(rdflib.SKOS.prefLabel)
               if (s, rdflib.RDF.type, rdflib.URIRef(str(vocab.CW) + "Stance")) in scheme}
    assert len(stances) == 9
    assert {iri: vocab.stance_iri(label).value for iri, label in stances.items()} == {iri: iri for iri in stances}
