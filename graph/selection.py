"""The named graphs a command is asked to work on, by graph IRI or by document id."""

from __future__ import annotations

import pyoxigraph as ox

from cwkg.errors import CwkgError

from cwkg.ontology.vocab import document_iri


def chosen_graphs(present: list[ox.NamedNode], graphs: list[str], documents: list[str]) -> list[ox.NamedNode] | None:
    """The graphs of `present` named by IRI (`graphs`) or by document (`documents`: an id, an IRI, or an id's suffix
    such as d5, which must name one document), in the order asked, each once; None, meaning all, when none is asked."""
    if not graphs and not documents:
        return None
    by_iri = {g.value: g for g in present}
    chosen = []
    for iri in graphs:
        if iri not in by_iri:
            raise CwkgError(f"no graph <{iri}> in the store")
        chosen.append(by_iri[iri])
    prefix = document_iri("").value
    for doc in documents:
        exact = document_iri(doc).value if not doc.startswith("http") else doc
        found = [g for iri, g in by_iri.items() if iri == exact or (iri.startswith(prefix) and iri.endswith(f"-{doc}"))]
        if len(found) != 1:
            raise CwkgError(f"no document '{doc}' in the store" if not found else f"'{doc}' names {len(found)} documents; give its IRI")
        chosen.append(found[0])
    return list(dict.fromkeys(chosen))
