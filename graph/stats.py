"""What the store holds, counted by the store itself (its length, COUNT queries), never by reading every quad."""

from __future__ import annotations

import pyoxigraph as ox

from cwkg.ontology.vocab import CW
from .store import GraphStore

_COUNTS = {
    "documents": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Document }",
    "meetings": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Meeting }",
    "persons": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Person }",
    # The two sets joined whole: a lookup of each person's flag in every graph that names it is three times slower.
    "provisional persons": "SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?x WHERE { ?x cw:provisional true } } "
                           "{ SELECT DISTINCT ?x WHERE { ?x a cw:Person } } }",
    "states": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:State }",
    "parties": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:PoliticalParty }",
    "posts": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Post }",
}
# Counts each graph records as it is written (`GraphStore.tally`); the query counts a store written before them.
_TALLIED = {"mentions": (CW.storedMentions, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a cw:Mention }")}


def collect(store: GraphStore) -> list[dict[str, ox.Literal]]:
    graphs = store.graphs()
    rows = [("triples", store.size()), ("named graphs", len(graphs)),
            ("document graphs", sum(1 for g in graphs if store.is_document_graph(g)))]
    for name, sparql in _COUNTS.items():
        rows.append((name, _count(store, sparql)))
    for name, (tally, sparql) in _TALLIED.items():
        total = store.tally(tally)
        rows.append((name, total if total is not None else _count(store, sparql)))
    return [{"measure": ox.Literal(k), "value": ox.Literal(str(v))} for k, v in rows]


def _count(store: GraphStore, sparql: str) -> int:
    return int(next(iter(store.query(sparql)))["n"].value)
