"""Extraction of meetings, people, posts and mentions: on the founding memorandum and on
short memoranda of other shapes written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from cwkg.extract.extract import extract
from cwkg.loaders.source import SourceDocument

ID = "https://w3id.org/cwkg/id/"
CW = "https://w3id.org/cwkg/ontology#"


def memo(body: str, title: str = "", on: date = date(1958, 6, 14)) -> SourceDocument:
    return SourceDocument(doc_id="test-" + str(abs(hash(body))), source="test", format="test",
                          title=title or body.split("\n\n")[1 if body[:1].isupper() else 0], body=body, date=on)


def person(facts, ref_or_label):
    for p in facts.persons:
        if p.ref == ref_or_label or p.label == ref_or_label:
            return p
    raise AssertionError(f"no person {ref_or_label}: {[p.label for p in facts.persons]}")


# ---------------------------------------------------------------- founding memorandum


def test_founding_meeting_is_a_four_hour_luncheon_in_moscow_on_30_march(founding_facts):
    (m,) = founding_facts.meetings
    assert (m.kind, m.date, m.place, m.duration) == (ID + "meeting-kind/luncheon", date(1962, 3, 30), ID + "place/moscow", "PT4H")


def test_founding_host_is_the_author_and_both_ambassadors_take_part(founding_facts):
    (m,) = founding_facts.meetings
    author = person(founding_facts, founding_facts.author)
    guest = person(founding_facts, "Ri Song-un")
    assert author.label == "Richard Dvoràk"
    assert m.host == author.ref
    assert m.participants == [author.ref, guest.ref]


def test_every_spelling_of_a_name_is_one_person(founding_facts):
    assert person(founding_facts, "Ri Song-un").aliases == {"Ri Song-un", "Ri Song Un", "Li Songun"}
    assert {"Dvorak", "Dvořàk", "Dvoràk", "Richard Dvořàk", "Richard Dvoràk"} <= person(founding_facts, "Richard Dvoràk").aliases


def test_known_people_resolve_to_the_authority(founding_facts):
    assert person(founding_facts, ID + "person/kim-il-sung").authority_iri == ID + "person/kim-il-sung"


def test_posts_name_role_state_represented_and_accredited(founding_facts):
    posts = {person(founding_facts, p.holder).label: (p.role, p.of, p.to, p.city) for p in founding_facts.posts}
    moscow_ussr = (ID + "state/soviet-union", ID + "place/moscow")
    assert posts["Richard Dvoràk"] == (CW + "AmbassadorRole", ID + "state/czechoslovakia", *moscow_ussr)
    assert posts["Ri Song-un"] == (CW + "AmbassadorRole", ID + "state/north-korea", *moscow_ussr)


def test_a_post_held_by_an_unnamed_person_creates_the_post_and_the_person(founding_facts):
    unnamed = [p for p in founding_facts.persons if p.unnamed]
    assert [p.description for p in unnamed] == ["Romanian ambassador"]
    (post,) = [p for p in founding_facts.posts if p.holder == unnamed[0].ref]
    assert (post.role, post.of) == (CW + "AmbassadorRole", ID + "state/romania")


def test_translator_and_translation_project_come_from_the_citation(founding_facts):
    assert person(founding_facts, founding_facts.translator).label == "Vojtech Mastny"
    assert founding_facts.translated_for == ID + "organization/nkidp"


def test_mentions_carry_exact_spans(founding_facts):
    text = founding_facts.document.text  # the body, then its notes (the page's summary): offsets index it
    assert all(text[m.span.start:m.span.end] == m.span.text for m in founding_facts.mentions)


def test_congress_ordinals_resolve_to_party_congresses(founding_facts):
    events = {m.entity for m in founding_facts.mentions if m.kind == "event"}
    assert {ID + "event/cpsu-congress-20", ID + "event/cpsu-congress-22", ID + "event/wpk-congress-4"} <= events


# ---------------------------------------------------------------- other shapes


def test_conversation_with_post_in_apposition_and_no_first_person():
    facts = extract(memo(
        "Warsaw, 14 June 1958\n\nMemorandum of Conversation\n\n"
        "On 12 June, the American Ambassador to Poland, Jacob Beam, called on Foreign Minister Adam Rapacki "
        "at the Ministry in Warsaw. The conversation lasted two hours.\n\n"
        "Rapacki said that Poland wished to see the plan discussed further."))
    (m,) = facts.meetings
    beam = person(facts, "Jacob Beam")
    assert (m.kind, m.date, m.place, m.duration) == (ID + "meeting-kind/conversation", date(1958, 6, 12), ID + "place/warsaw", "PT2H")
    assert set(m.participants) == {beam.ref, ID + "person/adam-rapacki"}
    assert facts.author is None
    (post,) = [p for p in facts.posts if p.holder == beam.ref]
    assert (post.of, post.to) == (ID + "state/united-states", ID + "state/poland")


def test_a_person_named_inside_the_name_of_a_body_is_mentioned_by_name():
    facts = extract(memo(
        "Washington, 14 June 1967\n\nMemorandum of Conversation\n\n"
        "On 12 June, Ambassador Dobrynin called on Under Secretary Nicholas Katzenbach.\n\n"
        "The report of the Katzenbach Committee will be ready in July.", on=date(1967, 6, 14)))
    (m,) = [m for m in facts.mentions if m.rule == "named-after"]
    assert (m.span.text, m.form, person(facts, m.entity).label) == ("Katzenbach", "name", "Nicholas Katzenbach")


def test_adjective_post_with_city_resolves_the_state_of_that_year():
    facts = extract(memo(
        "Pyongyang, 3 May 1965\n\nRecord of Talks between Comrade Pak Song-chol and the Soviet Ambassador to North Korea\n\n"
        "On 2 May I received the Soviet Ambassador to North Korea, Comrade Vasily Moskovsky, in Pyongyang.",
        on=date(1965, 5, 3)))
    (m,) = facts.meetings
    assert (m.kind, m.date, m.place) == (ID + "meeting-kind/talks", date(1965, 5, 2), ID + "place/pyongyang")
    (post,) = [p for p in facts.posts if person(facts, p.holder).label == "Vasily Moskovsky"]
    assert (post.role, post.of, post.to) == (CW + "AmbassadorRole", ID + "state/soviet-union", ID + "state/north-korea")


def test_romanisation_variants_of_an_unknown_name_are_one_person():
    facts = extract(memo(
        "Moscow, 2 March 1961\n\nMemorandum of Conversation with Comrade Li Sang-jo\n\n"
        "On 1 March I met Comrade Li Sang-jo. Ri Sang Jo said that the Korean side was satisfied.",
        on=date(1961, 3, 2)))
    (li,) = [p for p in facts.persons if not p.authority_iri and not p.unnamed]
    assert li.aliases == {"Li Sang-jo", "Ri Sang Jo"}


def test_a_known_leader_is_found_under_another_transliteration():
    facts = extract(memo("Beijing, 5 May 1960\n\nNote\n\nComrade Kim Ir Sen arrived with Chou En-lai.", on=date(1960, 5, 5)))
    found = {m.entity for m in facts.mentions if m.kind == "person"}
    assert {ID + "person/kim-il-sung", ID + "person/zhou-enlai"} <= found


def test_a_shared_label_goes_to_the_entity_the_document_otherwise_names():
    facts = extract(memo("Seoul, 1 May 1965\n\nNote\n\nThe Republic of Korea protested. Korea will not yield.", on=date(1965, 5, 1)))
    korea = [m.entity for m in facts.mentions if m.span.text == "Korea"]
    assert korea == [ID + "state/south-korea"]


def test_a_state_that_did_not_yet_exist_is_not_chosen():
    facts = extract(memo("Moscow, 1 May 1962\n\nNote\n\nThe Russian side agreed.", on=date(1962, 5, 1)))
    assert [m.entity for m in facts.mentions if m.span.text == "Russian"] == [ID + "state/soviet-union"]


@pytest.mark.parametrize(("text", "iso"), [
    ("in the course of our four-hour conversation", "PT4H"), ("the talk lasted an hour and a half", "PT1H30M"),
    ("it lasted two and a half hours", "PT2H30M"), ("a two-and-a-half-hour talk", "PT2H30M"), ("for 90 minutes", "PT90M"),
])
def test_durations_as_memoranda_write_them(text, iso):
    from cwkg.extract.meeting import duration

    assert duration(text) == iso


def test_the_person_who_received_the_author_hosted_the_meeting():
    facts = extract(memo(
        "Bucharest, 3 May 1964\n\nMemorandum of Conversation\n\nOn 2 May Comrade Ion Gheorghe Maurer received me at the "
        "Council of Ministers. The conversation lasted an hour and a half. I said that my government welcomed the talks.",
        on=date(1964, 5, 3)))
    (m,) = facts.meetings
    assert (m.host, m.duration) == (ID + "person/ion-gheorghe-maurer", "PT1H30M")
