"""The one interface of a store cwkg reads: the embedded store (graph/store.py) and a remote SPARQL endpoint
(graph/remote.py) both have it, so the canned queries, `ask`, `sparql` and label resolution are written once,
against this, and run on either.

A query's answer reads the same from both: solutions (`.variables`, and rows whose `row["name"]` is a pyoxigraph
term or None), a boolean (ASK), or triples (CONSTRUCT, DESCRIBE). Writing (replacing graphs, the load journal, the
claim index) is the embedded store's alone: a remote store is written by `cwkg push`, graph by graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal, Protocol, runtime_checkable

import pyoxigraph as ox

Term = ox.NamedNode | ox.Literal | ox.BlankNode
AnswerForm = Literal["solutions", "boolean", "triples"]


@runtime_checkable
class QueryStore(Protocol):
    """A store that answers SPARQL over the union of its graphs and lists and counts its named graphs."""

    def query(self, sparql: str, substitutions: dict[ox.Variable, Term] | None = None) -> Any:
        """Solutions, a boolean or triples (`answer_form`); parameters bound as terms, never pasted into the text."""

    def graphs(self) -> list[ox.NamedNode]:
        """The named graphs, sorted by IRI."""

    def count(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> int:
        """Triples in one graph, or in the whole store."""

    def close(self) -> None:
        """Release what the store holds (a lock, a connection); the store is not used after."""

    def __enter__(self) -> "QueryStore": ...

    def __exit__(self, *exc: object) -> None: ...


def answer_form(answer: Any) -> AnswerForm:
    """Which of the three kinds of answer a query gave: solutions have variables, triples are iterated, a boolean
    is neither."""
    if hasattr(answer, "variables"):
        return "solutions"
    if hasattr(answer, "__iter__"):
        return "triples"
    return "boolean"


@runtime_checkable
class WritableStore(QueryStore, Protocol):
    """The embedded store as the work it does after a write sees it (graph/derived.py): graphs replaced whole, each
    in one transaction, and values the metadata graph records of the store or of a graph."""

    def document_graphs(self) -> list[ox.NamedNode]:
        """The named graphs of documents, sorted by IRI."""

    def replace_graphs(self, graphs: Iterable[tuple[ox.NamedNode, Iterable[ox.Triple]]], bulk: bool = False) -> None:
        """Make each graph hold exactly its triples (given as triples, or as `statements.Lines`)."""

    def forget_graph(self, graph: ox.NamedNode) -> None:
        """Remove a graph and what the metadata graph says of it."""

    def meta(self, predicate: ox.NamedNode, subject: ox.NamedNode = ...) -> str | None:
        """A value the metadata graph records of the store (the default subject) or of one of its graphs."""

    def set_meta(self, predicate: ox.NamedNode, value: str, subject: ox.NamedNode = ...) -> None:
        """Record a value in the metadata graph, in place of the one before."""

    def quads_for(self, subject: ox.NamedNode, predicate: ox.NamedNode) -> list[ox.Quad]:
        """What any graph says of `subject` with `predicate`: an index lookup, whatever the size of the store."""

    def quads(self, graph: ox.NamedNode | None = None, predicate: ox.NamedNode | None = None,
              obj: Term | None = None) -> Any:
        """The quads of one graph (or all), of one predicate and object (or any)."""
