"""Occasions named by their maker and destination ("the Minister's visit to Ruritania") are events of the record,
labelled as a historian writes them; on sentences written for the test."""

from __future__ import annotations

import re
from datetime import date

from cwkg.extract import occasions
from cwkg.extract.extract import extract
from cwkg.lang.kinds import document_kind
from cwkg.records.facts import Mention, PersonFact, Span
from cwkg.loaders.source import SourceDocument

IVANOV = PersonFact(key="person:ivanov", label="Pyotr Ivanov")
NOWAK = PersonFact(key="person:nowak", label="Adam Nowak")
KINDS = {"Ivanov": ("person:ivanov", "person"), "Nowak": ("person:nowak", "person"), "The Minister": ("person:ivanov", "person"),
         "Ruritania": ("state:ruritania", "state"), "Strelsau": ("place:strelsau", "place"),
         "Strelsau Assembly": ("organization:assembly", "organization")}


def found(text: str) -> list[tuple[str, str]]:
    """(label, the words the mention stands on) of each occasion found in `text`."""
    mentions = []
    for name, (entity, kind) in sorted(KINDS.items(), key=lambda kv: -len(kv[0])):
        for m in re.finditer(rf"\b{name}\b", text):
            if not any(x.span.start <= m.start() < x.span.end for x in mentions):
                mentions.append(Mention(entity, kind, Span(m.start(), m.end(), name), "name", 1, "test"))
    facts, named = occasions.find(text, mentions, [IVANOV, NOWAK], "doc", lambda offset: 1)
    labels = {f.key: f.label for f in facts}
    return [(labels[m.entity], m.span.text) for m in named]


def test_a_makers_visit_to_a_state_is_an_occasion():
    assert found("They spoke of Ivanov's visit to Ruritania.") == [("Ivanov's visit to Ruritania", "visit")]


def test_words_that_describe_the_occasion_stay_out_of_its_label():
    assert found("The Minister's recent speech to the Strelsau Assembly was useful.") == [
        ("Ivanov's speech to the Strelsau Assembly", "speech")]


def test_two_makers_visits_name_both():
    assert found("Ivanov and Nowak’s visits to Strelsau were useful.") == [("Ivanov's and Nowak's visits to Strelsau", "visits")]


def test_that_of_a_maker_after_the_occasion_names_it_in_the_singular():
    assert found("It would encourage trips such as that of Nowak to Ruritania.") == [("Nowak's trip to Ruritania", "trips")]


def test_a_possessive_without_an_occasion_noun_names_nothing():
    assert found("Ivanov's letter to Ruritania arrived.") == []


def test_an_occasion_without_a_named_destination_names_nothing():
    assert found("Ivanov's visit to the capital was short.") == []


def _extracted(sentence: str):
    title = "Memorandum of Conversation"
    body = f"{title}\n\nWashington, March 2, 1965.\n\n{sentence}"
    return extract(SourceDocument(doc_id="v", source="test", format="test", title=title, body=body,
                                  date=date(1965, 3, 2), kind=document_kind(title)))


def test_an_extracted_record_holds_the_occasion_as_an_event():
    facts = _extracted("Ambassador Pyotr Ivanov said that Ivanov's visit to Poland had been useful.")
    assert [e.label for e in facts.entities if e.kind == "event"] == ["Ivanov's visit to Poland"]


def test_a_possessive_surname_names_the_person_the_record_named_in_full():
    facts = _extracted("Ambassador Pyotr Ivanov came in. He said that Ivanov’s car was late.")
    assert [m.span.text for m in facts.mentions if m.kind == "person"] == ["Pyotr Ivanov", "Ivanov"]
