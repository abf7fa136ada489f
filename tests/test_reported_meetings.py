"""Meetings of others that a record tells of in a sentence, with their day, on sentences written for the test."""

from datetime import date

from cwkg.extract.extract import extract
from cwkg.lang.kinds import document_kind
from cwkg.loaders.source import SourceDocument


def reported(body: str, title: str = "Telegram from the Embassy in Warsaw", written: date = date(1962, 5, 28)):
    body = "The embassy has learned what follows from its sources in the ministry.\n\n" + body
    facts = extract(SourceDocument(doc_id="told", source="test", format="test", title=title, body=body, date=written,
                                   kind=document_kind(title)))
    names = {p.ref: p.label for p in facts.persons}
    return [(m.date, sorted(names[p] for p in m.participants), m.rules) for m in facts.meetings if m.reported]


def test_a_conversation_held_on_a_day_of_this_month_is_a_meeting_of_both():
    assert reported("Comrade Pyotr Ivanov reported that on the 25th of this month he held a conversation with Comrade Adam Nowak.") == [
        (date(1962, 5, 25), ["Adam Nowak", "Pyotr Ivanov"], ["reported-conversation"])]


def test_a_possessive_conversation_which_took_place_on_a_date_is_a_meeting_of_its_owner():
    assert reported("Referring to his conversation with Comrade Adam Nowak, which took place on 11 May 1962, "
                    "Comrade Pyotr Ivanov related the following.") == [
        (date(1962, 5, 11), ["Adam Nowak", "Pyotr Ivanov"], ["reported-conversation"])]


def test_a_meeting_told_without_a_day_is_not_a_meeting_of_the_record():
    assert reported("Comrade Pyotr Ivanov said that he had held a conversation with Comrade Adam Nowak.") == []


def test_the_clause_before_a_colon_gives_neither_the_day_nor_the_people():
    assert reported("Comrade Jan Kowalski reports in his telegram dated 27th this month: on the 25th of this month "
                    "Comrade Pyotr Ivanov held a conversation with Comrade Adam Nowak.") == [
        (date(1962, 5, 25), ["Adam Nowak", "Pyotr Ivanov"], ["reported-conversation"])]


def test_he_before_the_verb_is_the_person_named_before_the_clause():
    assert reported("The ambassador of Ruritania, Comrade Pyotr Ivanov, informed the embassy: on the 25th of this month he "
                    "held a conversation with Comrade Adam Nowak.") == [
        (date(1962, 5, 25), ["Adam Nowak", "Pyotr Ivanov"], ["reported-conversation"])]
