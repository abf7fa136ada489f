"""A canned query's final ORDER BY is applied by the runner (queries/ordering.py), in the engine's order."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from cwkg.graph.sparqltext import with_values
from cwkg.queries.catalog import load_catalog
from cwkg.queries.ordering import ordered, split_order
from cwkg.queries.resolve import Resolver
from cwkg.queries.runner import bind, run

XSD = "http://www.w3.org/2001/XMLSchema#"


def test_the_final_order_by_is_taken_off_with_its_keys():
    assert split_order("SELECT ?a ?b WHERE { ?a ?p ?b }\nORDER BY DESC(?a)  ?b\n") == \
        ("SELECT ?a ?b WHERE { ?a ?p ?b }\n", [("a", True), ("b", False)])


def test_an_order_by_an_expression_is_left_to_the_engine():
    assert split_order("SELECT ?a WHERE { ?a ?p ?b } ORDER BY STR(?a)") is None


def test_an_order_by_followed_by_a_limit_is_left_to_the_engine():
    assert split_order("SELECT ?a WHERE { ?a ?p ?b } ORDER BY ?a LIMIT 10") is None


def test_rows_follow_sparqls_order_of_terms_unbound_blank_iri_then_literals_numbers_by_value():
    terms = [ox.Literal("10", datatype=ox.NamedNode(XSD + "integer")), ox.Literal("b"), None,
             ox.NamedNode("http://example.org/a"), ox.Literal("2", datatype=ox.NamedNode(XSD + "integer")), ox.BlankNode("x")]
    rows = ordered([{"k": t} for t in terms], [("k", False)])
    assert [r["k"] for r in rows] == [None, ox.BlankNode("x"), ox.NamedNode("http://example.org/a"),
                                      ox.Literal("2", datatype=ox.NamedNode(XSD + "integer")),
                                      ox.Literal("10", datatype=ox.NamedNode(XSD + "integer")), ox.Literal("b")]


def test_a_descending_key_keeps_rows_equal_on_it_in_the_order_of_the_next_key():
    rows = [{"a": ox.Literal("1"), "b": ox.Literal("y")}, {"a": ox.Literal("2"), "b": ox.Literal("x")},
            {"a": ox.Literal("1"), "b": ox.Literal("x")}]
    assert [(r["a"].value, r["b"].value) for r in ordered(rows, [("a", True), ("b", False)])] == \
        [("2", "x"), ("1", "x"), ("1", "y")]


CASES = [("documents", {}), ("meetings", {}), ("people", {}), ("positions-on", {"topic": "Albania"}),
         ("positions-of", {"actor": "North Korea"}), ("ambassadors-discussing", {"topic": "Albania"}),
         ("disagreements", {}), ("reported-speech", {}), ("unlinked", {})]


@pytest.mark.parametrize(("name", "params"), CASES)
def test_a_canned_query_gives_the_rows_in_the_order_the_engine_gives_them(loaded_store, name, params):
    query = load_catalog()[name]
    subs, _ = bind(query, dict(params), Resolver(loaded_store))
    mine = run(loaded_store, query, dict(params))
    engine = [[s[c] for c in mine.columns] for s in loaded_store.query(with_values(query.sparql, subs))]
    assert [[row[c] for c in mine.columns] for row in mine.rows] == engine and len(engine) > 0
