"""A canned query's final ORDER BY, applied to its rows here rather than by the embedded engine.

Oxigraph sorts by looking up the text of every IRI and long literal at each comparison: on a
store of 480 documents, ordering the 8,000 positions on one state by date, document and position
took half the query's time, where sorting the rows in Python takes milliseconds. The query text
keeps its ORDER BY (it is the canned query a remote endpoint runs as written); the runner takes
it off only when it is the last clause and orders by plain variables the query projects.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

_KEY = r"(?:(?:ASC|DESC)\(\s*\?\w+\s*\)|\?\w+)"
_ORDER = re.compile(rf"\bORDER\s+BY\s+({_KEY}(?:\s+{_KEY})*)\s*$", re.IGNORECASE)
_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in (
    "integer", "decimal", "double", "float", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
    "negativeInteger", "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}


def split_order(sparql: str) -> tuple[str, list[tuple[str, bool]]] | None:
    """The query without its final ORDER BY, and its keys as (variable, descending); None when it has no such clause
    (or one with expressions, which is left to the engine)."""
    m = _ORDER.search(sparql)
    if m is None:
        return None
    keys = []
    for key in re.findall(_KEY, m.group(1), re.IGNORECASE):
        name = re.search(r"\?(\w+)", key).group(1)
        keys.append((name, key.upper().startswith("DESC")))
    return sparql[:m.start()], keys


def term_key(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> tuple:
    """SPARQL's order of terms: unbound, blank nodes, IRIs, literals; numbers by value, other literals (ISO dates
    among them) by their text."""
    if term is None:
        return (0, 0, 0.0, "")
    if isinstance(term, ox.BlankNode):
        return (1, 0, 0.0, term.value)
    if isinstance(term, ox.NamedNode):
        return (2, 0, 0.0, term.value)
    if isinstance(term, ox.Literal) and term.datatype.value in _NUMERIC:
        try:
            return (3, 0, float(term.value), "")
        except ValueError:
            pass
    return (3, 1, 0.0, term.value)


def total(keys: Sequence[tuple[str, bool]], columns: Sequence[str]) -> list[tuple[str, bool]]:
    """The query's keys, then each column it shows that they leave out: rows that differ anywhere differ in this
    order, so an answer comes in the same order on every run and pages of it (`--offset`, `--limit`) neither
    overlap nor skip a row."""
    named = {name for name, _ in keys}
    return [*keys, *((c, False) for c in columns if c not in named)]


def ordered(rows: list[dict], keys: Sequence[tuple[str, bool]]) -> list[dict]:
    """The rows in the order the keys give (stable: rows equal on every key keep the engine's order)."""
    out = list(rows)
    for name, descending in reversed(keys):
        out.sort(key=lambda row: term_key(row.get(name)), reverse=descending)
    return out
