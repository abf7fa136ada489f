"""Check the graph: SHACL data rules (pySHACL) over the store, or over one document before it is stored.

Each violation is reported with the rule it breaks (the shape's message), the node and
its label, and the document it comes from; a shape marked `cw:blocking true` makes
`cwkg ingest --validate` refuse the document.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SKOS

from cwkg import ontology

from .namespaces import ID, STATIC_GRAPHS
from .store import GraphStore

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
CW = rdflib.Namespace("https://w3id.org/cwkg/ontology#")


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


def shacl(data: rdflib.Graph, documents: dict[str, str] | None = None) -> list[Violation]:
    """SHACL violations of `data`, each with its rule, label and document."""
    import pyshacl

    shapes = shapes_graph()
    blocking = _blocking_shapes(shapes)
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", abort_on_first=False,
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
    return sorted(set(out), key=lambda v: (v.rule, v.document or "", v.focus))


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
    return shacl(store_graph(store, graphs), document_of_nodes(store))


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
