"""Posts from lists of persons and the names of divided countries, on entries written for the test."""

from __future__ import annotations

import pytest

from cwkg.extract.mentions import Gazetteer
from cwkg.extract.titles import office_title, offices
from cwkg.extract.volume import volume_people
from cwkg.loaders.source import VolumePerson

ST = "https://w3id.org/cwkg/id/state/"
US = ST + "united-states"
USSR = ST + "soviet-union"


def entry_posts(authority, description: str, perspective: str | None = US, year: int = 1964):
    person = VolumePerson("p_X1", "Anton Weber", "Weber, Anton", description)
    _, posts = volume_people("test-volume", (person,), authority, Gazetteer(authority), perspective, year)
    short = lambda iri: iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if iri else None
    return sorted((p.title or short(p.role), short(p.of), short(p.to), short(p.city)) for p in posts)


def test_two_offices_joined_by_and_are_two():
    assert offices("Chairman of the Council of State and First Secretary of the Party") == [
        "Chairman of the Council of State", "First Secretary of the Party"]


def test_an_and_inside_one_office_title_does_not_split_it():
    assert offices("Secretary of Health, Education, and Welfare") == ["Secretary of Health, Education, and Welfare"]


def test_a_title_without_an_office_word_is_no_office():
    assert (office_title("Embassy of the Federal Republic of Germany"), office_title("Press Office, Bonn")) == (None, None)


def test_a_nationality_before_an_ambassadors_title_is_the_state_served_and_the_capital_follows_the_state_accredited_to(authority):
    assert entry_posts(authority, "German Ambassador to the United States") == [
        ("German Ambassador to the United States", "west-germany", "united-states", "washington")]


def test_a_state_after_for_is_the_subject_of_an_office_not_the_state_it_serves(authority):
    assert entry_posts(authority, "Country Director for the Soviet Union and Acting Assistant Secretary of State") == [
        ("Acting Assistant Secretary of State", "united-states", None, None),
        ("Country Director for the Soviet Union", "united-states", None, None)]


def test_an_office_of_a_party_is_of_the_party_and_the_entrys_other_office_serves_the_state_the_party_rules(authority):
    assert entry_posts(authority, "Chairman of the Council of State and First Secretary of the East German Communist Party") == [
        ("Chairman of the Council of State", "east-germany", None, None),
        ("First Secretary of the East German Communist Party", "sed", None, None)]  # the party leader's role, as written


def test_a_leading_nationality_serves_an_office_the_role_scheme_does_not_list(authority):
    assert entry_posts(authority, "German Minister for Transportation") == [("Minister for Transportation", "west-germany", None, None)]


@pytest.mark.parametrize(("side", "expected"), [(US, "south-korea"), (USSR, "north-korea")])
def test_a_divided_countrys_bare_name_is_the_half_on_the_writers_side(authority, side, expected):
    (mention,) = Gazetteer(authority).find("The talks turned to Korea.", 1964, side=side)
    assert mention.entity == ST + expected


def test_the_text_itself_outweighs_the_writers_side(authority):
    found = Gazetteer(authority).find("North Korea was discussed. Korea would not agree.", 1964, side=US)
    assert [m.entity for m in found] == [ST + "north-korea", ST + "north-korea"]


def test_another_country_as_a_kind_of_situation_is_no_mention_of_it(authority):
    assert Gazetteer(authority).find("There must not be another Korea.", 1964, side=US) == []


def test_a_title_before_a_known_persons_name_gives_the_post_the_authority_records_for_that_year(authority):
    from cwkg.extract.posts import titled_posts

    body = "On the same day President Kennedy wrote to Premier Khrushchev."
    mentions = Gazetteer(authority).find(body, 1962)
    found = sorted((p.holder.rsplit("/", 1)[-1], p.role.rsplit("#", 1)[-1], p.of.rsplit("/", 1)[-1], p.span.text)
                   for p in titled_posts(body, authority, mentions, 1962))
    assert found == [("john-f-kennedy", "HeadOfStateRole", "united-states", "President Kennedy"),
                     ("nikita-khrushchev", "HeadOfGovernmentRole", "soviet-union", "Premier Khrushchev")]


def text_posts(authority, text: str, year: int = 1965):
    from cwkg.records.facts import Mention, Span
    from cwkg.extract.posts import find_posts
    gazetteer = Gazetteer(authority)
    holder = Mention("x", "person", Span(0, len("Anton Weber"), "Anton Weber"), "name", 1, "test")
    found, _ = find_posts(text, authority, sorted([holder, *gazetteer.find(text, year)], key=lambda m: m.span.start), [], year, "t")
    short = lambda iri: iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if iri else None
    return [(short(p.role), short(p.of)) for p in found if p.holder == "x"]


@pytest.mark.parametrize("wording", ["Chairman of the Council of Ministers", "President of the Council of Ministers", "Premier"])
def test_one_head_of_government_in_every_wording(authority, wording):
    assert text_posts(authority, f"Anton Weber, {wording} of Poland, said") == [("HeadOfGovernmentRole", "poland")]


@pytest.mark.parametrize("wording", ["Deputy Minister of Foreign Affairs", "Vice Minister of Foreign Affairs", "Deputy Foreign Minister"])
def test_one_deputy_foreign_minister_in_every_wording(authority, wording):
    assert text_posts(authority, f"Anton Weber, {wording} of Poland, said") == [("DeputyForeignMinisterRole", "poland")]


def test_a_first_deputy_premier_is_not_a_deputy_premier(authority):
    assert text_posts(authority, "Anton Weber, First Deputy Chairman of the Council of Ministers of Poland, said") == [
        ("FirstDeputyHeadOfGovernmentRole", "poland")]


def test_the_chairman_of_the_council_of_state_is_a_head_of_state(authority):
    assert text_posts(authority, "Anton Weber, Chairman of the Council of State of Poland, said") == [("HeadOfStateRole", "poland")]


def test_a_bare_chairman_is_not_looked_up_through_another_states_wording_of_head_of_state(authority):
    assert authority.office_holder("Chairman", US, 1968) is None
