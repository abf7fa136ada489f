"""Tie provisional persons (names a document used that no authority knew when it was read) to
the persons of the name authorities loaded since: one exact match of the name key
(romanisation, diacritics and separators folded) and no other candidate, else no link.

The links live in their own graph, rebuilt whole each time, so the order in which
documents and authorities are loaded does not matter.
"""

from __future__ import annotations

import pyoxigraph as ox

from cwkg.extract.authority import default_authority

from .namespaces import ID, OWL
from .store import GraphStore

LINKS_GRAPH = ox.NamedNode(ID + "graph/links/people")
_PERSONS = """
SELECT ?p ?l ?provisional WHERE {
  ?p a cw:Person ; skos:prefLabel|skos:altLabel ?l .
  OPTIONAL { ?p cw:provisional ?provisional }
  FILTER NOT EXISTS { ?p cw:unnamed true }
}"""


def link_people(store: GraphStore) -> int:
    """Rebuild the links graph; returns how many provisional persons were linked."""
    name_key = default_authority().name_key
    keys: dict[str, set[str]] = {}
    provisional: dict[str, set[str]] = {}
    for row in store.query(_PERSONS):
        label = row["l"].value
        if len(label.split()) < 2:
            continue
        key = name_key(label)
        if row["provisional"] is not None and row["provisional"].value == "true":
            provisional.setdefault(row["p"].value, set()).add(key)
        else:
            keys.setdefault(key, set()).add(row["p"].value)
    triples = []
    for person, person_keys in provisional.items():
        matches = set().union(*(keys.get(k, set()) for k in person_keys))
        if len(matches) == 1:
            triples.append(ox.Triple(ox.NamedNode(person), OWL.sameAs, ox.NamedNode(matches.pop())))
    store.replace_graph(LINKS_GRAPH, triples)
    return len(triples)
