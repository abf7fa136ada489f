"""Organisations and events by the shapes of their names (extract/organisations.py), on sentences written for
these tests: each family finds its name with its exact span and kind, two wordings of one organ are one entity,
the authority data's entity wins over a pattern, and a common noun names nothing."""

from __future__ import annotations

from datetime import date

import pytest

from cwkg.extract import organisations
from cwkg.extract.extract import extract
from cwkg.graph.mapping import document_triples, entity_iri
from cwkg.loaders.source import SourceDocument

ID = "https://w3id.org/cwkg/id/"
CW = "https://w3id.org/cwkg/ontology#"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"


def found(text: str, authority, gazetteer, year: int = 1965, perspective: str | None = None, scope: str = "test-doc"):
    """What the finder adds to the entities the gazetteer finds in `text`."""
    return organisations.find(text, gazetteer.find(text, year), authority, scope, lambda offset: 1, perspective, year)


def names(result) -> list[tuple[str, str]]:
    return [(m.span.text, m.kind) for m in result.mentions]


def entity(result, span_text: str):
    (m,) = [m for m in result.mentions if m.span.text == span_text]
    return m.entity, next((e for e in result.entities if e.key == m.entity), None)


# ---------------------------------------------------------------- each family finds its name


@pytest.mark.parametrize("text, span, kind, label", [
    # ministries
    ("The delegation called at the Ministry of Foreign Affairs of Bulgaria on Monday.",
     "Ministry of Foreign Affairs", "organization", "Ministry of Foreign Affairs of Bulgaria"),
    ("A Mongolian Foreign Ministry spokesman denied the report.",
     "Foreign Ministry", "organization", "Ministry of Foreign Affairs of Mongolia"),
    ("The note was handed to the Cuban MFA yesterday.", "MFA", "organization", "Ministry of Foreign Affairs of Cuba"),
    ("Delegates of the Polish Ministry of Foreign Trade arrived on Tuesday.",
     "Ministry of Foreign Trade", "organization", "Ministry of Foreign Trade of Poland"),
    # party organs
    ("He reported to the Central Committee of the Bulgarian Communist Party in May.",
     "Central Committee", "organization", "Central Committee of the Bulgarian Communist Party"),
    ("The Politburo of the Mongolian People's Revolutionary Party met twice.",
     "Politburo", "organization", "Politburo of the Mongolian People's Revolutionary Party"),
    ("A letter of the KSC CC reached the ambassador.", "CC", "organization", "Central Committee of the Communist Party of Czechoslovakia"),
    ("Two members of the MPRP CC Presidium spoke.", "CC Presidium", "organization",
     "Presidium of the Mongolian People's Revolutionary Party"),
    # embassies
    ("Officials of the Polish Embassy in Hanoi attended the reception.",
     "Embassy", "organization", "Embassy of Poland in North Vietnam"),
    ("He was received at the Embassy of Romania in Sofia.", "Embassy", "organization", "Embassy of Romania in Bulgaria"),
    # councils, committees and other bodies of governments
    ("The Bulgarian Council of Ministers approved the plan.", "Council of Ministers", "organization",
     "Council of Ministers of Bulgaria"),
    ("The State Planning Commission will review the figures.", "State Planning Commission", "organization",
     "State Planning Commission"),
    ("A paper of the Bureau of Economic Affairs was circulated.", "Bureau of Economic Affairs", "organization",
     "Bureau of Economic Affairs"),
    # international bodies
    ("Observers from the Danube Commission were invited.", "Danube Commission", "organization", "Danube Commission"),
    # armed forces
    ("Units of the Bulgarian People's Army took part.", "People's Army", "organization",
     "People's Army of Bulgaria"),
    ("The Seventh Fleet sailed north in April.", "Seventh Fleet", "organization", "Seventh Fleet"),
    # party congresses and plenums
    ("He spoke at the 9th Congress of the Bulgarian Communist Party.", "9th Congress", "event",
     "9th Congress of the Bulgarian Communist Party"),
    ("The April Plenum of the Central Committee changed course.", "April Plenum of the Central Committee", "event",
     "April Plenum of the Central Committee"),
    # conferences, summits, wars, crises, uprisings, accords
    ("The Bandung Conference was recalled with warmth.", "Bandung Conference", "event", "Bandung Conference"),
    ("Nothing came of the Vienna summit, he said.", "Vienna summit", "event", "Vienna summit"),
    ("The Algerian War had ended two years before.", "Algerian War", "event", "Algerian War"),
    ("The Berlin crisis was not discussed.", "Berlin crisis", "event", "Berlin crisis"),
    ("He recalled the Polish uprising of 1956 in detail.", "Polish uprising of 1956", "event", "Polish uprising of 1956"),
    ("Both sides respected the Geneva Accords, he said.", "Geneva Accords", "event", "Geneva Accords"),
])
def test_each_family_finds_its_name_with_its_span_and_kind(text, span, kind, label, authority, gazetteer):
    result = found(text, authority, gazetteer)
    assert (span, kind) in names(result), names(result)
    ref, fact = entity(result, span)
    assert fact is not None and fact.kind == kind and fact.label == label, fact
    m = next(m for m in result.mentions if m.span.text == span)
    assert text[m.span.start:m.span.end] == span


def test_the_owner_a_name_holds_is_its_state_or_party(authority, gazetteer):
    result = found("The Bulgarian Council of Ministers and the Central Committee of the Bulgarian Communist Party "
                   "met the Hungarian Foreign Ministry and the Soviet Embassy in Budapest.", authority, gazetteer)
    owners = {m.span.text: next(e.owner for e in result.entities if e.key == m.entity) for m in result.mentions}
    assert owners == {"Council of Ministers": ID + "state/bulgaria", "Central Committee": ID + "party/bkp",
                      "Foreign Ministry": ID + "state/hungary", "Embassy": ID + "state/soviet-union"}


def test_the_owner_and_the_host_stay_mentions_of_their_states(authority, gazetteer):
    text = "The Ministry of Foreign Affairs of Bulgaria wrote to the Soviet Embassy in Budapest."
    result = found(text, authority, gazetteer)
    spans = [m.span.text for m in result.mentions]
    assert spans == ["Ministry of Foreign Affairs", "Embassy"]
    states = [m.span.text for m in gazetteer.find(text, 1965) if m.kind in ("state", "place")]
    assert states == ["Bulgaria", "Soviet", "Budapest"]


# ---------------------------------------------------------------- one organ, one entity


def test_two_wordings_of_one_organ_in_one_record_are_one_entity(authority, gazetteer):
    result = found("The Bulgarian Foreign Ministry protested on Monday. On Friday the Ministry of Foreign Affairs of "
                   "Bulgaria withdrew its note, and the MFA said no more.", authority, gazetteer)
    refs = {m.span.text: m.entity for m in result.mentions}
    assert refs["Foreign Ministry"] == refs["Ministry of Foreign Affairs"] == refs["MFA"]
    (fact,) = result.entities
    assert fact.label == "Ministry of Foreign Affairs of Bulgaria"
    assert fact.aliases >= {"Bulgarian Foreign Ministry", "MFA"}


def test_central_committee_and_cc_of_one_party_are_one_entity(authority, gazetteer):
    result = found("The Central Committee of the Mongolian People's Revolutionary Party approved it; later the CC of "
                   "the MPRP and the MPRP CC repeated the decision.", authority, gazetteer)
    assert len({m.entity for m in result.mentions}) == 1
    assert len(result.entities) == 1 and result.entities[0].owner == ID + "party/mprp"


def test_a_bare_organ_is_of_the_owner_the_record_gives_it(authority, gazetteer):
    result = found("The Politburo of the Mongolian People's Revolutionary Party met. The Politburo then adjourned.",
                   authority, gazetteer)
    assert len({m.entity for m in result.mentions}) == 1


def test_an_organ_of_a_state_and_party_is_one_entity_in_every_record(authority, gazetteer):
    one = found("The Bulgarian Foreign Ministry protested.", authority, gazetteer, scope="record-one")
    two = found("The Ministry of Foreign Affairs of Bulgaria replied.", authority, gazetteer, scope="record-two")
    assert one.mentions[0].entity == two.mentions[0].entity
    assert entity_iri(one.mentions[0].entity).value == ID + "organization/provisional/state-bulgaria/ministry-of-foreign-affairs"


def test_a_name_no_owner_fixes_is_the_records_own(authority, gazetteer):
    one = found("The State Planning Commission met.", authority, gazetteer, scope="record-one")
    two = found("The State Planning Commission met.", authority, gazetteer, scope="record-two")
    assert one.mentions[0].entity != two.mentions[0].entity


def test_a_short_name_after_the_long_one_is_the_same_body(authority, gazetteer):
    result = found("The Joint Radio Study Group reported in March. In June the Study Group met again.", authority, gazetteer)
    assert len({m.entity for m in result.mentions}) == 1


def test_two_words_for_one_accord_are_one_accord(authority, gazetteer):
    result = found("Both governments honoured the Trieste Agreement. The Trieste Treaty was signed long before.",
                   authority, gazetteer)
    assert len({m.entity for m in result.mentions}) == 1


# ---------------------------------------------------------------- the authority wins


def test_an_authority_entity_wins_over_a_pattern(authority, gazetteer):
    text = "The Chinese Central Committee answered the Central Committee of the Communist Party of the Soviet Union."
    result = found(text, authority, gazetteer)
    # The first name by its shape, the second by the authority's alias, read apart from the party it names.
    assert [(m.span.text, m.entity) for m in sorted(result.mentions, key=lambda m: m.span.start)] == [
        ("Central Committee", ID + "organization/ccp-central-committee"),
        ("Central Committee", ID + "organization/cpsu-central-committee"),
        ("Communist Party of the Soviet Union", ID + "party/cpsu")]
    assert result.entities == []
    assert [m.span.text for m in result.replaced] == ["Central Committee of the Communist Party of the Soviet Union"]


def test_an_authority_organ_named_with_its_party_keeps_the_party_a_mention(authority, gazetteer):
    result = found("The CCP CC answered the U.S. Congress.", authority, gazetteer)
    got = sorted((m.span.text, m.entity.rsplit("/", 1)[-1]) for m in result.mentions)
    assert got == [("CC", "ccp-central-committee"), ("CCP", "ccp"), ("Congress", "us-congress"), ("U.S.", "united-states")]


def test_a_congress_by_ordinal_is_the_authority_congress_of_its_party(authority, gazetteer):
    result = found("The CPSU leaders recalled the XXth Congress with pride.", authority, gazetteer)
    assert [(m.span.text, m.entity) for m in result.mentions] == [("XXth Congress", ID + "event/cpsu-congress-20")]


def test_an_organ_a_states_own_record_names_bare_is_that_states(authority, gazetteer):
    us = ID + "state/united-states"
    result = found("The President will ask Congress for the funds.", authority, gazetteer, perspective=us)
    assert [(m.span.text, m.entity) for m in result.mentions] == [("Congress", ID + "organization/us-congress")]
    assert found("The President will ask Congress for the funds.", authority, gazetteer).mentions == []


def test_the_authority_lists_well_known_bodies_and_events_with_their_names(authority, gazetteer):
    text = ("The Warsaw Pact and Comecon answered NATO and the UN Security Council; the Cuban missile crisis, the "
            "Hungarian uprising and the Sino-Soviet split were recalled.")
    got = {m.span.text: m.entity.rsplit("/", 1)[-1] for m in gazetteer.find(text, 1965)}
    assert got == {"Warsaw Pact": "warsaw-pact", "Comecon": "comecon", "NATO": "nato",
                   "UN Security Council": "un-security-council", "Cuban missile crisis": "cuban-missile-crisis",
                   "Hungarian uprising": "hungarian-revolution", "Sino-Soviet split": "sino-soviet-split"}


# ---------------------------------------------------------------- common nouns name nothing


@pytest.mark.parametrize("text", [
    "The embassy staff met in the conference room.",
    "He returned to the Embassy after the meeting.",
    "A press conference followed the talks.",
    "There was a leadership crisis in the spring.",
    "The war would have been a disaster for everybody.",
    "The committee adjourned and the council did not meet.",
    "He spoke of another uprising in the coming years.",
    "The Committee and the Council were not named.",
    "The Ministry took note.",
])
def test_a_common_noun_is_no_entity(text, authority, gazetteer):
    assert names(found(text, authority, gazetteer)) == []


def test_a_name_does_not_take_in_the_person_after_it(authority, gazetteer):
    result = found("He met the Chief of the Consular Department of the MFA Pak Tong-il yesterday.", authority, gazetteer)
    assert [m.span.text for m in result.mentions] == ["Consular Department of the MFA"]


def test_a_capitalised_heading_is_read_as_words(authority, gazetteer):
    assert names(found("THE GENERAL SITUATION AND THE ECONOMIC COUNCIL", authority, gazetteer)) == []


# ---------------------------------------------------------------- in the extraction and the graph


def memo(body: str, on: date = date(1966, 5, 4)) -> SourceDocument:
    return SourceDocument(doc_id="test-organisations-" + str(abs(hash(body))), source="test", format="test",
                          title="Record of a conversation", body=body, date=on)


def test_positions_take_an_organisation_named_in_their_evidence_as_a_subject():
    facts = extract(memo("Record of a conversation with Comrade Ivan Petrov, 4 May 1966.\n\n"
                         "Comrade Petrov said that the Bulgarian Foreign Ministry had rejected the proposal."))
    ministry = next(m.entity for m in facts.mentions if m.span.text == "Foreign Ministry")
    assert any(ministry in p.about for p in facts.positions), [(p.span.text, p.about) for p in facts.positions]


def test_a_title_before_a_name_leaves_the_post_to_the_posts():
    facts = extract(memo("Record of a conversation, 4 May 1966.\n\n"
                         "Comrade Pak Tong-il, First Secretary of the Embassy of Hungary in Hanoi, said that the harvest was good."))
    assert not any(m.kind == "organization" and m.span.text == "Embassy" for m in facts.mentions)


def test_the_graph_gives_a_found_entity_its_class_names_and_owner():
    facts = extract(memo("Record of a conversation, 4 May 1966.\n\nThe Bulgarian Foreign Ministry protested. The "
                         "Ministry of Foreign Affairs of Bulgaria then withdrew the note."))
    triples = {(t.subject.value, t.predicate.value, t.object.value) for t in document_triples(facts)}
    iri = ID + "organization/provisional/state-bulgaria/ministry-of-foreign-affairs"
    assert (iri, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", CW + "Organization") in triples
    assert (iri, SKOS + "prefLabel", "Ministry of Foreign Affairs of Bulgaria") in triples
    assert (iri, SKOS + "altLabel", "Bulgarian Foreign Ministry") in triples
    assert (iri, ORG + "subOrganizationOf", ID + "state/bulgaria") in triples
    assert (iri, CW + "provisional", "true") in triples
    mentioned = {o for s, p, o in triples if p == CW + "mentions"}
    assert iri in mentioned


def test_a_found_congress_is_a_congress_of_its_party_with_its_ordinal():
    facts = extract(memo("Record of a conversation, 4 May 1966.\n\nHe spoke of the 9th Congress of the Bulgarian Communist Party."))
    triples = {(t.subject.value, t.predicate.value, t.object.value) for t in document_triples(facts)}
    iri = ID + "event/provisional/party-bkp/9th-congress"
    assert (iri, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", CW + "Congress") in triples
    assert (iri, CW + "organizedBy", ID + "party/bkp") in triples
    assert (iri, CW + "ordinal", "9") in triples


def test_an_affair_or_incident_named_for_a_place_is_an_event(authority, gazetteer):
    assert names(found("He raised the Strelsau affair and the Tarlenheim incident.", authority, gazetteer)) == [
        ("Strelsau affair", "event"), ("Tarlenheim incident", "event")]


def test_an_affair_or_incident_without_a_name_is_no_event(authority, gazetteer):
    assert names(found("He raised the affair and a border incident again.", authority, gazetteer)) == []


def test_a_persons_speech_named_as_an_occasion_is_an_event(authority, gazetteer):
    assert [e.label for e in found("He dismissed the recent Ivanov speech as crazy.", authority, gazetteer).entities] == ["Ivanov speech"]


def test_a_states_speech_or_a_bare_speech_is_no_event(authority, gazetteer):
    assert names(found("The Soviet speech was long, and the speech was read twice.", authority, gazetteer)) == []


def test_a_bodys_meeting_or_session_is_an_event(authority, gazetteer):
    assert [e.label for e in found("They spoke of the World Bank meeting and of the next NATO session.", authority, gazetteer).entities] == [
        "World Bank meeting", "NATO session"]


def test_a_meeting_of_a_named_body_is_that_bodys_meeting_and_the_body_stays_its_own_name(authority, gazetteer):
    result = found("The paper went to the March 11-13 meeting of the Strelsau Planning Group.", authority, gazetteer)
    assert names(result) == [("meeting", "event"), ("Strelsau Planning Group", "organization")]
    assert [e.label for e in result.entities] == ["Strelsau Planning Group meeting", "Strelsau Planning Group"]


@pytest.mark.parametrize("text, label", [
    ("It was approved at the 212th meeting of the Strelsau Planning Group.", "212th Strelsau Planning Group meeting"),
    ("It was approved at the May meeting of the Strelsau Planning Group.", "May Strelsau Planning Group meeting"),
    ("It was raised at the 3rd session of the NATO Council.", "3rd NATO Council session"),
])
def test_a_body_meeting_keeps_the_number_or_month_that_tells_it_apart(authority, gazetteer, text, label):
    assert [e.label for e in found(text, authority, gazetteer).entities if e.kind == "event"] == [label]


def test_a_meeting_named_by_a_bodys_abbreviation_is_an_event(authority, gazetteer):
    assert [e.label for e in found("After the 12th RPG meeting he left.", authority, gazetteer).entities] == ["12th RPG meeting"]


def test_a_numbered_occasion_in_a_heading_in_capitals_is_named_as_in_a_sentence(authority, gazetteer):
    result = found("SUMMARY OF DECISIONS AT THE 12TH RPG MEETING ON MAY 2, 1966", authority, gazetteer)
    assert names(result) == [("12TH RPG MEETING", "event")]
    assert [e.label for e in result.entities] == ["12th RPG Meeting"]


@pytest.mark.parametrize("text, label", [
    ("NOTES FROM THE MINISTER’S PLANNING MEETING HELD MAY 2, 1966", "Minister’s Planning Meeting"),
    ("NOTES FROM THE MINISTER'S PLANNING MEETING OF MAY 2, 1966", "Minister's Planning Meeting"),
])
def test_a_heading_in_capitals_that_dates_its_meeting_names_it_with_its_possessive(authority, gazetteer, text, label):
    assert [e.label for e in found(text, authority, gazetteer).entities if e.kind == "event"] == [label]


def test_a_heading_in_capitals_without_a_number_names_no_occasion(authority, gazetteer):
    assert names(found("EASTERN EUROPE AND THE RPG MEETING", authority, gazetteer)) == []


def test_the_meeting_of_a_bodys_staff_or_of_a_bare_head_is_no_event(authority, gazetteer):
    assert names(found("He spoke at the meeting of the Embassy staff and at the meeting of the Committee.", authority, gazetteer)) == []


def test_an_incident_told_by_its_kind_and_place_is_an_event(authority, gazetteer):
    result = found("He recalled the frontier incident in Bulgaria.", authority, gazetteer)
    assert names(result) == [("frontier incident", "event")]
    assert [e.label for e in result.entities] == ["frontier incident in Bulgaria"]


def test_an_indefinite_or_unplaced_incident_is_no_event(authority, gazetteer):
    assert names(found("He recalled a frontier incident in Bulgaria and the incident in Sofia.", authority, gazetteer)) == []


def test_a_meeting_named_by_its_place_or_by_nothing_is_no_event(authority, gazetteer):
    assert names(found("After the Strelsau meeting and a second meeting he left.", authority, gazetteer)) == []
