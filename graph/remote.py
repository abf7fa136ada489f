"""Queries against a remote SPARQL endpoint, answered in the embedded store's own terms.

`RemoteStore.query` takes what `GraphStore.query` takes (a query and substitutions) and
returns solutions that read the same (`.variables`, `row["name"]` as pyoxigraph terms), so the
canned queries and label resolution run unchanged. Parameters are never pasted into the
text: they become a VALUES block of properly serialised RDF terms at the head of the
query's WHERE group. The endpoint must answer over the union of its named graphs, as cwkg's
own store does (Oxigraph: `--union-default-graph`; Fuseki: `tdb2:unionDefaultGraph true`;
GraphDB and Virtuoso do so by default).
"""

from __future__ import annotations

import json
import re
import socket
import time
import urllib.error
from collections.abc import Iterator

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, EndPointNotFound, QueryBadFormed, Unauthorized

from .endpoint import RETRIED, USER_AGENT, Credentials, RemoteError, describe_status, retry_after
from .namespaces import PREFIXES

Term = ox.NamedNode | ox.Literal | ox.BlankNode


class Row(dict):
    """One solution: a variable's value by name, None when unbound."""

    def __missing__(self, key: str) -> None:
        return None


class RemoteSolutions:
    def __init__(self, variables: list[str], rows: list[Row]) -> None:
        self.variables = [ox.Variable(v) for v in variables]
        self._rows = rows

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)


class RemoteBoolean:
    def __init__(self, value: bool) -> None:
        self.value = value

    def __bool__(self) -> bool:
        return self.value


def _term(binding: dict) -> Term:
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in binding:
        return ox.Literal(value, language=binding["xml:lang"])
    if "datatype" in binding:
        return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
    return ox.Literal(value)


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
    raise RemoteError("the query has no WHERE group to bind its parameters in")


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


def with_values(query: str, substitutions: dict[ox.Variable, Term] | None) -> str:
    """The query with its parameters as a VALUES block heading the WHERE group, each UNION branch and
    each subquery in it.

    Repeating the block changes no answer (joining one row twice is joining it once, a join
    distributes over a union, and a subquery that projects a parameter is joined on it anyway)
    but lets an engine that evaluates a union or a subquery before joining it use the
    parameters inside, as substitution does on the embedded store.
    """
    if not substitutions:
        return query
    def block(allowed: frozenset[str] | None) -> str:
        chosen = {v: t for v, t in substitutions.items() if allowed is None or v.value in allowed}
        if not chosen:
            return ""
        names = " ".join(str(v) for v in chosen)
        terms = " ".join(str(t) for t in chosen.values())  # pyoxigraph serialises each term in N-Triples syntax
        return f"\n  VALUES ({names}) {{ ({terms}) }}\n"

    for at, allowed in sorted(binding_points(query, where_brace(query)), key=lambda p: -p[0]):
        query = query[:at + 1] + block(allowed) + query[at + 1:]
    return query


def with_prefixes(query: str) -> str:
    """cwkg's prefixes declared before the query's own (a query's own declaration wins)."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items()) + query


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint, read through SPARQLWrapper."""

    def __init__(self, url: str, credentials: Credentials | None = None, timeout: float = 60.0, retries: int = 4,
                 sleep=time.sleep) -> None:
        self.url = url
        self.credentials = credentials or Credentials()
        self.timeout = timeout
        self.retries = retries
        self.sleep = sleep

    def _wrapper(self, text: str, fmt: str) -> SPARQLWrapper:
        sparql = SPARQLWrapper(self.url, agent=USER_AGENT)
        sparql.setMethod(POST)
        sparql.setTimeout(int(self.timeout))
        sparql.setReturnFormat(fmt)
        if self.credentials.token:
            sparql.addCustomHttpHeader("Authorization", f"Bearer {self.credentials.token}")
        elif self.credentials.user:
            sparql.setCredentials(self.credentials.user, self.credentials.password or "")
        sparql.setQuery(text)
        return sparql

    def _send(self, text: str, fmt: str) -> bytes:
        for attempt in range(self.retries + 1):
            try:
                return self._wrapper(text, fmt).query().response.read()
            except urllib.error.HTTPError as exc:
                if exc.code in RETRIED and attempt < self.retries:
                    self.sleep(retry_after(exc.headers.get("Retry-After"), attempt))
                    continue
                raise RemoteError(describe_status(exc.code, exc.reason), self.url) from None
            except EndPointInternalError as exc:
                if attempt < self.retries:
                    self.sleep(retry_after(None, attempt))
                    continue
                raise RemoteError(describe_status(500, "Internal Server Error", _detail(exc)), self.url) from None
            except QueryBadFormed as exc:
                raise RemoteError(f"the endpoint refused the query as malformed: {_detail(exc)}", self.url) from None
            except Unauthorized:
                raise RemoteError(describe_status(401, "Unauthorized"), self.url) from None
            except EndPointNotFound:
                raise RemoteError(describe_status(404, "Not Found"), self.url) from None
            except (TimeoutError, socket.timeout):
                if attempt < self.retries:
                    self.sleep(retry_after(None, attempt))
                    continue
                raise RemoteError(f"no answer within {self.timeout:g} s", self.url) from None
            except urllib.error.URLError as exc:
                if isinstance(exc.reason, (TimeoutError, socket.timeout)) and attempt < self.retries:
                    self.sleep(retry_after(None, attempt))
                    continue
                raise RemoteError(f"cannot reach the endpoint ({exc.reason})", self.url) from None
            except (ConnectionError, OSError) as exc:
                raise RemoteError(f"the connection failed ({exc})", self.url) from None
        raise RemoteError("gave up after retries", self.url)

    def query(self, sparql: str, substitutions: dict[ox.Variable, Term] | None = None):
        """Solutions, a boolean (ASK) or triples (CONSTRUCT, DESCRIBE), as pyoxigraph gives them."""
        text = with_prefixes(with_values(sparql, substitutions))
        form = query_form(sparql)
        if form in ("CONSTRUCT", "DESCRIBE"):
            data = self._send(text, TURTLE)
            return iter([ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.TURTLE)])
        try:
            answer = json.loads(self._send(text, JSON))
        except json.JSONDecodeError:
            raise RemoteError("the endpoint's answer is not SPARQL JSON results", self.url) from None
        if "boolean" in answer:
            return RemoteBoolean(bool(answer["boolean"]))
        variables = answer.get("head", {}).get("vars", [])
        rows = [Row({k: _term(v) for k, v in b.items()}) for b in answer.get("results", {}).get("bindings", [])]
        return RemoteSolutions(variables, rows)


def query_form(query: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first of these keywords outside comments, strings and IRIs."""
    i = 0
    while i < len(query):
        c = query[i]
        if c in "#<'\"":
            i = _skip(query, i)
            continue
        if c.isalpha():
            j = i
            while j < len(query) and (query[j].isalnum() or query[j] == "_"):
                j += 1
            word = query[i:j].upper()
            if word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
                return word
            i = j
            continue
        i += 1
    return "SELECT"


def _detail(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[-1][:200] if text else ""
