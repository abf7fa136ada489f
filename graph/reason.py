"""OWL reasoning with HermiT (through owlready2 and the machine's Java) over the store's data.

HermiT reads the ontology with the data's types and object-property links (literals are
left out: xsd:date and its kin are outside the OWL 2 datatype map HermiT accepts, and no
class definition depends on them). Documents are reasoned over in batches so the work
grows linearly with the graph. What HermiT infers that was not asserted (that a person is
a cw:Diplomat or a cw:Ambassador, that a post is a cw:DiplomaticPost ...) goes into the
`inferred` named graph, which queries see like any other. An inconsistency is explained
by the individuals and axioms that clash, found by direct checks on the data.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from cwkg.errors import CwkgError

from cwkg.ontology import vocab
from cwkg.ontology.vocab import AUTHORITY_GRAPH, ONTOLOGY_GRAPH, SCHEMES_GRAPH
from .store import GraphStore
from .derived import documents_speaking_of, write_derived
from .sameas import write_groups

INFERRED_GRAPH = vocab.INFERRED_GRAPH
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
CW = str(vocab.CW)
BATCH = 200  # documents per HermiT run


class JavaMissing(CwkgError):
    """No Java runtime: HermiT cannot run."""


@dataclass
class ReasonReport:
    consistent: bool = True
    inferred: int = 0
    documents: int = 0
    seconds: float = 0.0
    batches: int = 0
    explanations: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"consistent": self.consistent, "inferred": self.inferred, "documents": self.documents,
                "batches": self.batches, "seconds": round(self.seconds, 2), "explanations": self.explanations}


def require_java() -> str:
    java = shutil.which("java")
    if java is None:
        raise JavaMissing("HermiT needs a Java runtime on PATH (install OpenJDK 11 or later, e.g. `apt-get install "
                          "default-jre-headless`); SHACL checks still run with `cwkg validate --shacl`")
    return java


def _data_quads(store: GraphStore, graphs: list[ox.NamedNode]) -> list[ox.Quad]:
    """Types and links between named things: what class definitions and property axioms use."""
    return [q for g in graphs for q in store.quads(g)
            if not isinstance(q.object, ox.Literal) and not isinstance(q.subject, ox.BlankNode)]


def _run_hermit(triples: list[ox.Triple]) -> tuple[bool, set[tuple[str, str]]]:
    """(consistent, inferred (individual, class) pairs) for the ontology plus `triples`."""
    import owlready2

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "data.nt"
        with path.open("wb") as fh:
            ox.serialize(triples, fh, ox.RdfFormat.N_TRIPLES)
        world = owlready2.World()
        onto = world.get_ontology(path.as_uri()).load()
        asserted = {(t.subject.value, t.object.value) for t in triples if t.predicate == RDF_TYPE}
        try:
            with onto:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return False, set()
        inferred = set()
        # Memberships of the defined classes (cw:Diplomat, cw:Ambassador, cw:DiplomaticPost ...) not asserted.
        for cls in onto.classes():
            if cls.iri.startswith(CW) and cls.equivalent_to:
                for individual in cls.instances():
                    if (individual.iri, cls.iri) not in asserted:
                        inferred.add((individual.iri, cls.iri))
        return True, inferred


def reason(store: GraphStore, documents: list[ox.NamedNode] | None = None, batch: int = BATCH) -> ReasonReport:
    """Check consistency and store what HermiT infers, batch by batch of documents."""
    require_java()
    started = time.perf_counter()
    report = ReasonReport()
    schema = [ox.Triple(q.subject, q.predicate, q.object) for g in (ONTOLOGY_GRAPH,) for q in store.quads(g)]
    shared = [ox.Triple(q.subject, q.predicate, q.object) for q in _data_quads(store, [SCHEMES_GRAPH, AUTHORITY_GRAPH])]
    others = [g for g in store.graphs() if g.value.startswith((vocab.VOLUME_BASE, vocab.SOURCE_BASE))]
    docs = documents if documents is not None else store.document_graphs()
    report.documents = len(docs)
    inferred: set[tuple[str, str]] = set()
    groups = [docs[i:i + batch] for i in range(0, len(docs), batch)] or [[]]
    groups[0] = groups[0] + others  # volumes and authorities reasoned once, with the first batch
    for group in groups:
        data = [ox.Triple(q.subject, q.predicate, q.object) for q in _data_quads(store, group)]
        consistent, found = _run_hermit(schema + shared + data)
        report.batches += 1
        if not consistent:
            report.consistent = False
            report.explanations += explain(store, group)
        inferred |= found
    triples = [ox.Triple(ox.NamedNode(s), RDF_TYPE, ox.NamedNode(c)) for s, c in sorted(inferred)]
    if report.consistent:
        store.replace_graph(INFERRED_GRAPH, triples)
        changed = write_groups(store)  # inferred owl:sameAs may join groups
        write_derived(store, documents_speaking_of(store, changed))  # and whom positions count for follows them
    report.inferred = len(triples)
    report.seconds = time.perf_counter() - started
    return report


_DISJOINT = """
SELECT DISTINCT ?x ?a ?b WHERE {
  ?axiom a owl:AllDisjointClasses ; owl:members ?list .
  ?list rdf:rest*/rdf:first ?a . ?list rdf:rest*/rdf:first ?b . FILTER(STR(?a) < STR(?b))
  ?x rdf:type/rdfs:subClassOf* ?a . ?x rdf:type/rdfs:subClassOf* ?b .
}"""
_FUNCTIONAL = """
SELECT DISTINCT ?x ?p ?v ?w WHERE {
  ?p a owl:FunctionalProperty . ?x ?p ?v , ?w . FILTER(STR(?v) < STR(?w))
}"""


def explain(store: GraphStore, graphs: list[ox.NamedNode]) -> list[str]:
    """Which individuals break which axioms, in plain words."""
    names = set(graphs)
    out = []
    for row in store.query(_DISJOINT):
        if _in(store, row["x"], names):
            out.append(f"{row['x'].value} is both a {_local(row['a'])} and a {_local(row['b'])}, "
                       f"which the ontology declares disjoint (owl:AllDisjointClasses)")
    for row in store.query(_FUNCTIONAL):
        if _in(store, row["x"], names):
            out.append(f"{row['x'].value} has two values for {_local(row['p'])} ({row['v'].value}, {row['w'].value}), "
                       f"which the ontology declares functional")
    return out or ["HermiT found the data inconsistent with the ontology, but no disjointness or functional-property clash explains it"]


def _in(store: GraphStore, node, graphs: set[ox.NamedNode]) -> bool:
    return any(q.graph_name in graphs for q in store.quads_for(node, RDF_TYPE)) if graphs else True


def _local(term) -> str:
    value = term.value
    return value.rsplit("#", 1)[-1] if "#" in value else value.rsplit("/", 1)[-1]
