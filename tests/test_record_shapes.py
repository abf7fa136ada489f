"""Meetings, participants, posts and authors on records of the shapes the archives hold, written for the test."""

from __future__ import annotations

from datetime import date

from cwkg.lang.dates import parse_date
from cwkg.extract.extract import extract
from cwkg.lang.kinds import document_kind
from cwkg.loaders.source import SourceDocument

ID = "https://w3id.org/cwkg/id/"


def read(body: str):
    title = body.split("\n")[0]
    facts = extract(SourceDocument(doc_id="shape", source="test", format="test", title=title, body=body,
                                   date=parse_date(title), kind=document_kind(title)))
    names = {p.ref: p.label for p in facts.persons}
    return facts, names


def short(iri):
    return iri.rsplit("/", 1)[-1].rsplit("#", 1)[-1] if iri else None


def meetings(facts, names):
    return [(short(m.kind), m.date, short(m.place), [names[p] for p in m.participants]) for m in facts.meetings]


def posts(facts, names):
    return sorted((names[p.holder], short(p.role), short(p.of), short(p.to)) for p in facts.posts)


def test_a_journal_entry_with_two_meetings_gives_each_its_participants():
    facts, names = read(
        "From the Journal of Soviet Ambassador to Poland P.K. Ponomarenko\n\n12 May 1958\n\n"
        "1. I received the Ambassador of Hungary in Poland, Comrade Sándor Nógrádi, at his request. Nógrádi said that "
        "the Hungarian comrades were worried about the situation in Yugoslavia.\n\n"
        "2. I paid a visit to the Minister of Foreign Affairs of Poland, Adam Rapacki. Rapacki informed me that Poland "
        "would send a delegation to Beijing in June.\n\nP. Ponomarenko")
    assert names[facts.author] == "P.K. Ponomarenko"
    assert meetings(facts, names) == [
        ("meeting", date(1958, 5, 12), "warsaw", ["P.K. Ponomarenko", "Sándor Nógrádi"]),
        ("visit", date(1958, 5, 12), "warsaw", ["P.K. Ponomarenko", "Adam Rapacki"]),
    ]
    assert ("Sándor Nógrádi", "AmbassadorRole", "hungary", "poland") in posts(facts, names)


def test_a_cryptogram_relaying_a_conversation_keeps_the_chain_and_its_signer():
    facts, names = read(
        "Cryptogram No. 4711 from the Polish Embassy in Pyongyang, 3 March 1963\n\n"
        "On 2 March I had a talk with the Ambassador of Czechoslovakia, Comrade Moravec. Moravec told me that Kim Il Sung "
        "had said to him that the Korean comrades oppose the Soviet position on Albania.\n\nBrylski")
    assert (facts.document.kind, names[facts.author]) == ("telegram", "Brylski")
    assert meetings(facts, names) == [("conversation", date(1963, 3, 2), "pyongyang", ["Brylski", "Moravec"])]
    (p,) = facts.positions
    assert (short(p.speaker), names[p.reported_by], short(p.stance), p.span.text) == (
        "kim-il-sung", "Moravec", "opposes", "the Korean comrades oppose the Soviet position on Albania.")


def test_a_reception_with_three_ambassadors_gives_each_the_post_of_the_phrase_before_the_name():
    facts, names = read(
        "Record of a Reception at the Chinese Embassy in Moscow, 1 October 1961\n\n"
        "On 1 October the Chinese Embassy held a reception. Present were the Ambassador of Albania, Nesti Nase, the "
        "Ambassador of Poland, Tadeusz Gede, and the Ambassador of Hungary, János Szipka. Nase said that Albania would "
        "never accept the decisions of the 22nd Congress.")
    assert meetings(facts, names) == [("reception", date(1961, 10, 1), "moscow", ["Nesti Nase", "Tadeusz Gede", "János Szipka"])]
    assert posts(facts, names) == [
        ("János Szipka", "AmbassadorRole", "hungary", "soviet-union"),
        ("Nesti Nase", "AmbassadorRole", "albania", "soviet-union"),
        ("Tadeusz Gede", "AmbassadorRole", "poland", "soviet-union"),
    ]


def test_minutes_with_place_and_present_lines():
    facts, names = read(
        "Minutes of the Meeting of the Political Committee, 14 June 1956\n\nPlace: Bucharest\n"
        "Present: Gheorghe Gheorghiu-Dej, Chivu Stoica, Emil Bodnăraş and Nicolae Ceauşescu\n\n"
        "Comrade Gheorghiu-Dej said that the party must strengthen its ties with the Soviet Union. Comrade Stoica agreed.")
    assert meetings(facts, names) == [("meeting", date(1956, 6, 14), "bucharest",
                                       ["Gheorghe Gheorghiu-Dej", "Chivu Stoica", "Emil Bodnăraş", "Nicolae Ceaușescu"])]
    assert [(names[p.speaker], p.span.text) for p in facts.positions][1] == ("Chivu Stoica", "Comrade Stoica agreed.")


def test_an_author_named_only_in_the_signature():
    facts, names = read(
        "Memorandum of Conversation with the Ambassador of Mongolia, 5 April 1965\n\n"
        "On 4 April the Ambassador of Mongolia, Comrade Dashiin Adilbish, visited me at the embassy. He said that Mongolia "
        "supported the Soviet proposal for a conference.\n\nAmbassador of the GDR in Moscow\nRolf Sieber")
    assert names[facts.author] == "Rolf Sieber"
    assert meetings(facts, names) == [("visit", date(1965, 4, 4), "moscow", ["Rolf Sieber", "Dashiin Adilbish"])]
    assert posts(facts, names) == [("Dashiin Adilbish", "AmbassadorRole", "mongolia", "soviet-union"),
                                   ("Rolf Sieber", "AmbassadorRole", "east-germany", "soviet-union")]


def test_a_hyphenated_given_name_outside_the_authority_stays_whole():
    facts, names = read("Record of Conversation, 3 May 1965\n\nOn 2 May I had a talk with Kim Chang-ho in Pyongyang.")
    assert "Kim Chang-ho" in names.values()


def test_an_office_named_alone_is_its_holder_that_day():
    body = "Memorandum for the Record\n\nWashington, April 24, 1968.\n\nThe President said that Poland must receive more wheat."
    facts = extract(SourceDocument(doc_id="o", source="test", format="test", title="Memorandum for the Record", body=body,
                                   date=date(1968, 4, 24), kind="memorandum for the record", perspective="United States"))
    (m,) = [m for m in facts.mentions if m.rule == "office-title"]
    assert (m.span.text, m.entity) == ("The President", ID + "person/lyndon-johnson")
    assert [short(p.speaker) for p in facts.positions] == ["lyndon-johnson"]


def test_a_title_of_several_words_names_only_that_office():
    from cwkg.extract.authority import default_authority

    authority = default_authority()
    us = ID + "state/united-states"
    assert (authority.office_holder("Secretary", us, 1965), authority.office_holder("Secretary of Defense", us, 1965)) == (
        ID + "person/dean-rusk", None)


def test_a_title_before_a_name_gives_the_name_its_post():
    facts, names = read("Record of Conversation, 3 May 1971\n\nOn 2 May I met Zhou Enlai. He said that the US president Nixon "
                        "would visit China and that Romanian Ambassador Ion Georgescu had been told.")
    assert posts(facts, names) == [("Ion Georgescu", "AmbassadorRole", "romania", None),
                                   ("Nixon", "HeadOfStateRole", "united-states", None)]


def test_a_former_post_is_no_post_at_the_time_of_the_record():
    facts, names = read("Record of Conversation, 3 May 1965\n\nOn 2 May I had a talk with [former GDR Ambassador] "
                        "Comrade Kurt Schneidewind. He said that the GDR wanted peace.")
    assert (posts(facts, names), [p.label for p in facts.persons if p.unnamed and "GDR" in p.label]) == ([], [])


def test_a_participants_list_gives_posts_of_the_delegation_and_offices_of_named_bodies():
    from cwkg.loaders.source import ListedParticipant

    body = ("Memorandum of Conversation\n\nWashington, June 9, 1964.\n\nPARTICIPANTS\n\nAmbassador Jozef Novak\n\nKim Il Sung\n\n"
            "Ambassador Novak said that Poland wanted more trade. Kim Il Sung said that Korea wanted peace.")
    doc = SourceDocument(doc_id="p", source="test", format="test", title="Memorandum of Conversation", body=body,
                         date=date(1964, 6, 9), kind="memorandum of conversation", participants=(
                             ListedParticipant("Jozef Novak", "Ambassador", "Poland"),
                             ListedParticipant("Kim Il Sung", "Chairman of the Workers' Party of Korea", None)))
    facts = extract(doc)
    names = {p.ref: p.label for p in facts.persons}
    got = sorted((names[p.holder], short(p.role), short(p.of), p.title) for p in facts.posts)
    assert ("Jozef Novak", "AmbassadorRole", "poland", None) in [g[:3] + (None,) for g in got]
    assert ("Kim Il Sung", None, "wpk", "Chairman") in got


def test_a_journal_conversation_dated_by_its_subheading_with_someone_present():
    facts, names = read(
        "From the Journal of S.P. Suzdalev, Soviet Ambassador to the DPRK\n\n"
        "Record of a Conversation with Kim Il Sung, 14 August 1956\n\n"
        "Today I visited Kim Il Sung and informed him of the decisions of the Plenum. Kim Il Sung expressed the hope "
        "that economic aid from the Soviet Union would continue.\n\n"
        "Present at the conversation was the counselor of the embassy, Comrade A.M. Petrov.\n\nS. Suzdalev")
    assert meetings(facts, names) == [("visit", date(1956, 8, 14), "pyongyang", ["S.P. Suzdalev", "Kim Il Sung", "A.M. Petrov"])]
    assert [(short(p.speaker), short(p.stance)) for p in facts.positions] == [("kim-il-sung", "advocates")]


def test_a_more_specific_office_is_not_the_shorter_one_it_begins_with():
    body = ("Memorandum of Conversation\n\nWashington, October 1, 1965.\n\nPARTICIPANTS\n\n"
            "The Secretary of the Department of Agriculture, Orville Freeman\n\n"
            "Mr. Walter Jenkins, Officer in Charge of Polish Affairs\n\nMr. Freeman said that Poland wanted grain.")
    facts = extract(SourceDocument(doc_id="s", source="test", format="test", title="Memorandum of Conversation", body=body,
                                   date=date(1965, 10, 1), kind="memorandum of conversation", perspective="United States"))
    assert [m for m in facts.mentions if m.rule in ("office-title", "unnamed-holder")] == []


def test_an_office_is_not_a_name_of_its_holder():
    body = "Memorandum for the Record\n\nWashington, April 24, 1968.\n\nThe President said that Poland must receive more wheat."
    facts = extract(SourceDocument(doc_id="o", source="test", format="test", title="Memorandum for the Record", body=body,
                                   date=date(1968, 4, 24), kind="memorandum for the record", perspective="United States"))
    johnson = next(p for p in facts.persons if p.ref == ID + "person/lyndon-johnson")
    assert "The President" not in johnson.aliases


def test_a_source_note_names_its_drafters_clearers_and_the_recipient_of_a_copy():
    from cwkg.extract.persons import note_candidates

    note = ("Source: Central Files, POL 1. Secret. Drafted by Ostrowski (EUR/EE), Kaminski, and A. B. Wolanski, Jr. "
            "on May 2 and cleared by Mieczyslaw Nowak and the Secretary. A copy was sent to Brzezinski.")
    assert [c.name for c in note_candidates(note)] == ["Ostrowski", "Kaminski", "A. B. Wolanski", "Mieczyslaw Nowak",
                                                       "Brzezinski"]


def test_the_drafter_among_namesakes_is_the_one_whose_initials_sign_the_record_and_who_serves_at_home():
    from cwkg.loaders.source import VolumePerson

    people = (VolumePerson("p_KJ1", "Jan Kowal", "Kowal, Jan", "Ambassador to Poland"),
              VolumePerson("p_KP1", "Piotr Kowal", "Kowal, Piotr", "Ambassador to Hungary"),
              VolumePerson("p_KP2", "Pawel Kowal", "Kowal, Pawel", "Member, Policy Planning Staff"))
    body = "Memorandum for the Record\n\nWashington, May 4, 1966.\n\nThe President said that Poland wanted more trade.\n\nPK"
    doc = SourceDocument(doc_id="v-d2", source="t", format="t", title="Memorandum for the Record", body=body,
                         date=date(1966, 5, 4), kind="memorandum for the record", volume="v", people=people,
                         source_note="Secret. Drafted by Kowal on May 5.", perspective="United States")
    assert extract(doc).author == "frus:v:p_KP2"


def test_a_dated_meeting_of_a_body_told_of_in_passing_is_a_meeting_without_known_participants():
    facts, names = read("Record of Discussion, 31 March 1964\n\nThe paper was discussed. It had been submitted to the "
                        "March 11–13 meeting of the Atlantic Planning Group. It was agreed that the paper should be revised.")
    reported = [m for m in facts.meetings if m.reported]
    assert [(m.date, m.participants) for m in reported] == [(date(1964, 3, 11), [])]


def test_a_reported_meeting_holds_none_of_the_records_positions():
    from cwkg.records.facts import meeting_at

    facts, names = read("Record of Discussion, 31 March 1964\n\nThe paper was discussed. It had been submitted to the "
                        "March 11–13 meeting of the Atlantic Planning Group. It was agreed that the paper should be revised.")
    assert all(meeting_at(facts.meetings, p.span.start) is None or not meeting_at(facts.meetings, p.span.start).reported
               for p in facts.positions)


def test_a_surname_one_letter_off_from_the_volumes_list_is_that_listed_person():
    from cwkg.loaders.source import VolumePerson

    people = (VolumePerson("p_WJ1", "Jan Wilczynski", "Wilczynski, Jan", "Counselor of Embassy"),)
    body = "Memorandum of Conversation\n\nWashington, May 4, 1966.\n\nMr. Wilczynsky said that Poland wanted more trade."
    doc = SourceDocument(doc_id="v-d3", source="t", format="t", title="Memorandum of Conversation", body=body,
                         date=date(1966, 5, 4), kind="memorandum of conversation", volume="v", people=people)
    assert [p.speaker for p in extract(doc).positions] == ["frus:v:p_WJ1"]
