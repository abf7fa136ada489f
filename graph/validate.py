"""Check the graph: SHACL data rules (pySHACL) over the store, or over one document before it is stored.

Each violation is reported with the rule it breaks (the shape's message), the node and
its label, and the document it comes from; a shape marked `cw:blocking true` makes
`cwkg ingest --validate` refuse the document.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SKOS

from cwkg import ontology

from cwkg.ontology import vocab
from cwkg.ontology.vocab import ID, STATIC_GRAPHS
from .store import GraphStore

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
CW = rdflib.Namespace(str(vocab.CW))


@dataclass(frozen=True)
class Violation:
    rule: str
    focus: str
    label: str | None
    document: str | None
    shape: str
    blocking: bool
    severity: str = "Violation"

    def as_dict(self) -> dict:
        return {"rule": self.rule, "focus": self.focus, "label": self.label, "document": self.document,
                "shape": self.shape, "blocking": self.blocking, "severity": self.severity}


@lru_cache(maxsize=1)
def shapes_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology.shapes_file(), format="turtle")


def _blocking_shapes(shapes: rdflib.Graph) -> set[rdflib.term.Node]:
    return set(shapes.subjects(CW.blocking, rdflib.Literal(True)))


def _to_rdflib(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    buffer = io.BytesIO()
    ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), buffer, ox.RdfFormat.N_TRIPLES)
    return rdflib.Graph().parse(data=buffer.getvalue().decode("utf-8"), format="nt")


def store_graph(store: GraphStore, graphs: list[ox.NamedNode] | None = None) -> rdflib.Graph:
    """The union of the store's graphs (or of `graphs` plus the shipped ones) as one rdflib graph."""
    chosen = list(graphs) + list(STATIC_GRAPHS) if graphs else [g for g in store.graphs()]
    return _to_rdflib(q for g in chosen for q in store.quads(g))


@lru_cache(maxsize=1)
def core_shapes() -> rdflib.Graph:
    """The shapes without their SPARQL constraints, which `sparql_violations` runs in Oxigraph instead."""
    g = rdflib.Graph()
    for t in shapes_graph():
        g.add(t)
    for shape, constraint in list(g.subject_objects(SH.sparql)):
        g.remove((shape, SH.sparql, constraint))
    return g


@dataclass(frozen=True)
class SparqlRule:
    shape: rdflib.term.Node
    message: str
    query: str  # with ?this unbound: one row per violation, for every focus node at once


@lru_cache(maxsize=1)
def sparql_rules() -> list[SparqlRule]:
    """Each SHACL-SPARQL constraint as one query over all its shape's targets ($this becomes ?this)."""
    shapes = shapes_graph()
    rules = []
    for shape, constraint in shapes.subject_objects(SH.sparql):
        select = str(shapes.value(constraint, SH.select)).replace("$this", "?this")
        targets = [f"{{ ?this rdf:type/rdfs:subClassOf* <{c}> }}" for c in shapes.objects(shape, SH.targetClass)]
        targets += [f"{{ ?this <{p}> ?object_of_target }}" for p in shapes.objects(shape, SH.targetSubjectsOf)]
        query = f"SELECT * WHERE {{ {{ {select} }} {' UNION '.join(targets)} }}"
        rules.append(SparqlRule(shape, str(shapes.value(constraint, SH.message)), query))
    return rules


def sparql_violations(store: GraphStore, data: rdflib.Graph, documents: dict[str, str] | None) -> list[Violation]:
    """SHACL-SPARQL constraints evaluated by Oxigraph: the same rules, once per rule instead of once per node."""
    blocking = _blocking_shapes(shapes_graph())
    out = []
    for rule in sparql_rules():
        for row in store.query(rule.query):
            message = re.sub(r"\{\?(\w+)\}", lambda m: row[m.group(1)].value if row[m.group(1)] is not None else "", rule.message)
            focus = rdflib.URIRef(row["this"].value)
            label = data.value(focus, SKOS.prefLabel) or data.value(focus, rdflib.RDFS.label)
            out.append(Violation(message, str(focus), str(label) if label else None, _document_of(data, focus, documents),
                                 str(rule.shape), rule.shape in blocking))
    return out


def shacl(data: rdflib.Graph, documents: dict[str, str] | None = None, store: GraphStore | None = None) -> list[Violation]:
    """SHACL violations of `data` (whose quads `store` holds, if given), each with its rule, label and document.

    The core constraints run in pySHACL; the SHACL-SPARQL ones run as single queries in Oxigraph.
    """
    if store is None:
        store = GraphStore.in_memory()
        buffer = io.BytesIO()
        data.serialize(buffer, format="nt", encoding="utf-8")
        store.load_ntriples(buffer.getvalue())
    return sorted(set(_core(data, documents) + sparql_violations(store, data, documents)),
                  key=lambda v: (v.rule, v.document or "", v.focus))


def _core(data: rdflib.Graph, documents: dict[str, str] | None) -> list[Violation]:
    import pyshacl

    shapes = shapes_graph()
    blocking = _blocking_shapes(shapes)
    conforms, results, _ = pyshacl.validate(data, shacl_graph=core_shapes(), inference="none", abort_on_first=False,
                                            allow_warnings=True, advanced=True)
    if conforms:
        return []
    out = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        shape = results.value(result, SH.sourceShape)
        top = _top_shape(shapes, shape)
        message = str(results.value(result, SH.resultMessage) or "breaks a data rule")
        severity = str(results.value(result, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        label = data.value(focus, SKOS.prefLabel) or data.value(focus, rdflib.RDFS.label)
        out.append(Violation(message, str(focus), str(label) if label else None, _document_of(data, focus, documents),
                             str(top), top in blocking, severity))
    return out


def _top_shape(shapes: rdflib.Graph, shape: rdflib.term.Node) -> rdflib.term.Node:
    """The node shape a property shape or constraint belongs to."""
    for prop in (SH.property, SH.sparql, SH["or"]):
        for parent in shapes.subjects(prop, shape):
            return _top_shape(shapes, parent)
    for parent in shapes.subjects(RDF.first, shape):
        return _top_shape(shapes, next(iter(shapes.subjects(SH["or"], _list_head(shapes, parent))), parent))
    return shape


def _list_head(g: rdflib.Graph, node: rdflib.term.Node) -> rdflib.term.Node:
    while (prev := next(iter(g.subjects(RDF.rest, node)), None)) is not None:
        node = prev
    return node


def _document_of(data: rdflib.Graph, focus: rdflib.term.Node, documents: dict[str, str] | None) -> str | None:
    if documents and str(focus) in documents:
        return documents[str(focus)]
    for p in (rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), CW.attestedIn, CW.inDocument):
        doc = data.value(focus, p)
        if doc is not None:
            return str(doc)
    doc = next(iter(data.subjects(CW.records, focus)), None)
    if doc is not None:
        return str(doc)
    if (focus, RDF.type, CW.Document) in data:
        return str(focus)
    return None


def document_of_nodes(store: GraphStore) -> dict[str, str]:
    """Subject -> the document graph that states it, for nodes extraction made."""
    out: dict[str, str] = {}
    for g in store.document_graphs():
        for q in store.quads(g):
            if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(ID):
                out.setdefault(q.subject.value, g.value)
    return out


def validate_store(store: GraphStore, graphs: list[ox.NamedNode] | None = None) -> list[Violation]:
    data = store_graph(store, graphs)
    if graphs:
        return shacl(data, document_of_nodes(store))  # a subset: its own small store for the SPARQL rules
    return shacl(data, document_of_nodes(store), store)


def validate_document(store: GraphStore, graph: ox.NamedNode, triples: list[ox.Triple]) -> list[Violation]:
    """Violations of one document's triples before they are stored, read with the shipped graphs
    and the labels the store already holds for what the document refers to."""
    quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    referenced = {t.subject for t in triples} | {t.object for t in triples if isinstance(t.object, ox.NamedNode)}
    labels = [q for node in referenced for q in store.quads_for(node, SKOS_PREF)]
    static = [q for g in STATIC_GRAPHS for q in store.quads(g)]
    documents = {t.subject.value: graph.value for t in triples if isinstance(t.subject, ox.NamedNode)}
    return shacl(_to_rdflib(quads + labels + static), documents)


SKOS_PREF = ox.NamedNode(str(SKOS.prefLabel))
