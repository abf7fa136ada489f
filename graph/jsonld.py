"""JSON-LD that reads in the ontology's words ("speaker", "Position"), written as the store is read.

The context maps every class and property the ontology declares (and the labels, titles and
annotation terms the data borrows from SKOS, Dublin Core, ORG and Web Annotation) to a short
term; it is shipped as `ontology/context.jsonld` and built from the ontology by
`python -m cwkg.graph.jsonld > ontology/context.jsonld` (a test keeps the two equal). The
writer emits one node object per subject and one `@graph` per named graph, from an iterator
of quads, so exporting millions of triples keeps memory flat.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox

from cwkg import ontology

from cwkg.ontology.vocab import OWL, PREFIXES, RDF, XSD

CONTEXT_NAME = "context.jsonld"
_DECLARED = {OWL.Class: "class", OWL.ObjectProperty: "object", OWL.DatatypeProperty: "data", OWL.AnnotationProperty: "data"}
# Terms borrowed from other vocabularies, with the short names they get when no cwkg term has them.
_BORROWED = {
    "prefLabel": ("skos", "data"), "altLabel": ("skos", "data"), "hiddenLabel": ("skos", "data"), "definition": ("skos", "data"),
    "inScheme": ("skos", "object"), "exactMatch": ("skos", "object"), "label": ("rdfs", "data"), "comment": ("rdfs", "data"),
    "title": ("dcterms", "data"), "created": ("dcterms", "data"), "source": ("dcterms", "object"), "creator": ("dcterms", "object"),
    "role": ("org", "object"), "organization": ("org", "object"), "hasTarget": ("oa", "object"), "hasSelector": ("oa", "object"),
    "hasSource": ("oa", "object"), "exact": ("oa", "data"), "prefix": ("oa", "data"), "suffix": ("oa", "data"),
    "start": ("oa", "data"), "end": ("oa", "data"), "sameAs": ("owl", "object"), "wasDerivedFrom": ("prov", "object"),
}
_KEYWORDS = {"type", "id", "context", "graph", "value", "language", "list", "set", "base", "vocab"}


def build_context() -> dict:
    """The context: cwkg's prefixes, then a term per declared class and property."""
    cw = PREFIXES["cw"]
    kinds: dict[str, str] = {}
    for quad in ox.parse(path=str(ontology.ontology_file()), format=ox.RdfFormat.TURTLE):
        if quad.predicate == RDF.type and quad.object in _DECLARED and isinstance(quad.subject, ox.NamedNode) \
                and quad.subject.value.startswith(cw):
            kinds.setdefault(quad.subject.value[len(cw):], _DECLARED[quad.object])
    context: dict = dict(sorted(PREFIXES.items()))
    for name, kind in sorted(kinds.items()):
        if name.lower() in _KEYWORDS or name in context:
            continue
        context[name] = {"@id": f"cw:{name}", "@type": "@id"} if kind == "object" else f"cw:{name}"
    for name, (prefix, kind) in sorted(_BORROWED.items()):
        if name not in context:
            context[name] = {"@id": f"{prefix}:{name}", "@type": "@id"} if kind == "object" else f"{prefix}:{name}"
    return context


def shipped_context() -> dict:
    path = Path(str(resources.files("cwkg.ontology") / CONTEXT_NAME))
    return json.loads(path.read_text(encoding="utf-8"))["@context"]


class _Compactor:
    """IRIs to terms and compact IRIs, by the context."""

    def __init__(self, context: dict) -> None:
        self.prefixes = sorted(((p, iri) for p, iri in context.items() if isinstance(iri, str) and iri.endswith(("/", "#"))),
                               key=lambda kv: -len(kv[1]))
        self.terms: dict[str, tuple[str, bool]] = {}  # full IRI -> (term, values coerced to @id)
        for term, definition in context.items():
            iri, coerced = (definition["@id"], definition.get("@type") == "@id") if isinstance(definition, dict) else (definition, False)
            if term not in PREFIXES:
                self.terms[self.expand(iri)] = (term, coerced)

    def expand(self, text: str) -> str:
        prefix, sep, rest = text.partition(":")
        for p, iri in self.prefixes:
            if sep and p == prefix:
                return iri + rest
        return text

    def iri(self, value: str) -> str:
        for prefix, base in self.prefixes:
            if value.startswith(base) and len(value) > len(base):
                return f"{prefix}:{value[len(base):]}"
        return value

    def key(self, predicate: str) -> tuple[str, bool]:
        return self.terms.get(predicate) or (self.iri(predicate), False)

    def node_id(self, term) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term, coerced: bool):
        if isinstance(term, (ox.NamedNode, ox.BlankNode)):
            return self.node_id(term) if coerced else {"@id": self.node_id(term)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if term.datatype == XSD.string:
            return {"@value": term.value} if coerced else term.value
        return {"@value": term.value, "@type": self.iri(term.datatype.value)}


def _nodes(quads: Iterable[ox.Quad], c: _Compactor) -> Iterator[dict]:
    node: dict | None = None
    subject = None
    for q in quads:
        if q.subject != subject:
            if node is not None:
                yield node
            subject, node = q.subject, {"@id": c.node_id(q.subject)}
        if q.predicate == RDF.type and isinstance(q.object, ox.NamedNode):
            key, value = "@type", c.key(q.object.value)[0] if q.object.value in c.terms else c.iri(q.object.value)
        else:
            key, coerced = c.key(q.predicate.value)
            value = c.value(q.object, coerced)
        if key in node:
            if not isinstance(node[key], list):
                node[key] = [node[key]]
            node[key].append(value)
        else:
            node[key] = value
    if node is not None:
        yield node


def write(graphs: Iterable[tuple[ox.NamedNode | None, Iterable[ox.Quad]]], out: BinaryIO, context: dict | None = None,
          context_url: str | None = None) -> None:
    """One `@graph` object per named graph (the default graph's nodes at the top), each node as it is read."""
    context = context or shipped_context()
    c = _Compactor(context)
    head = json.dumps(context_url) if context_url else json.dumps(context, ensure_ascii=False, indent=1)
    out.write(b'{"@context": ' + head.encode("utf-8") + b',\n "@graph": [')
    first = True
    for graph, quads in graphs:
        nodes = _nodes(quads, c)
        if graph is not None:
            out.write((("\n  " if first else ",\n  ") + '{"@id": ' + json.dumps(c.iri(graph.value)) + ', "@graph": [').encode("utf-8"))
        inner_first = True
        for node in nodes:
            sep = ("\n   " if inner_first else ",\n   ") if graph is not None else ("\n  " if first else ",\n  ")
            out.write((sep + json.dumps(node, ensure_ascii=False)).encode("utf-8"))
            inner_first = False
            if graph is None:
                first = False
        if graph is not None:
            out.write(b"]}")
            first = False
    out.write(b"\n]}\n")


if __name__ == "__main__":
    sys.stdout.write(json.dumps({"@context": build_context()}, ensure_ascii=False, indent=1) + "\n")
