"""The two graphs Wikidata work writes: the links (each with its method, score, evidence and
date) and the facts fetched about linked items, in Wikidata's own vocabulary with the day
each was retrieved. Both are written in one transaction each, so a failed run leaves the
store as it was."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from cwkg.ontology.vocab import CW, DCTERMS, ID, RDF, RDFS, SKOS, WIKIDATA_FACTS_GRAPH, WIKIDATA_LINKS_GRAPH, XSD, short_hash
from cwkg.graph.store import GraphStore, plain_lines

from .facts import Fetched
from .queries import P, PQ, PS

LINKS_GRAPH = WIKIDATA_LINKS_GRAPH
FACTS_GRAPH = WIKIDATA_FACTS_GRAPH


@dataclass(frozen=True)
class Link:
    entity: str
    item: str
    method: str
    score: float
    evidence: str
    day: date


def _link_triples(link: Link) -> list[ox.Triple]:
    node = ox.NamedNode(f"{ID}link/wikidata/{short_hash(link.entity, link.item)}")
    entity, item = ox.NamedNode(link.entity), ox.NamedNode(link.item)
    return [
        ox.Triple(entity, SKOS.exactMatch, item),
        ox.Triple(node, RDF.type, CW.EntityLink),
        ox.Triple(node, CW.linkedEntity, entity),
        ox.Triple(node, CW.linkTarget, item),
        ox.Triple(node, CW.linkMethod, ox.Literal(link.method)),
        ox.Triple(node, CW.linkScore, ox.Literal(f"{link.score:.3f}", datatype=XSD.decimal)),
        ox.Triple(node, CW.linkEvidence, ox.Literal(link.evidence)),
        ox.Triple(node, DCTERMS.date, ox.Literal(link.day.isoformat(), datatype=XSD.date)),
    ]


def stored_links(store: GraphStore) -> dict[str, list[ox.Triple]]:
    """The links graph as it stands, by linked entity."""
    by_entity: dict[str, list[ox.Triple]] = {}
    node_entity: dict[str, str] = {}
    quads = list(store.quads(LINKS_GRAPH))
    for q in quads:
        if q.predicate == CW.linkedEntity:
            node_entity[q.subject.value] = q.object.value
    for q in quads:
        owner = q.subject.value if q.predicate == SKOS.exactMatch else node_entity.get(q.subject.value)
        if owner is not None:
            by_entity.setdefault(owner, []).append(ox.Triple(q.subject, q.predicate, q.object))
    return by_entity


def write_links(store: GraphStore, links: list[Link], replacing: set[str]) -> None:
    """Store `links`, dropping first whatever links the entities in `replacing` had (a new run's decisions replace
    the last run's; a curator's choice replaces the machine's)."""
    kept = stored_links(store)
    if not links and not replacing.intersection(kept):
        return
    for entity in replacing | {link.entity for link in links}:
        kept[entity] = []
    for link in links:
        kept[link.entity].extend(_link_triples(link))
    store.replace_graph(LINKS_GRAPH, [t for triples in kept.values() for t in triples])


def fact_triples(fetched: Fetched, endpoint: str, day: date) -> list[ox.Triple]:
    out: list[ox.Triple] = [
        ox.Triple(FACTS_GRAPH, DCTERMS.source, ox.NamedNode(endpoint)),
        ox.Triple(FACTS_GRAPH, DCTERMS.modified, ox.Literal(day.isoformat(), datatype=XSD.date)),
    ]
    labelled: set[str] = set()
    for item, facts in sorted(fetched.facts.items()):
        subject = ox.NamedNode(item)
        if item in fetched.retrieved:
            out.append(ox.Triple(subject, CW.retrievedOn, ox.Literal(fetched.retrieved[item].isoformat(), datatype=XSD.date)))
        out += [ox.Triple(subject, ox.NamedNode(p), v) for p, v in facts.names]
        out += [ox.Triple(subject, ox.NamedNode(p), v) for p, v in facts.claims]
        seen = set()
        for held in facts.positions:
            statement = ox.NamedNode(held.statement or f"{ID}wikidata/statement/{short_hash(item, held.position, str(held.start))}")
            if (statement.value, held.position) in seen:
                continue
            seen.add((statement.value, held.position))
            out += [ox.Triple(subject, ox.NamedNode(P + "P39"), statement),
                    ox.Triple(statement, ox.NamedNode(PS + "P39"), ox.NamedNode(held.position))]
            if held.start is not None:
                out.append(ox.Triple(statement, ox.NamedNode(PQ + "P580"), held.start))
            if held.end is not None:
                out.append(ox.Triple(statement, ox.NamedNode(PQ + "P582"), held.end))
            if held.label and held.position not in labelled:
                labelled.add(held.position)
                out.append(ox.Triple(ox.NamedNode(held.position), RDFS.label, ox.Literal(held.label, language="en")))
    return list(dict.fromkeys(out))


def write_facts(store: GraphStore, fetched: Fetched, endpoint: str, day: date) -> int:
    triples = fact_triples(fetched, endpoint, day)
    store.replace_graph(FACTS_GRAPH, plain_lines(triples))
    return len(triples)
