"""Reading SPARQL text: where a query's WHERE group, UNION branches and subqueries open, its form, and its
parameters as a VALUES block of serialised RDF terms (never pasted values). Shared by the embedded store's runner
and the remote endpoint, and kept apart from the HTTP client so that a query on the embedded store does not
load it."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pyoxigraph as ox

from cwkg.errors import QueryError

from cwkg.ontology.vocab import PREFIXES

Term = ox.NamedNode | ox.Literal | ox.BlankNode


def _skip(text: str, i: int) -> int:
    """The index after a comment, string or IRI starting at i (or i + 1)."""
    c = text[i]
    if c == "#":
        end = text.find("\n", i)
        return len(text) if end < 0 else end + 1
    if c == "<":  # an IRI, unless a comparison ("?a < ?b" has a space after it)
        end = text.find(">", i)
        if end > 0 and not any(ch.isspace() for ch in text[i + 1:end]):
            return end + 1
        return i + 1
    if c in "'\"":
        quote = text[i:i + 3] if text[i:i + 3] in ("'''", '"""') else c
        j = i + len(quote)
        while j < len(text):
            if text[j] == "\\":
                j += 2
                continue
            if text.startswith(quote, j):
                return j + len(quote)
            j += 1
        return len(text)
    return i + 1


def where_brace(query: str) -> int:
    """The offset of the `{` that opens the query's WHERE group, outside comments, strings and IRIs."""
    i, braces, construct = 0, [], None
    while i < len(query):
        c = query[i]
        if c in "#<'\"":
            i = _skip(query, i)
            continue
        if c.isalpha() and (i == 0 or not (query[i - 1].isalnum() or query[i - 1] in "_?$:")):
            j = i
            while j < len(query) and (query[j].isalnum() or query[j] == "_"):
                j += 1
            word = query[i:j].upper()
            if word == "WHERE":
                k = query.find("{", j)
                if k >= 0:
                    return k
            if word == "CONSTRUCT" and construct is None:
                construct = True
            i = j
            continue
        if c == "{":
            braces.append(i)
            if not construct or len(braces) == 2:
                return i
        i += 1
    raise QueryError("the query has no WHERE group to bind its parameters in")


def _children(query: str, opening: int) -> list[tuple[int, int]]:
    """(open, close) of the groups directly inside the group that opens at `opening`."""
    groups: list[tuple[int, int]] = []
    depth, i, start = 0, opening, 0
    while i < len(query):
        c = query[i]
        if c in "#<'\"":
            i = _skip(query, i)
            continue
        if c == "{":
            depth += 1
            if depth == 2:
                start = i
        elif c == "}":
            if depth == 2:
                groups.append((start, i))
            depth -= 1
            if depth == 0:
                break
        i += 1
    return groups


_UNION = re.compile(r"\s*UNION\b", re.I)
_SUBQUERY = re.compile(r"\{\s*SELECT\b", re.I)


def binding_points(query: str, opening: int, names: frozenset[str] | None = None) -> list[tuple[int, frozenset[str] | None]]:
    """Where a VALUES block goes, and which parameters it may bind (None: all): the group opening at
    `opening`, each UNION branch in it, and the WHERE group of each subquery in it, binding there only
    the parameters the subquery projects (its other variables are its own)."""
    points = [(opening, names)]
    groups = _children(query, opening)
    for k, (o, close) in enumerate(groups):
        after = _UNION.match(query, close + 1) is not None
        before = k > 0 and query[groups[k - 1][1] + 1:o].strip().upper() == "UNION"
        if after or before:
            points += binding_points(query, o, names)
        elif _SUBQUERY.match(query, o):
            inner = query.find("{", o + 1)
            if inner != -1 and inner < close:
                projected = frozenset(re.findall(r"[?$](\w+)", query[o:inner]))
                points += binding_points(query, inner, projected if names is None else names & projected)
    return points


def with_values(query: str, substitutions: dict[ox.Variable, Term] | None,
                among: dict[ox.Variable, Sequence[Term]] | None = None) -> str:
    """The query with its parameters as a VALUES block heading the WHERE group, each UNION branch and
    each subquery in it; and, for each variable of `among`, a block of the values it may take (one row
    each), placed the same way.

    Repeating the block changes no answer (joining one row twice is joining it once, a join
    distributes over a union, and a subquery that projects a parameter is joined on it anyway)
    but lets an engine that evaluates a union or a subquery before joining it use the
    parameters inside, as substitution does on the embedded store.
    """
    if not substitutions and not among:
        return query
    substitutions, among = substitutions or {}, among or {}

    def block(allowed: frozenset[str] | None) -> str:
        chosen = {v: t for v, t in substitutions.items() if allowed is None or v.value in allowed}
        rows = {v: ts for v, ts in among.items() if allowed is None or v.value in allowed}
        out = ""
        if chosen:
            names = " ".join(str(v) for v in chosen)
            terms = " ".join(str(t) for t in chosen.values())  # pyoxigraph serialises each term in N-Triples syntax
            out += f"\n  VALUES ({names}) {{ ({terms}) }}\n"
        for v, ts in rows.items():
            out += f"\n  VALUES {v} {{ {' '.join(str(t) for t in ts)} }}\n"
        return out

    for at, allowed in sorted(binding_points(query, where_brace(query)), key=lambda p: -p[0]):
        query = query[:at + 1] + block(allowed) + query[at + 1:]
    return query


def with_prefixes(query: str) -> str:
    """cwkg's prefixes declared before the query's own (a query's own declaration wins)."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + query


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword among the query's tokens, read as the engine reads
    them (so a comment, string or IRI holding the word is not taken for it)."""
    from .sparqltokens import read  # its patterns take 30 ms to compile: only for the queries it reads

    for token in read(query).tokens:
        if token.kind == "name" and ":" not in token.text:
            word = token.text.upper()
            for form in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                if word.startswith(form):  # the engine's keywords need no space after them: SELECT*, ASK{
                    return form
    return "SELECT"
