"""What a user's SPARQL may not do before it reaches the engine: call other servers, or nest without end.

`SERVICE` makes the engine send the query to another server: cwkg does so only when asked
(`--allow-service`). Nesting thousands of groups deep can crash the engine, so groups,
brackets and parentheses are limited to MAX_DEPTH levels. Comments, strings and IRIs are
set aside first, so words and brackets inside them count for nothing.
"""

from __future__ import annotations

import re

from cwkg.errors import QueryError

MAX_DEPTH = 64
_SKIPPED = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\'|"(?:[^"\\\n]|\\.)*"|'
                      r"'(?:[^'\\\n]|\\.)*'|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def check_query(text: str, allow_service: bool = False) -> None:
    """Refuse, with one line, a query that calls another server (unless allowed) or nests too deep."""
    code = _SKIPPED.sub(" ", text)
    if not allow_service and _SERVICE.search(code):
        raise QueryError("the query has a SERVICE clause, which would send it to another server; "
                         "cwkg does that only with --allow-service")
    depth = deepest = 0
    for char in code:
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth -= 1
    if deepest > MAX_DEPTH:
        raise QueryError(f"the query is nested {deepest} levels deep; cwkg reads at most {MAX_DEPTH}")
