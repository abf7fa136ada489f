"""Who speaks in a record, rule by rule, on short records written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from cwkg.extract.extract import extract
from cwkg.lang.kinds import document_kind, voice, with_broader
from cwkg.loaders.source import SourceDocument

ID = "https://w3id.org/cwkg/id/"


def record(body: str, title: str, on: date = date(1965, 3, 2), kind: str | None = None) -> SourceDocument:
    return SourceDocument(doc_id="t", source="test", format="test", title=title, body=body, date=on,
                          kind=kind or document_kind(title))


def said(facts) -> list[tuple[str, str, str]]:
    short = lambda iri: iri.rsplit("/", 1)[-1].split(":")[-1]
    return [(short(p.speaker), short(p.stance), p.span.text) for p in facts.positions]


def test_a_letter_is_the_statement_of_the_sender_its_heading_names():
    facts = extract(record(
        "Letter From Kim Il Sung to Nikita Khrushchev\n\nPyongyang, 2 March 1965.\n\nDear Comrade Khrushchev:\n\n"
        "The situation in Korea has grown tense. We must strengthen our friendship with China.\n\n"
        "With warm regards,\n\nKim Il Sung", "Letter From Kim Il Sung to Nikita Khrushchev"))
    assert facts.author == ID + "person/kim-il-sung"
    assert said(facts) == [
        ("kim-il-sung", "informs", "The situation in Korea has grown tense."),
        ("kim-il-sung", "advocates", "We must strengthen our friendship with China."),
    ]


def test_an_author_narrating_a_meeting_states_no_position():
    facts = extract(record(
        "Report\n\nPrague, 2 March 1965.\n\nOn 1 March the Polish ambassador visited me. The harvest has failed in the north.",
        "Report"))
    assert [text for _, _, text in said(facts)] == ["The harvest has failed in the north."]


@pytest.mark.parametrize("sentence", [
    "It was suggested that the embassy in Cuba should reduce its staff.",
    "It was also emphasized that the embassy in Cuba should reduce its staff.",
    "The view was expressed that the embassy in Cuba should reduce its staff.",
    "One member said that the embassy in Cuba should reduce its staff.",
    "Other participants argued that the embassy in Cuba should reduce its staff.",
])
def test_a_speaker_the_record_does_not_name_is_an_unnamed_participant(sentence):
    facts = extract(record(f"Record of Discussion\n\nWashington, March 2, 1965.\n\n{sentence}", "Record of Discussion"))
    ((speaker, _, text),) = said(facts)
    assert (speaker, text) == ("participant", "the embassy in Cuba should reduce its staff.")
    assert [p.label for p in facts.persons if p.unnamed] == ["unnamed participant"]


def test_a_speaker_named_after_by_in_a_passive_report_speaks():
    facts = extract(record(
        "Record of Discussion\n\nWashington, March 2, 1965.\n\nIt was pointed out by Kim Il Sung that the talks with Poland had failed.",
        "Record of Discussion"))
    assert said(facts) == [("kim-il-sung", "informs", "the talks with Poland had failed.")]


def test_points_listed_after_a_speakerless_cue_are_that_speakers_own():
    facts = extract(record(
        "Record of Discussion\n\nWashington, March 2, 1965.\n\nThe paper was criticized on the following counts:\n\n"
        "1. The paper describes the unrest in Poland.\n\n2. The paper should say more about the economy.",
        "Record of Discussion"))
    assert said(facts) == [
        ("participant", "informs", "1. The paper describes the unrest in Poland."),
        ("participant", "advocates", "2. The paper should say more about the economy."),
    ]


@pytest.mark.parametrize(("title", "kind", "whose"), [
    ("Report, Embassy of Hungary in Pyongyang, 'The Situation in the DPRK'", "report", "author"),
    ("Cryptogram No. 4711 from the Polish Embassy in Beijing", "telegram", "author"),
    ("Record of Conversation between Comrade A and Comrade B", "record of conversation", "record"),
    ("Conversation between the Ruritanian Ambassador and Foreign Minister Pyotr Ivanov", "record of conversation", "record"),
    ("Comrade Pyotr Ivanov, Comrade Ivan Petrov Receive the Ambassador of Ruritania", "record of meeting", "record"),
    ("Memorandum of a Conversation with the Ambassador of Albania", "memorandum of conversation", "record"),
    ("Memorandum of the Luncheon with the Ambassador of Albania", "memorandum", "record"),
    ("Minutes of the Meeting of the Political Committee", "minutes", "record"),
    ("Working Record of the Session of the Presidium", "minutes", "record"),
    ("Record of the Sitting of the Political Committee", "minutes", "record"),
    ("Telephone Conversation Between Adam Nowak and Pyotr Ivanov", "record of conversation", "record"),
    ("Telcon, the Secretary and Ambassador Ivanov", "record of conversation", "record"),
    ("Letter from the Foreign Minister to the Chairman", "letter", "author"),
])
def test_the_kind_of_a_record_and_whose_voice_it_is_come_from_its_title(title, kind, whose):
    assert (document_kind(title), voice(title, None)) == (kind, whose)


def test_a_kind_of_record_is_also_each_kind_it_is_a_kind_of():
    assert with_broader("memorandum of conversation") == ("memorandum of conversation", "memorandum", "record of conversation",
                                                          "record")


def test_a_kind_with_no_broader_kind_is_only_itself():
    assert with_broader("telegram") == ("telegram",)


def test_a_record_of_discussion_attests_its_meeting_even_naming_no_participant():
    facts = extract(record(
        "Record of Discussion\n\nWashington, March 2, 1965.\n\nIt was suggested that the embassy in Poland should reduce its staff.",
        "Record of Discussion"))
    (m,) = facts.meetings
    assert (m.date, m.place, m.participants) == (date(1965, 3, 2), ID + "place/washington", [])


def test_a_letter_between_two_people_records_no_meeting():
    facts = extract(record(
        "Letter From Kim Il Sung to Nikita Khrushchev\n\nPyongyang, 2 March 1965.\n\nThe situation in Korea has grown tense.",
        "Letter From Kim Il Sung to Nikita Khrushchev"))
    assert facts.meetings == []


def memo_of(sentence: str):
    return extract(record(f"Memorandum of Conversation\n\nMoscow, 2 March 1965.\n\n{sentence}", "Memorandum of Conversation"))


def test_the_parse_finds_the_speaker_of_a_verb_that_depends_on_another():
    facts = memo_of("Kim Il Sung opened the talks by observing that Poland had changed its course.")
    assert said(facts) == [("kim-il-sung", "informs", "Poland had changed its course.")]


def test_the_parse_finds_a_subject_far_from_its_reporting_verb():
    facts = memo_of("Kim Il Sung, after a long pause during which the interpreters conferred, stated that Poland had changed its course.")
    assert said(facts) == [("kim-il-sung", "informs", "Poland had changed its course.")]


def test_a_modal_verb_of_thought_inside_reported_words_reports_nothing():
    facts = memo_of("Kim Il Sung said that we should consider whether Poland would join the treaty.")
    assert [(speaker, text) for speaker, _, text in said(facts)] == [
        ("kim-il-sung", "we should consider whether Poland would join the treaty.")]


def test_words_after_a_colon_in_the_same_sentence_are_the_speakers():
    facts = memo_of("Kim Il Sung added: “Poland will not receive the delegation.”")
    assert [(s, t) for s, _, t in said(facts)] == [("kim-il-sung", "“Poland will not receive the delegation.”")]


def test_an_unnamed_holder_of_a_post_speaks_for_themselves():
    facts = extract(record(
        "Report, Embassy of Hungary in Pyongyang, 10 June 1962\n\nPyongyang, 10 June 1962.\n\n"
        "The Polish chargé d'affaires informed me that the Korean side had refused to publish the statement of Poland.",
        "Report, Embassy of Hungary in Pyongyang"))
    (p,) = facts.positions
    speaker = next(x for x in facts.persons if x.ref == p.speaker)
    assert (speaker.unnamed, speaker.label, p.span.text) == (
        True, "unnamed (Polish chargé d'affaires)", "the Korean side had refused to publish the statement of Poland.")


def test_what_a_speaker_says_another_thinks_is_the_speakers_judgement():
    facts = memo_of("Kim Il Sung said that Khrushchev probably felt that Poland was drifting away.")
    assert [(s, t) for s, _, t in said(facts)] == [("kim-il-sung", "Khrushchev probably felt that Poland was drifting away.")]


def test_a_surname_with_a_particle_written_run_together_is_the_same_person():
    facts = memo_of("Kim Il Sung said that DeGaulle had recognised the government of China.")
    assert "https://w3id.org/cwkg/id/person/charles-de-gaulle" in {m.entity for m in facts.mentions}


def test_a_list_of_reasons_advanced_is_the_unnamed_participants():
    facts = extract(record(
        "Record of Discussion\n\nWashington, March 2, 1965.\n\nThe following reasons were advanced against a visit to Poland:\n\n"
        "a) The harvest in Poland has failed.\n\nb) The visit would irritate the allies of Poland.\n\n"
        "A question was raised concerning the cost of a visit to Poland.", "Record of Discussion"))
    assert [(s, t) for s, _, t in said(facts)] == [
        ("participant", "a) The harvest in Poland has failed."), ("participant", "b) The visit would irritate the allies of Poland.")]
