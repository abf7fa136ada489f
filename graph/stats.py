"""What the store holds, counted by the store itself (its length, COUNT queries), never by reading every quad."""

from __future__ import annotations

import pyoxigraph as ox

from .store import GraphStore

_COUNTS = {
    "documents": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Document }",
    "meetings": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Meeting }",
    "persons": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Person }",
    "provisional persons": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Person ; cw:provisional true }",
    "states": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:State }",
    "parties": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:PoliticalParty }",
    "posts": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Post }",
    "mentions": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Mention }",
}


def collect(store: GraphStore) -> list[dict[str, ox.Literal]]:
    rows = [("triples", store.size()), ("named graphs", len(store.graphs())),
            ("document graphs", len(store.document_graphs()))]
    for name, sparql in _COUNTS.items():
        rows.append((name, int(next(iter(store.query(sparql)))["n"].value)))
    return [{"measure": ox.Literal(k), "value": ox.Literal(str(v))} for k, v in rows]
