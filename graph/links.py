"""Tie provisional persons (names a document used that no authority knew when it was read) to
the persons of the name authorities loaded since: one exact match of the name key
(romanisation, diacritics and separators folded) and no other candidate, else no link.
Provisional persons belong to their document, so namesakes in unrelated records stay
apart; two of them are joined when they share the name and a post (role and the state
or party it serves), which tells they are one diplomat seen in two records.

The links live in their own graph, rebuilt whole each time, so the order in which
documents and authorities are loaded does not matter.
"""

from __future__ import annotations

import pyoxigraph as ox

from cwkg.lang.name_keys import default_variants, name_key as spelling_key

from cwkg.ontology.vocab import CW, OWL, PEOPLE_LINKS_GRAPH, SKOS, XSD
from .sameas import write_groups
from .store import GraphStore

LINKS_GRAPH = PEOPLE_LINKS_GRAPH
_TRUE = ox.Literal("true", datatype=XSD.boolean)
# Read apart and joined here: each document graph states the type and labels of the persons it names again, and
# joined in the engine the statements of every graph met those of every other (10,000 documents: 236,026 rows
# for 23,074 persons and names, 22 s, against about 2 s for the four scans).
_PERSONS = "SELECT ?p WHERE { ?p a cw:Person }"
_LABELS = "SELECT ?p ?l WHERE { ?p skos:prefLabel|skos:altLabel ?l }"
_PROVISIONAL = "SELECT ?p ?provisional WHERE { ?p cw:provisional ?provisional }"
_UNNAMED = "SELECT ?p WHERE { ?p cw:unnamed true }"


def _person_names(store: GraphStore) -> set[tuple[str, str, bool]]:
    """Each named person's names: (person, label, whether provisional). A person with no `cw:provisional` is not;
    one stated both ways has its names both ways."""
    unnamed = {row["p"].value for row in store.query(_UNNAMED)}
    persons = {row["p"].value for row in store.query(_PERSONS)} - unnamed
    flags: dict[str, set[bool]] = {}
    for row in store.query(_PROVISIONAL):
        if row["p"].value in persons:
            flags.setdefault(row["p"].value, set()).add(row["provisional"].value == "true")
    return {(row["p"].value, row["l"].value, flag) for row in store.query(_LABELS) if row["p"].value in persons
            for flag in flags.get(row["p"].value, {False})}


def link_people(store: GraphStore) -> set[str]:
    """Rebuild the links graph and the groups; the entities whose group changed."""
    variants = default_variants()

    def name_key(label: str) -> str:
        return spelling_key(label, variants)

    keys: dict[str, set[str]] = {}
    provisional: dict[str, set[str]] = {}
    for person, label, is_provisional in _person_names(store):
        if len(label.split()) < 2:
            continue
        key = name_key(label)
        if is_provisional:
            provisional.setdefault(person, set()).add(key)
        else:
            keys.setdefault(key, set()).add(person)
    triples = []
    for person, person_keys in provisional.items():
        matches = set().union(*(keys.get(k, set()) for k in person_keys))
        if len(matches) == 1:
            triples.append(ox.Triple(ox.NamedNode(person), OWL.sameAs, ox.NamedNode(matches.pop())))
    triples += _same_name_and_post(store, name_key)
    store.replace_graph(LINKS_GRAPH, triples)
    return write_groups(store)


# Who holds which post, and each post's role and organisation, read apart and joined here, the names and the
# provisional mark looked up for the holders alone: as one query the engine met every graph's statements of a
# person with every other's (10,000 documents: 5.1 s, against under 1 s).
_HOLDS = "SELECT ?p ?post WHERE { ?p cw:holdsPost ?post }"
_ROLES = "SELECT ?post ?role WHERE { ?post org:role ?role }"
_ORGANIZATIONS = "SELECT ?post ?of WHERE { ?post org:organization ?of }"


def _same_name_and_post(store: GraphStore, name_key) -> list[ox.Triple]:
    roles: dict[ox.Term, set[str]] = {}
    for row in store.query(_ROLES):
        roles.setdefault(row["post"], set()).add(row["role"].value)
    serving: dict[ox.Term, set[str]] = {}
    for row in store.query(_ORGANIZATIONS):
        serving.setdefault(row["post"], set()).add(row["of"].value)
    posts: dict[ox.NamedNode, set[ox.Term]] = {}
    for row in store.query(_HOLDS):
        if isinstance(row["p"], ox.NamedNode):
            posts.setdefault(row["p"], set()).add(row["post"])
    groups: dict[tuple[str, str, str], set[str]] = {}
    for person, held in posts.items():
        if not any(q.object == _TRUE for q in store.quads_for(person, CW.provisional)):
            continue
        labels = {q.object.value for q in store.quads_for(person, SKOS.prefLabel)}
        for label in labels:
            if len(label.split()) < 2:
                continue
            key = name_key(label)
            for post in held:
                for role in roles.get(post, ()):
                    for of in serving.get(post, ()):
                        groups.setdefault((key, role, of), set()).add(person.value)
    out = []
    for members in groups.values():
        first, *rest = sorted(members)
        out += [ox.Triple(ox.NamedNode(other), OWL.sameAs, ox.NamedNode(first)) for other in rest]
    return list(dict.fromkeys(out))
