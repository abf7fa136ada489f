"""A remote store's answer, read so that no endpoint can exhaust the memory or crash cwkg with what it sends.

An endpoint may send an answer without end (a misbehaving or hostile server, a query that matches everything):
it is read in pieces and refused, naming the endpoint, the moment it passes the cap (`--max-answer-mb`), never
read whole first. What it sends as SPARQL JSON results is checked before any of it is used: garbage, a binding
without its value or an IRI that is no IRI is one line naming the endpoint, not a KeyError or a ValueError.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

import pyoxigraph as ox

from cwkg.errors import CwkgError

DEFAULT_MAX_ANSWER_MB = 256  # a SELECT of a whole corpus store is tens of MB; a Wikidata answer a few
_PIECE = 1 << 16


class RemoteError(CwkgError):
    """A remote store that cannot be reached, refuses a request or sends an answer cwkg cannot take."""


class Readable(Protocol):
    def read(self, amount: int = ..., /) -> bytes: ...


@contextmanager
def quiet() -> Iterator[None]:
    """Around SPARQLWrapper: its warnings (a query form it cannot tell, an Accept header it guesses, a content type
    it does not expect) would reach the user as Python's two-line warnings, and cwkg reads and checks the answer
    itself, so they are dropped."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module=r"SPARQLWrapper(\.|$)")
        yield


def read_capped(stream: Readable, max_mb: float, url: str) -> bytes:
    """The whole body of `stream`, read a piece at a time; a RemoteError naming `url` once it passes `max_mb` MB
    (only the cap and one piece are ever held)."""
    limit = int(max_mb * 1024 * 1024)
    pieces, size = [], 0
    while True:
        piece = stream.read(_PIECE)
        if not piece:
            return b"".join(pieces)
        size += len(piece)
        if size > limit:
            raise RemoteError(f"the answer is larger than {max_mb:g} MB (--max-answer-mb); narrow the query, "
                              "or give a larger --max-answer-mb", url)
        pieces.append(piece)


def sparql_json(data: bytes, url: str) -> dict:
    """SPARQL 1.1 JSON results (a boolean, or variables and bindings of well-formed terms), or a RemoteError
    naming `url` that says what is wrong with them."""
    try:
        answer = json.loads(data)
    except (ValueError, RecursionError):  # not JSON, not UTF-8 (UnicodeDecodeError), or nested without end
        raise RemoteError("the endpoint's answer is not SPARQL JSON results", url) from None
    if not isinstance(answer, dict):
        raise RemoteError("the endpoint's answer is not SPARQL JSON results (not a JSON object)", url)
    if "boolean" in answer:
        return answer
    results = answer.get("results")
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        raise RemoteError("the endpoint's answer is not SPARQL JSON results (no results.bindings list)", url)
    for number, binding in enumerate(bindings, start=1):
        if not isinstance(binding, dict):
            raise RemoteError(f"the endpoint's answer is malformed: solution {number} is not a JSON object", url)
        for name, value in binding.items():
            _check(value, f"solution {number}, ?{name}", url)
    return answer


def _check(binding: object, where: str, url: str) -> None:
    if not isinstance(binding, dict) or not isinstance(binding.get("value"), str) or binding.get("type") not in (
            "uri", "literal", "typed-literal", "bnode"):
        raise RemoteError(f"the endpoint's answer is malformed: {where} is not an RDF term (type and value)", url)
    try:
        term(binding)
    except (ValueError, TypeError):
        kind = {"uri": "IRI", "bnode": "blank node"}.get(binding["type"], "literal")
        raise RemoteError(f"the endpoint's answer is malformed: {where} is not a valid {kind} ('{binding['value'][:80]}')",
                          url) from None


def term(binding: dict) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """A checked binding as pyoxigraph's term (ValueError for an IRI, language tag or datatype that is invalid)."""
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
