"""owl:sameAs groups, worked out once when the links change rather than on every query.

Every member of a group points to one representative (an authority IRI before a FRUS, HSG
or POCOM one, then the smallest) with `cw:sameAsGroup`, in a graph of its own that ingest
rebuilds whole after it links people; label resolution looks up only the entities it found.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from cwkg.ontology.vocab import CW, SAMEAS_GROUPS_GRAPH
from .store import GraphStore

GROUPS_GRAPH = SAMEAS_GROUPS_GRAPH


def _rank(iri: str) -> tuple[bool, str]:
    return ("/frus/" in iri or "/hsg/" in iri or "/pocom/" in iri, iri)


def groups(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each entity that is the same as another, to its group's representative."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            keep, drop = sorted((ra, rb), key=_rank)
            parent[drop] = keep
    return {x: find(x) for x in parent}


def same_as_pairs(store) -> list[tuple[str, str]]:
    return [(r["a"].value, r["b"].value) for r in store.query("SELECT ?a ?b WHERE { ?a owl:sameAs ?b }")
            if isinstance(r["a"], ox.NamedNode) and isinstance(r["b"], ox.NamedNode)]


def current_groups(store: GraphStore) -> dict[str, str]:
    """The groups as the store holds them now."""
    return {q.subject.value: q.object.value for q in store.quads(GROUPS_GRAPH) if isinstance(q.object, ox.NamedNode)}


def write_groups(store: GraphStore) -> set[str]:
    """Rebuild the groups graph from every owl:sameAs in the store; the entities whose representative changed
    (joined, left or moved to another group), whose positions' derived graphs follow."""
    before = current_groups(store)
    mapping = groups(same_as_pairs(store))
    if mapping != before:
        store.replace_graph(GROUPS_GRAPH, [ox.Triple(ox.NamedNode(x), CW.sameAsGroup, ox.NamedNode(rep))
                                           for x, rep in mapping.items()])
    return {x for x in before.keys() | mapping.keys() if before.get(x) != mapping.get(x)}
