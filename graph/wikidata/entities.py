"""Our entities as Wikidata linking sees them: one per owl:sameAs group, with every name the
group goes by and what the records say that can confirm or rule out a candidate (years,
birth and death, VIAF ids, the states it belongs to, the titles of its posts)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from cwkg.ontology.vocab import CW, LINKED_KINDS, kind_classes
from cwkg.graph.store import GraphStore

from .queries import is_item

KIND_OF_CLASS = {c.value: kind for c, kind in kind_classes(LINKED_KINDS).items()}
KINDS = LINKED_KINDS
_CLASSES = " ".join(f"<{c}>" for c in KIND_OF_CLASS)


@dataclass(frozen=True)
class Entity:
    iri: str  # the group's representative
    kind: str
    label: str
    labels: tuple[str, ...]
    members: tuple[str, ...]
    linked: tuple[str, ...]  # Wikidata items the group is already linked to
    viaf: tuple[str, ...] = ()
    years: tuple[int, int] | None = None  # first and last year the records place it in
    birth: int | None = None
    death: int | None = None
    states: tuple[str, ...] = ()  # Wikidata items of the states it is a citizen of, serves, or is the capital of
    roles: tuple[str, ...] = ()  # what its posts are called


def _year(term) -> int | None:
    text = term.value if isinstance(term, ox.Literal) else None
    return int(text[:4]) if text and text[:4].isdigit() else None


def collect(store: GraphStore) -> list[Entity]:
    """Every person, state, party, place and event of the store, by sameAs group."""
    kind: dict[str, str] = {}
    for r in store.query(f"SELECT ?e ?c WHERE {{ VALUES ?c {{ {_CLASSES} }} ?e a ?c . FILTER(isIRI(?e)) "
                         f"FILTER NOT EXISTS {{ ?e {CW.unnamed} true }} }}"):
        kind.setdefault(r["e"].value, KIND_OF_CLASS[r["c"].value])
    group = {r["e"].value: r["rep"].value for r in store.query(f"SELECT ?e ?rep WHERE {{ ?e {CW.sameAsGroup} ?rep }}")}
    rep = {e: group.get(e, e) for e in kind}

    pref: dict[str, list[str]] = defaultdict(list)
    alt: dict[str, list[str]] = defaultdict(list)
    for r in store.query(f"SELECT ?e ?p ?l WHERE {{ VALUES ?c {{ {_CLASSES} }} ?e a ?c . "
                         "VALUES ?p { skos:prefLabel skos:altLabel } ?e ?p ?l . FILTER(isLiteral(?l)) }"):
        e = r["e"].value
        if e in rep:
            (pref if r["p"].value.endswith("prefLabel") else alt)[rep[e]].append(r["l"].value)

    facts: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in store.query(f"SELECT ?e ?p ?v WHERE {{ VALUES ?c {{ {_CLASSES} }} ?e a ?c . "
                         f"VALUES ?p {{ {CW.viaf} {CW.birthYear} {CW.deathYear} skos:exactMatch {CW.citizenOf} {CW.capitalOf} }} "
                         "?e ?p ?v }"):
        facts[r["e"].value][r["p"].value.rsplit("#", 1)[-1]].add(r["v"])

    years: dict[str, list[int]] = defaultdict(list)
    for query in (f"SELECT ?e ?d WHERE {{ ?m {CW.mentionOf} ?e ; {CW.inDocument} ?doc . ?doc dcterms:date ?d }}",
                  f"SELECT ?e ?d WHERE {{ ?meeting {CW.participant} ?e ; {CW.date} ?d }}",
                  f"SELECT ?e ?d WHERE {{ ?e {CW.holdsPost} ?post . VALUES ?p {{ {CW.startDate} {CW.endDate} }} ?post ?p ?d }}"):
        for r in store.query(query):
            y = _year(r["d"])
            if y is not None and r["e"].value in rep:
                years[rep[r["e"].value]].append(y)

    roles: dict[str, set[str]] = defaultdict(set)
    serves: dict[str, set[str]] = defaultdict(set)
    for r in store.query(f"SELECT ?e ?title ?role ?org WHERE {{ ?e {CW.holdsPost} ?post . "
                         f"OPTIONAL {{ ?post {CW.postTitle} ?title }} OPTIONAL {{ ?post org:role/skos:prefLabel ?role }} "
                         "OPTIONAL { ?post org:organization ?org } }"):
        e = r["e"].value
        if e not in rep:
            continue
        for key in ("title", "role"):
            if r[key] is not None:
                roles[rep[e]].add(r[key].value)
        if r["org"] is not None:
            serves[rep[e]].add(r["org"].value)

    wikidata_of = {e: {v.value for v in f.get("exactMatch", ()) if isinstance(v, ox.NamedNode) and is_item(v.value)}
                   for e, f in facts.items()}
    members: dict[str, list[str]] = defaultdict(list)
    for e, r in rep.items():
        members[r].append(e)

    out = []
    for r, group_members in members.items():
        merged: dict[str, set] = defaultdict(set)
        for m in group_members:
            for key, values in facts.get(m, {}).items():
                merged[key] |= values
        states = set()
        for s in {v.value for v in merged["citizenOf"] | merged["capitalOf"] if isinstance(v, ox.NamedNode)} | serves[r]:
            states |= wikidata_of.get(s, set())
        names = list(dict.fromkeys(pref[r] + alt[r]))
        ys = years.get(r)
        births = sorted(y for y in map(_year, merged["birthYear"]) if y is not None)
        deaths = sorted(y for y in map(_year, merged["deathYear"]) if y is not None)
        out.append(Entity(
            iri=r, kind=kind.get(r) or kind[group_members[0]], label=(pref[r] or names or [r.rsplit("/", 1)[-1]])[0],
            labels=tuple(names), members=tuple(sorted(group_members)),
            linked=tuple(sorted(set().union(*(wikidata_of.get(m, set()) for m in group_members)))),
            viaf=tuple(sorted(v.value for v in merged["viaf"])), years=(min(ys), max(ys)) if ys else None,
            birth=births[0] if births else None, death=deaths[0] if deaths else None,
            states=tuple(sorted(states)), roles=tuple(sorted(roles[r]))))
    return sorted(out, key=lambda e: e.iri)
