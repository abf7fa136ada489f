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


def check_query(text: str, allow_service: bool = False) -> None:
    """Refuse, with one line, a query that calls another server (unless allowed) or nests too deep."""
    reading = read(text)
    if not allow_service:
        for token in reading.tokens:
            if token.kind == "name" and "service" in token.text.lower():
                if token.text.upper() == "SERVICE":
                    raise QueryError(SERVICE_REFUSED)
                raise QueryError(f"{SERVICE_REFUSED} (a name holding the word, here {token.text}, counts: the engine "
                                 "may read the keyword in it; write the name as a full <IRI>)")
    if reading.depth > MAX_DEPTH:
        raise QueryError(f"the query is nested {reading.depth} levels deep; cwkg reads at most {MAX_DEPTH}")
