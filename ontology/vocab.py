"""cwkg's one vocabulary: the ontology's namespace and terms, the vocabularies it reuses, the named graphs, how
data IRIs are minted, and which kind (person, state, party ...) each class is.

It sits in `cwkg.ontology`, beside `cwkg.ttl` that `tests/test_vocab.py` checks it against, so that loaders,
extraction and the graph layer can all read it without an arrow running back between them. Every other module
spells cwkg's IRIs through it.
"""

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


HOME = "https://w3id.org/cwkg"  # the project's address (user agents name it)
CW = Namespace(HOME + "/ontology#")
ID = HOME + "/id/"
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
# Wikidata's own terms, for the questions put to it and the canned queries that read what linking brought in.
WIKIDATA_PREFIXES = {
    "wd": str(WD), "wdt": "http://www.wikidata.org/prop/direct/", "p": "http://www.wikidata.org/prop/",
    "ps": "http://www.wikidata.org/prop/statement/", "pq": "http://www.wikidata.org/prop/qualifier/",
}

# Named graphs. A document's own graph is its IRI (`document_iri`); cwkg's own graphs sit under OWN_GRAPHS.
DOCUMENT_BASE = ID + "document/"
OWN_GRAPHS = ID + "graph/"  # the graphs cwkg works out itself (ontology, authority, derived, links, metadata)
ONTOLOGY_GRAPH = NamedNode(OWN_GRAPHS + "ontology")
SCHEMES_GRAPH = NamedNode(OWN_GRAPHS + "schemes")
AUTHORITY_GRAPH = NamedNode(OWN_GRAPHS + "authority")
META_GRAPH = NamedNode(OWN_GRAPHS + "meta")
STATIC_GRAPHS = (ONTOLOGY_GRAPH, SCHEMES_GRAPH, AUTHORITY_GRAPH)
INFERRED_GRAPH = NamedNode(OWN_GRAPHS + "inferred")
DERIVED_BASE = OWN_GRAPHS + "derived/"  # + a document graph's own path: the facts worked out from that document
PEOPLE_LINKS_GRAPH = NamedNode(OWN_GRAPHS + "links/people")
SAMEAS_GROUPS_GRAPH = NamedNode(OWN_GRAPHS + "sameas-groups")
PUSH_DIGESTS_GRAPH = NamedNode(OWN_GRAPHS + "push-digests")
WIKIDATA_LINKS_GRAPH = NamedNode(OWN_GRAPHS + "wikidata/links")
WIKIDATA_FACTS_GRAPH = NamedNode(OWN_GRAPHS + "wikidata/facts")
VOLUME_BASE = ID + "volume/"  # a FRUS volume's graph (its persons list)
SOURCE_BASE = ID + "source/"  # the graphs of other source records (POCOM missions, authority persons)

# The kind of entity each class is, as extraction, linking, evaluation and the views name it; in the order the
# authority data is read (a more specific class first). Regions are places wherever only the broad kind is shown.
KIND_OF_CLASS = {
    "State": "state",
    "PoliticalParty": "party",
    "Person": "person",
    "City": "place",
    "Region": "region",
    "Place": "place",
    "Organization": "organization",
    "Congress": "event",
    "Event": "event",
}
BROADER_KIND = {"region": "place"}
LINKED_KINDS = ("person", "state", "party", "place", "event")  # the kinds `cwkg link` matches to Wikidata items
CONCEPT_KINDS = {"Topic": "topic"}  # topics are SKOS concepts, not entities; the views show them as a kind of their own


def broad_kind(kind: str) -> str:
    return BROADER_KIND.get(kind, kind)


def kind_classes(kinds: tuple[str, ...] | None = None, broad: bool = False) -> dict[NamedNode, str]:
    """The classes (as IRIs) of the given kinds (all when None) and their kind, broad ("place" for a region) if asked."""
    return {CW[c]: broad_kind(k) if broad else k for c, k in KIND_OF_CLASS.items()
            if kinds is None or k in kinds}


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unidecode(text).lower()).strip("-") or "x"


def short_hash(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def data_iri(*path: str) -> str:
    """The IRI, as text, of what the data names by a path under `id:` (`data_iri("state", "ruritania")`): the
    authority's entities and schemes as extraction refers to them."""
    return ID + "/".join(path)


def stance_iri(label: str) -> NamedNode:
    """The IRI of the scheme's stance of that label (`ontology/stances.ttl`: `sn:informs`); extraction names stances
    by label, the mapping makes this of it."""
    return NamedNode(data_iri("stance", label))


def document_iri(doc_id: str) -> NamedNode:
    return NamedNode(DOCUMENT_BASE + doc_id)


def source_graph(dataset: str, what: str, key: str) -> NamedNode:
    """The graph of one record of a source other than a document (a POCOM mission, a person of a people database)."""
    return NamedNode(f"{SOURCE_BASE}{dataset}/{what}/{slug(key)}")


def is_document(iri: str) -> bool:
    """Whether an IRI is a document's (and so names its graph), as against cwkg's own graphs and source records."""
    return iri.startswith(DOCUMENT_BASE)


def minted(kind: str, *parts: str) -> NamedNode:
    """A deterministic IRI for something extraction created: same input, same IRI."""
    return NamedNode(f"{ID}{kind}/{'-'.join(slug(p) for p in parts)}")
