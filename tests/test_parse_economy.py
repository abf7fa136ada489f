"""Extraction parses only the sentences whose parse can change who speaks, and the answer stays the same."""

from __future__ import annotations

import pytest

from cwkg.extract.attribution import find_cues, parse_helps
from cwkg.extract.facts import Mention, Span
from cwkg.extract.syntax import find_reports, model, reporting_words

IVANOV = "provisional:t/pyotrivanov"


def ivanov_at(text: str) -> list[Mention]:
    start = text.index("Pyotr Ivanov")
    return [Mention(IVANOV, "person", Span(start, start + 12, "Pyotr Ivanov"), "Pyotr Ivanov", 0, "test")]


def cues_with_parse(text: str) -> list:
    return find_cues(text, 0, len(text), ivanov_at(text) if "Pyotr Ivanov" in text else [], find_reports(model()(text), 0))


def test_the_words_that_may_report_are_found_at_their_offsets():
    text = "Nowak re-stated his view and pointed out the map of Ruritania."
    assert [text[at:at + 6] for at in reporting_words(text)] == ["stated", "pointe"]


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
