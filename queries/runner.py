"""Run a canned query with its parameters bound as RDF terms (a VALUES block of terms pyoxigraph serialises), never as pasted text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pyoxigraph as ox

from cwkg.errors import QueryError
from cwkg.ontology.vocab import CW, XSD
from cwkg.graph.sparqltext import with_values
from cwkg.graph.storeapi import QueryStore

from .catalog import CannedQuery
from .ordering import ordered, split_order, total
from .resolve import Resolver

ANY = CW.any
YEAR_MIN, YEAR_MAX = -9999, 9999


@dataclass(frozen=True)
class Result:
    columns: list[str]
    rows: list[dict[str, ox.NamedNode | ox.Literal | ox.BlankNode | None]]
    unresolved: list[str]


def _integer(value: int) -> ox.Literal:
    return ox.Literal(str(value), datatype=XSD.integer)


def parse_year_range(text: str) -> tuple[int, int]:
    """1962 -> (1962, 1962); 1960-1965 -> (1960, 1965); 1960- and -1965 are open ranges."""
    m = re.fullmatch(r"\s*(\d{3,4})?\s*(?:(-|–|\.\.)\s*(\d{3,4})?)?\s*", text)
    if not m or not (m.group(1) or m.group(3)):
        raise QueryError(f"'{text}' is not a year or a range of years (1962, 1960-1965)")
    start = int(m.group(1)) if m.group(1) else YEAR_MIN
    end = int(m.group(3)) if m.group(3) else (YEAR_MAX if m.group(2) else start)
    if start > end:
        raise QueryError(f"'{text}': the range ends before it starts")
    return start, end


def bind(query: CannedQuery, values: dict[str, str], resolver: Resolver) -> tuple[dict[ox.Variable, ox.NamedNode | ox.Literal], list[str]]:
    """Substitutions for every declared variable, and the entity values that matched nothing."""
    for name in values:
        query.param(name)
    subs: dict[ox.Variable, ox.NamedNode | ox.Literal] = {}
    unresolved: list[str] = []
    for p in query.params:
        raw = values.get(p.name)
        if raw is None and p.required:
            raise QueryError(f"query '{query.name}' needs --param {p.name}=... ({p.doc})")
        if p.type == "year-range":
            start, end = parse_year_range(raw) if raw is not None else (YEAR_MIN, YEAR_MAX)
            subs[ox.Variable(f"{p.name}_from")] = _integer(start)
            subs[ox.Variable(f"{p.name}_to")] = _integer(end)
        elif p.type == "entity":
            term = resolver.resolve(raw, p.name) if raw is not None else ANY
            if term is None:
                unresolved.append(f"{p.name}={raw}")
                term = CW.nothing  # matches no entity, so the query returns no rows
            subs[ox.Variable(p.name)] = term
        elif p.type == "integer":
            if raw is not None and not re.fullmatch(r"-?\d+", raw):
                raise QueryError(f"{p.name} must be an integer, not '{raw}'")
            subs[ox.Variable(p.name)] = _integer(int(raw)) if raw is not None else ANY
        else:
            subs[ox.Variable(p.name)] = ox.Literal(raw) if raw is not None else ANY
    return subs, unresolved


def run(store: QueryStore, query: CannedQuery, values: dict[str, str],
        among: dict[ox.Variable, Sequence[ox.NamedNode]] | None = None) -> Result:
    """The query's rows; `among` keeps a variable to the values given (the positions a search found, say)."""
    subs, unresolved = bind(query, values, Resolver(store))
    # The parameters head the WHERE group as a VALUES block of serialised terms (as against a remote endpoint), so
    # the engine plans from them: a query about one actor starts from that actor (substitutions are joined last).
    text = with_values(query.sparql, subs, among)
    split = split_order(text)
    solutions = store.query(split[0] if split else text)
    names = [v.value for v in solutions.variables]
    if split and not all(name in names for name, _ in split[1]):
        split, solutions = None, store.query(text)  # it orders by what it does not project: the engine's work
    hidden = query.hidden_columns()
    columns = [n for n in names if n not in hidden]
    if split is None:
        return Result(columns, [{c: s[c] for c in columns} for s in solutions], unresolved)
    keys = {name for name, _ in split[1]}
    rows = ordered([{c: s[c] for c in names if c in keys or c not in hidden} for s in solutions], total(split[1], columns))
    return Result(columns, [{c: row[c] for c in columns} for row in rows], unresolved)
