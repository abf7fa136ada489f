"""The SERVICE check and the engine read the same query: thousands of generated queries, built from the terminals
where a line scanner and the SPARQL grammar part ways (prefixed names with `\\`-escapes and `%XX`, the four kinds
of string with their escapes, IRIs holding `#` or `'`, `<` as less-than, comments, language tags, datatypes,
collections and paths) and then mutated by inserting stray characters, are run both through `check_query` and
through pyoxigraph itself against a socket on 127.0.0.1. The engine is the judge: no query the check lets through
may make it open a connection."""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest

from cwkg.errors import QueryError
from cwkg.queries.guard import check_query
from test_sparql_guard import Listener

NAMES = [r"ex:a\#b", r"ex:a\.", "ex:a.b", "ex:a..b", "ex:a.", "ex:%23", "ex:a%2", r"ex:\'", r"ex:a\\", "ex:", ":", ":a",
         r":\#", r"ex:a\'b", "ex:a:b", "ex:1", "ex:-", "ex:a\u00b7", r"_:b\#", "_:b.", "_:b1", r"ex:a\~", r"ex:a\@b", "ex:a\u00e9"]
STRINGS = [r"'a\'#'", r'"a\"#"', "'''a'#'''", '"""a"#"""', "'''a''#'''", '"""\n#\n"""', r"'\\'", r'"\\"', "'#'", '"#"',
           r"'\u0027'", "''", '""', "''''''"]
IRIS = ["<http://a/#b>", r"<http://a/\u0023>", "<http://a/'>", "<a#'b>", "<#>", "<>", "<http://a/(>", "<'>"]
TERMS = NAMES + IRIS + ["?x", "?y", "$z", "1", "1.", ".5", "1e5", "-1"] + [
    s + t for s in STRINGS for t in ("", "@en", "@en-US", "^^ex:t", "^^<http://t/>", r"^^ex:a\#b")]
OPERATORS = ["<", "<=", ">", ">=", "=", "!=", "&&", "||", "+", "-", "*", "/"]
GAPS = [" ", "", "\n", "\t", "# c\n", "#\r", " #x\n"]
STRAYS = ["\\", "#", "'", '"', "<", ">", ".", ":", "\\#", "ex:", "'''", '"""', "\n", "\r", " ", "(", ")", "{", "}", "[",
          "]", "@en", "^^", "?", "!", "<<", ">>", "%23", "_:", "a", "1", "\\'", '\\"', "\\u0023", ",", ";", "|", "/",
          "^", "&&", "\t", "\x0c", "\u2028", "\u00a0", "\ufeff", "ex:a\\", "<#", "#>"]


def expression(r: random.Random, depth: int = 0) -> str:
    kind = r.randrange(5 if depth < 2 else 2)
    if kind == 0:
        return r.choice(TERMS)
    if kind == 1:
        return r.choice(TERMS) + r.choice(GAPS) + r.choice(OPERATORS) + r.choice(GAPS) + r.choice(TERMS)
    if kind == 2:
        return "(" + expression(r, depth + 1) + ")"
    if kind == 3:
        return "!" + expression(r, depth + 1)
    return r.choice(["STR", "REGEX", "CONCAT", "CONTAINS"]) + "(" + expression(r, depth + 1) + "," + expression(r, depth + 1) + ")"


def pattern(r: random.Random) -> str:
    gap, term = (lambda: r.choice(GAPS)), (lambda: r.choice(TERMS))
    return r.choice([
        lambda: f"FILTER({expression(r)}){gap()}",
        lambda: f"BIND({expression(r)} AS ?b{r.randrange(99)}){gap()}",
        lambda: f"FILTER {r.choice(['STR', 'BOUND'])}({expression(r)}){gap()}",
        lambda: f"OPTIONAL {{ {term()}{gap()} {term()} {term()}{gap()} . }}",
        lambda: f"OPTIONAL {{ VALUES ?v {{ {term()}{gap()} {term()} }} }}",
        lambda: f"OPTIONAL {{ ?s ({r.choice(NAMES + IRIS)}|^{r.choice(NAMES + IRIS)})* {term()}{gap()} . }}",
        lambda: f"OPTIONAL {{ ?s ?p ({term()}{gap()}{term()} ) . }}",
    ])()


def query(r: random.Random, service: str) -> str:
    """A query calling `service`, amid patterns that leave the engine a solution to send there; then mutated."""
    parts = [pattern(r) for _ in range(r.randrange(1, 4))]
    parts.insert(r.randrange(len(parts) + 1), service)
    head = r.choice(["SELECT * ", f"SELECT ({expression(r)} AS ?q) ", "ASK "])
    text = f"PREFIX ex: <http://e/> {head}WHERE {{ {' '.join(parts)} }}" + r.choice(["", f" ORDER BY {expression(r)}", " LIMIT 1"])
    for _ in range(r.randrange(0, 4)):
        at = r.randrange(len(text) + 1)
        text = text[:at] + r.choice(STRAYS) + text[at:]
    return text


def engine_calls(text: str, listener: Listener) -> bool:
    before = listener.connections
    try:
        answer = ox.Store().query(text)
        if not isinstance(answer, ox.QueryBoolean):
            list(answer)
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass
    return listener.connections > before


def passes(text: str) -> bool:
    try:
        check_query(text)
    except QueryError:
        return False
    return True


@pytest.mark.parametrize("seed", range(4))
def test_no_query_the_check_lets_through_makes_the_engine_call_another_server(seed):
    listener = Listener()
    try:
        service = f"SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }}"
        r, called, through = random.Random(seed), 0, []
        for _ in range(3000):
            text = query(r, service)
            if engine_calls(text, listener):
                called += 1
                if passes(text):
                    through.append(text)
        assert through == []
        assert called > 100  # the judge is awake: the engine did run hundreds of these SERVICE clauses
    finally:
        listener.close()
