"""A graph's triples as N-Triples statements (without their final dots): the form in which a worker process hands
a graph to the one process that writes the store, and the store writes it."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from .labelkeys import with_keys


class Lines(list):
    """A graph's triples already written as N-Triples statements, label keys included (`triple_lines`): how a worker
    process hands a graph to the one process that writes the store."""


def triple_lines(triples: Iterable[ox.Triple]) -> Lines:
    """A graph's triples and their label keys as distinct N-Triples statements, ready for `replace_graphs`."""
    return Lines(dict.fromkeys(f"{t.subject} {t.predicate} {t.object}" for t in with_keys(triples)))


def plain_lines(triples: Iterable[ox.Triple]) -> Lines:
    """A graph's triples without label keys: for a graph of another dataset's items (Wikidata's facts), whose labels
    must not make them entities a query parameter can name."""
    return Lines(dict.fromkeys(f"{t.subject} {t.predicate} {t.object}" for t in triples))
