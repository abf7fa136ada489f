"""Is every stored graph whole? What `cwkg check-store` reports.

Each graph's triple count is written beside it in the same transaction, and a file stored in
several transactions is journaled as begun and finished (`GraphStore.replace_graphs`,
`begin_load`, `finish_load`). So a graph whose count differs from the one it was written
with was damaged after it was stored; a document graph without its title, text or source
was never written whole; and a file begun but not finished was cut off by a kill, and the
next `cwkg ingest` of it completes it (graphs are replaced whole, so nothing is doubled).
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from cwkg.ontology.vocab import DOCUMENT_BASE
from .store import GraphStore

_DOCUMENT = DOCUMENT_BASE
_NEEDS = {"title": "dcterms:title", "text": "cw:text", "source": "dcterms:source"}


@dataclass(frozen=True)
class Problem:
    graph: str
    what: str

    def line(self) -> str:
        return f"{self.graph}: {self.what}"


def check(store: GraphStore) -> tuple[int, list[Problem]]:
    """How many graphs were checked, and what is wrong with any of them."""
    problems = [Problem(path, f"partly loaded (begun {began}); run `cwkg ingest {path}` to complete it")
                for path, began in store.partial_loads()]
    stored = store.stored_counts()
    graphs = [g.value for g in store.graphs()]
    for graph in graphs:
        if graph in stored and (held := store.count(ox.NamedNode(graph))) != stored[graph]:
            problems.append(Problem(graph, f"holds {held} triples, written with {stored[graph]}: damaged; ingest its source again"))
    documents = [g for g in graphs if g.startswith(_DOCUMENT)]
    present = {key: {r["g"].value for r in store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g {path} ?v }} }}")}
               for key, path in _NEEDS.items()}
    for graph in documents:
        missing = [key for key in _NEEDS if graph not in present[key]]
        if missing:
            problems.append(Problem(graph, f"document without its {', '.join(missing)}: not whole; ingest its source again"))
    return len(graphs), problems

