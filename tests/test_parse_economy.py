"""Extraction parses only the sentences whose parse can change who speaks, and the answer stays the same."""

from __future__ import annotations

import pytest

from cwkg.extract.attribution import find_cues, parse_helps
from cwkg.extract.authority import default_authority
from cwkg.records.facts import Mention, Span
from cwkg.extract.stance import parse_questions
from cwkg.extract.syntax import complement_mood, experiencer, find_reports, model, prepare, reporting_words

IVANOV = "provisional:t/pyotrivanov"


def ivanov_at(text: str) -> list[Mention]:
    start = text.index("Pyotr Ivanov")
    return [Mention(IVANOV, "person", Span(start, start + 12, "Pyotr Ivanov"), "Pyotr Ivanov", 0, "test")]


def cues_with_parse(text: str) -> list:
    return find_cues(text, 0, len(text), ivanov_at(text) if "Pyotr Ivanov" in text else [], find_reports(model()(text), 0))


def test_the_words_that_may_report_are_found_at_their_offsets():
    text = "Nowak re-stated his view and pointed out the map of Ruritania."
    assert [text[at:at + 6] for at in reporting_words(text)] == ["stated", "pointe"]


def test_a_word_after_an_article_or_a_modal_is_no_reporting_verb():
    text = "The report of Adam Nowak said that we should state it plainly to Ruritania."
    assert [text[at:at + 4] for at in reporting_words(text)] == ["said"]


def test_only_the_words_inside_the_range_are_read():
    text = "Ivanov said nothing. Nowak stressed the risk."
    assert reporting_words(text, 21, len(text)) == [27]


def test_a_sentence_whose_reporting_verb_the_patterns_read_needs_no_parse():
    text = "Pyotr Ivanov said that Ruritania would stay neutral."
    assert parse_helps(text, 0, len(text), ivanov_at(text)) is False


def test_a_sentence_with_no_one_to_say_it_needs_no_parse():
    text = "The talks in Strelsau stressed the need for calm."
    assert parse_helps(text, 0, len(text), []) is False


def test_a_sentence_without_a_reporting_word_needs_no_parse():
    text = "Pyotr Ivanov arrived in Strelsau on Tuesday."
    assert parse_helps(text, 0, len(text), ivanov_at(text)) is False


def test_a_reporting_verb_the_patterns_miss_asks_for_the_parse_and_the_parse_finds_its_speaker():
    text = "Pyotr Ivanov, after a long pause during which the interpreters conferred, stated that Ruritania would wait."
    assert parse_helps(text, 0, len(text), ivanov_at(text)) is True
    assert [(c.verb, c.subject.value) for c in cues_with_parse(text)] == [("stated", IVANOV)]


@pytest.mark.parametrize("text", [
    "Pyotr Ivanov said that Ruritania would stay neutral.",
    "He stressed that the border with Ruritania was closed.",
    "The talks in Strelsau stressed the need for calm.",
    "Pyotr Ivanov pointed out that the treaty had lapsed, and he added that Strelsau was calm.",
])
def test_where_no_parse_is_needed_the_cues_are_those_the_parse_would_give(text):
    mentions = ivanov_at(text) if "Pyotr Ivanov" in text else []
    assert parse_helps(text, 0, len(text), mentions) is False
    assert find_cues(text, 0, len(text), mentions) == cues_with_parse(text)


@pytest.mark.parametrize(("clause", "verb", "questions"), [
    ("that the talks be resumed in Strelsau", "asked", ("that the talks be resumed in Strelsau",)),
    ("that the plan was sound", "suggested", ("that the plan was sound",)),
    ("Ruritania will welcome the plan", "said", ("Ruritania will welcome the plan",)),
    ("Ruritania will welcome the plan", "warned", ()),
    ("the weather in Strelsau was fine", "said", ()),
])
def test_the_clauses_a_stance_asks_the_parse_about_are_known_before(clause, verb, questions):
    assert parse_questions(default_authority(), clause, verb) == questions


@pytest.mark.parametrize(("clause", "mood"), [
    ("that the talks on Ruritania be resumed", "mandative"),
    ("that Ruritania had closed its border with Strelsau", "indicative"),
    ("to leave Strelsau at once, with the whole mission", "mandative"),
    ("that the mission from Ruritania should leave", "mandative"),
])
def test_a_clause_parsed_in_a_batch_has_the_mood_a_parse_of_its_own_gives(clause, mood):
    alone = complement_mood(clause)
    complement_mood.cache_clear()
    prepare([clause, "Pyotr Ivanov arrived in Strelsau.", "Adam Nowak stayed in Ruritania for a week."])
    assert (alone, complement_mood(clause)) == (mood, mood)


def test_the_third_party_of_an_attitude_is_the_same_from_a_batch():
    clause = "Ruritania will welcome the new treaty"
    at = clause.index("welcome")
    alone = experiencer(clause, at, at + 7)
    experiencer.cache_clear()
    prepare([clause, "Adam Nowak stayed in Strelsau."])
    assert (alone, experiencer(clause, at, at + 7)) == ((0, 9), (0, 9))
