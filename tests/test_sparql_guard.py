"""The checks guarding a user's SPARQL (no SERVICE unless allowed, no nesting past MAX_DEPTH) read the query as the
engine reads it: a name with an escaped `#`, a `<` that is less-than, a keyword glued to a name hide nothing from
them. The command-line cases run `cwkg sparql` against a real listening socket on 127.0.0.1 and count the
connections the engine opens."""

from __future__ import annotations

import socket
import threading

import pytest

from cwkg.errors import QueryError
from cwkg.graph.sparqltext import query_form
from cwkg.graph.store import GraphStore
from cwkg.queries.guard import MAX_DEPTH, SERVICE_REFUSED, check_query
from test_bad_input import cwkg, one_line_error

PREFIX = "PREFIX ex: <http://example.org/> "


class Listener:
    """A TCP socket on 127.0.0.1 that accepts and closes every connection, counting them."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()

    def close(self) -> None:
        self.socket.close()


@pytest.fixture
def listener():
    server = Listener()
    yield server
    server.close()


def service_after_escaped_hash(port: int) -> str:
    return PREFIX + f"SELECT * WHERE {{ VALUES ?x {{ ex:a\\#b }} SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


def test_service_after_an_escaped_hash_in_a_name_is_refused_like_a_plain_service_clause(tmp_path, listener):
    plain = cwkg("sparql", f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}",
                 store=tmp_path / "store")
    tricked = cwkg("sparql", service_after_escaped_hash(listener.port), store=tmp_path / "store")
    assert one_line_error(tricked, 1) == one_line_error(plain, 1) == f"error: {SERVICE_REFUSED}"
    assert listener.connections == 0


def test_the_engine_does_run_that_service_clause_when_it_is_allowed(tmp_path, listener):
    GraphStore(tmp_path / "store").close()  # an empty store: a reading command refuses a folder that holds none
    result = cwkg("sparql", "--allow-service", "--timeout", "20", service_after_escaped_hash(listener.port),
                  store=tmp_path / "store")
    assert (result.returncode, listener.connections > 0) == (1, True), result.stderr  # the check and the engine agree


def test_nesting_after_an_escaped_hash_in_a_name_is_refused(tmp_path):
    query = PREFIX + "SELECT * WHERE { ?s ?p ex:a\\#b . " + "{ " * 3000 + "?s ?p ?o" + " }" * 3000 + " }"
    result = cwkg("sparql", query, store=tmp_path / "store")
    assert one_line_error(result, 1) == f"error: the query is nested 3001 levels deep; cwkg reads at most {MAX_DEPTH}"


def test_a_less_than_that_looks_like_an_iri_hides_no_service_clause():
    query = ("SELECT * WHERE { BIND(1 AS ?x) BIND(2 AS ?y) FILTER(?x<?y&&'a>b') "
             "SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } FILTER('x') }")
    with pytest.raises(QueryError, match=f"^{SERVICE_REFUSED}$"):
        check_query(query)


@pytest.mark.parametrize("name", ["SERVICE:x", "SERVICEex:a", "ex:1SERVICE:x", "trueSERVICE:x"])
def test_a_name_the_engine_may_split_into_service_and_an_iri_is_refused(name):
    with pytest.raises(QueryError, match=f"^{SERVICE_REFUSED} \\(a name holding the word, here {name}, counts"):
        check_query(PREFIX + f"SELECT * WHERE {{ ?s ex:p ?o . {name}{{ ?s ?p ?o }} }}")


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p ?o } # a SERVICE in a comment",
    "SELECT * WHERE { ?s ?p 'SERVICE <http://127.0.0.1:9/> { }' }",
    "SELECT * WHERE { ?s <http://example.org/SERVICE#x> ?service }",
    "SELECT * WHERE { ?s a <http://www.w3.org/2002/07/owl#Thing> FILTER(?s != <http://example.org/a#b>) } # {{{{",
])
def test_service_in_a_comment_string_iri_or_variable_is_no_service_clause(query):
    assert check_query(query) is None


def test_thousands_of_negations_are_refused_as_nesting():  # 5000 negations in a group and a bracket
    with pytest.raises(QueryError, match="^the query is nested 5002 levels deep"):
        check_query("SELECT * WHERE { BIND(true AS ?x) FILTER(" + "!" * 5000 + "?x) }")


def test_a_string_left_open_is_one_syntax_error():
    with pytest.raises(QueryError, match="^SPARQL syntax error: a string at line 2 is not closed$"):
        check_query("SELECT * WHERE {\n ?s ?p 'open }")


def test_the_query_form_is_read_past_a_name_with_an_escaped_hash():
    assert query_form(PREFIX + "ASK { ?s ?p ex:a\\#b } # SELECT") == "ASK"
