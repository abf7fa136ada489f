"""Turn what a user types for an entity (a label, alias, Wikidata id or IRI) into its IRI.

Labels are compared folded (case and diacritics ignored); people also by their name key,
so "Kang Min Ho" finds the person labelled "Kang Min-ho". Shared labels (cw:ambiguousLabel)
are used only when nothing else matches. A person may also be named by surname alone
("Novak", or "Pak" for a name printed family name first) or by initials and surname ("J. K. Novak",
"J.K. Novak") when that names one person (or one owl:sameAs group).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyoxigraph as ox

from cwkg.errors import CwkgError, QueryError
from cwkg.ontology.vocab import WD
from cwkg.graph.labelkeys import key, name_keys
from cwkg.graph.sameas import GROUPS_GRAPH, groups, same_as_pairs
from cwkg.graph.storeapi import QueryStore

_LABELS = """
SELECT ?e ?l ?p WHERE {
  VALUES ?p { skos:prefLabel skos:altLabel skos:hiddenLabel rdfs:label cw:abbreviation cw:adjective cw:ambiguousLabel }
  ?e ?p ?l .
  # Schema terms (classes, properties) are not entities a user asks about.
  FILTER NOT EXISTS { VALUES ?schema { owl:Class owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty owl:Ontology }
                      ?e a ?schema }
}"""
_PERSON_LABELS = "SELECT ?e ?l WHERE { ?e a cw:Person ; skos:prefLabel|skos:altLabel ?l }"
_INITIALS = re.compile(r"^((?:[A-Za-z]\.\s*)+)(\S.*)$")
_WIKIDATA = re.compile(r"^(?:wd:|https?://www\.wikidata\.org/(?:entity|wiki)/)?(Q\d+)$")


def _norm(label: str) -> str:
    return key(label)


_BY_KEY = "SELECT DISTINCT ?e ?p ?key WHERE { VALUES ?p { cw:labelKey cw:sharedLabelKey } ?e ?p ?key }"
_BY_COMPACT = "SELECT DISTINCT ?e ?key WHERE { ?e cw:compactLabelKey ?key }"
_BY_SURNAME = "SELECT DISTINCT ?e ?given ?key WHERE { ?e cw:surnameKey ?key . OPTIONAL { ?e cw:givenNamesKey ?given } }"


@dataclass
class Resolver:
    """Looks labels up by their keys in the store (`graph/labelkeys.py`); a store without keys (written by
    an older cwkg, or a remote store loaded from elsewhere) is read whole once, as before."""

    store: QueryStore
    _index: dict[str, dict[str, bool]] | None = None
    _groups: dict[str, str] | None = None
    _surnames: dict[str, set[tuple[str, str]]] | None = None  # surname -> (person, given names)
    _keyed: bool | None = None
    _has_groups: bool | None = None

    def keyed(self) -> bool:
        if self._keyed is None:
            local = getattr(self.store, "has_label_keys", None)  # the embedded store knows; a remote one is asked
            self._keyed = local() if local else bool(self.store.query("ASK { ?e cw:labelKey ?k }"))
        return self._keyed

    def _build(self) -> dict[str, dict[str, bool]]:
        index: dict[str, dict[str, bool]] = {}
        for row in self.store.query(_LABELS):
            entity = row["e"]
            if not isinstance(entity, ox.NamedNode):
                continue
            shared = row["p"].value.endswith("ambiguousLabel")
            slot = index.setdefault(_norm(row["l"].value), {})
            slot[entity.value] = slot.get(entity.value, True) and shared
        return index

    def _slot(self, text: str) -> dict[str, bool]:
        """Entities with this label, each with whether the label is only a shared one."""
        if not self.keyed():
            if self._index is None:
                self._index = self._build()
            return self._index.get(_norm(text), {})
        # (the bound variable is projected: Oxigraph substitutes only projected variables)
        slot: dict[str, bool] = {}
        for row in self.store.query(_BY_KEY, {ox.Variable("key"): ox.Literal(_norm(text))}):
            if isinstance(row["e"], ox.NamedNode):
                shared = row["p"].value.endswith("sharedLabelKey")
                slot[row["e"].value] = slot.get(row["e"].value, True) and shared
        return slot

    def _compact(self, text: str) -> list[str]:
        compact = _norm(text).replace(" ", "")
        if not self.keyed():
            return sorted({e for label, ents in self._index.items() if label.replace(" ", "") == compact for e in ents})
        by_key = {r["e"].value for r in self.store.query(_BY_COMPACT, {ox.Variable("key"): ox.Literal(compact)})}
        by_label = {e for e in self._slot(compact)}  # a one-word label is its own compact form
        return sorted(by_key | by_label)

    def candidates(self, text: str) -> list[str]:
        text = text.strip()
        if m := _WIKIDATA.match(text):
            rows = self.store.query("SELECT DISTINCT ?e ?wd WHERE { ?e skos:exactMatch ?wd }",
                                    {ox.Variable("wd"): WD[m.group(1)]})
            return sorted(r["e"].value for r in rows)
        if re.match(r"^https?://\S+$", text):
            try:
                return [ox.NamedNode(text).value]
            except ValueError:
                raise QueryError(f"'{text}' is not a valid IRI") from None
        # Wikidata's items (the facts `cwkg link` brings in) are reached through the entities linked to them, never by label
        slot = {e: shared for e, shared in self._slot(text).items() if not e.startswith(str(WD))}
        firm = sorted(e for e, shared in slot.items() if not shared)
        if firm:
            return firm
        if slot:
            return sorted(slot)
        return self._compact(text) or self._by_surname(text)

    def _people_named(self, surname: str) -> set[tuple[str, str]]:
        if self.keyed():
            rows = self.store.query(_BY_SURNAME, {ox.Variable("key"): ox.Literal(surname)})
            return {(r["e"].value, r["given"].value if r["given"] is not None else "") for r in rows}
        if self._surnames is None:
            self._surnames = {}
            for row in self.store.query(_PERSON_LABELS):
                if parts := name_keys(row["l"].value):  # as the store's keys read them (family name first or last)
                    for word in parts[0]:
                        self._surnames.setdefault(word, set()).add((row["e"].value, parts[1]))
        return self._surnames.get(surname, set())

    def _by_surname(self, text: str) -> list[str]:
        """Persons named by surname alone, or by initials and surname."""
        m = _INITIALS.match(text.strip())
        initials = [c.lower() for c in re.findall(r"[A-Za-z]", m.group(1))] if m else []
        surname = _norm(m.group(2) if m else text)
        if " " in surname:
            return []
        people = self._people_named(surname)
        if initials:
            people = {(e, given) for e, given in people if given and given[0] == initials[0]}
        return sorted({e for e, _ in people})

    def _same(self) -> dict[str, str]:
        """Each entity to the representative of its owl:sameAs group, read from the whole store (a store
        without the groups graph)."""
        if self._groups is None:
            self._groups = groups(same_as_pairs(self.store))
        return self._groups

    def _representatives(self, entities: list[str]) -> dict[str, str]:
        if not entities:
            return {}
        if self._has_groups is None:
            self._has_groups = bool(self.store.query(f"ASK {{ GRAPH {GROUPS_GRAPH} {{ ?a ?b ?c }} }}"))
        if not self._has_groups:
            return self._same()
        values = " ".join(str(ox.NamedNode(e)) for e in entities)
        rows = self.store.query(f"SELECT ?e ?rep WHERE {{ VALUES ?e {{ {values} }} ?e cw:sameAsGroup ?rep }}")
        return {r["e"].value: r["rep"].value for r in rows}

    def entities(self, text: str) -> list[str]:
        """Every entity the text may name, one per owl:sameAs group (its representative), sorted."""
        candidates = self.candidates(text)
        same = self._representatives(candidates)
        return sorted({same.get(c, c) for c in candidates})

    def describe(self, entities: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Each entity's label (a member's, when the representative has none here) and its cw: classes, for
        listing the candidates of an ambiguous name and telling a state from a person."""
        if not entities:
            return {}
        values = " ".join(str(ox.NamedNode(e)) for e in entities)
        rows = self.store.query(f"""SELECT ?e ?l ?k WHERE {{ VALUES ?e {{ {values} }}
            {{ ?e skos:prefLabel ?l }} UNION {{ ?m cw:sameAsGroup ?e . ?m skos:prefLabel ?l }}
            UNION {{ ?e a ?k FILTER(STRSTARTS(STR(?k), STR(cw:))) }} UNION {{ ?m cw:sameAsGroup ?e . ?m a ?k FILTER(STRSTARTS(STR(?k), STR(cw:))) }} }}""")
        labels: dict[str, str] = {}
        kinds: dict[str, set[str]] = {e: set() for e in entities}
        for r in rows:
            e = r["e"].value
            if r["l"] is not None:
                labels[e] = min(labels.get(e, r["l"].value), r["l"].value)
            if r["k"] is not None:
                kinds[e].add(r["k"].value.rsplit("#", 1)[-1])
        return {e: (labels.get(e, e.rsplit("/", 1)[-1]), tuple(sorted(kinds[e]))) for e in entities}

    def resolve(self, text: str, param: str) -> ox.NamedNode | None:
        """The one entity the text names (one owl:sameAs group counts as one); None if nothing matches."""
        found = self.entities(text)
        if len(found) > 1:
            raise QueryError(f"'{text}' for {param} names several entities: {', '.join(found[:5])}; give one of these IRIs")
        return ox.NamedNode(found[0]) if found else None


def resolve_named(store: QueryStore, text: str | None, param: str) -> str | None:
    """The IRI of the entity `text` names (None for no text); one line naming the option when it names none."""
    if text is None:
        return None
    found = Resolver(store).resolve(text, param)
    if found is None:
        raise CwkgError(f"no entity called '{text}' in the store (--{param})")
    return found.value
