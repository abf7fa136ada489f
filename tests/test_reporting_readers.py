"""Every reader of reported speech takes its words from the reporting lexicon (extract/lexicon/reporting.tsv):
the speakers persons find, the meetings a record only tells of, the nominal reports of attribution."""

from __future__ import annotations

from cwkg.extract import attribution, encounters, persons, reporting


def test_a_name_before_a_verb_of_saying_is_a_speaker():
    found = persons.find_candidates("Later Adam Nowak said that Strelsau was calm.", [], [])
    assert [(c.name, c.rule) for c in found] == [("Adam Nowak", "speaker")]


def test_a_name_before_a_verb_the_press_uses_as_often_is_no_speaker_by_itself():
    assert persons.find_candidates("Later Adam Nowak reported that Strelsau was calm.", [], []) == []


def test_the_verbs_the_press_uses_as_often_are_those_the_lexicon_marks():
    assert {e.expression for e in reporting.entries() if e.press} == {"report", "announce", "inform", "write"}


def test_a_meeting_after_any_verb_of_saying_of_the_lexicon_is_one_someone_tells_of():
    text = "Pyotr Ivanov stressed that he had met Adam Nowak in Strelsau."
    assert encounters._reported(text, text.index("Adam")) is True


def test_a_meeting_with_no_verb_of_saying_before_it_is_the_records_own():
    text = "Pyotr Ivanov met Adam Nowak in Strelsau."
    assert encounters._reported(text, text.index("Adam")) is False


def test_a_speech_noun_after_the_participle_of_a_light_verb_is_a_report():
    text = "The view was taken that Ruritania would wait."
    assert [c.verb for c in attribution.find_cues(text, 0, len(text), [])] == ["view"]


def test_a_speech_noun_after_the_participle_of_a_verb_of_saying_is_a_report():
    text = "The view was stressed that Ruritania would wait."
    assert [c.verb for c in attribution.find_cues(text, 0, len(text), [])] == ["view"]


def test_a_question_reads_any_verb_of_the_lexicon_with_its_stance():
    from cwkg.ask.model import Said
    from cwkg.ask.reader import read

    assert read("Who deplored the closing of the border?") == Said(
        claim="closing of the border", verb="deplored", stance="criticizes")


def test_a_question_reads_a_phrasal_verb_of_the_lexicon_whole():
    from cwkg.ask.model import Said
    from cwkg.ask.reader import read

    assert read("Who pressed for talks with Ruritania?") == Said(
        claim="talks with Ruritania", verb="pressed for", stance="advocates")
