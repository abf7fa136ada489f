"""A dispute named by its two sides ("the controversy between Moscow and Peking") is the authority's dispute of those
states in the record's years, on sentences written for the test."""

from __future__ import annotations

from cwkg.extract import disputes

SPLIT = "https://w3id.org/cwkg/id/event/sino-soviet-split"


def found(text: str, year: int, authority, gazetteer) -> list[tuple[str, str]]:
    return [(m.entity, m.span.text) for m in disputes.mentions(text, gazetteer.find(text, year), authority, year, lambda offset: 1)]


def test_a_quarrel_between_two_capitals_is_the_dispute_of_their_states(authority, gazetteer):
    assert found("He spoke of the controversy between Moscow and Peking.", 1964, authority, gazetteer) == [(SPLIT, "controversy")]


def test_a_quarrel_between_two_states_named_as_states_is_their_dispute(authority, gazetteer):
    assert found("The rift between the Soviet Union and China had deepened.", 1963, authority, gazetteer) == [(SPLIT, "rift")]


def test_a_quarrel_outside_the_disputes_years_names_nothing(authority, gazetteer):
    assert found("He spoke of the controversy between Moscow and Peking.", 1985, authority, gazetteer) == []


def test_a_quarrel_of_states_no_listed_dispute_joins_names_nothing(authority, gazetteer):
    assert found("He spoke of the dispute between Poland and Hungary.", 1964, authority, gazetteer) == []


def test_two_states_joined_without_a_word_of_conflict_name_no_dispute(authority, gazetteer):
    assert found("He spoke of the trade between Moscow and Peking.", 1964, authority, gazetteer) == []
