"""Run the canned queries a question needs, keeping each one run (name, parameters, SPARQL) for --show-query, and
give their rows as plain Python values; and give the store's claim index, where it has one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from cwkg.graph.sparqltext import with_values
from cwkg.graph.store import GraphStore
from cwkg.graph.storeapi import QueryStore
from cwkg.ontology.vocab import CW
from cwkg.queries.catalog import CannedQuery, load_catalog
from cwkg.queries.resolve import Resolver
from cwkg.queries.runner import bind, run

from .model import Ran


def plain(term) -> str | bool | None:
    """A term's value: booleans as bool, everything else as its string."""
    if term is None:
        return None
    if isinstance(term, ox.Literal) and term.datatype.value.endswith("#boolean"):
        return term.value in ("true", "1")
    return term.value


@dataclass
class Runner:
    store: QueryStore  # the embedded store or a remote one
    catalog: dict[str, CannedQuery] = field(default_factory=load_catalog)
    ran: list[Ran] = field(default_factory=list)

    def claim_index(self):
        """The store's claim index (a `ClaimIndex`), or None for a store without one (a remote endpoint)."""
        if isinstance(self.store, GraphStore):
            return self.store.claim_index()
        return None

    def rows(self, name: str, params: dict[str, str], among: dict[str, Iterable[str]] | None = None) -> list[dict]:
        """The rows of one canned query; an entity parameter given as an IRI is bound as it is. `among` keeps a
        variable of the query to the IRIs given."""
        query = self.catalog[name]
        params = {k: v for k, v in params.items() if v is not None}
        subs, _ = bind(query, params, Resolver(self.store))
        kept = {ox.Variable(k): [ox.NamedNode(i) for i in sorted(set(iris))] for k, iris in (among or {}).items()}
        self.ran.append(Ran(name, dict(params), with_values(query.sparql, subs, kept)))
        result = run(self.store, query, params, kept)
        return [{k: plain(v) for k, v in row.items()} for row in result.rows]

    def positions_about(self, entities: Iterable[str]) -> set[str]:
        """The positions about any of these entities or a member of their owl:sameAs group: those a claim that
        names them scores by its entity feature."""
        entities = sorted(set(entities))
        if not entities:
            return set()
        values = " ".join(str(ox.NamedNode(e)) for e in entities)  # serialised by pyoxigraph, as the parameters are
        sparql = (f"SELECT DISTINCT ?position WHERE {{ VALUES ?e {{ {values} }} "
                  f"{{ ?position {CW.about} ?e }} UNION {{ ?member {CW.sameAsGroup} ?e . ?position {CW.about} ?member }} }}")
        self.ran.append(Ran("positions-about", {"entities": " ".join(entities)}, sparql))
        return {row["position"].value for row in self.store.query(sparql)}
