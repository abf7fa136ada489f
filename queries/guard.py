"""What a user's SPARQL may not do before it reaches the engine: call other servers, or nest without end.

`SERVICE` makes the engine send the query to another server: cwkg does so only when asked
(`--allow-service`). Nesting thousands of groups deep (or thousands of `!`) crashes the engine's parser, so
brackets and negations are limited to MAX_DEPTH levels. Both are read from the query's tokens as the engine
reads them (`graph.sparqltokens`), never from its lines, so a comment, string or IRI hides nothing from the
check that the engine would run. The engine's keywords need no space after them (`SERVICE:x`, `ex:1SERVICE:x`
when `ex:1SERVICE` is no valid IRI), so any name holding the word SERVICE counts.
"""

from __future__ import annotations

from cwkg.errors import QueryError
from cwkg.graph.sparqltokens import read

MAX_DEPTH = 64
SERVICE_REFUSED = ("the query has a SERVICE clause, which would send it to another server; "
                   "cwkg does that only with --allow-service")


UPDATES = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
UPDATE_REFUSED = ("updates are refused: `cwkg sparql` runs read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE); "
                  "`cwkg ingest` changes the store")


def first_keyword(tokens) -> str:  # noqa: ANN001 - sparqltokens' tokens
    """The first keyword after the prologue (PREFIX and BASE declarations): the query's form, or an update's verb."""
    skip = 0
    for token in tokens:
        if skip:
            skip -= 1
        elif token.kind == "name" and token.text.upper() in ("PREFIX", "BASE"):
            skip = 2 if token.text.upper() == "PREFIX" else 1
        elif token.kind == "name":
            return token.text.upper()
        else:
            return ""
    return ""


def looks_like_path(text: str) -> bool:
    """Whether a `cwkg sparql` argument that names no file was meant as one: one word with a path's marks or a query
    file's extension, and no SPARQL in it; said as a missing file rather than as a syntax error."""
    word = text.strip()
    if not word or any(c.isspace() for c in word) or any(c in word for c in "{}?$"):
        return False
    return "/" in word or word.lower().endswith((".rq", ".sparql", ".txt", ".ru"))


def check_query(text: str, allow_service: bool = False) -> None:
    """Refuse, with one line, an update, a query that calls another server (unless allowed) or nests too deep."""
    reading = read(text)
    if first_keyword(reading.tokens) in UPDATES:
        raise QueryError(UPDATE_REFUSED)
    if not allow_service:
        for token in reading.tokens:
            if token.kind == "name" and "service" in token.text.lower():
                if token.text.upper() == "SERVICE":
                    raise QueryError(SERVICE_REFUSED)
                raise QueryError(f"{SERVICE_REFUSED} (a name holding the word, here {token.text}, counts: the engine "
                                 "may read the keyword in it; write the name as a full <IRI>)")
    if reading.depth > MAX_DEPTH:
        raise QueryError(f"the query is nested {reading.depth} levels deep; cwkg reads at most {MAX_DEPTH}")
