"""Stated positions: who said what about whom, with stance, topics and the sentence it rests on."""

from __future__ import annotations

from datetime import date


from cwkg.extract.extract import extract
from cwkg.loaders.source import SourceDocument

ID = "https://w3id.org/cwkg/id/"


def memo(body: str, on: date) -> SourceDocument:
    title = body.split("\n\n")[1]
    return SourceDocument(doc_id="shape", source="test", format="test", title=title, body=body, date=on)


def summary(facts):
    short = lambda iri: iri.rsplit("/", 1)[-1] if iri else None
    return [(short(p.speaker), short(p.stance), short(p.reported_by), p.span.text) for p in facts.positions]


def by_quote(facts, fragment):
    (found,) = [p for p in facts.positions if fragment in p.span.text]
    return found


# ---------------------------------------------------------------- the founding memorandum


def test_reported_position_keeps_speaker_and_reporter(founding_facts):
    kim = by_quote(founding_facts, "sit down at the table with the Soviet comrades")
    ri = next(p.ref for p in founding_facts.persons if p.label == "Ri Song-un")
    assert (kim.speaker, kim.reported_by) == (ID + "person/kim-il-sung", ri)
    assert kim.span.text.startswith("if there are disputes then nothing else can be done")


def test_the_author_speaks_as_i(founding_facts):
    resign = by_quote(founding_facts, "they would have to resign")
    assert (resign.speaker, resign.stance) == (founding_facts.author, "opposes")
    assert ID + "state/albania" in resign.about


def test_words_after_stated_the_following_belong_to_the_speaker(founding_facts):
    duty = by_quote(founding_facts, "our duty to do all we can to preserve our unity")
    assert duty.rule.split("+")[0] == "direct-speech" and duty.speaker != founding_facts.author


def test_i_inside_the_speakers_own_words_is_the_speaker(founding_facts):
    believe = by_quote(founding_facts, "China has many assets but also several liabilities")
    assert believe.speaker == by_quote(founding_facts, "our duty to do all").speaker != founding_facts.author


def test_a_judgement_that_names_nothing_is_about_the_subject_of_the_conversation():
    facts = extract(memo(
        "Moscow, 2 May 1962\n\nRecord of Conversation with Kim Il Sung\n\n"
        "Kim Il Sung said that Albania had broken off relations with Moscow. He said that this had been a grave mistake.",
        date(1962, 5, 2)))
    judgement = by_quote(facts, "this had been a grave mistake")
    assert (judgement.stance, judgement.about) == ("criticizes", [ID + "state/albania"])


def test_evidence_is_the_exact_text_at_its_offsets(founding_facts):
    body = founding_facts.document.body
    assert all(body[p.span.start:p.span.end] == p.span.text for p in founding_facts.positions)


def test_questions_are_not_positions(founding_facts):
    assert not any("asked" in p.span.text or p.span.text.endswith("?") for p in founding_facts.positions)


# ---------------------------------------------------------------- other shapes


def test_frus_style_secretary_and_foreign_minister():
    facts = extract(memo(
        "Washington, October 10, 1961\n\nMemorandum of Conversation\n\n"
        "The Secretary said that the United States could not accept any solution for Berlin that would deny the rights "
        "of the Western powers. Gromyko replied that the Soviet Union must sign a peace treaty with the German Democratic "
        "Republic. The Secretary said he doubted that such a treaty would bring peace.", date(1961, 10, 10)))
    assert [s[:3] for s in summary(facts)] == [
        ("dean-rusk", "opposes", None), ("andrei-gromyko", "advocates", None), ("dean-rusk", "doubts", None)]
    assert facts.meetings[0].participants == [ID + "person/dean-rusk", ID + "person/andrei-gromyko"]
    assert ID + "topic/peace-treaties" in facts.positions[1].topics


def test_telegram_in_the_first_person_plural_speaks_for_the_sending_state():
    facts = extract(memo(
        "Beijing, 12 July 1963\n\nTelegram from the Soviet Embassy in Beijing\n\n"
        "Today we met Chen Yi at his request. Chen Yi stated that the Chinese government rejects the proposal for a "
        "nuclear test ban. We told him that the Soviet government considers the treaty necessary for peace.",
        date(1963, 7, 12)))
    assert [s[:2] for s in summary(facts)] == [("chen-yi", "opposes"), ("soviet-union", "advocates")]
    assert facts.positions[0].topics == [ID + "topic/nuclear-weapons-testing"]
    assert facts.positions[1].on_behalf_of == ID + "state/soviet-union"


def test_reported_speech_two_levels_deep_keeps_the_chain():
    facts = extract(memo(
        "Moscow, 5 May 1962\n\nRecord of Conversation with Comrade Pak Song-chol\n\n"
        "On 4 May I received Comrade Pak Song-chol. Pak Song-chol said that Kim Il Sung had told him that Mao Zedong "
        "had said that the Soviet leaders were making a serious mistake.", date(1962, 5, 5)))
    (p,) = facts.positions
    assert (p.speaker, p.reported_by, p.relayed_by) == (ID + "person/mao-zedong", ID + "person/kim-il-sung", [ID + "person/pak-song-chol"])
    assert (p.stance, p.about, p.span.text) == ("criticizes", [ID + "state/soviet-union"],
                                                "the Soviet leaders were making a serious mistake.")


def test_a_collective_side_speaks_for_its_state():
    facts = extract(memo(
        "Hanoi, 2 June 1965\n\nRecord of Talks\n\nThe Vietnamese side stated that the bombing of the North must stop "
        "before any negotiations with the United States.", date(1965, 6, 2)))
    (p,) = facts.positions
    assert (p.speaker, p.on_behalf_of, p.stance) == (ID + "state/north-vietnam", ID + "state/north-vietnam", "advocates")
    assert p.about == [ID + "state/united-states"]


def test_narration_without_a_stance_is_not_a_position():
    facts = extract(memo(
        "Prague, 3 March 1963\n\nMemorandum\n\nThe Polish ambassador arrived at noon. He said that the weather in "
        "Warsaw had been cold.", date(1963, 3, 3)))
    assert facts.positions == []


def test_a_diary_record_signed_at_the_end_names_its_author():
    facts = extract(memo(
        "From the diary of V. P. Moskovsky\n\nPyongyang, 14 May 1963\n\n"
        "Record of a Conversation with Minister of Foreign Affairs of the DPRK Pak Song-chol, 12 May 1963\n\n"
        "On 12 May I visited Pak Song-chol at the Ministry of Foreign Affairs. The conversation lasted one hour.\n\n"
        "I thanked the minister for the information and said that the Soviet government welcomes the position of the DPRK.\n\n"
        "Ambassador of the USSR to the DPRK\nV. Moskovsky", date(1963, 5, 14)))
    author = next(p for p in facts.persons if p.ref == facts.author)
    assert (author.label, author.aliases) == ("V. P. Moskovsky", {"V. P. Moskovsky", "V. Moskovsky"})
    (m,) = facts.meetings
    assert (m.date, m.duration, m.participants) == (date(1963, 5, 12), "PT1H", [facts.author, ID + "person/pak-song-chol"])
    (p,) = facts.positions
    assert (p.speaker, p.stance, p.about) == (facts.author, "supports", [ID + "state/soviet-union", ID + "state/north-korea"])
    (post,) = [x for x in facts.posts if x.holder == facts.author]
    assert (post.of, post.to) == (ID + "state/soviet-union", ID + "state/north-korea")


def test_according_to_reports_the_words_that_follow():
    facts = extract(memo(
        "Pyongyang, 20 October 1961\n\nReport\n\n"
        "On 18 October the Czechoslovak ambassador, Comrade Moravec, visited me. According to Moravec, Kim Il Sung said "
        "that the Albanian leaders were making a serious error.\n\nKároly Pásztor\nambassador", date(1961, 10, 20)))
    (p,) = facts.positions
    moravec = next(x.ref for x in facts.persons if x.label == "Moravec")
    assert (p.speaker, p.reported_by, p.stance, p.about) == (
        ID + "person/kim-il-sung", moravec, "criticizes", [ID + "state/albania"])
    assert next(x.label for x in facts.persons if x.ref == facts.author) == "Károly Pásztor"
    assert facts.meetings[0].kind == ID + "meeting-kind/visit"


def test_a_transcript_gives_each_turn_to_its_speaker():
    facts = extract(memo(
        "Beijing, 2 October 1959\n\nRecord of Conversation between Mao Zedong and Nikita Khrushchev\n\n"
        "Khrushchev: We must not allow the Taiwan question to lead to a war with the United States.\n\n"
        "Mao Zedong: We do not agree. The United States occupies Taiwan, and we oppose any two-China solution.",
        date(1959, 10, 2)))
    assert [(s[0], s[1], s[3]) for s in summary(facts)] == [
        ("nikita-khrushchev", "opposes", "We must not allow the Taiwan question to lead to a war with the United States."),
        ("mao-zedong", "opposes", "We do not agree."),
        ("mao-zedong", "opposes", "The United States occupies Taiwan, and we oppose any two-China solution."),
    ]
    assert {p.rule.split("+")[0] for p in facts.positions} == {"dialogue"}


def test_a_journal_names_its_keeper_after_the_post_and_a_request_is_not_a_question():
    title = "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 12 April 1957"
    facts = extract(memo(
        f"12 April 1957\n\n{title}\n\nI received Kim Il Sung at his request. Kim Il Sung said that the Korean comrades "
        "are grateful for the Soviet economic assistance and asked that the delivery of equipment be accelerated.",
        date(1957, 4, 12)))
    author = next(p for p in facts.persons if p.ref == facts.author)
    assert author.label == "A.M. Puzanov"
    assert facts.meetings[0].participants == [facts.author, ID + "person/kim-il-sung"]
    (p,) = facts.positions
    assert (p.speaker, p.stance, ID + "topic/economic-assistance" in p.topics) == (ID + "person/kim-il-sung", "supports", True)
