"""IRIs: the ontology's terms, the vocabularies it reuses, and how data IRIs are minted."""

from __future__ import annotations

import hashlib
import re

from pyoxigraph import NamedNode
from unidecode import unidecode


class Namespace:
    """A prefix whose attributes and items are NamedNodes: CW.Person, DCTERMS.title."""

    def __init__(self, base: str) -> None:
        self._base = base

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = NamedNode(self._base + name)
        setattr(self, name, node)  # kept: later lookups are plain attribute reads (mapping asks hundreds of thousands)
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return NamedNode(self._base + name)

    def __str__(self) -> str:
        return self._base


CW = Namespace("https://w3id.org/cwkg/ontology#")
ID = "https://w3id.org/cwkg/id/"
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
OA = Namespace("http://www.w3.org/ns/oa#")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "cw": str(CW), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
    "skos": str(SKOS), "prov": str(PROV), "org": str(ORG), "dcterms": str(DCTERMS), "oa": str(OA),
    "wd": str(WD), "id": ID,
}

ONTOLOGY_GRAPH = NamedNode(ID + "graph/ontology")
SCHEMES_GRAPH = NamedNode(ID + "graph/schemes")
AUTHORITY_GRAPH = NamedNode(ID + "graph/authority")
META_GRAPH = NamedNode(ID + "graph/meta")
STATIC_GRAPHS = (ONTOLOGY_GRAPH, SCHEMES_GRAPH, AUTHORITY_GRAPH)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "x"


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def document_iri(doc_id: str) -> NamedNode:
    return NamedNode(f"{ID}document/{doc_id}")


def minted(kind: str, *parts: str) -> NamedNode:
    """A deterministic IRI for something extraction created: same input, same IRI."""
    return NamedNode(f"{ID}{kind}/{'-'.join(slug(p) for p in parts)}")
