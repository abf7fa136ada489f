"""Queries against a remote SPARQL endpoint, answered in the embedded store's own terms.

`RemoteStore.query` takes what `GraphStore.query` takes (a query and substitutions) and
returns solutions that read the same (`.variables`, `row["name"]` as pyoxigraph terms), so the
canned queries and label resolution run unchanged. Parameters are never pasted into the
text: they become a VALUES block of properly serialised RDF terms at the start of the
query's WHERE group. The endpoint must answer over the union of its named graphs, as cwkg's
own store does (Oxigraph: `--union-default-graph`; Fuseki: `tdb2:unionDefaultGraph true`;
GraphDB and Virtuoso do so by default).
"""

from __future__ import annotations

import http.client
import socket
import time
import urllib.error
from collections.abc import Iterator

import pyoxigraph as ox
from SPARQLWrapper import JSON, POST, TURTLE, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, EndPointNotFound, QueryBadFormed, Unauthorized

from .answers import DEFAULT_MAX_ANSWER_MB, RemoteError, quiet, read_capped, sparql_json, term
from .endpoint import RETRIED, USER_AGENT, Credentials, describe_status, retry_after
from .sparqltext import Term, query_form, with_prefixes, with_values


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


class RemoteStore:
    """A SPARQL 1.1 Protocol endpoint, read through SPARQLWrapper: a `storeapi.QueryStore`."""

    def __init__(self, url: str, credentials: Credentials | None = None, timeout: float = 60.0, retries: int = 4,
                 sleep=time.sleep, max_answer_mb: float = DEFAULT_MAX_ANSWER_MB) -> None:
        self.url = url
        self.credentials = credentials or Credentials()
        self.timeout = timeout
        self.retries = retries
        self.sleep = sleep
        self.max_answer_mb = max_answer_mb

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
                with quiet():
                    response = self._wrapper(text, fmt).query().response
                try:
                    return read_capped(response, self.max_answer_mb, self.url)
                finally:
                    response.close()
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
            except http.client.HTTPException as exc:  # a cut or garbled answer (IncompleteRead, a bad status line)
                raise RemoteError(f"the endpoint's answer broke off or is not HTTP ({type(exc).__name__})", self.url) from None
        raise RemoteError("gave up after retries", self.url)

    def query(self, sparql: str, substitutions: dict[ox.Variable, Term] | None = None):
        """Solutions, a boolean (ASK) or triples (CONSTRUCT, DESCRIBE), as pyoxigraph gives them."""
        text = with_prefixes(with_values(sparql, substitutions))
        form = query_form(sparql)
        if form in ("CONSTRUCT", "DESCRIBE"):
            data = self._send(text, TURTLE)
            try:
                return iter([ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.TURTLE)])
            except SyntaxError as exc:
                raise RemoteError(f"the endpoint's answer is not Turtle ({str(exc).splitlines()[0][:200]})", self.url) from None
        answer = sparql_json(self._send(text, JSON), self.url)
        if "boolean" in answer:
            return RemoteBoolean(bool(answer["boolean"]))
        head = answer.get("head")
        variables = head.get("vars", []) if isinstance(head, dict) else []  # as before: a missing head names none
        if not isinstance(variables, list) or not all(isinstance(v, str) for v in variables):
            raise RemoteError("the endpoint's answer is not SPARQL JSON results (head.vars is no list of names)", self.url)
        try:
            return RemoteSolutions(variables, [Row({k: term(v) for k, v in b.items()}) for b in answer["results"]["bindings"]])
        except ValueError as exc:  # a variable name that is no SPARQL variable
            raise RemoteError(f"the endpoint's answer is malformed ({exc})", self.url) from None


    def graphs(self) -> list[ox.NamedNode]:
        """The endpoint's named graphs, sorted by IRI."""
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")
        return sorted((r["g"] for r in rows if isinstance(r["g"], ox.NamedNode)), key=lambda g: g.value)

    def count(self, graph: ox.NamedNode | ox.DefaultGraph | None = None) -> int:
        """Triples in one named graph, in the default graph (as the endpoint makes it: often the union), or in all
        the named graphs together (None), counted by the endpoint."""
        if isinstance(graph, ox.DefaultGraph):
            pattern = "?s ?p ?o"
        else:
            pattern = f"GRAPH {graph if graph is not None else '?g'} {{ ?s ?p ?o }}"
        row = next(iter(self.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")), None)
        return int(row["n"].value) if row is not None and row["n"] is not None else 0

    def close(self) -> None:
        """Nothing is held between queries: each is one HTTP request."""

    def __enter__(self) -> "RemoteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _detail(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[-1][:200] if text else ""


UNION_HINT = ("note: {url}: its default graph holds none of cwkg's graphs, which are named graphs there; cwkg's queries "
              "read the default graph, so serve it as the union of the named graphs (oxigraph serve "
              "--union-default-graph, Fuseki tdb2:unionDefaultGraph, GraphDB/Virtuoso: their union default graph setting)")


def union_hint(store: RemoteStore) -> str | None:
    """The hint for an empty answer from an endpoint whose default graph lacks cwkg's graphs although its named
    graphs hold them: its queries then find nothing, silently. Asked only after an empty answer (two small ASKs)."""
    from cwkg.ontology.vocab import OWL

    try:
        in_default = bool(store.query(f"ASK {{ ?o a {OWL.Ontology} }}"))
        in_named = bool(store.query(f"ASK {{ GRAPH ?g {{ ?s ?p ?o }} }}"))
    except Exception:  # noqa: BLE001 - a hint is never worth a failure of its own
        return None
    return None if in_default or not in_named else UNION_HINT.format(url=store.url)
